"""Every variable decoded by jupyterlab-swot equals xarray's decoding (NaN where xarray has NaN).

Real files (../shared/data) and every kind of sample product: netCDF4 files of each
product and orbit phase (groups of the Unsmoothed product included), the Zarr v2
stores and the Zarr v3 store written by zarr-python, and the zcollection.
"""
import json
import pathlib
import subprocess

import numpy as np
import pytest
import xarray as xr

from conftest import ROOT, SHARED_DATA

DUMP = ROOT / "tests" / "interop" / "dump.cjs"
SAMPLE = ROOT / "data" / "sample"
REAL = sorted((SHARED_DATA / "real" / "l3").glob("*.nc")) + sorted((SHARED_DATA / "real" / "l4_duacs").glob("*.nc"))


def dump(target: pathlib.Path, out: pathlib.Path, *options: str) -> dict:
    result = subprocess.run(["node", str(DUMP), str(target), str(out), *options], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    return json.loads((out / "index.json").read_text())


def compare(ours: dict, out: pathlib.Path, theirs: xr.Dataset, where: str, lines=None) -> int:
    names = {v["name"] for v in ours["variables"]}
    expected = set(theirs.variables)
    assert names == expected, f"{where}: variables differ: ours-only {names - expected}, xarray-only {expected - names}"
    compared = 0
    for v in ours["variables"]:
        ref = theirs[v["name"]]
        assert list(ref.dims) == v["dims"], f"{where}:{v['name']} dims {v['dims']} != {list(ref.dims)}"
        if v["dtype"] == "string":
            assert ref.dtype.kind in "OSU", f"{where}:{v['name']}: text for us, {ref.dtype} for xarray"
            continue
        if lines is not None and ref.dims[0] == "num_lines":
            ref = xr.concat([ref.isel(num_lines=slice(a, b)) for a, b in lines], dim="num_lines")
        values = np.fromfile(out / v["file"], dtype="<f8").reshape(v["shape"])
        if np.issubdtype(ref.dtype, np.datetime64):
            assert v["isTime"], f"{where}:{v['name']} is a time for xarray, not for us"
            raw = ref.values.astype("datetime64[ns]")
            expected_ms = raw.astype("int64").astype("float64") / 1e6
            expected_ms[np.isnat(raw)] = np.nan
            np.testing.assert_allclose(values, expected_ms, rtol=0, atol=1e-3, equal_nan=True, err_msg=f"{where}:{v['name']}")
        else:
            expected_values = ref.values.astype("float64")
            assert np.array_equal(np.isnan(values), np.isnan(expected_values)), f"{where}:{v['name']}: NaN differ"
            # xarray decodes small integers and float32 in float32: ~1e-7 relative rounding.
            np.testing.assert_allclose(values, expected_values, rtol=2e-7, atol=0, equal_nan=True, err_msg=f"{where}:{v['name']}")
        compared += 1
    return compared


@pytest.mark.parametrize("path", REAL, ids=lambda p: p.name)
def test_real_files_decode_like_xarray(path, tmp_path):
    ours = dump(path, tmp_path)
    with xr.open_dataset(path) as theirs:
        assert compare(ours, tmp_path, theirs, path.name) > 0


def sample_files():
    """One netCDF file per product and orbit phase (the tree holds dozens of the same structure)."""
    if not (SAMPLE / "manifest.json").exists():
        return []
    manifest = json.loads((SAMPLE / "manifest.json").read_text())
    seen, files = set(), []
    for product in manifest["products"]:
        key = (product.get("product"), product.get("subset"), product.get("phase") or product.get("orbit_phase"))
        if key not in seen:
            seen.add(key)
            files.append(SAMPLE / product["path"])
    return files


@pytest.mark.parametrize("path", sample_files(), ids=lambda p: p.name)
def test_sample_netcdf_decode_like_xarray(path, tmp_path):
    with xr.open_dataset(path) as root:
        groups = [] if root.variables else ["left", "right"]
    if not groups:
        ours = dump(path, tmp_path)
        with xr.open_dataset(path) as theirs:
            assert compare(ours, tmp_path, theirs, path.name) > 10
    for group in groups:
        ours = dump(path, tmp_path / group, "--group", group)
        with xr.open_dataset(path, group=group) as theirs:
            assert compare(ours, tmp_path / group, theirs, f"{path.name}/{group}") > 5


LINES = [(9000, 10500), (-1500, None)]


def line_ranges(total: int):
    return [(a if a >= 0 else total + a, b if b is not None else total) for a, b in LINES]


STORES = ["zarr/L2_LR_SSH_Basic.zarr", "zarr/L2_LR_SSH_Expert.zarr", "zarr/L3_LR_SSH_Expert.zarr", "zarr-v3/L3_LR_SSH_Expert.zarr"]


@pytest.mark.parametrize("store", STORES)
def test_zarr_stores_written_by_zarr_python_decode_like_xarray(store, tmp_path):
    path = SAMPLE / store
    with xr.open_zarr(path) as theirs:
        lines = line_ranges(theirs.sizes["num_lines"])
        ours = dump(path, tmp_path, "--lines", ",".join(f"{a}:{b}" for a, b in lines))
        assert compare(ours, tmp_path, theirs, store, lines) > 10


def test_zcollection_decodes_like_its_partitions_in_xarray(tmp_path):
    root = SAMPLE / "zcollection" / "L3_LR_SSH_Expert"
    partitions = sorted(p.parent for p in root.rglob(".zmetadata") if ".immutable" not in p.parts)
    key = lambda p: tuple(int(part.split("=")[1]) for part in p.relative_to(root).parts)
    parts = [xr.open_zarr(p) for p in sorted(partitions, key=key)]
    theirs = xr.concat(parts, dim="num_lines", data_vars="minimal", coords="minimal", compat="override")
    if (root / ".immutable" / ".zmetadata").exists():
        theirs = theirs.merge(xr.open_zarr(root / ".immutable"))
    lines = line_ranges(theirs.sizes["num_lines"])
    ours = dump(root, tmp_path, "--lines", ",".join(f"{a}:{b}" for a, b in lines))
    assert compare(ours, tmp_path, theirs, "zcollection", lines) > 10


def test_a_directory_of_files_reads_like_xarray_open_mfdataset(tmp_path):
    tree = SAMPLE / "netcdf" / "L2_LR_SSH" / "Expert"
    files = sorted(tree.rglob("*.nc"), key=lambda p: p.name.split("_")[7])  # by start time, as open() sorts
    theirs = xr.open_mfdataset(files, combine="nested", concat_dim="num_lines", data_vars="minimal", coords="minimal", compat="override")
    lines = line_ranges(theirs.sizes["num_lines"])
    ours = dump(tree, tmp_path, "--lines", ",".join(f"{a}:{b}" for a, b in lines))
    # Collections add cycle_number / pass_number per line: compare them with the file names.
    index = {v["name"]: v for v in ours["variables"]}
    passes = np.fromfile(tmp_path / index.pop("pass_number")["file"], dtype="<f8")
    cycles = np.fromfile(tmp_path / index.pop("cycle_number")["file"], dtype="<f8")
    starts = np.cumsum([0] + [xr.open_dataset(f).sizes["num_lines"] for f in files])
    expected_pass = np.concatenate([[int(f.name.split("_")[6])] * (b - a) for f, a, b in zip(files, starts[:-1], starts[1:])])
    expected_cycle = np.concatenate([[int(f.name.split("_")[5])] * (b - a) for f, a, b in zip(files, starts[:-1], starts[1:])])
    selection = np.concatenate([np.arange(a, b) for a, b in lines])
    np.testing.assert_array_equal(passes, expected_pass[selection])
    np.testing.assert_array_equal(cycles, expected_cycle[selection])
    ours["variables"] = list(index.values())
    assert compare(ours, tmp_path, theirs, "L2 Expert tree", lines) > 10
