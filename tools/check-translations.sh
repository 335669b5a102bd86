#!/usr/bin/env bash
# Every catalogue in po/LINGUAS is complete: no untranslated or fuzzy
# message, and msgfmt --check (formats, headers) passes.
set -euo pipefail
cd "$(dirname "$0")/.."
status=0
for lang in $(grep -v '^#' po/LINGUAS); do
  stats=$(LC_ALL=C msgfmt --check --statistics -o /dev/null "po/$lang.po" 2>&1) || { echo "$lang: $stats"; status=1; continue; }
  echo "$lang: $stats"
  if grep -qE 'untranslated|fuzzy' <<<"$stats"; then
    status=1
  fi
  # Every message of the template is in the catalogue.
  if [[ -f po/dsr-atlas.pot ]] && ! msgcmp "po/$lang.po" po/dsr-atlas.pot 2>/dev/null; then
    echo "$lang: out of step with po/dsr-atlas.pot (run msgmerge)"
    status=1
  fi
done
exit $status
