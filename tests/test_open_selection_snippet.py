"""The Python "open this selection" snippets of the data browser, run against the sample data.

The snippets come from the core (src/core/snippets, bundled and called by
tests/snippets/open-selection.cjs); each is executed here with xarray, and the
dataset it leaves must hold exactly the selected passes: their (cycle, pass)
pairs and their number of lines, counted from the files themselves.
"""
import glob
import json
import os
import subprocess

import netCDF4
import numpy as np
import pytest

from conftest import ROOT

SAMPLE = ROOT / "data" / "sample"
L3 = SAMPLE / "netcdf" / "L3_LR_SSH" / "v2_0_1" / "Expert"
L2 = SAMPLE / "netcdf" / "L2_LR_SSH"
SCRIPT = ROOT / "tests" / "snippets" / "open-selection.cjs"



@pytest.fixture(autouse=True)
def sample_data():
    if not SAMPLE.exists():
        pytest.fail(f"{SAMPLE} is missing: run tools/generate_sample_data.py (scripts/setup.sh does)")


def snippets(*selections):
    jobs = [{"selection": s, "language": "python"} for s in selections]
    out = subprocess.run(["node", str(SCRIPT)], input=json.dumps(jobs), capture_output=True, text=True, cwd=ROOT, check=True)
    return json.loads(out.stdout)


def run(code):
    """Execute a snippet as a notebook cell would; its last expression is the dataset."""
    namespace = {}
    exec(compile(code, "<snippet>", "exec"), namespace)
    return namespace["ds"]


def pairs(ds):
    return sorted(set(zip(ds["cycle_number"].values.tolist(), ds["pass_number"].values.tolist())))


def one(folder, cycle, pass_):
    (path,) = glob.glob(str(folder / f"cycle_{cycle:03d}" / f"SWOT_*_{cycle:03d}_{pass_:03d}_*.nc"))
    return path


def lines(*paths):
    total = 0
    for path in paths:
        with netCDF4.Dataset(path) as nc:
            total += nc.dimensions["num_lines"].size
    return total


def test_pass_files_are_stacked_with_their_cycle_and_pass_per_line():
    files = [one(L3, 24, 242), one(L3, 25, 242), one(L3, 507, 15)]
    (code,) = snippets({"product": "L3_LR_SSH", "format": "netcdf", "root": str(L3), "files": files, "variables": ["ssha_filtered"]})
    assert "xr.open_mfdataset(files, combine=\"nested\", concat_dim=\"num_lines\"" in code
    ds = run(code)
    assert pairs(ds) == [(24, 242), (25, 242), (507, 15)]
    assert ds.sizes["num_lines"] == lines(*files) == 3 * 9860
    assert set(ds.variables) - set(ds.dims) == {"ssha_filtered", "latitude", "longitude", "time", "cycle_number", "pass_number"}
    assert ds["ssha_filtered"].dims == ("num_lines", "num_pixels")


def test_one_file_is_opened_with_open_dataset():
    path = one(L2 / "Expert", 26, 165)
    (code,) = snippets({"product": "L2_LR_SSH_Expert", "format": "netcdf", "root": str(L2 / "Expert"), "files": [path]})
    ds = run(code)
    assert pairs(ds) == [(26, 165)]
    assert ds.sizes["num_lines"] == lines(path)
    assert ds.attrs["cycle_number"] == 26


def test_a_mixed_folder_is_narrowed_to_the_product_cycles_and_passes_by_name():
    (code,) = snippets({"product": "L2_LR_SSH_Expert", "format": "netcdf", "root": str(L2), "cycles": 25, "passes": {"from": 200, "to": 400}})
    ds = run(code)
    assert pairs(ds) == [(25, 242), (25, 377)]
    assert ds.sizes["num_lines"] == lines(one(L2 / "Expert", 25, 242), one(L2 / "Expert", 25, 377))
    # Expert, not Basic: the Expert-only variables are there.
    assert "height_cor_xover" in ds


