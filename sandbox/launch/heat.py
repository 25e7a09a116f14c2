"""Heat API + engine in one process (fake:// RPC needs both in one process).

    python -m sandbox.launch.heat CONFIG_FILE PORT THREADS

heat-engine's own launcher always forks its workers (oslo.service with the
threading backend uses cotyledon), which breaks the in-memory fake
transport; here the EngineService is started directly in this process and
the heat-api paste app is served by the threaded server beside it.
"""
import sys


def main(argv):
    conf_file, port, threads = argv[1], int(argv[2]), int(argv[3])
    sys.argv = ['heat-all']

    from oslo_service import backend
    backend.init_backend(backend.BackendType.THREADING)

    from oslo_config import cfg
    import oslo_i18n
    from oslo_log import log as logging

    from heat.common import config
    from heat.common import messaging
    from heat.common import profiler
    from heat.engine import template
    from heat.rpc import api as rpc_api
    from heat import version

    oslo_i18n.enable_lazy()
    conf = cfg.CONF
    logging.register_options(conf)
    conf(['--config-file', conf_file], project='heat', prog='heat-api',
         version=version.version_info.version_string())
    logging.setup(conf, 'heat')
    config.set_config_defaults()
    messaging.setup()
    config.startup_sanity_check()
    if not template._get_template_extension_manager().names():
        sys.exit('heat: no template format plugins registered')

    from heat.engine import service as engine_service
    profiler.setup('heat-engine', conf.host)
    engine = engine_service.EngineService(conf.host, rpc_api.ENGINE_TOPIC)
    engine.start()

    app = config.load_paste_app('heat-api')

    from sandbox.launch import server
    server.serve(app, port, threads)


if __name__ == '__main__':
    main(sys.argv)
