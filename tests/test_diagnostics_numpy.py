"""jupyterlab-swot statistics, derivatives, geostrophic velocities and spectra against numpy.

The TypeScript kernels run through tests/diagnostics/run.cjs (an esbuild bundle
of tests/diagnostics/entry.ts) on random data with NaNs written here as raw
float64 files; the references are numpy's nan-functions and a numpy
implementation of the same algorithms (9-point stencil with narrower
fallbacks, local Jacobian on the sphere, Welch-style along-track spectrum).
"""
import json
import subprocess
import warnings

import numpy as np
import pytest

from conftest import ROOT

RUN = ROOT / "tests" / "diagnostics" / "run.cjs"
R = 6371008.8
G = 9.81
OMEGA = 7.2921159e-5
# Centred stencils by half-width: f' = sum_s c_s (f[i+s] - f[i-s]) (Arbic et al. 2012 for 9 points).
STENCILS = {
    1: [1 / 2],
    2: [8 / 12, -1 / 12],
    3: [45 / 60, -9 / 60, 1 / 60],
    4: [672 / 840, -168 / 840, 32 / 840, -3 / 840],
}
PERCENTILES = [0, 0.5, 1, 5, 10, 25, 33.3, 50, 66.7, 75, 90, 95, 99, 99.9, 100]


def runs(valid: np.ndarray):
    """[start, stop) of the runs of True."""
    padded = np.r_[False, valid, False].astype(np.int8)
    edges = np.flatnonzero(np.diff(padded))
    return zip(edges[::2], edges[1::2])


def derivative_1d(f: np.ndarray) -> np.ndarray:
    out = np.full(f.shape, np.nan)
    for a, b in runs(~np.isnan(f)):
        m = b - a
        if m < 2:
            continue
        g = f[a:b]
        d = out[a:b]
        d[0] = g[1] - g[0]
        d[-1] = g[-1] - g[-2]
        i = np.arange(1, m - 1)
        k = np.minimum(np.minimum(i, m - 1 - i), 4)
        for half, coefficients in STENCILS.items():
            j = i[k == half]
            if j.size:
                d[j] = sum(c * (g[j + s + 1] - g[j - s - 1]) for s, c in enumerate(coefficients))
    return out


def index_derivative(a: np.ndarray, axis: int) -> np.ndarray:
    return np.apply_along_axis(derivative_1d, axis, a)


def east_north(h, lat, lon):
    rad = np.pi / 180
    lat_x, lat_y = index_derivative(lat, 0), index_derivative(lat, 1)
    lon_x = index_derivative(np.unwrap(lon, period=360, axis=0), 0)
    lon_y = index_derivative(np.unwrap(lon, period=360, axis=1), 1)
    c = R * np.cos(lat * rad)
    ex, ey = c * lon_x * rad, c * lon_y * rad
    nx, ny = R * lat_x * rad, R * lat_y * rad
    jac = ex * ny - nx * ey
    hx, hy = index_derivative(h, 0), index_derivative(h, 1)
    return (hx * ny - hy * nx) / jac, (hy * ex - hx * ey) / jac


def geostrophy(h, lat, lon, lat_min=5.0):
    de, dn = east_north(h, lat, lon)
    f = 2 * OMEGA * np.sin(np.deg2rad(lat))
    k = np.where(np.abs(lat) >= lat_min, G / f, np.nan)
    return -k * dn, k * de


