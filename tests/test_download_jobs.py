"""Download jobs run by the Jupyter server (/swot/downloads) with the real ``swot download``.

The provider is a PO.DAAC mirror on loopback (scripts/podaac-mirror.mjs: a CMR search and a
file host behind an Earthdata bearer token) publishing the sample's L2 Basic files of cycle 26.
The server runs the CLI of the installed package, as on a hub; the token reaches it through the
server's environment only.
"""
import asyncio
import hashlib
import json
import os
import subprocess

import pytest

from conftest import ROOT

pytest_plugins = ["pytest_jupyter.jupyter_server"]

COLLECTION = "SWOT_L2_LR_SSH_BASIC_2.0"
TOKEN = "tok-mirror-9d1c-secret"
SAMPLE = ROOT / "data" / "sample" / "netcdf" / "L2_LR_SSH" / "Basic" / "cycle_026"


def start_mirror(rate: int | None = None) -> tuple[subprocess.Popen, dict]:
    if not SAMPLE.is_dir():
        pytest.fail(f"{SAMPLE} is missing: scripts/setup.sh generates the sample data")
    args = ["node", str(ROOT / "scripts" / "podaac-mirror.mjs"), "--folder", str(SAMPLE), "--collection", COLLECTION,
            "--token", TOKEN, "--exit-with-stdin"]
    if rate:
        args += ["--rate", str(rate)]
    process = subprocess.Popen(args, cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    line = process.stdout.readline()
    if not line:
        process.kill()
        pytest.fail("the PO.DAAC mirror did not start")
    return process, json.loads(line)


def stop_mirror(process: subprocess.Popen) -> None:
    process.stdin.close()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()


@pytest.fixture(scope="module")
def mirror():
    process, info = start_mirror()
    yield info
    stop_mirror(process)


@pytest.fixture(scope="module")
def slow_mirror():
    # about 1 MB/s per file: a 5-7 MB granule takes several seconds, time to cancel mid-way
    process, info = start_mirror(rate=1_000_000)
    yield info
    stop_mirror(process)


@pytest.fixture
def jp_server_config():
    return {"ServerApp": {"jpserver_extensions": {"jupyterlab_swot": True}}}


@pytest.fixture
def provider_env(monkeypatch, tmp_path):
    def use(info: dict, token: str = TOKEN) -> None:
        monkeypatch.setenv("SWOT_CMR_URL", info["cmr"])
        monkeypatch.setenv("EARTHDATA_TOKEN", token)
        monkeypatch.setenv("NETRC", str(tmp_path / "no-netrc"))
    return use


async def post(jp_fetch, body: dict) -> dict:
    response = await jp_fetch("swot", "downloads", method="POST", body=json.dumps(body))
    assert response.code == 201
    return json.loads(response.body)


async def job_of(jp_fetch, job_id: str) -> dict:
    return json.loads((await jp_fetch("swot", "downloads", job_id)).body)


async def wait_for(jp_fetch, job_id: str, done, timeout: float = 60.0) -> dict:
    loop = asyncio.get_running_loop()
    end = loop.time() + timeout
    while True:
        job = await job_of(jp_fetch, job_id)
        if done(job):
            return job
        if loop.time() > end:
            pytest.fail(f"job {job_id} still {job['state']} after {timeout} s: {job}")
        await asyncio.sleep(0.1)


def finished(job: dict) -> bool:
    return job["state"] in ("done", "failed", "cancelled")


def md5(path) -> str:
    return hashlib.md5(path.read_bytes()).hexdigest()


REQUEST = {"provider": "podaac", "collection": COLLECTION, "cycles": [26]}


async def test_a_job_downloads_verified_files_then_a_second_skips_them(jp_fetch, jp_root_dir, mirror, provider_env):
    provider_env(mirror)
    job = await post(jp_fetch, {**REQUEST, "out": "swot-downloads/basic"})
    job = await wait_for(jp_fetch, job["id"], finished)
    assert job["state"] == "done", job
    granules = mirror["granules"]
    assert (job["files"], job["done"], job["failed"], job["remaining"]) == (len(granules), len(granules), 0, 0)
    assert job["bytes"] == sum(g["size"] for g in granules)
    out = jp_root_dir / "swot-downloads" / "basic"
    assert sorted(p.name for p in out.iterdir()) == sorted(g["name"] for g in granules)
    for g in granules:
        assert md5(out / g["name"]) == g["md5"]

    again = await wait_for(jp_fetch, (await post(jp_fetch, {**REQUEST, "out": "swot-downloads/basic"}))["id"], finished)
    assert again["state"] == "done" and (again["done"], again["skipped"]) == (0, len(granules))


async def test_a_dry_run_lists_the_planned_files_and_writes_nothing(jp_fetch, jp_root_dir, mirror, provider_env):
    provider_env(mirror)
    job = await post(jp_fetch, {**REQUEST, "passes": "165,242", "out": "dry", "dryRun": True})
    job = await wait_for(jp_fetch, job["id"], finished)
    assert job["state"] == "done" and job["dryRun"]
    expected = [g for g in mirror["granules"] if g["pass"] in (165, 242)]
    assert sorted((f["name"], f["size"]) for f in job["planned"]) == sorted((g["name"], g["size"]) for g in expected)
    assert job["plannedBytes"] == sum(g["size"] for g in expected)
    assert not any((jp_root_dir / "dry").iterdir()) if (jp_root_dir / "dry").exists() else True


async def test_cancel_leaves_part_files_that_the_next_job_resumes(jp_fetch, jp_root_dir, slow_mirror, provider_env):
    provider_env(slow_mirror)
    body = {**REQUEST, "out": "resumed", "jobs": 4}
    job = await post(jp_fetch, body)
    await wait_for(jp_fetch, job["id"], lambda j: j["bytes"] > 500_000 or finished(j))
    await jp_fetch("swot", "downloads", job["id"], method="DELETE")
    job = await wait_for(jp_fetch, job["id"], finished)
    assert job["state"] == "cancelled", job
    out = jp_root_dir / "resumed"
    left = sorted(p.name for p in out.iterdir())
    assert left and all(name.endswith(".part") for name in left), left
    kept = sum(p.stat().st_size for p in out.iterdir())
    assert kept > 0

    job = await wait_for(jp_fetch, (await post(jp_fetch, body))["id"], finished, timeout=90)
    assert job["state"] == "done", job
    granules = slow_mirror["granules"]
    assert sorted(p.name for p in out.iterdir()) == sorted(g["name"] for g in granules)
    assert all(md5(out / g["name"]) == g["md5"] for g in granules)
    # resumed from the .part files (HTTP Range), not fetched again from the start
    assert 0 < job["resumedBytes"] <= kept


async def test_a_wrong_token_fails_with_one_message_and_never_the_token(jp_fetch, jp_root_dir, mirror, provider_env):
    provider_env(mirror, token="wrong-token-5511")
    job = await wait_for(jp_fetch, (await post(jp_fetch, {**REQUEST, "out": "denied"}))["id"], finished)
    assert job["state"] == "failed"
    text = json.dumps(job)
    assert "EARTHDATA_TOKEN" in text
    assert "wrong-token-5511" not in text and TOKEN not in text
    assert not (jp_root_dir / "denied").exists() or not any(p.suffix == ".nc" for p in (jp_root_dir / "denied").iterdir())
    assert os.environ["EARTHDATA_TOKEN"] == "wrong-token-5511"  # the server's environment, never the request
