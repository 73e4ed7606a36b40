#!/usr/bin/env bash
# The whole test suite (`npm test`): installs the browsers a fresh Debian machine lacks, builds both
# extensions, runs the Vitest unit tests and the end-to-end tests in Chromium and Firefox, and ends with
# one line `N passed, N failed, N skipped` summing both (CI reads that line, not Vitest's own summary).
# Exits non-zero when anything failed. Keeps going after a failing step so the sum covers everything.
set -uo pipefail
cd "$(dirname "$0")/.."

mkdir -p .tmp
passed=0
failed=0
skipped=0
step() { printf '\n== %s\n' "$*"; }

# --- browsers (Debian packages; test tools never download their own) -------------------------------
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
[ -x /usr/bin/firefox-esr ] || missing+=(firefox-esr)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    step "installing ${missing[*]} (apt)"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq && apt-get install -y -qq "${missing[@]}" </dev/null >/dev/null ||
      echo "apt-get install ${missing[*]} failed; the E2E runner will report the missing browser"
  else
    echo "missing ${missing[*]}: install with 'sudo apt-get install ${missing[*]}' (E2E will skip or fail)"
  fi
fi

# --- npm dependencies ------------------------------------------------------------------------------
if [ ! -d node_modules ]; then
  step 'npm ci'
  npm ci --no-audit --no-fund || exit 1
fi

# --- production builds carry no test hook (issue 17, item 7) ----------------------------------------
# CI (.ci/run) zips the production builds before it runs this script; check those zips when they exist.
if compgen -G '.output/*.zip' >/dev/null; then
  step 'production zips: no test hook'
  if npx tsx scripts/check-no-test-hook.ts; then passed=$((passed + 1)); else failed=$((failed + 1)); fi
fi

# --- builds (the E2E tests load exactly these) -----------------------------------------------------
# Test builds: WXT_SOURCELIGHT_TEST=1 compiles in the background's E2E hook (`__sourcelightTest`), which
# production builds (plain `wxt build` / `wxt zip`) leave out.
export WXT_SOURCELIGHT_TEST=1
build() {
  local dir=$1
  shift
  step "build: wxt build $*"
  if ! npx wxt build "$@"; then
    # never let the E2E run test an older build left in .output
    rm -rf ".output/$dir"
    echo "BUILD FAILED: wxt build $*"
    failed=$((failed + 1))
  fi
}
build chrome-mv3
# --mv3: WXT builds Firefox as MV2 unless told otherwise
build firefox-mv3 -b firefox --mv3

# --- unit tests (Vitest; counts from its JSON report) ----------------------------------------------
step 'unit tests: vitest'
rm -f .tmp/vitest.json
timeout 900 npx vitest run --reporter=default --reporter=json --outputFile=.tmp/vitest.json
read -r u_passed u_failed u_skipped < <(
  node -e '
    const fs = require("fs");
    try {
      const r = JSON.parse(fs.readFileSync(".tmp/vitest.json", "utf8"));
      // a file that fails to load has no test results but is a failure all the same
      const brokenFiles = (r.testResults || []).filter(
        (f) => f.status === "failed" && (f.assertionResults || []).length === 0,
      ).length;
      console.log(r.numPassedTests, r.numFailedTests + brokenFiles, r.numPendingTests + r.numTodoTests);
    } catch {
      console.log(0, 1, 0); // no report at all: Vitest itself crashed
    }'
)
echo "unit: ${u_passed} passed, ${u_failed} failed, ${u_skipped} skipped"
passed=$((passed + u_passed))
failed=$((failed + u_failed))
skipped=$((skipped + u_skipped))

# --- end-to-end tests (Chromium + Firefox) ---------------------------------------------------------
step 'end-to-end tests: Chromium and Firefox'
rm -f .tmp/e2e-results.json
# the runner bounds every test itself; this outer bound only guards against a wedged runner
timeout 1200 npx tsx tests/e2e/run.ts
read -r e_passed e_failed e_skipped < <(
  node -e '
    try {
      const r = JSON.parse(require("fs").readFileSync(".tmp/e2e-results.json", "utf8"));
      console.log(r.passed, r.failed, r.skipped);
    } catch {
      console.log(0, 1, 0); // the runner died before writing results
    }'
)
passed=$((passed + e_passed))
failed=$((failed + e_failed))
skipped=$((skipped + e_skipped))

echo
echo "unit ${u_passed}/${u_failed}/${u_skipped}, e2e ${e_passed}/${e_failed}/${e_skipped} (passed/failed/skipped)"
echo "${passed} passed, ${failed} failed, ${skipped} skipped"
[ "$failed" -eq 0 ]
