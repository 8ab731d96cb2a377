"""Server side of jupyterlab-swot: read-only routes for the browser's readers and data browser.

``GET|HEAD {base_url}/swot/files/<path>``
    The bytes of a file (whole, or one ``Range: bytes=a-b`` as 206) and the names in a
    folder (JSON), so that the browser reads Zarr chunks by key and netCDF4 files by
    byte range, in place: nothing is copied, nothing is written.
``GET {base_url}/swot/list/<path>?start=0&limit=200&summary=1``
    One page of a folder for the sidebar's browser, sorted by name (codepoint order)::

        {"path", "resolved", "total", "start", "limit", "markers": [...],
         "entries": [{"name", "kind": "file"|"directory", "size"?, "mtime", "refused"?, "summary"?}]}

    ``size`` (bytes) for readable files, ``mtime`` in epoch milliseconds, ``refused`` (the
    reason) for an entry that is listed but not followed (a symlink out of the roots, a
    broken link, a pipe or device). With ``summary=1`` each directory of the page gets
    ``{"files", "directories", "bytes", "first"?, "last"?, "markers", "truncated"?}`` from
    its first 20,000 direct entries (``first``/``last``: file names, when there are files). ``markers`` name the Zarr / zcollection metadata present.
    Only the page is stat'ed, so a folder of 10,000 files answers its first page fast.
``GET {base_url}/swot/config``
    ``{"serverRoot", "roots", "sample"}``: the folders this server may read, real paths.
``GET {base_url}/swot/orbit/<science|calval>``
    The SWOT orbit ephemeris text the kernel runtime ships (or ``$SWOT_EPHEMERIS_DIR``).

``<path>`` is relative to the server root, as the file browser shows it, or absolute
(sent with its leading slash percent-encoded: ``/swot/files/%2Fdatalake/swot/x.nc``). It
may go through symlinks (a hub links shared archives into home): the path is resolved
with its symlinks (realpath) and must land inside an allowed root, the server root, a
data root declared by the administrator, or the generated sample dataset::

    c.Swot.data_roots = ["/datalake/swot", "/work/project/shared"]
    c.Swot.sample_data = "/opt/swot/sample"

Refused (403, with a JSON reason naming the path, the roots and what to do): ``..``,
anything that resolves outside every allowed root, hidden files and folders below a
root, except for /swot/files/ the Zarr v2 metadata keys (``.zmetadata``, ``.zarray``,
``.zattrs``, ``.zgroup``, zcollection's ``.zcollection``), which Jupyter's own
``/files/`` refuses as hidden; /swot/list/ never lists a hidden name. Every error is JSON
``{"path", "reason", "hint"?, "roots"?, "resolved"?}``, also sent (percent-encoded) in
the ``X-Swot-Refusal`` header so that HEAD requests carry it.
"""
from __future__ import annotations

import email.utils
import gzip
import json
import os
import re
import stat
import urllib.parse

from jupyter_server.auth.decorator import authorized
from jupyter_server.base.handlers import JupyterHandler
from jupyter_server.utils import url_path_join
from tornado import web
from tornado.ioloop import IOLoop
from traitlets import List, Unicode
from traitlets.config import Configurable

ZARR_METADATA_KEYS = frozenset({".zmetadata", ".zarray", ".zattrs", ".zgroup", ".zcollection"})
# What tells the browser a folder is a Zarr store or a zcollection (v2, v3, zcollection).
MARKERS = (".zgroup", ".zmetadata", "zarr.json", ".zcollection", "_zcollection.json", ".zarray")
CHUNK = 1 << 20
MAX_LIMIT = 1000
SUMMARY_SCAN = 20_000
_RANGE = re.compile(r"^bytes=(\d*)-(\d*)$")
_HINT = "ask the administrator to add the folder to c.Swot.data_roots"

# Copied there by scripts/build-kernel-runtime.mjs; SWOT_EPHEMERIS_DIR is the fallback.
PACKAGE_ORBIT = os.path.join(os.path.dirname(__file__), "kernel_runtime", "node_modules", "jupyterlab-swot", "orbit")
EPHEMERIDES = {"science": "ephemeris_science_sept2015_ell.txt", "calval": "ephemeris_calval_june2015_ell.txt"}


