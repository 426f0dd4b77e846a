import type { Actor } from "../auth/actor";
import { recordAuditEvent, type RequestOrigin } from "../audit";
import { db } from "../db/client";
import { inventory } from "../inventory";
import { clusterAuditView } from "./cluster-audit-view";
import { getClusterOrThrow } from "./get-cluster-or-throw";

/**
 * Forgets a cluster: its sealed kubeconfig, snapshots, events and open suspensions go with it.
 * Nothing in the cluster changes; objects Syncline suspended stay suspended (and keep saying so
 * in their annotations). The audit trail keeps the cluster's name by value.
 */
export async function removeCluster(id: string, actor: Actor, origin?: RequestOrigin): Promise<{ id: string; name: string }> {
  const row = await getClusterOrThrow(id);
  inventory().untrack(id);
  await db().cluster.deleteMany({ where: { id } });
  await recordAuditEvent({ actor, action: "cluster.remove", cluster: { id, name: row.name }, before: clusterAuditView(row), outcome: "success", origin });
  return { id, name: row.name };
}
