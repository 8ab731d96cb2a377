"""The server routes of the SWOT data browser: /swot/list/ (paged folder listings with
summaries, confined like /swot/files/), /swot/config and /swot/orbit/<phase>."""
import json
import os
import time
import urllib.parse

import pytest
from jupyter_server.utils import url_path_join
from tornado.httpclient import HTTPClientError

from jupyterlab_swot import handlers

pytest_plugins = ["pytest_jupyter.jupyter_server"]

ORBIT = os.path.join(os.path.dirname(__file__), "..", "..", "shared", "data", "real", "orbit")
XSS = "<img src=x onerror=alert(1)>.nc"


@pytest.fixture
def data_root(tmp_path):
    """A shared archive outside the server root, declared by the administrator."""
    root = tmp_path / "datalake"
    (root / "l3").mkdir(parents=True)
    (root / "l3" / "pass.nc").write_bytes(b"x" * 10)
    return root


@pytest.fixture
def elsewhere(tmp_path):
    """A folder outside the server root that no root covers."""
    other = tmp_path / "private"
    (other / "inner").mkdir(parents=True)
    (other / "secret.nc").write_bytes(b"secret")
    return other


@pytest.fixture
def sample(jp_root_dir):
    """The sample dataset, inside a hidden folder of the server root: readable by absolute path only."""
    folder = jp_root_dir / ".swot" / "sample"
    (folder / "netcdf").mkdir(parents=True)
    (folder / "netcdf" / "a.nc").write_bytes(b"abc")
    return folder


@pytest.fixture
def jp_server_config(data_root, sample):
    return {
        "ServerApp": {"jpserver_extensions": {"jupyterlab_swot": True}},
        "Swot": {"data_roots": [str(data_root)], "sample_data": str(sample)},
    }


def write(path, size):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"\0" * size)


@pytest.fixture
def tree(jp_root_dir, data_root, elsewhere):
    product = jp_root_dir / "product"
    for name, size in [("b.nc", 2), ("a.nc", 1), ("C.nc", 3), ("é.nc", 4), ("_x", 5), ("10.nc", 6), ("2.nc", 7), (XSS, 8)]:
        write(product / name, size)
    write(product / ".hidden.nc", 1)
    write(product / ".ipynb_checkpoints" / "a-checkpoint.nc", 1)
    write(product / ".zgroup", 2)
    cycle = product / "cycle_025"
    for name, size in [("SWOT_025_242.nc", 100), ("SWOT_025_010.nc", 20), ("SWOT_025_500.nc", 3)]:
        write(cycle / name, size)
    write(cycle / ".DS_Store", 1000)
    (cycle / "sub").mkdir()
    (cycle / ".ipynb_checkpoints").mkdir()
    v2 = product / "store.zarr"
    for key in [".zgroup", ".zmetadata", ".zattrs", "ssha/.zarray", "ssha/0.0"]:
        write(v2 / key, 2)
    write(product / "v3.zarr" / "zarr.json", 2)
    write(product / "zc" / ".zcollection", 2)
    write(product / "zc" / "_zcollection.json", 2)
    (product / "zc" / "year=2024").mkdir()
    os.symlink(elsewhere, product / "out")  # a symlink leading out of the roots
    os.symlink(elsewhere / "secret.nc", product / "out.nc")
    os.symlink(data_root, product / "archive")  # into a data root: followed
    os.symlink(product / "missing.nc", product / "broken.nc")
    os.symlink(jp_root_dir / ".swot", product / "visible")  # a visible name for a hidden folder
    os.symlink(elsewhere, data_root / "escape")  # a symlink out, inside a data root
    os.symlink(elsewhere, jp_root_dir / "private")
    return jp_root_dir


def encode(path):
    """The URL path of ``path`` as the browser sends it: an absolute path's leading slash as %2F."""
    parts = urllib.parse.quote(path.lstrip("/"), safe="/")
    return ("%2F" if path.startswith("/") else "") + parts


