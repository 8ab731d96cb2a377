"""Every shipped tutorial (jupyterlab_swot/tutorials/) runs headless with its real kernel
(tslab for TypeScript) from a copy in a folder outside the repository, as the gallery's
one-click copy places it, with the sample dataset given as $SWOT_SAMPLE_DATA (what the
server extension exports from c.Swot.sample_data); its figures and numbers are checked
against the sample's truth. Without a sample dataset, the first cell says what to do."""
import json
import os
import pathlib
import re
import shutil

import nbformat
import pytest
from nbclient import NotebookClient

from conftest import ROOT

TUTORIALS = ROOT / "jupyterlab_swot" / "tutorials"
SAMPLE = ROOT / "data" / "sample"
NOTEBOOKS = sorted(TUTORIALS.glob("*.ipynb"))
MANIFEST = json.loads((SAMPLE / "manifest.json").read_text()) if (SAMPLE / "manifest.json").exists() else {}
HINT = (
    "no sample dataset: the server's c.Swot.sample_data is not set; generate one with "
    "`python tools/generate_sample_data.py --out DIR` and start JupyterLab with --Swot.sample_data=DIR, "
    "or set SWOT_SAMPLE_DATA"
)


@pytest.fixture(scope="module")
def copies(tmp_path_factory) -> pathlib.Path:
    """The tutorials copied into a user's folder outside the repository."""
    home = tmp_path_factory.mktemp("home") / "swot-tutorials"
    home.mkdir()
    for path in NOTEBOOKS:
        shutil.copy(path, home / path.name)
    assert not str(home).startswith(str(ROOT))
    return home


@pytest.fixture(scope="module")
def executed(copies):
    """name -> the executed notebook, each run once, with the server's $SWOT_SAMPLE_DATA."""
    assert (SAMPLE / "manifest.json").is_file(), "generate the sample: python tools/generate_sample_data.py --out data/sample"
    done: dict[str, nbformat.NotebookNode] = {}

    def run(name: str) -> nbformat.NotebookNode:
        if name not in done:
            nb = nbformat.read(copies / name, as_version=4)
            with pytest.MonkeyPatch.context() as mp:
                mp.setenv("SWOT_SAMPLE_DATA", str(SAMPLE))
                NotebookClient(nb, timeout=600, resources={"metadata": {"path": str(copies)}}).execute()
            done[name] = nb
        return done[name]

    return run


def outputs(nb: nbformat.NotebookNode) -> str:
    text = []
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            text.append(out.get("text", ""))
            text.append(str(out.get("data", {}).get("text/plain", "")))
            if out.get("output_type") == "error":
                text.append(f"{out['ename']}: {out['evalue']}")
    return "\n".join(text)


def figures(nb: nbformat.NotebookNode) -> list[dict]:
    """The rich map outputs: interactive payload and static PNG in one display bundle."""
    return [o["data"] for c in nb.cells for o in c.get("outputs", []) if "application/vnd.swot.swath+json" in o.get("data", {})]


def number(pattern: str, text: str) -> list[float]:
    match = re.search(pattern, text)
    assert match, f"{pattern!r} not in the outputs:\n{text[-3000:]}"
    return [float(g) for g in match.groups()]


def eddy(name: str) -> dict:
    return next(e for e in MANIFEST["truth"]["eddies"] if e["name"] == name)


def test_the_package_ships_the_four_tutorials():
    assert [p.name for p in NOTEBOOKS] == [
        "01-open-a-product.ipynb",
        "02-extract-a-region.ipynb",
        "03-show-a-swath.ipynb",
        "04-currents-and-statistics.ipynb",
    ]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_tutorial_runs_without_error_from_a_copy(path, executed):
    nb = executed(path.name)
    errors = [o for c in nb.cells for o in c.get("outputs", []) if o.get("output_type") == "error"]
    assert not errors, errors
    size = len(nbformat.writes(nb).encode())
    assert size < 2_000_000, f"{path.name}: {size} bytes of outputs"


