#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Import benchmark: generates a file shaped like the World Bank bulk download
# (WDICSV.csv: 1,500 indicators x 266 economies x 64 years, about 250 MB),
# times dsr-atlas' import of it (wall time, peak RSS), times pandas read_csv
# plus melt to long form on the same file, and prints the ratios.
# Targets: at least 5 times faster than pandas, at most 1/4 of its memory.
#
#   bench/import/run-import-bench.sh [BUILD_DIR [WORK_DIR]]
#
# BUILD_DIR is a build configured with -Dbenchmarks=true (default: build);
# the generated file goes to WORK_DIR (default: /tmp), never the repository.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
build=${1:-build}
work=${2:-/tmp}
file=$work/dsr-bench-WDICSV.csv
python=/usr/bin/python3

ninja -C "$build" bench/import/dsr-gen-wdi bench/import/dsr-bench-import >/dev/null

if [ ! -s "$file" ]; then
  echo "Generating $file ..."
  "$build/bench/import/dsr-gen-wdi" "$file"
fi
ls -l "$file"

if ! "$python" -c 'import pandas' 2>/dev/null; then
  echo "Installing Debian's python3-pandas ..."
  if [ "$(id -u)" -eq 0 ]; then
    apt-get install -y python3-pandas >/dev/null
  else
    sudo apt-get install -y python3-pandas >/dev/null
  fi
fi

# Read the file once so that both runs start from the page cache.
cat "$file" >/dev/null

# CPU seconds (user + system) as well as wall time: on a machine that other
# work keeps busy, the CPU time says more than the wall time.
timed () {
  if [ -x /usr/bin/time ]; then
    /usr/bin/time -f "CPU cpu_s=%U+%S" "$@" 2>&1
  else
    "$@"
  fi
}
cpu () {
  echo "$1" | sed -n 's/^CPU cpu_s=\([0-9.]*\)+\([0-9.]*\)$/\1 \2/p' | awk '{ print $1 + $2 }'
}

echo
echo "== dsr-atlas"
ours=$(timed "$build/bench/import/dsr-bench-import" "$file")
echo "$ours" | grep -v '^RESULT\|^CPU'
echo
echo "== pandas read_csv + melt"
theirs=$(timed "$python" "$here/pandas-melt.py" "$file")
echo "$theirs" | grep -v '^RESULT\|^CPU'

field () {
  echo "$1" | sed -n "s/^RESULT.* $2=\([0-9.]*\).*/\1/p"
}
our_s=$(field "$ours" seconds)
our_kb=$(field "$ours" peak_kb)
their_s=$(field "$theirs" seconds)
their_kb=$(field "$theirs" peak_kb)
bytes=$(field "$ours" bytes)
our_cpu=$(cpu "$ours")
their_cpu=$(cpu "$theirs")

echo
echo "== ratios"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null) on $(nproc) CPUs"
awk -v os="$our_s" -v ok="$our_kb" -v ts="$their_s" -v tk="$their_kb" -v b="$bytes" \
    -v oc="${our_cpu:-0}" -v tc="${their_cpu:-0}" 'BEGIN {
  printf "dsr-atlas  %6.2f s wall  %6.2f s CPU  %7.1f MB/s  %6.0f MB peak\n", os, oc, b / 1e6 / os, ok / 1024
  printf "pandas     %6.2f s wall  %6.2f s CPU  %7.1f MB/s  %6.0f MB peak\n", ts, tc, b / 1e6 / ts, tk / 1024
  printf "speed:  %.1f times faster than pandas (wall time; target: at least 5)\n", ts / os
  if (oc > 0 && tc > 0)
    printf "        %.1f times less CPU time than pandas\n", tc / oc
  printf "memory: %.2f of pandas peak (target: at most 0.25)\n", ok / tk
}'
