import type { Actor } from "../auth/actor";
import { recordAuditEvent, type RequestOrigin } from "../audit";
import { sealSecret } from "../crypto/secret-box";
import { secretKey } from "../crypto/secret-key";
import { db, type Prisma } from "../db/client";
import { AppError } from "../errors/app-error";
import type { ClusterDetail } from "../fleet/dto";
import { normalizeServerUrl } from "../k8s/server-url";
import { inventory } from "../inventory";
import { updateClusterInput, type UpdateClusterInput } from "../schemas/clusters";
import { getClusterDetail } from "./get-cluster-detail";
import { getClusterOrThrow } from "./get-cluster-or-throw";
import { vetKubeconfig, type VettedKubeconfig } from "./vet-kubeconfig";

/**
 * Renames or relabels a cluster, or replaces its kubeconfig to rotate credentials. A new
 * kubeconfig is vetted and probed exactly as on registration, and nothing changes unless it
 * passes; one naming another API server is refused with `server_changed` unless
 * `allowServerChange` says the cluster moved. The watcher reconnects with the new credentials.
 * The audit record says the kubeconfig was replaced, never what it holds.
 */
export async function updateCluster(id: string, input: UpdateClusterInput, actor: Actor, origin?: RequestOrigin): Promise<ClusterDetail> {
  const change = updateClusterInput.parse(input);
  const before = await getClusterOrThrow(id);
  if (change.name && change.name !== before.name && (await db().cluster.findUnique({ where: { name: change.name }, select: { id: true } }))) {
    throw nameTaken(change.name);
  }
  const vetted =
    change.kubeconfig === undefined
      ? undefined
      : await vetKubeconfig({
          name: change.name ?? before.name,
          kubeconfig: change.kubeconfig,
          context: change.context,
          beforeProbe: async (server) => {
            if (!change.allowServerChange && normalizeServerUrl(server) !== normalizeServerUrl(before.server)) throw serverChanged(before.server, server);
          },
        });
  let after;
  try {
    after = await db().cluster.update({ where: { id }, data: { name: change.name, labels: change.labels, ...(vetted && connectionOf(vetted, change.kubeconfig!)) } });
  } catch (error) {
    if ((error as { code?: string }).code === "P2002") throw nameTaken(change.name!);
    throw error;
  }
  inventory().track(after);
  const replaced = vetted !== undefined;
  await recordAuditEvent({
    actor,
    action: "cluster.update",
    cluster: { id, name: after.name },
    before: { name: before.name, labels: before.labels, ...(replaced && { server: before.server, context: before.context }) },
    after: { name: after.name, labels: after.labels, ...(replaced && { server: after.server, context: after.context, kubeconfig: "replaced" }) },
    outcome: "success",
    origin,
  });
  return getClusterDetail(id);
}

function connectionOf(vetted: VettedKubeconfig, kubeconfig: string) {
  return {
    server: vetted.server,
    context: vetted.context,
    kubeconfigEncrypted: sealSecret(kubeconfig, secretKey()),
    fluxVersion: vetted.fluxVersion,
    capabilities: vetted.capabilities as unknown as Prisma.InputJsonObject,
  };
}

function nameTaken(name: string): AppError {
  return new AppError("conflict", `A cluster named "${name}" is already registered`);
}

function serverChanged(registered: string, given: string): AppError {
  return new AppError(
    "server_changed",
    `The new kubeconfig is for ${given}, but this cluster is registered at ${registered}; to move the cluster to another API server, allow a server change`,
    { registered, given },
  );
}