class Swot(Configurable):
    """Server settings of jupyterlab-swot (``c.Swot.*`` in jupyter_server_config.py)."""

    data_roots = List(
        Unicode(),
        default_value=[],
        help=(
            "Folders outside the server root that the SWOT viewer may read, reached through "
            "symlinks in the server root (e.g. a shared archive linked into home) or by absolute "
            "path. Paths are compared after resolving symlinks; '~' is expanded."
        ),
    ).tag(config=True)

    sample_data = Unicode(
        "",
        help=(
            "Folder of the generated sample dataset (tools/generate_sample_data.py), shown by the "
            "SWOT browser and readable like a data root. Empty: no sample dataset."
        ),
    ).tag(config=True)

    def extra_roots(self) -> list[str]:
        """The data roots, then the sample folder when there is one."""
        return [*self.data_roots, *([self.sample_data] if self.sample_data else [])]


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


def _deepest_root(path: str, roots: list[str]) -> str | None:
    """The innermost root holding ``path`` (a data root may lie inside a hidden folder of home)."""
    return max((r for r in roots if _inside(path, r)), key=len, default=None)


def _hidden(parts: list[str]) -> bool:
    """A hidden folder on the way, or a hidden last name that is not a Zarr metadata key."""
    *folders, last = parts or [""]
    return any(p.startswith(".") for p in folders) or (last.startswith(".") and last not in ZARR_METADATA_KEYS)


def _below(path: str, root: str | None) -> list[str]:
    if root is None:
        return [p for p in path.split(os.sep) if p]
    return [] if path == root else os.path.relpath(path, root).split(os.sep)


def resolve(path: str, server_root: str, roots: list[str]) -> str:
    """The real path of ``path`` (relative to the server root, or absolute), checked against the roots.

    Only what lies below a root is checked for hidden names (a root itself may be under a
    hidden folder). Raises Refused (403) for escapes and hidden names; existence is not checked.
    """
    if "\0" in path:
        raise Refused(403, path, "a NUL character is not allowed in a path")
    if path.startswith("\\") or os.path.splitdrive(path)[0]:
        raise Refused(403, path, "Windows absolute paths (drive letters, \\\\server\\share) are not served")
    parts = [p for p in path.replace("\\", "/").split("/") if p not in ("", ".")]
    if ".." in parts:
        raise Refused(403, path, "'..' is not allowed in a path")
    if path.startswith("/"):
        lexical = os.sep + os.sep.join(parts)
        parts = _below(lexical, _deepest_root(lexical, roots))
    else:
        lexical = os.path.join(server_root, *parts)
    if _hidden(parts):
        raise Refused(403, path, "hidden files and folders are not served (only Zarr metadata keys)")
    full = os.path.realpath(lexical)
    root = _deepest_root(full, roots)
    if root is None:
        raise Refused(
            403,
            path,
            f"resolves to {full}, outside every folder this server may read ({', '.join(roots)})",
            resolved=full,
            roots=roots,
            hint=_HINT,
        )
    if _hidden(_below(full, root)):
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


def summarize(full: str) -> dict:
    """Counts, bytes, first/last file name and markers of a folder's first SUMMARY_SCAN direct entries."""
    files = directories = size = 0
    first = last = None
    markers: set[str] = set()
    truncated = False
    with os.scandir(full) as scan:
        for scanned, entry in enumerate(scan):
            if scanned == SUMMARY_SCAN:
                truncated = True
                break
            name = entry.name
            if name in MARKERS:
                markers.add(name)
            if name.startswith("."):
                continue
            try:
                if entry.is_dir():
                    directories += 1
                    continue
                size += entry.stat().st_size
            except OSError:  # a broken link, or gone since the scan
                continue
            files += 1
            first = name if first is None or name < first else first
            last = name if last is None or name > last else last
    summary = {"files": files, "directories": directories, "bytes": size}
    summary.update({"first": first, "last": last} if files else {})
    summary["markers"] = [m for m in MARKERS if m in markers]
    return {**summary, "truncated": True} if truncated else summary


def _entry(entry: os.DirEntry, child: str, server_root: str, roots: list[str], summary: bool) -> dict:
    """One row of a listing; ``child`` is the entry's path as the client would request it."""
    item: dict = {"name": entry.name}
    try:
        if entry.is_symlink():
            resolve(child, server_root, roots)
        info = entry.stat()
    except (Refused, OSError) as error:
        reason = error.body["reason"] if isinstance(error, Refused) else _os_reason(error, "a broken link")
        try:  # listed, not followed: the link's own date, the target's kind for the icon
            mtime = entry.stat(follow_symlinks=False).st_mtime_ns // 1_000_000
            kind = "directory" if entry.is_dir() else "file"
        except OSError:
            mtime, kind = 0, "file"
        return {**item, "kind": kind, "mtime": mtime, "refused": reason}
    item["mtime"] = info.st_mtime_ns // 1_000_000
    if stat.S_ISREG(info.st_mode):
        return {**item, "kind": "file", "size": info.st_size}
    if not stat.S_ISDIR(info.st_mode):
        return {**item, "kind": "file", "refused": "not a regular file (a pipe, socket or device)"}
    item["kind"] = "directory"
    if summary:
        try:
            item["summary"] = summarize(entry.path)
        except OSError as error:
            item["refused"] = _os_reason(error, "the folder is gone")
    return item


