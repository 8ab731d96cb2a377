"""L3_LR_SSH Expert v2.0.1 granules, structured exactly like the real AVISO/DUACS granule.

The structure (dimensions, variable order, dtypes, attributes with their types, global
attributes, deflate level, shuffle, one chunk per variable) is read at run time from the
real granule in ``../shared/data/real/l3``; only the values, the time coverage, the bounding
box and the processing dates change. Unlike that granule, the swath holds data:

* ``ssha_filtered`` = the noise-free truth (DUACS L4 SSHA interpolated + the eddies, see
  ``background.py``), ``ugosa/vgosa_filtered`` its exact geostrophic velocities, ``ugos/vgos_filtered``
  those of SSHA + MDT; all defined where ``quality_flag == 0``, fill elsewhere (velocities also fill
  where |lat| < ``config.EQUATOR_BAND``); ``mdt`` = the L4 MDT on the swath;
* ``ssha_unfiltered`` = truth + the L2 KaRIn noise (same draw as the L2 granules of the pass)
  where ``quality_flag == 0``; ``ugosa/vgosa_unfiltered`` are its centred differences
  (3-point, Jacobian of the lat/lon grid on the sphere);
* ``ssha_unedited`` = truth + noise + spikes on every measured ocean pixel;
* nadir altimeter samples (1 Hz) are written in column 34 at ``i_num_line`` (truth in
  ``ssha_filtered``, truth + 3 cm noise in the two others), with quality_flag 102 as in the
  real granule.
"""
from __future__ import annotations

import functools
import pathlib

import netCDF4
import numpy as np

from . import config, encode, ocean
from .scene import CROSS_TRACK, L3_SLICE, Scene, nadir_samples, rng

REAL = "real/l3/SWOT_L3_LR_SSH_Expert_026_165_20241229T165806_20241229T174933_v2.0.1.nc"
PASS_SPECIFIC_GLOBALS = ("time_coverage_start", "time_coverage_end", "geospatial_lat_min", "geospatial_lat_max",
                         "geospatial_lon_min", "geospatial_lon_max", "date_modified", "history", "date_created",
                         "date_issued")
Q = {"good": 0, "bad_quality_coast": 10, "ice": 20, "soft_outliers": 30, "extremes": 50,
     "not_on_sea": 101, "no_data": 102}


@functools.lru_cache(maxsize=1)
def real_structure():
    """Dimensions, variables (name, dtype, dims, attrs, filters, chunks) and global attributes of
    the real granule."""
    with netCDF4.Dataset(config.SHARED_DATA / REAL) as ds:
        dims = {k: len(v) for k, v in ds.dimensions.items()}
        variables = []
        for name, var in ds.variables.items():
            attrs = {k: var.getncattr(k) for k in var.ncattrs()}
            variables.append({
                "name": name, "dtype": var.dtype, "dims": var.dimensions, "attrs": attrs,
                "filters": var.filters(), "chunks": var.chunking(),
            })
        globals_ = {k: ds.getncattr(k) for k in ds.ncattrs()}
    return dims, variables, globals_


def quality_flag(s: Scene) -> np.ndarray:
    """quality_flag on the L2 grid (sliced to L3 by the caller)."""
    nl, npx = s.shape
    q = np.full((nl, npx), Q["good"], dtype=np.uint8)
    s0, s1 = s.corruption.spike_lines
    q[s0: s1 + 1, :] = Q["soft_outliers"]
    q[s.corruption.spike_pixels] = Q["extremes"]
    q[(s.fields["distance_to_coast"] < 3000.0)] = Q["bad_quality_coast"]
    q[s.ice > 0] = Q["ice"]
    q[s.land] = Q["not_on_sea"]
    q[:, ~s.valid] = Q["no_data"]
    q[list(s.corruption.missing_lines), :] = Q["no_data"]
    return q


def centred_geostrophy(h: np.ndarray, lon: np.ndarray, lat: np.ndarray):
    """Geostrophic velocities of h by 3-point centred differences along both index axes and the
    local Jacobian of the grid on the sphere; NaN where a neighbour is missing."""
    r = config.R_EARTH
    lam = np.unwrap(np.unwrap(np.radians(lon), axis=1), axis=0)
    phi = np.radians(lat)

    def d(a, axis):
        out = np.full(a.shape, np.nan)
        if axis == 0:
            out[1:-1] = (a[2:] - a[:-2]) / 2
        else:
            out[:, 1:-1] = (a[:, 2:] - a[:, :-2]) / 2
        return out

    xe, xn = r * np.cos(phi) * d(lam, 0), r * d(phi, 0)
    ye, yn = r * np.cos(phi) * d(lam, 1), r * d(phi, 1)
    hx, hy = d(h, 0), d(h, 1)
    jac = xe * yn - xn * ye
    he = (hx * yn - hy * xn) / jac
    hn = (hy * xe - hx * ye) / jac
    return ocean.geostrophy(he, hn, lat)


