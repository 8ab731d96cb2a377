"""Land mask and distance to the coast from Natural Earth's 1:50m land polygons.

The polygons come from the npm package ``world-atlas`` (``land-50m.json``,
TopoJSON). The arcs are decoded here (quantized, delta-encoded), the
point-in-polygon test is the even-odd rule on a horizontal ray:

* a raster (1/16 deg) is filled row by row from the crossings of the rings with
  each row's centre latitude;
* cells crossed by a coastline (and their neighbours) are "mixed": points in
  them get the exact even-odd test against the edges of their latitude band.

The distance to the coast is the great-circle distance to the nearest coastline
vertex (vertices densified to <= 2 km), computed on a sub-grid of the swath and
interpolated: "approximate", like the product's own variable.
"""
from __future__ import annotations

import functools
import json
import pathlib

import numpy as np

from . import config

RES = 16  # raster cells per degree


def decode_topojson(path: pathlib.Path) -> list[np.ndarray]:
    """Rings (closed, lon/lat degrees) of every polygon of the first object of a TopoJSON file."""
    topo = json.loads(pathlib.Path(path).read_text())
    sx, sy = topo["transform"]["scale"]
    tx, ty = topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        q = np.cumsum(np.asarray(arc, dtype=np.int64), axis=0)
        arcs.append(np.column_stack([q[:, 0] * sx + tx, q[:, 1] * sy + ty]))
    obj = next(iter(topo["objects"].values()))
    geometries = obj["geometries"] if obj["type"] == "GeometryCollection" else [obj]
    rings = []
    for geom in geometries:
        polygons = geom["arcs"] if geom["type"] == "MultiPolygon" else [geom["arcs"]]
        for polygon in polygons:
            for ring in polygon:
                parts = []
                for k, index in enumerate(ring):
                    a = arcs[index] if index >= 0 else arcs[~index][::-1]
                    parts.append(a if k == 0 else a[1:])
                rings.append(np.concatenate(parts))
    return rings


def unwrap_ring(ring: np.ndarray) -> np.ndarray:
    """Longitudes made continuous along the ring (TopoJSON rings cross the antimeridian)."""
    out = ring.copy()
    out[:, 0] = np.degrees(np.unwrap(np.radians(ring[:, 0])))
    return out


def planar_rings(rings: list[np.ndarray]) -> list[np.ndarray]:
    """Rings for a planar even-odd test in longitude [-180, 180): continuous longitudes, rings
    around a pole closed through the pole, and copies shifted by +-360 deg of rings that leave
    [-180, 180]."""
    out = []
    for ring in rings:
        if ring[:, 1].max() < -89.9 or ring[:, 1].min() > 89.9:
            continue  # tiny rings at the poles: no horizontal ray below |lat| 89.9 meets them
        r = unwrap_ring(ring)
        turn = r[-1, 0] - r[0, 0]
        if abs(turn) > 180.0:  # encircles a pole: close it through the nearest pole
            pole = -90.0 if r[:, 1].mean() < 0 else 90.0
            r = np.vstack([r, [[r[-1, 0], pole], [r[0, 0], pole]], r[:1]])
        out.append(r)
        if r[:, 0].min() < -180.0:
            out.append(r + [360.0, 0.0])
        if r[:, 0].max() > 180.0:
            out.append(r - [360.0, 0.0])
    return out


