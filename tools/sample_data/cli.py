"""Command line: generate the whole sample data set into ``--out`` (atomically), or say "up to date"."""
from __future__ import annotations

import argparse
import concurrent.futures
import hashlib
import json
import multiprocessing
import os
import pathlib
import shutil
import sys
import time

import numpy as np

from . import background, config, encode, l2, l3, land, orbit, scene, stores, unsmoothed

MANIFEST = "manifest.json"


def input_files() -> dict:
    """sha256 of every input file, keyed by a location-independent name."""
    shared = [o["ephemeris"] for o in config.ORBITS.values()]
    shared += [f"spec/{n}" for n in ("l2b-ssh.xml", "l2b-expert.xml", "l2a-highres.xml")] + [l3.REAL]
    shared += background.l4_files()
    out = {f"shared/data/{name}": hashlib.sha256((config.SHARED_DATA / name).read_bytes()).hexdigest()
           for name in shared}
    out["node_modules/world-atlas/land-50m.json"] = hashlib.sha256(config.WORLD_ATLAS.read_bytes()).hexdigest()
    return out


def code_digest() -> str:
    """sha256 of the generator's own sources: editing them makes the data out of date."""
    h = hashlib.sha256()
    for path in sorted(pathlib.Path(__file__).parent.glob("*.py")):
        h.update(path.name.encode() + b"\0" + path.read_bytes())
    return h.hexdigest()


def options() -> dict:
    """Everything the content depends on (compared to decide "up to date")."""
    return {
        "code_sha256": code_digest(),
        "science_cycles": list(config.SCIENCE_CYCLES),
        "science_passes": list(config.SCIENCE_PASSES),
        "calval_cycles": list(config.CALVAL_CYCLES),
        "calval_passes": list(config.CALVAL_PASSES),
        "unsmoothed": dict(config.UNSMOOTHED),
        "store_cycles": {k: (list(v) if v is not None else None) for k, v in config.STORE_CYCLES.items()},
        "l4": dict(config.L4),
        "inputs_sha256": input_files(),
    }


def up_to_date(out: pathlib.Path, opts: dict) -> bool:
    path = out / MANIFEST
    if not path.is_file():
        return False
    try:
        manifest = json.loads(path.read_text())
    except ValueError:
        return False
    if manifest.get("generator", {}).get("version") != config.GENERATOR_VERSION or manifest.get("options") != opts:
        return False
    listed = [p["path"] for p in manifest.get("products", [])] + [s["path"] for s in manifest.get("stores", [])]
    return all((out / p).exists() for p in listed)


# --- tasks (run in worker processes) -------------------------------------------------------------

def pass_task(orbit_name: str, pass_number: int, cycles: tuple, tmp: str) -> list[dict]:
    """Every granule of one pass over the cycles: L2 Basic + Expert (science orbit) and L3."""
    tmp = pathlib.Path(tmp)
    entries = []
    for cycle in cycles:
        s = scene.build(orbit_name, cycle, pass_number)
        common = {"cycle": cycle, "pass": pass_number, "orbit_phase": config.ORBITS[orbit_name]["phase"],
                  **track_facts(s), "l4_time": background.time_mapping(orbit_name, cycle, pass_number)}
        corr = corruption_facts(s)
        if orbit_name == "science":
            for subset in ("Basic", "Expert"):
                rel = pathlib.Path("netcdf/L2_LR_SSH") / subset / f"cycle_{cycle:03d}"
                (tmp / rel).mkdir(parents=True, exist_ok=True)
                e = l2.write(s, subset, tmp / rel)
                entries.append({"path": str(rel / e.pop("file")), "product": "L2_LR_SSH", "level": "L2",
                                "subset": subset, "format": "netcdf4", **common, **e,
                                "corrupted": corr["l2"]})
        rel = pathlib.Path("netcdf/L3_LR_SSH/v2_0_1/Expert") / f"cycle_{cycle:03d}"
        (tmp / rel).mkdir(parents=True, exist_ok=True)
        e = l3.write(s, tmp / rel)
        entries.append({"path": str(rel / e.pop("file")), "product": "L3_LR_SSH", "level": "L3",
                        "subset": "Expert", "format": "netcdf4", "version": config.L3_VERSION, **common, **e,
                        "corrupted": corr["l3"]})
    return entries