def physical_values(s: Scene, q: np.ndarray) -> dict:
    f = s.fields
    nan = np.nan
    good = q == Q["good"]
    measured = (q != Q["no_data"]) & (q != Q["not_on_sea"])
    ocean_mask = ~s.land
    truth = f["ssha_true"]
    unfiltered = truth + f["karin_noise"]
    uu, vu = centred_geostrophy(np.where(good, unfiltered, nan), s.geo.lon, s.geo.lat)
    return {
        "time": s.geo.time,
        "latitude": s.geo.lat,
        "longitude": s.geo.lon,
        "calibration": np.where(measured, -f["xover_error"], nan),
        "cross_track_distance": CROSS_TRACK / 1000.0,
        "dac": np.where(ocean_mask, f["dac"], nan),
        "internal_tide": f["internal_tide"],
        "mdt": np.where(ocean_mask, f["mdt"], nan),
        "mss": f["mss"],
        "ocean_tide": np.where(ocean_mask, f["ocean_tide"], nan),
        "quality_flag": q,
        "sigma0": np.where(measured, f["sig0_2"], nan),
        "ssha_filtered": np.where(good, truth, nan),
        "ssha_unedited": np.where(measured, unfiltered + f["spikes"], nan),
        "ssha_unfiltered": np.where(good, unfiltered, nan),
        "ugos_filtered": np.where(good, f["ugos_true"], nan),
        "ugosa_filtered": np.where(good, f["ugosa_true"], nan),
        "ugosa_unfiltered": np.where(good, uu, nan),
        "vgos_filtered": np.where(good, f["vgos_true"], nan),
        "vgosa_filtered": np.where(good, f["vgosa_true"], nan),
        "vgosa_unfiltered": np.where(good, vu, nan),
    }


def file_name(s: Scene, t0: float, t1: float) -> str:
    return (f"SWOT_L3_LR_SSH_Expert_{s.cycle:03d}_{s.pass_number:03d}_{encode.compact(t0)}_"
            f"{encode.compact(t1)}_v{config.L3_VERSION}.nc")


def write(s: Scene, directory: pathlib.Path) -> dict:
    dims, variables, globals_ = real_structure()
    q2 = quality_flag(s)
    values = {k: (v[L3_SLICE] if np.ndim(v) >= 1 and len(v) == s.shape[0] else v)
              for k, v in physical_values(s, q2).items()}
    # nadir altimeter samples in column 34
    lines = nadir_samples(s)
    rn = rng(s.orbit, s.cycle, s.pass_number, "nadir")
    nadir_truth = s.fields["ssha_true"][L3_SLICE][lines, config.NADIR_PIXEL]
    nadir_meas = nadir_truth + config.NOISE["sigma_nadir"] * rn.standard_normal(len(lines))
    for name, val in (("ssha_filtered", nadir_truth), ("ssha_unfiltered", nadir_meas), ("ssha_unedited", nadir_meas)):
        values[name] = values[name].copy()
        values[name][lines, config.NADIR_PIXEL] = val
    values["i_num_line"] = lines
    values["i_num_pixel"] = np.full(len(lines), config.NADIR_PIXEL)

    t = values["time"]
    name = file_name(s, t[0], t[-1])
    lon, lat = values["longitude"], values["latitude"]
    g = dict(globals_)
    g.update({
        "time_coverage_start": encode.iso(t[0], 0),
        "time_coverage_end": encode.iso(t[-1], 0),
        "geospatial_lat_min": np.float64(lat.min()),
        "geospatial_lat_max": np.float64(lat.max()),
        "geospatial_lon_min": np.float64(lon.min()),
        "geospatial_lon_max": np.float64(lon.max()),
        "date_modified": config.PROCESSING_DATE,
        "history": f"{config.PROCESSING_DATE}: Created by DUACS KaRIn prototype (synthetic sample generated "
                   f"by jupyterlab-swot tools/generate_sample_data.py v{config.GENERATOR_VERSION}: not real data)",
        "date_created": config.PROCESSING_DATE,
        "date_issued": config.PROCESSING_DATE,
    })
    with netCDF4.Dataset(directory / name, "w", format="NETCDF4") as ds:
        for dim, size in dims.items():
            ds.createDimension(dim, len(lines) if dim == "num_nadir" else size)
        ds.setncatts(g)
        for v in variables:
            data = encode.pack(values[v["name"]], v["dtype"], v["attrs"])
            flt = v["filters"]
            shape = data.shape
            encode.create_variable(ds, v["name"], v["dtype"], v["dims"], v["attrs"], data,
                                   complevel=flt["complevel"] if flt["zlib"] else 0, shuffle=flt["shuffle"],
                                   chunks=shape if v["chunks"] != "contiguous" else None)
    return {"file": name, "num_lines": int(len(t)), "num_nadir": int(len(lines)),
            "time_coverage_start": encode.iso(t[0]), "time_coverage_end": encode.iso(t[-1])}
