"""The tutorials gallery's routes: the shipped list, thumbnails, one-click copies that never
overwrite, refusals (unknown id, a folder outside the server root), and $SWOT_SAMPLE_DATA
exported to the kernels at extension load."""
import json
import os
import threading

import nbformat
import pytest
from jupyter_server.utils import url_path_join
from tornado.httpclient import HTTPClientError

from conftest import ROOT
from jupyterlab_swot import tutorials as gallery

pytest_plugins = ["pytest_jupyter.jupyter_server"]

SAMPLE = ROOT / "data" / "sample"
IDS = ["01-open-a-product", "02-extract-a-region", "03-show-a-swath", "04-currents-and-statistics"]


@pytest.fixture
def jp_server_config(monkeypatch, tmp_path):
    # Restored after the test: the extension sets it in this process.
    monkeypatch.delenv("SWOT_SAMPLE_DATA", raising=False)
    os.symlink(SAMPLE, tmp_path / "sample-link")
    return {
        "ServerApp": {"jpserver_extensions": {"jupyterlab_swot": True}},
        "Swot": {"sample_data": str(tmp_path / "sample-link"), "tutorials_dir": "my tutorials"},
    }


@pytest.fixture
def settings(jp_serverapp):
    return jp_serverapp.web_app.settings["swot_config"]


async def post(jp_fetch, *parts):
    response = await jp_fetch("swot", "tutorials", *parts, method="POST", body=b"")
    return json.loads(response.body)


async def refusal(call) -> tuple[int, dict]:
    with pytest.raises(HTTPClientError) as caught:
        await call
    return caught.value.code, json.loads(caught.value.response.body)


async def test_lists_the_shipped_tutorials_and_where_copies_go(jp_fetch, jp_root_dir, jp_base_url):
    body = json.loads((await jp_fetch("swot", "tutorials")).body)
    assert body["folder"] == "my tutorials"
    assert body["folderAbsolute"] == os.path.realpath(jp_root_dir / "my tutorials")
    assert [t["id"] for t in body["tutorials"]] == IDS
    first = body["tutorials"][0]
    assert first == {
        "id": "01-open-a-product",
        "title": "Open a SWOT product",
        "description": first["description"],
        "kernel": "tslab",
        "language": "typescript",
        "file": "01-open-a-product.ipynb",
        "thumbnail": url_path_join(jp_base_url, "swot", "tutorials", "01-open-a-product", "thumbnail.svg"),
    }
    assert len(first["description"]) > 40
    assert not (jp_root_dir / "my tutorials").exists(), "listing must not create the folder"


async def test_every_thumbnail_is_a_small_svg(jp_fetch):
    for tutorial_id in IDS:
        response = await jp_fetch("swot", "tutorials", tutorial_id, "thumbnail.svg")
        assert response.headers["Content-Type"] == "image/svg+xml"
        assert response.body.startswith(b"<svg ") and b"<title>" in response.body
        assert len(response.body) < 4096


async def test_copy_twice_gives_two_files_and_leaves_the_edited_first_one_alone(jp_fetch, jp_root_dir):
    first = await post(jp_fetch, "03-show-a-swath", "copy")
    assert first == {"path": "my tutorials/03-show-a-swath.ipynb", "kernel": "tslab"}
    copy = jp_root_dir / first["path"]
    shipped = (ROOT / "jupyterlab_swot" / "tutorials" / "03-show-a-swath.ipynb").read_bytes()
    assert copy.read_bytes() == shipped
    nb = nbformat.reads(copy.read_text(), as_version=4)
    assert nb.metadata.kernelspec.name == "tslab"
    nb.cells[0].source = "# my notes"
    edited = nbformat.writes(nb)
    copy.write_text(edited)

    second = await post(jp_fetch, "03-show-a-swath", "copy")  # "reset to original"
    assert second == {"path": "my tutorials/03-show-a-swath-1.ipynb", "kernel": "tslab"}
    assert copy.read_text() == edited
    assert (jp_root_dir / second["path"]).read_bytes() == shipped
    third = await post(jp_fetch, "03-show-a-swath", "copy")
    assert third["path"] == "my tutorials/03-show-a-swath-2.ipynb"
    names = sorted(os.listdir(jp_root_dir / "my tutorials"))
    assert names == ["03-show-a-swath-1.ipynb", "03-show-a-swath-2.ipynb", "03-show-a-swath.ipynb"], "no temporary file left"


async def test_unknown_tutorial_is_404_naming_the_known_ones(jp_fetch):
    for parts in (("nope", "copy"), ("nope", "thumbnail.svg")):
        method = "POST" if parts[-1] == "copy" else "GET"
        status, body = await refusal(jp_fetch("swot", "tutorials", *parts, method=method, **({"body": b""} if method == "POST" else {})))
        assert status == 404
        assert body["path"] == "nope"
        assert "no tutorial 'nope'" in body["reason"] and "01-open-a-product" in body["reason"]


async def test_folder_outside_the_server_root_is_409_naming_both(jp_fetch, jp_root_dir, settings, tmp_path):
    root = os.path.realpath(jp_root_dir)
    outside = tmp_path / "elsewhere"
    os.symlink(outside, jp_root_dir / "linked")  # inside by name, outside once resolved
    for setting in (str(outside), "linked", "~/swot-tutorials"):
        settings.tutorials_dir = setting
        status, body = await refusal(post(jp_fetch, "01-open-a-product", "copy"))
        assert status == 409, setting
        folder = os.path.realpath(os.path.join(root, os.path.expanduser(setting)))
        assert body["folder"] == folder and body["root"] == root
        assert folder in body["reason"] and root in body["reason"]
        listing = json.loads((await jp_fetch("swot", "tutorials")).body)
        assert listing["folder"] is None and listing["folderAbsolute"] == folder
        assert "outside the server root" in listing["folderProblem"]
    assert not outside.exists(), "a refused folder is not created"


def test_concurrent_copies_never_share_a_name(tmp_path):
    entry = gallery.tutorial("01-open-a-product")
    made: list[str] = []
    threads = [threading.Thread(target=lambda: made.append(gallery.copy_tutorial(entry, str(tmp_path)))) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(set(made)) == 8
    assert sorted(os.listdir(tmp_path)) == sorted(["01-open-a-product.ipynb", *[f"01-open-a-product-{i}.ipynb" for i in range(1, 8)]])
    shipped = (ROOT / "jupyterlab_swot" / "tutorials" / "01-open-a-product.ipynb").read_bytes()
    assert all(open(p, "rb").read() == shipped for p in made)


async def test_kernels_get_the_sample_dataset_as_swot_sample_data(jp_serverapp):
    assert os.environ["SWOT_SAMPLE_DATA"] == os.path.realpath(SAMPLE)


def test_every_shipped_tutorial_uses_sampledata_and_no_relative_path():
    for entry in gallery.manifest():
        nb = nbformat.read(ROOT / "jupyterlab_swot" / "tutorials" / entry["file"], as_version=4)
        code = [c.source for c in nb.cells if c.cell_type == "code"]
        assert "swot.sampleData(" in code[0], entry["id"]
        assert not any("../" in c for c in code), entry["id"]
        assert nb.metadata.kernelspec.name == entry["kernel"]
