#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The map of bench/map/map-export-bench drawn with matplotlib, for timing.

Same borders (world-atlas 2.0.2 countries-50m.json, decoded here from the
TopoJSON), same projection (Equal Earth, without Antarctica), same values
(the data pack's DSR.GCI.SCORE 2021 by continent: each Belt and Road member
in its continent's value), same classes (natural breaks, 5) and colours
(viridis), drawn as filled polygons with white borders, with a title,
legend and source line, into a 1600x900 PNG.

Usage: matplotlib_map.py SOURCE_DIR OUT.png   (Debian's python3-matplotlib)
"""
import csv
import json
import math
import sys

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
from matplotlib.collections import PolyCollection  # noqa: E402
from matplotlib.patches import Patch  # noqa: E402

A1, A2, A3, A4 = 1.340264, -0.081106, 0.000893, 0.003796
M = math.sqrt(3) / 2


def equal_earth(lon, lat):
    t = np.arcsin(M * np.sin(np.radians(lat)))
    t2 = t * t
    t6 = t2 * t2 * t2
    x = 2 * math.sqrt(3) * np.radians(lon) * np.cos(t) / (3 * (9 * A4 * t6 * t2 + 7 * A3 * t6 + 3 * A2 * t2 + A1))
    y = t * (A1 + A2 * t2 + t6 * (A3 + A4 * t2))
    return x, y


def decode(path):
    topo = json.load(open(path))
    (sx, sy), (tx, ty) = topo["transform"]["scale"], topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        a = np.cumsum(np.array(arc, dtype=float), axis=0)
        arcs.append(np.column_stack((a[:, 0] * sx + tx, a[:, 1] * sy + ty)))
    features = []
    for g in topo["objects"]["countries"]["geometries"]:
        polygons = g["arcs"] if g["type"] == "MultiPolygon" else [g["arcs"]]
        rings = []
        for polygon in polygons:
            for ring in polygon:
                parts = [arcs[i] if i >= 0 else arcs[~i][::-1] for i in ring]
                rings.append(np.concatenate([parts[0]] + [p[1:] for p in parts[1:]]))
        features.append((int(g["id"]) if g.get("id", "").isdigit() else 0, rings))
    return features


def cut_antimeridian(ring):
    """Pieces of a ring that steps across 180°, each closed along it."""
    jumps = np.nonzero(np.abs(np.diff(ring[:, 0])) > 180)[0]
    if len(jumps) == 0 or len(jumps) % 2 == 1:
        return [ring]
    pieces, start = [], 0
    for j in list(jumps) + [len(ring) - 1]:
        pieces.append(ring[start:j + 1])
        start = j + 1
    # The first and last pieces are on the same side: join them.
    pieces[0] = np.concatenate([pieces[-1], pieces[0]])
    return pieces[:-1]


def natural_breaks(values, k):
    x = sorted(values)
    n = len(x)
    k = min(k, n)
    cost = [[math.inf] * (n + 1) for _ in range(k + 1)]
    back = [[0] * (n + 1) for _ in range(k + 1)]
    cost[0][0] = 0
    for c in range(1, k + 1):
        for j in range(1, n + 1):
            for i in range(c - 1, j):
                seg = x[i:j]
                m = sum(seg) / len(seg)
                total = cost[c - 1][i] + sum((v - m) ** 2 for v in seg)
                if total < cost[c][j]:
                    cost[c][j], back[c][j] = total, i
    breaks, end = [x[-1]], n
    for c in range(k, 0, -1):
        end = back[c][end]
        breaks.append(x[end - 1] if end > 0 else x[0])
    return sorted(breaks)


def main(source, out):
    numeric = {c["alpha_3"]: int(c["numeric"])
               for c in json.load(open("/usr/share/iso-codes/json/iso_3166-1.json"))["3166-1"]}
    continent = {}
    for row in csv.DictReader(open(f"{source}/data/bri-economies.csv")):
        if int(row["signed"]) <= 2021 and (not row["left"] or 2021 < int(row["left"])):
            continent[numeric[row["iso3"]]] = row["continent"]
    values, world = {}, None
    for row in csv.DictReader(open(f"{source}/data/observations.csv")):
        if row["indicator"] == "DSR.GCI.SCORE" and row["year"] == "2021":
            if row["entity"] == "WLD":
                world = float(row["value"])
            else:
                values[row["entity"].split(":")[1]] = float(row["value"])

    breaks = natural_breaks(list(values.values()), 5)
    cmap = matplotlib.colormaps["viridis_r"]
    colours = [cmap(0.03 + 0.97 * i / (len(breaks) - 2)) for i in range(len(breaks) - 1)]

    def colour(v):
        for i in range(1, len(breaks)):
            if v <= breaks[i]:
                return colours[i - 1]
        return colours[-1]

    polygons, faces = [], []
    for fid, rings in decode(f"{source}/data/map/countries-50m.json"):
        if fid == 10:
            continue
        region = continent.get(fid)
        face = colour(values[region]) if region in values else (0.85, 0.855, 0.863, 1)
        for ring in rings:
            for piece in cut_antimeridian(ring):
                x, y = equal_earth(piece[:, 0], piece[:, 1])
                polygons.append(np.column_stack((x, y)))
                faces.append(face)

    fig = plt.figure(figsize=(16, 9), dpi=100)
    ax = fig.add_axes([0.01, 0.12, 0.98, 0.78])
    ax.add_collection(PolyCollection(polygons, facecolors=faces, edgecolors="white", linewidths=0.3))
    ax.set_xlim(-2.72, 2.72)
    ax.set_ylim(-1.0, 1.33)
    ax.set_aspect("equal")
    ax.axis("off")
    fig.text(0.01, 0.96, "Global Cybersecurity Index", fontsize=16, fontweight="bold")
    fig.text(0.01, 0.93, "2021 · 0–100 score · Belt and Road economies by continent, "
             "each member in its region’s value", fontsize=11, color="#5c636b")
    handles = [Patch(color=colours[i], label=f"{breaks[i]:.2f}–{breaks[i + 1]:.2f}") for i in range(len(colours))]
    handles.append(Patch(color=(0.85, 0.855, 0.863), label="Not a Belt and Road economy"))
    ax.legend(handles=handles, loc="lower left", ncol=len(handles), frameon=False, fontsize=9,
              title=f"World average {world:.2f}", title_fontsize=9, bbox_to_anchor=(0, -0.14))
    fig.text(0.01, 0.015, "Sources: Seed paper, section 3.3 and Figure 4; borders: Natural Earth, world-atlas",
             fontsize=9, color="#5c636b")
    fig.savefig(out)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
