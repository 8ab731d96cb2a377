"""Server side of jupyterlab-swot: one read-only route for the browser's readers.

``GET|HEAD {base_url}/swot/files/<path>`` serves the bytes of a file (whole, or
one ``Range: bytes=a-b`` as 206) and the names in a folder (JSON), so that the
browser reads Zarr chunks by key and netCDF4 files by byte range, in place:
nothing is copied, nothing is written, no write access is needed.

``<path>`` is relative to the server root, as the file browser shows it. It may
go through symlinks (a hub links shared archives into home): the path is
resolved with its symlinks (realpath) and must land inside an allowed root,
the server root or a data root declared by the administrator::

    c.Swot.data_roots = ["/datalake/swot", "/work/project/shared"]

Refused: absolute paths, ``..``, anything that resolves outside every allowed
root (403, with a JSON reason naming the path, the roots and what to do),
hidden files and folders, except the Zarr v2 metadata keys (``.zmetadata``,
``.zarray``, ``.zattrs``, ``.zgroup``, zcollection's ``.zcollection``), which
Jupyter's own ``/files/`` refuses as hidden. Every error is JSON
``{"path", "reason", "hint"?, "roots"?, "resolved"?}``, also sent (percent-encoded)
in the ``X-Swot-Refusal`` header so that HEAD requests carry it.
"""
from __future__ import annotations

import email.utils
import json
import os
import re
import stat
import urllib.parse

from jupyter_server.auth.decorator import authorized
from jupyter_server.base.handlers import JupyterHandler
from jupyter_server.utils import url_path_join
from tornado import web
from traitlets import List, Unicode
from traitlets.config import Configurable

ZARR_METADATA_KEYS = frozenset({".zmetadata", ".zarray", ".zattrs", ".zgroup", ".zcollection"})
CHUNK = 1 << 20
_RANGE = re.compile(r"^bytes=(\d*)-(\d*)$")


class Swot(Configurable):
    """Server settings of jupyterlab-swot (``c.Swot.*`` in jupyter_server_config.py)."""

    data_roots = List(
        Unicode(),
        default_value=[],
        help=(
            "Folders outside the server root that the SWOT viewer may read, reached through "
            "symlinks in the server root (e.g. a shared archive linked into home). Paths are "
            "compared after resolving symlinks; '~' is expanded."
        ),
    ).tag(config=True)


class Refused(Exception):
    """A request the route answers with an error status and a JSON reason."""

    def __init__(self, status: int, path: str, reason: str, **extra):
        super().__init__(reason)
        self.status = status
        self.body = {"path": path, "reason": reason, **extra}


def allowed_roots(server_root: str, data_roots: list[str]) -> list[str]:
    """The server root then the data roots, symlinks resolved, without duplicates."""
    roots: list[str] = []
    for root in [server_root, *data_roots]:
        real = os.path.realpath(os.path.expanduser(root))
        if real not in roots:
            roots.append(real)
    return roots


def _inside(path: str, root: str) -> bool:
    return path == root or path.startswith(root.rstrip(os.sep) + os.sep)


def _hidden(parts: list[str]) -> bool:
    """A hidden folder on the way, or a hidden last name that is not a Zarr metadata key."""
    *folders, last = parts or [""]
    return any(p.startswith(".") for p in folders) or (last.startswith(".") and last not in ZARR_METADATA_KEYS)


def resolve(path: str, server_root: str, roots: list[str]) -> str:
    """The real path of ``path`` (relative to the server root), checked against the allowed roots.

    Raises Refused (403) for escapes and hidden names; existence is not checked here.
    """
    hint = "ask the administrator to add the folder to c.Swot.data_roots"
    if path.startswith(("/", "\\")) or os.path.isabs(path) or os.path.splitdrive(path)[0] or "\0" in path:
        raise Refused(403, path, "absolute paths are not served: give the path relative to the server root")
    parts = [p for p in path.replace("\\", "/").split("/") if p not in ("", ".")]
    if ".." in parts:
        raise Refused(403, path, "'..' is not allowed in a path")
    if _hidden(parts):
        raise Refused(403, path, "hidden files and folders are not served (only Zarr metadata keys)")
    full = os.path.realpath(os.path.join(server_root, *parts))
    root = next((r for r in roots if _inside(full, r)), None)
    if root is None:
        raise Refused(
            403,
            path,
            f"resolves to {full}, outside every folder this server may read ({', '.join(roots)})",
            resolved=full,
            roots=roots,
            hint=hint,
        )
    if _hidden(os.path.relpath(full, root).split(os.sep)) and full != root:
        raise Refused(403, path, f"resolves to {full}, a hidden file or folder")
    return full


