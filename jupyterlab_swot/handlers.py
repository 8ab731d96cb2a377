"""Server side of jupyterlab-swot: Zarr v2 metadata keys for the browser.

The browser reads Zarr stores straight from the Jupyter server: chunks through
the /files/ handler. Zarr v2 keeps its metadata in dot-files (.zmetadata,
.zarray, .zattrs, .zgroup; zcollection's .zcollection), which /files/ refuses
as hidden files unless the whole server allows hidden files. This handler
serves those metadata keys, and nothing else, from inside the server's root.
"""
import os

from jupyter_server.auth.decorator import authorized
from jupyter_server.base.handlers import JupyterHandler
from jupyter_server.utils import url_path_join
from tornado import web

ZARR_METADATA_KEYS = {".zmetadata", ".zarray", ".zattrs", ".zgroup", ".zcollection"}


class ZarrMetadataHandler(JupyterHandler):
    auth_resource = "contents"

    @web.authenticated
    @authorized
    def get(self, path: str) -> None:
        if os.path.basename(path) not in ZARR_METADATA_KEYS:
            raise web.HTTPError(404, "only Zarr metadata keys are served here")
        root = os.path.realpath(self.contents_manager.root_dir)
        full = os.path.realpath(os.path.join(root, path))
        # The key must stay inside the server's root, and no folder on the way may be hidden.
        if os.path.commonpath([root, full]) != root or not os.path.isfile(full):
            raise web.HTTPError(404)
        if any(part.startswith(".") for part in os.path.relpath(os.path.dirname(full), root).split(os.sep) if part != "."):
            raise web.HTTPError(404)
        self.set_header("Content-Type", "application/json")
        self.set_header("Cache-Control", "no-store")
        with open(full, "rb") as f:
            self.finish(f.read())


def setup_handlers(web_app) -> None:
    base_url = web_app.settings["base_url"]
    pattern = url_path_join(base_url, "swot", "zarr-metadata", "(.+)")
    web_app.add_handlers(".*$", [(pattern, ZarrMetadataHandler)])
