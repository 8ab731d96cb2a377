"""One L2_LR_SSH Unsmoothed (250 m) granule: netCDF4 groups /left and /right.

A contiguous segment of a pass (``config.UNSMOOTHED``): 250 m along-track posting (8 lines
per 2 km line), 240 pixels per side at |x| = 4.125 ... 63.875 km (250 m steps), the left
side ordered from far to near range so that the cross-track distance increases with the
pixel index on both sides. Measurements on 10-60 km only (fill elsewhere); latitude and
longitude everywhere. The right group starts one line later and ends two lines later than
the left one (each group has its own ``num_lines``).

``ssh_karin_2 = mean_sea_surface_cnescls + truth + solid_earth_tide + ocean_tide +
internal_tide + pole_tide + dac + noise`` (the tides and corrections are those of the 2 km
products; the 250 m product carries no correction variables). Chunks: 512 lines x 240 pixels.
"""
from __future__ import annotations

import functools
import pathlib

import netCDF4
import numpy as np

from . import background, config, encode, l2, land, ocean, orbit, spec
from .scene import ephemeris, rng

CHUNK_LINES = 512
BLOCK_LINES = 4096  # computed and written by blocks of lines (memory stays bounded for a full pass)
COMPLEVEL = 4


@functools.lru_cache(maxsize=1)
def product_spec() -> spec.ProductSpec:
    return spec.load(config.SHARED_DATA / "spec" / "l2a-highres.xml")


def cross_track(side: str) -> np.ndarray:
    near_to_far = config.UNSMOOTHED_FIRST + config.UNSMOOTHED_STEP * np.arange(config.UNSMOOTHED_PIXELS)
    return -near_to_far[::-1] if side == "left" else near_to_far


def side_values(orbit_name: str, cycle: int, pass_number: int, side: str, lines: np.ndarray, block: int) -> dict:
    """Physical values of one block of lines of one side (the noise is seeded per side and block)."""
    eph = ephemeris(orbit_name)
    timing = orbit.pass_timing(orbit_name, cycle, pass_number)
    x = cross_track(side)
    geo = orbit.swath(eph, timing, lines, x)
    lon, lat = geo.lon, geo.lat
    nl, npx = lat.shape
    mask, _ = land.load()
    is_land = mask.contains(lon, lat)
    valid = ((np.abs(x) >= config.SWATH_NEAR) & (np.abs(x) <= config.SWATH_FAR))[None, :]
    tt = geo.time[:, None]
    ssha_l4, mdt = background.values(lon, lat, background.time_mapping(orbit_name, cycle, pass_number))
    truth = ssha_l4 + ocean.eddy_field(lon, lat)[0]
    mss = ocean.geoid(lon, lat) + mdt
    corr = (ocean.solid_earth_tide(lon, lat, tt) + ocean.ocean_tide(lon, lat, tt) + ocean.internal_tide(lon, lat, tt)
            + ocean.pole_tide(lon, lat) + ocean.dac(lon, lat, tt))
    r = rng(orbit_name, cycle, pass_number, "unsmoothed")
    r = np.random.default_rng([int(r.integers(2**31)), 0 if side == "left" else 1, block])
    sigma = ocean.noise_profile(x, config.NOISE["sigma_250m"])[None, :]
    noise = r.standard_normal((nl, npx), dtype=np.float64) * sigma
    wet = valid & ~is_land
    _, _, ws = ocean.wind(lon, lat, tt)
    sig0 = ocean.sigma0_from_wind(ws) * (1 + 0.02 * r.standard_normal((nl, npx)))
    ice = (lat < -66.0) | (lat > 74.0)
    ancillary = np.where(is_land, np.where((lat < -60.0) | ((lat > 59.0) & (lon > 285.0) & (lon < 350.0)), 4.0, 1.0), 0.0)
    nan = np.nan
    values = {
        "time": geo.time,
        "time_tai": geo.time + config.TAI_UTC,
        "latitude": lat,
        "longitude": lon,
        "latitude_uncert": np.full((nl, npx), 2.0e-5),
        "longitude_uncert": np.full((nl, npx), 3.0e-5),
        "polarization_karin": None,
        "ssh_karin_2": np.where(wet, mss + truth + corr + noise, nan),
        "ssh_karin_uncert": np.where(wet, sigma, nan),
        "sig0_karin_2": np.where(valid, sig0, nan),
        "sig0_karin_uncert": np.where(valid, 0.08 * sig0, nan),
        "total_coherence": np.where(valid, np.clip(0.93 - 0.04 * ((np.abs(x) - 35000.0) / 25000.0) ** 2
                                                   + 0.01 * r.standard_normal((nl, npx)), 0.0, 1.0), nan),
        "mean_sea_surface_cnescls": mss,
        "miti_power_250m": np.where(valid, np.clip(1.0 + 0.1 * r.standard_normal((nl, npx)), -1, 10), nan),
        "miti_power_var_250m": np.where(valid, np.clip(0.05 + 0.01 * r.standard_normal((nl, npx)), -1, 10), nan),
        "ancillary_surface_classification_flag": ancillary,
        "ssh_qual": np.where(valid, np.where(is_land | ice, 1.0, 0.0), nan),
    }
    return values


