import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { verifyAuditChain } from "@/lib/audit";
import { loadSecretKey } from "@/lib/crypto/secret-key";
import { db } from "@/lib/db/client";
import { deleteBehindTheAppsBack, editReasonBehindTheAppsBack, eventsTagged, recordEventsInAnotherProcess, recordTaggedEvents } from "../support/audit-chain";

const onPostgres = process.env.SYNCLINE_TEST_DB === "postgres";

describe("the audit hash chain", () => {
  it("numbers records consecutively and links each to the hash of the one before", async () => {
    const events = await eventsTagged(await recordTaggedEvents(1).then((tag) => recordTaggedEvents(1, tag)).then((tag) => recordTaggedEvents(1, tag)));
    expect(events).toHaveLength(3);
    expect(events.map((e) => e.seq! - events[0]!.seq!)).toEqual([0n, 1n, 2n]);
    expect(events[1]!.prevHash).toBe(events[0]!.hash);
    expect(events[2]!.prevHash).toBe(events[1]!.hash);
    const [predecessor] = await db().auditEvent.findMany({ where: { seq: events[0]!.seq! - 1n } });
    expect(events[0]!.prevHash).toBe(predecessor?.hash ?? null);
  });

  it("keys each hash with the secret key, over the previous hash and every content column", async () => {
    const [event] = await eventsTagged(await recordTaggedEvents(1));
    const [{ content }] = await db().$queryRaw<[{ content: string }]>`SELECT "audit_event_content"(e) AS content FROM "AuditEvent" e WHERE id = ${event!.id}::uuid`;
    expect(JSON.parse(content)).toEqual(expect.arrayContaining([event!.id, event!.at.toISOString(), "system", "reconcile", event!.reason, event!.requestId]));
    const chainKey = createHmac("sha256", loadSecretKey(process.env.SYNCLINE_SECRET_KEY, "/nonexistent")).update("syncline audit chain v1").digest();
    const hmac = createHmac("sha256", chainKey).update(`${event!.prevHash ?? ""}|${content}`).digest("hex");
    expect(event!.hash).toBe(`hmac:${hmac}`);
  });

  it("refuses a record inserted around the audit writer, which could not key it", async () => {
    await expect(
      db().$executeRaw`INSERT INTO "AuditEvent" (id, "actorType", "actorName", action, outcome) VALUES (gen_random_uuid(), 'system', 'intruder', 'reconcile', 'success')`,
    ).rejects.toThrow(/recordAuditEvent/);
  });

  it("stays one unbroken line when many writers record at once", async () => {
    const tag = `concurrent-${Date.now()}`;
    await Promise.all([
      recordTaggedEvents(60, tag),
      ...(onPostgres ? [recordEventsInAnotherProcess(30, tag), recordEventsInAnotherProcess(30, tag)] : []),
    ]);
    const events = await eventsTagged(tag);
    expect(events).toHaveLength(onPostgres ? 120 : 60);
    expect(new Set(events.map((e) => e.seq)).size).toBe(events.length);
    const report = await verifyAuditChain();
    expect(report).toMatchObject({ ok: true });
    expect(report.checked).toBe(await db().auditEvent.count());
  });

  it("names exactly the record whose reason was edited behind the application's back", async () => {
    const events = await eventsTagged(await recordTaggedEvents(3));
    const middle = events[1]!;
    const undo = await editReasonBehindTheAppsBack(middle.id, "nothing to see here");
    try {
      expect((await verifyAuditChain()).firstBroken).toEqual({ seq: Number(middle.seq), id: middle.id, at: middle.at.toISOString(), action: "reconcile", problem: "hash mismatch" });
    } finally {
      await undo();
    }
    expect((await verifyAuditChain()).ok).toBe(true);
  });

  it("names the record after one that was deleted", async () => {
    const events = await eventsTagged(await recordTaggedEvents(3));
    const undo = await deleteBehindTheAppsBack(events[1]!.id);
    try {
      expect((await verifyAuditChain()).firstBroken).toMatchObject({ seq: Number(events[2]!.seq), id: events[2]!.id, problem: "missing record" });
    } finally {
      await undo();
    }
    expect((await verifyAuditChain()).ok).toBe(true);
  });
});
