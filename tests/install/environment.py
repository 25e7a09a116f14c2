"""An operator's Horizon for the install test: a virtualenv of stock Horizon.

The virtualenv (Horizon 27 and the plugin's dependencies, nothing from the
repository) is cached under ``.cache/install/<key>``, the key being a hash
of what decides its contents, so only the first run pays for the install.
Each run installs the freshly built wheel with the README's own commands and
``restore`` takes it out again, leaving stock Horizon for the next run.
"""

import concurrent.futures
import hashlib
import os
import re
import shutil
import subprocess
import sys
import textwrap

from sandbox import process

REPO_ROOT = os.path.dirname(os.path.dirname(os.path.dirname(
    os.path.abspath(__file__))))
CACHE_ROOT = os.path.join(REPO_ROOT, '.cache', 'install')
CONSTRAINTS = os.path.join(REPO_ROOT, 'requirements', 'dashboard.txt')
HORIZON = 'horizon==27.0.0'
DISTRIBUTION = 'horizon-magnum-panels'
STEPS_MARK = '<!-- install-steps'
INSTALL_TIMEOUT = 900
# The early build of the virtualenv (tests/install/conftest.py).
_POOL = concurrent.futures.ThreadPoolExecutor(1)
_EARLY = []


def run(command, log, niceness=0, **kwargs):
    """Run ``command``, its output appended to ``log``; fail with its end.
    ``niceness`` > 0 lowers its CPU priority.
    """
    if niceness:
        command = ['nice', '-n', str(niceness)] + command
    with open(log, 'ab') as out:
        out.write(('\n$ %s\n' % ' '.join(command)).encode())
        out.flush()
        done = subprocess.run(command, stdout=out, stderr=subprocess.STDOUT,
                              timeout=INSTALL_TIMEOUT, **kwargs)
    if done.returncode:
        with open(log, errors='replace') as text:
            tail = text.read()[-3000:]
        raise RuntimeError('%s exited %d:\n%s'
                           % (command[:3], done.returncode, tail))


def clean_env(venv, **extra):
    """The environment of a shell of that virtualenv: no repository path."""
    env = {key: value for key, value in os.environ.items()
           if not key.startswith(('PYTHON', 'VIRTUAL_ENV', 'DJANGO_'))}
    env['PATH'] = os.pathsep.join(
        [os.path.join(venv, 'bin'), env.get('PATH', '/usr/bin:/bin')])
    env['VIRTUAL_ENV'] = venv
    env.update(extra)
    return env


def one_at_a_time(name):
    """Test processes side by side (pytest-xdist) take turns: a wheel build
    writes pbr's files into the checkout, a virtualenv is built in place.
    """
    os.makedirs(CACHE_ROOT, exist_ok=True)
    return process.exclusive(os.path.join(CACHE_ROOT, name + '.lock'))


def build_wheel(dist_dir, log, niceness=0):
    """The wheel as a release builds it (pip, isolated build, pbr)."""
    # -v: the build's own warnings go to the log.
    with one_at_a_time('wheel'):
        run([sys.executable, '-m', 'pip', 'wheel', '--no-deps', '-v',
             '--wheel-dir', dist_dir, REPO_ROOT], log, niceness,
            cwd=REPO_ROOT)
    wheels = [name for name in os.listdir(dist_dir) if name.endswith('.whl')]
    assert len(wheels) == 1, wheels
    return os.path.join(dist_dir, wheels[0])


def cache_key():
    digest = hashlib.sha256(('%s %s\n' % (sys.version, HORIZON)).encode())
    with open(CONSTRAINTS, 'rb') as constraints:
        digest.update(constraints.read())
    with open(os.path.join(REPO_ROOT, 'setup.cfg'), 'rb') as setup_cfg:
        requires = re.search(rb'install_requires =\n((?:    .*\n)+)',
                             setup_cfg.read())
        digest.update(requires.group(1))
    return digest.hexdigest()[:16]


def venv_path():
    return os.path.join(CACHE_ROOT, cache_key())


def venv_is_cached():
    return os.path.exists(os.path.join(venv_path(), '.complete'))


def prepare_venv(niceness=10):
    """The cached virtualenv, from a wheel of its own (built beside it and
    removed after); the output goes to ``<venv>.log``.  At a low CPU
    priority: it runs beside the suites, whose waits are its time.
    """
    venv = venv_path()
    dist_dir = venv + '.dist'
    shutil.rmtree(dist_dir, ignore_errors=True)
    os.makedirs(CACHE_ROOT, exist_ok=True)
    try:
        return horizon_venv(build_wheel(dist_dir, venv + '.log', niceness),
                            venv + '.log', niceness)
    finally:
        shutil.rmtree(dist_dir, ignore_errors=True)


