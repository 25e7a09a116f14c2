"""`make bench`: run every benchmark in bench/ in turn and show its figures."""

import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


# The benchmarks, in this order; the other modules in bench/ are their parts.
BENCHMARKS = ('sandbox_start.py', 'load.py', 'outage.py', 'upstream.py',
              'scale.py')


def main():
    failed = []
    for name in BENCHMARKS:
        script = os.path.join(HERE, name)
        print('== %s' % os.path.basename(script), flush=True)
        if subprocess.run([sys.executable, script],
                          cwd=os.path.dirname(HERE)).returncode:
            failed.append(os.path.basename(script))
    if failed:
        print('failed: %s' % ', '.join(failed))
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
