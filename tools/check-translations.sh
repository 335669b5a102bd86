#!/usr/bin/env bash
# Every catalogue in po/LINGUAS is complete: no untranslated or fuzzy
# message, and msgfmt --check (formats, headers) passes.
set -euo pipefail
cd "$(dirname "$0")/.."
# A fresh template from the sources, as the build's dsr-atlas-pot makes it.
pot=$(mktemp --suffix=.pot)
trap 'rm -f "$pot"' EXIT
xgettext --package-name=dsr-atlas -f po/POTFILES.in -D . -o "$pot" --from-code=UTF-8 --add-comments \
  --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 --keyword=g_dcgettext:2 \
  --keyword=g_dngettext:2,3 --keyword=g_dpgettext2:2c,3 \
  --flag=N_:1:pass-c-format --flag=C_:2:pass-c-format --flag=NC_:2:pass-c-format \
  --flag=g_dngettext:2:pass-c-format --flag=g_strdup_printf:1:c-format \
  --flag=g_string_printf:2:c-format --flag=g_string_append_printf:2:c-format \
  --flag=g_error_new:3:c-format --flag=g_set_error:4:c-format 2>/dev/null

status=0
for lang in $(grep -v '^#' po/LINGUAS); do
  stats=$(LC_ALL=C msgfmt --check --statistics -o /dev/null "po/$lang.po" 2>&1) || { echo "$lang: $stats"; status=1; continue; }
  echo "$lang: $stats"
  if grep -qE 'untranslated|fuzzy' <<<"$stats"; then
    status=1
  fi
  # Every message of the sources is in the catalogue.
  if ! msgcmp "po/$lang.po" "$pot" 2>&1 | tail -3; then
    echo "$lang: out of step with the sources: ninja -C BUILD dsr-atlas-update-po"
    status=1
  fi
done
exit $status
