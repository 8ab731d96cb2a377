"""Zarr copies of the netCDF granules: concatenated stores (Zarr v2 and v3) and a zcollection.

Every store is built from the netCDF files just written (raw stored values, so the
decoded values are identical): the granules of a product are concatenated along
``num_lines`` in time order, with 1-D ``cycle_number`` and ``pass_number`` on
``num_lines`` added. Variables keep their dtype and attributes (``scale_factor``,
``add_offset``, ``units``...); the netCDF ``_FillValue`` becomes the Zarr v2
``fill_value`` (xarray's convention), and for Zarr v3 both the ``fill_value`` and a
``_FillValue`` attribute (xarray's v3 convention). Global attributes: those with the
same value in every granule. Variables on ``num_nadir`` (``i_num_line``,
``i_num_pixel``: indices into one granule) are not carried over.

zcollection: the v1 on-disk layout as written by zcollection 2024.2.0 (the last PyPI
release of the Zarr-v2 line): a root ``.zcollection`` JSON file (axis, dataset, partitioning),
one Zarr v2 group with consolidated metadata per day partition
(``year=YYYY/month=MM/day=DD``), ``time`` as ``<M8[ns]``, the variables that do not
depend on ``num_lines`` in ``.immutable``.
"""
from __future__ import annotations

import json
import pathlib
import shutil
import warnings

import netCDF4
import numcodecs
import numpy as np
import zarr
import zarr.codecs

from . import config

ZCOLLECTION_COMPRESSOR = numcodecs.Blosc(cname="zstd", clevel=5, shuffle=numcodecs.Blosc.SHUFFLE)


def jsonable(value):
    """Attribute values as plain JSON types."""
    if isinstance(value, np.ndarray):
        return [jsonable(v) for v in value.tolist()]
    if isinstance(value, np.generic):
        return value.item()
    if isinstance(value, bytes):
        return value.decode()
    if isinstance(value, (list, tuple)):
        return [jsonable(v) for v in value]
    return value


def _read_granules(paths: list[pathlib.Path]):
    """Open granules; returns (datasets sorted by first time, cycle/pass of each)."""
    items = []
    for path in paths:
        ds = netCDF4.Dataset(path)
        ds.set_auto_maskandscale(False)
        parts = path.name.split("_")
        cycle, pass_number = int(parts[5]), int(parts[6])
        items.append((float(ds["time"][0]), ds, cycle, pass_number))
    items.sort(key=lambda x: x[0])
    return [i[1] for i in items], [(i[2], i[3]) for i in items]


def _common_attrs(datasets) -> dict:
    first = {k: datasets[0].getncattr(k) for k in datasets[0].ncattrs()}
    out = {}
    for key, value in first.items():
        if all(key in ds.ncattrs() and np.array_equal(np.asarray(ds.getncattr(key)), np.asarray(value))
               for ds in datasets[1:]):
            out[key] = jsonable(value)
    return out


def _var_attrs(var) -> dict:
    return {k: jsonable(var.getncattr(k)) for k in var.ncattrs() if k != "_FillValue"}


def _fill(var):
    return var.getncattr("_FillValue") if "_FillValue" in var.ncattrs() else None


