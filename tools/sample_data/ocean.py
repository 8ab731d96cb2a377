"""The analytic part of the ocean truth and the smooth geophysical fields around it.

* Eddies: sum of Gaussian eddies ``h0 exp(-r^2 / L^2)`` (``config.EDDIES``), r the
  great-circle distance on the sphere R = 6371008.8 m, with their exact gradient. They are
  added to the real ocean of ``background.py`` (DUACS L4 SSHA).
* Geostrophic velocities: u = -g/f dh/dn, v = g/f dh/de with f = 2 Omega sin(lat), from
  exact east / north gradients; NaN where |lat| < ``config.EQUATOR_BAND``.

Everything else (mean sea surface, geoid, tides, corrections, sigma0, waves,
wind) is a smooth analytic function of position and time plus, for measured
quantities, seeded noise. None of it is physics; all of it is within the valid
ranges of the product specifications.
"""
from __future__ import annotations

import numpy as np

from . import config

G = config.GRAVITY
OMEGA = config.OMEGA
R = config.R_EARTH


def eddy_field(lon: np.ndarray, lat: np.ndarray, eddies=config.EDDIES):
    """SSHA (m) and its gradient (dh/de, dh/dn in m/m) at the points."""
    phi = np.radians(lat)
    h = np.zeros(np.shape(lon))
    he = np.zeros(np.shape(lon))
    hn = np.zeros(np.shape(lon))
    for _, lon0, lat0, length, h0 in eddies:
        phi0 = np.radians(lat0)
        # quick reject: points farther than 8 L contribute < exp(-64)
        dlat = np.abs(lat - lat0)
        near = dlat < np.degrees(8 * length / R)
        if not np.any(near):
            continue
        dl = np.radians(lon0 - lon[near])
        p = phi[near]
        a = np.sin((phi0 - p) / 2) ** 2 + np.cos(p) * np.cos(phi0) * np.sin(dl / 2) ** 2
        r = 2 * R * np.arcsin(np.sqrt(np.clip(a, 0.0, 1.0)))
        beta = np.arctan2(np.sin(dl) * np.cos(phi0), np.cos(p) * np.sin(phi0) - np.sin(p) * np.cos(phi0) * np.cos(dl))
        e = h0 * np.exp(-((r / length) ** 2))
        g = 2.0 * r * e / length**2  # |grad h|, pointing to the centre for h0 > 0
        h[near] += e
        he[near] += g * np.sin(beta)
        hn[near] += g * np.cos(beta)
    return h, he, hn


def geostrophy(he: np.ndarray, hn: np.ndarray, lat: np.ndarray):
    """u, v (m/s) from the gradient of a height field; NaN in the equatorial band
    |lat| < ``config.EQUATOR_BAND`` where geostrophy fails."""
    f = 2.0 * OMEGA * np.sin(np.radians(lat))
    band = np.abs(lat) < config.EQUATOR_BAND
    safe = np.where(band, 1.0, f)
    u = np.where(band, np.nan, -G * hn / safe)
    v = np.where(band, np.nan, G * he / safe)
    return u, v


def geoid(lon, lat):
    phi, lam = np.radians(lat), np.radians(lon)
    return (-12.0 + 32.0 * np.sin(2 * phi) * np.cos(lam - 0.6) + 21.0 * np.cos(phi) ** 2 * np.cos(3 * lam + 1.1)
            - 18.0 * np.sin(phi) ** 2 + 9.0 * np.sin(4 * phi + lam))


def ocean_tide(lon, lat, time):
    """Geocentric ocean tide (m): M2 + K1-like waves."""
    phi, lam = np.radians(lat), np.radians(lon)
    w_m2 = 2 * np.pi / (12.4206012 * 3600)
    w_k1 = 2 * np.pi / (23.9344696 * 3600)
    t = np.asarray(time)[..., None] if np.ndim(time) == 1 and np.ndim(lon) == 2 else time
    return (0.45 * np.cos(phi) ** 2 * np.cos(w_m2 * t - 2 * lam + 1.3 * np.sin(phi))
            + 0.12 * np.sin(2 * phi) * np.cos(w_k1 * t - lam + 0.4))


def solid_earth_tide(lon, lat, time):
    phi, lam = np.radians(lat), np.radians(lon)
    w = 2 * np.pi / (12.4206012 * 3600)
    t = np.asarray(time)[..., None] if np.ndim(time) == 1 and np.ndim(lon) == 2 else time
    return 0.18 * np.cos(phi) ** 2 * np.cos(w * t - 2 * lam) - 0.03 * (3 * np.sin(phi) ** 2 - 1)


