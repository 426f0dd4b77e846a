import { describe, expect, it } from "vitest";
import { db } from "../../lib/db/client";
import { EMBEDDED_POOL_SIZE } from "../../lib/db/embedded-database";

/**
 * pg-pool drops a connection whose query failed and opens its replacement at once, while the
 * embedded database still counts the closing one: a request that hits a database error must
 * not make the requests right after it fail too.
 */
describe("the embedded database after a failed query", () => {
  it("answers a burst that needs the whole pool right after a query fails", async () => {
    for (let round = 0; round < 3; round += 1) {
      await expect(db().$executeRaw`SELECT 1 / 0`).rejects.toThrow(/division by zero/);
      const burst = Array.from({ length: EMBEDDED_POOL_SIZE * 3 }, (_, i) => i);
      const answers = await Promise.all(burst.map((i) => db().$queryRaw<[{ n: number }]>`SELECT ${i}::int AS n`));
      expect(answers.map(([answer]) => answer.n)).toEqual(burst);
    }
  });
});
