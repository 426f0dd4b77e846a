import type { Command } from "commander";
import { cliActor } from "../lib/auth/actor";
import { AppError } from "../lib/errors/app-error";
import type { UserSummary } from "../lib/users";
import { readPasswordFromStdin } from "./password-input";
import type { WithDatabase } from "./with-database";

/**
 * `syncline user add|list|disable|enable|set-role|reset-password`, straight on the database
 * through the same lib functions as the API, audited as `cli:<os user>`.
 */
export function registerUserCommands(program: Command, withDatabase: WithDatabase): void {
  const user = program.command("user").description("Manage users");

  user
    .command("add <name>")
    .description("Add a user; prints a generated password unless --password-stdin is given")
    .requiredOption("--role <role>", "viewer, operator or admin")
    .option("--email <email>", "e-mail address")
    .option("--password-stdin", "read the password from standard input")
    .action(async (name: string, options: { role: string; email?: string; passwordStdin?: boolean }) => {
      const role = await roleOption(options.role);
      const password = options.passwordStdin ? await readPasswordFromStdin() : undefined;
      await withDatabase(async () => {
        const { addUser } = await import("../lib/users");
        const added = await addUser({ name, role, email: options.email, password }, cliActor());
        console.log(`Added ${added.role} "${added.name}".`);
        if (added.generatedPassword) console.log(`Password (shown once): ${added.generatedPassword}`);
      });
    });

  user
    .command("list")
    .description("List users")
    .option("--json", "print JSON")
    .action(async (options: { json?: boolean }) => {
      await withDatabase(async () => {
        // Straight from its module: the lib/users index also loads password hashing, which listing never needs.
        const { listUsers } = await import("../lib/users/list-users");
        const users = await listUsers();
        if (options.json) return console.log(JSON.stringify(users));
        for (const u of users) console.log(`${u.name.padEnd(24)} ${u.role.padEnd(9)} ${(u.disabledAt ? "disabled" : "enabled").padEnd(9)} ${u.email ?? ""}`);
      });
    });

  user
    .command("disable <name>")
    .description("Stop a user from signing in: ends their sessions and refuses their API tokens")
    .action(async (name: string) => {
      await withDatabase(async () => {
        const { getUserByNameOrThrow, updateUser } = await import("../lib/users");
        await updateUser((await getUserByNameOrThrow(name)).id, { disabled: true }, cliActor());
        console.log(`Disabled "${name}"; their sessions have ended and their API tokens are refused.`);
      });
    });

  user
    .command("enable <name>")
    .description("Let a disabled user sign in again")
    .action(async (name: string) => {
      await withDatabase(async () => {
        const { getUserByNameOrThrow, updateUser } = await import("../lib/users");
        await updateUser((await getUserByNameOrThrow(name)).id, { disabled: false }, cliActor());
        console.log(`Enabled "${name}".`);
      });
    });

  user
    .command("set-role <name> <role>")
    .description("Change a user's role (viewer, operator or admin); takes effect on their next request")
    .action(async (name: string, roleText: string) => {
      const role = await roleOption(roleText);
      await withDatabase(async () => {
        const { getUserByNameOrThrow, updateUser } = await import("../lib/users");
        const updated = await updateUser((await getUserByNameOrThrow(name)).id, { role }, cliActor());
        console.log(`"${updated.name}" is now ${updated.role}.`);
      });
    });

  user
    .command("reset-password <name>")
    .description("Set a new password (generated and printed once unless --password-stdin is given) and end the user's sessions")
    .option("--password-stdin", "read the new password from standard input")
    .action(async (name: string, options: { passwordStdin?: boolean }) => {
      const password = options.passwordStdin ? await readPasswordFromStdin() : undefined;
      await withDatabase(async () => {
        const { getUserByNameOrThrow, resetPassword } = await import("../lib/users");
        const reset = await resetPassword((await getUserByNameOrThrow(name)).id, { password }, cliActor());
        console.log(`Reset the password of "${name}"; their sessions have ended.`);
        if (reset.generatedPassword) console.log(`Password (shown once): ${reset.generatedPassword}`);
      });
    });
}

async function roleOption(text: string): Promise<UserSummary["role"]> {
  const { role: roleSchema } = await import("../lib/schemas/users");
  const role = roleSchema.safeParse(text);
  if (!role.success) throw new AppError("bad_request", `The role must be viewer, operator or admin, not "${text}"`);
  return role.data;
}
