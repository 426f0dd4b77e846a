import type { Actor } from "../auth/actor";
import { recordAuditEvent, type RequestOrigin } from "../audit";
import { sealSecret } from "../crypto/secret-box";
import { secretKey } from "../crypto/secret-key";
import { db, type Prisma } from "../db/client";
import { AppError } from "../errors/app-error";
import type { ClusterDetail } from "../fleet/dto";
import { normalizeServerUrl } from "../k8s/server-url";
import { inventory } from "../inventory";
import { addClusterInput, type AddClusterInput } from "../schemas/clusters";
import { clusterAuditView } from "./cluster-audit-view";
import { getClusterDetail } from "./get-cluster-detail";
import { vetKubeconfig } from "./vet-kubeconfig";

/**
 * Registers a cluster after proving Syncline can work with it (see probeCluster). Nothing is
 * stored unless every check passes; the kubeconfig is sealed before it reaches the database.
 * A server already registered is refused unless `allowDuplicateServer` says the second
 * registration is meant (another context or identity); the inventory then shares its watches.
 */
export async function addCluster(input: AddClusterInput, actor: Actor, origin?: RequestOrigin): Promise<ClusterDetail> {
  const { name, kubeconfig, context, labels, allowDuplicateServer } = addClusterInput.parse(input);
  await assertNameFree(name);
  const vetted = await vetKubeconfig({ name, kubeconfig, context, beforeProbe: allowDuplicateServer ? undefined : assertServerNotRegistered });
  let row;
  try {
    row = await db().cluster.create({
      data: {
        name,
        server: vetted.server,
        context: vetted.context,
        kubeconfigEncrypted: sealSecret(kubeconfig, secretKey()),
        labels,
        fluxVersion: vetted.fluxVersion,
        capabilities: vetted.capabilities as unknown as Prisma.InputJsonObject,
        health: "unknown",
      },
    });
  } catch (error) {
    if ((error as { code?: string }).code === "P2002") throw nameTaken(name);
    throw error;
  }
  inventory().track(row);
  await recordAuditEvent({ actor, action: "cluster.add", cluster: { id: row.id, name }, after: clusterAuditView(row), outcome: "success", origin });
  return getClusterDetail(row.id);
}

async function assertNameFree(name: string): Promise<void> {
  if (await db().cluster.findUnique({ where: { name }, select: { id: true } })) throw nameTaken(name);
}

async function assertServerNotRegistered(server: string): Promise<void> {
  const wanted = normalizeServerUrl(server);
  const rows = await db().cluster.findMany({ select: { id: true, name: true, server: true }, orderBy: { createdAt: "asc" } });
  const registrations = rows.filter((row) => normalizeServerUrl(row.server) === wanted).map(({ id, name }) => ({ id, name }));
  if (registrations.length === 0) return;
  throw new AppError(
    "cluster_already_registered",
    `The API server ${server} is already registered as "${registrations[0]!.name}"; to register it a second time (for example with another context), allow a duplicate server`,
    { registrations },
  );
}

function nameTaken(name: string): AppError {
  return new AppError("conflict", `A cluster named "${name}" is already registered`);
}
