"""`make bench`: run every benchmark in bench/ in turn and show its figures."""

import glob
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def main():
    failed = []
    for script in sorted(glob.glob(os.path.join(HERE, '*.py'))):
        if os.path.basename(script) in ('run_all.py', '__init__.py'):
            continue
        print('== %s' % os.path.basename(script), flush=True)
        if subprocess.run([sys.executable, script],
                          cwd=os.path.dirname(HERE)).returncode:
            failed.append(os.path.basename(script))
    if failed:
        print('failed: %s' % ', '.join(failed))
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
