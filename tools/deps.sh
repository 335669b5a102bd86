#!/usr/bin/env bash
# Installs the Debian 12 packages that building, running and testing
# Digital Silk Road Atlas need, when any of them is missing.
# Usage: tools/deps.sh [build|test]   (test adds what the test suite needs)
set -euo pipefail

packages=(
  # build
  gcc meson ninja-build pkg-config gettext
  libglib2.0-dev libgtk-4-dev libadwaita-1-dev libjson-glib-dev libcsv-dev libsoup-3.0-dev
  libcairo2-dev libpango1.0-dev
  # run: country names and their translations, fonts (Chinese needs a CJK font)
  iso-codes librsvg2-common fonts-cantarell fonts-noto-core fonts-noto-cjk
)
if [[ "${1:-build}" == "fuzz" ]]; then
  packages+=(clang libclang-rt-14-dev)
fi
if [[ "${1:-build}" == "test" ]]; then
  packages+=(
    # windows under a virtual display, with a session bus
    xvfb xauth dbus dbus-daemon
    # validators of the desktop file and the AppStream metainfo
    desktop-file-utils appstream
    # the German locale for the number formatting test
    locales-all
    # pdftotext and pdfinfo: the class handout's tests read its pages
    poppler-utils
  )
fi

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if (( ${#missing[@]} == 0 )); then
  exit 0
fi

echo "Installing: ${missing[*]}"
if [[ $(id -u) -eq 0 ]]; then
  sudo=()
else
  sudo=(sudo)
fi
"${sudo[@]}" apt-get update -q
DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
