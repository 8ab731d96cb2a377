"""Every variable decoded by jupyterlab-swot equals xarray's decoding (NaN where xarray has NaN)."""
import json
import pathlib
import subprocess

import numpy as np
import pytest
import xarray as xr

from conftest import ROOT, SHARED_DATA

DUMP = ROOT / "tests" / "interop" / "dump.cjs"
REAL = sorted((SHARED_DATA / "real" / "l3").glob("*.nc")) + sorted((SHARED_DATA / "real" / "l4_duacs").glob("*.nc"))


def dump(target: pathlib.Path, out: pathlib.Path, group: str | None = None) -> dict:
    args = ["node", str(DUMP), str(target), str(out)] + (["--group", group] if group else [])
    result = subprocess.run(args, capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    return json.loads((out / "index.json").read_text())


def compare(ours: dict, out: pathlib.Path, theirs: xr.Dataset, where: str) -> int:
    names = {v["name"] for v in ours["variables"]}
    expected = set(theirs.variables)
    assert names == expected, f"{where}: variables differ: ours-only {names - expected}, xarray-only {expected - names}"
    for v in ours["variables"]:
        ref = theirs[v["name"]]
        assert list(ref.dims) == v["dims"], f"{where}:{v['name']} dims {v['dims']} != {list(ref.dims)}"
        values = np.fromfile(out / v["file"], dtype="<f8").reshape(v["shape"])
        if np.issubdtype(ref.dtype, np.datetime64):
            assert v["isTime"], f"{where}:{v['name']} is a time for xarray, not for us"
            expected_ms = ref.values.astype("datetime64[ns]").astype("int64").astype("float64") / 1e6
            expected_ms[np.isnat(ref.values)] = np.nan
            np.testing.assert_allclose(values, expected_ms, rtol=0, atol=1e-3, equal_nan=True, err_msg=f"{where}:{v['name']}")
        else:
            expected_values = ref.values.astype("float64")
            assert np.array_equal(np.isnan(values), np.isnan(expected_values)), f"{where}:{v['name']}: NaN differ"
            # float32 decoding in xarray (small ints, float32 data) rounds at ~1e-7 relative.
            np.testing.assert_allclose(values, expected_values, rtol=2e-7, atol=0, equal_nan=True, err_msg=f"{where}:{v['name']}")
    return len(ours["variables"])


@pytest.mark.parametrize("path", REAL, ids=lambda p: p.name)
def test_real_files_decode_like_xarray(path, tmp_path):
    ours = dump(path, tmp_path)
    with xr.open_dataset(path) as theirs:
        assert compare(ours, tmp_path, theirs, path.name) > 0
