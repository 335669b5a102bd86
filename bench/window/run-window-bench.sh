#!/usr/bin/env bash
# The window's targets, under a virtual display at 1920x1080:
#   launch to first frame (bundled data), median of RUNS launches: target < 300 ms;
#   beside it, alternately, an empty libadwaita window's (bench-empty-window.c)
#   a year step on the map while playing, at 1920x1080: target < 16 ms a frame at the 99th
#   percentile, over every year Play visits of every indicator, twice (some 220 steps):
#   median, p90, p99 and max of the step (the year's change to the end of its frame), its
#   CPU time, its parts, every frame while playing, and the idle work after each frame
# Usage: bench/window/run-window-bench.sh BUILD_DIR [RUNS]
set -euo pipefail
build=${1:?usage: $0 BUILD_DIR [RUNS]}
runs=${2:-15}
bin="$build/bench/window/bench-window"
export GSETTINGS_BACKEND=memory GSETTINGS_SCHEMA_DIR="$build/data" GSK_RENDERER=cairo NO_AT_BRIDGE=1

run_display() {
  dbus-run-session -- xvfb-run -a -s "-screen 0 1920x1080x24" "$@" 2>/dev/null
}

# The atlas' launches alternate with an empty libadwaita window's, opened
# alike: the same load on the machine for both, and the floor GTK and the
# display set under any launch on this machine.
# And the launch with the paper's figures alone (data/, the pack before the
# country data): what the country data adds to the launch.
empty="$build/bench/window/bench-empty-window"
paper="$(cd "$(dirname "$0")/../.." && pwd)/data"
times=()
floor=()
paper_times=()
for ((i = 0; i < runs; i++)); do
  times+=("$(BENCH_FIRST_FRAME_ONLY=1 run_display "$bin" | awk '/first-frame-ms/ {print $2}')")
  floor+=("$(run_display "$empty" | awk '/first-frame-ms/ {print $2}')")
  paper_times+=("$(BENCH_FIRST_FRAME_ONLY=1 BENCH_PACK="$paper" run_display "$bin" | awk '/first-frame-ms/ {print $2}')")
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {printf "median %.1f ms, min %.1f, max %.1f (n=%d)", a[int((NR+1)/2)], a[1], a[NR], NR}'; }
echo "first frame: $(median "${times[@]}")"
echo "first frame with the paper's figures alone (no country data): $(median "${paper_times[@]}")"
echo "first frame of an empty libadwaita window (the floor): $(median "${floor[@]}")"
[[ -n "${BENCH_LAUNCH_ONLY:-}" ]] || run_display "$bin" | grep "^map-"
uptime
