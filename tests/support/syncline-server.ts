import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { resolve } from "node:path";
import { freePort } from "./postgres-server";

export interface RunningSyncline {
  baseUrl: string;
  /** The process group's id: the `npm start` process, parent of the Next.js server. */
  pid: number;
  output(): string;
  stop(): Promise<void>;
  /** `kill -9` of the whole process group, as a crashed node or an OOM kill would end it. */
  kill(): Promise<void>;
  /** Sends `signal` to one of its processes, or to its whole process group. */
  signal(to: SynclineProcess | "group", signal: NodeJS.Signals): void;
  /** The process id of one of its processes. */
  processId(role: SynclineProcess): number;
  /** Resolves with the milliseconds until no process of its group is left, orphans included; rejects after `timeoutMs`. */
  gone(timeoutMs: number): Promise<number>;
}

/**
 * Its processes by what they do: the one started (`npm start`, or node running scripts/start.ts
 * directly), the one that runs scripts/start.ts and owns the embedded database, and the one that
 * runs Next.js (scripts/serve-dashboard.ts).
 */
export type SynclineProcess = "launcher" | "database owner" | "dashboard";

export interface StartOptions {
  /** "npm": through `npm start` (npm → sh, which execs node on scripts/start.ts); "node" (default): node runs scripts/start.ts itself. */
  launcher?: "node" | "npm";
}

const ROOT = resolve(import.meta.dirname, "../..");

/**
 * Starts Syncline exactly as `npm start` does (migrate, first admin, build if stale, serve) on a
 * free port, and waits until it is ready. stop() ends the whole process group.
 */
export async function startSyncline(env: Record<string, string>, timeoutMs = 300_000, options: StartOptions = {}): Promise<RunningSyncline> {
  const port = await freePort();
  const [command, args] = options.launcher === "npm" ? ["npm", ["start"]] : [process.execPath, ["--import", "tsx", "scripts/start.ts"]];
  const child = spawn(command, args, {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: "production", PORT: String(port), HOST: "127.0.0.1", SYNCLINE_LOG_LEVEL: "warn", ...env },
    detached: true,
  });
  let output = "";
  child.stdout?.on("data", (chunk) => (output += chunk));
  child.stderr?.on("data", (chunk) => (output += chunk));
  const baseUrl = `http://127.0.0.1:${port}`;
  const server = {
    baseUrl,
    pid: child.pid!,
    output: () => output,
    stop: () => stopGroup(child),
    kill: () => killGroup(child),
    signal: (to: SynclineProcess | "group", signal: NodeJS.Signals) => process.kill(to === "group" ? -child.pid! : pidOf(child.pid!, to), signal),
    processId: (role: SynclineProcess) => pidOf(child.pid!, role),
    gone: (timeoutMs: number) => groupGone(child.pid!, timeoutMs),
  };
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
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return Promise.resolve();
  return new Promise((resolveStop) => {
    const kill = setTimeout(() => process.kill(-child.pid!, "SIGKILL"), 10_000);
    child.once("exit", () => {
      clearTimeout(kill);
      resolveStop();
    });
    process.kill(-child.pid!, "SIGTERM");
  });
}

function killGroup(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolveKill) => {
    child.once("exit", () => resolveKill());
    process.kill(-child.pid!, "SIGKILL");
  });
}

/**
 * The live processes in a group (the group's id stays with a process even once it is orphaned).
 * Zombies are dead already; where init does not reap them they would linger in the list.
 */
function groupProcesses(pgid: number): { pid: number; args: string }[] {
  return execFileSync("ps", ["-eo", "pid=,pgid=,stat=,args="], { encoding: "utf8" })
    .split("\n")
    .map((line) => /^\s*(\d+)\s+(\d+)\s+(\S+)\s+(.*)$/.exec(line))
    .filter((match) => match !== null && Number(match[2]) === pgid && !match[3]!.startsWith("Z"))
    .map((match) => ({ pid: Number(match![1]), args: match![4]! }));
}

function pidOf(pgid: number, role: SynclineProcess): number {
  if (role === "launcher") return pgid;
  const processes = groupProcesses(pgid);
  const found =
    role === "dashboard"
      ? processes.find((p) => p.args.includes("scripts/serve-dashboard.ts"))
      : processes.find((p) => p.args.includes("scripts/start.ts") && p.args.includes("--import"));
  if (!found) throw new Error(`no ${role} process in group ${pgid}: ${JSON.stringify(processes)}`);
  return found.pid;
}

async function groupGone(pgid: number, timeoutMs: number): Promise<number> {
  const startedAt = Date.now();
  for (;;) {
    if (groupProcesses(pgid).length === 0) return Date.now() - startedAt;
    if (Date.now() - startedAt >= timeoutMs) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`processes of group ${pgid} still running ${timeoutMs} ms after the signal: ${JSON.stringify(groupProcesses(pgid))}`);
}
