"""/swot/downloads: the server's download jobs (jupyterlab_swot/downloads.py).

What a request may ask is checked before any process starts: the provider, the collection,
number lists, the box, and the folder to write into (inside the server's roots, writable:
a read-only shared archive is refused with the reason). The jobs themselves, run by the real
`swot download` against a loopback provider, are in test_download_jobs.py.
"""
import json
import os
import stat

import pytest
from tornado.httpclient import HTTPClientError

from jupyterlab_swot.downloads import command_args
from jupyterlab_swot.handlers import Refused

pytest_plugins = ["pytest_jupyter.jupyter_server"]


@pytest.fixture
def archive(tmp_path):
    """A read-only shared archive outside the server root, configured as a data root."""
    folder = tmp_path / "archive"
    (folder / "L3").mkdir(parents=True)
    folder.chmod(stat.S_IRUSR | stat.S_IXUSR)
    (folder / "L3").chmod(stat.S_IRUSR | stat.S_IXUSR)
    yield folder
    (folder / "L3").chmod(0o755)
    folder.chmod(0o755)


@pytest.fixture
def jp_server_config(archive):
    return {"ServerApp": {"jpserver_extensions": {"jupyterlab_swot": True}}, "Swot": {"data_roots": [str(archive)]}}


async def refusal(call) -> tuple[int, dict]:
    with pytest.raises(HTTPClientError) as caught:
        await call
    return caught.value.code, json.loads(caught.value.response.body)


def post(jp_fetch, body: dict):
    return jp_fetch("swot", "downloads", method="POST", body=json.dumps(body))


GOOD = {"provider": "podaac", "collection": "SWOT_L2_LR_SSH_BASIC_2.0"}


def test_a_request_becomes_the_commands_arguments():
    args = command_args({**GOOD, "cycles": [1, 2, 5], "passes": "10-12,20", "time": "2024-01-01/2024-01-02",
                         "bbox": [-70, 35, -65, 40.5], "jobs": 2, "dryRun": True, "version": "v2_0_1"}, "/out")
    assert args == ["download", "--provider", "podaac", "--collection", "SWOT_L2_LR_SSH_BASIC_2.0", "--out", "/out",
                    "--progress", "jsonl", "--cycle", "1,2,5", "--pass", "10-12,20", "--version-folder", "v2_0_1",
                    "--time", "2024-01-01/2024-01-02", "--bbox", "-70.0,35.0,-65.0,40.5", "--jobs", "2", "--dry-run"]


@pytest.mark.parametrize("body, field", [
    ({"provider": "copernicus", "collection": "X"}, "provider"),
    ({"provider": "aviso"}, "collection"),
    ({**GOOD, "cycles": "1;2"}, "cycles"),
    ({**GOOD, "passes": [1.5]}, "passes"),
    ({**GOOD, "bbox": [1, 2, 3]}, "bbox"),
    ({**GOOD, "jobs": 0}, "jobs"),
    ({**GOOD, "time": 5}, "time"),
])
def test_bad_fields_are_refused_naming_the_field(body, field):
    with pytest.raises(Refused) as caught:
        command_args(body, "/out")
    assert caught.value.status == 400 and caught.value.body["path"] == field


async def test_no_job_at_first(jp_fetch):
    assert json.loads((await jp_fetch("swot", "downloads")).body) == {"jobs": []}


async def test_the_folder_must_be_given(jp_fetch):
    code, body = await refusal(post(jp_fetch, GOOD))
    assert code == 400 and body["path"] == "out"


async def test_a_folder_outside_the_roots_is_refused(jp_fetch, tmp_path):
    code, body = await refusal(post(jp_fetch, {**GOOD, "out": str(tmp_path / "elsewhere")}))
    assert code == 403 and "outside every folder" in body["reason"]
    assert not (tmp_path / "elsewhere").exists()


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
async def test_a_read_only_archive_is_refused_with_the_reason(jp_fetch, archive):
    code, body = await refusal(post(jp_fetch, {**GOOD, "out": str(archive / "L3")}))
    assert code == 403 and "not writable" in body["reason"]


async def test_an_unknown_job_is_404(jp_fetch):
    code, body = await refusal(jp_fetch("swot", "downloads", "99", method="DELETE"))
    assert code == 404 and "99" in body["reason"]
