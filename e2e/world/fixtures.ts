import { test as base, expect } from "@playwright/test";
import { readAppState } from "./app-state";

interface WorkerFixtures {
  adminPassword: string;
}

/** Tests import `test` from here: it points baseURL at the app global setup started. */
export const test = base.extend<object, WorkerFixtures>({
  baseURL: async ({}, provide) => provide(readAppState().baseURL),
  adminPassword: [async ({}, provide) => provide(readAppState().adminPassword), { scope: "worker" }],
});

export { expect };

/** Screenshots land where the report says, next to Playwright's own results. */
export const screenshotPath = (name: string) => `test-results/screenshots/${name}.png`;
