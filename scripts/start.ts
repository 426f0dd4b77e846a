import { spawn, type ChildProcess } from "node:child_process";
import { resolveDatabase } from "../lib/db/database-url";
import { applyMigrations } from "../lib/db/migrate";
import { ensureAdmin } from "../lib/users";
import { db } from "../lib/db/client";
import { shutdownOnSignals } from "../lib/lifecycle/shutdown-on-signals";
import { log } from "../lib/log/logger";
import { buildIfStale } from "./build-dashboard";
import { reportError } from "../cli/report-error";

/**
 * `npm start`: opens the database (the embedded one unless DATABASE_URL is set), migrates it,
 * creates the first admin, builds if the sources changed, then serves Next.js. This process
 * owns the embedded database and serves it to Next.js over loopback, so only it opens ./data.
 *
 * On SIGTERM or SIGINT, whether sent to this process, to the whole group, or (through npm and
 * tsx, which pass it on) to the `npm start` process, it waits for the dashboard to stop before
 * it closes the database the dashboard still writes its last flush to.
 */
const dev = process.argv.includes("--dev");
const port = process.env.PORT ?? "3000";
/** The dashboard stops within 8 s on its own; past this it is killed, so the whole stop stays under 10 s. */
const STOP_DASHBOARD_MS = 9_000;
const STOP_DEADLINE_MS = 9_700;

const database = await resolveDatabase();
process.env.DATABASE_URL = database.url;
process.env.SYNCLINE_DB_POOL_SIZE = String(database.poolSize);
process.env.NEXT_TELEMETRY_DISABLED = "1";

const { applied } = await applyMigrations(database.url);
if (applied.length) console.log(`syncline: applied migrations ${applied.join(", ")}`);

const admin = await ensureAdmin(process.env.SYNCLINE_ADMIN_PASSWORD).catch((error: unknown) => {
  console.error("syncline: could not create the first admin (SYNCLINE_ADMIN_PASSWORD):");
  process.exit(reportError(error));
});
if (admin.created && admin.generatedPassword) {
  console.log(`\nsyncline: created user "admin" with password: ${admin.generatedPassword}\n(shown once; set SYNCLINE_ADMIN_PASSWORD to choose it)\n`);
} else if (admin.created) {
  console.log('syncline: created user "admin" with the password from SYNCLINE_ADMIN_PASSWORD');
}
await db().$disconnect();

if (!dev) buildIfStale();

// Next.js runs inside scripts/serve-dashboard.ts, which decides what of a request's forwarding
// headers to believe and refuses methods Next.js would crash on.
const server = spawn(process.execPath, ["--import", "tsx", "scripts/serve-dashboard.ts", ...(dev ? ["--dev"] : [])], {
  stdio: "inherit",
  env: { ...process.env, PORT: port, NODE_ENV: dev ? "development" : "production" },
});
console.log(`syncline: serving on http://localhost:${port} (${database.kind} database)`);

const shutdown = shutdownOnSignals({
  deadlineMs: STOP_DEADLINE_MS,
  steps: () => [
    { done: "dashboard stopped", run: () => stopDashboard(server) },
    { done: `${database.kind} database closed`, run: () => database.close() },
  ],
});
server.on("exit", (code, signal) => void shutdown.begin(`dashboard exited (${signal ?? `code ${code}`})`, code ?? 1));

/** Asks the dashboard to stop and waits for it; one that outlasts its grace is killed, logged. */
async function stopDashboard(child: ChildProcess): Promise<Record<string, unknown>> {
  if (child.exitCode !== null || child.signalCode !== null) return { pid: child.pid, exitCode: child.exitCode };
  const exited = new Promise<number | null>((resolveExit) => child.once("exit", (code) => resolveExit(code)));
  // Sent even when the whole group got the signal: the dashboard ignores a second one.
  child.kill("SIGTERM");
  const kill = setTimeout(() => {
    log.error({ pid: child.pid, graceMs: STOP_DASHBOARD_MS }, "shutdown: the dashboard did not stop in time; killing it");
    child.kill("SIGKILL");
  }, STOP_DASHBOARD_MS);
  const exitCode = await exited;
  clearTimeout(kill);
  return { pid: child.pid, exitCode };
}
