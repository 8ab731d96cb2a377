"""The server extension serves Zarr v2 metadata keys from inside the root, and nothing else."""
import json

import pytest
from tornado.httpclient import HTTPClientError

pytest_plugins = ["pytest_jupyter.jupyter_server"]


@pytest.fixture
def jp_server_config():
    return {"ServerApp": {"jpserver_extensions": {"jupyterlab_swot": True}}}


@pytest.fixture
def store(jp_root_dir):
    root = jp_root_dir / "data" / "s.zarr"
    (root / "ssha").mkdir(parents=True)
    (root / ".zmetadata").write_text(json.dumps({"metadata": {".zgroup": {"zarr_format": 2}}}))
    (root / "ssha" / ".zarray").write_text('{"zarr_format": 2}')
    (root / "ssha" / "0.0").write_bytes(b"chunk")
    hidden = jp_root_dir / ".secret" / "x.zarr"
    hidden.mkdir(parents=True)
    (hidden / ".zmetadata").write_text("{}")
    (jp_root_dir.parent / "outside.zarr").mkdir(exist_ok=True)
    (jp_root_dir.parent / "outside.zarr" / ".zmetadata").write_text("{}")
    return root


async def test_serves_zarr_metadata_keys(jp_fetch, store):
    response = await jp_fetch("swot", "zarr-metadata", "data", "s.zarr", ".zmetadata")
    assert json.loads(response.body)["metadata"][".zgroup"] == {"zarr_format": 2}
    response = await jp_fetch("swot", "zarr-metadata", "data", "s.zarr", "ssha", ".zarray")
    assert response.body == b'{"zarr_format": 2}'


@pytest.mark.parametrize(
    "parts",
    [
        ("data", "s.zarr", "ssha", "0.0"),  # chunks go through /files/, not here
        ("data", "s.zarr", "missing", ".zarray"),
        (".secret", "x.zarr", ".zmetadata"),  # hidden folders stay hidden
        ("..", "outside.zarr", ".zmetadata"),  # nothing outside the root
        ("data", "s.zarr", "..", "..", "..", "outside.zarr", ".zmetadata"),
    ],
)
async def test_refuses_everything_else(jp_fetch, store, parts):
    with pytest.raises(HTTPClientError) as error:
        await jp_fetch("swot", "zarr-metadata", *parts)
    assert error.value.code == 404
