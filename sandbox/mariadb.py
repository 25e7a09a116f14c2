"""The sandbox's private MariaDB (never the system service).

Its own datadir under the state dir, a unix socket in run/, no TCP.  The
services connect as the server's root account over that socket: nothing
else can reach it.
"""
import getpass
import os
import shutil
import subprocess
import sys
import time

from sandbox import process
from sandbox import render

NAME = 'mariadb'
DATABASES = ('keystone', 'heat', 'magnum', 'nova_api', 'nova', 'nova_cell0',
             'neutron')
APT_COMMAND = ['apt-get', 'install', '-y', 'mariadb-server']


def _binary(name, *dirs):
    for d in dirs:
        path = os.path.join(d, name)
        if os.access(path, os.X_OK):
            return path
    return shutil.which(name)


def binaries():
    return (_binary('mariadbd', '/usr/sbin', '/usr/libexec'),
            _binary('mariadb-install-db', '/usr/bin', '/usr/sbin'))


def ensure_installed():
    """Find mariadbd; as root install Debian's package if it is missing."""
    server, installer = binaries()
    if server and installer:
        return server, installer
    if os.geteuid() != 0:
        raise process.StartError(
            NAME, 'mariadbd is not installed; run: sudo %s'
            % ' '.join(APT_COMMAND))
    print('sandbox: installing mariadb-server (%s)' % ' '.join(APT_COMMAND),
          flush=True)
    env = dict(os.environ, DEBIAN_FRONTEND='noninteractive')
    # policy-rc.d is how Debian packages are told not to start services;
    # the package must not start (or enable) the system MariaDB.
    rc_path = '/usr/sbin/policy-rc.d'
    created = not os.path.exists(rc_path)
    if created:
        with open(rc_path, 'w') as f:
            f.write('#!/bin/sh\nexit 101\n')
        os.chmod(rc_path, 0o755)
    try:
        rc = subprocess.call(APT_COMMAND, env=env)
    finally:
        if created:
            os.unlink(rc_path)
    server, installer = binaries()
    if rc != 0 or not (server and installer):
        raise process.StartError(NAME, '`%s` failed' % ' '.join(APT_COMMAND))
    return server, installer


def config_file(layout):
    return os.path.join(layout.etc, 'mariadb.cnf')


def datadir(layout):
    return os.path.join(layout.data, 'mysql')


def render_config(layout):
    if len(layout.mysql_socket) > 100:
        raise process.StartError(NAME, 'socket path too long for a unix '
                                 'socket: %s' % layout.mysql_socket)
    render.render('mariadb.cnf.tmpl', config_file(layout),
                  datadir=datadir(layout), socket=layout.mysql_socket,
                  pid_file=os.path.join(layout.run, 'mysqld.pid'),
                  log_error=layout.log_file(NAME),
                  user=getpass.getuser())


def url(layout, database):
    """SQLAlchemy URL of one database over the private socket."""
    return ('mysql+pymysql://root@localhost/%s?unix_socket=%s&charset=utf8'
            % (database, layout.mysql_socket))


def start(layout):
    """Start mariadbd (initialising the datadir once); return pid or Popen."""
    pid = process.read_pid(layout.pid_file(NAME))
    if pid:
        return pid
    server, installer = ensure_installed()
    render_config(layout)
    if not os.path.exists(layout.stamp('mariadb-install')):
        shutil.rmtree(datadir(layout), ignore_errors=True)
        process.run(NAME, [installer, '--defaults-file=' + config_file(layout),
                           '--auth-root-authentication-method=normal',
                           '--skip-test-db', '--skip-name-resolve'],
                    layout.log_file('mariadb-install'))
        open(layout.stamp('mariadb-install'), 'w').close()
    return process.spawn(NAME, [server, '--defaults-file=' +
                                config_file(layout)],
                         layout.log_file(NAME), layout.pid_file(NAME))


def connect(layout, database=None):
    import pymysql
    return pymysql.connect(unix_socket=layout.mysql_socket, user='root',
                           database=database, autocommit=True)


def wait_ready(layout, proc, timeout=60.0):
    deadline = time.monotonic() + timeout
    while True:
        try:
            connect(layout).close()
            return
        except Exception as exc:  # pymysql raises several kinds
            last = exc
        if isinstance(proc, subprocess.Popen) and proc.poll() is not None:
            raise process.StartError(NAME, 'mariadbd exited',
                                     layout.log_file(NAME))
        if time.monotonic() > deadline:
            raise process.StartError(NAME, 'socket not ready: %s' % last,
                                     layout.log_file(NAME))
        time.sleep(0.1)


def create_databases(layout):
    conn = connect(layout)
    try:
        with conn.cursor() as cur:
            for name in DATABASES:
                cur.execute('CREATE DATABASE IF NOT EXISTS `%s` '
                            'CHARACTER SET utf8mb3' % name)
    finally:
        conn.close()


if __name__ == '__main__':  # debugging aid: print a database URL
    from sandbox import state
    print(url(state.Layout(), sys.argv[1] if len(sys.argv) > 1 else ''))
