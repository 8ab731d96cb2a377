"""The real ocean under the sample swaths: SSHA and MDT from the DUACS L4 maps.

Inputs: the four real DUACS L4 ADT maps in ``../shared/data/real/l4_duacs`` (0.25 deg,
2018-12-31 ... 2019-01-03, int32, 1e-4 m).

* **MDT** = a large-scale Gaussian smoothing of the 4-day mean ADT (isotropic in km, e-folding
  ``config.L4["mdt_sigma_km"]``: normalised convolution over the ocean, then continued over
  land), rounded to 1e-4 m. What is left, ``SSHA = ADT - MDT``, keeps the mesoscale: the
  meandering Gulf Stream, Kuroshio, Agulhas retroflection and rings, the ACC fronts.
* **SSHA grids**, one per day: ``ADT - MDT`` where the day's ADT is valid, continued over land
  and sea ice by a smooth fill (so that the interpolation stencil is defined along coasts; the
  products are fill over land anyway). Exact multiples of 1e-4 m.
* **On a swath**: the two daily grids around the granule's L4 time are blended linearly, then
  interpolated by bicubic Catmull-Rom in (lon, lat) index space (C1: continuous gradient,
  exact analytic derivatives for the geostrophic currents). One L4 time per granule (a pass lasts
  51 minutes: the ocean does not change within it).
* **Time mapping** (the sample passes are in 2023-2024, the maps in 2019): for each orbit phase,
  the middle of a granule at time t is mapped linearly onto the 3 days between the first and
  the last map: ``day = 3 * (t - T0) / (T1 - T0)`` with T0 / T1 the start of the phase's first
  granule / the end of its last one (``time_mapping``).

The grids actually used are written to ``truth/l4_ssha_mdt.nc`` of the sample data so that the
tests can recompute the truth on every pixel independently.
"""
from __future__ import annotations

import dataclasses
import functools
import pathlib

import netCDF4
import numpy as np

from . import config, orbit

L4_DIR = "real/l4_duacs"
LAT0, LON0, STEP = -89.875, 0.125, 0.25
NLAT, NLON = 720, 1440
TRUTH_FILE = "truth/l4_ssha_mdt.nc"


def l4_files() -> list[str]:
    """Names (relative to the shared data) of the L4 maps, in time order."""
    return sorted(f"{L4_DIR}/{p.name}" for p in (config.SHARED_DATA / L4_DIR).glob("dt_global_allsat_phy_l4_*.nc"))


@dataclasses.dataclass(frozen=True)
class Grids:
    ssha: np.ndarray  # (days, NLAT, NLON) float64, exact multiples of 1e-4 m, no NaN
    mdt: np.ndarray  # (NLAT, NLON)
    valid: np.ndarray  # (days, NLAT, NLON) bool: the day's ADT is valid
    days: np.ndarray  # (days,) days since 1950-01-01 of each map
    files: tuple


def _gaussian_smooth(field: np.ndarray, weight: np.ndarray, sigma_km: float) -> tuple[np.ndarray, np.ndarray]:
    """Gaussian smoothing (e-folding sigma_km, isotropic in km) of ``field * weight`` and of
    ``weight`` on the periodic-in-longitude 0.25 deg grid."""
    cell = config.R_EARTH * np.radians(STEP) / 1000.0  # km per 0.25 deg of latitude
    lat = LAT0 + STEP * np.arange(NLAT)
    # along latitude: a dense (NLAT x NLAT) Gaussian matrix (non-periodic)
    s = sigma_km / cell
    k = np.arange(NLAT)
    w_lat = np.exp(-0.5 * ((k[:, None] - k[None, :]) / s) ** 2)
    # along longitude: periodic, width in cells growing as 1/cos(lat) (capped), by FFT per row
    s_lon = np.minimum(sigma_km / (cell * np.cos(np.radians(lat))), NLON / 4)
    freq = np.fft.rfftfreq(NLON)
    transfer = np.exp(-2.0 * (np.pi * freq[None, :] * s_lon[:, None]) ** 2)

    def smooth(a):
        a = np.fft.irfft(np.fft.rfft(a, axis=1) * transfer, n=NLON, axis=1)
        return w_lat @ a

    return smooth(np.where(weight > 0, field, 0.0) * weight), smooth(weight)


