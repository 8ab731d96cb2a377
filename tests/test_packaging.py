"""What a hub administrator gets from the wheel: `pip install jupyterlab_swot-*.whl`
into a fresh environment (no repository on any path) gives an enabled, OK
labextension, a TypeScript kernelspec with which `jupyterlab-swot/kernel`
imports (with its types) from a notebook in any folder, and `swot` on the
environment's PATH."""
import os
import pathlib
import re
import subprocess
import sys
import zipfile

import pytest

from conftest import ROOT, SHARED_DATA
from kernels import run_cells

REAL_L3 = SHARED_DATA / "real" / "l3" / "SWOT_L3_LR_SSH_Expert_026_165_20241229T165806_20241229T174933_v2.0.1.nc"


def run(*args, **kwargs):
    return subprocess.run(args, check=True, capture_output=True, text=True, **kwargs)


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> pathlib.Path:
    out = tmp_path_factory.mktemp("wheel")
    run(sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-w", str(out), str(ROOT))
    return next(out.glob("jupyterlab_swot-*.whl"))


@pytest.fixture(scope="module")
def fresh_env(tmp_path_factory, wheel) -> pathlib.Path:
    """A virtual environment outside the repository with JupyterLab and the wheel, nothing else."""
    venv = tmp_path_factory.mktemp("hub") / "env"
    run(sys.executable, "-m", "venv", str(venv))
    jupyterlab = next(
        line for line in (ROOT / "requirements-dev.txt").read_text().splitlines() if line.startswith("jupyterlab==")
    )
    run(str(venv / "bin" / "pip"), "install", "--quiet", jupyterlab, str(wheel), cwd=str(venv.parent))
    return venv


def user_env(venv: pathlib.Path) -> dict:
    """A user's shell in that environment: its bin first, the system's Node, nothing of this repository."""
    system = [p for p in os.environ.get("PATH", "").split(os.pathsep) if p and not p.startswith(str(ROOT))]
    env = {k: v for k, v in os.environ.items() if k not in ("NODE_PATH", "VIRTUAL_ENV", "PYTHONPATH")}
    env["PATH"] = os.pathsep.join([str(venv / "bin"), *system])
    return env


def test_wheel_carries_the_labextension_the_kernel_and_the_cli(wheel):
    names = zipfile.ZipFile(wheel).namelist()
    data = "jupyterlab_swot-0.1.0.data/data/share/jupyter/"
    assert data + "labextensions/jupyterlab-swot/package.json" in names
    assert data + "labextensions/jupyterlab-swot/install.json" in names
    assert data + "labextensions/jupyterlab-swot/schemas/jupyterlab-swot/catalog.json" in names
    assert any(re.match(re.escape(data) + r"labextensions/jupyterlab-swot/static/remoteEntry\.[0-9a-f]+\.js$", n) for n in names)
    assert data + "kernels/tslab/kernel.json" in names
    runtime = "jupyterlab_swot/kernel_runtime/node_modules/"
    for part in ("jupyterlab-swot/dist/kernel.cjs", "jupyterlab-swot/dist/kernel.d.ts", "jupyterlab-swot/dist/cli.cjs",
                 "tslab/dist/converter.js", "h5wasm/package.json", "zarrita/package.json"):
        assert runtime + part in names, part
    converter = zipfile.ZipFile(wheel).read(runtime + "tslab/dist/converter.js").decode()
    assert "jupyterlab-swot patch" in converter, "the shipped tslab is not the patched one"
    for part in ("tutorials.json", "01-open-a-product.ipynb", "04-currents-and-statistics.ipynb", "thumbnails/03-show-a-swath.svg"):
        assert "jupyterlab_swot/tutorials/" + part in names, part  # the gallery's shipped tutorials
    entry_points = zipfile.ZipFile(wheel).read("jupyterlab_swot-0.1.0.dist-info/entry_points.txt").decode()
    assert "swot = jupyterlab_swot.cli:main" in entry_points


def test_fresh_env_has_an_enabled_ok_extension(fresh_env):
    listing = run(str(fresh_env / "bin" / "jupyter"), "labextension", "list", env=user_env(fresh_env))
    text = re.sub(r"\x1b\[[0-9;]*m", "", listing.stdout + listing.stderr)
    assert re.search(r"jupyterlab-swot v0\.1\.0 enabled\s+OK \(python, jupyterlab_swot\)", text), text


def test_kernel_from_the_fresh_env_imports_the_library_in_any_folder(fresh_env, tmp_path):
    home = tmp_path / "home" / "user"
    home.mkdir(parents=True)
    result = run_cells(fresh_env / "bin" / "python", "tslab", home, [
        {"code": 'import * as swot from "jupyterlab-swot/kernel";\n'
                 f'const ds = await swot.open({str(REAL_L3)!r});\n'
                 'const lines: number = ds.dims.num_lines;\n'
                 'console.log("num_lines", lines);'},
        # The types are the library's: a wrong one is a compile error, not `any`.
        {"code": "const wrong: string = ds.dims.num_lines;"},
        {"code": "console.log(typeof swot.diagnostics, ds.product?.pass);"},
        # A cell whose inferred type names the library's types carries them to the next cell
        # (the patched tslab names them "jupyterlab-swot/..." instead of failing with TS2742).
        {"code": 'const one = await ds.select({ variables: ["ssha_filtered"], passes: 165 });\n'
                 'const renamed = { ...one, variables: [{ ...one.get("ssha_filtered"), name: "renamed" }] };'},
        {"code": "const name: string = renamed.variables[0].name; console.log(name, renamed.dims.num_lines);"},
        # The pass finder's orbit ephemerides ship with the package.
        {"code": "const rows = await swot.passesCrossing({ bbox: [30, -10, 40, 10] }, { passes: [165] });\n"
                 "console.log(JSON.stringify(rows.map(r => [r.pass, r.sides])));"},
    ], env=user_env(fresh_env))
    assert pathlib.Path(result["resource_dir"]).is_relative_to(fresh_env), result["resource_dir"]
    first, wrong, third, carry, carried, passes = result["results"]
    assert first["status"] == "ok", first
    assert "num_lines 9860" in first["output"]
    assert wrong["status"] == "error" and "not assignable to type 'string'" in wrong["output"], wrong
    assert third == {"status": "ok", "output": "function 165\n"}, third
    assert carry["status"] == "ok", carry
    assert carried == {"status": "ok", "output": "renamed 9860\n"}, carried
    assert passes == {"status": "ok", "output": '[[165,["left","right"]]]\n'}, passes
    assert sorted(p.name for p in home.iterdir()) == [], "the kernel wrote into the user's folder"


def test_swot_is_on_the_fresh_env_path(fresh_env, tmp_path):
    env = user_env(fresh_env)
    version = run("swot", "--version", env=env, cwd=str(tmp_path))
    assert version.stdout.strip() == "0.1.0"
    info = run("swot", "info", str(REAL_L3), "--json", env=env, cwd=str(tmp_path))
    assert '"num_lines":9860' in info.stdout.replace(" ", "")


def test_a_clear_message_when_node_is_missing(fresh_env, tmp_path):
    env = user_env(fresh_env)
    env["PATH"] = str(fresh_env / "bin")  # no system folder: no Node
    done = subprocess.run([str(fresh_env / "bin" / "swot"), "--version"], capture_output=True, text=True, env=env, cwd=str(tmp_path))
    assert done.returncode == 127
    assert "Node.js (>= 18) is needed" in done.stderr and "SWOT_NODE" in done.stderr
