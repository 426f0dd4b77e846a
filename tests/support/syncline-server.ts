import { spawn, type ChildProcess } from "node:child_process";
import { resolve } from "node:path";
import { freePort } from "./postgres-server";

export interface RunningSyncline {
  baseUrl: string;
  output(): string;
  stop(): Promise<void>;
}

const ROOT = resolve(import.meta.dirname, "../..");

/**
 * Starts Syncline exactly as `npm start` does (migrate, first admin, build if stale, serve) on a
 * free port, and waits until it is ready. stop() ends the whole process group.
 */
export async function startSyncline(env: Record<string, string>, timeoutMs = 300_000): Promise<RunningSyncline> {
  const port = await freePort();
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: "production", PORT: String(port), HOST: "127.0.0.1", SYNCLINE_LOG_LEVEL: "warn", ...env },
    detached: true,
  });
  let output = "";
  child.stdout?.on("data", (chunk) => (output += chunk));
  child.stderr?.on("data", (chunk) => (output += chunk));
  const baseUrl = `http://127.0.0.1:${port}`;
  const server = { baseUrl, output: () => output, stop: () => stopGroup(child) };
  try {
    await waitUntilReady(baseUrl, child, timeoutMs);
  } catch (error) {
    await server.stop();
    throw new Error(`${(error as Error).message}\n--- output ---\n${output}`);
  }
  return server;
}

async function waitUntilReady(baseUrl: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`Syncline exited with code ${child.exitCode} before it was ready`);
    try {
      if ((await fetch(`${baseUrl}/api/readyz`)).ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`Syncline was not ready within ${timeoutMs} ms`);
}

function stopGroup(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.pid === undefined) return Promise.resolve();
  return new Promise((resolveStop) => {
    const kill = setTimeout(() => process.kill(-child.pid!, "SIGKILL"), 10_000);
    child.once("exit", () => {
      clearTimeout(kill);
      resolveStop();
    });
    process.kill(-child.pid!, "SIGTERM");
  });
}
