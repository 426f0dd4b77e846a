import { spawn } from "node:child_process";
import { resolve } from "node:path";

const BIN = resolve(import.meta.dirname, "../../bin/syncline.mjs");

/**
 * Runs the real `syncline` CLI as a user would, against the database in `env`. Asynchronous, so
 * a database served from the test's own process keeps answering meanwhile.
 */
export function syncline(
  args: string[],
  options: { env?: Record<string, string>; input?: string } = {},
): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolveResult, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      env: { ...process.env, SYNCLINE_LOG_LEVEL: "warn", ...options.env },
      timeout: 60_000,
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (status) => resolveResult({ status, stdout, stderr }));
    child.stdin.end(options.input ?? "");
  });
}