def test_calval_cycles_of_the_aviso_tree():
    (code,) = snippets({"product": "L3_LR_SSH", "format": "netcdf", "root": str(L3), "cycles": [506, 507], "passes": 15})
    ds = run(code)
    assert pairs(ds) == [(506, 15), (507, 15)]
    assert ds.sizes["num_lines"] == 2 * 9860


def test_zarr_store_by_cycle_pass_and_period():
    (code,) = snippets(
        {
            "product": "L3_LR_SSH",
            "format": "zarr",
            "root": str(SAMPLE / "zarr" / "L3_LR_SSH_Expert.zarr"),
            "cycles": {"from": 24, "to": 26},
            "passes": [70, 242],
            "start": "2024-12-01",
            "variables": ["ssha_filtered"],
        }
    )
    assert "xr.open_zarr(" in code
    ds = run(code)
    assert pairs(ds) == [(25, 70), (25, 242), (26, 70), (26, 242)]
    assert ds.sizes["num_lines"] == 4 * 9860
    assert ds["time"].values.min() >= np.datetime64("2024-12-01")


def test_zarr_v3_store_of_a_calval_cycle():
    (code,) = snippets({"product": "L3_LR_SSH", "format": "zarr", "root": str(SAMPLE / "zarr-v3" / "L3_LR_SSH_Expert.zarr"), "cycles": 507})
    ds = run(code)
    assert pairs(ds) == [(507, 15), (507, 28)]
    assert ds.sizes["num_lines"] == 2 * 9860


def test_zcollection_without_the_zcollection_package():
    root = SAMPLE / "zcollection" / "L3_LR_SSH_Expert"
    by_cycle, by_period = snippets(
        {"product": "L3_LR_SSH", "format": "zcollection", "root": str(root), "cycles": 507},
        {"product": "L3_LR_SSH", "format": "zcollection", "root": str(root), "passes": [242, 15], "start": "2024-12-10", "end": "2024-12-12T00:00"},
    )
    ds = run(by_cycle)
    assert pairs(ds) == [(507, 15), (507, 28)]
    assert ds.sizes["num_lines"] == 2 * 9860
    assert "cross_track_distance" in ds  # from .immutable
    ds = run(by_period)
    assert pairs(ds) == [(25, 242)]
    assert ds.sizes["num_lines"] == 9860


def test_box_keeps_whole_lines_that_cross_it():
    store = SAMPLE / "zarr" / "L2_LR_SSH_Expert.zarr"
    bbox = [-75, 30, -60, 42]  # the Gulf Stream, given in [-180, 180) on a [0, 360) product
    (code,) = snippets({"product": "L2_LR_SSH_Expert", "format": "zarr", "root": str(store), "passes": [242, 377], "bbox": bbox, "variables": ["ssha_karin"]})
    ds = run(code)
    # Independently: every line of those passes with a pixel in the box, from the whole store.
    import xarray as xr

    full = xr.open_zarr(store)
    chosen = np.isin(full["pass_number"].values, [242, 377])
    lon = (full["longitude"].values[chosen] + 180) % 360 - 180
    lat = full["latitude"].values[chosen]
    inside = ((lon >= bbox[0]) & (lon <= bbox[2]) & (lat >= bbox[1]) & (lat <= bbox[3])).any(axis=1)
    assert inside.sum() > 100
    assert ds.sizes["num_lines"] == inside.sum()
    assert ds.sizes["num_pixels"] == 69
    np.testing.assert_array_equal(ds["time"].values, full["time"].values[chosen][inside])
    assert pairs(ds) == sorted(set(zip(full["cycle_number"].values[chosen][inside].tolist(), full["pass_number"].values[chosen][inside].tolist())))


def test_paths_with_quotes_and_backslashes(tmp_path):
    odd = tmp_path / "it's \"odd\" \\ here"
    odd.mkdir()
    store = odd / "L3.zarr"
    os.symlink(SAMPLE / "zarr-v3" / "L3_LR_SSH_Expert.zarr", store)
    (code,) = snippets({"format": "zarr", "root": str(store), "passes": 28})
    ds = run(code)
    assert pairs(ds) == [(507, 28)]
