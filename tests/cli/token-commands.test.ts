import { differenceInHours } from "date-fns";
import { beforeEach, describe, expect, it } from "vitest";
import { GET as me } from "@/app/api/me/route";
import { cliActor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { syncline } from "../support/cli";
import { call } from "../support/http";
import { newUser } from "../support/users";

// The embedded database serves a fixed number of connections; release this process's pool so
// the CLI, a second process, can connect.
beforeEach(async () => {
  await db().$disconnect();
});

// Audit rows carry a BigInt sequence number, which JSON.stringify refuses.
const asText = (value: unknown) => JSON.stringify(value, (_key, v: unknown) => (typeof v === "bigint" ? String(v) : v));
const env = () => ({ DATABASE_URL: process.env.DATABASE_URL!, SYNCLINE_DB_POOL_SIZE: "1" });
const tokenAudit = (action: "token.create" | "token.revoke", owner: string, name: string) =>
  db().auditEvent.findMany({ where: { action, targetKind: "ApiToken", targetNamespace: owner, targetName: name } });

// Each test starts the CLI up to four times, each a fresh process that checks migrations first.
describe("syncline token", { timeout: 240_000 }, () => {
  it("creates a named token with an expiry, audited as the CLI and the OS user who ran it", async () => {
    const alice = await newUser("viewer");
    const created = await syncline(["token", "create", "--user", alice.name, "--name", "laptop", "--expires", "30d"], { env: env() });
    expect(created.stderr).toBe("");
    expect(created.status).toBe(0);
    const token = created.stdout.trim();
    expect(token).toMatch(/^slt_[\w-]{43}$/);

    const row = await db().apiToken.findFirstOrThrow({ where: { user: { name: alice.name }, name: "laptop" } });
    expect(differenceInHours(row.expiresAt!, new Date())).toBeGreaterThanOrEqual(30 * 24 - 1);
    expect(differenceInHours(row.expiresAt!, new Date())).toBeLessThanOrEqual(30 * 24);
    expect((await call(me, { headers: { authorization: `Bearer ${token}` } })).json).toMatchObject({ name: alice.name });

    const [audit, ...more] = await tokenAudit("token.create", alice.name, "laptop");
    expect(more).toEqual([]);
    expect(audit).toMatchObject({ actorType: "cli", actorName: cliActor().name, outcome: "success" });
    expect(audit!.actorName).toMatch(/^cli:.+/);
    expect(asText(audit)).not.toContain(token);
  });

  it("lists a user's tokens with name, prefix, expiry and status, never the secret or its hash", async () => {
    const alice = await newUser("viewer");
    const created = await syncline(["token", "create", "--user", alice.name, "--name", "laptop", "--expires", "30d"], { env: env() });
    const token = created.stdout.trim();

    const listed = await syncline(["token", "list", "--user", alice.name], { env: env() });
    expect(listed.status).toBe(0);
    expect(listed.stdout).toMatch(new RegExp(`^laptop\\s+${token.slice(0, 10)}…\\s+active\\s+expires 20\\d\\d-`, "m"));

    const json = await syncline(["token", "list", "--user", alice.name, "--json"], { env: env() });
    const tokens = JSON.parse(json.stdout) as Record<string, unknown>[];
    expect(tokens).toEqual([expect.objectContaining({ name: "laptop", prefix: token.slice(0, 10), revokedAt: null, lastUsedAt: null })]);
    expect(Object.keys(tokens[0]!).sort()).toEqual(["createdAt", "expiresAt", "id", "lastUsedAt", "name", "prefix", "revokedAt"]);
    const row = await db().apiToken.findFirstOrThrow({ where: { user: { name: alice.name }, name: "laptop" } });
    expect(json.stdout).not.toContain(row.tokenHash);
    expect(json.stdout).not.toContain(token);
  });

  it("revokes a token by name: it gets 401 on its next request, and the revocation is audited as the CLI", async () => {
    const alice = await newUser("operator");
    const token = (await syncline(["token", "create", "--user", alice.name, "--name", "laptop"], { env: env() })).stdout.trim();
    expect((await call(me, { headers: { authorization: `Bearer ${token}` } })).status).toBe(200);
    await db().$disconnect();

    const revoked = await syncline(["token", "revoke", "--user", alice.name, "laptop"], { env: env() });
    expect(revoked.stderr).toBe("");
    expect(revoked.status).toBe(0);
    expect(revoked.stdout).toContain(`Revoked token "laptop"`);

    const response = await call(me, { headers: { authorization: `Bearer ${token}` } });
    expect(response.status).toBe(401);
    expect(response.json.error.code).toBe("unauthenticated");
    const audits = await tokenAudit("token.revoke", alice.name, "laptop");
    expect(audits).toEqual([expect.objectContaining({ actorType: "cli", actorName: cliActor().name, outcome: "success" })]);

    await db().$disconnect();
    const listed = await syncline(["token", "list", "--user", alice.name], { env: env() });
    expect(listed.stdout).toMatch(/^laptop\s+\S+\s+revoked/m);
  });

  it("revoking a revoked token succeeds again and records nothing more", async () => {
    const alice = await newUser("viewer");
    await syncline(["token", "create", "--user", alice.name, "--name", "ci"], { env: env() });
    expect((await syncline(["token", "revoke", "--user", alice.name, "ci"], { env: env() })).status).toBe(0);
    const again = await syncline(["token", "revoke", "--user", alice.name, "ci"], { env: env() });
    expect(again.status).toBe(0);
    expect(await tokenAudit("token.revoke", alice.name, "ci")).toHaveLength(1);
  });

  it("exits non-zero for a token that does not exist", async () => {
    const alice = await newUser("viewer");
    const result = await syncline(["token", "revoke", "--user", alice.name, "nothing-here"], { env: env() });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`User "${alice.name}" has no token named "nothing-here"`);
  });

  it("rejects an expiry it cannot read, and creates nothing", async () => {
    const alice = await newUser("viewer");
    const result = await syncline(["token", "create", "--user", alice.name, "--name", "x", "--expires", "next week"], { env: env() });
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain("--expires must be a number of days (30d), a date (2027-06-30) or never");
    expect(await db().apiToken.count({ where: { user: { name: alice.name } } })).toBe(0);
  });
});
