#!/usr/bin/env bash
# Installs a real n8n (and, for n8n 2.x, a Node 24 runtime) into a cache outside the repository,
# once. Later calls find the finished install and return at once.
#
#   scripts/install-n8n.sh [n8n-version]      default: $N8N_VERSION or 2.41.1
#
# Prints the install folder as its last line. The cache lives in $EDU_EVENTS_CACHE
# (default ~/.cache/n8n-nodes-edu-events). Progress goes to stderr: each step, and every
# $EDU_EVENTS_PROGRESS_INTERVAL seconds (default 15) the time so far and the install's size.
set -euo pipefail

version="${1:-${N8N_VERSION:-2.41.1}}"
cache="${EDU_EVENTS_CACHE:-$HOME/.cache/n8n-nodes-edu-events}"
target="$cache/n8n-$version"
major="${version%%.*}"

log() { echo "[install-n8n] $*" >&2; }

started=$SECONDS
heartbeat_pid=""

# While a long step runs, say every few seconds that it is still running and how far it got.
start_heartbeat() {
  stop_heartbeat
  local step="$1"
  (
    # Stop the pending sleep too, so nothing keeps this script's stderr open after it ends.
    trap 'kill "$sleeper" 2>/dev/null; exit 0' TERM
    while :; do
      sleep "${EDU_EVENTS_PROGRESS_INTERVAL:-15}" &
      sleeper=$!
      wait "$sleeper"
      size="$(du -sm "$target" 2>/dev/null | cut -f1 || true)"
      log "still ${step}: $((SECONDS - started)) s so far, ${size:-0} MB in $target"
    done
  ) &
  heartbeat_pid=$!
}

stop_heartbeat() {
  if [ -n "$heartbeat_pid" ]; then
    kill "$heartbeat_pid" 2>/dev/null || true
    wait "$heartbeat_pid" 2>/dev/null || true
    heartbeat_pid=""
  fi
}
trap stop_heartbeat EXIT

# The machine's Node (Node 20 here) builds sqlite3 and unpacks the Node 24 runtime.
if [ -x /usr/bin/node ]; then host_node=/usr/bin/node; else host_node="$(command -v node)"; fi
host_path="$(dirname "$host_node"):$PATH"

if [ -f "$target/.ready" ]; then
  echo "$target"
  exit 0
fi

# One installer at a time per version (parallel test files may ask together).
mkdir -p "$cache"
exec 9>"$cache/.lock-$version"
if ! flock -n 9; then
  log "waiting for another install of n8n $version to finish (lock $cache/.lock-$version)"
  flock 9
fi
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

log "installing n8n $version into $target, once: several minutes and about 3 GB"
log "downloading and unpacking n8n $version and its dependencies (npm install)"
start_heartbeat "downloading packages"
# --ignore-scripts: native add-ons would try to download prebuilt binaries, which cannot work here.
npm install --ignore-scripts --no-audit --no-fund --loglevel=error >&2
stop_heartbeat

if [ "$major" -ge 2 ]; then
  # The `node` package installs its binary in a preinstall script, skipped above: run it now.
  log "installing Node 24 for n8n $version (the npm package node@24)"
  start_heartbeat "installing Node 24"
  (cd node_modules/node && PATH="$host_path" "$host_node" installArchSpecificPackage >&2)
  stop_heartbeat
  "$target/node_modules/node/bin/node" --version >&2
fi

# sqlite3 is n8n's default database driver. It is an N-API add-on, so building it with the
# machine's Node 20 headers gives a binary that Node 24 loads as well.
log "building sqlite3 (n8n's database driver) with $("$host_node" --version)"
start_heartbeat "building sqlite3"
sqlite_dir="$(dirname "$(find node_modules -name package.json -path '*/sqlite3/package.json' | head -n 1)")"
node_gyp="$(npm prefix -g)/lib/node_modules/npm/node_modules/node-gyp/bin/node-gyp.js"
nodedir_flag=""
[ -f /usr/include/node/node_api.h ] && nodedir_flag="--nodedir=/usr"
(cd "$sqlite_dir" && PATH="$host_path" "$host_node" "$node_gyp" rebuild $nodedir_flag >&2)
stop_heartbeat

touch .ready
log "n8n $version ready after $((SECONDS - started)) s"
echo "$target"
