import { describe, expect, it } from "vitest";
import { db } from "../../lib/db/client";

/**
 * Every pooled connection to the embedded database shares one PGlite session, and a query in
 * PostgreSQL's extended protocol is several messages (Parse, Bind, Describe, Execute, Sync). When
 * two connections' messages interleave, one's Bind meets the other's unnamed statement: "bind
 * message supplies 2 parameters, but prepared statement "" requires 1". Background writers and
 * page requests query at the same time all day, so each query's messages must stay together.
 */
describe("the embedded database under concurrent queries", () => {
  it("answers many concurrent queries of different shapes, each with its own parameters", async () => {
    const burst = Array.from({ length: 300 }, (_, i) => i);
    const answers = await Promise.all(
      burst.map(async (i) => {
        if (i % 3 === 0) return (await db().$queryRaw<[{ n: number }]>`SELECT ${i}::int AS n`)[0].n;
        if (i % 3 === 1) return (await db().$queryRaw<[{ n: number }]>`SELECT (${i}::int + ${0}::int + ${0}::int) AS n`)[0].n;
        // A Bind this large reaches the socket in several chunks, leaving room for another connection's Parse in between.
        const labels = Array.from({ length: 20_000 }, (_, k) => `label-${k}`);
        return (await db().$queryRaw<[{ n: number }]>`SELECT ${i}::int AS n, cardinality(${labels}::text[]) AS labels`)[0].n;
      }),
    );
    expect(answers).toEqual(burst);
  });
});
