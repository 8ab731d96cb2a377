#!/usr/bin/env python3
"""Generate the synthetic SWOT sample products (netCDF, Zarr v2/v3, zcollection) and their manifest.

    .venv/bin/python tools/generate_sample_data.py --out data/sample

Deterministic (fixed seeds), idempotent (prints "up to date" when data/sample/manifest.json
was written by the same generator version with the same options and inputs) and atomic
(written to a temporary directory, then renamed). See tools/sample_data/ for the details.
"""
import pathlib
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))

from sample_data.cli import main  # noqa: E402

if __name__ == "__main__":
    sys.exit(main())
