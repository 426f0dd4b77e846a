import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { resolve } from "node:path";
import { systemActor } from "../../lib/auth/actor";
import { recordAuditEvent } from "../../lib/audit";
import { db } from "../../lib/db/client";

/** Records `count` audit events at once, tagged with one request id, and returns that tag. */
export async function recordTaggedEvents(count: number, tag = `chain-${randomUUID().slice(0, 8)}`): Promise<string> {
  await Promise.all(
    Array.from({ length: count }, (_, i) =>
      recordAuditEvent({ actor: systemActor, action: "reconcile", reason: `${tag} #${i}`, outcome: "success", origin: { requestId: tag, clientIp: null } }),
    ),
  );
  return tag;
}

export function eventsTagged(tag: string) {
  return db().auditEvent.findMany({ where: { requestId: tag }, orderBy: { seq: "asc" } });
}

/** Another process recording audit events through its own pool, as a second replica would. */
export function recordEventsInAnotherProcess(count: number, tag: string): Promise<void> {
  const script = resolve(import.meta.dirname, "record-audit-events-process.ts");
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ["--import", "tsx", script, String(count), tag], { env: { ...process.env, SYNCLINE_LOG_LEVEL: "warn" }, stdio: ["ignore", "inherit", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("error", fail);
    child.on("close", (status) => (status === 0 ? done() : fail(new Error(`recording process exited ${status}: ${stderr}`))));
  });
}

/**
 * What someone with database access could do: switch the append-only trigger off, edit a record's
 * reason, switch it on. Returns the undo, so a spec leaves the shared chain whole.
 */
export async function editReasonBehindTheAppsBack(id: string, reason: string): Promise<() => Promise<void>> {
  const { reason: original } = await db().auditEvent.findUniqueOrThrow({ where: { id } });
  const edit = (to: string | null) =>
    db().$transaction([
      db().$executeRawUnsafe(`ALTER TABLE "AuditEvent" DISABLE TRIGGER "audit_event_no_update_or_delete"`),
      db().$executeRaw`UPDATE "AuditEvent" SET reason = ${to} WHERE id = ${id}::uuid`,
      db().$executeRawUnsafe(`ALTER TABLE "AuditEvent" ENABLE TRIGGER "audit_event_no_update_or_delete"`),
    ]);
  await edit(reason);
  return async () => void (await edit(original));
}

/** Deletes a record the same way; the undo puts it back exactly as it was, chain fields included. */
export async function deleteBehindTheAppsBack(id: string): Promise<() => Promise<void>> {
  const [{ row }] = await db().$queryRaw<[{ row: string }]>`SELECT row_to_json(e)::text AS row FROM "AuditEvent" e WHERE id = ${id}::uuid`;
  await db().$transaction([
    db().$executeRawUnsafe(`ALTER TABLE "AuditEvent" DISABLE TRIGGER "audit_event_no_update_or_delete"`),
    db().$executeRaw`DELETE FROM "AuditEvent" WHERE id = ${id}::uuid`,
    db().$executeRawUnsafe(`ALTER TABLE "AuditEvent" ENABLE TRIGGER "audit_event_no_update_or_delete"`),
  ]);
  return async () =>
    void (await db().$transaction([
      db().$executeRawUnsafe(`ALTER TABLE "AuditEvent" DISABLE TRIGGER "audit_event_chain"`),
      db().$executeRaw`INSERT INTO "AuditEvent" SELECT * FROM json_populate_record(NULL::"AuditEvent", ${row}::json)`,
      db().$executeRawUnsafe(`ALTER TABLE "AuditEvent" ENABLE TRIGGER "audit_event_chain"`),
    ]));
}
