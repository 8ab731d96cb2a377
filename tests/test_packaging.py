"""`pip install .` in a clean virtual environment gives an enabled, OK JupyterLab extension."""
import re
import subprocess
import sys
import zipfile

from conftest import ROOT


def run(*args, **kwargs):
    return subprocess.run(args, check=True, capture_output=True, text=True, **kwargs)


def test_wheel_carries_the_prebuilt_labextension(tmp_path):
    run(sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-w", str(tmp_path), str(ROOT))
    wheel = next(tmp_path.glob("jupyterlab_swot-*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    prefix = "jupyterlab_swot-0.1.0.data/data/share/jupyter/labextensions/jupyterlab-swot/"
    assert prefix + "package.json" in names
    assert prefix + "install.json" in names
    assert prefix + "schemas/jupyterlab-swot/catalog.json" in names
    assert any(re.match(re.escape(prefix) + r"static/remoteEntry\.[0-9a-f]+\.js$", n) for n in names)


def test_pip_install_in_a_clean_venv_gives_an_enabled_ok_extension(tmp_path):
    venv = tmp_path / "venv"
    run(sys.executable, "-m", "venv", str(venv))
    pip = venv / "bin" / "pip"
    jupyterlab = next(
        line for line in (ROOT / "requirements-dev.txt").read_text().splitlines() if line.startswith("jupyterlab==")
    )
    run(str(pip), "install", "--quiet", jupyterlab)
    run(str(pip), "install", "--quiet", ".", cwd=ROOT)
    listing = run(str(venv / "bin" / "jupyter"), "labextension", "list")
    text = re.sub(r"\x1b\[[0-9;]*m", "", listing.stdout + listing.stderr)
    assert re.search(r"jupyterlab-swot v0\.1\.0 enabled\s+OK \(python, jupyterlab_swot\)", text), text
