#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The paper's Figure 4 made with matplotlib, for bench/run-export-bench.sh:
the same chart as `dsr-atlas --export fig.png` (1600x1000 PNG): six bars,
sorted, values printed at the bars, the world average as a labelled line,
title, subtitle, axis title and source line.

Usage: matplotlib_bars.py OUTPUT.png
"""
import sys

import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

# Seed paper, section 3.3 and Figure 4 (the values in data/observations.csv).
REGIONS = [("Europe", 82.44), ("Asia", 62.73), ("South America", 41.06),
           ("Africa", 38.71), ("North America", 25.33), ("Oceania", 24.84)]
WORLD = 51.71


def main(path):
    names = [r[0] for r in REGIONS][::-1]
    values = [r[1] for r in REGIONS][::-1]
    fig, ax = plt.subplots(figsize=(16, 10), dpi=100)
    bars = ax.barh(names, values, color="#0072b2", height=0.5)
    for bar, value in zip(bars, values):
        ax.text(bar.get_width() + 0.6, bar.get_y() + bar.get_height() / 2, f"{value:.2f}",
                va="center", fontsize=13)
    ax.axvline(WORLD, color="#d55e00", linewidth=2)
    ax.text(WORLD, len(values) - 0.35, f"World average {WORLD:.2f}", color="#d55e00",
            ha="center", fontsize=12, fontweight="bold")
    ax.set_xlim(0, 90)
    ax.set_xlabel("0–100 score")
    ax.grid(axis="x", color="#e3e6ea")
    ax.set_axisbelow(True)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    fig.suptitle("Global Cybersecurity Index", x=0.01, ha="left", fontsize=20, fontweight="bold")
    ax.set_title("2021 · Belt and Road economies by continent", loc="left", fontsize=13, color="#5c636b")
    fig.text(0.01, 0.01, "Source: Seed paper, section 3.3 and Figure 4", fontsize=11, color="#5c636b")
    fig.savefig(path, dpi=100)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "matplotlib-fig4.png")
