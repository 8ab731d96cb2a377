"""Every constant of the sample data set: orbits, passes, ocean truth, noise, seeds.

Changing anything here changes the data: bump ``GENERATOR_VERSION`` with it so
that ``generate_sample_data.py`` regenerates instead of saying "up to date".
"""
from __future__ import annotations

import datetime
import os
import pathlib

GENERATOR_VERSION = "2.0.0"

ROOT = pathlib.Path(__file__).resolve().parents[2]
# The real inputs (orbits, L4 maps, specifications, the L3 granule): the project's shared data, or
# the same files fetched from PyPI by tools/fetch_generator_inputs.py where it is absent (Binder).
SHARED_DATA = pathlib.Path(os.environ.get("SWOT_GENERATOR_INPUTS") or ROOT.parent / "shared" / "data").resolve()
WORLD_ATLAS = ROOT / "node_modules" / "world-atlas" / "land-50m.json"

EPOCH = datetime.datetime(2000, 1, 1)  # time units: seconds since 2000-01-01 00:00:00 UTC
TAI_UTC = 37.0  # TAI - UTC (s) since 2017

R_EARTH = 6371008.8  # m, mean Earth radius (the sphere of the swath and the ocean truth)
OMEGA = 7.2921159e-5  # s^-1
GRAVITY = 9.81  # m s^-2

MASTER_SEED = 20230721

# --- grids -----------------------------------------------------------------
L3_NUM_LINES = 9860  # lines of a half-orbit on the 2 km grid (real L3 granule)
L2_EXTRA_LINES = 3  # L2 granules carry 3 more lines on each end: 9866 lines
NUM_PIXELS = 69
PIXEL_STEP = 2000.0  # m
NADIR_PIXEL = 34
SWATH_NEAR = 10000.0  # valid KaRIn data for NEAR <= |x| <= FAR
SWATH_FAR = 60000.0

# Unsmoothed (250 m): 240 pixels per side, |x| = 4.125 ... 63.875 km; data on 10-60 km only.
UNSMOOTHED_PIXELS = 240
UNSMOOTHED_STEP = 250.0
UNSMOOTHED_FIRST = 4125.0
UNSMOOTHED_LINES_PER_2KM = 8  # 250 m along-track posting

# --- orbits ------------------------------------------------------------------
# Timing fitted on real granules:
#  * science: anchored on the real L3 granule 026_165 (first line 2024-12-29T16:58:06.880 UTC);
#    half-orbit 3086.82334 s fitted on seven other real granule names (cycles 1-29,
#    residuals < 2.1 s). The nominal 20.86455 d / 584 = 3086.70 s drifts by ~8.5 s per cycle
#    against real granules (214 s at cycle 26).
#  * cal/val: real granule names 506_003 (2023-04-29T18:44:29) and 546_011
#    (2023-06-08T19:18:26); half-orbit 3065.6356 s.
ORBITS = {
    "science": {
        "ephemeris": "real/orbit/ephemeris_science_sept2015_ell.txt",
        "passes_per_cycle": 584,
        "pass1_equator_lon": 0.11,
        "anchor_cycle": 26,
        "anchor_pass": 165,
        "anchor_start": 788806686.88,
        "half_orbit": 3086.8233433209243,
        "phase": "science",
    },
    "calval": {
        "ephemeris": "real/orbit/ephemeris_calval_june2015_ell.txt",
        "passes_per_cycle": 28,
        "anchor_cycle": 506,
        "anchor_pass": 3,
        "anchor_start": 736109069.5,  # 2023-04-29T18:44:29.5
        "half_orbit": 3065.6356382978724,
        "phase": "calval",
    },
}

