import { Command, CommanderError } from "commander";
import { createApiToken } from "../lib/auth";
import { resolveDatabase, type DatabaseHandle } from "../lib/db/database-url";
import { applyMigrations } from "../lib/db/migrate";
import { AppError } from "../lib/errors/app-error";
import { reportError } from "./report-error";
import { addUser, listUsers } from "../lib/users";
import { role as roleSchema } from "../lib/schemas/users";
import { generatedPassword } from "../lib/auth/generated-password";
import { readPasswordFromStdin } from "./password-input";
import { registerClusterCommands } from "./cluster-commands";

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

const user = program.command("user").description("Manage users");
user
  .command("add <name>")
  .description("Add a user; prints a generated password unless --password-stdin is given")
  .requiredOption("--role <role>", "viewer, operator or admin")
  .option("--email <email>", "e-mail address")
  .option("--password-stdin", "read the password from standard input")
  .action(async (name: string, options: { role: string; email?: string; passwordStdin?: boolean }) => {
    const role = roleSchema.safeParse(options.role);
    if (!role.success) throw new AppError("bad_request", `--role must be viewer, operator or admin, not "${options.role}"`);
    const password = options.passwordStdin ? await readPasswordFromStdin() : generatedPassword();
    await withDatabase(async () => {
      const created = await addUser({ name, role: role.data, email: options.email, password });
      console.log(`Added ${created.role} "${created.name}".`);
      if (!options.passwordStdin) console.log(`Password (shown once): ${password}`);
    });
  });
user
  .command("list")
  .description("List users")
  .option("--json", "print JSON")
  .action(async (options: { json?: boolean }) => {
    await withDatabase(async () => {
      const users = await listUsers();
      if (options.json) return console.log(JSON.stringify(users));
      for (const u of users) console.log(`${u.name.padEnd(24)} ${u.role.padEnd(9)} ${u.email ?? ""}`);
    });
  });

program
  .command("token")
  .description("Manage API tokens")
  .command("create")
  .description("Create a personal API token; prints it once")
  .requiredOption("--user <name>", "the user the token acts as")
  .option("--name <name>", "a name to recognise the token by")
  .action(async (options: { user: string; name?: string }) => {
    await withDatabase(async () => {
      const created = await createApiToken(options.user, options.name);
      console.log(created.token);
    });
  });

registerClusterCommands(program, withDatabase);

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
