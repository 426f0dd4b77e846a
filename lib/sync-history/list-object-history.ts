import { db, type Prisma } from "../db/client";
import { decodeCursor, encodeCursor } from "../db/keyset-cursor";
import { AppError } from "../errors/app-error";
import type { Page } from "../fleet/dto";
import type { SyncRecordDto } from "../schemas/timeline";
import { objectHistoryQuery, type ObjectHistoryParams, type ObjectHistoryQuery } from "../schemas/sync-history-input";
import { toSyncRecordDto } from "./to-sync-record-dto";

/**
 * One Flux object's sync history, newest first by Flux's own time, paged with a keyset cursor over
 * (at, id): pages stay stable while new steps are recorded. The history outlives the object: a
 * deleted object's steps are served until retention removes them.
 */
export async function listObjectHistory(params: ObjectHistoryParams, query: ObjectHistoryQuery = {}): Promise<Page<SyncRecordDto>> {
  const { phase, cursor, limit } = objectHistoryQuery.parse(query);
  const cluster = await db().cluster.findUnique({ where: { id: params.id }, select: { id: true } });
  if (!cluster) throw new AppError("not_found", "No cluster with this id");
  const filters: Prisma.SyncRecordWhereInput[] = [{ clusterId: params.id, kind: params.kind, namespace: params.namespace, name: params.name }];
  if (phase) filters.push({ phase });
  if (cursor) {
    const after = decodeCursor(cursor);
    filters.push({ OR: [{ at: { lt: after.at } }, { at: after.at, id: { lt: after.id } }] });
  }
  const rows = await db().syncRecord.findMany({
    where: { AND: filters },
    orderBy: [{ at: "desc" }, { id: "desc" }],
    take: limit + 1,
    include: { cluster: { select: { name: true } } },
  });
  const last = rows.length > limit ? rows[limit - 1]! : null;
  return { items: rows.slice(0, limit).map(toSyncRecordDto), nextCursor: last ? encodeCursor(last.at, last.id) : null };
}