def concatenated_store(paths: list[pathlib.Path], out: pathlib.Path, *, zarr_format: int, chunk_lines: int,
                       compressor, filters=None, keep=None) -> dict:
    """One store of every granule in ``paths`` along num_lines (the variables in ``keep``, in the
    granules' order; all but those on num_nadir if None)."""
    datasets, cycle_pass = _read_granules(paths)
    try:
        sizes = [len(ds.dimensions["num_lines"]) for ds in datasets]
        total = int(sum(sizes))
        root = zarr.open_group(store=str(out), mode="w", zarr_format=zarr_format)
        root.attrs.update(_common_attrs(datasets))
        first = datasets[0]
        written = []
        for name, var in first.variables.items():
            if "num_nadir" in var.dimensions or (keep is not None and name not in keep):
                continue
            dims = var.dimensions
            chunks = tuple(min(chunk_lines, total) if d == "num_lines" else len(first.dimensions[d]) for d in dims)
            if "num_lines" in dims:
                data = np.concatenate([ds[name][...] for ds in datasets], axis=dims.index("num_lines"))
            else:
                data = var[...]
            _create(root, name, data, dims, chunks, _var_attrs(var), _fill(var), zarr_format, compressor, filters)
            written.append(name)
        cyc = np.concatenate([np.full(n, c, dtype=np.int16) for n, (c, _) in zip(sizes, cycle_pass)])
        pas = np.concatenate([np.full(n, p, dtype=np.int16) for n, (_, p) in zip(sizes, cycle_pass)])
        for name, values, long_name in (("cycle_number", cyc, "cycle number of the granule of the line"),
                                        ("pass_number", pas, "pass number of the granule of the line")):
            _create(root, name, values, ("num_lines",), (min(chunk_lines, total),), {"long_name": long_name,
                    "units": "1"}, None, zarr_format, compressor, filters)
            written.append(name)
        with warnings.catch_warnings():  # v3: consolidated metadata is an extension (xarray writes it too)
            warnings.simplefilter("ignore")
            zarr.consolidate_metadata(str(out), zarr_format=zarr_format)
        return {"num_lines": total, "chunk_lines": chunk_lines, "granules": len(datasets),
                "variables": written, "dropped_variables": sorted(n for n in first.variables if n not in written)}
    finally:
        for ds in datasets:
            ds.close()


def _create(group, name, data, dims, chunks, attrs, fill, zarr_format, compressor, filters):
    attrs = dict(attrs)
    kwargs = {}
    if zarr_format == 2:
        attrs["_ARRAY_DIMENSIONS"] = list(dims)
        kwargs["fill_value"] = fill
        kwargs["filters"] = filters(data.dtype) if callable(filters) else filters
    else:
        kwargs["dimension_names"] = list(dims)
        if fill is not None:
            attrs["_FillValue"] = jsonable(fill)
            kwargs["fill_value"] = fill
        elif data.dtype.kind == "f":
            kwargs["fill_value"] = np.nan
        else:
            kwargs["fill_value"] = 0
    arr = group.create_array(name, shape=data.shape, chunks=chunks, dtype=data.dtype, compressors=compressor,
                             attributes=attrs, **kwargs)
    arr[...] = data
    return arr


def _shuffle_for(dtype):
    return [numcodecs.Shuffle(elementsize=np.dtype(dtype).itemsize)] if np.dtype(dtype).itemsize > 1 else None


# The variables of each store (the netCDF granules hold them all): coordinates, the quality flag,
# the heights the notebooks, tests and benchmarks use, and a few small fields. Chosen for the sample's
# size budget (coordinates alone are ~1.7 MB per granule and copy).
L3_V2_VARIABLES = ("time", "latitude", "longitude", "cross_track_distance", "mdt", "quality_flag", "ssha_filtered",
                   "ssha_unfiltered", "ugosa_filtered", "vgosa_filtered")
L3_V3_VARIABLES = ("time", "latitude", "longitude", "cross_track_distance", "dac", "mdt", "ocean_tide", "quality_flag",
                   "ssha_filtered")
ZCOLLECTION_VARIABLES = L3_V3_VARIABLES
L2_BASIC_VARIABLES = ("time", "time_tai", "latitude", "longitude", "ssha_karin", "ssha_karin_qual", "num_pt_avg",
                      "ancillary_surface_classification_flag", "dynamic_ice_flag", "rain_flag", "rad_surface_type_flag")
L2_EXPERT_VARIABLES = ("time", "time_tai", "latitude", "longitude", "ssha_karin_2", "ssha_karin_qual",
                       "polarization_karin", "sc_altitude", "latitude_nadir", "longitude_nadir", "velocity_heading",
                       "cross_track_distance", "dac", "height_cor_xover")


