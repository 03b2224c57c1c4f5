#!/usr/bin/env bash
# Quick start: installs what is missing, builds with tests, starts a private
# PostgreSQL cluster on a free loopback port, runs every test through ctest
# (SQLite and PostgreSQL variants), and stops the cluster again.
# Extra arguments go to ctest (e.g. -L db, -R tst_messagetree).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build_dir=${TEEHEE_TEST_BUILD_DIR:-$root/build-test}

bash "$root/scripts/setup.sh" "$build_dir" RelWithDebInfo -DTEEHEE_BUILD_TESTS=ON -DTEEHEE_BUILD_BENCH=ON
# The browser tests' driver (playwright-core, from the npm registry; Chromium is Debian's).
bash "$root/tests/web/setup.sh"

pg_dir=$(mktemp -d /tmp/teehee-pg.XXXXXX)
chmod 755 "$pg_dir"
cleanup() { bash "$root/scripts/pg-cluster.sh" stop "$pg_dir"; rm -rf "$pg_dir"; }
trap cleanup EXIT
TEEHEE_TEST_PG_URL=$(bash "$root/scripts/pg-cluster.sh" start "$pg_dir")
export TEEHEE_TEST_PG_URL
echo "==> PostgreSQL test server at $TEEHEE_TEST_PG_URL"

ctest --test-dir "$build_dir" --output-on-failure -j "$(nproc)" "$@"

# The same tests labelled asan-safe (HTTP hardening, auth, keys, streaming,
# parser fuzzing), rebuilt with AddressSanitizer + UBSan: every deferred or
# streaming write must find its client still there. TEEHEE_SKIP_ASAN=1 skips it.
if [ "${TEEHEE_SKIP_ASAN:-0}" != 1 ] && [ $# -eq 0 ]; then
  asan_dir=${TEEHEE_ASAN_BUILD_DIR:-$root/build-asan}
  echo "==> AddressSanitizer build in $asan_dir"
  TEEHEE_SETUP_TARGETS=asan-tests bash "$root/scripts/setup.sh" "$asan_dir" Debug \
    -DTEEHEE_SANITIZE=ON -DTEEHEE_BUILD_APP=OFF -DTEEHEE_BUILD_BENCH=OFF -DTEEHEE_BUILD_TESTS=ON
  ASAN_OPTIONS=detect_leaks=0:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    ctest --test-dir "$asan_dir" --output-on-failure -j "$(nproc)" -L asan-safe
fi

# The libFuzzer targets (request parser, SSE/NDJSON parsers), built with Clang
# and run for a bounded time each on their seed corpus: TEEHEE_LIBFUZZER_SECONDS
# (default 60); TEEHEE_SKIP_FUZZ=1 skips the stage.
if [ "${TEEHEE_SKIP_FUZZ:-0}" != 1 ] && [ $# -eq 0 ]; then
  fuzz_dir=${TEEHEE_FUZZ_BUILD_DIR:-$root/build-fuzz}
  echo "==> libFuzzer targets in $fuzz_dir"
  generator=()
  command -v ninja >/dev/null && generator=(-G Ninja)
  cmake -S "$root/tests/fuzz" -B "$fuzz_dir" "${generator[@]}" -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
  cmake --build "$fuzz_dir" -j "$(nproc)"
  for target in fuzz_httprequestparser:tests/api/http-corpus fuzz_sseparser:; do
    name=${target%%:*} seeds=${target#*:}
    work=$(mktemp -d /tmp/teehee-fuzz.XXXXXX)
    echo "==> $name for ${TEEHEE_LIBFUZZER_SECONDS:-60} s"
    status=0
    "$fuzz_dir/$name" -max_total_time="${TEEHEE_LIBFUZZER_SECONDS:-60}" -rss_limit_mb=2048 -timeout=10 -print_final_stats=1 \
      "$work" ${seeds:+"$root/$seeds"} >"$work.log" 2>&1 || status=$?
    grep -E "^(Done |stat::number_of_executed_units)" "$work.log" || true
    [ "$status" -eq 0 ] || tail -n 60 "$work.log"
    rm -rf "$work" "$work.log"
    [ "$status" -eq 0 ] || { echo "$name failed (exit $status)"; exit 1; }
  done
fi
