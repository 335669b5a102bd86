#!/usr/bin/env bash
# Takes a screenshot of the window under a virtual display.
# Usage: tools/screenshot.sh BUILD_DIR OUT.png VIEW [light|dark] [WIDTHxHEIGHT] [LANG] [INDICATOR]
# PRESENTATION=1 takes it in presentation mode (dsr-atlas --presentation).
# e.g. tools/screenshot.sh build data/screenshots/map.png map light 1280x800
set -euo pipefail
build=${1:?}; out=${2:?}; view=${3:-bars}; scheme=${4:-light}; size=${5:-1280x800}
lang=${6:-}; indicator=${7:-DSR.GCI.SCORE}
conf=$(mktemp -d)
trap 'rm -rf "$conf"' EXIT
mkdir -p "$conf/glib-2.0/settings"
cat > "$conf/glib-2.0/settings/keyfile" <<KEYFILE
[io/github/dsratlas/Atlas]
view='$view'
indicator='$indicator'
window-width=${size%x*}
window-height=${size#*x}
KEYFILE
env=(GSETTINGS_BACKEND=keyfile XDG_CONFIG_HOME="$conf" XDG_DATA_HOME="$conf"
     GSETTINGS_SCHEMA_DIR="$build/data" GDK_BACKEND=x11 GSK_RENDERER=cairo NO_AT_BRIDGE=1
     ADW_DEBUG_COLOR_SCHEME="$([[ $scheme == dark ]] && echo prefer-dark || echo prefer-light)")
if [[ -n "$lang" ]]; then
  env+=(LC_ALL="$lang.UTF-8" LANGUAGE="$lang" DSR_LOCALEDIR="$build/po")
fi
# The screen is twice the window's size and the window sits in its top-left
# corner: the pointer starts in the middle of the screen, so it rests just
# off the window (no tooltip in the picture), which is cut out of the screen.
w=${size%x*}; h=${size#*x}
dbus-run-session -- xvfb-run -a -s "-screen 0 $((2 * w))x$((2 * h))x24" bash -c "
  env ${env[*]} DSR_ATLAS_NON_UNIQUE=1 '$build/src/dsr-atlas' ${PRESENTATION:+--presentation} &
  pid=\$!
  sleep 4
  import -window root -crop ${size}+0+0 +repage '$out'
  kill \$pid
" >/dev/null 2>&1
echo "$out"
