#!/usr/bin/env bash
# All of zh-report's tests, from a fresh checkout: install, type-check, lint, build, unit and protocol tests
# (node's test runner), then the real-editor suite inside code-server (npm run test:e2e) and the web build in
# code-server's web worker extension host (npm run test:e2e:web).
# Prints one closing line "tests: N passed, N failed" and exits non-zero on any failure.
set -uo pipefail
cd "$(dirname "$0")/.."

log_dir=$(mktemp -d)
trap 'rm -rf "$log_dir"' EXIT
status=0
passed=0
failed=0

step() { printf '\n== %s\n' "$*"; }

step "install npm packages"
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund || { echo "npm ci failed"; exit 1; }
fi

step "type-check (tsc -b, tsconfig.scripts.json), lint (eslint) and bundle (esbuild)"
npx tsc -b || { echo "type-check failed"; exit 1; }
npx tsc -p tsconfig.scripts.json || { echo "type-check of the scripts (bench/, scripts/) failed"; exit 1; }
npx eslint . || status=1
node scripts/bundle.mjs || { echo "bundle failed"; exit 1; }

step "unit and protocol tests (node --test)"
# Node 20's --test takes no globs: list the compiled test files
mapfile -t test_files < <(find out/test/unit out/test/protocol -name '*.test.js' 2>/dev/null | sort)
node --test --test-reporter=spec "${test_files[@]}" 2>&1 | tee "$log_dir/node.log"
[ "${PIPESTATUS[0]}" -eq 0 ] || status=1
p=$(grep -Eo '^ℹ pass [0-9]+' "$log_dir/node.log" | awk '{print $3}' | tail -1)
f=$(grep -Eo '^ℹ fail [0-9]+' "$log_dir/node.log" | awk '{print $3}' | tail -1)
passed=$((passed + ${p:-0}))
failed=$((failed + ${f:-0}))
[ "${p:-0}" -gt 0 ] || { echo "node's test runner ran no test"; status=1; }

# Adds a real-editor run's closing "N passed, N failed" line to the totals.
count_e2e() {
  local line
  line=$(grep -E '^[0-9]+ passed, [0-9]+ failed' "$1" | tail -1)
  if [ -n "$line" ]; then
    passed=$((passed + $(echo "$line" | awk '{print $1}')))
    failed=$((failed + $(echo "$line" | awk '{print $3}')))
  else
    echo "the real-editor run printed no summary ($1)"
    status=1
  fi
}

if [ "${ZH_REPORT_SKIP_E2E:-}" = "1" ]; then
  step "real-editor suite: skipped by ZH_REPORT_SKIP_E2E=1 (not counted as passed)"
else
  step "real-editor suite in code-server (npm run test:e2e)"
  npm run --silent test:e2e 2>&1 | tee "$log_dir/e2e.log"
  [ "${PIPESTATUS[0]}" -eq 0 ] || status=1
  count_e2e "$log_dir/e2e.log"
  step "the web build in code-server's web worker extension host (npm run test:e2e:web)"
  npm run --silent test:e2e:web 2>&1 | tee "$log_dir/e2e-web.log"
  [ "${PIPESTATUS[0]}" -eq 0 ] || status=1
  count_e2e "$log_dir/e2e-web.log"
fi

echo
echo "tests: $passed passed, $failed failed"
[ "$failed" -eq 0 ] || status=1
exit $status
