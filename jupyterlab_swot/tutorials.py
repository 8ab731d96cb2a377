"""The tutorials gallery: notebooks shipped in the package (tutorials/), copied on one click.

``GET {base_url}/swot/tutorials``
    ``{"folder", "folderAbsolute", "folderProblem"?, "tutorials": [{"id", "title", "description",
    "kernel", "language", "file", "thumbnail"}]}``. ``folder`` is the tutorials folder
    (``c.Swot.tutorials_dir``) relative to the server root, ``null`` with a ``folderProblem``
    when it lies outside; ``thumbnail`` is the URL path (with the base URL) of the picture.
``GET {base_url}/swot/tutorials/<id>/thumbnail.svg``
    The tutorial's SVG thumbnail.
``POST {base_url}/swot/tutorials/<id>/copy``
    A new copy of the shipped notebook in the tutorials folder (created if missing), never
    over an existing file: ``01-open-a-product.ipynb``, then ``01-open-a-product-1.ipynb``,
    ``-2``... Answers ``{"path", "kernel"}``, ``path`` relative to the server root for
    JupyterLab to open. Each call is a fresh copy, so "reset to original" is the same call
    and an edited copy is never touched. 404 for an unknown id, 409 when the folder is
    outside the server root (JupyterLab could not open the copy).

Errors are JSON ``{"path", "reason", ...}`` as in handlers.py (``path``: the tutorial id).
"""
from __future__ import annotations

import errno
import json
import os
import tempfile
from functools import lru_cache

from jupyter_server.auth.decorator import authorized
from jupyter_server.utils import url_path_join
from tornado import web
from traitlets import Unicode

from .handlers import Refused, Swot, SwotHandler, _inside

TUTORIALS = os.path.join(os.path.dirname(__file__), "tutorials")
MANIFEST = os.path.join(TUTORIALS, "tutorials.json")
FIELDS = ("id", "title", "description", "kernel", "language", "file", "thumbnail")


class SwotSettings(Swot):
    """The ``c.Swot.*`` settings of handlers.Swot plus the tutorials folder (one instance reads both)."""

    tutorials_dir = Unicode(
        "~/swot-tutorials",
        help=(
            "Folder the tutorials gallery copies notebooks into (created on the first copy); '~' is "
            "expanded, a relative path is relative to the server root. It must lie inside the server "
            "root, so that JupyterLab can open the copies."
        ),
    ).tag(config=True)


@lru_cache(maxsize=1)
def manifest() -> tuple[dict, ...]:
    """The shipped tutorials, checked once: every field present, the notebook and thumbnail there."""
    with open(MANIFEST, encoding="utf-8") as f:
        entries = json.load(f)
    for entry in entries:
        missing = [k for k in FIELDS if not isinstance(entry.get(k), str) or not entry[k]]
        if missing:
            raise ValueError(f"{MANIFEST}: tutorial {entry.get('id')!r} has no {', '.join(missing)}")
        for key in ("file", "thumbnail"):
            if not os.path.isfile(os.path.join(TUTORIALS, entry[key])):
                raise ValueError(f"{MANIFEST}: tutorial {entry['id']!r}: {entry[key]} is not in {TUTORIALS}")
    return tuple(entries)


def tutorial(tutorial_id: str) -> dict:
    for entry in manifest():
        if entry["id"] == tutorial_id:
            return entry
    known = ", ".join(e["id"] for e in manifest())
    raise Refused(404, tutorial_id, f"no tutorial {tutorial_id!r}: the tutorials are {known}")


def tutorials_folder(setting: str, server_root: str) -> str:
    """The real path of the tutorials folder (it may not exist yet)."""
    folder = os.path.expanduser(setting or "~/swot-tutorials")
    return os.path.realpath(os.path.join(server_root, folder))


def _relative(path: str, server_root: str) -> str:
    return "" if path == server_root else os.path.relpath(path, server_root).replace(os.sep, "/")


def _check_inside(folder: str, server_root: str, tutorial_id: str) -> None:
    if not _inside(folder, server_root):
        raise Refused(
            409,
            tutorial_id,
            f"the tutorials folder {folder} is outside the server root {server_root}: JupyterLab could not open the copy",
            hint="set c.Swot.tutorials_dir to a folder inside the server root (a relative path is relative to it)",
            folder=folder,
            root=server_root,
        )


