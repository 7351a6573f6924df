#!/usr/bin/env bash
# npm test: type checks, lint and dependency rules, unit and integration tests
# (vitest), then the Playwright e2e suite in Debian's Chromium. Ends with one
# line of totals, "N passed, N failed", read by CI.
set -uo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-tools.sh --browser || exit 1

passed=0
failed=0
step() { # name, command...: a whole step counts as one test
  local name=$1; shift
  echo "── $name"
  if "$@"; then passed=$((passed + 1)); else echo "✗ $name failed"; failed=$((failed + 1)); fi
}
count_json() { # file, node expression over r giving "passed failed"
  node -e "const r=require(process.argv[1]);const [p,f]=($2);console.log(p+' '+f)" "$1" 2>/dev/null || echo "0 1"
}

step "type check" pnpm -r --workspace-concurrency=1 typecheck
step "lint and format (biome)" pnpm exec biome check .

echo "── unit and integration tests (vitest)"
rm -f .vitest.json
pnpm exec vitest run --reporter=default --reporter=json --outputFile.json=.vitest.json
vitest_rc=$?
read -r vp vf < <(count_json ./.vitest.json '[r.numPassedTests, r.numFailedTests]')
passed=$((passed + vp)); failed=$((failed + vf))
if [ "$vitest_rc" -ne 0 ] && [ "$vf" -eq 0 ]; then failed=$((failed + 1)); fi

echo "── build"
if pnpm --filter @chungtay/client build >/dev/null; then
  echo "── end-to-end tests (Playwright, Debian Chromium)"
  rm -f .playwright.json
  (cd e2e && PLAYWRIGHT_JSON_OUTPUT_NAME=../.playwright.json pnpm exec playwright test --reporter=list,json)
  e2e_rc=$?
  read -r ep ef < <(count_json ./.playwright.json '[r.stats.expected + (r.stats.flaky||0), r.stats.unexpected]')
  passed=$((passed + ep)); failed=$((failed + ef))
  if [ "$e2e_rc" -ne 0 ] && [ "$ef" -eq 0 ]; then failed=$((failed + 1)); fi
else
  echo "✗ build failed"; failed=$((failed + 1))
fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
