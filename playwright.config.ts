import { defineConfig, devices } from "@playwright/test";

/**
 * End-to-end specs drive Debian's Chromium against Syncline in production mode, which
 * e2e/world/global-setup.ts starts on a free port with a fresh database (and stops afterwards).
 * One worker: the machine has two cores, and the sandbox clusters are shared.
 *
 * Two projects: a desktop window, and a phone (390×844, touch) that runs the main story, the
 * accessibility checks and the layout checks again at that size. Both render with the machine's
 * real fonts, as users' browsers do.
 */
const PHONE_SPECS = ["clusters.spec.ts", "a11y*.spec.ts", "layout*.spec.ts", "running-now.spec.ts", "sources.spec.ts"];

export default defineConfig({
  testDir: "e2e",
  testMatch: "*.spec.ts",
  globalSetup: "./e2e/world/global-setup.ts",
  globalTeardown: "./e2e/world/global-teardown.ts",
  workers: 1,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 90_000,
  expect: { timeout: 10_000 },
  reporter: [["list"], ["html", { open: "never" }]],
  outputDir: "test-results/artifacts",
  use: {
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    },
  },
  projects: [
    { name: "chromium", testIgnore: ["layout-phone.spec.ts"], use: { ...devices["Desktop Chrome"], viewport: { width: 1440, height: 900 } } },
    {
      name: "phone",
      testMatch: PHONE_SPECS,
      use: { ...devices["Desktop Chrome"], viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true },
    },
  ],
});