def _link_or_create(tmp: str, target: str, data: bytes) -> None:
    """Give ``target`` the content of ``tmp`` without ever replacing a file: FileExistsError if taken."""
    try:
        os.link(tmp, target)
    except FileExistsError:
        raise
    except OSError as error:  # a file system without hard links: create-exclusive instead
        if error.errno not in (errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EXDEV, errno.EMLINK):
            raise
        fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
        with os.fdopen(fd, "wb") as f:
            f.write(data)


def copy_tutorial(entry: dict, folder: str) -> str:
    """A new copy of the tutorial in ``folder``: the first free name among stem.ipynb, stem-1.ipynb, ..."""
    with open(os.path.join(TUTORIALS, entry["file"]), "rb") as f:
        data = f.read()
    os.makedirs(folder, exist_ok=True)
    stem, ext = os.path.splitext(os.path.basename(entry["file"]))
    # Written whole under a hidden temporary name first: a copy is never seen half-written.
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{stem}-", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.chmod(tmp, 0o644)
        n = 0
        while True:
            target = os.path.join(folder, f"{stem}{f'-{n}' if n else ''}{ext}")
            try:
                _link_or_create(tmp, target, data)
                return target
            except FileExistsError:
                n += 1
    finally:
        os.unlink(tmp)


class TutorialsHandler(SwotHandler):
    """The list of tutorials and where their copies go."""

    @web.authenticated
    @authorized
    def get(self) -> None:
        root = self.server_root
        folder = tutorials_folder(self.swot_config.tutorials_dir, root)
        body: dict = {"folder": None, "folderAbsolute": folder}
        try:
            _check_inside(folder, root, "")
            body["folder"] = _relative(folder, root)
        except Refused as error:
            body["folderProblem"] = error.body["reason"]
        base = self.settings["base_url"]
        body["tutorials"] = [
            {**{k: e[k] for k in FIELDS}, "thumbnail": url_path_join(base, "swot", "tutorials", e["id"], "thumbnail.svg")}
            for e in manifest()
        ]
        self._json(body)


class TutorialThumbnailHandler(SwotHandler):
    @web.authenticated
    @authorized
    def get(self, tutorial_id: str) -> None:
        try:
            entry = tutorial(tutorial_id)
        except Refused as error:
            self._refuse(error)
            return
        with open(os.path.join(TUTORIALS, entry["thumbnail"]), "rb") as f:
            data = f.read()
        self.set_header("Content-Type", "image/svg+xml")
        self.set_header("Cache-Control", "private, max-age=3600")
        self.finish(data)


class TutorialCopyHandler(SwotHandler):
    @web.authenticated
    @authorized
    def post(self, tutorial_id: str) -> None:
        try:
            entry = tutorial(tutorial_id)
            root = self.server_root
            folder = tutorials_folder(self.swot_config.tutorials_dir, root)
            _check_inside(folder, root, tutorial_id)
            try:
                target = copy_tutorial(entry, folder)
            except OSError as error:
                raise Refused(500, tutorial_id, f"could not copy the tutorial into {folder}: {error.strerror or error}") from None
            # The folder may have been swapped for a link out of the root meanwhile.
            _check_inside(os.path.realpath(target), root, tutorial_id)
            self.log.info("jupyterlab_swot: tutorial %s copied to %s", tutorial_id, target)
            self._json({"path": _relative(target, root), "kernel": entry["kernel"]})
        except Refused as error:
            self._refuse(error)


def setup_tutorial_handlers(web_app) -> None:
    """Routes of the gallery; handlers.setup_handlers has put the settings in web_app.settings."""
    manifest()  # a broken package fails at start, not at the first click
    base_url = web_app.settings["base_url"]
    web_app.add_handlers(
        ".*$",
        [
            (url_path_join(base_url, "swot", "tutorials"), TutorialsHandler),
            (url_path_join(base_url, "swot", "tutorials", "([^/]+)", "thumbnail.svg"), TutorialThumbnailHandler),
            (url_path_join(base_url, "swot", "tutorials", "([^/]+)", "copy"), TutorialCopyHandler),
        ],
    )
