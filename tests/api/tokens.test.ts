import { addDays } from "date-fns";
import { afterEach, describe, expect, it, vi } from "vitest";
import { POST as signInRoute } from "@/app/api/auth/sign-in/route";
import { PUT as changePassword } from "@/app/api/me/password/route";
import { GET as me } from "@/app/api/me/route";
import { DELETE as revokeToken } from "@/app/api/tokens/[id]/route";
import { GET as listTokens, POST as createToken } from "@/app/api/tokens/route";
import { db } from "@/lib/db/client";
import { call, ORIGIN, sessionCookieFrom } from "../support/http";
import { newUser, PASSWORD } from "../support/users";

afterEach(() => {
  vi.useRealTimers();
});

async function signedIn(name: string, password = PASSWORD) {
  const response = await call(signInRoute, { method: "POST", body: { name, password }, headers: { origin: ORIGIN } });
  expect(response.status).toBe(200);
  return sessionCookieFrom(response.headers);
}

/** A signed-in browser: a session cookie, sent with Syncline's own Origin on mutations. */
async function browserOf(name: string) {
  const cookie = await signedIn(name);
  return { cookie, headers: { cookie, origin: ORIGIN } };
}

// Audit rows carry a BigInt sequence number, which JSON.stringify refuses.
const asText = (value: unknown) => JSON.stringify(value, (_key, v: unknown) => (typeof v === "bigint" ? String(v) : v));
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const meWith = (token: string) => call(me, { headers: bearer(token) });
const tokenAudits = (action: "token.create" | "token.revoke", owner: string, name: string) =>
  db().auditEvent.findMany({ where: { action, targetKind: "ApiToken", targetNamespace: owner, targetName: name } });
const passwordAudits = (user: string) => db().auditEvent.findMany({ where: { action: "user.password.change", targetKind: "User", targetName: user } });