def store_plans() -> dict:
    """kind -> (product, relative path, zarr format, chunk lines, compressor, filters, variables)."""
    return {
        "l2_basic": ("L2_LR_SSH_Basic", "zarr/L2_LR_SSH_Basic.zarr", 2, 2048, numcodecs.Zstd(level=3), _shuffle_for,
                     L2_BASIC_VARIABLES),
        "l2_expert": ("L2_LR_SSH_Expert", "zarr/L2_LR_SSH_Expert.zarr", 2,
                      config.L3_NUM_LINES + 2 * config.L2_EXTRA_LINES,
                      numcodecs.Blosc(cname="zstd", clevel=5, shuffle=numcodecs.Blosc.SHUFFLE), None,
                      L2_EXPERT_VARIABLES),
        "l3_v2": ("L3_LR_SSH_Expert", "zarr/L3_LR_SSH_Expert.zarr", 2, config.L3_NUM_LINES, numcodecs.Zlib(level=5),
                  _shuffle_for, L3_V2_VARIABLES),
        "l3_v3": ("L3_LR_SSH_Expert", "zarr-v3/L3_LR_SSH_Expert.zarr", 3, config.L3_NUM_LINES,
                  zarr.codecs.BloscCodec(cname="zstd", clevel=5, shuffle="shuffle"), None, L3_V3_VARIABLES),
    }


def build_store(kind: str, root: pathlib.Path, paths: list[pathlib.Path]) -> dict:
    product, rel, fmt, chunk, comp, flt, keep = store_plans()[kind]
    info = concatenated_store(paths, root / rel, zarr_format=fmt, chunk_lines=chunk, compressor=comp,
                              filters=flt, keep=keep)
    return {"path": rel, "kind": f"zarr_v{fmt}", "product": product, **info, "compressor": _codec_name(comp, flt)}


def _codec_name(codec, filters=None) -> str:
    shuffle = " + shuffle filter" if filters is not None else ""
    if isinstance(codec, numcodecs.Blosc):
        return f"blosc({codec.cname}, clevel={codec.clevel}, shuffle={codec.shuffle})"
    if isinstance(codec, numcodecs.Zlib):
        return f"zlib(level={codec.level}){shuffle}"
    if isinstance(codec, numcodecs.Zstd):
        return f"zstd(level={codec.level}){shuffle}"
    return f"blosc({codec.cname.value}, clevel={codec.clevel}, shuffle={codec.shuffle.value}) (Zarr v3 codec)"


# --- zcollection ---------------------------------------------------------------------------------

