import type { Cluster } from "../db/generated/client";
import { db } from "../db/client";
import { inventory } from "../inventory";
import { recordRolloutFailure, type RolloutOutcome } from "./record-rollout-failure";
import type { SourceForRender } from "./render-source-objects";
import { deleteOwnedObject } from "./source-objects-on-cluster";
import { renderedStubs, secretStub, stubRef } from "./source-object-stubs";

/** Removes a source's objects from one cluster (Kustomization first, so Flux prunes by it) and drops its rollout row once they are gone. */
export async function removeFromCluster(source: SourceForRender, cluster: Cluster): Promise<RolloutOutcome> {
  const key = { sourceId_clusterId: { sourceId: source.id, clusterId: cluster.id } };
  await db().clusterSource.upsert({ where: key, create: { sourceId: source.id, clusterId: cluster.id, desiredHash: null, state: "removing" }, update: { desiredHash: null, state: "removing" } });
  try {
    const client = inventory().actionClient(cluster);
    for (const object of [...renderedStubs(source)].reverse()) await deleteOwnedObject(client, stubRef(object), source.id);
    await deleteOwnedObject(client, stubRef(secretStub(source)), source.id);
    await db().clusterSource.deleteMany({ where: { sourceId: source.id, clusterId: cluster.id } });
    return { outcome: "removed", message: null };
  } catch (error) {
    return recordRolloutFailure(key, error, "removing");
  }
}

