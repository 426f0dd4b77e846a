import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { syncline } from "../support/cli";
import { deleteBehindTheAppsBack, editReasonBehindTheAppsBack, eventsTagged, recordTaggedEvents } from "../support/audit-chain";

// The embedded database serves a fixed number of connections; release this process's pool so
// the CLI, a second process, can connect.
beforeEach(async () => {
  await db().$disconnect();
});

const env = () => ({ DATABASE_URL: process.env.DATABASE_URL!, SYNCLINE_DB_POOL_SIZE: "1" });

async function threeNewRecords() {
  const events = await eventsTagged(await recordTaggedEvents(3));
  await db().$disconnect();
  return events;
}

describe("syncline audit verify", () => {
  it("reports an intact chain with the number of records and the newest link", async () => {
    await threeNewRecords();
    const total = await db().auditEvent.count();
    const newest = await db().auditEvent.findFirstOrThrow({ orderBy: { seq: "desc" } });
    await db().$disconnect();
    const result = await syncline(["audit", "verify"], { env: env() });
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(`Audit chain OK: ${total} records, newest #${newest.seq} ${newest.hash}`);
  });

  it("names the edited record and exits 1", async () => {
    const [, edited] = await threeNewRecords();
    const undo = await editReasonBehindTheAppsBack(edited!.id, "approved by nobody");
    await db().$disconnect();
    try {
      const result = await syncline(["audit", "verify"], { env: env() });
      expect(result.status).toBe(1);
      expect(result.stderr).toContain(`audit chain broken at record #${edited!.seq} ${edited!.id} (reconcile at ${edited!.at.toISOString()}): hash mismatch`);
    } finally {
      await undo();
    }
  });

  it("names the record after a deleted one and exits 1", async () => {
    const [, deleted, after] = await threeNewRecords();
    const undo = await deleteBehindTheAppsBack(deleted!.id);
    await db().$disconnect();
    try {
      const result = await syncline(["audit", "verify"], { env: env() });
      expect(result.status).toBe(1);
      expect(result.stderr).toContain(`audit chain broken at record #${after!.seq} ${after!.id}`);
      expect(result.stderr).toContain("missing record");
    } finally {
      await undo();
    }
  });

  it("cannot be satisfied without the secret key: a different key fails at the first keyed record", async () => {
    await threeNewRecords();
    const first = await db().auditEvent.findFirstOrThrow({ where: { hash: { startsWith: "hmac:" } }, orderBy: { seq: "asc" } });
    await db().$disconnect();
    const result = await syncline(["audit", "verify"], { env: { ...env(), SYNCLINE_SECRET_KEY: "a1".repeat(32) } });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`#${first.seq} ${first.id}`);
    expect(result.stderr).toContain("hash mismatch");
  });
});
