"""The server route /swot/snippets: the shipped snippets and the user's own (every
Jupyter data directory's swot-snippets/), as text, a user file replacing the shipped
one of the same name, unreadable and oversized files reported, not fatal."""
import json
import os

import pytest
from jupyter_core.paths import jupyter_path

pytest_plugins = ["pytest_jupyter.jupyter_server"]

SHIPPED = sorted(
    f for f in os.listdir(os.path.join(os.path.dirname(__file__), "..", "jupyterlab_swot", "snippets")) if f.endswith((".ts", ".py"))
)
MINE = "# ---\n# name: My diagnostics\n# ---\nprint(1)\n"


@pytest.fixture
def jp_server_config():
    return {"ServerApp": {"jpserver_extensions": {"jupyterlab_swot": True}}}


@pytest.fixture
def user(jp_data_dir, jp_env_jupyter_path):
    """The user's folder with a replacement, a new snippet and files that are not snippets;
    the environment's folder with one the user's replaces in turn."""
    mine = jp_data_dir / "swot-snippets"
    mine.mkdir()
    (mine / "diagnostics.py").write_text(MINE)
    (mine / "eddies.ts").write_text("// ---\n// name: Eddies\n// ---\n1\n")
    (mine / "README.md").write_text("not a snippet")
    (mine / ".hidden.py").write_text("x")
    (mine / "big.py").write_text("#" * (256 * 1024 + 1))
    (mine / "latin1.py").write_bytes(b"# caf\xe9\n")
    (mine / "locked.ts").write_text("// ---\n")
    os.chmod(mine / "locked.ts", 0)
    env = jp_env_jupyter_path / "swot-snippets"
    env.mkdir()
    (env / "eddies.ts").write_text("// the environment's, replaced by the user's\n")
    (env / "site.py").write_text("# ---\n# name: Site\n# ---\n2\n")
    return mine


async def get(jp_fetch):
    response = await jp_fetch("swot", "snippets")
    assert response.code == 200
    assert response.headers["Content-Type"] == "application/json"
    return json.loads(response.body)


async def test_lists_the_shipped_snippets_as_text_with_their_language(jp_fetch, jp_data_dir):
    body = await get(jp_fetch)
    assert body["userFolder"] == str(jp_data_dir / "swot-snippets")
    assert body["problems"] == []
    assert [f"{s['id']}.{'ts' if s['language'] == 'typescript' else 'py'}" for s in body["snippets"]] == SHIPPED
    diag = next(s for s in body["snippets"] if s["id"] == "diagnostics" and s["language"] == "python")
    assert diag["source"] == "shipped" and diag["file"].endswith(os.path.join("jupyterlab_swot", "snippets", "diagnostics.py"))
    with open(diag["file"], encoding="utf-8") as f:
        assert diag["text"] == f.read()
    assert diag["text"].startswith("# ---\n# name: Geostrophic currents")


async def test_user_snippets_replace_by_name_and_bad_files_are_problems(jp_fetch, user):
    body = await get(jp_fetch)
    by_name = {(s["id"], s["language"]): s for s in body["snippets"]}
    assert by_name[("diagnostics", "python")] == {"id": "diagnostics", "language": "python", "source": "user", "file": str(user / "diagnostics.py"), "text": MINE}
    # The shipped TypeScript one of the same id is another file: kept.
    assert by_name[("diagnostics", "typescript")]["source"] == "shipped"
    # Between data directories, jupyter_path's order decides (in a virtualenv the environment's comes first).
    first = next(d for d in jupyter_path("swot-snippets") if os.path.exists(os.path.join(d, "eddies.ts")))
    assert by_name[("eddies", "typescript")]["file"] == os.path.join(first, "eddies.ts")
    assert by_name[("site", "python")]["source"] == "user"
    assert not {"README", ".hidden", "big", "latin1"} & {s["id"] for s in body["snippets"]}
    reasons = {os.path.basename(p["file"]): p["reason"] for p in body["problems"]}
    assert reasons["big.py"] == "262,145 bytes: a snippet is at most 256 kB"
    assert reasons["latin1.py"] == "not UTF-8 text"
    if os.geteuid() != 0:  # root reads a file whatever its mode
        assert reasons["locked.ts"].startswith("cannot be read: Permission denied")
    assert len(body["snippets"]) == len(SHIPPED) + 2 + (0 if os.geteuid() != 0 else 1)
