#!/usr/bin/env bash
# Fetches the map's borders: countries-50m.json from the npm package
# world-atlas 2.0.2 (Natural Earth admin-0 countries at 1:50m as TopoJSON),
# checks its SHA-256 and puts it, unchanged, in data/map/.
# Usage: tools/fetch-borders.sh [--check]
#   --check  only verify the copy in data/map/ (no network)
set -euo pipefail

version=2.0.2
file=countries-50m.json
sha256=04342cdc1e3016bcd7db1630de95684d67b79fe3c8c460321e87aef469502394
tarball_sha256=032e7765f2ce00edaeafec23ff22bc3b77e42987c257da944cc585b452c05b97

root=$(cd "$(dirname "$0")/.." && pwd)
dest="$root/data/map/$file"

check() {
  echo "$sha256  $1" | sha256sum --check --quiet -
}

if [[ "${1:-}" == "--check" ]]; then
  check "$dest"
  echo "$dest: OK (world-atlas $version)"
  exit 0
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent "world-atlas@$version" >/dev/null)
echo "$tarball_sha256  $work/world-atlas-$version.tgz" | sha256sum --check --quiet -
tar -xzf "$work/world-atlas-$version.tgz" -C "$work" "package/$file"
check "$work/package/$file"
cp "$work/package/$file" "$dest"
echo "$dest: world-atlas $version, SHA-256 $sha256"