def parse_range(header: str | None, size: int) -> tuple[int, int] | None:
    """``(start, end)`` (end exclusive) of a single-range ``Range`` header, None for the whole file.

    Raises ValueError when the range cannot be satisfied; several ranges are ignored (whole file).
    """
    if not header:
        return None
    match = _RANGE.match(header.strip())
    if match is None:
        return None
    first, last = match.groups()
    if first == "" and last == "":
        return None
    if first == "":  # suffix: the last N bytes
        length = int(last)
        if length == 0:
            raise ValueError("empty suffix range")
        return max(0, size - length), size
    start = int(first)
    end = size if last == "" else min(int(last) + 1, size)
    if start >= size or end <= start:
        raise ValueError("range starts after the end of the file")
    return start, end


class SwotFilesHandler(JupyterHandler):
    """Read-only bytes and listings from the allowed roots (see the module's docstring)."""

    auth_resource = "contents"

    @property
    def swot_roots(self) -> list[str]:
        return allowed_roots(self.contents_manager.root_dir, self.settings["swot_config"].data_roots)

    def _refuse(self, error: Refused) -> None:
        self.clear()
        self.set_status(error.status)
        self.set_header("Content-Type", "application/json")
        self.set_header("Cache-Control", "no-store")
        self.set_header("X-Swot-Refusal", urllib.parse.quote(json.dumps(error.body)))
        self.finish(json.dumps(error.body))

    @web.authenticated
    @authorized
    async def head(self, path: str = "") -> None:
        await self._serve(path, body=False)

    @web.authenticated
    @authorized
    async def get(self, path: str = "") -> None:
        await self._serve(path, body=True)

    async def _serve(self, path: str, body: bool) -> None:
        server_root = os.path.realpath(self.contents_manager.root_dir)
        try:
            full = resolve(path, server_root, self.swot_roots)
            try:
                info = os.stat(full)
            except FileNotFoundError:
                raise Refused(404, path, "no such file or folder") from None
            except PermissionError:
                raise Refused(403, path, "the server has no permission to read it") from None
            if stat.S_ISDIR(info.st_mode):
                self._listing(path, full, body)
            else:
                await self._file(path, full, info, body)
        except Refused as error:
            self._refuse(error)

    def _listing(self, path: str, full: str, body: bool) -> None:
        try:
            names = sorted(n for n in os.listdir(full) if not n.startswith(".") or n in ZARR_METADATA_KEYS)
        except PermissionError:
            raise Refused(403, path, "the server has no permission to list this folder") from None
        self.set_header("Content-Type", "application/json")
        self.set_header("Cache-Control", "no-store")
        self.finish(json.dumps({"path": path, "type": "directory", "entries": names}) if body else None)

    async def _file(self, path: str, full: str, info: os.stat_result, body: bool) -> None:
        size = info.st_size
        etag = f'"{info.st_ino:x}-{size:x}-{info.st_mtime_ns:x}"'
        self.set_header("Accept-Ranges", "bytes")
        self.set_header("ETag", etag)
        self.set_header("Last-Modified", email.utils.formatdate(info.st_mtime, usegmt=True))
        self.set_header("Cache-Control", "no-cache")
        name = os.path.basename(full)
        self.set_header("Content-Type", "application/json" if name in ZARR_METADATA_KEYS else "application/octet-stream")
        header = self.request.headers.get("Range")
        if_range = self.request.headers.get("If-Range")
        if header and if_range and if_range != etag:
            header = None  # the file changed since the client's first read: send it whole
        if not header and etag in self.request.headers.get("If-None-Match", ""):
            self.set_status(304)
            self.finish()
            return
        try:
            span = parse_range(header, size)
        except ValueError:
            self.set_status(416)
            self.set_header("Content-Range", f"bytes */{size}")
            reason = f"range {header} is beyond the {size} bytes of the file"
            self.set_header("X-Swot-Refusal", urllib.parse.quote(json.dumps({"path": path, "reason": reason})))
            self.finish()
            return
        start, end = span if span is not None else (0, size)
        if span is not None:
            self.set_status(206)
            self.set_header("Content-Range", f"bytes {start}-{end - 1}/{size}")
        self.set_header("Content-Length", str(end - start))
        if not body:
            self.finish()
            return
        try:
            f = open(full, "rb")  # noqa: SIM115 (closed below; streamed in chunks)
        except PermissionError:
            raise Refused(403, path, "the server has no permission to read it") from None
        with f:
            f.seek(start)
            remaining = end - start
            while remaining > 0:
                chunk = f.read(min(CHUNK, remaining))
                if not chunk:
                    break
                remaining -= len(chunk)
                self.write(chunk)
                await self.flush()
        self.finish()


def setup_handlers(web_app, config: Swot) -> None:
    web_app.settings["swot_config"] = config
    base_url = web_app.settings["base_url"]
    web_app.add_handlers(
        ".*$",
        [
            (url_path_join(base_url, "swot", "files", "(.*)"), SwotFilesHandler),
        ],
    )
