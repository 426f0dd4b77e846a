import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb } from "../../lib/db/client";
import { applyMigrations } from "../../lib/db/migrate";
import { startPostgres, type PostgresServer } from "../support/postgres-server";

let server: PostgresServer;
beforeAll(async () => {
  server = await startPostgres();
});
afterAll(() => server?.stop());

describe("on PostgreSQL", () => {
  it("users and data survive a server restart", async () => {
    await applyMigrations(server.url());
    const before = createDb(server.url(), 2);
    await before.user.create({ data: { name: "survivor", passwordHash: "x", role: "admin" } });
    await before.$disconnect();

    server.restart();

    const after = createDb(server.url(), 2);
    expect(await after.user.findUnique({ where: { name: "survivor" }, select: { name: true, role: true } })).toEqual({ name: "survivor", role: "admin" });
    expect((await applyMigrations(server.url())).applied).toEqual([]);
    await after.$disconnect();
  });
});
