"""`swot read` writes netCDF4 / Zarr that xarray reads with the same dimension names, values and CF attributes."""
import subprocess

import numpy as np
import pytest
import xarray as xr

from conftest import ROOT, SHARED_DATA

CLI = ROOT / "dist" / "cli.cjs"
L4 = SHARED_DATA / "real" / "l4_duacs" / "dt_global_allsat_phy_l4_20190101_20190515.nc"
L3 = next((SHARED_DATA / "real" / "l3").glob("*.nc"))


def swot(*args):
    return subprocess.run(["node", str(CLI), *map(str, args)], capture_output=True, text=True, cwd=ROOT)


@pytest.mark.parametrize("suffix", [".nc", ".zarr"])
def test_l4_box_across_the_dateline(tmp_path, suffix):
    out = tmp_path / f"pacific{suffix}"
    result = swot("read", L4, "--var", "adt", "--bbox", "170,-10,-170,10", "--out", out)
    assert result.returncode == 0, result.stderr
    assert "wrote" in result.stderr
    ours = xr.open_zarr(out) if suffix == ".zarr" else xr.open_dataset(out)
    with xr.open_dataset(L4) as src:
        # Columns whose longitude (any convention) lies in 170E..170W, starting from 170E.
        lon = src["longitude"].values % 360
        columns = np.flatnonzero((lon >= 170) & (lon <= 190))
        columns = np.concatenate([columns[lon[columns] >= 170], columns[lon[columns] < 170]])
        expected = src.sel(latitude=slice(-10, 10)).isel(longitude=columns)[["adt"]]
        assert dict(ours.sizes) == {"time": 1, "latitude": 80, "longitude": 80}
        for name in ["adt", "latitude", "longitude"]:
            np.testing.assert_array_equal(ours[name].values, expected[name].values, err_msg=name)
            assert list(ours[name].dims) == list(expected[name].dims)
        assert ours["time"].values[0] == src["time"].values[0]
        for attr in ["units", "long_name", "standard_name"]:
            assert ours["adt"].attrs.get(attr) == src["adt"].attrs.get(attr), attr
        assert ours["adt"].encoding["dtype"] == np.dtype("int32")
        assert ours["adt"].encoding["scale_factor"] == src["adt"].encoding["scale_factor"]
        assert ours.attrs == src.attrs
    ours.close()


def test_l3_nadir_lines_in_a_box_keep_the_swath_dims(tmp_path):
    out = tmp_path / "l3.nc"
    result = swot("read", L3, "--var", "ssha_unfiltered,quality_flag", "--bbox", "30,-20,45,0", "--out", out)
    assert result.returncode == 0, result.stderr
    with xr.open_dataset(out) as ours, xr.open_dataset(L3) as src:
        lat = src["latitude"].values
        lon = src["longitude"].values % 360
        inside = ((lat >= -20) & (lat <= 0) & (lon >= 30) & (lon <= 45)).any(axis=1)
        expected = src.isel(num_lines=np.flatnonzero(inside))
        assert ours.sizes["num_lines"] == inside.sum() > 0
        assert ours.sizes["num_pixels"] == 69
        np.testing.assert_array_equal(ours["ssha_unfiltered"].values, expected["ssha_unfiltered"].values)
        np.testing.assert_array_equal(ours["quality_flag"].values, expected["quality_flag"].values)
        np.testing.assert_array_equal(ours["time"].values, expected["time"].values)
        assert ours["ssha_unfiltered"].attrs["units"] == "m"
        assert "coordinates" in ours["ssha_unfiltered"].attrs or "coordinates" in ours["ssha_unfiltered"].encoding


def test_an_empty_box_says_so_and_writes_an_empty_file_only_when_asked(tmp_path):
    out = tmp_path / "empty.nc"
    refused = swot("read", L3, "--var", "ssha_filtered", "--bbox", "200,60,201,61", "--out", out)
    assert refused.returncode == 4, refused.stderr
    assert "nothing selected: no line crosses the box" in refused.stderr and "cycle 26" in refused.stderr
    assert not out.exists()
    result = swot("read", L3, "--var", "ssha_filtered", "--bbox", "200,60,201,61", "--out", out, "--allow-empty")
    assert result.returncode == 0, result.stderr
    with xr.open_dataset(out) as ours:
        assert ours.sizes["num_lines"] == 0
        assert ours["ssha_filtered"].shape == (0, 69)


def test_never_overwrites_an_existing_file(tmp_path):
    out = tmp_path / "keep.nc"
    out.write_text("precious")
    result = swot("read", L4, "--var", "adt", "--bbox", "0,0,1,1", "--out", out)
    assert result.returncode == 2
    assert "already exists" in result.stderr
    assert out.read_text() == "precious"
    forced = swot("read", L4, "--var", "adt", "--bbox", "0,0,1,1", "--out", out, "--force")
    assert forced.returncode == 0, forced.stderr
    with xr.open_dataset(out) as ours:
        assert ours.sizes["latitude"] == 4
