"""Packing physical values into stored values, and netCDF4 writing helpers."""
from __future__ import annotations

import datetime

import netCDF4
import numpy as np

from . import config


def pack(values: np.ndarray, dtype: np.dtype, attrs: dict) -> np.ndarray:
    """Physical values (NaN = missing) to the stored dtype: (v - add_offset) / scale_factor,
    rounded, clipped to valid_min/valid_max, fill value where NaN."""
    dtype = np.dtype(dtype)
    v = np.asarray(values, dtype=np.float64)
    missing = ~np.isfinite(v)
    fill = attrs.get("_FillValue")
    if dtype.kind == "f":
        out = v.astype(dtype)
        if fill is not None:
            out[missing] = fill
        return out
    scale = float(attrs.get("scale_factor", 1.0))
    offset = float(attrs.get("add_offset", 0.0))
    q = np.round((np.where(missing, 0.0, v) - offset) / scale)
    info = np.iinfo(dtype)
    lo = float(attrs.get("valid_min", info.min))
    hi = float(attrs.get("valid_max", info.max))
    q = np.clip(q, lo, hi)
    out = q.astype(dtype)
    if fill is not None:
        out[missing] = fill
    elif missing.any():
        raise ValueError("missing values in a variable without _FillValue")
    return out


def iso(seconds: float, digits: int = 6) -> str:
    """UTC ISO string of seconds since 2000-01-01."""
    t = config.EPOCH + datetime.timedelta(seconds=float(seconds))
    if digits == 0:
        return t.strftime("%Y-%m-%dT%H:%M:%SZ")
    return t.strftime("%Y-%m-%dT%H:%M:%S.%f")[: 20 + digits] + "Z"


def compact(seconds: float) -> str:
    """YYYYMMDDTHHMMSS of seconds since 2000-01-01 (truncated to the second, as in real names)."""
    t = config.EPOCH + datetime.timedelta(seconds=float(np.floor(seconds)))
    return t.strftime("%Y%m%dT%H%M%S")


def create_variable(group: netCDF4.Group, name: str, dtype: np.dtype, dims: tuple, attrs: dict,
                    data: np.ndarray | None, *, complevel: int, shuffle: bool = True, chunks: tuple | None = None):
    """One netCDF4 variable, deflated, one chunk per variable (unless ``chunks``), raw ``data`` written
    (unless None: then the caller writes it, with auto-scaling off)."""
    fill = attrs.get("_FillValue", None)
    shape = tuple(len(group.dimensions[d]) for d in dims)
    var = group.createVariable(
        name, dtype, dims, zlib=complevel > 0, complevel=complevel or None, shuffle=shuffle,
        chunksizes=chunks or shape, fill_value=fill if fill is not None else False)
    var.set_auto_maskandscale(False)
    var.setncatts({k: v for k, v in attrs.items() if k != "_FillValue"})
    if data is not None:
        var[...] = data
    return var
