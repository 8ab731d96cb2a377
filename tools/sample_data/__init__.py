"""Synthetic SWOT sample products for the tests and benchmarks of jupyterlab-swot.

Modules: ``config`` (every constant), ``orbit`` (ephemerides, pass timing, swath grids),
``land`` (land mask, distance to coast), ``ocean`` (truth and geophysical fields),
``scene`` (one pass with all its fields), ``spec`` (product specifications), ``l2``,
``l3``, ``unsmoothed`` (netCDF writers), ``stores`` (Zarr and zcollection), ``cli``.
"""
from .config import GENERATOR_VERSION

__all__ = ["GENERATOR_VERSION"]
