import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, describe, expect, inject, it } from "vitest";
import { syncline } from "../support/cli";
import { startSyncline } from "../support/syncline-server";

const engine = process.env.SYNCLINE_TEST_DB;
const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** A fresh database of this project's engine, as `npm start` would be given it. */
async function freshEnv(): Promise<Record<string, string>> {
  const dataDir = mkdtempSync(join(tmpdir(), "syncline-start-"));
  dirs.push(dataDir);
  const env: Record<string, string> = { SYNCLINE_DATA_DIR: dataDir, SYNCLINE_ADMIN_PASSWORD: "first admin password", DATABASE_URL: "" };
  if (engine === "postgres") {
    const name = `start_${randomUUID().replaceAll("-", "")}`;
    const admin = new pg.Client({ connectionString: inject("databases").postgresAdmin });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    env.DATABASE_URL = inject("databases").postgresAdmin.replace(/\/postgres$/, `/${name}`);
  }
  return env;
}

async function signIn(baseUrl: string, password: string) {
  return fetch(`${baseUrl}/api/auth/sign-in`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: baseUrl },
    body: JSON.stringify({ name: "admin", password }),
  });
}

describe(`npm start (${engine})`, () => {
  it("migrates a new database, creates the first admin, and serves the sign-in page", async () => {
    const server = await startSyncline(await freshEnv());
    try {
      const page = await fetch(`${server.baseUrl}/sign-in`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain("Syncline");
      expect((await signIn(server.baseUrl, "first admin password")).status).toBe(200);
      expect(server.output()).toContain('created user "admin"');
      expect(server.output()).not.toContain("first admin password");
    } finally {
      await server.stop();
    }
  });

  it("keeps users and their API tokens across a restart", async () => {
    const env = await freshEnv();
    const first = await startSyncline(env);
    let token: string;
    try {
      const created = await syncline(["token", "create", "--user", "admin", "--name", "restart"], { env });
      expect(created.stderr).toBe("");
      token = created.stdout.trim();
      expect((await fetch(`${first.baseUrl}/api/me`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(200);
    } finally {
      await first.stop();
    }

    const second = await startSyncline(env);
    try {
      const me = await fetch(`${second.baseUrl}/api/me`, { headers: { authorization: `Bearer ${token}` } });
      expect(await me.json()).toMatchObject({ name: "admin", role: "admin" });
      expect(second.output()).not.toContain('created user "admin"');
    } finally {
      await second.stop();
    }
  });

  it("prints a generated admin password once when none is configured, and it signs in", async () => {
    const env = { ...(await freshEnv()), SYNCLINE_ADMIN_PASSWORD: "" };
    const server = await startSyncline(env);
    try {
      const password = /created user "admin" with password: (\S+)/.exec(server.output())?.[1];
      expect(password).toBeDefined();
      expect((await signIn(server.baseUrl, password!)).status).toBe(200);
    } finally {
      await server.stop();
    }
  });
});
