import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { POST as signInRoute } from "@/app/api/auth/sign-in/route";
import { POST as reconcileRoute } from "@/app/api/clusters/[id]/reconcile/route";
import { GET as me } from "@/app/api/me/route";
import { POST as resetPasswordRoute } from "@/app/api/users/[id]/password/route";
import { PATCH as updateUserRoute } from "@/app/api/users/[id]/route";
import { GET as listUsersRoute, POST as addUserRoute } from "@/app/api/users/route";
import { db } from "@/lib/db/client";
import { call, ORIGIN, sessionCookieFrom } from "../support/http";
import { newUser, PASSWORD } from "../support/users";

const NO_SUCH_CLUSTER = "0190f2a0-0000-7000-8000-000000000000";

async function signedIn(name: string, password = PASSWORD) {
  const response = await call(signInRoute, { method: "POST", body: { name, password }, headers: { origin: ORIGIN } });
  expect(response.status).toBe(200);
  return sessionCookieFrom(response.headers);
}

/** An admin as the browser is: a session cookie, sending its own Origin on mutations. */
async function adminInBrowser() {
  const admin = await newUser("admin");
  const cookie = await signedIn(admin.name);
  return { ...admin, headers: { cookie, origin: ORIGIN } };
}

function patchUser(headers: Record<string, string>, id: string, body: unknown) {
  return call(updateUserRoute, { method: "PATCH", headers, params: { id }, body });
}

function resetPassword(headers: Record<string, string>, id: string, body: unknown = {}) {
  return call(resetPasswordRoute, { method: "POST", headers, params: { id }, body });
}

const auditOf = (name: string) => db().auditEvent.findMany({ where: { targetKind: "User", targetName: name }, orderBy: { at: "asc" } });

describe("disabling a user", () => {
  it("makes their session cookie and their API token get 401 on the very next request", async () => {
    const admin = await adminInBrowser();
    const user = await newUser("operator");
    const cookie = await signedIn(user.name);
    const token = await user.token();
    expect((await call(me, { headers: { cookie } })).status).toBe(200);
    expect((await call(me, { headers: { authorization: `Bearer ${token}` } })).status).toBe(200);

    const disabled = await patchUser(admin.headers, user.id, { disabled: true });
    expect(disabled.status).toBe(200);
    expect(disabled.json).toMatchObject({ id: user.id, name: user.name, disabledAt: expect.any(String) });

    expect((await call(me, { headers: { cookie } })).status).toBe(401);
    expect((await call(me, { headers: { authorization: `Bearer ${token}` } })).status).toBe(401);
    expect(await db().session.count({ where: { userId: user.id } })).toBe(0);
    const signIn = await call(signInRoute, { method: "POST", body: { name: user.name, password: PASSWORD } });
    expect(signIn.status).toBe(401);
  });

  it("is undone by enabling them: they can sign in again, and both changes are audited", async () => {
    const admin = await adminInBrowser();
    const user = await newUser("viewer");
    await signedIn(user.name);
    expect((await patchUser(admin.headers, user.id, { disabled: true })).status).toBe(200);
    const enabled = await patchUser(admin.headers, user.id, { disabled: false });
    expect(enabled.status).toBe(200);
    expect(enabled.json.disabledAt).toBeNull();
    await signedIn(user.name);

    const events = (await auditOf(user.name)).filter((event) => event.action !== "user.add");
    expect(events).toEqual([
      expect.objectContaining({ action: "user.disable", actorType: "user", actorId: admin.id, actorName: admin.name, before: { disabled: false }, after: { disabled: true, sessionsEnded: 1 } }),
      expect.objectContaining({ action: "user.enable", actorType: "user", actorId: admin.id, actorName: admin.name, before: { disabled: true }, after: { disabled: false } }),
    ]);
    expect(events.every((event) => event.requestId)).toBe(true);
  });
});

describe("changing a role", () => {
  it("takes effect on the user's next request: an operator made viewer gets 403 on a mutation", async () => {
    const admin = await adminInBrowser();
    const user = await newUser("operator");
    const token = await user.token();
    const reconcile = () => call(reconcileRoute, { method: "POST", headers: { authorization: `Bearer ${token}` }, params: { id: NO_SUCH_CLUSTER } });
    // Allowed to reconcile: the answer is about the (missing) cluster, not about the role.
    expect((await reconcile()).status).toBe(404);

    const changed = await patchUser(admin.headers, user.id, { role: "viewer" });
    expect(changed.status).toBe(200);
    expect(changed.json.role).toBe("viewer");

    const refused = await reconcile();
    expect(refused.status).toBe(403);
    expect(refused.json.error.code).toBe("forbidden");
    const update = (await auditOf(user.name)).find((event) => event.action === "user.update");
    expect(update).toMatchObject({ actorName: admin.name, before: { role: "operator" }, after: { role: "viewer" } });
  });

  it("is refused to operators and viewers, and changes nothing", async () => {
    const target = await newUser("viewer");
    for (const role of ["operator", "viewer"] as const) {
      const caller = await newUser(role);
      const response = await patchUser({ authorization: `Bearer ${await caller.token()}` }, target.id, { role: "admin" });
      expect(response.status).toBe(403);
    }
    expect((await db().user.findUniqueOrThrow({ where: { id: target.id } })).role).toBe("viewer");
  });

  it("answers an unknown role with 422 naming the field, and an unknown user with 404", async () => {
    const admin = await adminInBrowser();
    const user = await newUser("viewer");
    const invalid = await patchUser(admin.headers, user.id, { role: "root" });
    expect(invalid.status).toBe(422);
    expect(invalid.json.error.details).toContainEqual(expect.objectContaining({ path: "role" }));
    expect((await patchUser(admin.headers, NO_SUCH_CLUSTER, { role: "viewer" })).status).toBe(404);
  });
});

