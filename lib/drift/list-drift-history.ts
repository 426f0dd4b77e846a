import { db, type Prisma } from "../db/client";
import { decodeCursor, encodeCursor } from "../db/keyset-cursor";
import type { Page } from "../fleet/dto";
import type { DriftEpisode } from "../schemas/drift";
import { driftHistoryQuery, type DriftHistoryQuery } from "../schemas/drift-input";
import { toDriftEpisodeDto } from "./to-drift-episode-dto";


/**
 * Drift episodes, newest first, paged with a keyset cursor over (appearedAt, id) as the audit
 * trail is: pages stay stable while new episodes open. `from` and `to` bound when drift appeared.
 */
export async function listDriftHistory(query: DriftHistoryQuery = {}): Promise<Page<DriftEpisode>> {
  const { cluster, from, to, cursor, limit } = driftHistoryQuery.parse(query);
  const filters: Prisma.DriftEpisodeWhereInput[] = [];
  if (cluster) filters.push({ clusterId: cluster });
  if (from) filters.push({ appearedAt: { gte: new Date(from) } });
  if (to) filters.push({ appearedAt: { lte: new Date(to) } });
  if (cursor) {
    const after = decodeCursor(cursor);
    filters.push({ OR: [{ appearedAt: { lt: after.at } }, { appearedAt: after.at, id: { lt: after.id } }] });
  }
  const rows = await db().driftEpisode.findMany({
    where: { AND: filters },
    orderBy: [{ appearedAt: "desc" }, { id: "desc" }],
    take: limit + 1,
    include: { cluster: { select: { name: true } } },
  });
  const last = rows.length > limit ? rows[limit - 1]! : null;
  return { items: rows.slice(0, limit).map(toDriftEpisodeDto), nextCursor: last ? encodeCursor(last.appearedAt, last.id) : null };
}
