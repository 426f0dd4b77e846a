import { spawn } from "node:child_process";
import { mkdtempSync, openSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ensureBinaries } from "../sandbox/build";
import { writeAppState } from "./app-state";

const READY_TIMEOUT_MS = 15 * 60_000;

/**
 * Starts Syncline in production mode, as `npm start` does, on a free port with a fresh data
 * directory, and waits until /api/readyz answers 200. The first run includes `next build`.
 * With E2E_BASE_URL set, an already running app is used instead (then E2E_ADMIN_PASSWORD too).
 */
export default async function globalSetup(): Promise<void> {
  if (process.env.E2E_BASE_URL) {
    writeAppState({ baseURL: process.env.E2E_BASE_URL, adminPassword: process.env.E2E_ADMIN_PASSWORD ?? "admin-password-1" });
    return;
  }
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), "syncline-e2e-data-"));
  const adminPassword = `e2e-${Math.random().toString(36).slice(2)}-admin`;
  const logFile = join(dataDir, "app.log");
  // Drift is computed as flux diff does, with the flux CLI, found as an operator would configure it.
  const { paths } = await ensureBinaries();
  const log = openSync(logFile, "a");
  const child = spawn("npx", ["tsx", "scripts/start.ts"], {
    cwd: process.cwd(),
    // Its own process group, so teardown can stop npx, tsx, next and its workers together.
    detached: true,
    stdio: ["ignore", log, log],
    env: {
      ...process.env,
      PORT: String(port),
      HOST: "127.0.0.1",
      SYNCLINE_DATA_DIR: dataDir,
      SYNCLINE_ADMIN_PASSWORD: adminPassword,
      NEXT_TELEMETRY_DISABLED: "1",
      SYNCLINE_FLUX_CLI: paths.flux,
    },
  });
  child.unref();
  const baseURL = `http://127.0.0.1:${port}`;
  writeAppState({ baseURL, adminPassword, pid: child.pid!, port, dataDir });
  process.env.E2E_BASE_URL = baseURL;

  const exited = new Promise<never>((_, reject) =>
    child.once("exit", (code) => reject(new Error(`Syncline exited with ${code} before it was ready; see ${logFile}`))),
  );
  try {
    await Promise.race([waitForReady(baseURL, logFile), exited]);
  } catch (error) {
    // Teardown does not run when setup fails; do not leave a half-started app listening.
    try {
      process.kill(-child.pid!, "SIGKILL");
    } catch {
      // It already exited.
    }
    throw error;
  }
}

async function waitForReady(baseURL: string, logFile: string): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`${baseURL}/api/readyz`, { signal: AbortSignal.timeout(2000) });
      if (response.status === 200) return;
    } catch {
      // Not listening yet: still migrating or building.
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`Syncline did not become ready at ${baseURL} within ${READY_TIMEOUT_MS / 60_000} min; see ${logFile}`);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
