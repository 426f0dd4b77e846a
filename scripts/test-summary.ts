import { readFileSync } from "node:fs";

/** One closing line for the whole suite, counted from the runners' own JSON reports. */
interface VitestReport {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
}
interface PlaywrightReport {
  stats: { expected: number; unexpected: number; flaky: number; skipped: number };
}
interface FuzzSummary {
  operations: number;
  requests: number;
  serverErrors: number;
  schemathesisExit: number;
  storedByRejected: string[];
}

const vitest = JSON.parse(readFileSync("test-reports/vitest.json", "utf8")) as VitestReport;
const playwright = JSON.parse(readFileSync("test-reports/playwright.json", "utf8")) as PlaywrightReport;

const fuzz = JSON.parse(readFileSync("test-reports/schemathesis/summary.json", "utf8")) as FuzzSummary;
const fuzzPassed = fuzz.schemathesisExit === 0 && fuzz.serverErrors === 0 && fuzz.storedByRejected.length === 0;

// The fuzz stage counts as one test: it passes only when every operation passed every check.
const passed = vitest.numPassedTests + playwright.stats.expected + playwright.stats.flaky + (fuzzPassed ? 1 : 0);
const failed = vitest.numFailedTests + playwright.stats.unexpected + (fuzzPassed ? 0 : 1);
const skipped = vitest.numPendingTests + playwright.stats.skipped;

console.log(`vitest (unit, database, integration): ${vitest.numPassedTests} passed, ${vitest.numFailedTests} failed`);
console.log(`playwright (Chromium): ${playwright.stats.expected + playwright.stats.flaky} passed, ${playwright.stats.unexpected} failed`);
console.log(`schemathesis (API fuzzing): ${fuzz.operations} operations, ${fuzz.requests} requests, ${fuzz.serverErrors} server errors, ${fuzzPassed ? "passed" : "failed"}`);
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 ? 1 : 0);
