"""GET {base}/swot/snippets: the snippet library, shipped (the package's snippets/
folder) and the user's own (``swot-snippets/`` in every Jupyter data directory, as
jupyterlab-snippets does), as text. The server only reads the files: their front
matter is parsed in the browser (src/core/snippets/template.ts), so a broken user
snippet is reported there with its file name; a file that cannot be read or is too
large is listed in ``problems`` and the others keep working.

A user file replaces the shipped file of the same name (id and language), and a
file of a higher-priority data directory (the user's before the environment's
before the system's) one of a lower."""
from __future__ import annotations

import os

from jupyter_core.paths import jupyter_data_dir, jupyter_path
from jupyter_server.auth.decorator import authorized
from jupyter_server.utils import url_path_join
from tornado import web

from .handlers import SwotHandler

SHIPPED = os.path.join(os.path.dirname(os.path.abspath(__file__)), "snippets")
LANGUAGES = {".ts": "typescript", ".py": "python"}
MAX_BYTES = 256 * 1024
FOLDER = "swot-snippets"


def _read_folder(folder: str, source: str, found: dict, problems: list) -> None:
    try:
        names = sorted(os.listdir(folder))
    except FileNotFoundError:
        return
    except OSError as error:
        problems.append({"file": folder, "reason": f"the folder cannot be listed: {error.strerror or error}"})
        return
    for name in names:
        stem, ext = os.path.splitext(name)
        if name.startswith(".") or ext not in LANGUAGES or not stem:
            continue
        path = os.path.join(folder, name)
        try:
            if not os.path.isfile(path):
                continue
            size = os.path.getsize(path)
            if size > MAX_BYTES:
                problems.append({"file": path, "reason": f"{size:,} bytes: a snippet is at most {MAX_BYTES // 1024} kB"})
                continue
            with open(path, encoding="utf-8") as f:
                text = f.read(MAX_BYTES + 1)
        except UnicodeDecodeError:
            problems.append({"file": path, "reason": "not UTF-8 text"})
            continue
        except OSError as error:
            problems.append({"file": path, "reason": f"cannot be read: {error.strerror or error}"})
            continue
        # Front matter is parsed in the browser; name etc. are filled there.
        found[name] = {"id": stem, "language": LANGUAGES[ext], "source": source, "file": path, "text": text}


def list_snippets(shipped: str = SHIPPED, user_folders: list[str] | None = None) -> dict:
    """The library as the route sends it; ``user_folders`` in priority order (highest first)."""
    folders = jupyter_path(FOLDER) if user_folders is None else user_folders
    found: dict = {}
    problems: list = []
    _read_folder(shipped, "shipped", found, problems)
    for folder in reversed(folders):  # lowest priority first, so that the user's own win
        _read_folder(folder, "user", found, problems)
    return {
        "userFolder": os.path.join(jupyter_data_dir(), FOLDER),
        "snippets": [found[name] for name in sorted(found)],
        "problems": problems,
    }


class SwotSnippetsHandler(SwotHandler):
    """The shipped and user snippets, as text, with the files that could not be read."""

    @web.authenticated
    @authorized
    def get(self) -> None:
        self._json(list_snippets())


def setup_snippet_handlers(web_app) -> None:
    base_url = web_app.settings["base_url"]
    web_app.add_handlers(".*$", [(url_path_join(base_url, "swot", "snippets"), SwotSnippetsHandler)])
