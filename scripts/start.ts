import { spawn } from "node:child_process";
import { resolveDatabase } from "../lib/db/database-url";
import { applyMigrations } from "../lib/db/migrate";
import { ensureAdmin } from "../lib/users";
import { db } from "../lib/db/client";
import { buildIfStale } from "./build-dashboard";
import { reportError } from "../cli/report-error";

/**
 * `npm start`: opens the database (the embedded one unless DATABASE_URL is set), migrates it,
 * creates the first admin, builds if the sources changed, then serves Next.js. This process
 * owns the embedded database and serves it to Next.js over loopback, so only it opens ./data.
 */
const dev = process.argv.includes("--dev");
const port = process.env.PORT ?? "3000";

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

let stopping = false;
async function stop(code: number): Promise<never> {
  if (!stopping) {
    stopping = true;
    server.kill("SIGTERM");
    await database.close();
  }
  process.exit(code);
}
process.on("SIGINT", () => void stop(0));
process.on("SIGTERM", () => void stop(0));
server.on("exit", (code) => void stop(code ?? 0));
