"""Every notebook in notebooks/ runs headless with its real kernel (tslab for TypeScript)."""
import pathlib

import nbformat
import pytest
from nbclient import NotebookClient

from conftest import ROOT, SHARED_DATA

NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
_executed: dict[str, nbformat.NotebookNode] = {}


def execute(path: pathlib.Path) -> nbformat.NotebookNode:
    if path.name not in _executed:
        nb = nbformat.read(path, as_version=4)
        client = NotebookClient(nb, timeout=600, resources={"metadata": {"path": str(path.parent)}})
        client.execute()
        _executed[path.name] = nb
    return _executed[path.name]


def outputs(nb: nbformat.NotebookNode) -> str:
    text = []
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            text.append(out.get("text", ""))
            text.append(str(out.get("data", {}).get("text/plain", "")))
    return "\n".join(text)


def test_there_are_notebooks():
    assert NOTEBOOKS, "notebooks/ has no notebook"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_runs_without_error(path):
    nb = execute(path)
    errors = [o for c in nb.cells for o in c.get("outputs", []) if o.get("output_type") == "error"]
    assert not errors


def test_open_notebook_prints_the_real_l3_dimensions():
    assert (SHARED_DATA / "real" / "l3").is_dir()
    text = outputs(execute(ROOT / "notebooks" / "01-open-a-product.ipynb"))
    assert '{"num_lines":9860,"num_pixels":69,"num_nadir":726}' in text
    assert "L3_LR_SSH Expert, cycle 26, pass 165" in text
    assert "ssha_filtered        (num_lines, num_pixels) int32 [m]" in text
    assert "NotNetcdfError [NOT_NETCDF]" in text