def _os_reason(error: OSError, missing: str) -> str:
    if isinstance(error, PermissionError):
        return "the server has no permission to read it"
    return f"{missing} (its target does not exist)" if isinstance(error, FileNotFoundError) else str(error)


def list_folder(path: str, full: str, server_root: str, roots: list[str], start: int, limit: int, summary: bool) -> dict:
    """One page of the folder ``full`` (``path`` as requested): names of all, details of the page only."""
    try:
        with os.scandir(full) as scan:
            every = list(scan)
    except PermissionError:
        raise Refused(403, path, "the server has no permission to list this folder") from None
    visible = sorted((e for e in every if not e.name.startswith(".")), key=lambda e: e.name)
    prefix = path.rstrip("/") + "/" if path.strip("/") else ("/" if path.startswith("/") else "")
    page = [_entry(e, prefix + e.name, server_root, roots, summary) for e in visible[start : start + limit]]
    markers = {e.name for e in every if e.name in MARKERS}
    return {
        "path": path,
        "resolved": full,
        "total": len(visible),
        "start": start,
        "limit": limit,
        "markers": [m for m in MARKERS if m in markers],
        "entries": page,
    }


def ephemeris_file(phase: str) -> str | None:
    """The ephemeris of ``phase`` shipped in the package, else in $SWOT_EPHEMERIS_DIR, else None."""
    for folder in (PACKAGE_ORBIT, os.environ.get("SWOT_EPHEMERIS_DIR")):
        candidate = os.path.join(folder, EPHEMERIDES[phase]) if folder else None
        if candidate and os.path.isfile(candidate):
            return candidate
    return None


class SwotHandler(JupyterHandler):
    """What the routes share: the allowed roots and JSON refusals."""

    auth_resource = "contents"

    @property
    def swot_config(self) -> Swot:
        return self.settings["swot_config"]

    @property
    def server_root(self) -> str:
        return os.path.realpath(self.contents_manager.root_dir)

    @property
    def swot_roots(self) -> list[str]:
        return allowed_roots(self.contents_manager.root_dir, self.swot_config.extra_roots())

    def _refuse(self, error: Refused) -> None:
        self.clear()
        self.set_status(error.status)
        self.set_header("Content-Type", "application/json")
        self.set_header("Cache-Control", "no-store")
        self.set_header("X-Swot-Refusal", urllib.parse.quote(json.dumps(error.body)))
        self.finish(json.dumps(error.body))

    def _json(self, body: dict) -> None:
        self.set_header("Content-Type", "application/json")
        self.set_header("Cache-Control", "no-store")
        self.finish(json.dumps(body))


class SwotFilesHandler(SwotHandler):
    """Read-only bytes and listings from the allowed roots (see the module's docstring)."""

    @web.authenticated
    @authorized
    async def head(self, path: str = "") -> None:
        await self._serve(path, body=False)

    @web.authenticated
    @authorized
    async def get(self, path: str = "") -> None:
        await self._serve(path, body=True)

    async def _serve(self, path: str, body: bool) -> None:
        try:
            full = resolve(path, self.server_root, self.swot_roots)
            try:
                info = os.stat(full)
            except FileNotFoundError:
                raise Refused(404, path, "no such file or folder") from None
            except PermissionError:
                raise Refused(403, path, "the server has no permission to read it") from None
            if stat.S_ISDIR(info.st_mode):
                self._listing(path, full, body)
            elif stat.S_ISREG(info.st_mode):
                await self._file(path, full, info, body)
            else:  # opening a pipe would block the server
                raise Refused(403, path, "not a regular file (a pipe, socket or device)")
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


