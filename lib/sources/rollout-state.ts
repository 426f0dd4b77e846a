import type { Cluster, ClusterSource } from "../db/generated/client";
import { inventory } from "../inventory";
import { GitRepository, Kustomization, resourceOf, type FluxObject } from "../k8s/resources";
import type { ClusterRolloutDto, SourceDefinition } from "../schemas/sources";
import { specHash } from "./source-objects-on-cluster";

type Observation = Pick<ClusterRolloutDto, "state" | "message" | "revision">;

/**
 * One cluster's rollout as it is now: Syncline's own record (pending, failed, removing) first,
 * then the cluster's health, then the live objects as the store mirrors them: changed by hand
 * (differs), failing in Flux, reconciled at a revision, fetched, or only applied.
 */
export function rolloutState(row: ClusterSource, cluster: Cluster, definition: Pick<SourceDefinition, "name" | "namespace">): Observation {
  if (row.state === "removing") return { state: "removing", message: row.message, revision: null };
  if (row.state === "failed") return { state: "failed", message: row.message, revision: null };
  const store = inventory().store;
  const health = store.record(cluster.id)?.health ?? cluster.health;
  if (row.state === "pending") return { state: health === "unreachable" ? "unreachable" : "pending", message: row.message, revision: null };
  if (health === "unreachable") return { state: "unreachable", message: "The cluster cannot be reached; its rollout state is unknown until it returns", revision: null };
  const gitRepository = store.object(cluster.id, GitRepository.kind, definition.namespace, definition.name);
  const kustomization = store.object(cluster.id, Kustomization.kind, definition.namespace, definition.name);
  if (!store.hasCluster(cluster.id) || (!gitRepository && !kustomization && health !== "connected")) return { state: "applied", message: null, revision: null };
  if (!gitRepository || !kustomization) return { state: "differs", message: "Someone deleted the source's objects on the cluster; re-apply restores them", revision: null };
  if (row.liveSpecHash && specHash(gitRepository, kustomization) !== row.liveSpecHash) {
    return { state: "differs", message: "Someone changed the source's objects on the cluster outside Syncline; re-apply restores the definition", revision: null };
  }
  return fluxProgress(gitRepository, kustomization);
}

function fluxProgress(gitRepositoryObject: FluxObject, kustomizationObject: FluxObject): Observation {
  const gitRepository = resourceOf(GitRepository.kind, gitRepositoryObject);
  const kustomization = resourceOf(Kustomization.kind, kustomizationObject);
  const current = (object: FluxObject) => object.status?.observedGeneration === object.metadata.generation;
  for (const resource of [gitRepository, kustomization]) {
    if (current(resource.object) && resource.state === "failing") return { state: "failing", message: `${resource.kind}: ${resource.readyCondition?.message ?? "failing"}`, revision: null };
  }
  if (current(kustomizationObject) && kustomization.ready && kustomization.revision) return { state: "reconciled", message: null, revision: kustomization.revision };
  if (current(gitRepositoryObject) && gitRepository.revision) return { state: "fetched", message: null, revision: gitRepository.revision };
  return { state: "applied", message: null, revision: null };
}
