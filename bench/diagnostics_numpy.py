"""numpy implementations of the diagnostics, timed on one full 2 km pass; the peers of
bench/ours-diagnostics.cjs:

- ``stencil`` (default): the same method (vectorised: shifted arrays, NaN-driven fallback
  from the 9-point stencil to 7/5/3/2 points);
- ``gradient``: what most users write, ``np.gradient`` (3-point centred, 2-point one-sided at
  the edges; a NaN spoils its neighbours), with the same Jacobian.

    python bench/diagnostics_numpy.py FILE.nc VARIABLE OUT.npz [stencil|gradient]
"""
import json
import sys
import time

import numpy as np
import xarray as xr

R, G, OMEGA = 6371008.8, 9.81, 7.2921159e-5
# f' = sum_s c_s (f[i+s] - f[i-s]), half-widths 4 (9 points, Arbic et al. 2012), 3, 2, 1.
STENCILS = {4: [672 / 840, -168 / 840, 32 / 840, -3 / 840], 3: [45 / 60, -9 / 60, 1 / 60], 2: [8 / 12, -1 / 12], 1: [1 / 2]}


def shift(a, s, axis):
    """a[i + s] along axis, NaN outside."""
    out = np.full_like(a, np.nan)
    src = [slice(None)] * a.ndim
    dst = [slice(None)] * a.ndim
    n = a.shape[axis]
    if s > 0:
        src[axis], dst[axis] = slice(s, n), slice(0, n - s)
    else:
        src[axis], dst[axis] = slice(0, n + s), slice(-s, n)
    out[tuple(dst)] = a[tuple(src)]
    return out


def derivative(f, axis):
    plus = {s: shift(f, s, axis) for s in range(1, 5)}
    minus = {s: shift(f, -s, axis) for s in range(1, 5)}
    out = np.full_like(f, np.nan)
    # Widest centred stencil first: a NaN anywhere in a stencil makes it NaN, so narrower ones fill in.
    for half in (4, 3, 2, 1):
        d = sum(c * (plus[s + 1] - minus[s + 1]) for s, c in enumerate(STENCILS[half]))
        np.copyto(out, d, where=np.isnan(out))
    forward = plus[1] - f
    backward = f - minus[1]
    np.copyto(out, forward, where=np.isnan(out) & np.isnan(minus[1]))
    np.copyto(out, backward, where=np.isnan(out) & np.isnan(plus[1]))
    out[np.isnan(f)] = np.nan
    return out


def gradient(f, axis):
    return np.gradient(f, axis=axis)


def diagnostics(h, lat, lon, lat_min=5.0, derivative=derivative):
    rad = np.pi / 180
    lat_x, lat_y = derivative(lat, 0), derivative(lat, 1)
    lon_x = derivative(np.unwrap(lon, period=360, axis=0), 0)
    lon_y = derivative(np.unwrap(lon, period=360, axis=1), 1)
    c = R * np.cos(lat * rad)
    ex, ey, nx, ny = c * lon_x * rad, c * lon_y * rad, R * lat_x * rad, R * lat_y * rad
    jac = ex * ny - nx * ey

    def east_north(q):
        qx, qy = derivative(q, 0), derivative(q, 1)
        return (qx * ny - qy * nx) / jac, (qy * ex - qx * ey) / jac

    f = 2 * OMEGA * np.sin(lat * rad)
    k = np.where(np.abs(lat) >= lat_min, G / f, np.nan)
    he, hn = east_north(h)
    u, v = -k * hn, k * he
    ue, un = east_north(u)
    ve, vn = east_north(v)
    zeta = ve - un
    sn, ss = ue - vn, ve + un
    low = np.abs(lat) < lat_min
    per_f = lambda x: np.where(low, np.nan, x / f)
    return {"u": u, "v": v, "vorticity": per_f(zeta), "strain": np.abs(per_f(np.sqrt(sn**2 + ss**2))), "okubo_weiss": sn**2 + ss**2 - zeta**2}


def main():
    path, variable, out = sys.argv[1:4]
    method = sys.argv[4] if len(sys.argv) > 4 else "stencil"
    d = {"stencil": derivative, "gradient": gradient}[method]
    with xr.open_dataset(path) as ds:
        h = ds[variable].values.astype("float64")
        lat = ds["latitude"].values.astype("float64")
        lon = ds["longitude"].values.astype("float64")
    times = []
    for _ in range(5):
        t0 = time.perf_counter()
        result = diagnostics(h, lat, lon, derivative=d)
        times.append(time.perf_counter() - t0)
    np.savez(out, **result)
    print(json.dumps({"seconds": sorted(times)[2], "all": times, "numpy": np.__version__, "method": method}))


if __name__ == "__main__":
    main()