# --- what is generated -------------------------------------------------------
# Science passes: 70 (descending: crosses the 0 meridian over the western Mediterranean, then
# Africa and the Cape Basin), 165 (ascending: the track of the real L3 granule in
# ../shared/data/real/l3), 242 (descending: Gulf Stream), 377 (ascending: North Pacific,
# crosses 180 E).
SCIENCE_CYCLES = (24, 25, 26)
SCIENCE_PASSES = (70, 165, 242, 377)
# Cal/val (1-day orbit): passes 15 (ascending) and 28 (descending) cross over the California
# Current (234.6 E, 35.7 N), the open-ocean cal/val crossover.
CALVAL_CYCLES = (506, 507)
CALVAL_PASSES = (15, 28)
DATELINE_PASS = 377
# Granules in each store (cycles; None: every granule of the product). The netCDF tree holds every
# granule; the main L3 Zarr v2 store too. The other stores hold one science cycle (and one cal/val
# cycle for L3), for the sample's size budget: coordinates alone cost ~1.7 MB per granule and copy.
STORE_CYCLES = {"l3_v2": None, "l3_v3": (25, 507), "zcollection": (25, 507), "l2_basic": (25,), "l2_expert": (25,)}
ZERO_MERIDIAN_PASS = 70
# One Unsmoothed pass: a contiguous 300 km segment of the 250 m grid south of the Gulf Stream
# (36.9 N to 34.3 N).
UNSMOOTHED = {"orbit": "science", "cycle": 26, "pass": 242, "first_line_2km": 2860, "num_lines": 1200}

L2_CRID = "PIC0"
L2_PRODUCT_COUNTER = "01"
L3_VERSION = "2.0.1"
# A fixed processing date keeps the files identical from run to run.
PROCESSING_DATE = "2025-03-05T00:19:16Z"

# --- ocean truth ---------------------------------------------------------------
# SSHA truth = sum of Gaussian eddies h0 * exp(-r^2 / L^2), r the great-circle distance (m).
# (name, lon deg E, lat deg N, L m, h0 m)
EDDIES = (
    ("western_med_0E", 359.98, 36.97, 30000.0, 0.12),  # straddles the 0 meridian (pass 70)
    ("cape_basin_agulhas_ring", 13.93, -38.54, 90000.0, 0.30),  # pass 70
    ("cape_basin_cyclone", 13.92, -36.44, 50000.0, -0.15),  # pass 70
    ("southern_ocean", 21.96, -55.91, 60000.0, -0.20),  # pass 165
    ("agulhas_current_meander", 31.14, -35.04, 50000.0, 0.15),  # pass 165
    ("gulf_stream_warm_ring", 292.54, 39.96, 60000.0, 0.25),  # pass 242
    ("gulf_stream_cold_ring", 294.48, 35.05, 70000.0, -0.30),  # pass 242
    ("kuroshio_extension_180E", 180.05, 38.00, 80000.0, 0.20),  # straddles 180 E (pass 377)
    ("north_pacific_small", 176.50, 25.04, 30000.0, -0.05),  # pass 377
    ("california_crossover", 234.877, 35.70, 45000.0, -0.18),  # cal/val passes 15 and 28
)


# KaRIn noise (m): white, std SIGMA * (1 + SHAPE * ((|x| - 35 km) / 25 km)^2) on the 2 km grid
# (2 cm mid-swath, 3 cm at 10 and 60 km); the 250 m grid has SIGMA_250.
NOISE = {"sigma_2km": 0.02, "shape": 0.5, "sigma_250m": 0.06, "sigma_nadir": 0.03}
# Systematic KaRIn error removed by height_cor_xover (roll- and phase-like, smooth along track):
# e(line, x) = a(line) * x / 60 km + b(line) * (x / 60 km)^2, |a|, |b| ~ 5 cm.
XOVER = {"amplitude": 0.05, "correlation_lines": 800}

# --- the real ocean under the swaths (background.py) ---------------------------------------------
# SSHA = DUACS L4 ADT (../shared/data/real/l4_duacs) - MDT, MDT = Gaussian smoothing of the mean
# ADT with this e-folding scale (km): large enough that SSHA keeps the mesoscale and the fronts.
L4 = {"mdt_sigma_km": 300.0}
# Geostrophic velocities (L3 ugos/ugosa/vgos/vgosa) are fill where |lat| < EQUATOR_BAND degrees.
EQUATOR_BAND = 5.0
