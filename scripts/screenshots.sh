#!/usr/bin/env bash
# Starts the real desktop app under Xvfb against a fake OpenAI provider, lets
# it drive a short conversation (thinking, a code block, a regenerated second
# branch, a table), a message to a provider without a key, the model popup and
# Settings → Sharing (the pairing QR code, a phone's request waiting, a paired tablet streaming
# a reply, the owner's key shared, an account for another person), the sidebar's
# search (Ctrl+K) with message hits, Settings → Usage with priced replies, a
# question carrying an image,
# and saves them in the light and dark themes and in German.
#   scripts/screenshots.sh [BUILD_DIR]   (default: build) → BUILD_DIR/screenshots/*.png
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
build="$(cd "${1:-build}" && pwd)"
out="$build/screenshots"
app="$build/app/teehee"
fake="$build/tests/qml/teehee-fakeprovider"
# The fake MCP server, for Settings → Tools and a tool call waiting for approval (optional).
mcp="$build/tests/mcp/fakemcpserver"
[[ -x "$mcp" ]] || mcp=""
for f in "$app" "$fake"; do
  [[ -x "$f" ]] || { echo "missing $f: build the 'teehee' and 'teehee-fakeprovider' targets first" >&2; exit 1; }
done
command -v xvfb-run >/dev/null || { echo "xvfb-run is not installed (apt-get install xvfb)" >&2; exit 1; }

tmp="$(mktemp -d)"
fakepid=""
cleanup() { [[ -n "$fakepid" ]] && kill "$fakepid" 2>/dev/null; rm -rf "$tmp"; }
trap cleanup EXIT

"$fake" "$here/screenshots/reply1.md" "$here/screenshots/reply2.md" "$here/screenshots/reply3.md" \
  --image-reply "$here/screenshots/image-reply.md" > "$tmp/url" &
fakepid=$!
for _ in $(seq 50); do [[ -s "$tmp/url" ]] && break; sleep 0.1; done
url="$(head -n1 "$tmp/url")"
[[ -n "$url" ]] || { echo "the fake provider did not start" >&2; exit 1; }

mkdir -p "$out"
# A throwaway profile: data, settings and secrets stay in $tmp.
env TEEHEE_DATA_DIR="$tmp/data" XDG_CONFIG_HOME="$tmp/config" \
    SECRET_KEY="$(head -c 32 /dev/urandom | base64)" ENCRYPTION_KEY="$(head -c 32 /dev/urandom | base64)" \
    OPENAI_BASE_URL="$url" OPENAI_API_KEY="sk-fake" ANTHROPIC_API_KEY= MISTRAL_API_KEY= QT_QUICK_CONTROLS_STYLE=Basic \
    TEEHEE_SCREENSHOT_MCP="$mcp" \
    xvfb-run -a -s "-screen 0 1280x800x24" "$app" --screenshots "$out"
# First run without any key: the welcome card (the probe finds no local server here).
env TEEHEE_DATA_DIR="$tmp/data2" XDG_CONFIG_HOME="$tmp/config2" \
    SECRET_KEY="$(head -c 32 /dev/urandom | base64)" ENCRYPTION_KEY="$(head -c 32 /dev/urandom | base64)" \
    OPENAI_API_KEY= ANTHROPIC_API_KEY= MISTRAL_API_KEY= QT_QUICK_CONTROLS_STYLE=Basic \
    xvfb-run -a -s "-screen 0 1280x800x24" "$app" --screenshots "$out"
ls -1 "$out"/*.png
