import { createHash, randomUUID } from "node:crypto";
import { cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, describe, expect, inject, it } from "vitest";
import { applyMigrations, MIGRATIONS_DIR, readMigrations } from "../../lib/db/migrate";

const { postgresAdmin } = inject("databases");
const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

async function freshDatabase(): Promise<string> {
  const name = `runner_${randomUUID().replaceAll("-", "")}`;
  const admin = new pg.Client({ connectionString: postgresAdmin });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  return postgresAdmin.replace(/\/postgres$/, `/${name}`);
}

async function rows(url: string, sql: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

function copyOfMigrations(): string {
  const dir = mkdtempSync(join(tmpdir(), "syncline-migrations-"));
  dirs.push(dir);
  cpSync(MIGRATIONS_DIR, dir, { recursive: true });
  return dir;
}

describe("the migration runner", () => {
  it("records each migration in Prisma's table with Prisma's checksum, so prisma migrate deploy can take over", async () => {
    const url = await freshDatabase();
    const { applied } = await applyMigrations(url);
    const recorded = await rows(url, `SELECT migration_name, checksum, finished_at, applied_steps_count FROM "_prisma_migrations" ORDER BY migration_name`);
    expect(applied).toEqual(readMigrations().map((m) => m.name));
    expect(recorded.map((r) => r.migration_name)).toEqual(applied);
    for (const [index, migration] of readMigrations().entries()) {
      expect(recorded[index].checksum).toBe(createHash("sha256").update(migration.sql).digest("hex"));
      expect(recorded[index].finished_at).not.toBeNull();
      expect(recorded[index].applied_steps_count).toBe(1);
    }
  });

  it("applies nothing the second time", async () => {
    const url = await freshDatabase();
    await applyMigrations(url);
    expect((await applyMigrations(url)).applied).toEqual([]);
  });

  it("applies each migration once when two replicas start together", async () => {
    const url = await freshDatabase();
    const results = await Promise.all([applyMigrations(url), applyMigrations(url)]);
    expect(results.flatMap((r) => r.applied).sort()).toEqual(readMigrations().map((m) => m.name));
    expect(await rows(url, `SELECT count(*)::int AS n FROM "_prisma_migrations"`)).toEqual([{ n: readMigrations().length }]);
  });

  it("refuses to run when an applied migration was edited afterwards", async () => {
    const url = await freshDatabase();
    const dir = copyOfMigrations();
    await applyMigrations(url, dir);
    const first = readMigrations(dir)[0]!;
    writeFileSync(join(dir, first.name, "migration.sql"), first.sql + "\n-- edited\n");
    await expect(applyMigrations(url, dir)).rejects.toThrow(/was edited after it was applied/);
  });

  it("rolls a failing migration back whole and reports it", async () => {
    const url = await freshDatabase();
    const dir = copyOfMigrations();
    cpSync(join(dir, readMigrations(dir)[0]!.name), join(dir, "29990101000000_broken"), { recursive: true });
    writeFileSync(join(dir, "29990101000000_broken", "migration.sql"), `CREATE TABLE "Half" (id int);\nSELECT * FROM "NoSuchTable";`);
    await expect(applyMigrations(url, dir)).rejects.toThrow(/29990101000000_broken failed/);
    expect(await rows(url, `SELECT to_regclass('"Half"') AS half`)).toEqual([{ half: null }]);
  });
});
