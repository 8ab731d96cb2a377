"""The server extension's read-only route /swot/files/: bytes (whole, ranges, HEAD)
and listings from the server root and the administrator's data roots, nothing else."""
import json
import os
import urllib.parse

import pytest
from jupyter_server.utils import url_path_join
from tornado.httpclient import HTTPClientError

pytest_plugins = ["pytest_jupyter.jupyter_server"]

PAYLOAD = bytes(range(256)) * 40  # 10240 bytes


@pytest.fixture
def data_root(tmp_path):
    """A shared archive outside the server root, declared by the administrator."""
    root = tmp_path / "datalake"
    (root / "l3").mkdir(parents=True)
    (root / "l3" / "pass.nc").write_bytes(PAYLOAD)
    return root


@pytest.fixture
def elsewhere(tmp_path):
    """A folder outside the server root that no data root covers."""
    other = tmp_path / "private"
    other.mkdir()
    (other / "secret.nc").write_bytes(b"secret")
    (other / "s.zarr").mkdir()
    (other / "s.zarr" / "zarr.json").write_text("{}")
    return other


@pytest.fixture
def jp_server_config(data_root):
    return {"ServerApp": {"jpserver_extensions": {"jupyterlab_swot": True}}, "Swot": {"data_roots": [str(data_root)]}}


@pytest.fixture
def tree(jp_root_dir, data_root, elsewhere):
    store = jp_root_dir / "data" / "s.zarr"
    (store / "ssha").mkdir(parents=True)
    (store / ".zmetadata").write_text(json.dumps({"metadata": {".zgroup": {"zarr_format": 2}}}))
    (store / ".zgroup").write_text('{"zarr_format": 2}')
    (store / "ssha" / ".zarray").write_text('{"zarr_format": 2}')
    (store / "ssha" / "0.0").write_bytes(b"chunk")
    (store / ".DS_Store").write_bytes(b"x")
    (jp_root_dir / "data" / "pass.nc").write_bytes(PAYLOAD)
    (jp_root_dir / "data" / "empty.nc").write_bytes(b"")
    (jp_root_dir / ".secret" / "x.zarr").mkdir(parents=True)
    (jp_root_dir / ".secret" / "x.zarr" / ".zmetadata").write_text("{}")
    (jp_root_dir / ".hidden.nc").write_bytes(b"x")
    # What a hub does: shared archives linked into home.
    os.symlink(data_root, jp_root_dir / "archive")
    os.symlink(elsewhere, jp_root_dir / "private")
    os.symlink(elsewhere / "secret.nc", jp_root_dir / "data" / "link.nc")
    os.symlink(jp_root_dir / ".secret", jp_root_dir / "visible")  # a visible name for a hidden folder
    return jp_root_dir


@pytest.fixture
def wire(http_server_client, jp_base_url, jp_auth_header):
    """Fetch a URL path already encoded as the browser sends it (jp_fetch would encode '%2F' again)."""

    def send(encoded, **kwargs):
        url = url_path_join(jp_base_url, "swot", "files") + "/" + encoded
        return http_server_client.fetch(url, headers={**jp_auth_header, **kwargs.pop("headers", {})}, **kwargs)

    return send


async def fetch(jp_fetch, path, **kwargs):
    return await jp_fetch("swot", "files", *path.split("/"), **kwargs)


async def refused(jp_fetch, path, **kwargs):
    with pytest.raises(HTTPClientError) as error:
        await fetch(jp_fetch, path, **kwargs)
    response = error.value.response
    return error.value.code, json.loads(response.body) if response.body else None, response.headers


async def test_whole_file_with_validators(jp_fetch, tree):
    response = await fetch(jp_fetch, "data/pass.nc")
    assert response.code == 200
    assert response.body == PAYLOAD
    assert response.headers["Accept-Ranges"] == "bytes"
    assert response.headers["Content-Type"] == "application/octet-stream"
    assert "Content-Encoding" not in response.headers
    assert response.headers["ETag"].startswith('"')
    assert response.headers["Last-Modified"].endswith("GMT")