class LandMask:
    """Even-odd point-in-polygon test on the land polygons, vectorised."""

    def __init__(self, rings: list[np.ndarray]):
        rings = planar_rings(rings)
        starts = np.concatenate([r[:-1] for r in rings])
        ends = np.concatenate([r[1:] for r in rings])
        keep = starts[:, 1] != ends[:, 1]  # horizontal edges never cross a horizontal ray
        self.x1, self.y1 = starts[keep, 0], starts[keep, 1]
        self.x2, self.y2 = ends[keep, 0], ends[keep, 1]
        self.ymin = np.minimum(self.y1, self.y2)
        self.ymax = np.maximum(self.y1, self.y2)
        self.nrows, self.ncols = 180 * RES, 360 * RES
        self._build_raster(rings)
        self._build_buckets()

    def _row_crossings(self):
        """(row, x) of every crossing of an edge with a row centre latitude."""
        yc0 = -90.0 + 0.5 / RES
        r0 = np.ceil((self.ymin - yc0) * RES).astype(np.int64)
        r1 = np.ceil((self.ymax - yc0) * RES).astype(np.int64)  # exclusive: y < ymax
        count = np.clip(r1 - r0, 0, None)
        edge = np.repeat(np.arange(len(count)), count)
        rows = r0[edge] + (np.arange(count.sum()) - np.repeat(np.cumsum(count) - count, count))
        # even-odd convention: an edge counts at y if ymin <= y < ymax
        y = yc0 + rows / RES
        ok = (y >= self.ymin[edge]) & (y < self.ymax[edge]) & (rows >= 0) & (rows < self.nrows)
        edge, rows, y = edge[ok], rows[ok], y[ok]
        x = self.x1[edge] + (y - self.y1[edge]) * (self.x2[edge] - self.x1[edge]) / (self.y2[edge] - self.y1[edge])
        return rows, x

    def _build_raster(self, rings):
        rows, x = self._row_crossings()
        # first column whose centre is right of the crossing
        col = np.ceil((x + 180.0) * RES - 0.5).astype(np.int64)
        col = np.clip(col, 0, self.ncols)
        toggles = np.zeros((self.nrows, self.ncols + 1), dtype=np.int32)
        np.add.at(toggles, (rows, col), 1)
        self.raster = (np.cumsum(toggles, axis=1)[:, : self.ncols] % 2).astype(bool)
        # mixed cells: every cell a coastline passes through (edges sampled at 1/4 cell), dilated
        mixed = np.zeros((self.nrows, self.ncols), dtype=bool)
        for ring in rings:
            seg = np.diff(ring, axis=0)
            n = np.maximum(1, np.ceil(np.abs(seg).max(axis=1) * RES * 4)).astype(np.int64)
            k = np.repeat(np.arange(len(seg)), n)
            f = (np.arange(n.sum()) - np.repeat(np.cumsum(n) - n, n)) / n[k]
            pts = ring[:-1][k] + f[:, None] * seg[k]
            pts = np.vstack([pts, ring[-1:]])
            c = np.clip(np.floor((pts[:, 0] + 180.0) * RES).astype(np.int64), 0, self.ncols - 1)
            r = np.clip(np.floor((pts[:, 1] + 90.0) * RES).astype(np.int64), 0, self.nrows - 1)
            mixed[r, c] = True
        grown = mixed.copy()
        grown[1:] |= mixed[:-1]
        grown[:-1] |= mixed[1:]
        g2 = grown.copy()
        g2[:, 1:] |= grown[:, :-1]
        g2[:, :-1] |= grown[:, 1:]
        g2[:, 0] |= grown[:, -1]
        g2[:, -1] |= grown[:, 0]
        self.mixed = g2

    def _build_buckets(self):
        """Edges grouped by raster row band [y_r, y_r + 1/RES) they intersect."""
        r0 = np.clip(np.floor((self.ymin + 90.0) * RES).astype(np.int64), 0, self.nrows - 1)
        r1 = np.clip(np.floor((self.ymax + 90.0) * RES).astype(np.int64), 0, self.nrows - 1)
        count = r1 - r0 + 1
        edge = np.repeat(np.arange(len(count)), count)
        rows = r0[edge] + (np.arange(count.sum()) - np.repeat(np.cumsum(count) - count, count))
        order = np.argsort(rows, kind="stable")
        self.bucket_edges = edge[order]
        self.bucket_start = np.searchsorted(rows[order], np.arange(self.nrows + 1))

    def contains(self, lon: np.ndarray, lat: np.ndarray) -> np.ndarray:
        """True over land. ``lon`` in any convention, degrees."""
        shape = np.shape(lon)
        x = ((np.ravel(lon) + 180.0) % 360.0) - 180.0
        y = np.ravel(lat).astype(np.float64)
        col = np.clip(np.floor((x + 180.0) * RES).astype(np.int64), 0, self.ncols - 1)
        row = np.clip(np.floor((y + 90.0) * RES).astype(np.int64), 0, self.nrows - 1)
        out = self.raster[row, col].copy()
        exact = np.nonzero(self.mixed[row, col])[0]
        if len(exact):
            order = exact[np.argsort(row[exact], kind="stable")]
            rows = row[order]
            bounds = np.flatnonzero(np.diff(rows)) + 1
            for group in np.split(order, bounds):
                r = row[group[0]]
                e = self.bucket_edges[self.bucket_start[r]: self.bucket_start[r + 1]]
                if len(e) == 0:
                    out[group] = False
                    continue
                px, py = x[group][:, None], y[group][:, None]
                y1, y2 = self.y1[e][None, :], self.y2[e][None, :]
                x1, x2 = self.x1[e][None, :], self.x2[e][None, :]
                spans = (py >= np.minimum(y1, y2)) & (py < np.maximum(y1, y2))
                with np.errstate(divide="ignore", invalid="ignore"):
                    xc = x1 + (py - y1) * (x2 - x1) / (y2 - y1)
                out[group] = (np.count_nonzero(spans & (xc > px), axis=1) % 2).astype(bool)
        return out.reshape(shape)


