import { db } from "../db/client";
import { noCredentials, type GitCredentials } from "../git";
import { inventory } from "../inventory";
import { GitRepository } from "../k8s/resources";
import { sourceCredentials } from "../drift/source-credentials";

/**
 * The credentials a cluster's GitRepository itself uses (its secretRef, read now from the cluster),
 * for a repository the credential store has nothing for. None when the cluster or source is gone.
 */
export function clusterSourceCredentials(clusterId: string, namespace: string, name: string): (signal?: AbortSignal) => Promise<GitCredentials> {
  return async (signal) => {
    const row = await db().cluster.findUnique({ where: { id: clusterId } });
    const source = inventory().store.object(clusterId, GitRepository.kind, namespace, name);
    // A public repository needs no client: a cluster whose kubeconfig cannot be opened now still has its commits read.
    if (!row || !source || !(source.spec as { secretRef?: unknown } | undefined)?.secretRef) return noCredentials;
    return sourceCredentials(inventory().actionClient(row), source, signal);
  };
}
