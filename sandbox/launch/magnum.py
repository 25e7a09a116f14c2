"""Magnum API + conductor + periodic tasks in one process (fake:// RPC).

    python -m sandbox.launch.magnum CONFIG_FILE PORT THREADS

magnum-conductor's launcher forks its workers, which breaks the in-memory
fake transport; here the conductor's RPC service (the handlers magnum-
conductor registers) and its periodic tasks run in this process and the
API app is served by the threaded server beside them.

Unlike magnum-api, objects get no ``indirection_api``: with fake:// the
conductor would receive a RequestContext it cannot serialise, and it is
pointless anyway -- API and conductor share this process and database.
"""
import sys


def main(argv):
    conf_file, port, threads = argv[1], int(argv[2]), int(argv[3])
    sys.argv = ['magnum-all']

    from oslo_log import log as logging

    from magnum.common import service as magnum_service
    import magnum.conf

    conf = magnum.conf.CONF
    magnum_service.prepare_service(['magnum-all', '--config-file', conf_file])
    log = logging.getLogger('sandbox.magnum')

    # Imported only now: magnum.service.periodic reads
    # [kubernetes] health_polling_interval when the module is imported; the
    # sandbox disables that poll (its clusters have no Kubernetes API).
    from magnum.common import rpc_service
    from magnum.common import short_id
    from magnum.conductor.handlers import ca_conductor
    from magnum.conductor.handlers import cluster_conductor
    from magnum.conductor.handlers import conductor_listener
    from magnum.conductor.handlers import credential_conductor
    from magnum.conductor.handlers import federation_conductor
    from magnum.conductor.handlers import indirection_api
    from magnum.conductor.handlers import nodegroup_conductor
    from magnum.drivers.common import driver as driver_module

    drivers = [ep.name for ep, _ in driver_module.Driver.load_entry_points()]
    log.info('Magnum drivers: %s', drivers or 'none')

    endpoints = [
        indirection_api.Handler(),
        cluster_conductor.Handler(),
        conductor_listener.Handler(),
        credential_conductor.Handler(),
        ca_conductor.Handler(),
        federation_conductor.Handler(),
        nodegroup_conductor.Handler(),
    ]
    conductor = rpc_service.Service.create(
        conf.conductor.topic, short_id.generate_id(), endpoints,
        binary='magnum-conductor')
    # The status sync's spacing is 10 s in Magnum's code; the sandbox's
    # periodic_interval_max (10 unless the tests lower it) sets both.
    from magnum.service import periodic
    periodic.MagnumPeriodicTasks._periodic_spacing['sync_cluster_status'] = (
        conf.periodic_interval_max)
    conductor.create_periodic_tasks()
    conductor.start()

    from sandbox.launch import magnum_fixes
    magnum_fixes.apply()

    from magnum.api import app as api_app
    app = api_app.load_app()

    from sandbox.launch import server
    server.serve(app, port, threads)


if __name__ == '__main__':
    main(sys.argv)