def build_venv_early():
    """Start building the virtualenv in a thread, unless it is cached."""
    if not _EARLY and not venv_is_cached():
        _EARLY.append(_POOL.submit(prepare_venv))


def wait_for_early_venv():
    """Once the early build is done; re-raises what it failed with."""
    for future in _EARLY:
        future.result()


def horizon_venv(wheel, log, niceness=0):
    """The cached virtualenv of stock Horizon and the plugin's dependencies
    (the plugin itself installed once to resolve them, then removed).
    A virtualenv cannot move (its scripts name its folder), so it is built
    in place; ``.complete`` marks one that finished.
    """
    venv = venv_path()
    complete = os.path.join(venv, '.complete')
    with one_at_a_time(os.path.basename(venv)):
        if os.path.exists(complete):
            return venv
        shutil.rmtree(venv, ignore_errors=True)
        run([sys.executable, '-m', 'venv', venv], log, niceness)
        pip = [os.path.join(venv, 'bin', 'python'), '-m', 'pip']
        # --no-compile: Python compiles what Horizon imports when it runs.
        run(pip + ['install', '-q', '--no-compile', '-c', CONSTRAINTS,
                   HORIZON, wheel], log, niceness, env=clean_env(venv),
            cwd='/')
        run(pip + ['uninstall', '-q', '-y', DISTRIBUTION], log, niceness,
            env=clean_env(venv), cwd='/')
        open(complete, 'w').close()
    return venv


def readme_steps():
    """The shell block of README.md's "Installing into an existing
    Horizon" that follows the install-steps mark.
    """
    with open(os.path.join(REPO_ROOT, 'README.md')) as readme:
        text = readme.read()
    after = text[text.index(STEPS_MARK):]
    block = re.search(r'```sh\n(.*?)```', after, re.DOTALL)
    return block.group(1)


def dashboard_dir(venv):
    found = subprocess.run(
        [os.path.join(venv, 'bin', 'python'), '-c',
         'import os, openstack_dashboard; '
         'print(os.path.dirname(openstack_dashboard.__file__))'],
        env=clean_env(venv), capture_output=True, text=True, check=True,
        cwd='/')
    return found.stdout.strip()


def write_local_settings(dashboard, keystone_url, static_root):
    """The operator's existing configuration of their Horizon."""
    with open(os.path.join(dashboard, 'local', 'local_settings.py'),
              'w') as out:
        out.write(textwrap.dedent('''\
            # The operator's Horizon configuration (written by the test).
            DEBUG = False
            SECRET_KEY = %r
            ALLOWED_HOSTS = ['127.0.0.1']
            OPENSTACK_KEYSTONE_URL = %r
            CACHES = {'default': {
                'BACKEND': 'django.core.cache.backends.locmem.LocMemCache'}}
            SESSION_ENGINE = 'django.contrib.sessions.backends.signed_cookies'
            STATIC_ROOT = %r
            COMPRESS_OFFLINE = True
            ''' % (os.urandom(16).hex(), keystone_url, static_root)))


def install_with_readme(venv, wheel, log, cwd):
    """Run the README's block as it stands; only the package name becomes
    the wheel just built.
    """
    steps = readme_steps()
    assert 'pip install %s' % DISTRIBUTION in steps, steps
    script = steps.replace('pip install %s' % DISTRIBUTION,
                           'pip install -q %s' % wheel, 1)
    run(['bash', '-euo', 'pipefail', '-c', script], log, cwd=cwd,
        env=clean_env(venv))


def restore(venv, log):
    """Back to stock Horizon: the plugin, its copied files, the settings."""
    dashboard = dashboard_dir(venv)
    local = os.path.join(dashboard, 'local')
    for folder, pattern in (('enabled', r'^_[12]37\d_.*\.py$'),
                            ('local_settings.d', r'^_1370_.*\.py$')):
        for name in os.listdir(os.path.join(local, folder)):
            if re.match(pattern, name):
                os.remove(os.path.join(local, folder, name))
    for name in ('local_settings.py', '.secret_key_store'):
        if os.path.exists(os.path.join(local, name)):
            os.remove(os.path.join(local, name))
    run([os.path.join(venv, 'bin', 'python'), '-m', 'pip', 'uninstall', '-q',
         '-y', DISTRIBUTION], log, env=clean_env(venv), cwd='/')
