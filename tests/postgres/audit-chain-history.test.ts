import { createHmac, randomUUID } from "node:crypto";
import { cpSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, describe, expect, inject, it } from "vitest";
import { loadSecretKey } from "../../lib/crypto/secret-key";
import { applyMigrations, MIGRATIONS_DIR } from "../../lib/db/migrate";
import { syncline } from "../support/cli";

const CHAIN_MIGRATION = "20261201150000_audit_hash_chain";
const { postgresAdmin } = inject("databases");
const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** A database as an existing installation has it: migrated up to the chain, with history in it. */
async function installationWithHistory(): Promise<pg.Client> {
  const name = `chain_${randomUUID().replaceAll("-", "")}`;
  const admin = new pg.Client({ connectionString: postgresAdmin });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = postgresAdmin.replace(/\/postgres$/, `/${name}`);
  const before = mkdtempSync(join(tmpdir(), "syncline-migrations-"));
  dirs.push(before);
  for (const migration of readdirSync(MIGRATIONS_DIR).filter((entry) => entry < CHAIN_MIGRATION)) cpSync(join(MIGRATIONS_DIR, migration), join(before, migration), { recursive: true });
  await applyMigrations(url, before);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(`INSERT INTO "AuditEvent" (id, at, "actorType", "actorName", action, outcome, reason) VALUES
    ('0190f2a0-0000-7000-8000-00000000000b', '2026-11-27T10:00:00Z', 'user', 'maria', 'autosync.disable', 'success', 'freeze'),
    ('0190f2a0-0000-7000-8000-00000000000a', '2026-11-27T09:00:00Z', 'system', 'system', 'cluster.add', 'success', NULL)`);
  await applyMigrations(url);
  return client;
}

/** An insert the way recordAuditEvent makes it, keyed with the test's SYNCLINE_SECRET_KEY. */
async function recordKeyed(client: pg.Client, reason: string): Promise<void> {
  const key = createHmac("sha256", loadSecretKey(process.env.SYNCLINE_SECRET_KEY, "/nonexistent")).update("syncline audit chain v1").digest("hex");
  await client.query(`INSERT INTO "AuditEvent" (id, "actorType", "actorName", action, outcome, reason, hash) VALUES (gen_random_uuid(), 'user', 'maria', 'autosync.enable', 'success', $1, $2)`, [reason, key]);
}

const verify = (client: pg.Client) =>
  syncline(["audit", "verify"], { env: { DATABASE_URL: `postgresql://postgres@${client.host}:${client.port}/${client.database}`, SYNCLINE_DB_POOL_SIZE: "1" } });

describe("an installation's existing audit history", () => {
  it("is chained in the order it happened, and the first new record seals it", async () => {
    const client = await installationWithHistory();
    try {
      await recordKeyed(client, "thaw");
      const { rows } = await client.query(`SELECT seq::int, id, "prevHash", hash FROM "AuditEvent" ORDER BY seq`);
      expect(rows.map((r) => r.id)).toEqual(["0190f2a0-0000-7000-8000-00000000000a", "0190f2a0-0000-7000-8000-00000000000b", expect.any(String)]);
      expect(rows.map((r) => r.hash.split(":")[0])).toEqual(["sha256", "sha256", "hmac"]);
      expect(rows[2].prevHash).toBe(rows[1].hash);
      const result = await verify(client);
      expect(result.stderr).toBe("");
      expect(result.stdout).toContain("Audit chain OK: 3 records");
    } finally {
      await client.end();
    }
  });

  it("catches an edit even when the editor recomputes the whole chain with the database's own functions", async () => {
    const client = await installationWithHistory();
    try {
      await recordKeyed(client, "thaw");
      await recordKeyed(client, "after the freeze");
      await client.query(`ALTER TABLE "AuditEvent" DISABLE TRIGGER "audit_event_no_update_or_delete"`);
      await client.query(`UPDATE "AuditEvent" SET reason = 'nothing happened' WHERE seq = 3`);
      await client.query(`DO $$
        DECLARE e "AuditEvent"; prev text;
        BEGIN
          FOR e IN SELECT * FROM "AuditEvent" ORDER BY seq LOOP
            UPDATE "AuditEvent" SET "prevHash" = prev, hash = "audit_chain_hash"(NULL, prev, e) WHERE id = e.id;
            prev := "audit_chain_hash"(NULL, prev, e);
          END LOOP;
        END $$`);
      const { rows } = await client.query(`SELECT id FROM "AuditEvent" WHERE seq = 3`);
      const result = await verify(client);
      expect(result.status).toBe(1);
      expect(result.stderr).toContain(`#3 ${rows[0].id}`);
      expect(result.stderr).toContain("hash mismatch");
    } finally {
      await client.end();
    }
  });
});
