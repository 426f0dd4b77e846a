import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import { GET as me } from "@/app/api/me/route";
import { db } from "@/lib/db/client";
import { syncline } from "../support/cli";
import { call } from "../support/http";

// The embedded database serves a fixed number of connections; release this process's pool so
// the CLI, a second process, can connect.
beforeEach(async () => {
  await db().$disconnect();
});

const env = () => ({ DATABASE_URL: process.env.DATABASE_URL!, SYNCLINE_DB_POOL_SIZE: "1" });
const uniqueName = () => `cli-${randomUUID().slice(0, 8)}`;

describe("syncline user", () => {
  it("adds a user with a password from standard input, and lists it", async () => {
    const name = uniqueName();
    const added = await syncline(["user", "add", name, "--role", "operator", "--password-stdin"], { env: env(), input: "a long enough password\n" });
    expect(added.stderr).toBe("");
    expect(added.status).toBe(0);
    expect(added.stdout).toContain(`Added operator "${name}"`);
    expect(added.stdout).not.toContain("a long enough password");

    const listed = await syncline(["user", "list", "--json"], { env: env() });
    expect(listed.status).toBe(0);
    expect(JSON.parse(listed.stdout)).toContainEqual(expect.objectContaining({ name, role: "operator" }));
  });

  it("prints a generated password once when none is given", async () => {
    const added = await syncline(["user", "add", uniqueName(), "--role", "viewer"], { env: env() });
    expect(added.status).toBe(0);
    expect(added.stdout).toMatch(/Password \(shown once\): [\w-]{20}/);
  });

  it("exits non-zero with a clear message for an unknown role, and adds nobody", async () => {
    const name = uniqueName();
    const result = await syncline(["user", "add", name, "--role", "superuser"], { env: env() });
    expect(result.status).not.toBe(0);
    expect(result.stderr).toMatch(/role.*viewer.*operator.*admin/);
    expect(await db().user.findUnique({ where: { name } })).toBeNull();
  });

  it("refuses a user name that already exists", async () => {
    const name = uniqueName();
    expect((await syncline(["user", "add", name, "--role", "viewer"], { env: env() })).status).toBe(0);
    const again = await syncline(["user", "add", name, "--role", "viewer"], { env: env() });
    expect(again.status).toBe(1);
    expect(again.stderr).toContain(`A user named "${name}" already exists`);
  });

  it("rejects a too-short password from standard input", async () => {
    const result = await syncline(["user", "add", uniqueName(), "--role", "viewer", "--password-stdin"], { env: env(), input: "short\n" });
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain("at least 10 characters");
  });
});

describe("syncline token create", () => {
  it("prints a token once that then authenticates as that user over the API", async () => {
    const name = uniqueName();
    await syncline(["user", "add", name, "--role", "admin"], { env: env() });
    const created = await syncline(["token", "create", "--user", name, "--name", "ci"], { env: env() });
    expect(created.status).toBe(0);
    const token = created.stdout.trim();
    expect(token).toMatch(/^slt_[\w-]{43}$/);
    const response = await call(me, { headers: { authorization: `Bearer ${token}` } });
    expect(response.json).toMatchObject({ name, role: "admin" });
  });

  it("exits non-zero for a user that does not exist", async () => {
    const result = await syncline(["token", "create", "--user", "no-such-user"], { env: env() });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('No user named "no-such-user"');
  });
});

describe("syncline migrate", () => {
  it("reports an up-to-date database", async () => {
    const result = await syncline(["migrate"], { env: env() });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("The database is up to date.");
  });
});
