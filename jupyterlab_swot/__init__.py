"""JupyterLab extension for SWOT ocean data: the Python package carries the
prebuilt labextension and a small server extension (read-only bytes, folder
listings, the server's roots and the orbit ephemerides for the browser, confined
to the server root, the data roots an administrator declares in
``c.Swot.data_roots`` and the sample dataset in ``c.Swot.sample_data``), and the tutorials gallery
(copies of the shipped notebooks into ``c.Swot.tutorials_dir``)."""

try:
    from ._version import __version__
except ImportError:  # running from a source tree that was never built
    import warnings

    warnings.warn("Importing 'jupyterlab_swot' outside a proper installation.")
    __version__ = "dev"


def _jupyter_labextension_paths():
    return [{"src": "labextension", "dest": "jupyterlab-swot"}]


def _jupyter_server_extension_points():
    return [{"module": "jupyterlab_swot"}]


def _load_jupyter_server_extension(server_app):
    import os

    from .downloads import setup_download_handlers
    from .handlers import allowed_roots, setup_handlers
    from .snippets import setup_snippet_handlers
    from .tutorials import SwotSettings, setup_tutorial_handlers

    from ._path import ensure_scripts_on_path, export_sample_data

    # `!swot` in any kernel the server starts, activated environment or not.
    ensure_scripts_on_path(server_app.log)
    config = SwotSettings(parent=server_app)
    # swot.sampleData() in kernels: tutorials find the sample wherever they are copied.
    export_sample_data(config.sample_data, server_app.log)
    setup_handlers(server_app.web_app, config)
    setup_tutorial_handlers(server_app.web_app)
    setup_snippet_handlers(server_app.web_app)
    setup_download_handlers(server_app.web_app)
    roots = allowed_roots(server_app.contents_manager.root_dir, config.extra_roots())
    server_app.log.info("jupyterlab_swot: serving /swot/files/ and /swot/list/ (read only) from %s", ", ".join(roots))
    if config.sample_data and not os.path.isdir(os.path.expanduser(config.sample_data)):
        server_app.log.warning(
            "jupyterlab_swot: c.Swot.sample_data is %s, which is not a folder: generate it with "
            "tools/generate_sample_data.py --out %s",
            config.sample_data,
            config.sample_data,
        )