def test_open_a_product_prints_the_sample_l3_structure(executed):
    text = outputs(executed("01-open-a-product.ipynb"))
    assert f"sample data in {SAMPLE}" in text
    assert '{"num_lines":9860,"num_pixels":69,"num_nadir":735}' in text
    assert "L3_LR_SSH Expert, cycle 26, pass 165" in text
    assert "ssha_filtered        (num_lines, num_pixels) int32 [m]" in text
    assert "NotNetcdfError [NOT_NETCDF]" in text


def test_extract_a_region_finds_the_eddy_of_the_truth(executed):
    text = outputs(executed("02-extract-a-region.ipynb"))
    truth = eddy("gulf_stream_cold_ring")
    # The cold core within the ring's radius: near the truth centre (the Gulf Stream's slope shifts it a little).
    depth, _, _, distance = number(r"ring core (-?[\d.]+) m at (-?[\d.]+)E (-?[\d.]+)N, ([\d.]+) km from the truth centre; truth", text)
    assert depth < 0, "a cold ring's core is below the background"
    assert distance < 25, f"the core is {distance} km from the truth centre"
    assert f"truth {truth['amplitude_m']} m at {truth['lon']}E {truth['lat']}N" in text
    assert re.search(r"\d+ lines; longitudes 1[78]\d\.\d\d \.\. ", text), "the dateline box"
    assert re.search(r'"num_lines":\d+', text), "the saved netCDF read back"
    assert number(r"mean SSHA over (\d+) values", text)[0] > 1e6


def test_show_a_swath_draws_every_map(executed):
    nb = executed("03-show-a-swath.ipynb")
    maps = figures(nb)
    assert len(maps) == 5, "one pass, the eddy with currents, the store, the Unsmoothed pass, the L4 grid"
    assert all(m.get("image/png") and m.get("text/plain", "").startswith("<swot.show>") for m in maps)
    summaries = "\n".join(m["text/plain"] for m in maps)
    assert "ssha [m]\n1 grid layer" in summaries, "the L4 grid of the sample"
    assert "1 swath layer: 24633 points" in summaries, "the box around the Agulhas ring"
    assert "text/plain, application/vnd.swot.swath+json" in outputs(nb), "the bundle returned with display: false, png: false"


def test_currents_match_the_analytic_truth(executed):
    text = outputs(executed("04-currents-and-statistics.ipynb"))
    assert number(r"RMS difference ([\d.]+) mm/s", text)[0] < 20
    h, zeta_f, ow = number(r"SSHA minimum \((-?[\d.]+) m\): zeta/f = (-?[\d.]+), Okubo-Weiss = (-?[\d.e+-]+) s-2", text)
    assert h < 0 and zeta_f > 0 and ow < 0, "a cyclonic, vorticity-dominated core"
    near, far = number(r"noise std: ([\d.]+) cm at 22 km, ([\d.]+) cm at 58 km", text)
    assert far > near > 0
    assert number(r"all passes: mean -?[\d.]+ cm, std ([\d.]+) cm over \d+ values", text)[0] > 0


def test_without_a_sample_dataset_the_first_cell_says_what_to_do(copies, monkeypatch):
    """$SWOT_SAMPLE_DATA unset, and the installed kernel runtime has no data/sample beside it."""
    monkeypatch.delenv("SWOT_SAMPLE_DATA", raising=False)
    for path in NOTEBOOKS:
        nb = nbformat.read(copies / path.name, as_version=4)
        first = next(i for i, c in enumerate(nb.cells) if c.cell_type == "code")
        nb.cells = nb.cells[: first + 1]
        NotebookClient(nb, timeout=300, allow_errors=True, resources={"metadata": {"path": str(copies)}}).execute()
        text = outputs(nb)
        assert "FileAccessError" in text and HINT in text, f"{path.name}:\n{text}"
