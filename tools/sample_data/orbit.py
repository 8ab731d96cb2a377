"""Ground tracks and the 2 km / 250 m swath grids from the SWOT ephemerides.

The ephemerides (CNES/swot_simulator, 30 s steps, longitude/latitude/height in
the terrestrial frame) are interpolated with a 4-point Lagrange polynomial on
unit vectors; the swath is built on the sphere (R = 6371008.8 m): pixel
``x`` metres to the right of the track lies on the great circle through nadir
perpendicular to the track.

Pass numbering
--------------
* Science orbit (584 half-orbits per cycle, first ``cycle_duration`` of the
  file only): pass 1 is the ascending half-orbit whose equator crossing is
  nearest to 0.11 deg E; odd passes ascend. A pass starts at the southern
  (odd) or northern (even) latitude extremum.
* Cal/val orbit (28 half-orbits per cycle): swot_simulator's convention, pass 1
  starts at the first southern extremum of the file (not checked against real
  granules).

Timing
------
UTC start of pass p of cycle c = ``anchor + n * half_orbit`` with n the number
of half-orbits since the anchor granule. The constants were fitted on real
granule names (see ``config.py``); line k of a pass is at
``start + k * half_orbit / 9859`` (9860 lines per half-orbit, as in the real
L3 granule where line 9859 is at the next pass's start).
"""
from __future__ import annotations

import dataclasses
import pathlib

import numpy as np

from . import config

R_EARTH = config.R_EARTH


def lonlat_to_xyz(lon_deg: np.ndarray, lat_deg: np.ndarray) -> np.ndarray:
    lon = np.radians(lon_deg)
    lat = np.radians(lat_deg)
    cl = np.cos(lat)
    return np.stack([cl * np.cos(lon), cl * np.sin(lon), np.sin(lat)], axis=-1)


