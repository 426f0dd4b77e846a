import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { readLockOwner } from "../../lib/db/data-dir-lock";
import { embeddedLockFile, openEmbeddedDatabase } from "../../lib/db/embedded-database";
import { applyMigrations } from "../../lib/db/migrate";

const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function dataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "syncline-embedded-"));
  dirs.push(dir);
  return dir;
}

async function query(url: string, sql: string, params: unknown[] = []) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows;
  } finally {
    await client.end();
  }
}

describe("the embedded database", () => {
  it("keeps committed rows across a restart", async () => {
    const dir = dataDir();
    const first = await openEmbeddedDatabase(dir);
    await applyMigrations(first.url);
    await query(first.url, `INSERT INTO "User" (id, name, "passwordHash", "updatedAt") VALUES (gen_random_uuid(), 'restart-check', 'x', now())`);
    await first.close();

    const second = await openEmbeddedDatabase(dir);
    try {
      expect(await query(second.url, `SELECT name FROM "User" WHERE name = 'restart-check'`)).toEqual([{ name: "restart-check" }]);
    } finally {
      await second.close();
    }
  });

  it("refuses a second opener of the same folder with a clear error", async () => {
    const dir = dataDir();
    const owner = await openEmbeddedDatabase(dir);
    try {
      await expect(openEmbeddedDatabase(dir)).rejects.toMatchObject({
        code: "database_locked",
        message: expect.stringContaining(`in use by process ${process.pid}`),
      });
    } finally {
      await owner.close();
    }
  });

  it("takes over a lock left behind by a process that died, and then guards the folder itself", async () => {
    const dir = dataDir();
    writeFileSync(embeddedLockFile(dir), JSON.stringify({ pid: 2 ** 22 + 12345, port: 1 }));
    const database = await openEmbeddedDatabase(dir);
    try {
      expect(readLockOwner(embeddedLockFile(dir))?.pid).toBe(process.pid);
      expect(await query(database.url, "SELECT 1 AS one")).toEqual([{ one: 1 }]);
      await expect(openEmbeddedDatabase(dir)).rejects.toMatchObject({ code: "database_locked" });
    } finally {
      await database.close();
    }
  });

  it("serves as many connections as its pool size, all on one database", async () => {
    const database = await openEmbeddedDatabase(dataDir());
    try {
      const pool = new pg.Pool({ connectionString: database.url, max: database.poolSize });
      const answers = await Promise.all(Array.from({ length: database.poolSize * 3 }, (_, i) => pool.query("SELECT $1::int AS n", [i])));
      expect(answers.map((a) => a.rows[0].n)).toEqual(Array.from({ length: database.poolSize * 3 }, (_, i) => i));
      await pool.end();
    } finally {
      await database.close();
    }
  });
});
