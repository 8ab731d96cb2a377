"""One pass of the 2 km grid with every physical field the products are made of.

The grid spans the L2 lines (-3 ... 9862, 9866 lines); the L3 granule is the
slice ``L3_SLICE`` (lines 0 ... 9859). Values are physical (metres, m/s, ...),
float64, NaN where a product would hold its fill value.
"""
from __future__ import annotations

import dataclasses
import functools

import numpy as np

from . import background, config, land, ocean, orbit

L2_LINES = np.arange(-config.L2_EXTRA_LINES, config.L3_NUM_LINES + config.L2_EXTRA_LINES)
L3_SLICE = slice(config.L2_EXTRA_LINES, config.L2_EXTRA_LINES + config.L3_NUM_LINES)
CROSS_TRACK = (np.arange(config.NUM_PIXELS) - config.NADIR_PIXEL) * config.PIXEL_STEP
ORBIT_CODE = {"science": 1, "calval": 2}
STREAMS = {"karin_noise": 1, "xover": 2, "corruption": 3, "rain": 4, "misc": 5, "nadir": 6, "unsmoothed": 7}


def rng(orbit_name: str, cycle: int, pass_number: int, stream: str) -> np.random.Generator:
    return np.random.default_rng(np.random.SeedSequence(
        [config.MASTER_SEED, ORBIT_CODE[orbit_name], cycle, pass_number, STREAMS[stream]]))


@functools.lru_cache(maxsize=2)
def ephemeris(orbit_name: str) -> orbit.Ephemeris:
    return orbit.Ephemeris.load(orbit_name, config.SHARED_DATA / config.ORBITS[orbit_name]["ephemeris"])


@functools.lru_cache(maxsize=8)
def static_geometry(orbit_name: str, pass_number: int) -> dict:
    """Everything that repeats from cycle to cycle on a pass, computed once: the swath positions (the
    repeat orbit: only the times change), land, coast, the static eddies, the L4 interpolation
    stencil and the static geophysical fields."""
    eph = ephemeris(orbit_name)
    timing = orbit.pass_timing(orbit_name, 1 if orbit_name == "science" else 474, pass_number)
    geo = orbit.swath(eph, timing, L2_LINES, CROSS_TRACK)
    mask, coast = land.load()
    is_land = mask.contains(geo.lon, geo.lat)
    dist, heading = land.coast_on_grid(coast, geo.lon, geo.lat, step_lines=16, step_pixels=4)
    lon, lat = geo.lon, geo.lat
    return {"geo": geo, "land": is_land, "distance_to_coast": dist, "heading_to_coast": heading,
            "eddies": ocean.eddy_field(lon, lat), "stencil": background.Stencil(lon, lat),
            "geoid": ocean.geoid(lon, lat), "model_wet_tropo": ocean.wet_tropo(lon, lat),
            "model_dry_tropo": ocean.dry_tropo(lon, lat), "pole_tide": ocean.pole_tide(lon, lat)}


def geometry(orbit_name: str, cycle: int, pass_number: int) -> orbit.SwathGeometry:
    """The swath of one granule: the pass's positions with this cycle's times."""
    timing = orbit.pass_timing(orbit_name, cycle, pass_number)
    geo = static_geometry(orbit_name, pass_number)["geo"]
    return dataclasses.replace(geo, time=timing.start + L2_LINES * timing.line_step)


@dataclasses.dataclass
class Corruption:
    spike_lines: tuple  # (first, last) inclusive, L2 line indices (0 = first line of the L2 file)
    spike_pixels: np.ndarray  # bool (nl, np): pixels with spikes
    missing_lines: tuple  # L2 line indices of the lines without any measurement


@dataclasses.dataclass
class Scene:
    orbit: str
    cycle: int
    pass_number: int
    geo: orbit.SwathGeometry
    fields: dict
    land: np.ndarray
    valid: np.ndarray  # (np,) bool: 10 km <= |x| <= 60 km
    corruption: Corruption
    ice: np.ndarray  # 0 none, 1 probable, 2 ice (ocean only)
    rain: np.ndarray  # 0, 1, 2

    @property
    def shape(self):
        return self.geo.lat.shape


