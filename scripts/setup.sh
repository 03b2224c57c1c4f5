#!/usr/bin/env bash
# Installs the missing system packages (Debian 12) and builds Teehee.
# Usage: scripts/setup.sh <build-dir> <build-type> [extra cmake args...]
# Sourced by run.sh and test.sh; safe to run again (only missing packages are installed).
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build_dir=${1:?build dir}
build_type=${2:?build type}
shift 2

install_missing_packages() {
  local wanted missing=()
  wanted=$(grep -vE '^\s*(#|$)' "$root/scripts/packages.txt")
  for pkg in $wanted; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "==> installing ${#missing[@]} missing packages: ${missing[*]}"
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

install_missing_packages

generator=()
command -v ninja >/dev/null && generator=(-G Ninja)
if [ ! -f "$build_dir/CMakeCache.txt" ]; then
  cmake -S "$root" -B "$build_dir" "${generator[@]}" -DCMAKE_BUILD_TYPE="$build_type" "$@"
else
  cmake "$build_dir" -DCMAKE_BUILD_TYPE="$build_type" "$@" >/dev/null
fi
# TEEHEE_SETUP_TARGETS: build only these targets (default: everything).
targets=()
[ -n "${TEEHEE_SETUP_TARGETS:-}" ] && targets=(--target $TEEHEE_SETUP_TARGETS)
cmake --build "$build_dir" -j "$(nproc)" "${targets[@]}"
