#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Runs the command-line export of each view (bars, trend, table, map) to PNG,
# SVG and CSV under valgrind's leak checker and reports "definitely lost"
# for each run. A definite leak or a memory error fails the run; the leaks
# that are fontconfig's (tests/valgrind.supp says why) are suppressed.
#   tools/valgrind-exports.sh BUILDDIR     a normal (not sanitizer) build dir
set -uo pipefail
cd "$(dirname "$0")/.."

builddir=${1:?usage: tools/valgrind-exports.sh BUILDDIR}
atlas=$builddir/src/dsr-atlas
[[ -x $atlas ]] || { echo "no $atlas: build first (ninja -C $builddir)" >&2; exit 2; }
command -v valgrind >/dev/null || { echo "valgrind is not installed" >&2; exit 2; }

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
export LC_ALL=C.UTF-8 TZ=UTC
# GLib's slice allocator and GIO's modules only blur the report.
export G_SLICE=always-malloc G_DEBUG=gc-friendly GIO_USE_VFS=local
unset DISPLAY WAYLAND_DISPLAY

status=0
printf '%-10s %-5s %-8s %-28s %s\n' view fmt result "definitely lost" "suppressed (fontconfig)"
for view in bars trend table map; do
  for fmt in png svg csv; do
    log=$out/$view-$fmt.log
    valgrind --leak-check=full --errors-for-leak-kinds=definite --error-exitcode=1 \
      --suppressions=tests/valgrind.supp \
      --num-callers=30 --log-file="$log" \
      "$atlas" --view "$view" --export "$out/$view.$fmt" >/dev/null 2>"$out/stderr"
    rc=$?
    lost=$(grep -E "definitely lost:" "$log" | sed 's/.*definitely lost: //')
    [[ -n $lost ]] || lost="0 bytes in 0 blocks (no leak summary: nothing was allocated on exit)"
    suppressed=$(grep -E "^==[0-9]+== +suppressed:" "$log" | sed "s/.*suppressed: //")
    if (( rc == 0 )) && [[ -s $out/$view.$fmt ]]; then
      result=ok
    else
      result=FAILED
      status=1
      echo "--- $view $fmt (status $rc):" >&2
      cat "$out/stderr" >&2
      grep -E -A30 "definitely lost in|Invalid|uninitialised|Mismatched" "$log" >&2
    fi
    printf '%-10s %-5s %-8s %-28s %s\n' "$view" "$fmt" "$result" "$lost" "${suppressed:-0}"
  done
done
exit $status