async def test_head_gives_the_size_and_no_body(jp_fetch, tree):
    response = await fetch(jp_fetch, "data/pass.nc", method="HEAD")
    assert response.code == 200
    assert response.headers["Content-Length"] == str(len(PAYLOAD))
    assert response.headers["Accept-Ranges"] == "bytes"
    assert response.body == b""


@pytest.mark.parametrize(
    ("header", "start", "end"),
    [("bytes=0-4095", 0, 4096), ("bytes=100-199", 100, 200), ("bytes=10000-", 10000, 10240), ("bytes=-40", 10200, 10240), ("bytes=10000-99999", 10000, 10240)],
)
async def test_ranges(jp_fetch, tree, header, start, end):
    response = await fetch(jp_fetch, "data/pass.nc", headers={"Range": header})
    assert response.code == 206
    assert response.body == PAYLOAD[start:end]
    assert response.headers["Content-Range"] == f"bytes {start}-{end - 1}/{len(PAYLOAD)}"
    assert response.headers["Content-Length"] == str(end - start)


async def test_unsatisfiable_range_gives_the_size(jp_fetch, tree):
    code, _, headers = await refused(jp_fetch, "data/pass.nc", headers={"Range": "bytes=20000-20010"})
    assert code == 416
    assert headers["Content-Range"] == f"bytes */{len(PAYLOAD)}"
    code, _, headers = await refused(jp_fetch, "data/empty.nc", headers={"Range": "bytes=0-4095"})
    assert (code, headers["Content-Range"]) == (416, "bytes */0")


async def test_unchanged_file_is_304(jp_fetch, tree):
    etag = (await fetch(jp_fetch, "data/pass.nc", method="HEAD")).headers["ETag"]
    code, _, _ = await refused(jp_fetch, "data/pass.nc", headers={"If-None-Match": etag})
    assert code == 304


async def test_stale_if_range_sends_the_whole_file(jp_fetch, tree):
    response = await fetch(jp_fetch, "data/pass.nc", headers={"Range": "bytes=0-9", "If-Range": '"other"'})
    assert (response.code, len(response.body)) == (200, len(PAYLOAD))
    etag = response.headers["ETag"]
    response = await fetch(jp_fetch, "data/pass.nc", headers={"Range": "bytes=0-9", "If-Range": etag})
    assert (response.code, response.body) == (206, PAYLOAD[:10])


async def test_zarr_keys_and_metadata_dot_files(jp_fetch, tree):
    response = await fetch(jp_fetch, "data/s.zarr/.zmetadata")
    assert json.loads(response.body)["metadata"][".zgroup"] == {"zarr_format": 2}
    assert (await fetch(jp_fetch, "data/s.zarr/ssha/.zarray")).body == b'{"zarr_format": 2}'
    assert (await fetch(jp_fetch, "data/s.zarr/ssha/0.0")).body == b"chunk"


async def test_listing_shows_zarr_metadata_but_no_other_hidden_name(jp_fetch, tree):
    listing = json.loads((await fetch(jp_fetch, "data/s.zarr")).body)
    assert listing == {"path": "data/s.zarr", "type": "directory", "entries": [".zgroup", ".zmetadata", "ssha"]}


async def test_data_root_reached_through_a_symlink(jp_fetch, tree):
    response = await fetch(jp_fetch, "archive/l3/pass.nc", headers={"Range": "bytes=0-9"})
    assert (response.code, response.body) == (206, PAYLOAD[:10])
    assert json.loads((await fetch(jp_fetch, "archive/l3")).body)["entries"] == ["pass.nc"]


async def test_missing_key_is_404_with_a_reason(jp_fetch, tree):
    code, body, headers = await refused(jp_fetch, "data/s.zarr/missing/.zarray")
    assert code == 404
    assert body == {"path": "data/s.zarr/missing/.zarray", "reason": "no such file or folder"}
    assert json.loads(urllib.parse.unquote(headers["X-Swot-Refusal"])) == body