def spectrum(x, columns, length, dx):
    w = 0.5 - 0.5 * np.cos(2 * np.pi * np.arange(length) / length)  # periodic Hann
    t = np.arange(length)
    total = np.zeros(length // 2 + 1)
    count = 0
    for c in columns:
        col = x[:, c]
        for a, b in runs(~np.isnan(col)):
            for s in range(a, b - length + 1, length):
                seg = col[s : s + length]
                seg = seg - np.polyval(np.polyfit(t, seg, 1), t)
                total += np.abs(np.fft.rfft(seg * w)) ** 2
                count += 1
    psd = total / count * dx / np.sum(w**2)
    psd[1 : (-1 if length % 2 == 0 else None)] *= 2
    return np.fft.rfftfreq(length, dx), psd, count


def swath_geometry(lines, pixels, lat0, lon0, heading_deg):
    """A rotated 2 km swath (local tangent-plane layout), longitudes wrapped to [-180, 180)."""
    i, j = np.meshgrid(np.arange(lines), np.arange(pixels) - (pixels - 1) / 2, indexing="ij")
    a = np.deg2rad(heading_deg)
    north = (i * np.cos(a) - j * np.sin(a)) * 2.0  # km
    east = (i * np.sin(a) + j * np.cos(a)) * 2.0
    lat = lat0 + north / 111.195
    lon = lon0 + east / (111.195 * np.cos(np.deg2rad(lat)))
    return lat, (lon + 180) % 360 - 180


@pytest.fixture(scope="module")
def results(tmp_path_factory):
    d = tmp_path_factory.mktemp("diagnostics")
    rng = np.random.default_rng(20240521)
    job = {}

    # Statistics: 400 x 69 values around 1000 m with 15% NaN and one all-NaN column.
    x = 1000 + rng.normal(0.1, 0.3, (400, 69))
    x[rng.random(x.shape) < 0.15] = np.nan
    x[:, 34] = np.nan
    x.tofile(d / "stats.f64")
    job["stats"] = {"file": "stats.f64", "shape": list(x.shape), "percentiles": PERCENTILES, "chunk": 1000}

    # Swath crossing the dateline and latitude 5 (latMin): smooth field + 1 cm noise, nadir gap, edges, holes.
    lines, pixels = 240, 69
    lat, lon = swath_geometry(lines, pixels, 3.5, 179.6, -15)
    h = 0.2 * np.sin(np.deg2rad(lon) * 60) * np.cos(np.deg2rad(lat) * 45) + rng.normal(0, 0.01, lat.shape)
    h += -0.3 * np.exp(-((lat - 5.5) ** 2 + ((lon - 179.9 + 180) % 360 - 180) ** 2) / 0.3**2)
    xt = np.abs(np.arange(pixels) - 34) * 2
    h[:, (xt < 10) | (xt > 60)] = np.nan
    h[rng.random(h.shape) < 0.02] = np.nan
    for name, a in (("lat", lat), ("lon", lon), ("h", h)):
        a.tofile(d / f"swath_{name}.f64")
    job["swath"] = {"lat": "swath_lat.f64", "lon": "swath_lon.f64", "h": "swath_h.f64", "shape": [lines, pixels], "latMin": 5}

    # Regular 1/8 degree grid across the 0/360 seam, 1-D coordinates.
    glat = np.arange(20, 30, 0.125)
    glon = np.arange(350, 370, 0.125) % 360
    gh = 0.3 * np.sin(np.deg2rad(glat)[:, None] * 50) * np.cos(np.deg2rad(glon)[None, :] * 40) + rng.normal(0, 0.005, (glat.size, glon.size))
    gh[rng.random(gh.shape) < 0.05] = np.nan
    for name, a in (("lat", glat), ("lon", glon), ("h", gh)):
        a.tofile(d / f"grid_{name}.f64")
    job["grid"] = {"lat": "grid_lat.f64", "lon": "grid_lon.f64", "h": "grid_h.f64", "shape": list(gh.shape)}

    # Spectrum: red-ish noise with gaps, 52 columns 10-60 km off nadir, 256-point segments.
    sp = np.cumsum(rng.normal(0, 0.01, (3000, 69)), axis=0) * 0.1 + rng.normal(0, 0.02, (3000, 69))
    sp[1000:1010, :] = np.nan
    sp[rng.random(sp.shape) < 0.0005] = np.nan
    columns = [int(c) for c in np.flatnonzero((xt >= 10) & (xt <= 60))]
    sp.tofile(d / "spectrum.f64")
    job["spectrum"] = {"file": "spectrum.f64", "shape": list(sp.shape), "columns": columns, "segmentLength": 256, "dx": 2, "window": "hann"}

    (d / "job.json").write_text(json.dumps(job))
    done = subprocess.run(["node", str(RUN), str(d)], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert done.returncode == 0, done.stderr
    out = {p.stem: np.fromfile(p, dtype="<f8") for p in d.glob("*.f64")}
    return {"dir": d, "out": out, "stats": x, "swath": (lat, lon, h), "grid": (glat, glon, gh), "spectrum": (sp, columns)}


def test_scalar_statistics_equal_numpy_nan_functions(results):
    x = results["stats"]
    s = results["out"]["stats_scalars"]
    count, mean, std, std1, var, rms, vmin, vmax, acc_count, acc_mean, acc_std = s
    assert count == np.count_nonzero(~np.isnan(x))
    np.testing.assert_allclose(mean, np.nanmean(x), rtol=1e-14)
    np.testing.assert_allclose(std, np.nanstd(x), rtol=1e-12)
    np.testing.assert_allclose(std1, np.nanstd(x, ddof=1), rtol=1e-12)
    np.testing.assert_allclose(var, np.nanvar(x), rtol=1e-12)
    np.testing.assert_allclose(rms, np.sqrt(np.nanmean(x**2)), rtol=1e-14)
    assert vmin == np.nanmin(x) and vmax == np.nanmax(x)
    # Chunked accumulator (chunks of 1000 values, Chan et al. merge) equals the one-pass numpy values.
    assert acc_count == count
    np.testing.assert_allclose(acc_mean, np.nanmean(x), rtol=1e-14)
    np.testing.assert_allclose(acc_std, np.nanstd(x), rtol=1e-11)


def test_percentiles_equal_numpy_linear_method_exactly(results):
    np.testing.assert_array_equal(results["out"]["stats_percentiles"], np.nanpercentile(results["stats"], PERCENTILES))


def test_profiles_equal_numpy_along_axes(results):
    x = results["stats"]
    out = results["out"]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)  # the all-NaN column
        np.testing.assert_allclose(out["stats_cross_mean"], np.nanmean(x, axis=0), rtol=1e-13, equal_nan=True)
        np.testing.assert_allclose(out["stats_cross_std"], np.nanstd(x, axis=0), rtol=1e-9, equal_nan=True)
        np.testing.assert_allclose(out["stats_along_mean"], np.nanmean(x, axis=1), rtol=1e-13)
    np.testing.assert_array_equal(out["stats_along_count"], np.sum(~np.isnan(x), axis=1))
    assert np.isnan(out["stats_cross_mean"][34])


def test_index_derivatives_equal_numpy_stencils(results):
    lat, lon, h = results["swath"]
    out = results["out"]
    for axis, name in ((0, "swath_hx"), (1, "swath_hy")):
        ours = out[name].reshape(h.shape)
        ref = index_derivative(h, axis)
        assert np.array_equal(np.isnan(ours), np.isnan(ref)), name
        np.testing.assert_allclose(ours, ref, rtol=1e-12, atol=1e-15, equal_nan=True, err_msg=name)


def test_east_north_derivatives_and_velocities_equal_numpy(results):
    lat, lon, h = results["swath"]
    out = results["out"]
    de, dn = east_north(h, lat, lon)
    u, v = geostrophy(h, lat, lon, 5.0)
    scale = {"swath_dE": np.nanmax(np.abs(de)), "swath_dN": np.nanmax(np.abs(dn)), "swath_u": np.nanmax(np.abs(u)), "swath_v": np.nanmax(np.abs(v))}
    for name, ref in (("swath_dE", de), ("swath_dN", dn), ("swath_u", u), ("swath_v", v)):
        ours = out[name].reshape(h.shape)
        assert np.array_equal(np.isnan(ours), np.isnan(ref)), name
        np.testing.assert_allclose(ours, ref, rtol=1e-10, atol=1e-12 * scale[name], equal_nan=True, err_msg=name)
    # The swath does cross latitude 5 and the dateline: both the mask and the unwrapping were exercised.
    assert np.isnan(u[lat < 5]).all() and np.isfinite(u[(lat > 5) & ~np.isnan(h)]).any()
    assert lon.min() < -179 and lon.max() > 179


def test_grid_velocities_equal_numpy(results):
    glat, glon, gh = results["grid"]
    lat2, lon2 = np.meshgrid(glat, glon, indexing="ij")
    u, v = geostrophy(gh, lat2, lon2)
    out = results["out"]
    for name, ref in (("grid_u", u), ("grid_v", v)):
        ours = out[name].reshape(gh.shape)
        assert np.array_equal(np.isnan(ours), np.isnan(ref)), name
        np.testing.assert_allclose(ours, ref, rtol=1e-10, atol=1e-12 * np.nanmax(np.abs(ref)), equal_nan=True, err_msg=name)


def test_along_track_spectrum_equals_numpy_welch(results):
    sp, columns = results["spectrum"]
    k, psd, count = spectrum(sp, columns, 256, 2.0)
    out = results["out"]
    assert out["spectrum_segments"][0] == count
    np.testing.assert_allclose(out["spectrum_k"], k, rtol=1e-15)
    np.testing.assert_allclose(out["spectrum_psd"], psd, rtol=1e-10)
