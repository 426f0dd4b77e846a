import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as listCredentials, POST as addCredential } from "@/app/api/git-credentials/route";
import { db } from "@/lib/db/client";
import { call } from "../support/http";
import { newUser } from "../support/users";

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

let viewer: Record<string, string>;
let admin: Record<string, string>;

beforeAll(async () => {
  admin = bearer(await (await newUser("admin")).token());
  viewer = bearer(await (await newUser("viewer")).token());
});

async function addGithubToken(): Promise<string> {
  const name = `gh-${randomUUID().slice(0, 8)}`;
  const added = await call(addCredential, { method: "POST", headers: admin, body: { kind: "github-token", name, urlPattern: "github.com", token: `ghp_${randomUUID()}` } });
  expect(added.status).toBe(201);
  return added.json.id as string;
}

const listed = async (id: string) => ((await call(listCredentials, { headers: viewer })).json.items as Array<{ id: string; rateLimit: unknown }>).find((item) => item.id === id);

describe("a GitHub credential's remaining API budget", () => {
  it("is listed as GitHub's last answer stated it, with when that was", async () => {
    const id = await addGithubToken();
    // As lib/git-hosts/github's budget is stored: its resetAt Date became an ISO string in JSON.
    const resetAt = new Date("2026-12-01T14:05:00.000Z");
    const observedAt = new Date("2026-12-01T13:40:12.000Z");
    await db().gitCredential.update({ where: { id }, data: { rateLimit: { limit: 5000, remaining: 4812, used: 188, resetAt, resource: "core" }, rateLimitAt: observedAt } });
    expect((await listed(id))?.rateLimit).toEqual({ limit: 5000, remaining: 4812, resetAt: resetAt.toISOString(), observedAt: observedAt.toISOString() });
  });

  it("is null before Syncline has called GitHub with the credential, or when what is stored is not a budget", async () => {
    const id = await addGithubToken();
    expect((await listed(id))?.rateLimit).toBeNull();
    await db().gitCredential.update({ where: { id }, data: { rateLimit: { remaining: "lots" }, rateLimitAt: new Date() } });
    expect((await listed(id))?.rateLimit).toBeNull();
  });
});
