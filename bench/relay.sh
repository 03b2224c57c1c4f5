#!/usr/bin/env bash
# Runs bench_relay: teehee-server's CPU and added latency per relayed token
# against nginx, and (with TEEHEE_BENCH_PG_URL) 1-3 servers behind nginx.
# Installs Debian's nginx when it is missing (sudo when not root; Debian 12)
# and builds the two programs in the build directory when they are missing.
# Usage: bench/relay.sh [build-dir] [bench_relay options...]
#   build-dir defaults to build-rel (Release figures), else build.
#   e.g. bench/relay.sh build-rel --streams 1,1000 --tokens 100 --rate 20
#   PostgreSQL: d=$(mktemp -d); chmod 755 $d
#               TEEHEE_BENCH_PG_URL=$(bash scripts/pg-cluster.sh start $d) bench/relay.sh
#               bash scripts/pg-cluster.sh stop $d
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=""
if [ $# -gt 0 ] && [ -d "$1" ]; then
  build=$(cd "$1" && pwd)
  shift
elif [ -d "$root/build-rel" ]; then
  build="$root/build-rel"
else
  build="$root/build"
fi

if [ ! -x /usr/sbin/nginx ]; then
  echo "==> installing nginx"
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  # Debian starts the packaged service on port 80; the bench runs its own.
  $sudo apt-get install -y -qq --no-install-recommends nginx
fi

if [ ! -x "$build/bench/bench_relay" ] || [ ! -x "$build/app/teehee-server" ]; then
  [ -f "$build/CMakeCache.txt" ] || {
    echo "no configured build in $build: scripts/setup.sh build-rel Release -DTEEHEE_BUILD_BENCH=ON" >&2
    exit 1
  }
  echo "==> building bench_relay and teehee-server in $build"
  nice cmake --build "$build" -j2 --target bench_relay teehee-server
fi

exec "$build/bench/bench_relay" --server "$build/app/teehee-server" --nginx /usr/sbin/nginx "$@"