def zcollection(paths: list[pathlib.Path], out: pathlib.Path) -> dict:
    """The L3 granules as a zcollection partitioned by day on ``time``."""
    datasets, cycle_pass = _read_granules(paths)
    try:
        first = datasets[0]
        out.mkdir(parents=True, exist_ok=True)
        epoch = np.datetime64("2000-01-01T00:00:00", "ns")
        times = [epoch + np.round(ds["time"][...] * 1e9).astype("timedelta64[ns]") for ds in datasets]
        time_all = np.concatenate(times)
        sizes = [len(t) for t in times]
        cyc = np.concatenate([np.full(n, c, dtype=np.uint16) for n, (c, _) in zip(sizes, cycle_pass)])
        pas = np.concatenate([np.full(n, p, dtype=np.uint16) for n, (_, p) in zip(sizes, cycle_pass)])
        if np.any(np.diff(time_all.astype(np.int64)) < 0):
            raise ValueError("granules overlap in time")

        offsets = np.concatenate([[0], np.cumsum(sizes)])

        cache = {}

        def rows(name, start, stop):
            """Lines [start, stop) of the concatenation, read from the granules that hold them (each
            variable of a granule is read once: one netCDF chunk per variable)."""
            parts = []
            for k, ds in enumerate(datasets):
                a, b = max(start, offsets[k]), min(stop, offsets[k + 1])
                if a < b:
                    if (k, name) not in cache:
                        for key in [key for key in cache if key[0] < k]:
                            del cache[key]  # partitions come in time order: earlier granules are done
                        cache[(k, name)] = ds[name][...]
                    parts.append(cache[(k, name)][a - offsets[k]: b - offsets[k]])
            return np.concatenate(parts, axis=0)

        variables = {}  # name -> (dims, dtype, attrs, fill, reader(start, stop))
        immutable = {}
        for name, var in first.variables.items():
            if "num_nadir" in var.dimensions or name not in ZCOLLECTION_VARIABLES:
                continue
            attrs = _var_attrs(var)
            if name == "time":
                attrs = {k: v for k, v in attrs.items() if k not in ("units", "calendar")}
                variables[name] = (var.dimensions, np.dtype("<M8[ns]"), attrs, None, lambda a, b: time_all[a:b])
            elif "num_lines" in var.dimensions:
                variables[name] = (var.dimensions, var.dtype, attrs, _fill(var),
                                   lambda a, b, name=name: rows(name, a, b))
            else:
                immutable[name] = (var.dimensions, var.dtype, attrs, _fill(var), var[...])
        variables["cycle_number"] = (("num_lines",), np.dtype(np.uint16), {"long_name": "cycle number"}, None,
                                     lambda a, b: cyc[a:b])
        variables["pass_number"] = (("num_lines",), np.dtype(np.uint16), {"long_name": "pass number"}, None,
                                    lambda a, b: pas[a:b])
        dataset_attrs = _common_attrs(datasets)

        days = time_all.astype("datetime64[D]")
        bounds = np.flatnonzero(np.diff(days.astype(np.int64))) + 1
        starts = np.concatenate([[0], bounds])
        ends = np.concatenate([bounds, [len(days)]])
        partitions = []
        for s, e in zip(starts, ends):
            day = days[s].astype(object)
            rel = f"year={day.year:04d}/month={day.month:02d}/day={day.day:02d}"
            _zgroup(out / rel, {n: (d, dt, a, f, read(s, e)) for n, (d, dt, a, f, read) in variables.items()},
                    dataset_attrs)
            partitions.append({"path": rel, "num_lines": int(e - s)})
        _zgroup(out / ".immutable", immutable, {})

        config_json = {
            "axis": "time",
            "dataset": {
                "attrs": sorted([k, v] for k, v in dataset_attrs.items()),
                "dimensions": ["num_lines", "num_pixels"],
                "variables": [_zc_variable(n, *v[:4]) for n, v in sorted({**variables, **immutable}.items())],
                "chunks": [],
                "block_size_limit": 134217728,
            },
            "partitioning": {"id": "Date", "variables": ["time"], "resolution": "D"},
        }
        (out / ".zcollection").write_text(json.dumps(config_json, indent=4))
        return {"partitions": partitions, "immutable": sorted(immutable), "variables": sorted(variables),
                "dropped_variables": sorted(n for n in first.variables if n not in variables and n not in immutable),
                "num_lines": int(len(time_all))}
    finally:
        for ds in datasets:
            ds.close()


def _zgroup(path: pathlib.Path, variables: dict, attrs: dict):
    if path.exists():
        shutil.rmtree(path)
    group = zarr.open_group(store=str(path), mode="w", zarr_format=2)
    group.attrs.update(attrs)
    for name, (dims, dtype, vattrs, fill, data) in variables.items():
        _create(group, name, np.asarray(data, dtype=dtype), dims, tuple(data.shape), vattrs, fill, 2,
                ZCOLLECTION_COMPRESSOR, None)
    zarr.consolidate_metadata(str(path), zarr_format=2)


def _zc_variable(name, dims, dtype, attrs, fill) -> dict:
    dtype = np.dtype(dtype)
    if fill is None:
        fill_json = None
    elif dtype.kind == "f" and np.isnan(fill):
        fill_json = "NaN"
    else:
        fill_json = jsonable(fill)
    return {
        "attrs": sorted([k, v] for k, v in attrs.items()),
        "compressor": ZCOLLECTION_COMPRESSOR.get_config(),
        "dimensions": list(dims),
        "dtype": dtype.str,
        "fill_value": fill_json,
        "filters": [],
        "name": name,
    }
