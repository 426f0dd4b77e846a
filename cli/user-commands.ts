import type { Command } from "commander";
import { cliActor } from "../lib/auth/actor";
import { AppError } from "../lib/errors/app-error";
import { role as roleSchema } from "../lib/schemas/users";
import { addUser, getUserByNameOrThrow, listUsers, resetPassword, updateUser, type UserSummary } from "../lib/users";
import { readPasswordFromStdin } from "./password-input";

type WithDatabase = <T>(run: () => Promise<T>) => Promise<T>;

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
      const role = roleOption(options.role);
      const password = options.passwordStdin ? await readPasswordFromStdin() : undefined;
      await withDatabase(async () => {
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
        await updateUser((await getUserByNameOrThrow(name)).id, { disabled: true }, cliActor());
        console.log(`Disabled "${name}"; their sessions have ended and their API tokens are refused.`);
      });
    });

  user
    .command("enable <name>")
    .description("Let a disabled user sign in again")
    .action(async (name: string) => {
      await withDatabase(async () => {
        await updateUser((await getUserByNameOrThrow(name)).id, { disabled: false }, cliActor());
        console.log(`Enabled "${name}".`);
      });
    });

  user
    .command("set-role <name> <role>")
    .description("Change a user's role (viewer, operator or admin); takes effect on their next request")
    .action(async (name: string, roleText: string) => {
      const role = roleOption(roleText);
      await withDatabase(async () => {
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
        const reset = await resetPassword((await getUserByNameOrThrow(name)).id, { password }, cliActor());
        console.log(`Reset the password of "${name}"; their sessions have ended.`);
        if (reset.generatedPassword) console.log(`Password (shown once): ${reset.generatedPassword}`);
      });
    });
}

function roleOption(text: string): UserSummary["role"] {
  const role = roleSchema.safeParse(text);
  if (!role.success) throw new AppError("bad_request", `The role must be viewer, operator or admin, not "${text}"`);
  return role.data;
}
