#!/usr/bin/env bash
# `npm run demo`: installs what is missing (npm dependencies, Debian's chromium), builds the extension for
# Chrome and Firefox, serves the bundled demo article on 127.0.0.1 and opens Chromium with the extension
# loaded on it. Without a display (SSH, CI, containers) it runs the same tour headless instead and says how
# to see it for real.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -x /usr/bin/chromium ]; then
  if [ "$(id -u)" = 0 ]; then
    echo '== installing Debian chromium (apt)'
    DEBIAN_FRONTEND=noninteractive apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium </dev/null >/dev/null
  else
    echo 'Chromium is missing: sudo apt-get install chromium   (then run npm run demo again)'
    exit 1
  fi
fi
[ -d node_modules ] || npm ci --no-audit --no-fund

echo '== building (Chrome MV3 → .output/chrome-mv3, Firefox MV3 → .output/firefox-mv3)'
# a demo build, not a release: the headless tour drives the background's test hook (see scripts/test.sh)
WXT_SOURCELIGHT_TEST=1 npx wxt build >/dev/null
WXT_SOURCELIGHT_TEST=1 npx wxt build -b firefox --mv3 >/dev/null
ext="$PWD/.output/chrome-mv3"

if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  echo
  echo 'No display found ($DISPLAY is empty), so Chromium cannot open a window here.'
  echo 'Running the demo headless instead: open the demo article, save a passage, read the popup.'
  echo
  npx tsx tests/e2e/demo.ts --headless
  echo
  echo 'To see it in a window: run `npm run demo` on a desktop (or under `xvfb-run`), or load'
  echo "$ext by hand (chrome://extensions → Developer mode → Load unpacked)."
else
  # serve demo/ on a free loopback port for as long as the browser is open
  log=$(mktemp)
  npx tsx tests/e2e/demo.ts --serve >"$log" 2>&1 &
  server=$!
  trap 'kill "$server" 2>/dev/null || true; rm -f "$log"' EXIT
  url=''
  for _ in $(seq 1 100); do
    url=$(sed -n 's/^DEMO_URL //p' "$log")
    [ -n "$url" ] && break
    sleep 0.1
  done
  [ -n "$url" ] || { cat "$log"; echo 'the demo server did not start'; exit 1; }
  echo "== opening $url in Chromium with Sourcelight loaded (close the window to stop)"
  echo '   select a passage, right-click → "Save selection to Sourcelight" (or Alt+Shift+S), then open the toolbar popup'
  sandbox=()
  [ "$(id -u)" = 0 ] && sandbox=(--no-sandbox) # Chromium refuses to run as root with its sandbox
  /usr/bin/chromium "${sandbox[@]}" --user-data-dir="$PWD/.tmp/demo-profile" \
    --disable-extensions-except="$ext" --load-extension="$ext" \
    --no-first-run --disable-background-networking --disable-component-update --disable-sync \
    "$url" 2> >(grep -v 'unexpected operator' >&2) || true
fi

echo
echo 'The same analysis from the command line: npm run analyze -- demo/seed.html'