@pytest.fixture
def send(http_server_client, jp_base_url, jp_auth_header):
    def fetch(route, path="", **params):
        query = urllib.parse.urlencode(params)
        url = url_path_join(jp_base_url, "swot", route) + "/" + encode(path) + (f"?{query}" if query else "")
        return http_server_client.fetch(url, headers=jp_auth_header)

    return fetch


@pytest.fixture
def listing(send):
    async def fetch(path="", **params):
        return json.loads((await send("list", path, **params)).body)

    return fetch


@pytest.fixture
def refused(send):
    async def fetch(route, path="", **params):
        with pytest.raises(HTTPClientError) as error:
            await send(route, path, **params)
        response = error.value.response
        body = json.loads(response.body)
        assert json.loads(urllib.parse.unquote(response.headers["X-Swot-Refusal"])) == body
        return error.value.code, body

    return fetch


def by_name(listing):
    return {e["name"]: e for e in listing["entries"]}


async def test_entries_sorted_by_codepoint_without_hidden_names(listing, tree):
    page = await listing("product", limit=100)
    names = [e["name"] for e in page["entries"]]
    assert names == sorted(names)
    assert names[:4] == ["10.nc", "2.nc", "<img src=x onerror=alert(1)>.nc", "C.nc"]
    assert names[-1] == "é.nc"
    assert not [n for n in names if n.startswith(".")]
    assert (page["path"], page["resolved"], page["total"], page["start"], page["limit"]) == (
        "product",
        os.path.realpath(tree / "product"),
        len(names),
        0,
        100,
    )
    assert page["markers"] == [".zgroup"]  # of the folder itself, though .zgroup is not listed