class SwotListHandler(SwotHandler):
    """One page of a folder for the sidebar's browser (see the module's docstring)."""

    @web.authenticated
    @authorized
    async def get(self, path: str | None = "") -> None:
        path = path or ""
        try:
            start = self._whole("start", 0, 0, None, path)
            limit = self._whole("limit", 200, 0, MAX_LIMIT, path)
            summary = self._flag("summary", path)
            roots, server_root = self.swot_roots, self.server_root
            full = resolve(path, server_root, roots)
            if not os.path.exists(full):
                raise Refused(404, path, "no such file or folder")
            if not os.path.isdir(full):
                raise Refused(400, path, "not a folder: /swot/list/ lists folders (read files through /swot/files/)")
            # A slow file system (an HPC archive) must not stall the server's other requests.
            listing = await IOLoop.current().run_in_executor(None, list_folder, path, full, server_root, roots, start, limit, summary)
            self._json(listing)
        except Refused as error:
            self._refuse(error)

    def _whole(self, name: str, default: int, low: int, high: int | None, path: str) -> int:
        text = self.get_query_argument(name, str(default))
        try:
            value = int(text)
        except ValueError:
            raise Refused(400, path, f"{name}={text!r} is not a whole number") from None
        if value < low or (high is not None and value > high):
            bounds = f"from {low} to {high}" if high is not None else f"at least {low}"
            raise Refused(400, path, f"{name}={value} is out of range ({bounds})")
        return value

    def _flag(self, name: str, path: str) -> bool:
        text = self.get_query_argument(name, "0").lower()
        if text not in ("0", "1", "false", "true", ""):
            raise Refused(400, path, f"{name}={text!r} is not 0, 1, false or true")
        return text in ("1", "true")


class SwotConfigHandler(SwotHandler):
    """The folders this server may read, so that the browser can offer them (real paths)."""

    @web.authenticated
    @authorized
    def get(self) -> None:
        sample = self.swot_config.sample_data
        self._json(
            {
                "serverRoot": self.server_root,
                "roots": self.swot_roots,
                "sample": os.path.realpath(os.path.expanduser(sample)) if sample else None,
            }
        )


class SwotOrbitHandler(SwotHandler):
    """The orbit ephemeris text for the browser's pass finder; cacheable, gzip when asked."""

    _gzipped: dict[tuple, bytes] = {}

    @web.authenticated
    @authorized
    def get(self, phase: str) -> None:
        try:
            if phase not in EPHEMERIDES:
                raise Refused(400, phase, f"unknown phase {phase!r}: the orbit phases are {', '.join(EPHEMERIDES)}")
            full = ephemeris_file(phase)
            if full is None:
                raise Refused(
                    404,
                    phase,
                    f"the {phase} orbit ephemeris ({EPHEMERIDES[phase]}) is not installed in {PACKAGE_ORBIT} "
                    f"nor in SWOT_EPHEMERIS_DIR ({os.environ.get('SWOT_EPHEMERIS_DIR') or 'not set'})",
                    hint="rebuild the kernel runtime (npm run build:runtime) with ../shared/data/real/orbit "
                    "beside the clone, or set SWOT_EPHEMERIS_DIR for the server",
                )
            self._send(full)
        except Refused as error:
            self._refuse(error)

    def _send(self, full: str) -> None:
        info = os.stat(full)
        etag = f'"{info.st_ino:x}-{info.st_size:x}-{info.st_mtime_ns:x}"'
        self.set_header("ETag", etag)
        self.set_header("Cache-Control", "private, max-age=86400")
        self.set_header("Content-Type", "text/plain; charset=utf-8")
        self.set_header("Vary", "Accept-Encoding")
        if etag in self.request.headers.get("If-None-Match", ""):
            self.set_status(304)
            self.finish()
            return
        with open(full, "rb") as f:
            data = f.read()
        if "gzip" in self.request.headers.get("Accept-Encoding", ""):
            key = (full, etag)
            if key not in self._gzipped:
                self._gzipped[key] = gzip.compress(data, compresslevel=6)
            data = self._gzipped[key]
            self.set_header("Content-Encoding", "gzip")
        self.finish(data)


def setup_handlers(web_app, config: Swot) -> None:
    web_app.settings["swot_config"] = config
    base_url = web_app.settings["base_url"]
    web_app.add_handlers(
        ".*$",
        [
            (url_path_join(base_url, "swot", "files", "(.*)"), SwotFilesHandler),
            (url_path_join(base_url, "swot", "list") + "(?:/(.*))?", SwotListHandler),
            (url_path_join(base_url, "swot", "config"), SwotConfigHandler),
            (url_path_join(base_url, "swot", "orbit", "([^/]*)"), SwotOrbitHandler),
        ],
    )
