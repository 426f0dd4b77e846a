import { db, type Prisma } from "../db/client";
import { decodeCursor, encodeCursor } from "../db/keyset-cursor";
import { deploymentInclude, toDeploymentDto } from "../deployments";
import type { Page } from "../fleet/dto";
import type { DeploymentDto } from "../schemas/timeline";
import type { DeploymentsFilter } from "../schemas/timeline-input";
import { selectClusters } from "./select-clusters";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Who deployed what and when: deployments newest first, filtered by cluster (ids, label selector),
 * source (a repository id, or part of a source name or repository URL), author (part of a commit
 * author's name, email or login, any case) and time, paged with a keyset cursor over (appliedAt, id).
 */
export async function listDeployments(filter: DeploymentsFilter = {}): Promise<Page<DeploymentDto>> {
  const { cluster, labels, source, author, from, to, cursor, limit = 50 } = filter;
  const filters: Prisma.DeploymentWhereInput[] = [];
  if (cluster || labels) filters.push({ clusterId: { in: (await selectClusters({ clusterIds: cluster, labelSelector: labels })).map((c) => c.id) } });
  if (source) {
    filters.push(
      UUID.test(source)
        ? { repositoryId: source }
        : { OR: [{ sourceName: { contains: source, mode: "insensitive" } }, { objectName: { contains: source, mode: "insensitive" } }, { repository: { url: { contains: source, mode: "insensitive" } } }] },
    );
  }
  if (author) {
    const matches = { contains: author, mode: "insensitive" as const };
    filters.push({ commits: { some: { commit: { OR: [{ authorName: matches }, { authorEmail: matches }, { authorLogin: matches }] } } } });
  }
  if (from) filters.push({ appliedAt: { gte: new Date(from) } });
  if (to) filters.push({ appliedAt: { lte: new Date(to) } });
  if (cursor) {
    const after = decodeCursor(cursor);
    filters.push({ OR: [{ appliedAt: { lt: after.at } }, { appliedAt: after.at, id: { lt: after.id } }] });
  }
  const rows = await db().deployment.findMany({ where: { AND: filters }, include: deploymentInclude, orderBy: [{ appliedAt: "desc" }, { id: "desc" }], take: limit + 1 });
  const last = rows.length > limit ? rows[limit - 1]! : null;
  return { items: rows.slice(0, limit).map(toDeploymentDto), nextCursor: last ? encodeCursor(last.appliedAt, last.id) : null };
}
