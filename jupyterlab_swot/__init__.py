"""JupyterLab extension for SWOT ocean data: the Python package carries the
prebuilt labextension and a small server extension (read-only bytes and
listings for the browser's readers, confined to the server root and the data
roots an administrator declares in ``c.Swot.data_roots``)."""

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
    from .handlers import Swot, allowed_roots, setup_handlers

    from ._path import ensure_scripts_on_path

    # `!swot` in any kernel the server starts, activated environment or not.
    ensure_scripts_on_path(server_app.log)
    config = Swot(parent=server_app)
    setup_handlers(server_app.web_app, config)
    roots = allowed_roots(server_app.contents_manager.root_dir, config.data_roots)
    server_app.log.info("jupyterlab_swot: serving /swot/files/ (read only) from %s", ", ".join(roots))