def unsmoothed_task(tmp: str) -> list[dict]:
    u = config.UNSMOOTHED
    rel = pathlib.Path("netcdf/L2_LR_SSH/Unsmoothed") / f"cycle_{u['cycle']:03d}"
    (pathlib.Path(tmp) / rel).mkdir(parents=True, exist_ok=True)
    e = unsmoothed.write(pathlib.Path(tmp) / rel)
    seg_km = (u["num_lines"] - 1) * config.UNSMOOTHED_STEP / 1000.0
    return [{"path": str(rel / e.pop("file")), "product": "L2_LR_SSH", "level": "L2", "subset": "Unsmoothed",
             "format": "netcdf4", "cycle": u["cycle"], "pass": u["pass"],
             "orbit_phase": config.ORBITS[u["orbit"]]["phase"],
             "num_lines": {side: g["num_lines"] for side, g in e["groups"].items()}, **e,
             "l4_time": background.time_mapping(u["orbit"], u["cycle"], u["pass"]),
             "segment": {"full_pass": False, "first_line_2km": u["first_line_2km"],
                         "lines_250m_left": u["num_lines"], "length_km": seg_km,
                         "note": "a contiguous segment of the pass (a full pass is ~79k lines per side); "
                                 "250 m along-track posting, line k of the 250 m grid is at 2 km line "
                                 "first_line_2km + k/8"}}]


def truth_task(tmp: str) -> list[dict]:
    background.write_truth(pathlib.Path(tmp) / background.TRUTH_FILE)
    return []


def store_task(kind: str, tmp: str, files: list[str]) -> list[dict]:
    """One store of the granules ``files`` (relative paths, in time order)."""
    tmp = pathlib.Path(tmp)
    paths = [tmp / p for p in files]
    if kind == "zcollection":
        rel = "zcollection/L3_LR_SSH_Expert"
        info = stores.zcollection(paths, tmp / rel)
        return [{"path": rel, "kind": "zcollection_v1", "product": "L3_LR_SSH_Expert",
                 "format_reference": "CNES/zcollection 2024.2.0 (Zarr v2 line)",
                 "partitioning": {"id": "Date", "variables": ["time"], "resolution": "D"},
                 "compressor": "blosc(zstd, clevel=5, shuffle=1)", **info}]
    return [stores.build_store(kind, tmp, paths)]


# --- facts for the manifest ------------------------------------------------------------------------

def track_facts(s: scene.Scene) -> dict:
    lon_u = np.degrees(np.unwrap(np.radians(s.geo.lon_nadir)))
    lat = s.geo.lat_nadir
    eq = int(np.argmin(np.abs(lat)))
    return {
        "direction": "ascending" if lat[-1] > lat[0] else "descending",
        "equator_longitude": round(float(s.geo.lon_nadir[eq]), 6),
        "crosses_dateline": bool(np.ptp(np.floor((lon_u - 180.0) / 360.0)) > 0),
        "crosses_zero_meridian": bool(np.ptp(np.floor(lon_u / 360.0)) > 0),
    }


def corruption_facts(s: scene.Scene) -> dict:
    c = s.corruption
    shift = config.L2_EXTRA_LINES
    l3_missing = [m - shift for m in c.missing_lines if 0 <= m - shift < config.L3_NUM_LINES]
    return {
        "l2": {"spike_lines": list(c.spike_lines), "spike_pixels": int(c.spike_pixels.sum()),
               "missing_lines": list(c.missing_lines),
               "flags": "ssha_karin_qual = sig0_karin_qual = 1 on the spike lines; every measurement "
                        "variable is fill on the missing lines (geolocation kept)"},
        "l3": {"spike_lines": [c.spike_lines[0] - shift, c.spike_lines[1] - shift],
               "spike_pixels": int(c.spike_pixels.sum()), "missing_lines": l3_missing,
               "flags": "quality_flag 50 (extremes) on spike pixels, 30 (soft_outliers) on the other pixels "
                        "of the spike lines, 102 (no_data) on missing lines; ssha_unedited keeps the spikes"},
    }


