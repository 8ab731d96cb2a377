# ---
# name: Geostrophic currents, vorticity, strain, Okubo-Weiss with numpy
# description: Surface geostrophic velocities from the sea level anomaly, relative vorticity and strain (divided by f) and the Okubo-Weiss parameter, pass by pass on the swath with numpy (centred differences, east/north derivatives through the local lon/lat Jacobian), then their statistics.
# tags: [diagnostics, currents, vorticity, strain, okubo-weiss, numpy]
# ---
{{open}}
import pandas as pd

G, OMEGA, R = 9.80665, 7.2921159e-5, 6371008.8  # m/s2, rad/s, m (mean Earth radius)
variable = {{variable}}


def east_north(field, lon, lat):
    """d(field)/dx (east) and d(field)/dy (north) on the swath grid (lines, pixels), in field units per m."""
    f_l, f_p = np.gradient(field, axis=0), np.gradient(field, axis=1)
    lam = np.unwrap(np.unwrap(np.deg2rad(lon), axis=1), axis=0)  # longitude without its 360-degree jumps
    phi = np.deg2rad(lat)
    x_l, x_p = R * np.cos(phi) * np.gradient(lam, axis=0), R * np.cos(phi) * np.gradient(lam, axis=1)
    y_l, y_p = R * np.gradient(phi, axis=0), R * np.gradient(phi, axis=1)
    det = x_l * y_p - x_p * y_l
    return (f_l * y_p - f_p * y_l) / det, (x_l * f_p - x_p * f_l) / det


def geostrophy(h, lon, lat, lat_min=5.0):
    f = 2 * OMEGA * np.sin(np.deg2rad(lat))
    f = np.where(np.abs(lat) < lat_min, np.nan, f)  # no geostrophy near the equator
    h_x, h_y = east_north(h, lon, lat)
    u, v = -G / f * h_y, G / f * h_x
    u_x, u_y = east_north(u, lon, lat)
    v_x, v_y = east_north(v, lon, lat)
    zeta, normal, shear = v_x - u_y, u_x - v_y, v_x + u_y
    return {"u": u, "v": v, "speed": np.hypot(u, v), "vorticity": zeta / f,
            "strain": np.hypot(normal, shear) / f, "okubo_weiss": (normal ** 2 + shear ** 2 - zeta ** 2) / f ** 2}


height = ds[variable].where(ds["quality_flag"] == 0) if "quality_flag" in ds else ds[variable]
key = ds["cycle_number"].values.astype(int) * 1000 + ds["pass_number"].values.astype(int)
rows, fields = [], {}
for k in pd.unique(key):  # pass by pass: derivatives never span two passes
    lines = np.flatnonzero(key == k)
    d = geostrophy(height.values[lines], ds["longitude"].values[lines], ds["latitude"].values[lines])
    for name, x in d.items():
        fields.setdefault(name, []).append(x)
    rows.append({"cycle": k // 1000, "pass": k % 1000, "rms speed (m/s)": np.sqrt(np.nanmean(d["speed"] ** 2)),
                 "rms vorticity/f": np.sqrt(np.nanmean(d["vorticity"] ** 2)), "rms strain/f": np.sqrt(np.nanmean(d["strain"] ** 2)),
                 "OW < 0 (%)": 100 * np.nanmean(d["okubo_weiss"] < 0)})
diag = xr.Dataset({name: (("num_lines", "num_pixels"), np.concatenate(x)) for name, x in fields.items()},
                  coords={"latitude": ds["latitude"], "longitude": ds["longitude"]})
pd.DataFrame(rows)
