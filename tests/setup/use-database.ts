import { afterAll, inject } from "vitest";
import { EMBEDDED_POOL_SIZE } from "../../lib/db/embedded-database";

/** Points lib/db at the database this project runs on, before any test module opens it. */
const which = process.env.SYNCLINE_TEST_DB === "pglite" ? "pglite" : "postgres";
process.env.DATABASE_URL = inject("databases")[which];
process.env.SYNCLINE_DB_POOL_SIZE = String(which === "pglite" ? EMBEDDED_POOL_SIZE : 10);
process.env.SYNCLINE_SECRET_KEY ??= "5f".repeat(32);

afterAll(async () => {
  const { db } = await import("../../lib/db/client");
  await db().$disconnect();
});