def eddy_visibility() -> list[dict]:
    """For each eddy, the granules whose valid swath contains its centre (ocean pixel), with the
    nearest L3 line/pixel."""
    out = []
    passes = [("science", p) for p in config.SCIENCE_PASSES] + [("calval", p) for p in config.CALVAL_PASSES]
    geos = {}
    for orbit_name, p in passes:
        eph = scene.ephemeris(orbit_name)
        timing = orbit.pass_timing(orbit_name, config.SCIENCE_CYCLES[0] if orbit_name == "science"
                                   else config.CALVAL_CYCLES[0], p)
        geos[(orbit_name, p)] = orbit.swath(eph, timing, np.arange(config.L3_NUM_LINES), scene.CROSS_TRACK)
    mask, _ = land.load()
    for name, lon0, lat0, length, h0 in config.EDDIES:
        seen = []
        for (orbit_name, p), g in geos.items():
            near = orbit.great_circle(g.lon_nadir, g.lat_nadir, lon0, lat0)[0] < 200e3  # lines within reach
            if not near.any():
                continue
            rows = np.flatnonzero(near)
            d, _ = orbit.great_circle(g.lon[rows], g.lat[rows], lon0, lat0)
            k, j = np.unravel_index(int(np.argmin(d)), d.shape)
            i, dist = int(rows[k]), float(d[k, j])
            x = abs(scene.CROSS_TRACK[j])
            if dist < 1500.0 and config.SWATH_NEAR <= x <= config.SWATH_FAR:
                if not mask.contains(np.array([lon0]), np.array([lat0]))[0]:
                    seen.append({"orbit_phase": config.ORBITS[orbit_name]["phase"], "pass": p,
                                 "l3_line": int(i), "l2_line": int(i) + config.L2_EXTRA_LINES,
                                 "pixel": int(j), "distance_m": round(dist, 1)})
        out.append({"name": name, "lon": lon0, "lat": lat0, "radius_m": length, "amplitude_m": h0,
                    "centre_in_swath_of": seen})
    return out


def truth() -> dict:
    g = background.grids()
    spans = {name: [encode.iso(t) for t in background.phase_span(name)] for name in config.ORBITS}
    return {
        "ssha": "ssha_l4 + eddies: the real ocean (DUACS L4 SSHA, see l4) plus the sum over eddies of "
                "amplitude_m * exp(-(r / radius_m)^2), r = great-circle distance (m) on the sphere R = 6371008.8 m",
        "eddies": eddy_visibility(),
        "l4": {
            "maps": [pathlib.Path(f).name for f in g.files],
            "maps_location": "shared/data/" + background.L4_DIR,
            "grids_file": background.TRUTH_FILE,
            "grids": "ssha(time, latitude, longitude) and mdt(latitude, longitude), int32 1e-4 m, 0.25 deg global grid "
                     "(latitude -89.875 + 0.25 i, longitude 0.125 + 0.25 j); ssha = adt - mdt exactly where "
                     "adt_valid == 1 (the map's ADT), continued smoothly over land and ice elsewhere",
            "mdt": f"Gaussian smoothing (e-folding {config.L4['mdt_sigma_km']} km, isotropic in km, normalised "
                   "over the ocean) of the mean ADT of the maps, continued over land, rounded to 1e-4 m",
            "mdt_sigma_km": config.L4["mdt_sigma_km"],
            "time_mapping": {
                "formula": "day = (len(maps) - 1) * (t_mid - T0) / (T1 - T0); maps floor(day) and floor(day) + 1 "
                           "(the last pair at day = len(maps) - 1) blended linearly with weight day - floor(day); "
                           "t_mid = middle of the L3 granule (line 4929.5); T0, T1 = start of the phase's first "
                           "granule, end of its last one",
                "phase_span": spans,
                "per_granule": "products[].l4_time {day_index, maps, map_indices, weight} (one L4 time per granule; "
                               "L2 granules and the Unsmoothed segment use the L3 granule's)",
            },
            "interpolation": "bicubic Catmull-Rom in index space of the blended ssha grid (and of mdt): u = "
                             "((lon - 0.125) mod 360) / 0.25 (periodic), v = (lat + 89.875) / 0.25, rows floor(v) "
                             "clipped to [1, 717]; weights [(-t^3+2t^2-t)/2, (3t^3-5t^2+2)/2, (-3t^3+4t^2+t)/2, "
                             "(t^3-t^2)/2] on nodes -1..2; gradients are its exact derivatives",
        },
        "mdt": "the l4 mdt grid interpolated (bicubic); L2 mean_sea_surface_cnescls = geoid + mdt",
        "geostrophy": {
            "g": config.GRAVITY, "omega": config.OMEGA, "R": config.R_EARTH, "f": "2*omega*sin(lat)",
            "u": "-g/f * dh/dn", "v": "g/f * dh/de",
            "derivatives": "exact: analytic for the eddies, of the bicubic interpolant for the L4 fields; east / north "
                           "components at the pixel (quantized lat/lon)",
            "equator_band_deg": config.EQUATOR_BAND,
            "equator": f"fill where |lat| < {config.EQUATOR_BAND} deg (geostrophy fails at the equator)",
            "ugosa_vgosa_filtered": "geostrophy of the SSHA truth (ssha_l4 + eddies)",
            "ugos_vgos_filtered": "geostrophy of SSHA truth + MDT",
            "ugosa_vgosa_unfiltered": "3-point centred differences of ssha_unfiltered with the local Jacobian "
                                      "(noisy)",
        },
        "noise": {**config.NOISE, "profile": "std(x) = sigma * (1 + shape * ((|x| - 35 km) / 25 km)^2)",
                  "white": True},
        "xover_error": {**config.XOVER, "model": "e = a(line) * x/60km + b(line) * (x/60km)^2, a, b smooth random "
                        "(Gaussian filter of correlation_lines); height_cor_xover = -e"},
        "relations": {
            "L2": ["ssha_karin_2 = truth + noise - height_cor_xover (+ spikes on the spike lines)",
                   "ssha_karin = ssha_karin_2 + model_wet_tropo_cor - rad_wet_tropo_cor",
                   "ssh_karin(_2) = ssha_karin(_2) + mean_sea_surface_cnescls + solid_earth_tide + ocean_tide_fes "
                   "+ internal_tide_hret + pole_tide + dac (ssh_karin, ssh_karin_2, geoid are in the Basic subset; "
                   "pole_tide is not stored in the Expert subset written)",
                   "mean_sea_surface_cnescls = geoid + mdt",
                   "*_qual: flag_values 0 (good) / 1 (bad) as in the specification files: 1 over land, on spike "
                   "lines, heavy rain (rain_flag 2), sea ice (dynamic_ice_flag 2)"],
            "L3": ["ssha_filtered = truth where quality_flag == 0",
                   "ugos(a)/vgos(a)_filtered = geostrophy (see geostrophy) where quality_flag == 0 and "
                   "|lat| >= equator_band_deg",
                   "mdt = the l4 mdt on the swath over the ocean",
                   "ssha_unfiltered = truth + noise (the L2 draw of the same cycle/pass: ssha_karin_2 + "
                   "height_cor_xover) where quality_flag == 0",
                   "ssha_unedited = truth + noise + spikes on every measured ocean pixel",
                   "calibration = height_cor_xover of the L2 granule",
                   "nadir samples (i_num_line, column 34): truth in ssha_filtered, truth + sigma_nadir noise in "
                   "ssha_unfiltered and ssha_unedited; quality_flag 102 there, as in the real granule",
                   "L3 line k = L2 line k + 3 (L2 granules have 3 more lines at each end)"],
        },
        "land": "Natural Earth 1:50m land (world-atlas land-50m.json), even-odd rule; fill over land, "
                "ancillary_surface_classification_flag 1 (4 over Antarctica/Greenland), L3 quality_flag 101",
        "dateline_pass": config.DATELINE_PASS,
        "zero_meridian_pass": config.ZERO_MERIDIAN_PASS,
    }


