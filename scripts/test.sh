#!/usr/bin/env bash
# Quick start: installs what is missing, builds with tests, starts a private
# PostgreSQL cluster on a free loopback port, runs every test through ctest
# (SQLite and PostgreSQL variants), and stops the cluster again.
# Extra arguments go to ctest (e.g. -L db, -R tst_messagetree).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build_dir=${TEEHEE_TEST_BUILD_DIR:-$root/build-test}

bash "$root/scripts/setup.sh" "$build_dir" RelWithDebInfo -DTEEHEE_BUILD_TESTS=ON -DTEEHEE_BUILD_BENCH=ON

pg_dir=$(mktemp -d /tmp/teehee-pg.XXXXXX)
chmod 755 "$pg_dir"
cleanup() { bash "$root/scripts/pg-cluster.sh" stop "$pg_dir"; rm -rf "$pg_dir"; }
trap cleanup EXIT
TEEHEE_TEST_PG_URL=$(bash "$root/scripts/pg-cluster.sh" start "$pg_dir")
export TEEHEE_TEST_PG_URL
echo "==> PostgreSQL test server at $TEEHEE_TEST_PG_URL"

ctest --test-dir "$build_dir" --output-on-failure -j "$(nproc)" "$@"
