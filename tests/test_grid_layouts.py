"""L4 grids in any dimension order (issue 12): DUACS writes (time, latitude, longitude),
PO.DAAC's NeurOST (latitude, longitude, time), a model output may put longitude first.

The four real DUACS maps of ../shared/data (a Gulf Stream box with land, four days) are
written by xarray in three orders; `swot diag`, `swot read --bbox` and `swot stats` must give
on each the numbers of the (time, latitude, longitude) file, laid out as their input is.
"""
import json
import subprocess

import numpy as np
import pytest
import xarray as xr

from conftest import ROOT, SHARED_DATA

CLI = ROOT / "dist" / "cli.cjs"
L4 = sorted((SHARED_DATA / "real" / "l4_duacs").glob("dt_global_allsat_phy_l4_*.nc"))
ORDERS = {
    "duacs": ("time", "latitude", "longitude"),
    "neurost": ("latitude", "longitude", "time"),
    "lon-first": ("time", "longitude", "latitude"),
}
FIELDS = ["u", "v", "vorticity", "strain", "okubo_weiss", "ke"]


def swot(*args):
    result = subprocess.run(["node", str(CLI), *map(str, args)], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    return result


@pytest.fixture(scope="module")
def grids(tmp_path_factory):
    if len(L4) < 2:
        pytest.fail(f"the real DUACS maps are missing from {SHARED_DATA}")
    folder = tmp_path_factory.mktemp("grid-layouts")
    maps = xr.concat([xr.open_dataset(f) for f in L4], dim="time")
    box = maps.isel(latitude=slice(480, 580), longitude=slice(1100, 1180))[["adt"]]  # 30-55N, 275-295E
    # the real files have no _FillValue (netCDF's default fill marks land): say it, as a product would
    encoding = {"adt": {"dtype": "int32", "scale_factor": 1e-4, "_FillValue": -2147483647, "zlib": True}}
    paths = {}
    for name, order in ORDERS.items():
        paths[name] = folder / f"{name}.nc"
        box.transpose(*order).to_netcdf(paths[name], encoding=encoding)
    return paths


def test_diagnostics_are_the_same_numbers_in_every_order(grids, tmp_path):
    out = {}
    for name, path in grids.items():
        out[name] = tmp_path / f"{name}-diag.nc"
        swot("diag", path, "--out", out[name])
    ref = xr.open_dataset(out["duacs"])
    assert int(np.isfinite(ref["vorticity"]).sum()) > 10000
    for name, order in ORDERS.items():
        got = xr.open_dataset(out[name])
        for field in FIELDS:
            assert got[field].dims == order, (name, field)
            np.testing.assert_array_equal(got[field].values, ref[field].transpose(*order).values, err_msg=f"{name} {field}")


def test_a_box_selects_the_same_cells_in_every_order(grids, tmp_path):
    ref = None
    for name, path in grids.items():
        out = tmp_path / f"{name}-box.nc"
        swot("read", path, "--var", "adt", "--bbox", "280,35,285,40", "--out", out)
        got = xr.open_dataset(out)["adt"]
        expected = xr.open_dataset(path)["adt"].sel(latitude=slice(35, 40), longitude=slice(280, 285))
        assert got.dims == ORDERS[name]
        np.testing.assert_array_equal(got.values, expected.values)
        ref = got.transpose(*ORDERS["duacs"]).values if ref is None else ref
        np.testing.assert_array_equal(got.transpose(*ORDERS["duacs"]).values, ref)


def test_statistics_do_not_depend_on_the_order(grids):
    results = [json.loads(swot("stats", path, "--var", "adt", "--json").stdout) for path in grids.values()]
    totals = [r["total"] for r in results]
    assert len({t["count"] for t in totals}) == 1 and totals[0]["count"] > 10000
    expected = float(xr.open_dataset(grids["duacs"])["adt"].mean())
    for t in totals:
        assert t["mean"] == pytest.approx(expected, rel=1e-12)
