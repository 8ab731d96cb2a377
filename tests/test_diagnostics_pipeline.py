"""Diagnostics and statistics through the CLI on the sample products, checked against
the generator's truth and numpy (issue 4)."""
import json
import subprocess

import numpy as np
import pytest
import xarray as xr

from conftest import ROOT, SHARED_DATA

CLI = ROOT / "dist" / "cli.cjs"
SAMPLE = ROOT / "data" / "sample"
L3_TREE = SAMPLE / "netcdf" / "L3_LR_SSH" / "v2_0_1" / "Expert"


def swot(*args):
    return subprocess.run(["node", str(CLI), *map(str, args)], capture_output=True, text=True, cwd=ROOT)


def l3_file(cycle, pass_):
    return next(L3_TREE.glob(f"cycle_{cycle:03d}/*_{cycle:03d}_{pass_:03d}_*.nc"))


@pytest.fixture(scope="module")
def gulf_stream(tmp_path_factory):
    out = tmp_path_factory.mktemp("diag") / "diag.nc"
    result = swot("diag", L3_TREE, "--cycle", 25, "--pass", 242, "--out", out)
    assert result.returncode == 0, result.stderr
    with xr.open_dataset(out) as ours, xr.open_dataset(l3_file(25, 242)) as src:
        yield ours.load(), src.load()


def test_outputs_are_named_as_asked_on_the_input_dimensions(gulf_stream):
    ours, src = gulf_stream
    for name in ["u", "v", "vorticity", "strain", "okubo_weiss", "ke"]:
        assert ours[name].dims == ("num_lines", "num_pixels"), name
    assert ours.sizes == {"num_lines": 9860, "num_pixels": 69}
    assert ours["u"].attrs["units"] == "m s-1"
    assert ours["vorticity"].attrs["units"] == "1"
    assert ours["u"].attrs["height_source"] == "ssha_filtered"


def computable(h, lat):
    """Pixels with a valid height and a valid neighbour along each axis, off the equatorial band."""
    valid = np.isfinite(h)
    along = np.zeros_like(valid)
    along[1:] |= valid[:-1]
    along[:-1] |= valid[1:]
    across = np.zeros_like(valid)
    across[:, 1:] |= valid[:, :-1]
    across[:, :-1] |= valid[:, 1:]
    return valid & along & across & (np.abs(lat) >= 5)


def test_currents_from_the_noise_free_ssha_match_the_generators_truth(gulf_stream):
    ours, src = gulf_stream
    for mine, truth in [("u", "ugosa_filtered"), ("v", "vgosa_filtered")]:
        a, b = ours[mine].values, src[truth].values
        both = np.isfinite(a) & np.isfinite(b)
        err = np.sqrt(np.mean((a[both] - b[both]) ** 2))
        signal = np.sqrt(np.mean(b[both] ** 2))
        # ssha_filtered is stored in 0.1 mm steps: the derivative of that rounding limits the match
        # (~1.7e-3 m/s x 1e-4 / f: the sample ocean is the real one, nonzero down to 5 deg of latitude).
        assert err < 4e-3, f"{mine}: RMS error {err} m/s"
        assert err < 0.05 * signal, f"{mine}: RMS error {err} vs signal {signal}"
        # NaN only where the truth is undefined or no derivative can be formed.
        extra = np.isnan(a) & np.isfinite(b)
        assert not (extra & computable(src["ssha_filtered"].values, src["latitude"].values)).any()


def test_nan_does_not_spread_beyond_the_stencil(gulf_stream):
    ours, src = gulf_stream
    h = src["ssha_filtered"].values
    u = ours["u"].values
    # A pixel with a valid height and a valid neighbour along each axis has a velocity...
    assert np.isfinite(u[computable(h, src["latitude"].values)]).all()
    # ...and a missing height gives a missing velocity, nothing more.
    assert np.isnan(u[np.isnan(h)]).all()


