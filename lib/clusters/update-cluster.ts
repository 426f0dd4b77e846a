import type { Actor } from "../auth/actor";
import { recordAuditEvent, type RequestOrigin } from "../audit";
import { db } from "../db/client";
import { AppError } from "../errors/app-error";
import type { ClusterDetail } from "../fleet/dto";
import { inventory } from "../inventory";
import { updateClusterInput, type UpdateClusterInput } from "../schemas/clusters";
import { getClusterDetail } from "./get-cluster-detail";
import { getClusterOrThrow } from "./get-cluster-or-throw";

/** Renames or relabels a cluster. Its connection is not touched; re-register to change that. */
export async function updateCluster(id: string, input: UpdateClusterInput, actor: Actor, origin?: RequestOrigin): Promise<ClusterDetail> {
  const change = updateClusterInput.parse(input);
  const before = await getClusterOrThrow(id);
  if (change.name && change.name !== before.name && (await db().cluster.findUnique({ where: { name: change.name }, select: { id: true } }))) {
    throw new AppError("conflict", `A cluster named "${change.name}" is already registered`);
  }
  let after;
  try {
    after = await db().cluster.update({ where: { id }, data: { name: change.name, labels: change.labels } });
  } catch (error) {
    if ((error as { code?: string }).code === "P2002") throw new AppError("conflict", `A cluster named "${change.name}" is already registered`);
    throw error;
  }
  inventory().track(after);
  await recordAuditEvent({
    actor,
    action: "cluster.update",
    cluster: { id, name: after.name },
    before: { name: before.name, labels: before.labels },
    after: { name: after.name, labels: after.labels },
    outcome: "success",
    origin,
  });
  return getClusterDetail(id);
}
