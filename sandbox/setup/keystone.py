"""keystone-manage db_sync, *_setup and bootstrap in one interpreter.

    python -m sandbox.setup.keystone CONFIG_FILE -- CMD ARGS... -- CMD ARGS...
"""
import sys


def main(argv):
    conf_file = argv[1]
    commands, current = [], None
    for arg in argv[2:]:
        if arg == '--':
            current = []
            commands.append(current)
        else:
            current.append(arg)
    from keystone.cmd import cli
    for command in commands:
        print('keystone-manage %s' % command[0], flush=True)
        cli.CONF.reset()
        sys.argv = ['keystone-manage', '--config-file', conf_file] + command
        cli.main(argv=sys.argv)


if __name__ == '__main__':
    main(sys.argv)