def test_stats_equal_numpy_in_total_and_by_pass():
    store = SAMPLE / "zarr" / "L3_LR_SSH_Expert.zarr"
    result = swot("stats", store, "--var", "ssha_filtered", "--by", "pass", "--json", "--workers", "2")
    assert result.returncode == 0, result.stderr
    ours = json.loads(result.stdout)
    with xr.open_zarr(store) as ds:
        values = ds["ssha_filtered"].values
        cycle, pass_ = ds["cycle_number"].values, ds["pass_number"].values
    total = ours["total"]
    assert total["count"] == np.count_nonzero(np.isfinite(values))
    np.testing.assert_allclose(total["mean"], np.nanmean(values), rtol=1e-10)
    np.testing.assert_allclose(total["std"], np.nanstd(values), rtol=1e-10)
    np.testing.assert_allclose([total["min"], total["max"]], [np.nanmin(values), np.nanmax(values)])
    assert len(ours["passes"]) == len({(c, p) for c, p in zip(cycle, pass_)})
    for row in ours["passes"]:
        rows = (cycle == row["cycle"]) & (pass_ == row["pass"])
        np.testing.assert_allclose(row["mean"], np.nanmean(values[rows]), rtol=1e-10)
        np.testing.assert_allclose(row["std"], np.nanstd(values[rows]), rtol=1e-10)


def test_stats_on_a_selection_give_numpy_percentiles_and_profiles():
    result = swot("stats", L3_TREE, "--var", "ssha_unfiltered", "--pass", 70, "--cycle", 24, "--by", "pixel", "--json")
    assert result.returncode == 0, result.stderr
    ours = json.loads(result.stdout)
    with xr.open_dataset(l3_file(24, 70)) as src:
        values = src["ssha_unfiltered"].values
    for p in (5, 50, 95):
        np.testing.assert_allclose(ours["total"]["percentiles"][f"p{p}"], np.nanpercentile(values, p), rtol=1e-12)
    profile = ours["profile"]
    assert profile["dim"] == "num_pixels"
    with np.errstate(all="ignore"), __import__("warnings").catch_warnings():
        __import__("warnings").simplefilter("ignore", RuntimeWarning)
        expected = np.nanmean(values, axis=0)
    np.testing.assert_allclose(np.array(profile["mean"], dtype=float), expected, rtol=1e-10)


def test_malformed_inputs_give_clear_errors_or_documented_nan(tmp_path):
    # A grid without a height variable the library knows: ask for one that is not there.
    l4 = SHARED_DATA / "real" / "l4_duacs" / "dt_global_allsat_phy_l4_20190101_20190515.nc"
    missing = swot("diag", l4, "--var", "sla", "--out", tmp_path / "x.nc")
    assert missing.returncode == 3 and 'no variable "sla"' in missing.stderr
    # The real L3 granule has an empty swath (all fill): every output is NaN except near nadir data.
    real = next((SHARED_DATA / "real" / "l3").glob("*.nc"))
    result = swot("diag", real, "--out", tmp_path / "real.nc")
    assert result.returncode == 0, result.stderr
    with xr.open_dataset(tmp_path / "real.nc") as out, xr.open_dataset(real) as src:
        swath = np.isnan(src["ssha_filtered"].values)
        assert np.isnan(out["u"].values[swath]).all()
    # Absolute currents on L4 ADT, and a one-line selection (no along-track derivative: NaN).
    grid = swot("diag", l4, "--absolute", "--bbox", "0,30,20,45", "--what", "u,v,vorticity", "--out", tmp_path / "l4.nc")
    assert grid.returncode == 0, grid.stderr
    with xr.open_dataset(tmp_path / "l4.nc") as out:
        assert out["u"].attrs["height_source"] == "adt"
        assert np.isfinite(out["u"].values).mean() > 0.3
    bad = swot("diag", l4, "--lat-min", "north", "--out", tmp_path / "y.nc")
    assert bad.returncode == 2 and "--lat-min" in bad.stderr
