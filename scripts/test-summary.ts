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

const vitest = JSON.parse(readFileSync("test-reports/vitest.json", "utf8")) as VitestReport;
const playwright = JSON.parse(readFileSync("test-reports/playwright.json", "utf8")) as PlaywrightReport;

const passed = vitest.numPassedTests + playwright.stats.expected + playwright.stats.flaky;
const failed = vitest.numFailedTests + playwright.stats.unexpected;
const skipped = vitest.numPendingTests + playwright.stats.skipped;

console.log(`vitest (unit, database, integration): ${vitest.numPassedTests} passed, ${vitest.numFailedTests} failed`);
console.log(`playwright (Chromium): ${playwright.stats.expected + playwright.stats.flaky} passed, ${playwright.stats.unexpected} failed`);
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 ? 1 : 0);