async def test_files_have_size_and_mtime_directories_a_kind(listing, tree):
    entries = by_name(await listing("product"))
    info = os.stat(tree / "product" / "C.nc")
    assert entries["C.nc"] == {"name": "C.nc", "kind": "file", "size": 3, "mtime": info.st_mtime_ns // 1_000_000}
    assert entries["cycle_025"]["kind"] == "directory"
    assert "size" not in entries["cycle_025"] and "summary" not in entries["cycle_025"]
    assert entries["archive"]["kind"] == "directory" and "refused" not in entries["archive"]


async def test_pages_cover_the_folder_once(listing, tree):
    every = [e["name"] for e in (await listing("product", limit=1000))["entries"]]
    pages = [await listing("product", start=start, limit=4) for start in range(0, len(every) + 4, 4)]
    assert [e["name"] for page in pages for e in page["entries"]] == every
    assert {page["total"] for page in pages} == {len(every)}
    assert pages[-1]["entries"] == []


async def test_summary_of_each_directory_in_the_page(listing, tree):
    entries = by_name(await listing("product", summary=1))
    assert entries["cycle_025"]["summary"] == {
        "files": 3,
        "directories": 1,
        "bytes": 123,
        "first": "SWOT_025_010.nc",
        "last": "SWOT_025_500.nc",
        "markers": [],
    }
    assert entries["store.zarr"]["summary"] == {
        "files": 0,  # .zattrs is hidden, not a product file
        "directories": 1,
        "bytes": 0,
        "markers": [".zgroup", ".zmetadata"],
    }
    assert entries["v3.zarr"]["summary"]["markers"] == ["zarr.json"]
    assert entries["zc"]["summary"] == {
        "files": 1,
        "directories": 1,
        "bytes": 2,
        "first": "_zcollection.json",
        "last": "_zcollection.json",
        "markers": [".zcollection", "_zcollection.json"],
    }
    assert "summary" not in entries["C.nc"]
    assert "summary" not in by_name(await listing("product", start=0, limit=1, summary=1))["10.nc"]


async def test_summary_stops_after_20000_entries(listing, tree):
    big = tree / "big" / "many"
    big.mkdir(parents=True)
    for i in range(handlers.SUMMARY_SCAN + 1):
        os.close(os.open(big / f"f{i:05d}.nc", os.O_CREAT | os.O_WRONLY))
    summary = by_name(await listing("big", summary=1))["many"]["summary"]
    assert summary["truncated"] is True
    assert summary["files"] == handlers.SUMMARY_SCAN


async def test_first_page_of_a_10000_file_folder_is_fast(listing, tree, capsys):
    folder = tree / "L3" / "cycle_001"
    folder.mkdir(parents=True)
    for i in range(10_000):
        name = f"SWOT_L3_LR_SSH_Expert_{1 + i // 584:03d}_{1 + i % 584:03d}_20240101T000000_20240101T005000_v2.0.1.nc"
        with open(folder / name, "wb") as f:
            f.write(b"\0" * (i % 97))
    for i in range(20):
        (folder / f"sub{i:02d}").mkdir()
    t0 = time.perf_counter()
    page = await listing("L3/cycle_001", start=0, limit=200, summary=1)
    elapsed = time.perf_counter() - t0
    with capsys.disabled():
        print(f"\n/swot/list/ first page (200 of 10,020, summary=1): {elapsed * 1000:.0f} ms")
    assert (page["total"], len(page["entries"])) == (10_020, 200)
    assert page["entries"][0]["name"].startswith("SWOT_L3_LR_SSH_Expert_001_001_")
    assert elapsed < 1.0


async def test_xss_file_name_is_listed_as_that_text(listing, send, tree):
    entries = by_name(await listing("product"))
    assert entries[XSS] == {**entries[XSS], "name": XSS, "kind": "file", "size": 8}
    assert (await send("files", f"product/{XSS}")).body == b"\0" * 8


async def test_symlinks_out_of_the_roots_are_listed_not_followed(listing, tree, elsewhere):
    entries = by_name(await listing("product"))
    for name, kind in [("out", "directory"), ("out.nc", "file")]:
        assert entries[name]["kind"] == kind
        assert "outside every folder this server may read" in entries[name]["refused"]
        assert os.path.realpath(elsewhere) in entries[name]["refused"]
        assert "size" not in entries[name]
    assert "hidden" in entries["visible"]["refused"]
    assert "does not exist" in entries["broken.nc"]["refused"]


async def test_listing_through_a_symlink_out_is_403_naming_the_roots(refused, tree, data_root, sample, elsewhere):
    code, body = await refused("list", "product/out")
    assert code == 403
    assert body["roots"] == [os.path.realpath(p) for p in (tree, data_root, sample)]
    assert body["resolved"] == os.path.realpath(elsewhere)
    assert "outside every folder this server may read" in body["reason"]
    assert "c.Swot.data_roots" in body["hint"]


@pytest.mark.parametrize(
    ("path", "reason"),
    [
        ("product/../../private", "'..'"),
        ("..", "'..'"),
        ("private/inner", "outside every folder"),
        (".swot/sample", "hidden"),
        ("product/.ipynb_checkpoints", "hidden"),
        ("product/visible", "hidden"),
    ],
)
async def test_escapes_and_hidden_folders_are_403(refused, tree, path, reason):
    code, body = await refused("list", path)
    assert code == 403
    assert reason in body["reason"]


async def test_absolute_path_outside_every_root_is_403(refused, tree, elsewhere, data_root):
    for path in [str(os.path.realpath(elsewhere)), "/", "/etc", os.path.realpath(data_root) + "/../private"]:
        code, body = await refused("list", path)
        assert code == 403, path
        assert "outside every folder" in body["reason"] or "'..'" in body["reason"]


async def test_absolute_path_inside_a_data_root_is_listed(listing, tree, data_root, elsewhere):
    root = os.path.realpath(data_root)
    page = await listing(root, summary=1)
    assert page["path"] == root and page["resolved"] == root
    entries = by_name(page)
    assert entries["l3"]["summary"]["first"] == "pass.nc"
    assert "outside every folder" in entries["escape"]["refused"]
    assert [e["name"] for e in (await listing(root + "/l3"))["entries"]] == ["pass.nc"]


async def test_sample_under_a_hidden_folder_is_read_by_absolute_path(listing, send, refused, tree, sample):
    root = os.path.realpath(sample)
    assert [e["name"] for e in (await listing(root))["entries"]] == ["netcdf"]
    assert (await send("files", f"{root}/netcdf/a.nc")).body == b"abc"
    code, _ = await refused("files", ".swot/sample/netcdf/a.nc")
    assert code == 403


async def test_bad_requests_are_400_or_404_with_a_reason(refused, tree):
    for params, reason in [
        ({"start": -1}, "start=-1 is out of range"),
        ({"limit": 1001}, "limit=1001 is out of range (from 0 to 1000)"),
        ({"limit": "ten"}, "limit='ten' is not a whole number"),
        ({"summary": "maybe"}, "summary='maybe'"),
    ]:
        code, body = await refused("list", "product", **params)
        assert (code, body["path"]) == (400, "product")
        assert reason in body["reason"]
    code, body = await refused("list", "product/C.nc")
    assert code == 400 and body["reason"].startswith("not a folder")
    code, body = await refused("list", "product/nothing")
    assert (code, body["reason"]) == (404, "no such file or folder")


async def test_server_root_is_the_empty_path(listing, send, jp_fetch, tree):
    for response in [await send("list", ""), await jp_fetch("swot", "list")]:  # /swot/list/ and /swot/list
        assert json.loads(response.body)["resolved"] == os.path.realpath(tree)
    names = [e["name"] for e in (await listing(""))["entries"]]
    assert "product" in names and ".swot" not in names


async def test_pipes_are_listed_refused_and_never_opened(listing, refused, tree):
    os.mkfifo(tree / "product" / "pipe.nc")
    assert "not a regular file" in by_name(await listing("product"))["pipe.nc"]["refused"]
    code, body = await refused("files", "product/pipe.nc")
    assert code == 403 and "not a regular file" in body["reason"]


async def test_config_names_the_roots(jp_fetch, tree, data_root, sample):
    config = json.loads((await jp_fetch("swot", "config")).body)
    assert config == {
        "serverRoot": os.path.realpath(tree),
        "roots": [os.path.realpath(p) for p in (tree, data_root, sample)],
        "sample": os.path.realpath(sample),
    }


def read_orbit(name):
    with open(os.path.join(ORBIT, name), "rb") as f:
        return f.read()


@pytest.mark.skipif(not os.path.isdir(ORBIT), reason="../shared/data/real/orbit is not beside the clone")
@pytest.mark.parametrize("source", ["package", "env"])
async def test_orbit_ephemeris_served_as_cacheable_text(jp_fetch, monkeypatch, tmp_path, source):
    if source == "env":
        monkeypatch.setattr(handlers, "PACKAGE_ORBIT", str(tmp_path / "absent"))
        monkeypatch.setenv("SWOT_EPHEMERIS_DIR", ORBIT)
    elif not os.path.isdir(handlers.PACKAGE_ORBIT):
        pytest.skip("the kernel runtime was built without the orbit files")
    for phase, name in handlers.EPHEMERIDES.items():
        response = await jp_fetch("swot", "orbit", phase, headers={"Accept-Encoding": "gzip"})
        assert response.body == read_orbit(name)
        assert response.headers["Content-Type"] == "text/plain; charset=utf-8"
        assert response.headers["X-Consumed-Content-Encoding"] == "gzip"  # sent gzipped, decoded by the client
        assert "max-age" in response.headers["Cache-Control"]
        with pytest.raises(HTTPClientError) as error:
            await jp_fetch("swot", "orbit", phase, headers={"If-None-Match": response.headers["ETag"]})
        assert error.value.code == 304


async def test_missing_ephemeris_is_404_and_unknown_phase_400(refused, monkeypatch, tmp_path, tree):
    monkeypatch.setattr(handlers, "PACKAGE_ORBIT", str(tmp_path / "absent"))
    monkeypatch.delenv("SWOT_EPHEMERIS_DIR", raising=False)
    code, body = await refused("orbit", "science")
    assert code == 404
    assert "ephemeris_science_sept2015_ell.txt" in body["reason"] and "SWOT_EPHEMERIS_DIR" in body["hint"]
    code, body = await refused("orbit", "fast")
    assert code == 400 and "science, calval" in body["reason"]
