#!/usr/bin/env bash
# Installer test: runs cpack on the build tree, extracts the .deb into a
# temporary root and checks it the way a user's machine meets it: contents,
# declared dependencies (dpkg-shlibdeps run again, plus the QML modules it cannot
# see), the server's --version and /health, the desktop app loading its QML
# offscreen, and lintian. Needs no root: nothing is installed system-wide.
# Usage: package_test.sh <build-dir> <source-dir> <version> <qml-import-dir> <qmlimportscanner>
set -euo pipefail
build=$1 src=$2 version=$3 qml_dir=$4 scanner=$5

work=$(mktemp -d /tmp/teehee-pkgtest.XXXXXX)
server_pid=""
cleanup() {
  if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
step() { echo "==> $*"; }

# Isolated from the caller's environment (CI may export DATABASE_URL & co.).
secret=$(head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n')
run_isolated() {
  env -i PATH=/usr/bin:/bin HOME="$work/home" LANG=C.UTF-8 XDG_RUNTIME_DIR="$work/run" \
      SECRET_KEY="$secret" ENCRYPTION_KEY="$secret" "$@"
}
mkdir -p "$work/home" "$work/run" && chmod 700 "$work/run"

step "cpack (DEB and TGZ)"
# -B keeps staging and packages out of the build tree, so runs cannot collide.
start=$SECONDS
if ! (cd "$work" && cpack --config "$build/CPackConfig.cmake" -G "DEB;TGZ" -B "$work/out") >"$work/cpack.log" 2>&1; then
  cat "$work/cpack.log"; fail "cpack failed"
fi
echo "    took $((SECONDS - start)) s"
deb=$(ls "$work"/out/teehee_"$version"-*_*.deb 2>/dev/null | sed -n 1p)
tgz=$(ls "$work"/out/teehee-"$version"-*.tar.gz 2>/dev/null | sed -n 1p)
[ -f "$deb" ] || { ls -l "$work/out"; fail "no .deb for version $version"; }
[ -f "$tgz" ] || { ls -l "$work/out"; fail "no .tar.gz for version $version"; }
tar -tzf "$tgz" >"$work/tgz.list"
for bin in teehee teehee-server; do
  grep -qE "^[^/]+/bin/$bin\$" "$work/tgz.list" || fail "$bin missing from $(basename "$tgz")"
done

step "contents of $(basename "$deb")"
root=$work/root
dpkg-deb -x "$deb" "$root"
expected=(
  usr/bin/teehee usr/bin/teehee-server
  usr/share/applications/teehee.desktop
  usr/share/metainfo/io.github.teehee.Teehee.metainfo.xml
  usr/share/icons/hicolor/scalable/apps/teehee.svg
  usr/lib/systemd/system/teehee-server.service
  usr/share/doc/teehee/copyright usr/share/doc/teehee/changelog.Debian.gz
  usr/share/doc/teehee/examples/teehee-server.env
  usr/share/man/man1/teehee.1.gz usr/share/man/man1/teehee-server.1.gz
)
for f in "${expected[@]}"; do [ -f "$root/$f" ] || fail "/$f missing from the .deb"; done
bins=$(ls "$root/usr/bin" | tr '\n' ' ')
[ "$bins" = "teehee teehee-server " ] || fail "/usr/bin holds more than the two programs: $bins"
for size in 16 22 24 32 48 64 128 256 512; do
  png=$root/usr/share/icons/hicolor/${size}x${size}/apps/teehee.png
  grep -q "PNG image data, $size x $size" <<<"$(file "$png")" || fail "icon $size: $(file "$png")"
done
desktop-file-validate "$root/usr/share/applications/teehee.desktop" || fail "desktop file invalid"
appstreamcli validate --no-net "$root/usr/share/metainfo/io.github.teehee.Teehee.metainfo.xml" \
  || fail "metainfo invalid"
grep -q "<release version=\"$version\"" "$root/usr/share/metainfo/io.github.teehee.Teehee.metainfo.xml" \
  || fail "metainfo has no <release> for $version"
grep -q '^EnvironmentFile=-/etc/teehee/' "$root/usr/lib/systemd/system/teehee-server.service" \
  || fail "unit lacks the optional EnvironmentFile="
grep -q '^User=teehee$' "$root/usr/lib/systemd/system/teehee-server.service" || fail "unit lacks User=teehee"

step "declared dependencies are installed here"
depends=$(dpkg-deb -f "$deb" Depends)
echo "    Depends: $depends"
# Virtual packages (e.g. qt6-websockets-abi) count when an installed package provides them.
dpkg-query -W -f='${db:Status-Abbrev}|${Provides}\n' | grep '^ii' | cut -d'|' -f2 | tr ',' '\n' \
  | sed -E 's/^ *([^ (]+) *(\(= *([^)]+)\))? *$/\1 \3/' | grep -v '^ *$' >"$work/provides.list" || true
# satisfied "pkg (>= 1.2) | other": one alternative installed in a fitting version
satisfied() {
  local alt name op ver have prov
  IFS='|' read -ra alts <<<"$1"
  for alt in "${alts[@]}"; do
    read -r name op ver <<<"$(echo "$alt" | sed -E 's/^ *([^ (]+) *(\(([<>=]+) *([^)]+)\))? *$/\1 \3 \4/')"
    name=${name%:any}
    have=$(dpkg-query -W -f='${Status} ${Version}' "$name" 2>/dev/null || true)
    if [[ $have == "install ok installed "* ]]; then
      [ -z "$op" ] && return 0
      dpkg --compare-versions "${have##* }" "$op" "$ver" && return 0
    fi
    while read -r prov pver; do
      [ "$prov" = "$name" ] || continue
      [ -z "$op" ] && return 0
      [ -n "$pver" ] && dpkg --compare-versions "$pver" "$op" "$ver" && return 0
    done <"$work/provides.list"
  done
  return 1
}
IFS=',' read -ra groups <<<"$depends"
for g in "${groups[@]}"; do satisfied "$g" || fail "dependency not satisfied on this machine: $g"; done
for bin in teehee teehee-server; do
  if ldd "$root/usr/bin/$bin" | grep "not found" >/dev/null; then
    ldd "$root/usr/bin/$bin"; fail "$bin has unresolved libraries"
  fi
done
# Package names in a Depends-style list, without versions and alternatives' bars.
names() { tr ',|' '\n\n' | sed -E 's/\(.*\)//; s/:any//; s/ //g' | grep -v '^$' || true; }
# dpkg-shlibdeps run afresh on the extracted binaries: Depends must hold all it finds.
mkdir -p "$work/shlibs/debian"
printf 'Source: teehee\n\nPackage: teehee\nArchitecture: any\n' >"$work/shlibs/debian/control"
shlibs=$(cd "$work/shlibs" && dpkg-shlibdeps -O -e"$root/usr/bin/teehee" -e"$root/usr/bin/teehee-server" \
         2>"$work/shlibdeps.log") || { cat "$work/shlibdeps.log"; fail "dpkg-shlibdeps failed on the extracted binaries"; }
shlibs=${shlibs#shlibs:Depends=}
[ -n "$shlibs" ] || fail "dpkg-shlibdeps found no libraries"
dep_names=$(names <<<"$depends")
for p in $(names <<<"$shlibs"); do
  grep -qx "$p" <<<"$dep_names" || fail "Depends lacks $p, which dpkg-shlibdeps requires"
done
# The desktop app shows emoji and CJK text from replies: their fonts come with it.
if [ -e "$root/usr/bin/teehee" ]; then
  for font in fonts-noto-color-emoji fonts-noto-cjk; do
    grep -qx "$font" <<<"$dep_names" || fail "Depends lacks $font: emoji or CJK text would show as boxes"
  done
fi
# Every QML module the UI imports must come from a package in the Depends
# closure, else a user's machine misses it (this machine has them all).
declare -A closure=()
queue=$dep_names
while [ -n "$queue" ]; do
  next=""
  for p in $queue; do
    [ -n "${closure[$p]:-}" ] && continue
    closure[$p]=1
    next+=" $(dpkg-query -W -f='${Depends},${Pre-Depends}' "$p" 2>/dev/null | names | tr '\n' ' ')"
  done
  queue=$(echo "$next" | xargs -n1 2>/dev/null | sort -u || true)
done
"$scanner" -rootPath "$src/qml" -importPath "$qml_dir" >"$work/imports.json"
modules=$(grep -oE "\"path\": \"$qml_dir/[^\"]+\"" "$work/imports.json" | sed -E 's/.*: "(.*)"/\1/' | sort -u)
[ -n "$modules" ] || fail "qmlimportscanner found no Qt QML modules in $src/qml"
for m in $modules; do
  owner=$(dpkg -S "$m/qmldir" 2>/dev/null | cut -d: -f1 | sed -n 1p)
  [ -n "$owner" ] || fail "no Debian package owns $m/qmldir"
  [ -n "${closure[$owner]:-}" ] || fail "QML module ${m#"$qml_dir"/} comes from $owner, which the .deb does not depend on"
done
echo "    $(echo "$modules" | wc -l) QML modules covered"
# SVG icons need Qt's SVG image plugin, which nothing links either.
if grep -rqE '\.svg\b' "$src/qml" --include='*.qml'; then
  svg_plugin=$(dirname "$qml_dir")/plugins/imageformats/libqsvg.so
  owner=$(dpkg -S "$svg_plugin" 2>/dev/null | cut -d: -f1 | sed -n 1p)
  [ -n "$owner" ] || fail "no Debian package owns $svg_plugin"
  [ -n "${closure[$owner]:-}" ] || fail "the UI shows SVG images but the .deb does not depend on $owner ($svg_plugin)"
fi

step "teehee-server --version and --help"
out=$(run_isolated "$root/usr/bin/teehee-server" --version)
[ "$out" = "teehee-server $version" ] || fail "--version printed '$out'"
# The example settings file and the README must name every variable the server knows.
vars=$(run_isolated "$root/usr/bin/teehee-server" --help | grep -oE '^  [A-Z][A-Z0-9_]+' || true)
[ -n "$vars" ] || fail "--help lists no environment variables"
for var in $vars; do
  grep -q "^#\?$var=" "$root/usr/share/doc/teehee/examples/teehee-server.env" \
    || fail "$var missing from examples/teehee-server.env"
  grep -q "\`$var\`" "$root/usr/share/doc/teehee/README.md" || fail "$var missing from README.md"
done

step "teehee-server serves /health"
mkdir -p "$work/server"
(cd "$work/server" && exec env -i PATH=/usr/bin:/bin HOME="$work/home" LANG=C.UTF-8 \
    SECRET_KEY="$secret" ENCRYPTION_KEY="$secret" TEEHEE_DATA_DIR="$work/server/data" \
    "$root/usr/bin/teehee-server" --host 127.0.0.1 --port 0) >"$work/server.log" 2>&1 &
server_pid=$!
port=""
for _ in $(seq 1 100); do
  port=$(grep -oE 'listening on http://127\.0\.0\.1:[0-9]+' "$work/server.log" | sed -n 1p | grep -oE '[0-9]+$' || true)
  [ -n "$port" ] && break
  kill -0 "$server_pid" 2>/dev/null || break
  sleep 0.2
done
[ -n "$port" ] || { cat "$work/server.log"; fail "server did not start"; }
health=$(curl -fsS --max-time 10 "http://127.0.0.1:$port/health") || fail "GET /health failed"
echo "    /health on port $port: $health"
grep -q '"status": *"healthy"' <<<"$health" || fail "unhealthy: $health"
curl -fsS --max-time 10 -o /dev/null "http://127.0.0.1:$port/docs" || fail "GET /docs failed"
kill -TERM "$server_pid"
rc=0; wait "$server_pid" || rc=$?
server_pid=""
[ "$rc" -eq 0 ] || { cat "$work/server.log"; fail "server exited with $rc on SIGTERM"; }
[ -f "$work/server/data/teehee.db" ] || fail "no SQLite database in TEEHEE_DATA_DIR"

step "teehee loads its QML offscreen"
rc=0
run_isolated QT_QPA_PLATFORM=offscreen TEEHEE_DATA_DIR="$work/appdata" \
  timeout -s TERM 6 "$root/usr/bin/teehee" >"$work/app.log" 2>&1 || rc=$?
# 124: still running when timeout stopped it, i.e. the window came up and stayed.
if [ "$rc" -ne 124 ]; then cat "$work/app.log"; fail "teehee exited with $rc before the timeout"; fi
# What a missing QML module, plugin or driver, or a broken view prints (not mere warnings).
qml_errors='module "[^"]*" (version [^ ]+ )?is not installed|plugin cannot be loaded for module|is not a type|Type [A-Za-z.]+ unavailable|(ReferenceError|TypeError|SyntaxError|RangeError):|Cannot assign|Invalid property assignment|Non-existent attached object|failed to load component|Could not find the Qt platform plugin|Cannot load library|Driver not loaded|driver not loaded|Unsupported image format|Error decoding'
if grep -E "$qml_errors" "$work/app.log"; then fail "QML or plugin errors while loading the UI (above)"; fi

step "lintian"
# Exit 1 means tags of severity error (printed as E:), 2 that lintian itself failed.
rc=0
lintian --fail-on error --tag-display-limit 0 "$deb" >"$work/lintian.log" 2>&1 || rc=$?
cat "$work/lintian.log"
[ "$rc" -le 1 ] || fail "lintian failed to run (exit $rc)"
if [ "$rc" -eq 1 ] || grep -qE '^E: ' "$work/lintian.log"; then fail "lintian reports errors"; fi

echo "PASS: $(basename "$deb") and $(basename "$tgz")"