def write(directory: pathlib.Path) -> dict:
    u = config.UNSMOOTHED
    ps = product_spec()
    per = config.UNSMOOTHED_LINES_PER_2KM
    first = u["first_line_2km"]
    ranges = {"left": (0, u["num_lines"]), "right": (1, u["num_lines"] + 3)}
    groups = {}
    for side, (k0, k1) in ranges.items():
        groups[side] = first + np.arange(k0, k1) / per
    timing = orbit.pass_timing(u["orbit"], u["cycle"], u["pass"])
    t0 = timing.start + min(g[0] for g in groups.values()) * timing.line_step
    t1 = timing.start + max(g[-1] for g in groups.values()) * timing.line_step

    name = (f"SWOT_L2_LR_SSH_Unsmoothed_{u['cycle']:03d}_{u['pass']:03d}_{encode.compact(t0)}_"
            f"{encode.compact(t1)}_{config.L2_CRID}_{config.L2_PRODUCT_COUNTER}.nc")
    entry = {"file": name, "groups": {}}
    with netCDF4.Dataset(directory / name, "w", format="NETCDF4") as ds:
        # the granule's outline: both swath edges and nadir over the union of the groups' lines
        union = np.union1d(groups["left"], groups["right"])
        edges = orbit.swath(ephemeris(u["orbit"]), timing, union,
                            np.array([cross_track("left")[0], cross_track("right")[-1]]))
        ds.setncatts(l2.global_attributes(ps, "Unsmoothed", u["orbit"], u["cycle"], u["pass"], edges))
        for side, lines in groups.items():
            nl = len(lines)
            grp = ds.createGroup(side)
            grp.setncattr("description", f"Unsmoothed SSH measurement data and related information for the "
                                         f"{side} half of the swath.")
            grp.createDimension("num_lines", nl)
            grp.createDimension("num_pixels", config.UNSMOOTHED_PIXELS)
            specs = [v for v in ps.variables.values() if v.group == side]
            attrs = {}
            for v in specs:
                attrs[v.name] = dict(v.attrs)
                if v.name in ("time", "time_tai"):
                    attrs[v.name]["tai_utc_difference"] = np.float64(config.TAI_UTC)
                    if "leap_second" in attrs[v.name]:
                        attrs[v.name]["leap_second"] = "0000-00-00T00:00:00Z"
                chunks = (min(CHUNK_LINES, nl),) + tuple(config.UNSMOOTHED_PIXELS for _ in v.dims[1:])
                encode.create_variable(grp, v.name, v.dtype, v.dims, attrs[v.name], None, complevel=COMPLEVEL,
                                       chunks=chunks)
            for block, b0 in enumerate(range(0, nl, BLOCK_LINES)):
                b1 = min(b0 + BLOCK_LINES, nl)
                values = side_values(u["orbit"], u["cycle"], u["pass"], side, lines[b0:b1], block)
                for v in specs:
                    if v.name == "polarization_karin":
                        data = np.full(b1 - b0, b"V" if side == "left" else b"H", dtype="S1")
                    else:
                        data = encode.pack(values[v.name], v.dtype, attrs[v.name])
                    var = grp[v.name]
                    var.set_auto_maskandscale(False)  # ``data`` holds stored values
                    var[b0:b1] = data
                if b0 == 0:
                    t_first = values["time"][0]
                t_last = values["time"][-1]
                del values
            entry["groups"][side] = {
                "num_lines": int(nl), "num_pixels": config.UNSMOOTHED_PIXELS,
                "first_line_2km": float(lines[0]), "last_line_2km": float(lines[-1]),
                "time_coverage_start": encode.iso(t_first), "time_coverage_end": encode.iso(t_last),
            }
    entry.update({"time_coverage_start": encode.iso(t0), "time_coverage_end": encode.iso(t1)})
    return entry
