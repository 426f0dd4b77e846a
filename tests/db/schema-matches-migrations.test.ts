import { randomUUID } from "node:crypto";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { afterAll, describe, expect, inject, it } from "vitest";
import { applyMigrations, readMigrations } from "../../lib/db/migrate";
import { catalogDifferences, readCatalog, type Catalog } from "../support/catalog";
import { diffDatamodels, readSchema } from "../support/prisma-diff";

const { postgresAdmin } = inject("databases");
const engine = process.env.SYNCLINE_TEST_DB;
const cleanups: Array<() => Promise<void>> = [];
afterAll(async () => {
  for (const cleanup of cleanups) await cleanup();
});

/** A fresh database of the engine this project tests, described after `load` has run. */
async function catalogAfter(load: (run: (sql: string) => Promise<void>, url?: string) => Promise<void>): Promise<Catalog> {
  if (engine === "pglite") {
    const memory = await PGlite.create();
    cleanups.push(() => memory.close());
    await load((sql) => memory.exec(sql).then(() => undefined));
    return readCatalog(async (sql) => (await memory.query(sql)).rows);
  }
  const name = `drift_${randomUUID().replaceAll("-", "")}`;
  const admin = new pg.Client({ connectionString: postgresAdmin });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = postgresAdmin.replace(/\/postgres$/, `/${name}`);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  cleanups.push(() => client.end());
  await load((sql) => client.query(sql).then(() => undefined), url);
  return readCatalog(async (sql) => (await client.query(sql)).rows);
}

const fromMigrations = () =>
  catalogAfter(async (run, url) => {
    if (url) await applyMigrations(url);
    else for (const migration of readMigrations()) await run(migration.sql);
  });

const fromDatamodel = (datamodel: string) =>
  catalogAfter((run) => run(diffDatamodels("empty", datamodel, postgresAdmin)));

describe(`the committed migrations (${engine})`, () => {
  it("build exactly the schema that prisma/schema.prisma describes", async () => {
    const differences = catalogDifferences(await fromDatamodel(readSchema()), await fromMigrations());
    expect(differences, "prisma/schema.prisma changed without a migration: see README, 'Writing a migration'").toEqual([]);
  });

  it("are caught out by a model change that has no migration", async () => {
    const changed = readSchema().replace(/model Cluster \{/, "model Cluster {\n  region String?");
    const differences = catalogDifferences(await fromDatamodel(changed), await fromMigrations());
    expect(differences).toContainEqual(expect.stringMatching(/missing from migrations: columns: .*"table_name":"Cluster","column_name":"region"/));
  });
});