class Coast:
    """Nearest coastline vertex (distance and heading) by brute force on a sub-grid."""

    def __init__(self, rings: list[np.ndarray], spacing_m: float = 4000.0):
        pts = []
        step_deg = spacing_m / config.R_EARTH * 180.0 / np.pi
        for ring in rings:
            ring = unwrap_ring(ring)
            seg = np.diff(ring, axis=0)
            seg[:, 0] *= np.cos(np.radians(ring[:-1, 1]))
            n = np.maximum(1, np.ceil(np.hypot(seg[:, 0], seg[:, 1]) / step_deg)).astype(np.int64)
            k = np.repeat(np.arange(len(seg)), n)
            f = (np.arange(n.sum()) - np.repeat(np.cumsum(n) - n, n)) / n[k]
            d = np.diff(ring, axis=0)
            pts.append(ring[:-1][k] + f[:, None] * d[k])
        pts = np.concatenate(pts)
        pts[:, 0] = (pts[:, 0] + 180.0) % 360.0 - 180.0
        pts = pts[pts[:, 1] > -89.9]  # the ring around the south pole is no coast
        self.lon, self.lat = pts[:, 0], pts[:, 1]
        lam, phi = np.radians(self.lon), np.radians(self.lat)
        self.xyz = np.column_stack([np.cos(phi) * np.cos(lam), np.cos(phi) * np.sin(lam), np.sin(phi)]).astype(np.float32)

    def nearest(self, lon: np.ndarray, lat: np.ndarray, block: int = 512) -> tuple[np.ndarray, np.ndarray]:
        """Distance (m) and compass heading (deg) from each point to its nearest coastline vertex.

        Points are processed in blocks of consecutive points (give them in a spatially coherent
        order): only the vertices that can be nearest to a point of the block are compared.
        """
        shape = np.shape(lon)
        lon_f, lat_f = np.ravel(lon).astype(np.float64), np.ravel(lat).astype(np.float64)
        lam, phi = np.radians(lon_f), np.radians(lat_f)
        q = np.column_stack([np.cos(phi) * np.cos(lam), np.cos(phi) * np.sin(lam), np.sin(phi)])
        idx = np.empty(len(q), dtype=np.int64)
        v = self.xyz.astype(np.float64)
        for s in range(0, len(q), block):
            qb = q[s: s + block]
            centre = qb.mean(axis=0)
            centre /= np.linalg.norm(centre)
            rb = np.arccos(np.clip(qb @ centre, -1.0, 1.0)).max()
            ang = np.arccos(np.clip(v @ centre, -1.0, 1.0))
            cand = np.nonzero(ang <= ang.min() + 2.0 * rb + 1e-9)[0]
            idx[s: s + block] = cand[np.argmax(qb @ v[cand].T, axis=1)]
        from .orbit import great_circle

        dist, heading = great_circle(lon_f, lat_f, self.lon[idx], self.lat[idx])
        return dist.reshape(shape), heading.reshape(shape)


@functools.lru_cache(maxsize=1)
def load(path: str = str(config.WORLD_ATLAS)) -> tuple[LandMask, Coast]:
    rings = decode_topojson(pathlib.Path(path))
    return LandMask(rings), Coast(rings)


def coast_on_grid(coast: Coast, lon: np.ndarray, lat: np.ndarray, step_lines: int = 2, step_pixels: int = 2):
    """Distance / heading to the coast on a (lines, pixels) grid: exact on a sub-grid, bilinear
    (distance) and nearest (heading) in between."""
    nl, npx = lon.shape
    li = np.unique(np.append(np.arange(0, nl, step_lines), nl - 1))
    pi = np.unique(np.append(np.arange(0, npx, step_pixels), npx - 1))
    d, h = coast.nearest(lon[np.ix_(li, pi)], lat[np.ix_(li, pi)])
    fl = np.interp(np.arange(nl), li, np.arange(len(li)))
    fp = np.interp(np.arange(npx), pi, np.arange(len(pi)))
    l0 = np.clip(np.floor(fl).astype(int), 0, len(li) - 2)
    p0 = np.clip(np.floor(fp).astype(int), 0, len(pi) - 2)
    wl = (fl - l0)[:, None]
    wp = (fp - p0)[None, :]
    dist = ((1 - wl) * (1 - wp) * d[l0][:, p0] + wl * (1 - wp) * d[l0 + 1][:, p0]
            + (1 - wl) * wp * d[l0][:, p0 + 1] + wl * wp * d[l0 + 1][:, p0 + 1])
    heading = h[np.round(fl).astype(int)][:, np.round(fp).astype(int)]
    return dist, heading