@pytest.mark.parametrize("path", ["private/secret.nc", "private/s.zarr/zarr.json", "data/link.nc", "private"])
async def test_symlink_out_of_every_root_is_403_naming_the_roots(jp_fetch, tree, data_root, elsewhere, path):
    code, body, headers = await refused(jp_fetch, path)
    assert code == 403
    roots = [os.path.realpath(tree), os.path.realpath(data_root)]
    assert body["path"] == path
    assert body["roots"] == roots
    assert body["resolved"].startswith(os.path.realpath(elsewhere))
    assert "outside every folder this server may read" in body["reason"]
    assert all(root in body["reason"] for root in roots)
    assert "c.Swot.data_roots" in body["hint"]
    # HEAD has no body: the refusal travels in a header too.
    code, _, headers = await refused(jp_fetch, path, method="HEAD")
    assert code == 403
    assert json.loads(urllib.parse.unquote(headers["X-Swot-Refusal"])) == body


@pytest.mark.parametrize(
    ("path", "reason"),
    [
        ("data/s.zarr/../../../private/secret.nc", "'..'"),
        ("../outside.nc", "'..'"),
        (".secret/x.zarr/.zmetadata", "hidden"),
        (".hidden.nc", "hidden"),
        ("data/s.zarr/.DS_Store", "hidden"),
        ("visible/x.zarr/.zmetadata", "hidden"),
    ],
)
async def test_escapes_and_hidden_names_are_refused(jp_fetch, tree, path, reason):
    code, body, _ = await refused(jp_fetch, path)
    assert code == 403
    assert reason in body["reason"]


async def test_permission_denied_is_a_403_with_a_reason(jp_fetch, tree):
    if os.geteuid() == 0:
        pytest.skip("root reads every file")
    target = tree / "data" / "pass.nc"
    target.chmod(0)
    try:
        code, body, _ = await refused(jp_fetch, "data/pass.nc")
    finally:
        target.chmod(0o644)
    assert (code, body["reason"]) == (403, "the server has no permission to read it")


@pytest.mark.parametrize("path", ["/etc/passwd", "//etc/passwd", "/"])
def test_absolute_paths_outside_every_root_are_refused(tmp_path, path):
    from jupyterlab_swot.handlers import Refused, resolve

    with pytest.raises(Refused) as error:
        resolve(path, str(tmp_path), [str(tmp_path)])
    assert error.value.status == 403
    assert "outside every folder this server may read" in error.value.body["reason"]
    assert error.value.body["roots"] == [str(tmp_path)]


@pytest.mark.parametrize("path", ["\\server\\share", "\\etc\\passwd"])
def test_windows_absolute_paths_are_refused(tmp_path, path):
    from jupyterlab_swot.handlers import Refused, resolve

    with pytest.raises(Refused) as error:
        resolve(path, str(tmp_path), [str(tmp_path)])
    assert error.value.status == 403
    assert "absolute" in error.value.body["reason"]


async def test_absolute_path_inside_a_data_root_is_served(wire, tree, data_root):
    absolute = os.path.realpath(data_root / "l3" / "pass.nc")
    # As the browser sends it: the leading slash percent-encoded, the rest as usual.
    response = await wire("%2F" + absolute.lstrip("/"), headers={"Range": "bytes=0-9"})
    assert (response.code, response.body) == (206, PAYLOAD[:10])
    response = await wire(urllib.parse.quote(absolute, safe=""), method="HEAD")
    assert response.headers["Content-Length"] == str(len(PAYLOAD))


async def test_absolute_path_outside_every_root_is_403_over_http(wire, tree, elsewhere):
    secret = os.path.realpath(elsewhere / "secret.nc")
    with pytest.raises(HTTPClientError) as error:
        await wire("%2F" + secret.lstrip("/"))
    body = json.loads(error.value.response.body)
    assert error.value.code == 403
    assert (body["path"], body["resolved"]) == (secret, secret)
    assert "outside every folder this server may read" in body["reason"]
