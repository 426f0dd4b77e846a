import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sealSecret } from "../../lib/crypto/secret-box";
import { secretKey } from "../../lib/crypto/secret-key";
import { checkoutSource } from "../../lib/drift/checkout-source";
import type { DriftContext } from "../../lib/drift/drift-context";
import type { FluxKind } from "../../lib/fleet/dto";
import { createGitClient } from "../../lib/git";
import { createKubeClient, kubeconfigForStoredCluster } from "../../lib/k8s/client";
import { collectionPath, modelFor, type FluxObject } from "../../lib/k8s/resources";
import type { SandboxCluster } from "../../e2e/sandbox";
import { kubeconfigOf } from "./sandbox-clusters";

export interface SandboxDriftContext extends DriftContext {
  /** Re-reads the cluster's Flux objects, as the watches would have delivered them by now. */
  refresh(): Promise<void>;
  close(): void;
}

/**
 * A DriftContext for a sandbox cluster, built as the collector builds one for a registered
 * cluster: the kubeconfig sealed at rest and opened for the flux CLI, the real Git client (with a
 * cache of its own) for checkouts, and the cluster's Flux objects as read from its API server.
 */
export async function sandboxDriftContext(cluster: SandboxCluster, fluxCli: string | null): Promise<SandboxDriftContext> {
  const stored = { name: cluster.name, context: cluster.context, kubeconfigEncrypted: sealSecret(kubeconfigOf(cluster), secretKey()) };
  const client = createKubeClient({ name: cluster.name, context: cluster.context, kubeconfig: kubeconfigOf(cluster) });
  const cacheDir = mkdtempSync(join(tmpdir(), "drift-git-cache-"));
  const git = createGitClient({ cacheDir });
  const objects = new Map<FluxKind, FluxObject[]>();
  const refresh = async () => {
    for (const kind of ["GitRepository", "Kustomization", "HelmRelease"] as const) {
      const list = await client.request<{ items: FluxObject[] }>("GET", collectionPath(modelFor(kind)!));
      objects.set(kind, list.items);
    }
  };
  await refresh();
  return {
    clusterId: cluster.name,
    clusterName: cluster.name,
    client,
    fluxCli,
    kubeconfig: () => kubeconfigForStoredCluster(stored),
    objectsOf: (kind) => objects.get(kind) ?? [],
    checkout: (gitRepository, revision) => checkoutSource(client, gitRepository, revision, git),
    refresh,
    close() {
      client.close();
      rmSync(cacheDir, { recursive: true, force: true });
    },
  };
}
