#!/usr/bin/env bash
# Quick start: installs what is missing, builds (Release) and starts Teehee:
# the desktop app where there is a display, teehee-server where there is none
# or with --server. Remaining arguments go to the program.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build_dir=${TEEHEE_BUILD_DIR:-$root/build}

mode=auto
args=()
for a in "$@"; do
  case "$a" in
    --server) mode=server ;;
    --desktop) mode=desktop ;;
    *) args+=("$a") ;;
  esac
done

bash "$root/scripts/setup.sh" "$build_dir" Release -DTEEHEE_BUILD_TESTS=OFF -DTEEHEE_BUILD_BENCH=OFF

if [ "$mode" = auto ]; then
  if [ -n "${DISPLAY:-}" ] || [ -n "${WAYLAND_DISPLAY:-}" ]; then mode=desktop; else mode=server; fi
fi
if [ "$mode" = desktop ]; then
  exec "$build_dir/app/teehee" "${args[@]}"
fi
exec "$build_dir/app/teehee-server" "${args[@]}"
