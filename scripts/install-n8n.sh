#!/usr/bin/env bash
# Installs a real n8n (and, for n8n 2.x, a Node 24 runtime) into a cache outside the repository,
# once. Later calls find the finished install and return at once.
#
#   scripts/install-n8n.sh [n8n-version]      default: $N8N_VERSION or 2.41.1
#
# Prints the install folder as its last line. The cache lives in $EDU_EVENTS_CACHE
# (default ~/.cache/n8n-nodes-edu-events).
set -euo pipefail

version="${1:-${N8N_VERSION:-2.41.1}}"
cache="${EDU_EVENTS_CACHE:-$HOME/.cache/n8n-nodes-edu-events}"
target="$cache/n8n-$version"
major="${version%%.*}"

log() { echo "[install-n8n] $*" >&2; }

if [ -f "$target/.ready" ]; then
  echo "$target"
  exit 0
fi

# One installer at a time per version (parallel test files may ask together).
mkdir -p "$cache"
exec 9>"$cache/.lock-$version"
flock 9
if [ -f "$target/.ready" ]; then
  echo "$target"
  exit 0
fi

rm -rf "$target"
mkdir -p "$target"
cd "$target"

# n8n 2.x needs Node >= 24; the npm package `node` ships that runtime as a regular dependency.
node_dep=""
if [ "$major" -ge 2 ]; then
  node_dep=', "node": "24"'
fi

# linkedom 0.18.15 needs a package the registry lacks; 1.x pulls xlsx from a CDN tarball.
overrides='"linkedom": "0.18.12"'
if [ "$major" -lt 2 ]; then
  overrides="$overrides, \"xlsx\": \"0.18.5\""
fi

cat >package.json <<JSON
{
  "name": "edu-events-n8n-runtime",
  "private": true,
  "dependencies": { "n8n": "$version"$node_dep },
  "overrides": { $overrides }
}
JSON

log "installing n8n $version into $target (takes several minutes the first time)"
# --ignore-scripts: native add-ons would try to download prebuilt binaries, which cannot work here.
npm install --ignore-scripts --no-audit --no-fund --loglevel=error >&2

if [ "$major" -ge 2 ]; then
  # The `node` package installs its binary in a preinstall script, skipped above: run it now.
  (cd node_modules/node && PATH="/usr/bin:$PATH" node installArchSpecificPackage >&2)
  "$target/node_modules/node/bin/node" --version >&2
fi

# sqlite3 is n8n's default database driver. It is an N-API add-on, so building it with the
# machine's Node 20 headers gives a binary that Node 24 loads as well.
log "building sqlite3"
sqlite_dir="$(dirname "$(find node_modules -name package.json -path '*/sqlite3/package.json' | head -n 1)")"
node_gyp="$(npm prefix -g)/lib/node_modules/npm/node_modules/node-gyp/bin/node-gyp.js"
nodedir_flag=""
[ -f /usr/include/node/node_api.h ] && nodedir_flag="--nodedir=/usr"
(cd "$sqlite_dir" && PATH="/usr/bin:$PATH" /usr/bin/node "$node_gyp" rebuild $nodedir_flag >&2)

touch .ready
log "n8n $version ready"
echo "$target"
