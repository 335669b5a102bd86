#!/usr/bin/env bash
# Fails when a source file with translatable strings is missing from
# po/POTFILES.in, or when POTFILES.in lists a file that does not exist.
set -euo pipefail
cd "$(dirname "$0")/.."

status=0
listed=$(grep -v '^#' po/POTFILES.in | sed '/^$/d' | sort -u)

for f in $listed; do
  if [[ ! -f "$f" ]]; then
    echo "po/POTFILES.in lists $f, which does not exist"
    status=1
  fi
done

candidates=$( (grep -lE '\b(N?_|C_|NC_|g_dngettext|ngettext)\s*\(' src/*.c src/*/*.c po/pack-strings.h 2>/dev/null || true;
               grep -l 'translatable="yes"' ui/*.ui ui/*/*.ui 2>/dev/null || true;
               ls data/*.desktop.in data/*.metainfo.xml.in data/*.gschema.xml 2>/dev/null || true) | sort -u)
for f in $candidates; do
  if ! grep -qx "$f" <<<"$listed"; then
    echo "$f has translatable strings but is not in po/POTFILES.in"
    status=1
  fi
done
exit $status
