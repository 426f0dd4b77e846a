import { Command } from "commander";
import { registerAuditCommands } from "./audit-commands";
import { registerClusterCommands } from "./cluster-commands";
import { registerTokenCommands } from "./token-commands";
import { registerUserCommands } from "./user-commands";
import { withDatabase } from "./with-database";

/**
 * The `syncline` command tree. Building it loads only commander: each action imports the lib
 * modules it needs when it runs, so a command pays for its own dependencies and no others
 * (`user list` never loads the Kubernetes client).
 */
export function createProgram(): Command {
  const program = new Command("syncline").description("Administer Syncline from the shell").exitOverride();

  registerUserCommands(program, withDatabase);
  registerTokenCommands(program, withDatabase);
  registerClusterCommands(program, withDatabase);
  registerAuditCommands(program, withDatabase);

  program
    .command("migrate")
    .description("Apply pending database migrations")
    .action(async () => {
      const [{ resolveDatabase }, { applyMigrations }] = await Promise.all([import("../lib/db/database-url"), import("../lib/db/migrate")]);
      const database = await resolveDatabase();
      try {
        const { applied } = await applyMigrations(database.url);
        console.log(applied.length ? `Applied ${applied.join(", ")}` : "The database is up to date.");
      } finally {
        await database.close();
      }
    });

  return program;
}
