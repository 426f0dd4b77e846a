import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";

/** What global setup hands to the test workers: where the app runs and how to sign in. */
export interface AppState {
  baseURL: string;
  adminPassword: string;
  /** Set when global setup started the app (and teardown must stop it); absent when reusing one. */
  pid?: number;
  port?: number;
  dataDir?: string;
}

const STATE_FILE = join(tmpdir(), "syncline-e2e", "app.json");

export function writeAppState(state: AppState): void {
  mkdirSync(dirname(STATE_FILE), { recursive: true });
  writeFileSync(STATE_FILE, JSON.stringify(state, null, 2));
}

export function readAppState(): AppState {
  return JSON.parse(readFileSync(STATE_FILE, "utf8")) as AppState;
}

export function clearAppState(): void {
  writeFileSync(STATE_FILE, "{}");
}
