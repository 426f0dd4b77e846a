import { existsSync, readFileSync } from "node:fs";

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

// Present when the machine's Node is not 24: the unit and database projects ran again on Node 24.
const node24 = existsSync("test-reports/vitest-node24.json")
  ? (JSON.parse(readFileSync("test-reports/vitest-node24.json", "utf8")) as VitestReport)
  : undefined;
const fuzz = JSON.parse(readFileSync("test-reports/schemathesis/summary.json", "utf8")) as FuzzSummary;
const fuzzPassed = fuzz.schemathesisExit === 0 && fuzz.serverErrors === 0 && fuzz.storedByRejected.length === 0;

// The fuzz stage counts as one test: it passes only when every operation passed every check.
const runs = [vitest, ...(node24 ? [node24] : [])];
const passed = sum(runs, "numPassedTests") + playwright.stats.expected + playwright.stats.flaky + (fuzzPassed ? 1 : 0);
const failed = sum(runs, "numFailedTests") + playwright.stats.unexpected + (fuzzPassed ? 0 : 1);
const skipped = sum(runs, "numPendingTests") + playwright.stats.skipped;

console.log(`vitest (unit, database, integration): ${vitest.numPassedTests} passed, ${vitest.numFailedTests} failed`);
if (node24) console.log(`vitest on Node 24 (unit, database): ${node24.numPassedTests} passed, ${node24.numFailedTests} failed`);
console.log(`playwright (Chromium): ${playwright.stats.expected + playwright.stats.flaky} passed, ${playwright.stats.unexpected} failed`);
console.log(`schemathesis (API fuzzing): ${fuzz.operations} operations, ${fuzz.requests} requests, ${fuzz.serverErrors} server errors, ${fuzzPassed ? "passed" : "failed"}`);
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 ? 1 : 0);

function sum(reports: VitestReport[], field: keyof VitestReport): number {
  return reports.reduce((total, report) => total + report[field], 0);
}
