import type { DatabaseHandle } from "../lib/db/database-url";

export type WithDatabase = <T>(run: (database: DatabaseHandle) => Promise<T>) => Promise<T>;

/**
 * Runs a command on the configured database (DATABASE_URL, or the embedded one in ./data,
 * reached through a running Syncline's socket when one holds it), migrated first. The database
 * modules load here, not at start-up, so `--help` and a mistyped option answer at once.
 */
export const withDatabase: WithDatabase = async (run) => {
  const [{ resolveDatabase }, { applyMigrations }] = await Promise.all([import("../lib/db/database-url"), import("../lib/db/migrate")]);
  const database = await resolveDatabase();
  process.env.DATABASE_URL = database.url;
  process.env.SYNCLINE_DB_POOL_SIZE = String(database.poolSize);
  try {
    await applyMigrations(database.url);
    return await run(database);
  } finally {
    const { db } = await import("../lib/db/client");
    await db().$disconnect();
    await database.close();
  }
};
