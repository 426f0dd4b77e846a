import { createHash, randomUUID } from "node:crypto";
import { readdirSync, readFileSync, existsSync } from "node:fs";
import { join, resolve } from "node:path";
import pg from "pg";
import { AppError } from "../errors/app-error";

/**
 * Resolved from the working directory, which is the project root for npm scripts, Next.js and the
 * CLI. Read at run time, not bundled: the turbopackIgnore hints keep Next.js from tracing the
 * whole project into its output because of these dynamic paths.
 */
export const MIGRATIONS_DIR = resolve(/*turbopackIgnore: true*/ process.env.SYNCLINE_MIGRATIONS_DIR ?? "prisma/migrations");

/** Prisma's own advisory-lock key, so this runner and `prisma migrate deploy` exclude each other. */
const PRISMA_ADVISORY_LOCK_KEY = 72707369;

export interface Migration {
  name: string;
  sql: string;
  /** Prisma's checksum: the SHA-256 of migration.sql, in hex. */
  checksum: string;
}

export function readMigrations(dir = MIGRATIONS_DIR): Migration[] {
  return readdirSync(/*turbopackIgnore: true*/ dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(/*turbopackIgnore: true*/ join(dir, entry.name, "migration.sql")))
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(/*turbopackIgnore: true*/ join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });
}

const CREATE_MIGRATIONS_TABLE = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id"                  VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum"            VARCHAR(64) NOT NULL,
  "finished_at"         TIMESTAMPTZ,
  "migration_name"      VARCHAR(255) NOT NULL,
  "logs"                TEXT,
  "rolled_back_at"      TIMESTAMPTZ,
  "started_at"          TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

export interface AppliedRow {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
}

/**
 * Applies pending migrations in Prisma's layout and records them in Prisma's table with Prisma's
 * checksums, so `prisma migrate deploy` can take over wherever its engine can be installed.
 * Each migration runs in its own transaction on one connection, under Prisma's advisory lock so
 * that replicas starting together apply each migration once.
 */
export async function applyMigrations(url: string, dir = MIGRATIONS_DIR): Promise<{ applied: string[] }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [PRISMA_ADVISORY_LOCK_KEY]);
    try {
      await client.query(CREATE_MIGRATIONS_TABLE);
      const pending = planMigrations(readMigrations(dir), await appliedMigrations(client));
      for (const migration of pending) await applyOne(client, migration);
      return { applied: pending.map((m) => m.name) };
    } finally {
      await client.query("SELECT pg_advisory_unlock($1)", [PRISMA_ADVISORY_LOCK_KEY]);
    }
  } finally {
    await client.end();
  }
}

export function planMigrations(committed: Migration[], applied: AppliedRow[]): Migration[] {
  const live = applied.filter((row) => !row.rolled_back_at);
  const failed = live.find((row) => !row.finished_at);
  if (failed) {
    throw new AppError("internal", `Migration ${failed.migration_name} failed earlier; fix the database, then mark it rolled back in _prisma_migrations`);
  }
  const byName = new Map(live.map((row) => [row.migration_name, row]));
  for (const migration of committed) {
    const row = byName.get(migration.name);
    if (row && row.checksum !== migration.checksum) {
      throw new AppError("internal", `Migration ${migration.name} was edited after it was applied; write a new migration instead`);
    }
  }
  return committed.filter((migration) => !byName.has(migration.name));
}

async function appliedMigrations(client: pg.Client): Promise<AppliedRow[]> {
  const result = await client.query<AppliedRow>(
    `SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations" ORDER BY started_at`,
  );
  return result.rows;
}

async function applyOne(client: pg.Client, migration: Migration): Promise<void> {
  const id = randomUUID();
  await client.query(`INSERT INTO "_prisma_migrations" (id, checksum, migration_name) VALUES ($1, $2, $3)`, [
    id,
    migration.checksum,
    migration.name,
  ]);
  try {
    await client.query("BEGIN");
    await client.query(migration.sql);
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK");
    await client.query(`UPDATE "_prisma_migrations" SET logs = $2 WHERE id = $1`, [id, String(error)]);
    throw new AppError("internal", `Migration ${migration.name} failed: ${(error as Error).message}`);
  }
  await client.query(`UPDATE "_prisma_migrations" SET finished_at = now(), applied_steps_count = 1 WHERE id = $1`, [id]);
}
