"""bench/scale.py's table (markdown), chart (PNG) and figures (JSON)."""

import json
import os
import time

TARGETS = {'index/raw': 1.2, 'navigation ours/upstream': 0.5,
           'magnum calls per index load': 2, 'magnum calls per detail': 3,
           'RSS added per worker (MiB)': 10}


def _calls(calls):
    return '%d + %d' % (calls['magnum'], calls['heat'])


def _s(value):
    return 'failed' if value is None else '%.3f s' % value


def _ratio(a, b):
    return 'n/a' if a is None or b is None else '%.2f×' % (a / b)


def rows(fig):
    """(label, text) lines of one size's column."""
    out = [
        ('clusters created for this size (this run)', '%d in %.0f s' % (
            fig['created'], fig['create_seconds'])),
        ('raw `clusters.list(detail=True)`, every cluster',
         _s(fig['raw_list'])),
        ('raw `clusters.list(detail=True, limit=21)`, one page',
         _s(fig['raw_page'])),
        ('Horizon page without Magnum (API Access)',
         _s(fig['horizon_page'])),
        ('ours: index, server time', _s(fig['index'])),
        ('ours: index / raw list of every cluster',
         _ratio(fig['index'], fig['raw_list'])),
        ('ours: API calls (Magnum + Heat), index first load',
         _calls(fig['index_cold_calls'])),
        ('ours: API calls (Magnum + Heat), index reload',
         _calls(fig['index_calls'])),
        ('ours: detail page', _s(fig['detail'])),
        ('ours: API calls, detail', _calls(fig['detail_calls'])),
        ('ours: Progress tab', _s(fig['progress'])),
        ('ours: API calls, Progress tab', _calls(fig['progress_calls'])),
    ]
    for k in (1, 10, 50):
        key = 'rows_%d' % k
        text = '%s (%s)' % (_s(fig[key]), _calls(fig[key + '_calls']))
        if fig.get(key + '_error'):
            text += ': ' + fig[key + '_error'].split(' answered ')[-1]
        out.append(('ours: row refresh, %d busy on one page (calls)' % k,
                    text))
    out += [
        ('upstream: REST list', _s(fig['upstream_rest'])),
        ('ours: navigation → first page drawn', _s(fig['nav_ours'])),
        ('upstream: navigation → rows drawn', _s(fig['nav_upstream'])),
        ('navigation ours / upstream',
         _ratio(fig['nav_ours'], fig['nav_upstream'])),
    ]
    return out


def table(figures, extra):
    columns = [rows(fig) for fig in figures]
    lines = ['| what | ' + ' | '.join('N = %d' % f['n'] for f in figures)
             + ' |', '|---|' + '---|' * len(figures)]
    for i, (label, _) in enumerate(columns[0]):
        lines.append('| %s | %s |' % (label, ' | '.join(
            column[i][1] for column in columns)))
    if not extra:
        return '\n'.join(lines)
    # gunicorn spreads requests unevenly: compare the busiest workers
    with_plugin, without = max(extra['rss_with']), max(extra['rss_without'])
    lines.append('')
    lines.append('RSS of the busiest Horizon worker after the same pages, '
                 'each Horizon freshly started: %.0f MiB with the plugin, '
                 '%.0f MiB without: %+.0f MiB (target ≤ %d; every worker: '
                 '%s with, %s without).' % (
                     with_plugin, without, with_plugin - without,
                     TARGETS['RSS added per worker (MiB)'],
                     '/'.join('%.0f' % r for r in extra['rss_with']),
                     '/'.join('%.0f' % r for r in extra['rss_without'])))
    return '\n'.join(lines)


def chart(figures, path):
    import matplotlib
    matplotlib.use('Agg')
    from matplotlib import pyplot
    sizes = [f['n'] for f in figures]
    series = (('raw clusters.list', 'raw_list', 'k--'),
              ('ours: index (server)', 'index', 'b-o'),
              ('ours: row refresh, 10 busy', 'rows_10', 'b:s'),
              ('ours: navigation → rows drawn', 'nav_ours', 'g-o'),
              ('upstream: REST list', 'upstream_rest', 'r--^'),
              ('upstream: navigation → rows drawn', 'nav_upstream', 'r-^'))
    figure, axes = pyplot.subplots(figsize=(8, 5))
    for label, key, style in series:
        points = [(f['n'], f[key]) for f in figures if f.get(key) is not None]
        axes.plot([p[0] for p in points], [p[1] for p in points], style,
                  label=label)
    axes.set_xscale('log')
    axes.set_xticks(sizes)
    axes.set_xticklabels([str(n) for n in sizes])
    axes.set_xlabel('clusters in the project')
    axes.set_ylabel('seconds (median)')
    axes.set_title('Clusters panel: ours, upstream magnum-ui 19, raw API')
    axes.grid(True, alpha=0.3)
    axes.legend()
    figure.tight_layout()
    figure.savefig(path, dpi=100)
    pyplot.close(figure)


def save(folder, name, figures):
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, 'scale-%s.json' % name), 'w') as out:
        json.dump(dict(figures, measured=time.strftime('%Y-%m-%d %H:%M')),
                  out, indent=1)


def _load(folder, name):
    path = os.path.join(folder, 'scale-%s.json' % name)
    if not os.path.exists(path):
        return None
    with open(path) as f:
        return json.load(f)


def write(folder, sizes):
    """Table and chart of the latest figures; the table and file names."""
    figures = [f for f in (_load(folder, 'size-%d' % n) for n in sizes) if f]
    extra = _load(folder, 'memory')
    text = table(figures, extra)
    header = 'measured %s, %d CPUs\n\n' % (', '.join(
        '%s (N = %d)' % (f['measured'], f['n']) for f in figures),
        os.cpu_count())
    paths = {ext: os.path.join(folder, 'scale.%s' % ext)
             for ext in ('md', 'png')}
    with open(paths['md'], 'w') as out:
        out.write(header + text + '\n')
    chart(figures, paths['png'])
    return '%s\n%s\nwritten: %s' % (header, text, ', '.join(
        sorted(paths.values())))
