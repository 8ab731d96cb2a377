"""Variable definitions read from the product specifications (``../shared/data/spec/*.xml``).

Each ``<integer|real|char name="/group/var" shape=... width=... signed=...>`` node gives
a variable; its ``<annotation>`` attributes are the netCDF attributes (typed here:
``_FillValue``, ``valid_min/max``, ``flag_values`` in the variable's type,
``scale_factor``/``add_offset`` as float64, everything else as text). Nodes named
``/@attr`` are global attributes (only their names and types are used).
"""
from __future__ import annotations

import dataclasses
import pathlib
import xml.etree.ElementTree as ET

import numpy as np

_ATTR_FLOAT64 = {"scale_factor", "add_offset", "tai_utc_difference"}
_ATTR_OF_VAR_TYPE = {"_FillValue", "valid_min", "valid_max"}
_ATTR_ARRAY = {"flag_values", "flag_masks"}


@dataclasses.dataclass(frozen=True)
class VariableSpec:
    name: str  # without group
    group: str  # "" for the root group
    dtype: np.dtype
    dims: tuple[str, ...]
    attrs: dict  # ordered, typed; _FillValue first

    @property
    def fill_value(self):
        return self.attrs.get("_FillValue")


@dataclasses.dataclass(frozen=True)
class ProductSpec:
    uid: str
    variables: dict  # "group/name" -> VariableSpec, spec order
    global_attrs: dict  # name -> (kind, width, description)


def _dtype(node: ET.Element) -> np.dtype:
    width = int(node.get("width"))
    if node.tag == "real":
        return np.dtype(f"<f{width // 8}")
    if node.tag == "char":
        return np.dtype("S1")
    signed = node.get("signed") == "true"
    return np.dtype(f"<{'i' if signed else 'u'}{width // 8}") if width > 8 else np.dtype("i1" if signed else "u1")


def _typed(name: str, value: str, dtype: np.dtype):
    if name in _ATTR_FLOAT64:
        try:
            return np.float64(value)
        except ValueError:
            return value  # a template such as "[Value of TAI-UTC ...]": filled by the writer
    if name in _ATTR_OF_VAR_TYPE:
        if dtype.kind == "S":
            return value.encode()
        return dtype.type(float(value)) if dtype.kind == "f" else dtype.type(int(float(value)))
    if name in _ATTR_ARRAY:
        return np.array([int(v) for v in value.split()], dtype=dtype)
    return value


def load(path: pathlib.Path) -> ProductSpec:
    root = ET.parse(path).getroot()
    science = root.find("science")
    shapes = {}
    for shape in root.iter("shape"):
        shapes[shape.get("name")] = tuple(d.get("name").split("/")[-1] for d in shape.findall("dimension"))
    variables = {}
    global_attrs = {}
    for node in science.find("nodes"):
        full = node.get("name")
        group, _, name = full.lstrip("/").rpartition("/")
        ann = node.find("annotation")
        if name.startswith("@"):
            global_attrs[(group, name[1:])] = (node.tag, int(node.get("width")),
                                               ann.get("description") if ann is not None else "")
            continue
        dtype = _dtype(node)
        attrs = {}
        raw = dict(ann.attrib) if ann is not None else {}
        raw.pop("app", None)
        if "_FillValue" in raw:  # netCDF needs it at creation: keep it first
            attrs["_FillValue"] = _typed("_FillValue", raw.pop("_FillValue"), dtype)
        for key, value in raw.items():
            attrs[key] = _typed(key, value, dtype)
        variables[f"{group}/{name}" if group else name] = VariableSpec(
            name=name, group=group, dtype=dtype, dims=shapes[node.get("shape")], attrs=attrs)
    return ProductSpec(uid=science.get("uid"), variables=variables, global_attrs=global_attrs)