describe("API tokens", () => {
  it("a token created with a name and an expiry is shown once, then listed without its secret", async () => {
    const alice = await newUser("viewer");
    const browser = await browserOf(alice.name);
    const created = await call(createToken, { method: "POST", headers: browser.headers, body: { name: "laptop", expiresInDays: 30 } });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ name: "laptop", revokedAt: null, lastUsedAt: null, token: expect.stringMatching(/^slt_[\w-]{43}$/) });
    const token: string = created.json.token;
    expect(created.json.prefix).toBe(token.slice(0, 10));
    const expiresInDays = (new Date(created.json.expiresAt).getTime() - Date.now()) / 86_400_000;
    expect(expiresInDays).toBeGreaterThan(29.9);
    expect(expiresInDays).toBeLessThanOrEqual(30);
    expect((await meWith(token)).json).toMatchObject({ name: alice.name });

    const listed = await call(listTokens, { headers: { cookie: browser.cookie } });
    expect(listed.status).toBe(200);
    const { token: _shownOnce, ...summary } = created.json;
    expect(listed.json.items).toEqual([{ ...summary, lastUsedAt: expect.any(String) }]);
    const stored = await db().apiToken.findFirstOrThrow({ where: { userId: alice.id, name: "laptop" } });
    expect(JSON.stringify(listed.json)).not.toContain(token);
    expect(JSON.stringify(listed.json)).not.toContain(stored.tokenHash);

    const [audit, ...more] = await tokenAudits("token.create", alice.name, "laptop");
    expect(more).toEqual([]);
    expect(audit).toMatchObject({ actorType: "user", actorName: alice.name, outcome: "success" });
    expect(asText(audit)).not.toContain(token);
  });

  it("a revoked token gets 401 on its next request, and the revocation is audited once", async () => {
    const alice = await newUser("operator");
    const browser = await browserOf(alice.name);
    const created = (await call(createToken, { method: "POST", headers: browser.headers, body: { name: "ci-deploy" } })).json;
    expect((await meWith(created.token)).status).toBe(200);

    const revoked = await call(revokeToken, { method: "DELETE", headers: browser.headers, params: { id: created.id } });
    expect(revoked.status).toBe(200);
    expect(revoked.json).toMatchObject({ id: created.id, revokedAt: expect.any(String) });

    const next = await meWith(created.token);
    expect(next.status).toBe(401);
    expect(next.json.error.code).toBe("unauthenticated");
    const again = await call(revokeToken, { method: "DELETE", headers: browser.headers, params: { id: created.id } });
    expect(again.status).toBe(200);
    expect(again.json.revokedAt).toBe(revoked.json.revokedAt);
    const records = await tokenAudits("token.revoke", alice.name, "ci-deploy");
    expect(records).toEqual([expect.objectContaining({ actorType: "user", actorName: alice.name, outcome: "success" })]);
  });

  it("a token past its expiry gets 401", async () => {
    const alice = await newUser("viewer");
    const browser = await browserOf(alice.name);
    const { token } = (await call(createToken, { method: "POST", headers: browser.headers, body: { name: "short-lived", expiresInDays: 1 } })).json;
    expect((await meWith(token)).status).toBe(200);
    vi.useFakeTimers({ toFake: ["Date"], now: addDays(new Date(), 1).getTime() + 1000 });
    expect((await meWith(token)).status).toBe(401);
  });

  it("records when a token was last used to the minute: a script calling in a loop does not write on every call", async () => {
    const alice = await newUser("viewer");
    const browser = await browserOf(alice.name);
    const { token, id } = (await call(createToken, { method: "POST", headers: browser.headers, body: { name: "loop", expiresInDays: 30 } })).json;
    const lastUsed = async () => (await db().apiToken.findUniqueOrThrow({ where: { id } })).lastUsedAt;
    expect((await meWith(token)).status).toBe(200);
    const first = await lastUsed();
    expect(first).not.toBeNull();
    vi.useFakeTimers({ toFake: ["Date"], now: first!.getTime() + 59_000 });
    expect((await meWith(token)).status).toBe(200);
    expect(await lastUsed()).toEqual(first);
    vi.useFakeTimers({ toFake: ["Date"], now: first!.getTime() + 61_000 });
    expect((await meWith(token)).status).toBe(200);
    expect(await lastUsed()).toEqual(new Date(first!.getTime() + 61_000));
  });

  it("a user can neither see nor revoke another user's token: it answers 404 and keeps working", async () => {
    const alice = await newUser("operator");
    const bob = await newUser("operator");
    const aliceToken = (await call(createToken, { method: "POST", headers: bearer(await alice.token()), body: { name: "laptop" } })).json;
    const bobToken = await bob.token();

    const bobsList = await call(listTokens, { headers: bearer(bobToken) });
    expect(bobsList.json.items.map((t: { id: string }) => t.id)).not.toContain(aliceToken.id);
    const attempt = await call(revokeToken, { method: "DELETE", headers: bearer(bobToken), params: { id: aliceToken.id } });
    expect(attempt.status).toBe(404);
    expect(attempt.json.error.code).toBe("not_found");
    expect((await meWith(aliceToken.token)).status).toBe(200);
  });

  it("an admin can revoke anyone's token, and is named in the audit", async () => {
    const alice = await newUser("viewer");
    const admin = await newUser("admin");
    const leaked = (await call(createToken, { method: "POST", headers: bearer(await alice.token()), body: { name: "leaked" } })).json;
    const response = await call(revokeToken, { method: "DELETE", headers: bearer(await admin.token()), params: { id: leaked.id } });
    expect(response.status).toBe(200);
    expect((await meWith(leaked.token)).status).toBe(401);
    const records = await tokenAudits("token.revoke", alice.name, "leaked");
    expect(records).toEqual([expect.objectContaining({ actorName: admin.name })]);
  });

  it("refuses bad input with 422 or 409 and stores nothing", async () => {
    const alice = await newUser("viewer");
    const headers = bearer(await alice.token());
    const before = await db().apiToken.count({ where: { userId: alice.id } });
    for (const body of [{ name: "" }, { name: "x", expiresInDays: 0 }, { name: "x", expiresAt: "2001-01-01T00:00:00Z" }, { name: "x", expiresInDays: 5, expiresAt: addDays(new Date(), 9).toISOString() }, { name: "x", token: "slt_mine" }]) {
      const response = await call(createToken, { method: "POST", headers, body });
      expect(response.status, JSON.stringify(body)).toBe(422);
      expect(response.json.error.code).toBe("validation_failed");
    }
    expect((await call(revokeToken, { method: "DELETE", headers, params: { id: "not-a-uuid" } })).status).toBe(422);
    expect(await db().apiToken.count({ where: { userId: alice.id } })).toBe(before);

    expect((await call(createToken, { method: "POST", headers, body: { name: "laptop" } })).status).toBe(201);
    const duplicate = await call(createToken, { method: "POST", headers, body: { name: "laptop" } });
    expect(duplicate.status).toBe(409);
    expect(duplicate.json.error.code).toBe("conflict");
  });

  it("the name of a revoked token can be used again", async () => {
    const alice = await newUser("viewer");
    const headers = bearer(await alice.token());
    const first = (await call(createToken, { method: "POST", headers, body: { name: "laptop" } })).json;
    await call(revokeToken, { method: "DELETE", headers, params: { id: first.id } });
    const second = await call(createToken, { method: "POST", headers, body: { name: "laptop" } });
    expect(second.status).toBe(201);
    expect((await meWith(first.token)).status).toBe(401);
    expect((await meWith(second.json.token)).status).toBe(200);
  });
});