def orbit_facts() -> dict:
    out = {}
    for name, o in config.ORBITS.items():
        out[name] = {
            "ephemeris": o["ephemeris"], "passes_per_cycle": o["passes_per_cycle"], "half_orbit_s": o["half_orbit"],
            "anchor": {"cycle": o["anchor_cycle"], "pass": o["anchor_pass"], "start": encode.iso(o["anchor_start"])},
            "pass_start": "anchor.start + ((cycle - anchor.cycle) * passes_per_cycle + pass - anchor.pass) * "
                          "half_orbit_s",
            "line_step_s": o["half_orbit"] / (config.L3_NUM_LINES - 1),
            "pass_numbering": ("pass 1: ascending half-orbit crossing the equator nearest 0.11 E; odd passes ascend"
                               if name == "science" else
                               "swot_simulator convention: pass 1 starts at the first southern extremum of the "
                               "ephemeris file (not checked against real granules)"),
        }
    return out


# --- main ---------------------------------------------------------------------------------------------

def generate(out: pathlib.Path, jobs: int) -> dict:
    t_start = time.perf_counter()
    tmp = out.parent / f".{out.name}.partial"
    if tmp.exists():
        shutil.rmtree(tmp)
    tmp.mkdir(parents=True)
    land.load()  # built once, inherited by the forked workers
    background.grids()
    for name in config.ORBITS:
        scene.ephemeris(name)
    ctx = multiprocessing.get_context("fork")
    products = []
    with concurrent.futures.ProcessPoolExecutor(max_workers=jobs, mp_context=ctx) as pool:
        # longest tasks first (the pool has 2 workers)
        futures = [pool.submit(pass_task, "science", p, config.SCIENCE_CYCLES, str(tmp))
                   for p in config.SCIENCE_PASSES]
        futures += [pool.submit(unsmoothed_task, str(tmp))]
        futures += [pool.submit(pass_task, "calval", p, config.CALVAL_CYCLES, str(tmp)) for p in config.CALVAL_PASSES]
        futures += [pool.submit(truth_task, str(tmp))]
        truth_future = pool.submit(truth)
        for f in futures:
            products += f.result()
        t_netcdf = time.perf_counter()
        products.sort(key=lambda e: (e["level"], e["subset"], e["time_coverage_start"]))
        product_of = {"l2_basic": ("L2", "Basic"), "l2_expert": ("L2", "Expert"), "l3_v2": ("L3", "Expert"),
                      "l3_v3": ("L3", "Expert"), "zcollection": ("L3", "Expert")}
        members = {kind: [e for e in products if (e["level"], e["subset"]) == product_of[kind]
                          and (config.STORE_CYCLES[kind] is None or e["cycle"] in config.STORE_CYCLES[kind])]
                   for kind in product_of}
        kinds = ("l3_v2", "zcollection", "l2_expert", "l3_v3", "l2_basic")
        store_futures = [pool.submit(store_task, k, str(tmp), [e["path"] for e in members[k]]) for k in kinds]
        store_entries = []
        for kind, f in zip(kinds, store_futures):
            for entry in f.result():
                entry["granules_in_order"] = [[e["cycle"], e["pass"]] for e in members[kind]]
                entry["cycles"] = sorted({e["cycle"] for e in members[kind]})
                store_entries.append(entry)
        order = {"zarr/L2_LR_SSH_Basic.zarr": 0, "zarr/L2_LR_SSH_Expert.zarr": 1, "zarr/L3_LR_SSH_Expert.zarr": 2,
                 "zarr-v3/L3_LR_SSH_Expert.zarr": 3, "zcollection/L3_LR_SSH_Expert": 4}
        store_entries.sort(key=lambda e: order[e["path"]])
        truth_facts = truth_future.result()
    t_stores = time.perf_counter()
    manifest = {
        "generator": {"name": "jupyterlab-swot synthetic SWOT sample products",
                      "version": config.GENERATOR_VERSION,
                      "command": "python tools/generate_sample_data.py --out data/sample"},
        "options": options(),
        "seeds": {"master": config.MASTER_SEED, "streams": scene.STREAMS, "orbit_codes": scene.ORBIT_CODE,
                  "derivation": "numpy.random.default_rng(SeedSequence([master, orbit_code, cycle, pass, stream]))"},
        "conventions": {"time": "float64 seconds since 2000-01-01 00:00:00 UTC (L2, L3 netCDF and Zarr); "
                                "datetime64[ns] in the zcollection",
                        "longitude": "degrees east in [0, 360)",
                        "line_indexing": "0-based; L3 line = L2 line - 3 for the same pass",
                        "cross_track": "pixel i of the 2 km grid is at (i - 34) * 2 km, negative = left; valid "
                                       "KaRIn data for 10 <= |x| <= 60 km"},
        "orbits": orbit_facts(),
        "products": products,
        "stores": store_entries,
        "truth": truth_facts,
    }
    (tmp / MANIFEST).write_text(json.dumps(manifest, indent=2) + "\n")
    # swap in atomically: the old tree (if any) is moved aside first, then removed
    old = out.parent / f".{out.name}.old"
    if old.exists():
        shutil.rmtree(old)
    if out.exists():
        out.rename(old)
    tmp.rename(out)
    if old.exists():
        shutil.rmtree(old)
    t_end = time.perf_counter()
    return {"netcdf_s": t_netcdf - t_start, "stores_s": t_stores - t_netcdf, "total_s": t_end - t_start}


def du(path: pathlib.Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", default=str(config.ROOT / "data" / "sample"), help="output directory")
    parser.add_argument("--jobs", type=int, default=min(2, os.cpu_count() or 1), help="worker processes")
    parser.add_argument("--force", action="store_true", help="regenerate even if up to date")
    args = parser.parse_args(argv)
    out = pathlib.Path(args.out).resolve()
    opts = options()
    if not args.force and up_to_date(out, opts):
        print(f"{out}: up to date (generator {config.GENERATOR_VERSION})")
        return 0
    out.parent.mkdir(parents=True, exist_ok=True)
    timing = generate(out, max(1, args.jobs))
    print(f"{out}: generated in {timing['total_s']:.1f} s (netCDF {timing['netcdf_s']:.1f} s, stores "
          f"{timing['stores_s']:.1f} s), {du(out) / 1e6:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