def xyz_to_lonlat(xyz: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    x, y, z = xyz[..., 0], xyz[..., 1], xyz[..., 2]
    lon = np.degrees(np.arctan2(y, x)) % 360.0
    lat = np.degrees(np.arctan2(z, np.hypot(x, y)))
    return lon, lat


@dataclasses.dataclass(frozen=True)
class Ephemeris:
    """One orbit ephemeris with its pass (half-orbit) boundaries."""

    name: str
    path: pathlib.Path
    cycle_duration: float  # seconds (ephemeris header)
    passes_per_cycle: int
    step: float
    t0: float
    xyz: np.ndarray  # (n, 3) unit vectors of nadir
    height: np.ndarray  # (n,) metres above the ellipsoid
    extrema: np.ndarray  # ephemeris times of the latitude extrema of the first cycle, file order
    first: int  # index in ``extrema`` of the start of pass 1

    @classmethod
    def load(cls, name: str, path: pathlib.Path) -> "Ephemeris":
        with open(path) as stream:
            header = {}
            for line in stream:
                if not line.startswith("#"):
                    break
                key, value = line[1:].split("=")
                header[key.strip()] = float(value)
        data = np.loadtxt(path, comments="#")
        t, lon, lat, height = data.T
        step = float(t[1] - t[0])
        if not np.allclose(np.diff(t), step):
            raise ValueError(f"{path}: the ephemeris is not regularly sampled")
        cycle_duration = header["cycle_duration"] * 86400.0
        passes = config.ORBITS[name]["passes_per_cycle"]
        extrema = _latitude_extrema(t, lat, cycle_duration)
        if len(extrema) != passes:
            raise ValueError(f"{path}: {len(extrema)} half-orbits in one cycle, expected {passes}")
        if name == "science":
            first = _science_pass1(t, lon, lat, extrema, config.ORBITS[name]["pass1_equator_lon"])
        else:
            first = next(i for i, (_, lat_ext) in enumerate(extrema) if lat_ext < 0)
        return cls(
            name=name,
            path=path,
            cycle_duration=cycle_duration,
            passes_per_cycle=passes,
            step=step,
            t0=float(t[0]),
            xyz=lonlat_to_xyz(lon, lat),
            height=height,
            extrema=np.array([e[0] for e in extrema]),
            first=first,
        )

    def pass_bounds(self, pass_number: int) -> tuple[float, float]:
        """Ephemeris times of the start and end (next extremum) of a pass."""
        j = (self.first + pass_number - 1) % self.passes_per_cycle
        end = self.extrema[j + 1] if j + 1 < len(self.extrema) else self.extrema[0] + self.cycle_duration
        return float(self.extrema[j]), float(end)

    def interpolate(self, te: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Nadir unit vector, its time derivative (1/s) and height at ephemeris times ``te``."""
        te = np.asarray(te, dtype=np.float64)
        # repeat orbit: beyond the end of the file, use the same point one cycle earlier
        t_end = self.t0 + (len(self.xyz) - 1) * self.step
        te = np.where(te > t_end - 2 * self.step, te - self.cycle_duration, te)
        te = np.where(te < self.t0 + self.step, te + self.cycle_duration, te)
        u = (te - self.t0) / self.step
        i = np.floor(u).astype(np.int64)
        if i.min() < 1 or i.max() + 2 >= len(self.xyz):
            raise ValueError(f"{self.name}: time outside the ephemeris")
        f = u - i
        # 4-point Lagrange on nodes -1, 0, 1, 2 and its derivative.
        w = np.stack([-f * (f - 1) * (f - 2) / 6, (f + 1) * (f - 1) * (f - 2) / 2,
                      -(f + 1) * f * (f - 2) / 2, (f + 1) * f * (f - 1) / 6], axis=-1)
        dw = np.stack([-(3 * f * f - 6 * f + 2) / 6, (3 * f * f - 4 * f - 1) / 2,
                       -(3 * f * f - 2 * f - 2) / 2, (3 * f * f - 1) / 6], axis=-1) / self.step
        nodes = i[:, None] + np.arange(-1, 3)[None, :]
        p = np.einsum("nk,nkc->nc", w, self.xyz[nodes])
        dp = np.einsum("nk,nkc->nc", dw, self.xyz[nodes])
        h = np.einsum("nk,nk->n", w, self.height[nodes])
        norm = np.linalg.norm(p, axis=-1, keepdims=True)
        p = p / norm
        dp = dp / norm
        dp = dp - np.sum(dp * p, axis=-1, keepdims=True) * p
        return p, dp, h


def _latitude_extrema(t, lat, cycle_duration):
    """(time, latitude) of the latitude extrema in the first cycle, refined by a parabola."""
    inside = np.nonzero(t < cycle_duration)[0]
    lt = lat[inside]
    d = np.diff(lt)
    idx = np.nonzero(np.sign(d[1:]) != np.sign(d[:-1]))[0] + 1
    step = t[1] - t[0]
    out = []
    for i in idx:
        y0, y1, y2 = lat[i - 1], lat[i], lat[i + 1]
        den = y0 - 2 * y1 + y2
        off = 0.5 * (y0 - y2) / den
        out.append((float(t[i] + off * step), float(y1 - 0.25 * (y0 - y2) * off)))
    return out


def _science_pass1(t, lon, lat, extrema, equator_lon):
    """Index (in ``extrema``) of the southern extremum starting the ascending arc crossing the
    equator nearest to ``equator_lon``."""
    best = None
    for k, (te, lat_ext) in enumerate(extrema):
        if lat_ext >= 0:
            continue
        t_end = extrema[k + 1][0] if k + 1 < len(extrema) else te + 4000.0
        sel = np.nonzero((t >= te) & (t <= t_end))[0]
        j = sel[np.nonzero((lat[sel[:-1]] < 0) & (lat[sel[1:]] >= 0))[0]]
        if len(j) == 0:
            continue
        j = j[0]
        a = -lat[j] / (lat[j + 1] - lat[j])
        dl = (lon[j + 1] - lon[j] + 180.0) % 360.0 - 180.0
        lon_eq = (lon[j] + a * dl) % 360.0
        dist = abs((lon_eq - equator_lon + 180.0) % 360.0 - 180.0)
        if best is None or dist < best[0]:
            best = (dist, k)
    return best[1]


@dataclasses.dataclass(frozen=True)
class PassTiming:
    orbit: str
    cycle: int
    pass_number: int
    start: float  # UTC seconds since 2000-01-01 of line 0 (the latitude extremum)
    line_step: float  # seconds between lines of the 2 km grid


def pass_timing(orbit: str, cycle: int, pass_number: int) -> PassTiming:
    spec = config.ORBITS[orbit]
    n = (cycle - spec["anchor_cycle"]) * spec["passes_per_cycle"] + (pass_number - spec["anchor_pass"])
    start = spec["anchor_start"] + n * spec["half_orbit"]
    return PassTiming(orbit, cycle, pass_number, start, spec["half_orbit"] / (config.L3_NUM_LINES - 1))


@dataclasses.dataclass
class SwathGeometry:
    """Positions of a swath: lines x pixels, plus the nadir track."""

    time: np.ndarray  # (nl,) UTC seconds since 2000-01-01
    lon: np.ndarray  # (nl, np) degrees in [0, 360), quantized to 1e-6
    lat: np.ndarray  # (nl, np) degrees, quantized to 1e-6
    lon_nadir: np.ndarray  # (nl,)
    lat_nadir: np.ndarray
    heading: np.ndarray  # (nl,) azimuth of the track, degrees clockwise from north, [0, 360)
    altitude: np.ndarray  # (nl,) metres
    cross_track: np.ndarray  # (np,) metres, negative on the left


def swath(eph: Ephemeris, timing: PassTiming, lines: np.ndarray, cross_track_m: np.ndarray) -> SwathGeometry:
    """Swath grid at (fractional) line indices ``lines`` of the 2 km grid of one pass."""
    te0, te1 = eph.pass_bounds(timing.pass_number)
    scale = (te1 - te0) / (timing.line_step * (config.L3_NUM_LINES - 1))
    lines = np.asarray(lines, dtype=np.float64)
    tau = lines * timing.line_step
    nadir, velocity, height = eph.interpolate(te0 + tau * scale)
    along = velocity / np.linalg.norm(velocity, axis=-1, keepdims=True)
    right = np.cross(along, nadir)
    ang = np.asarray(cross_track_m, dtype=np.float64) / R_EARTH
    xyz = (np.cos(ang)[None, :, None] * nadir[:, None, :] + np.sin(ang)[None, :, None] * right[:, None, :])
    lon, lat = xyz_to_lonlat(xyz)
    lon_n, lat_n = xyz_to_lonlat(nadir)
    # azimuth of the track: components of ``along`` on the local east / north unit vectors
    lam = np.radians(lon_n)
    phi = np.radians(lat_n)
    east = np.stack([-np.sin(lam), np.cos(lam), np.zeros_like(lam)], axis=-1)
    north = np.stack([-np.sin(phi) * np.cos(lam), -np.sin(phi) * np.sin(lam), np.cos(phi)], axis=-1)
    heading = np.degrees(np.arctan2(np.sum(along * east, -1), np.sum(along * north, -1))) % 360.0
    return SwathGeometry(
        time=timing.start + tau,
        lon=quantize_lon(lon),
        lat=np.round(lat * 1e6) / 1e6,
        lon_nadir=quantize_lon(lon_n),
        lat_nadir=np.round(lat_n * 1e6) / 1e6,
        heading=heading,
        altitude=height,
        cross_track=np.asarray(cross_track_m, dtype=np.float64),
    )


def quantize_lon(lon: np.ndarray) -> np.ndarray:
    """Longitudes rounded to 1e-6 deg in [0, 360) (359.9999996 becomes 0, not 360)."""
    q = np.round(np.asarray(lon) * 1e6) % 360_000_000
    return q / 1e6


def great_circle(lon1, lat1, lon2, lat2):
    """Distance (m) and initial bearing (deg from north) from point 1 to point 2 on the sphere."""
    p1, p2 = np.radians(lat1), np.radians(lat2)
    dl = np.radians(np.asarray(lon2) - np.asarray(lon1))
    a = np.sin((p2 - p1) / 2) ** 2 + np.cos(p1) * np.cos(p2) * np.sin(dl / 2) ** 2
    dist = 2 * R_EARTH * np.arcsin(np.sqrt(np.clip(a, 0.0, 1.0)))
    bearing = np.arctan2(np.sin(dl) * np.cos(p2), np.cos(p1) * np.sin(p2) - np.sin(p1) * np.cos(p2) * np.cos(dl))
    return dist, np.degrees(bearing) % 360.0
