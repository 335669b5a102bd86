#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The whole command-line export, process start to exit, side by side with
# the same chart made by matplotlib (bench/matplotlib_bars.py), in one run.
#
#   bench/run-export-bench.sh [RUNS] [DSR_ATLAS]
#
# RUNS defaults to 30; DSR_ATLAS to build/src/dsr-atlas. Prints the median
# of each and the ratio matplotlib / dsr-atlas (target: at least 10). The
# same Figure 4 opened from its saved view (data/views/paper-figure-4.dsrview,
# --view-file) is timed too: it must stay within the plain export's time.
# Needs python3-matplotlib (Debian: apt-get install -y python3-matplotlib);
# PYTHON=... picks the interpreter.
set -eu

RUNS=${1:-30}
HERE=$(cd "$(dirname "$0")" && pwd)
ATLAS=${2:-$HERE/../build/src/dsr-atlas}
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT

if [ ! -x "$ATLAS" ]; then
  echo "run-export-bench: no $ATLAS; build first (ninja -C build)" >&2
  exit 1
fi
# Debian's python3-matplotlib is for /usr/bin/python3, which may not be the first python3 on PATH.
PYTHON=${PYTHON:-}
for p in /usr/bin/python3 python3; do
  if [ -z "$PYTHON" ] && "$p" -c 'import matplotlib' 2>/dev/null; then
    PYTHON=$p
  fi
done
if [ -z "$PYTHON" ]; then
  echo "run-export-bench: python3-matplotlib is missing (apt-get install -y python3-matplotlib)" >&2
  exit 1
fi

# Wall time of one run of a command, in microseconds, appended to $OUT/NAME.
time_once () {
  name=$1
  shift
  start=$(date +%s%N)
  "$@" > /dev/null 2>&1
  end=$(date +%s%N)
  echo $(( (end - start) / 1000 )) >> "$OUT/$name"
}

# The median of the times in $OUT/NAME, in milliseconds.
median_ms () {
  sort -n "$OUT/$1" | awk '{ a[NR] = $1 } END { m = (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2; printf "%.1f", m / 1000 }'
}

# Warm the page cache and the font cache once.
"$ATLAS" --export "$OUT/warm.png" > /dev/null 2>&1
"$PYTHON" "$HERE/matplotlib_bars.py" "$OUT/warm-mpl.png" > /dev/null 2>&1

# Interleaved, so that all four see the same machine (other work, CPU clock).
i=0
while [ "$i" -lt "$RUNS" ]; do
  time_once png "$ATLAS" --export "$OUT/fig4.png" --indicator DSR.GCI.SCORE --grouping bri-continent --width 1600 --height 1000
  time_once svg "$ATLAS" --export "$OUT/fig4.svg" --indicator DSR.GCI.SCORE --grouping bri-continent --width 1600 --height 1000
  time_once trend "$ATLAS" --export "$OUT/table1.png" --view trend --indicator DSR.DDS.EXP --width 1600 --height 1000
  time_once view "$ATLAS" --view-file "$HERE/../data/views/paper-figure-4.dsrview" --export "$OUT/fig4-view.png"
  time_once mpl "$PYTHON" "$HERE/matplotlib_bars.py" "$OUT/mpl.png"
  i=$((i + 1))
done
# A command that failed would look fast: check that each wrote its file.
for f in fig4.png fig4.svg table1.png fig4-view.png mpl.png; do
  if [ ! -s "$OUT/$f" ]; then
    echo "run-export-bench: $f was not written" >&2
    exit 1
  fi
done
png=$(median_ms png)
svg=$(median_ms svg)
trend=$(median_ms trend)
view=$(median_ms view)
mpl=$(median_ms mpl)

echo "Whole process, start to exit, median of $RUNS runs (1600x1000):"
printf '  dsr-atlas --export fig4.png          %8s ms\n' "$png"
printf '  dsr-atlas --export fig4.svg          %8s ms\n' "$svg"
printf '  dsr-atlas --export table1.png (trend)%8s ms\n' "$trend"
printf '  dsr-atlas --view-file paper-figure-4.dsrview --export fig4.png %8s ms\n' "$view"
printf '  matplotlib_bars.py (the same PNG)    %8s ms\n' "$mpl"
awk -v m="$mpl" -v p="$png" -v s="$svg" -v v="$view" 'BEGIN {
  printf "  ratio matplotlib / dsr-atlas: PNG %.1fx, SVG %.1fx, saved view %.1fx (target: at least 10x)\n", m / p, m / s, m / v
  printf "  saved view / plain export: %.2f (target: within the export time)\n", v / p }'
