import { Command, CommanderError } from "commander";
import { resolveDatabase, type DatabaseHandle } from "../lib/db/database-url";
import { applyMigrations } from "../lib/db/migrate";
import { reportError } from "./report-error";
import { registerAuditCommands } from "./audit-commands";
import { registerClusterCommands } from "./cluster-commands";
import { registerTokenCommands } from "./token-commands";
import { registerUserCommands } from "./user-commands";

/**
 * `syncline`: administration straight on the configured database (DATABASE_URL, or the embedded
 * one in ./data, reached through a running Syncline's socket when one holds it).
 */
async function withDatabase<T>(run: (database: DatabaseHandle) => Promise<T>): Promise<T> {
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
}

const program = new Command("syncline").description("Administer Syncline from the shell").exitOverride();

registerUserCommands(program, withDatabase);
registerTokenCommands(program, withDatabase);
registerClusterCommands(program, withDatabase);
registerAuditCommands(program, withDatabase);

program
  .command("migrate")
  .description("Apply pending database migrations")
  .action(async () => {
    const database = await resolveDatabase();
    try {
      const { applied } = await applyMigrations(database.url);
      console.log(applied.length ? `Applied ${applied.join(", ")}` : "The database is up to date.");
    } finally {
      await database.close();
    }
  });

try {
  await program.parseAsync(process.argv);
} catch (error) {
  process.exitCode = error instanceof CommanderError ? error.exitCode || 2 : reportError(error);
}
