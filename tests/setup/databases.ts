import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { openEmbeddedDatabase } from "../../lib/db/embedded-database";
import { applyMigrations } from "../../lib/db/migrate";
import { startPostgres } from "../support/postgres-server";

export interface TestDatabases {
  pglite: string;
  postgres: string;
  /** The server's admin URL, for tests that create databases of their own. */
  postgresAdmin: string;
}

declare module "vitest" {
  export interface ProvidedContext {
    databases: TestDatabases;
  }
}

/** Both real databases, migrated, for the whole run: the embedded PGlite and PostgreSQL 15. */
export default async function setup(project: TestProject) {
  const dataDir = mkdtempSync(join(tmpdir(), "syncline-pglite-"));
  const embedded = await openEmbeddedDatabase(dataDir);
  const postgres = await startPostgres();
  try {
    await applyMigrations(embedded.url);
    const { Client } = (await import("pg")).default;
    const admin = new Client({ connectionString: postgres.url() });
    await admin.connect();
    await admin.query("CREATE DATABASE syncline");
    await admin.end();
    await applyMigrations(postgres.url("syncline"));
  } catch (error) {
    await embedded.close();
    postgres.stop();
    throw error;
  }
  project.provide("databases", { pglite: embedded.url, postgres: postgres.url("syncline"), postgresAdmin: postgres.url() });
  return async () => {
    await embedded.close();
    rmSync(dataDir, { recursive: true, force: true });
    postgres.stop();
  };
}
