import { randomInt, randomUUID } from "node:crypto";
import { describe, expect, it, vi } from "vitest";
import { POST as signInRoute } from "@/app/api/auth/sign-in/route";
import { verifyPassword } from "@/lib/auth/password";
import { db } from "@/lib/db/client";
import { call } from "../support/http";
import { newUser, PASSWORD } from "../support/users";

// The real Argon2 check, counted: a refused attempt must cost no hash at all.
vi.mock("@/lib/auth/password", async (importOriginal) => {
  const real = await importOriginal<typeof import("@/lib/auth/password")>();
  return { ...real, verifyPassword: vi.fn(real.verifyPassword) };
});

type Route = typeof signInRoute;

/** Each spec signs in from addresses of its own, so the shared database's counters never meet. */
function newAddress(): string {
  return `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;
}

function signIn(name: string, password: string, ip: string, route: Route = signInRoute) {
  return call(route, { method: "POST", body: { name, password }, headers: { "x-forwarded-for": ip } });
}

async function failTimes(times: number, name: string, ip: string) {
  for (let i = 0; i < times; i++) expect((await signIn(name, "wrong password", ip)).status).toBe(401);
}

function lockoutsOf(name: string) {
  return db().auditEvent.findMany({ where: { action: "auth.lockout", targetName: name } });
}

describe("sign-in throttling", () => {
  it("after 5 wrong passwords from one address, even the right password gets 429 with Retry-After", async () => {
    const user = await newUser();
    const ip = newAddress();
    await failTimes(5, user.name, ip);
    const sessionsBefore = await db().session.count({ where: { userId: user.id } });

    const refused = await signIn(user.name, PASSWORD, ip);

    expect(refused.status).toBe(429);
    expect(refused.json).toMatchObject({ error: { code: "too_many_requests", message: expect.stringMatching(/try again in 15 minutes/) } });
    const retryAfter = Number(refused.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThan(14 * 60);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);
    expect(refused.headers.get("set-cookie")).toBeNull();
    expect(await db().session.count({ where: { userId: user.id } })).toBe(sessionsBefore);
  });

  it("refuses a locked-out attempt before hashing: no Argon2 verification runs", async () => {
    const user = await newUser();
    const ip = newAddress();
    await failTimes(5, user.name, ip);
    const verifications = vi.mocked(verifyPassword).mock.calls.length;

    for (const password of [PASSWORD, "wrong password", "another guess"]) expect((await signIn(user.name, password, ip)).status).toBe(429);

    expect(vi.mocked(verifyPassword).mock.calls.length).toBe(verifications);
  });

  it("audits a lockout once, naming the user name, the address and when it ends", async () => {
    const user = await newUser();
    const ip = newAddress();
    await failTimes(5, user.name, ip);
    for (let i = 0; i < 3; i++) expect((await signIn(user.name, "wrong password", ip)).status).toBe(429);

    const lockouts = await lockoutsOf(user.name);

    expect(lockouts).toHaveLength(1);
    const [lockout] = lockouts;
    expect(lockout).toMatchObject({ actorType: "system", clientIp: ip, outcome: "success" });
    expect(lockout!.reason).toContain("5 failed sign-ins");
    const after = lockout!.after as { userName: string; clientIp: string; lockedUntil: string };
    expect(after).toMatchObject({ userName: user.name, clientIp: ip });
    const minutesLocked = (new Date(after.lockedUntil).getTime() - lockout!.at.getTime()) / 60_000;
    expect(minutesLocked).toBeCloseTo(15, 0);
  });

  it("locks once when a dozen wrong passwords arrive at the same moment", async () => {
    const user = await newUser();
    const ip = newAddress();

    const answers = await Promise.all(Array.from({ length: 12 }, (_, i) => signIn(user.name, `parallel guess ${i}`, ip)));

    expect(answers.every((answer) => answer.status === 401 || answer.status === 429)).toBe(true);
    expect(await lockoutsOf(user.name)).toHaveLength(1);
    expect((await signIn(user.name, PASSWORD, ip)).status).toBe(429);
  });

  it("leaves the same user from another address, and other users from the locked address, free to sign in", async () => {
    const [user, neighbour] = [await newUser(), await newUser()];
    const ip = newAddress();
    await failTimes(5, user.name, ip);
    expect((await signIn(user.name, PASSWORD, ip)).status).toBe(429);

    expect((await signIn(user.name, PASSWORD, newAddress())).status).toBe(200);
    expect((await signIn(neighbour.name, PASSWORD, ip)).status).toBe(200);
  });

  it("forgives typos once the right password is given: failures count again from zero", async () => {
    const user = await newUser();
    const ip = newAddress();
    await failTimes(4, user.name, ip);
    expect((await signIn(user.name, PASSWORD, ip)).status).toBe(200);

    await failTimes(4, user.name, ip);
    expect((await signIn(user.name, PASSWORD, ip)).status).toBe(200);
    await failTimes(5, user.name, ip);
    expect((await signIn(user.name, PASSWORD, ip)).status).toBe(429);
  });

  it("locks an address that sprays 50 user names, for every user name", async () => {
    const user = await newUser();
    const ip = newAddress();
    for (let i = 0; i < 50; i++) expect((await signIn(`sprayed-${randomUUID().slice(0, 8)}`, "Winter2026!", ip)).status).toBe(401);

    expect((await signIn(user.name, PASSWORD, ip)).status).toBe(429);
    expect((await signIn(user.name, PASSWORD, newAddress())).status).toBe(200);
  });

  it("locks a user name guessed 20 times from many addresses, from every address", async () => {
    const user = await newUser();
    for (let i = 0; i < 20; i++) expect((await signIn(user.name, `guess ${i}`, newAddress())).status).toBe(401);

    expect((await signIn(user.name, PASSWORD, newAddress())).status).toBe(429);
    expect(await lockoutsOf(user.name)).toHaveLength(1);
  });

  it("holds across replicas: a second instance, sharing only the database, refuses the locked attempt", async () => {
    const user = await newUser();
    const ip = newAddress();
    await failTimes(5, user.name, ip);
    vi.resetModules();
    const { POST: otherReplica } = await import("@/app/api/auth/sign-in/route");
    expect(otherReplica).not.toBe(signInRoute);

    const refused = await signIn(user.name, PASSWORD, ip, otherReplica);

    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await signIn(user.name, PASSWORD, newAddress(), otherReplica)).status).toBe(200);
  });
});