def _fill(field: np.ndarray, known: np.ndarray, iterations: int = 8) -> np.ndarray:
    """Continue ``field`` from the ``known`` cells into the others: coarse-to-fine block means
    (every cell gets a value), then Jacobi smoothing of the filled cells only."""
    out = np.where(known, field, np.nan)
    levels = [out]
    while np.isnan(levels[-1]).any() and min(levels[-1].shape) > 1:
        a = levels[-1]
        ny, nx = a.shape[0] // 2 * 2, a.shape[1] // 2 * 2
        blocks = a[:ny, :nx].reshape(ny // 2, 2, nx // 2, 2)
        with np.errstate(invalid="ignore"):
            count = np.sum(np.isfinite(blocks), axis=(1, 3))
            total = np.nansum(blocks, axis=(1, 3))
            levels.append(np.where(count > 0, total / np.maximum(count, 1), np.nan))
    coarse = levels[-1]
    coarse[np.isnan(coarse)] = np.nanmean(coarse) if np.isfinite(coarse).any() else 0.0
    for a in reversed(levels[:-1]):
        up = np.repeat(np.repeat(coarse, 2, axis=0), 2, axis=1)
        up = np.pad(up, ((0, a.shape[0] - up.shape[0]), (0, a.shape[1] - up.shape[1])), mode="edge")
        coarse = np.where(np.isnan(a), up, a)
    out = coarse
    free = ~known
    avg = np.empty_like(out)
    for _ in range(iterations):
        avg[1:-1] = out[:-2] + out[2:]
        avg[0] = out[0] + out[1]
        avg[-1] = out[-1] + out[-2]
        avg[:, 1:-1] += out[:, :-2] + out[:, 2:]
        avg[:, 0] += out[:, -1] + out[:, 1]
        avg[:, -1] += out[:, -2] + out[:, 0]
        np.copyto(out, 0.25 * avg, where=free)
    return out


@functools.lru_cache(maxsize=1)
def grids() -> Grids:
    files = tuple(l4_files())
    if len(files) < 2:
        raise FileNotFoundError(f"{config.SHARED_DATA / L4_DIR}: at least two DUACS L4 maps are needed")
    adt, days = [], []
    for name in files:
        with netCDF4.Dataset(config.SHARED_DATA / name) as ds:
            lat = ds["latitude"][:]
            lon = ds["longitude"][:]
            if (len(lat), len(lon)) != (NLAT, NLON) or abs(lat[0] - LAT0) > 1e-6 or abs(lon[0] - LON0) > 1e-6:
                raise ValueError(f"{name}: not the 0.25 deg global grid")
            a = ds["adt"][0]
            adt.append(np.ma.filled(a.astype(np.float64), np.nan))
            days.append(float(ds["time"][0]))
    adt = np.round(np.array(adt) * 1e4) / 1e4  # exact 1e-4 m steps, as stored
    valid = np.isfinite(adt)
    always = valid.all(axis=0)
    mean = np.where(always, np.where(valid, adt, 0.0).sum(axis=0) / len(files), 0.0)
    num, den = _gaussian_smooth(mean, always.astype(np.float64), config.L4["mdt_sigma_km"])
    with np.errstate(invalid="ignore", divide="ignore"):
        mdt = num / den
    ok = den > 1e-3 * den.max()
    mdt = _fill(mdt, ok)
    mdt = np.round(mdt * 1e4) / 1e4
    ssha = np.empty_like(adt)
    for d in range(len(files)):
        ssha[d] = np.round(_fill(adt[d] - mdt, valid[d]) * 1e4) / 1e4
        ssha[d][valid[d]] = np.round((adt[d] - mdt)[valid[d]] * 1e4) / 1e4
    return Grids(ssha=ssha, mdt=mdt, valid=valid, days=np.array(days), files=files)


# --- time mapping ------------------------------------------------------------------------------

def phase_span(orbit_name: str) -> tuple[float, float]:
    """(T0, T1): start of the phase's first granule, end of its last one (UTC s since 2000)."""
    cycles = config.SCIENCE_CYCLES if orbit_name == "science" else config.CALVAL_CYCLES
    passes = config.SCIENCE_PASSES if orbit_name == "science" else config.CALVAL_PASSES
    first = orbit.pass_timing(orbit_name, min(cycles), min(passes))
    last = orbit.pass_timing(orbit_name, max(cycles), max(passes))
    return first.start, last.start + last.line_step * (config.L3_NUM_LINES - 1)


def granule_mid_time(orbit_name: str, cycle: int, pass_number: int) -> float:
    t = orbit.pass_timing(orbit_name, cycle, pass_number)
    return t.start + 0.5 * (config.L3_NUM_LINES - 1) * t.line_step


def time_mapping(orbit_name: str, cycle: int, pass_number: int) -> dict:
    """The L4 time of a granule: fractional day index into the maps, the two maps and the weight."""
    g = grids()
    t0, t1 = phase_span(orbit_name)
    n = len(g.files) - 1
    day = n * (granule_mid_time(orbit_name, cycle, pass_number) - t0) / (t1 - t0)
    day = float(min(max(day, 0.0), n))
    k = min(int(np.floor(day)), n - 1)
    w = day - k
    return {"day_index": round(day, 9), "maps": [pathlib.Path(g.files[k]).name, pathlib.Path(g.files[k + 1]).name],
            "map_indices": [k, k + 1], "weight": round(w, 9)}


# --- interpolation -------------------------------------------------------------------------------

def _catmull_rom(t: np.ndarray):
    t2, t3 = t * t, t * t * t
    w = np.stack([(-t3 + 2 * t2 - t) / 2, (3 * t3 - 5 * t2 + 2) / 2, (-3 * t3 + 4 * t2 + t) / 2, (t3 - t2) / 2])
    dw = np.stack([(-3 * t2 + 4 * t - 1) / 2, (9 * t2 - 10 * t) / 2, (-9 * t2 + 8 * t + 1) / 2, (3 * t2 - 2 * t) / 2])
    return w, dw


class Stencil:
    """Bicubic Catmull-Rom weights of points (lon, lat) on the 0.25 deg grid: apply to any grid
    for the value and its east / north derivatives (m per m of the grid's unit)."""

    def __init__(self, lon: np.ndarray, lat: np.ndarray):
        self.shape = np.shape(lon)
        lon = np.ravel(lon).astype(np.float64)
        lat = np.ravel(lat).astype(np.float64)
        u = ((lon - LON0) % 360.0) / STEP
        v = (lat - LAT0) / STEP
        j0 = np.floor(u).astype(np.int64)
        i0 = np.clip(np.floor(v).astype(np.int64), 1, NLAT - 3)
        self.wu, self.dwu = _catmull_rom(u - j0)
        self.wv, self.dwv = _catmull_rom(v - i0)
        self.rows = i0[None, :] + np.arange(-1, 3)[:, None]  # (4, n)
        self.cols = (j0[None, :] + np.arange(-1, 3)[:, None]) % NLON
        phi = np.radians(lat)
        self.de = 1.0 / (config.R_EARTH * np.cos(phi) * np.radians(STEP))  # d(index u)/d(east metres)
        self.dn = 1.0 / (config.R_EARTH * np.radians(STEP))

    def apply(self, grid: np.ndarray, gradient: bool = True):
        h = np.zeros(self.rows.shape[1])
        hu = np.zeros_like(h)
        hv = np.zeros_like(h)
        for a in range(4):
            g = grid[self.rows[a][None, :], self.cols]  # (4 columns, n)
            row = np.sum(self.wu * g, axis=0)
            h += self.wv[a] * row
            if gradient:
                hu += self.wv[a] * np.sum(self.dwu * g, axis=0)
                hv += self.dwv[a] * row
        if not gradient:
            return h.reshape(self.shape)
        return h.reshape(self.shape), (hu * self.de).reshape(self.shape), (hv * self.dn).reshape(self.shape)


def ssha_grid(mapping: dict) -> np.ndarray:
    g = grids()
    k0, k1 = mapping["map_indices"]
    w = mapping["weight"]
    return (1.0 - w) * g.ssha[k0] + w * g.ssha[k1]


def fields(st: Stencil, mapping: dict) -> dict:
    """SSHA and MDT of the L4 background at the stencil's points, with their gradients (m/m)."""
    h, he, hn = st.apply(ssha_grid(mapping))
    m, me, mn = st.apply(grids().mdt)
    return {"ssha": h, "ssha_e": he, "ssha_n": hn, "mdt": m, "mdt_e": me, "mdt_n": mn}


def values(lon: np.ndarray, lat: np.ndarray, mapping: dict) -> tuple[np.ndarray, np.ndarray]:
    """SSHA and MDT of the L4 background at the points (no gradient)."""
    st = Stencil(lon, lat)
    return st.apply(ssha_grid(mapping), gradient=False), st.apply(grids().mdt, gradient=False)


def write_truth(path: pathlib.Path):
    """The grids used (SSHA per day, MDT), int16 1e-4 m (exact: the grids are multiples of 1e-4 m)."""
    g = grids()
    path.parent.mkdir(parents=True, exist_ok=True)
    with netCDF4.Dataset(path, "w", format="NETCDF4") as ds:
        ds.setncatts({"title": "SSHA and MDT grids under the jupyterlab-swot sample swaths (derived from DUACS L4 "
                               "ADT maps: not the maps themselves)",
                      "source": ", ".join(pathlib.Path(f).name for f in g.files),
                      "mdt": f"Gaussian smoothing (e-folding {config.L4['mdt_sigma_km']} km, normalised over the "
                             "ocean) of the mean ADT of the maps, continued over land",
                      "ssha": "ADT - mdt where the map's ADT is valid, continued smoothly elsewhere",
                      "history": f"{config.PROCESSING_DATE} : tools/generate_sample_data.py "
                                 f"v{config.GENERATOR_VERSION}"})
        ds.createDimension("time", len(g.files))
        ds.createDimension("latitude", NLAT)
        ds.createDimension("longitude", NLON)
        t = ds.createVariable("time", "f8", ("time",))
        t.setncatts({"units": "days since 1950-01-01 00:00:00", "calendar": "gregorian"})
        t[:] = g.days
        la = ds.createVariable("latitude", "f4", ("latitude",))
        la.units = "degrees_north"
        la[:] = LAT0 + STEP * np.arange(NLAT)
        lo = ds.createVariable("longitude", "f4", ("longitude",))
        lo.units = "degrees_east"
        lo[:] = LON0 + STEP * np.arange(NLON)
        for name, dims, data in (("ssha", ("time", "latitude", "longitude"), g.ssha),
                                 ("mdt", ("latitude", "longitude"), g.mdt)):
            q = np.round(data * 1e4)
            if np.abs(q).max() > 32767:
                raise ValueError(f"{name}: beyond the int16 range of the truth file")
            v = ds.createVariable(name, "i2", dims, zlib=True, complevel=4, shuffle=True)
            v.set_auto_maskandscale(False)
            v.setncatts({"scale_factor": 1e-4, "units": "m"})
            v[...] = q.astype(np.int16)
        v = ds.createVariable("adt_valid", "u1", ("time", "latitude", "longitude"), zlib=True, complevel=4)
        v.long_name = "1 where the DUACS map's ADT is valid (ssha = adt - mdt there), 0 where ssha was filled"
        v[...] = g.valid.astype(np.uint8)
