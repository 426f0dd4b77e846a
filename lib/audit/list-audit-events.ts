import { db, type Prisma } from "../db/client";
import { decodeCursor, encodeCursor } from "../db/keyset-cursor";
import type { AuditEvent } from "../db/generated/client";
import type { AuditEventDto, Page } from "../fleet/dto";
import { auditQuery, type AuditQuery } from "../schemas/audit";
import { toAuditEventDto } from "./to-audit-event-dto";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The audit trail, newest first, filtered and paged with a keyset cursor over (at, id): pages
 * stay stable while new records arrive, and deep pages cost no more than the first.
 * `cluster` matches a cluster id or, for removed clusters too, its name.
 *
 * An intent (outcome "pending") is listed only while it has no completion: once completed, the
 * completion tells the whole story; the intent stays in the hash chain.
 */
export async function listAuditEvents(query: AuditQuery = {}): Promise<Page<AuditEventDto>> {
  const { cluster, actor, action, from, to, cursor, limit } = auditQuery.parse(query);
  const filters: Prisma.AuditEventWhereInput[] = [];
  if (cluster) filters.push(UUID.test(cluster) ? { clusterId: cluster } : { clusterName: cluster });
  if (actor) filters.push({ actorName: actor });
  if (action) filters.push({ action });
  if (from) filters.push({ at: { gte: new Date(from) } });
  if (to) filters.push({ at: { lte: new Date(to) } });
  let after = cursor ? decodeCursor(cursor) : null;
  const rows: AuditEvent[] = [];
  for (;;) {
    const where = after ? [...filters, { OR: [{ at: { lt: after.at } }, { at: after.at, id: { lt: after.id } }] }] : filters;
    const batch = await db().auditEvent.findMany({ where: { AND: where }, orderBy: [{ at: "desc" }, { id: "desc" }], take: limit + 1 });
    rows.push(...(await withoutCompletedIntents(batch)));
    if (rows.length > limit || batch.length <= limit) break;
    after = batch.at(-1)!;
  }
  const items = rows.slice(0, limit).map(toAuditEventDto);
  const last = rows.length > limit ? rows[limit - 1]! : null;
  return { items, nextCursor: last ? encodeCursor(last.at, last.id) : null };
}

async function withoutCompletedIntents(rows: AuditEvent[]): Promise<AuditEvent[]> {
  const intents = rows.filter((row) => row.outcome === "pending").map((row) => row.id);
  if (intents.length === 0) return rows;
  const completed = await db().auditEvent.findMany({ where: { intentId: { in: intents } }, select: { intentId: true } });
  const done = new Set(completed.map((row) => row.intentId));
  return rows.filter((row) => !done.has(row.id));
}