describe("changing one's own password", () => {
  const NEW_PASSWORD = "a brand new passphrase";

  it("needs the current password: a wrong one changes nothing", async () => {
    const alice = await newUser("viewer");
    const browser = await browserOf(alice.name);
    const response = await call(changePassword, { method: "PUT", headers: browser.headers, body: { currentPassword: "not my password", newPassword: NEW_PASSWORD } });
    expect(response.status).toBe(422);
    expect(response.json.error.details).toContainEqual(expect.objectContaining({ path: "currentPassword" }));
    await signedIn(alice.name, PASSWORD);
    expect(await passwordAudits(alice.name)).toEqual([]);
  });

  it("cannot be used to guess the current password: wrong guesses count against the sign-in throttle", async () => {
    const alice = await newUser("viewer");
    const browser = await browserOf(alice.name);
    // Its own address, so these guesses lock only this user and address.
    const headers = { ...browser.headers, "x-forwarded-for": "198.51.100.23" };
    const guess = () => call(changePassword, { method: "PUT", headers, body: { currentPassword: "a wrong guess", newPassword: NEW_PASSWORD } });
    const answers: number[] = [];
    for (let i = 0; i < 8; i++) answers.push((await guess()).status);
    expect(answers).toContain(429);
    const locked = await call(changePassword, { method: "PUT", headers, body: { currentPassword: PASSWORD, newPassword: NEW_PASSWORD } });
    expect(locked.status).toBe(429);
    expect(locked.headers.get("retry-after")).toMatch(/^\d+$/);
  });

  it("refuses a new password shorter than the policy for new users", async () => {
    const alice = await newUser("viewer");
    const browser = await browserOf(alice.name);
    const response = await call(changePassword, { method: "PUT", headers: browser.headers, body: { currentPassword: PASSWORD, newPassword: "short" } });
    expect(response.status).toBe(422);
    expect(JSON.stringify(response.json.error.details)).toContain("at least 10 characters");
  });

  it("takes the new password, refuses the old, ends the user's other sessions and is audited", async () => {
    const alice = await newUser("operator");
    const here = await browserOf(alice.name);
    const elsewhere = await browserOf(alice.name);
    const token = await alice.token();

    const response = await call(changePassword, { method: "PUT", headers: here.headers, body: { currentPassword: PASSWORD, newPassword: NEW_PASSWORD } });
    expect(response.status).toBe(200);
    expect(response.json).toEqual({ endedSessions: 1 });

    expect((await call(me, { headers: { cookie: here.cookie } })).status).toBe(200);
    expect((await call(me, { headers: { cookie: elsewhere.cookie } })).status).toBe(401);
    expect((await meWith(token)).status).toBe(200);
    const old = await call(signInRoute, { method: "POST", body: { name: alice.name, password: PASSWORD }, headers: { origin: ORIGIN } });
    expect(old.status).toBe(401);
    await signedIn(alice.name, NEW_PASSWORD);

    const records = await passwordAudits(alice.name);
    expect(records).toEqual([expect.objectContaining({ actorType: "user", actorName: alice.name, outcome: "success" })]);
    expect(asText(records)).not.toContain(NEW_PASSWORD);
  });
});
