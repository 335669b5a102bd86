#!/usr/bin/env bash
# The map benchmarks: map-bench (render, hit test, decoding), then the whole
# command-line map export (process start to exit, map-export-bench) against
# the same map drawn by matplotlib (matplotlib_map.py), side by side in the
# same run, with the ratio. Needs Debian's python3-matplotlib.
# Usage: bench/map/run-map-bench.sh [BUILD_DIR] [RUNS]
#   BUILD_DIR  a build configured with -Dbenchmarks=true (default: build)
#   RUNS       export runs of each program (default 20; the medians are reported)
set -euo pipefail

src=$(cd "$(dirname "$0")/../.." && pwd)
build=${1:-$src/build}
runs=${2:-20}
python=/usr/bin/python3
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

ninja -C "$build" bench/map/map-bench bench/map/map-export-bench src/dsr-atlas >/dev/null
if ! "$python" -c 'import matplotlib' 2>/dev/null; then
  echo "python3-matplotlib is missing: apt-get install -y python3-matplotlib" >&2
  exit 1
fi

echo "== map-bench (wall clock; median of the runs)"
"$build/bench/map/map-bench" --runs 100 --json "$src/data/map/countries-50m.json"
echo
echo "== the same, thread CPU time (less disturbed by other programs)"
"$build/bench/map/map-bench" --runs 100 --cpu | grep -E "render|hit"
echo

# Milliseconds from start to exit of a command.
elapsed() {
  local t0 t1
  t0=$(date +%s%N)
  "$@" >/dev/null
  t1=$(date +%s%N)
  echo $(((t1 - t0) / 1000))
}

median() {
  sort -n | awk '{ a[NR] = $1 } END { if (NR % 2) printf "%d\n", a[(NR + 1) / 2]; else printf "%d\n", (a[NR / 2] + a[NR / 2 + 1]) / 2 }'
}

# One warm-up each (page cache, matplotlib's font cache), then alternate,
# so that both see the same load on the machine.
export_map() {
  "$build/bench/map/map-export-bench" --width 1600 --height 900 "$@"
}
export_map "$out/dsr.png"
"$python" "$src/bench/map/matplotlib_map.py" "$src" "$out/mpl.png"
: >"$out/dsr.us"
: >"$out/mpl.us"
: >"$out/cli.us"
# The CLI draws a bundled country series (issue 13): internet use by economy.
cli_indicator=${MAP_INDICATOR:-IT.NET.USER.ZS}
cli_map() {
  "$build/src/dsr-atlas" --export "$out/cli.png" --view map --indicator "$cli_indicator" --width 1600 --height 900
}
cli_map
for ((i = 0; i < runs; i++)); do
  elapsed export_map "$out/dsr.png" >>"$out/dsr.us"
  elapsed cli_map >>"$out/cli.us"
  if ((i % 2 == 0)); then
    elapsed "$python" "$src/bench/map/matplotlib_map.py" "$src" "$out/mpl.png" >>"$out/mpl.us"
  fi
done

dsr=$(median <"$out/dsr.us")
cli=$(median <"$out/cli.us")
mpl=$(median <"$out/mpl.us")
ms() { echo "scale=1; $1 / 1000" | bc; }
echo "== 1600x900 PNG of Figure 4, process start to exit (medians)"
echo "one run's steps: $(export_map --timings "$out/dsr.png" 2>&1)"
printf "map-export-bench (C, cairo, the export)  %8s ms  (%d runs, %s bytes)\n" "$(ms "$dsr")" \
  "$(wc -l <"$out/dsr.us")" "$(stat -c %s "$out/dsr.png")"
printf "matplotlib_map.py                        %8s ms  (%d runs, %s bytes)\n" "$(ms "$mpl")" \
  "$(wc -l <"$out/mpl.us")" "$(stat -c %s "$out/mpl.png")"
printf "dsr-atlas --export --view map --indicator %s (the CLI)  %8s ms  (%d runs, %s bytes)\n" "$cli_indicator" "$(ms "$cli")" \
  "$(wc -l <"$out/cli.us")" "$(stat -c %s "$out/cli.png")"
printf "ratio matplotlib / map-export-bench      %8.1fx\n" "$(echo "$mpl / $dsr" | bc -l)"
printf "ratio matplotlib / dsr-atlas CLI         %8.1fx  (target >= 10x)\n" "$(echo "$mpl / $cli" | bc -l)"
