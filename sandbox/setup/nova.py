"""nova-manage api_db sync, cell_v2 map_cell0/create_cell, db sync in one
interpreter.

    python -m sandbox.setup.nova CONFIG_FILE -- ARGS... -- ARGS...
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
    import functools
    from nova.cmd import manage
    parse_args = manage.config.parse_args
    for index, command in enumerate(commands):
        if index == 1:
            # The databases are configured by the first command; oslo.db
            # refuses to configure a started engine facade again.
            manage.config.parse_args = functools.partial(
                parse_args, configure_db=False)
        print('nova-manage %s' % ' '.join(command), flush=True)
        manage.CONF.reset()
        sys.argv = ['nova-manage', '--config-file', conf_file] + command
        ret = manage.main()
        if ret == 2 and command[:2] == ['cell_v2', 'create_cell']:
            continue  # cell1 exists already: a re-run after an interruption
        if ret not in (None, 0):
            sys.exit('nova-manage %s failed (%s)' % (' '.join(command), ret))


if __name__ == '__main__':
    main(sys.argv)