def internal_tide(lon, lat, time):
    """Coherent internal tide (m): short (150 km) waves, a few cm."""
    phi, lam = np.radians(lat), np.radians(lon)
    w = 2 * np.pi / (12.4206012 * 3600)
    t = np.asarray(time)[..., None] if np.ndim(time) == 1 and np.ndim(lon) == 2 else time
    k = 2 * np.pi * R / 150e3
    return 0.015 * np.cos(phi) * np.cos(w * t - k * (np.cos(0.5) * phi + np.sin(0.5) * lam * np.cos(phi)))


def pole_tide(lon, lat):
    phi, lam = np.radians(lat), np.radians(lon)
    return 0.004 * np.sin(2 * phi) * np.cos(lam - 1.0)


def dac(lon, lat, time):
    """Dynamic atmospheric correction (m), +-10 cm, slowly varying."""
    phi, lam = np.radians(lat), np.radians(lon)
    t = np.asarray(time)[..., None] if np.ndim(time) == 1 and np.ndim(lon) == 2 else time
    days = t / 86400.0
    return 0.06 * np.sin(3 * lam + 0.9 * days) * np.cos(phi) ** 2 + 0.03 * np.cos(4 * phi - 0.3 * days)


def wet_tropo(lon, lat):
    """Model wet troposphere correction (m, negative)."""
    phi, lam = np.radians(lat), np.radians(lon)
    return -(0.04 + 0.22 * np.cos(phi) ** 4 * (0.75 + 0.25 * np.sin(2 * lam + 0.5)))


def dry_tropo(lon, lat):
    phi = np.radians(lat)
    return -2.29 - 0.012 * np.cos(2 * phi)


def iono(lon, lat, time):
    phi, lam = np.radians(lat), np.radians(lon)
    t = np.asarray(time)[..., None] if np.ndim(time) == 1 and np.ndim(lon) == 2 else time
    local = (t / 86400.0 * 2 * np.pi + lam) % (2 * np.pi)
    return -(0.002 + 0.006 * np.cos(phi) ** 2 * (1 + np.cos(local - np.pi)) / 2)


def wind(lon, lat, time):
    """Wind components (m/s) and speed."""
    phi, lam = np.radians(lat), np.radians(lon)
    t = np.asarray(time)[..., None] if np.ndim(time) == 1 and np.ndim(lon) == 2 else time
    days = t / 86400.0
    u = 7.0 * np.sin(2 * phi) ** 2 * np.sign(np.abs(lat) - 30.0) + 2.5 * np.sin(5 * lam + 0.7 * days + 3 * phi)
    v = 3.0 * np.cos(4 * lam - 0.5 * days) * np.cos(phi)
    return u, v, np.hypot(u, v)


def swh(lon, lat, time):
    phi, lam = np.radians(lat), np.radians(lon)
    t = np.asarray(time)[..., None] if np.ndim(time) == 1 and np.ndim(lon) == 2 else time
    days = t / 86400.0
    return 1.2 + 2.6 * np.sin(phi) ** 2 + 0.8 * (1 + np.sin(3 * lam - 0.4 * days + 2 * phi))


def sigma0_from_wind(speed):
    """Ka-band near-nadir sigma0 (linear) decreasing with wind speed (a made-up, monotonic law)."""
    db = 16.0 - 0.45 * np.clip(speed, 0.0, 30.0)
    return 10.0 ** (db / 10.0)


def wind_from_sigma0(sig0):
    db = 10.0 * np.log10(np.clip(sig0, 1e-3, None))
    return np.clip((16.0 - db) / 0.45, 0.0, 60.0)


def noise_profile(cross_track_m: np.ndarray, sigma: float) -> np.ndarray:
    """Standard deviation of the KaRIn noise across the swath (m)."""
    x = np.abs(cross_track_m) / 1000.0
    return sigma * (1.0 + config.NOISE["shape"] * ((x - 35.0) / 25.0) ** 2)


def smooth_random(rng: np.random.Generator, n: int, correlation: float, amplitude: float) -> np.ndarray:
    """Smooth random series (Gaussian-filtered white noise) of a given std and correlation length."""
    half = int(3 * correlation)
    w = np.exp(-0.5 * (np.arange(-half, half + 1) / correlation) ** 2)
    w /= np.sqrt(np.sum(w**2))
    x = rng.standard_normal(n + 2 * half)
    return amplitude * np.convolve(x, w, mode="valid")[:n]
