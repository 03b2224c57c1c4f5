#!/usr/bin/env bash
# Installs the web tests' one dependency (playwright-core, pinned in package-lock.json) with
# `npm ci` when node_modules is missing or the lock file changed since the last install.
# The browser is Debian's chromium (package "chromium"): Playwright never downloads one.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
cd "$here"
stamp=node_modules/.package-lock.sha256
want=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ -d node_modules/playwright-core ] && [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then
  exit 0
fi
command -v npm >/dev/null || { echo "tests/web/setup.sh: npm is missing (install Debian's npm and nodejs)" >&2; exit 1; }
echo "==> npm ci in tests/web"
PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund
echo "$want" > "$stamp"
