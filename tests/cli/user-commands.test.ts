import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import { cliActor } from "@/lib/auth/actor";
import { verifyPassword } from "@/lib/auth/password";
import { db } from "@/lib/db/client";
import { syncline } from "../support/cli";
import { newUser, PASSWORD } from "../support/users";

// The embedded database serves a fixed number of connections; release this process's pool so
// the CLI, a second process, can connect.
beforeEach(async () => {
  await db().$disconnect();
});

const env = () => ({ DATABASE_URL: process.env.DATABASE_URL!, SYNCLINE_DB_POOL_SIZE: "1" });
const uniqueName = () => `cli-${randomUUID().slice(0, 8)}`;

/** The CLI runs as the same operating-system user as this test, so it names the same actor. */
const shellUser = cliActor().name;

async function run(args: string[], input?: string) {
  await db().$disconnect();
  const result = await syncline(args, { env: env(), input });
  expect(result.stderr).toBe("");
  expect(result.status).toBe(0);
  return result.stdout;
}

async function auditOf(name: string) {
  await db().$disconnect();
  return db().auditEvent.findMany({ where: { targetKind: "User", targetName: name }, orderBy: { at: "asc" } });
}

// Each command is a separate Node process that connects to the database; a busy machine slows a dozen of them.
describe("user administration from the shell is audited as the shell user", { timeout: 180_000 }, () => {
  it("`user add` records user.add by cli:<os user>, without the password", async () => {
    const name = uniqueName();
    const stdout = await run(["user", "add", name, "--role", "operator", "--email", `${name}@example.com`]);
    const password = /Password \(shown once\): (\S+)/.exec(stdout)![1]!;

    const [added, ...more] = await auditOf(name);
    expect(more).toEqual([]);
    expect(added).toMatchObject({ action: "user.add", actorType: "cli", actorName: shellUser, actorId: null, outcome: "success" });
    expect(added!.after).toEqual({ name, email: `${name}@example.com`, role: "operator" });
    expect(JSON.stringify([added!.before, added!.after, added!.reason])).not.toContain(password);
  });

  it("`user disable` and `user enable` switch sign-in off and on, each recorded with before and after", async () => {
    const { name } = await newUser("viewer");
    expect(await run(["user", "disable", name])).toContain(`Disabled "${name}"`);
    expect((await db().user.findUniqueOrThrow({ where: { name } })).disabledAt).not.toBeNull();

    await run(["user", "enable", name]);
    expect((await db().user.findUniqueOrThrow({ where: { name } })).disabledAt).toBeNull();

    const events = (await auditOf(name)).filter((event) => event.action !== "user.add");
    expect(events.map((event) => event.action)).toEqual(["user.disable", "user.enable"]);
    expect(events[0]).toMatchObject({ actorType: "cli", actorName: shellUser, before: { disabled: false }, after: { disabled: true, sessionsEnded: 0 } });
    expect(events[1]).toMatchObject({ actorType: "cli", actorName: shellUser, before: { disabled: true }, after: { disabled: false } });
  });

  it("`user set-role` changes the role and records user.update with the old and the new role", async () => {
    const { name } = await newUser("operator");
    expect(await run(["user", "set-role", name, "viewer"])).toContain(`"${name}" is now viewer`);
    expect((await db().user.findUniqueOrThrow({ where: { name } })).role).toBe("viewer");

    const update = (await auditOf(name)).find((event) => event.action === "user.update");
    expect(update).toMatchObject({ actorType: "cli", actorName: shellUser, before: { role: "operator" }, after: { role: "viewer" } });
  });

  it("`user set-role` refuses an unknown role and changes nothing", async () => {
    const { name } = await newUser("operator");
    await db().$disconnect();
    const result = await syncline(["user", "set-role", name, "root"], { env: env() });
    expect(result.status).not.toBe(0);
    expect(result.stderr).toMatch(/role must be viewer, operator or admin/);
    expect((await db().user.findUniqueOrThrow({ where: { name } })).role).toBe("operator");
  });

  it("`user reset-password` prints a new password once, which then works, and records user.password.reset", async () => {
    const { name } = await newUser("viewer");
    const stdout = await run(["user", "reset-password", name]);
    const password = /Password \(shown once\): (\S+)/.exec(stdout)![1]!;
    const { passwordHash } = await db().user.findUniqueOrThrow({ where: { name } });
    expect(await verifyPassword(passwordHash, password)).toBe(true);
    expect(await verifyPassword(passwordHash, PASSWORD)).toBe(false);

    const reset = (await auditOf(name)).find((event) => event.action === "user.password.reset");
    expect(reset).toMatchObject({ actorType: "cli", actorName: shellUser, after: { passwordGenerated: true, sessionsEnded: 0 } });
    expect(JSON.stringify([reset!.before, reset!.after, reset!.reason])).not.toContain(password);
  });

  it("`user reset-password --password-stdin` takes the new password from standard input", async () => {
    const { name } = await newUser("viewer");
    const stdout = await run(["user", "reset-password", name, "--password-stdin"], "a chosen new password\n");
    expect(stdout).not.toContain("shown once");
    const { passwordHash } = await db().user.findUniqueOrThrow({ where: { name } });
    expect(await verifyPassword(passwordHash, "a chosen new password")).toBe(true);
  });

  it("commands on a user that does not exist exit non-zero and name the user", async () => {
    for (const command of [["disable", "no-such-user"], ["set-role", "no-such-user", "viewer"]]) {
      const result = await syncline(["user", ...command], { env: env() });
      expect(result.status).toBe(1);
      expect(result.stderr).toContain('No user named "no-such-user"');
    }
  });
});
