import type { Command } from "commander";
import { cliActor } from "../lib/auth/actor";
import { AppError } from "../lib/errors/app-error";
import type { ApiTokenSummary, NewApiTokenInput } from "../lib/schemas/tokens";
import type { WithDatabase } from "./with-database";

/**
 * `syncline token create|list|revoke`, straight on the database through the same lib functions
 * as the API, audited as `cli:<os user>`.
 */
export function registerTokenCommands(program: Command, withDatabase: WithDatabase): void {
  const token = program.command("token").description("Manage API tokens");

  token
    .command("create")
    .description("Create a personal API token; prints it once")
    .requiredOption("--user <name>", "the user the token acts as")
    .option("--name <name>", "a name to recognise the token by (default: token-<date and time>)")
    .option("--expires <when>", "days until it expires (30d), a date (2027-06-30), or never", "never")
    .action(async (options: { user: string; name?: string; expires: string }) => {
      const input = { name: options.name ?? defaultTokenName(), ...expiryOption(options.expires) };
      await withDatabase(async () => {
        const { createApiToken } = await import("../lib/tokens");
        const created = await createApiToken(options.user, input, cliActor());
        console.log(created.token);
      });
    });

  token
    .command("list")
    .description("List a user's API tokens (never their secrets)")
    .requiredOption("--user <name>", "whose tokens")
    .option("--json", "print JSON")
    .action(async (options: { user: string; json?: boolean }) => {
      await withDatabase(async () => {
        const { listApiTokens } = await import("../lib/tokens");
        const tokens = await listApiTokens(options.user);
        if (options.json) return console.log(JSON.stringify(tokens));
        for (const t of tokens) {
          console.log(`${t.name.padEnd(24)} ${`${t.prefix}…`.padEnd(14)} ${status(t).padEnd(8)} expires ${t.expiresAt ?? "never"}  last used ${t.lastUsedAt ?? "never"}`);
        }
      });
    });

  token
    .command("revoke <name>")
    .description("Revoke a user's API token by its name; it gets 401 from its next request on")
    .requiredOption("--user <name>", "whose token")
    .action(async (name: string, options: { user: string }) => {
      await withDatabase(async () => {
        const { revokeApiToken } = await import("../lib/tokens");
        const revoked = await revokeApiToken({ ownerName: options.user, name }, cliActor());
        console.log(`Revoked token "${revoked.name}" (${revoked.prefix}…) of "${options.user}".`);
      });
    });
}

function defaultTokenName(): string {
  return `token-${new Date().toISOString().slice(0, 19).replace(/[-:T]/g, "")}`;
}

function expiryOption(value: string): Pick<NewApiTokenInput, "expiresInDays" | "expiresAt"> {
  if (value === "never") return {};
  const days = /^(\d{1,5})d$/.exec(value);
  if (days) return { expiresInDays: Number(days[1]) };
  const date = new Date(value);
  if (!/^\d{4}-\d{2}-\d{2}/.test(value) || Number.isNaN(date.getTime())) {
    throw new AppError("bad_request", `--expires must be a number of days (30d), a date (2027-06-30) or never, not "${value}"`);
  }
  return { expiresAt: date.toISOString() };
}

function status(token: ApiTokenSummary): string {
  if (token.revokedAt) return "revoked";
  if (token.expiresAt && new Date(token.expiresAt) <= new Date()) return "expired";
  return "active";
}
