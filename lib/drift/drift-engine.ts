import type { Cluster } from "../db/generated/client";
import { inventory } from "../inventory";
import { kubeconfigForStoredCluster } from "../k8s/client";
import { checkoutSource } from "./checkout-source";
import type { DriftEngine } from "./compute-cluster-drift";
import type { DriftContext } from "./drift-context";
import { findFluxCli } from "./find-flux-cli";
import { computeHelmReleaseDrift } from "./helm-release-drift";
import { computeKustomizationDrift } from "./kustomization-drift";
import { computeRevisionDrift } from "./revision-drift";

/** The engine the collector runs: Kustomizations, HelmReleases and revisions (docs/drift.md). */
export const driftEngine: DriftEngine = {
  kustomization: computeKustomizationDrift,
  helmRelease: computeHelmReleaseDrift,
  revision: (ctx, kind, object) => computeRevisionDrift(ctx, kind, object),
};

/**
 * One computation's context for a registered cluster: its action client, its Flux objects as this
 * replica's watches see them, the flux CLI found now (installing one needs no restart), the
 * kubeconfig opened only when a render asks, and checkouts with the GitRepository's own credentials.
 */
export function driftContextFor(row: Cluster, signal: AbortSignal): DriftContext {
  const client = inventory().actionClient(row);
  return {
    clusterId: row.id,
    clusterName: row.name,
    client,
    objectsOf: (kind) => inventory().store.objects(row.id, kind),
    fluxCli: findFluxCli(),
    kubeconfig: () => kubeconfigForStoredCluster(row),
    checkout: (gitRepository, revision) => checkoutSource(client, gitRepository, revision, undefined, signal),
    signal,
  };
}