def _choose_blocks(r: np.random.Generator, ocean_lines: np.ndarray, n_lines: int):
    """A 40-line spike block, a 12-line gap and 3 single missing lines, over mostly-ocean lines
    (``ocean_lines`` False also near the eddies), away from each other and from the ends of the
    pass."""
    candidates = np.nonzero(ocean_lines)[0]
    candidates = candidates[(candidates > 200) & (candidates < n_lines - 240)]
    if len(candidates) < 100:
        candidates = np.arange(200, n_lines - 240)
    taken = []

    def pick(length):
        for _ in range(1000):
            start = int(r.choice(candidates))
            if all(abs(start - s) > 400 for s in taken) and np.all(ocean_lines[start: start + length]):
                taken.append(start)
                return start
        start = int(r.choice(candidates))
        taken.append(start)
        return start

    spike = pick(40)
    gap = pick(12)
    singles = [pick(1) for _ in range(3)]
    return (spike, spike + 39), sorted([*range(gap, gap + 12), *singles])


def build(orbit_name: str, cycle: int, pass_number: int) -> Scene:
    static = static_geometry(orbit_name, pass_number)
    geo = geometry(orbit_name, cycle, pass_number)
    is_land, dist_coast, heading_coast = static["land"], static["distance_to_coast"], static["heading_to_coast"]
    lon, lat, t = geo.lon, geo.lat, geo.time
    nl, npx = lat.shape
    valid = (np.abs(CROSS_TRACK) >= config.SWATH_NEAR) & (np.abs(CROSS_TRACK) <= config.SWATH_FAR)
    ocean_mask = ~is_land

    f = {}
    # --- truth: the real ocean (DUACS L4 SSHA, bicubic) + the analytic eddies
    bg = background.fields(static["stencil"], background.time_mapping(orbit_name, cycle, pass_number))
    h, he, hn = static["eddies"]
    f["ssha_eddies"] = h
    f["ssha_l4"] = bg["ssha"]
    f["ssha_true"] = bg["ssha"] + h
    f["ugosa_true"], f["vgosa_true"] = ocean.geostrophy(bg["ssha_e"] + he, bg["ssha_n"] + hn, lat)
    f["mdt"] = bg["mdt"]
    f["ugos_true"], f["vgos_true"] = ocean.geostrophy(bg["ssha_e"] + he + bg["mdt_e"], bg["ssha_n"] + hn + bg["mdt_n"],
                                                      lat)

    # --- geophysical fields
    f["geoid"] = static["geoid"]
    f["mss"] = f["geoid"] + f["mdt"]
    f["mss_dtu"] = f["mss"] + 0.02 * np.sin(np.radians(3 * lon)) * np.cos(np.radians(lat))
    tt = t[:, None]
    f["ocean_tide"] = ocean.ocean_tide(lon, lat, tt)
    f["load_tide"] = 0.06 * f["ocean_tide"]
    f["solid_earth_tide"] = ocean.solid_earth_tide(lon, lat, tt)
    f["internal_tide"] = ocean.internal_tide(lon, lat, tt)
    f["pole_tide"] = static["pole_tide"]
    f["dac"] = ocean.dac(lon, lat, tt)
    f["model_wet_tropo"] = static["model_wet_tropo"]
    f["model_dry_tropo"] = static["model_dry_tropo"]
    f["iono"] = ocean.iono(lon, lat, tt)
    wu, wv, ws = ocean.wind(lon, lat, tt)
    f["wind_u_model"], f["wind_v_model"], f["wind_model"] = wu, wv, ws
    f["swh_model"] = ocean.swh(lon, lat, tt)
    f["distance_to_coast"] = dist_coast
    f["heading_to_coast"] = heading_coast

    # --- measurements (noise)
    rn = rng(orbit_name, cycle, pass_number, "karin_noise")
    sigma = ocean.noise_profile(CROSS_TRACK, config.NOISE["sigma_2km"])[None, :]
    noise = rn.standard_normal((nl, npx)) * sigma
    f["karin_noise"] = noise
    f["karin_sigma"] = np.broadcast_to(sigma, (nl, npx))
    rx = rng(orbit_name, cycle, pass_number, "xover")
    a = ocean.smooth_random(rx, nl, config.XOVER["correlation_lines"], config.XOVER["amplitude"])
    b = ocean.smooth_random(rx, nl, config.XOVER["correlation_lines"], config.XOVER["amplitude"])
    xs = CROSS_TRACK / config.SWATH_FAR
    f["xover_error"] = a[:, None] * xs[None, :] + b[:, None] * xs[None, :] ** 2
    rm = rng(orbit_name, cycle, pass_number, "misc")
    f["rad_wet_tropo"] = np.minimum(f["model_wet_tropo"] + 0.008 * ocean.smooth_random(rm, nl, 60, 1.0)[:, None], -0.001)
    f["swh"] = np.clip(f["swh_model"] + 0.1 * rm.standard_normal((nl, npx)), 0.05, None)
    f["wind_karin"] = np.clip(ws + 0.3 * rm.standard_normal((nl, npx)), 0.0, None)
    f["sig0"] = ocean.sigma0_from_wind(ws) * (1 + 0.002 * rm.standard_normal((nl, npx)))
    f["sig0_2"] = f["sig0"] * 1.02
    f["wind_karin_2"] = ocean.wind_from_sigma0(f["sig0_2"])
    f["ssb"] = -0.035 * f["swh"]
    f["ssb_2"] = -0.036 * f["swh"]

    # --- flags: ice, rain, corruption
    ice = np.zeros((nl, npx), dtype=np.uint8)
    ice[(lat < -63.0) | (lat > 72.0)] = 1
    ice[(lat < -66.0) | (lat > 74.0)] = 2
    ice[is_land] = 0
    rr = rng(orbit_name, cycle, pass_number, "rain")
    rain = np.zeros((nl, npx), dtype=np.uint8)
    ocean_lines = np.mean(ocean_mask[:, valid], axis=1) > 0.95
    candidates = np.nonzero(ocean_lines & (np.abs(geo.lat_nadir) < 60))[0]
    for _ in range(3):
        if len(candidates) == 0:
            break
        c_line = int(rr.choice(candidates))
        c_pix = int(rr.integers(4, 65))
        radius = rr.uniform(8.0, 20.0)  # in 2 km lines/pixels
        d = np.hypot(np.arange(nl)[:, None] - c_line, np.arange(npx)[None, :] - c_pix)
        rain[d < radius] = 1
        rain[d < radius / 2] = 2
    rain[is_land] = 0

    rc = rng(orbit_name, cycle, pass_number, "corruption")
    near_eddy = np.zeros(nl, dtype=bool)
    for _, lon0, lat0, length, _ in config.EDDIES:
        d, _ = orbit.great_circle(geo.lon_nadir, geo.lat_nadir, lon0, lat0)
        near_eddy |= d < 3.0 * length + 100e3
    (s0, s1), missing = _choose_blocks(rc, ocean_lines & (ice.max(axis=1) == 0) & ~near_eddy, nl)
    spikes = np.zeros((nl, npx), dtype=bool)
    block = spikes[s0: s1 + 1]
    block[:] = (rc.random(block.shape) < 0.25) & valid[None, :]
    spike_values = np.where(spikes, rc.choice([-1.0, 1.0], size=(nl, npx)) * rc.uniform(0.5, 3.0, size=(nl, npx)), 0.0)
    f["spikes"] = spike_values
    corruption = Corruption((s0, s1), spikes, tuple(int(i) for i in missing))
    return Scene(orbit_name, cycle, pass_number, geo, f, is_land, valid, corruption, ice, rain)


def nadir_samples(scene: Scene, l3: bool = True) -> np.ndarray:
    """Line indices (L3 numbering) of the 1 Hz nadir altimeter samples kept in the L3 product:
    over ocean, outside missing lines and spike blocks."""
    t = scene.geo.time[L3_SLICE]
    first = np.ceil(t[0])
    times = np.arange(first, t[-1], 1.0)
    lines = np.round((times - t[0]) / (t[1] - t[0])).astype(np.int64)
    lines = lines[(lines >= 0) & (lines < config.L3_NUM_LINES)]
    l2 = lines + config.L2_EXTRA_LINES
    bad = np.zeros(scene.shape[0], dtype=bool)
    bad[list(scene.corruption.missing_lines)] = True
    s0, s1 = scene.corruption.spike_lines
    bad[s0: s1 + 1] = True
    keep = ~scene.land[l2, config.NADIR_PIXEL] & ~bad[l2] & (scene.ice[l2, config.NADIR_PIXEL] == 0)
    return lines[keep]
