"""`!swot` in a Python notebook works even when the server was started without
activating its environment (as a hub starts jupyterhub-singleuser): the server
extension puts the environment's scripts folder on the kernels' PATH."""
import json
import os
import shutil
import sysconfig
import uuid

import pytest

pytest_plugins = ["pytest_jupyter.jupyter_server"]

SCRIPTS = sysconfig.get_path("scripts")


@pytest.fixture
def jp_server_config():
    return {"ServerApp": {"jpserver_extensions": {"jupyterlab_swot": True}}}


@pytest.fixture(autouse=True)
def path_without_the_environment(monkeypatch):
    """The server's PATH before the extension loads: the system's folders only."""
    system = [p for p in os.environ["PATH"].split(os.pathsep) if p and os.path.realpath(p) != os.path.realpath(SCRIPTS)]
    monkeypatch.setenv("PATH", os.pathsep.join(system))
    assert shutil.which("swot") is None or not shutil.which("swot").startswith(SCRIPTS)


async def run_in_python_kernel(jp_fetch, jp_ws_fetch, code: str) -> str:
    kernel = json.loads((await jp_fetch("api", "kernels", method="POST", body=json.dumps({"name": "python3"}))).body)
    ws = await jp_ws_fetch("api", "kernels", kernel["id"], "channels")
    msg_id = uuid.uuid4().hex
    ws.write_message(json.dumps({
        "channel": "shell",
        "header": {"msg_id": msg_id, "msg_type": "execute_request", "username": "test", "session": uuid.uuid4().hex, "version": "5.3"},
        "parent_header": {}, "metadata": {},
        "content": {"code": code, "silent": False, "store_history": False, "user_expressions": {}, "allow_stdin": False},
    }))
    text = []
    try:
        while True:
            msg = json.loads(await ws.read_message())
            if msg.get("parent_header", {}).get("msg_id") != msg_id:
                continue
            if msg["msg_type"] == "stream":
                text.append(msg["content"]["text"])
            if msg["msg_type"] == "error":
                text.append(msg["content"]["evalue"])
            if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
                return "".join(text)
    finally:
        ws.close()
        await jp_fetch("api", "kernels", kernel["id"], method="DELETE")


async def test_bang_swot_runs_in_a_python_notebook(jp_fetch, jp_ws_fetch):
    assert os.path.isfile(os.path.join(SCRIPTS, "swot")), "pip install . puts swot into the environment"
    out = await run_in_python_kernel(jp_fetch, jp_ws_fetch, "!swot --version")
    assert out.strip() == "0.1.0", out
