#!/usr/bin/env bash
# `npm test`: the whole suite, as CI runs it on a fresh machine.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1
mkdir -p test-reports

step() { printf '\n== %s\n' "$*"; }
started=$SECONDS

step "System packages (Chromium, PostgreSQL)"
bash scripts/ensure-system-packages.sh

step "Lint"
npx eslint . --max-warnings 0

step "Typecheck"
npx tsc --noEmit

step "Sandbox tools (etcd, kube-apiserver, kubectl, Flux), built from Go modules once and cached"
npx tsx e2e/sandbox/build.ts

step "Dashboard build (the database specs start it as npm start does)"
npm run --silent build

step "Unit, database (PGlite and PostgreSQL) and sandbox integration tests"
npx vitest run --reporter=default --reporter=json --outputFile.json=test-reports/vitest.json

# Syncline supports Node 24 and the machine's Node 20; the run above used the machine's.
if [[ "$(node --version)" != v24.* ]]; then
  step "Unit and database tests again on Node 24 (from the npm registry, cached)"
  node24="$(bash scripts/ensure-node24.sh)"
  PATH="$(dirname "$node24"):$PATH" npx vitest run --project unit --project db-pglite --project db-postgres \
    --reporter=default --reporter=json --outputFile.json=test-reports/vitest-node24.json
fi

step "End-to-end tests in Chromium"
PLAYWRIGHT_JSON_OUTPUT_NAME=test-reports/playwright.json npx playwright test --reporter=list,json

step "API fuzzing: Schemathesis against /api/openapi.json of a running Syncline"
npx tsx scripts/fuzz-api.ts

step "Summary ($((SECONDS - started)) s)"
npx tsx scripts/test-summary.ts
