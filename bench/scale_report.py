"""bench/scale.py's table (markdown), chart (PNG) and figures (JSON)."""

import json
import os
import statistics
import time

TARGETS = {'index/raw': 1.2, 'navigation ours/upstream': 0.5,
           'magnum calls per index load': 2, 'magnum calls per detail': 3,
           'RSS added per worker (MiB)': 10}


def _calls(calls):
    return '%d + %d' % (calls['magnum'], calls['heat'])


def _s(value):
    return '%.3f s' % value


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
        ('ours: index / raw list of every cluster', '%.2f×' % (
            fig['index'] / fig['raw_list'])),
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
        out.append(('ours: row refresh, %d busy (calls)' % k, '%s (%s)' % (
            _s(fig[key]), _calls(fig[key + '_calls']))))
    out += [
        ('upstream: REST list', _s(fig['upstream_rest'])),
        ('ours: navigation → first page drawn', _s(fig['nav_ours'])),
        ('upstream: navigation → rows drawn', _s(fig['nav_upstream'])),
        ('navigation ours / upstream', '%.2f×' % (fig['nav_ours'] /
                                                 fig['nav_upstream'])),
    ]
    return out


def table(figures, extra):
    columns = [rows(fig) for fig in figures]
    lines = ['| what | ' + ' | '.join('N = %d' % f['n'] for f in figures)
             + ' |', '|---|' + '---|' * len(figures)]
    for i, (label, _) in enumerate(columns[0]):
        lines.append('| %s | %s |' % (label, ' | '.join(
            column[i][1] for column in columns)))
    with_plugin = statistics.median(extra['rss_with'])
    without = statistics.median(extra['rss_without'])
    lines.append('')
    lines.append('RSS per Horizon worker after the same pages: %.0f MiB '
                 'with the plugin, %.0f MiB without: %+.0f MiB (target '
                 '≤ %d).' % (with_plugin, without, with_plugin - without,
                             TARGETS['RSS added per worker (MiB)']))
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
        axes.plot(sizes, [f[key] for f in figures], style, label=label)
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


def write(figures, extra, folder):
    """Table, chart and JSON into folder; the table with the file names."""
    os.makedirs(folder, exist_ok=True)
    text = table(figures, extra)
    header = '%s, %d CPUs\n\n' % (time.strftime('%Y-%m-%d %H:%M'),
                                  os.cpu_count())
    paths = {ext: os.path.join(folder, 'scale.%s' % ext)
             for ext in ('md', 'png', 'json')}
    with open(paths['md'], 'w') as out:
        out.write(header + text + '\n')
    with open(paths['json'], 'w') as out:
        json.dump({'sizes': figures, 'memory': extra}, out, indent=1)
    chart(figures, paths['png'])
    return '%s\n%s\nwritten: %s' % (header, text, ', '.join(
        sorted(paths.values())))
