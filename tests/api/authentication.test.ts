import { describe, expect, it } from "vitest";
import { GET as me } from "@/app/api/me/route";
import { POST as signInRoute } from "@/app/api/auth/sign-in/route";
import { POST as signOutRoute } from "@/app/api/auth/sign-out/route";
import { GET as healthz } from "@/app/api/healthz/route";
import { GET as readyz } from "@/app/api/readyz/route";
import { db } from "@/lib/db/client";
import { call, ORIGIN, sessionCookieFrom } from "../support/http";
import { newUser, PASSWORD } from "../support/users";

const errorShape = { error: { code: expect.any(String), message: expect.any(String) } };

async function signedIn(name: string) {
  const response = await call(signInRoute, { method: "POST", body: { name, password: PASSWORD }, headers: { origin: ORIGIN } });
  expect(response.status).toBe(200);
  return sessionCookieFrom(response.headers);
}

describe("signing in", () => {
  it("returns the user and sets an httpOnly, SameSite=Lax session cookie", async () => {
    const user = await newUser("admin");
    const response = await call(signInRoute, { method: "POST", body: { name: user.name, password: PASSWORD } });
    expect(response.status).toBe(200);
    expect(response.json).toEqual({ id: user.id, name: user.name, email: null, role: "admin" });
    const cookie = response.headers.get("set-cookie")!;
    expect(cookie).toMatch(/^syncline_session=sls_[\w-]{43}; /);
    expect(cookie).toContain("HttpOnly");
    expect(cookie).toContain("SameSite=Lax");
    expect(cookie).not.toContain("Secure");
  });

  it("marks the cookie Secure, with the __Host- prefix, behind a trusted proxy that terminates HTTPS", async () => {
    const user = await newUser();
    process.env.SYNCLINE_TRUSTED_PROXIES = "10.0.0.2";
    try {
      const response = await call(signInRoute, {
        method: "POST",
        body: { name: user.name, password: PASSWORD },
        headers: { "x-forwarded-proto": "https", "x-forwarded-for": "203.0.113.7, 10.0.0.2" },
      });
      expect(response.headers.get("set-cookie")).toMatch(/^__Host-syncline_session=.*; Secure/);
    } finally {
      delete process.env.SYNCLINE_TRUSTED_PROXIES;
    }
  });

  it("rejects a wrong password with 401 and the error shape, creating no session", async () => {
    const user = await newUser();
    const before = await db().session.count({ where: { userId: user.id } });
    const response = await call(signInRoute, { method: "POST", body: { name: user.name, password: "wrong password" } });
    expect(response.status).toBe(401);
    expect(response.json).toMatchObject({ error: { code: "invalid_credentials", message: "Wrong user name or password" } });
    expect(response.headers.get("set-cookie")).toBeNull();
    expect(await db().session.count({ where: { userId: user.id } })).toBe(before);
  });

  it("answers an unknown user exactly like a wrong password", async () => {
    const response = await call(signInRoute, { method: "POST", body: { name: "nobody-here", password: "whatever" } });
    expect(response.status).toBe(401);
    expect(response.json.error.code).toBe("invalid_credentials");
  });

  it("rejects a malformed JSON body with 400", async () => {
    const response = await call(signInRoute, { method: "POST", rawBody: '{"name": "admin", ', headers: { "content-type": "application/json" } });
    expect(response.status).toBe(400);
    expect(response.json).toMatchObject({ error: { code: "invalid_json" } });
  });

  it("rejects a body without the fields with 422 and says which", async () => {
    const response = await call(signInRoute, { method: "POST", body: { name: "admin" } });
    expect(response.status).toBe(422);
    expect(response.json.error.details).toContainEqual(expect.objectContaining({ path: "password" }));
  });

  it("refuses a sign-in posted from a foreign site", async () => {
    const user = await newUser();
    const response = await call(signInRoute, {
      method: "POST",
      body: { name: user.name, password: PASSWORD },
      headers: { origin: "https://evil.example" },
    });
    expect(response.status).toBe(403);
    expect(response.json.error.code).toBe("origin_mismatch");
  });
});

describe("who am I", () => {
  it("answers a session cookie with the signed-in user", async () => {
    const user = await newUser("viewer");
    const cookie = await signedIn(user.name);
    const response = await call(me, { headers: { cookie } });
    expect(response.status).toBe(200);
    expect(response.json).toEqual({ id: user.id, name: user.name, email: null, role: "viewer" });
  });

  it("answers a personal API token sent as a Bearer token", async () => {
    const user = await newUser("admin");
    const response = await call(me, { headers: { authorization: `Bearer ${await user.token()}` } });
    expect(response.status).toBe(200);
    expect(response.json.name).toBe(user.name);
  });

  it("rejects a request with no authentication with 401", async () => {
    const response = await call(me);
    expect(response.status).toBe(401);
    expect(response.json).toMatchObject(errorShape);
    expect(response.json.error.code).toBe("unauthenticated");
  });

  it("rejects an unknown token and a forged cookie with 401", async () => {
    expect((await call(me, { headers: { authorization: "Bearer slt_not-a-real-token" } })).status).toBe(401);
    expect((await call(me, { headers: { cookie: "syncline_session=sls_forged" } })).status).toBe(401);
  });

  it("stores tokens hashed, never as issued", async () => {
    const user = await newUser();
    const token = await user.token();
    const stored = await db().apiToken.findFirstOrThrow({ where: { userId: user.id } });
    expect(stored.tokenHash).not.toContain(token);
    expect(JSON.stringify(stored)).not.toContain(token);
  });
});

describe("cookie-authenticated mutations", () => {
  it("are refused with 403 when their Origin is foreign, and change nothing", async () => {
    const user = await newUser();
    const cookie = await signedIn(user.name);
    const response = await call(signOutRoute, { method: "POST", headers: { cookie, origin: "https://evil.example" } });
    expect(response.status).toBe(403);
    expect(response.json.error.code).toBe("origin_mismatch");
    expect((await call(me, { headers: { cookie } })).status).toBe(200);
  });

  it("are refused without an Origin", async () => {
    const user = await newUser();
    const cookie = await signedIn(user.name);
    expect((await call(signOutRoute, { method: "POST", headers: { cookie } })).status).toBe(403);
  });

  it("succeed from Syncline's own origin: signing out ends the session", async () => {
    const user = await newUser();
    const cookie = await signedIn(user.name);
    const response = await call(signOutRoute, { method: "POST", headers: { cookie, origin: ORIGIN } });
    expect(response.status).toBe(204);
    expect((await call(me, { headers: { cookie } })).status).toBe(401);
  });
});

describe("health checks", () => {
  it("need no authentication", async () => {
    expect((await call(healthz)).json).toEqual({ status: "ok" });
  });

  it("report ready once the database answers and is fully migrated", async () => {
    const response = await call(readyz);
    expect(response.status).toBe(200);
    expect(response.json).toMatchObject({ ready: true, database: "ok", pendingMigrations: [] });
  });
});
