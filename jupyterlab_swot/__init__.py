"""JupyterLab extension for SWOT ocean data: the Python package carries the
prebuilt labextension and a small server extension (Zarr metadata for the browser)."""

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
    from .handlers import setup_handlers

    setup_handlers(server_app.web_app)
    server_app.log.info("jupyterlab_swot: serving Zarr metadata at /swot/zarr-metadata/")