describe("resetting a password", () => {
  it("returns a generated password once: the old one fails, the new one works, and their sessions end", async () => {
    const admin = await adminInBrowser();
    const user = await newUser("operator");
    const cookie = await signedIn(user.name);

    const reset = await resetPassword(admin.headers, user.id);
    expect(reset.status).toBe(200);
    const password = reset.json.generatedPassword as string;
    expect(password).toMatch(/^[\w-]{20}$/);

    expect((await call(me, { headers: { cookie } })).status).toBe(401);
    expect((await call(signInRoute, { method: "POST", body: { name: user.name, password: PASSWORD } })).status).toBe(401);
    await signedIn(user.name, password);

    const [event] = (await auditOf(user.name)).filter((e) => e.action === "user.password.reset");
    expect(event).toMatchObject({ actorName: admin.name, after: { passwordGenerated: true, sessionsEnded: 1 } });
    expect(JSON.stringify([event!.before, event!.after, event!.reason])).not.toContain(password);
  });

  it("takes a chosen password instead, and refuses one that is too short", async () => {
    const admin = await adminInBrowser();
    const user = await newUser("viewer");
    const short = await resetPassword(admin.headers, user.id, { password: "short" });
    expect(short.status).toBe(422);
    await signedIn(user.name);

    const reset = await resetPassword(admin.headers, user.id, { password: "a chosen new password" });
    expect(reset.status).toBe(200);
    expect(reset.json).toEqual({});
    await signedIn(user.name, "a chosen new password");
  });
});

describe("the last enabled admin", () => {
  it("cannot disable or demote themselves (409 last_admin), and nothing changes", async () => {
    const admin = await adminInBrowser();
    // Specs share one database: make this admin the only enabled one for the length of the test.
    const others = await db().user.findMany({ where: { role: "admin", disabledAt: null, NOT: { id: admin.id } }, select: { id: true } });
    await db().user.updateMany({ where: { id: { in: others.map((o) => o.id) } }, data: { disabledAt: new Date() } });
    try {
      for (const change of [{ disabled: true }, { role: "operator" }, { role: "viewer", disabled: true }]) {
        const refused = await patchUser(admin.headers, admin.id, change);
        expect(refused.status).toBe(409);
        expect(refused.json.error).toMatchObject({ code: "last_admin", message: expect.stringContaining("last enabled admin") });
      }
      expect(await db().user.findUniqueOrThrow({ where: { id: admin.id } })).toMatchObject({ role: "admin", disabledAt: null });
      expect((await call(me, { headers: { cookie: admin.headers.cookie } })).status).toBe(200);
      expect((await auditOf(admin.name)).map((event) => event.action)).toEqual(["user.add"]);

      const second = await newUser("admin");
      const demoted = await patchUser(admin.headers, admin.id, { role: "operator" });
      expect(demoted.status).toBe(200);
      const refused = await patchUser({ authorization: `Bearer ${await second.token()}` }, second.id, { disabled: true });
      expect(refused.status).toBe(409);
    } finally {
      await db().user.updateMany({ where: { id: { in: others.map((o) => o.id) } }, data: { disabledAt: null } });
    }
  });
});

describe("adding and listing users", () => {
  it("adds a user with a generated password shown once, audits it, and lists users without password hashes", async () => {
    const admin = await adminInBrowser();
    const name = `api-${randomUUID().slice(0, 8)}`;
    const added = await call(addUserRoute, { method: "POST", headers: admin.headers, body: { name, role: "operator", email: `${name}@example.com` } });
    expect(added.status).toBe(201);
    expect(added.json).toMatchObject({ name, role: "operator", email: `${name}@example.com`, disabledAt: null, generatedPassword: expect.stringMatching(/^[\w-]{20}$/) });
    await signedIn(name, added.json.generatedPassword);

    const again = await call(addUserRoute, { method: "POST", headers: admin.headers, body: { name, role: "viewer" } });
    expect(again.status).toBe(409);

    const listed = await call(listUsersRoute, { headers: admin.headers });
    expect(listed.status).toBe(200);
    expect(listed.json).toContainEqual({ id: added.json.id, name, email: `${name}@example.com`, role: "operator", createdAt: expect.any(String), disabledAt: null });
    expect(JSON.stringify(listed.json)).not.toMatch(/argon2|passwordHash/);

    const [event] = await auditOf(name);
    expect(event).toMatchObject({ action: "user.add", actorType: "user", actorId: admin.id, after: { name, email: `${name}@example.com`, role: "operator" } });
  });

  it("is for admins only", async () => {
    const operator = await newUser("operator");
    const listed = await call(listUsersRoute, { headers: { authorization: `Bearer ${await operator.token()}` } });
    expect(listed.status).toBe(403);
  });
});
