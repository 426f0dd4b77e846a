import type { Cluster } from "../db/generated/client";
import { db } from "../db/client";
import { inventory } from "../inventory";
import { GitRepository, Kustomization, type FluxObject } from "../k8s/resources";
import { recordRolloutFailure, type RolloutOutcome } from "./record-rollout-failure";
import type { RenderedSource, SourceForRender } from "./render-source-objects";
import { deleteOwnedObject, serverSideApply, specHash } from "./source-objects-on-cluster";
import { secretStub, stubRef } from "./source-object-stubs";

/**
 * Applies a source's rendered objects on one cluster (Secret, then GitRepository, then
 * Kustomization) and records the outcome on its rollout row: applied, pending (the cluster did not
 * answer; retried when it returns) or failed (it refused; retried with backoff).
 */
export async function applyToCluster(source: SourceForRender, cluster: Cluster, desired: RenderedSource, secretData: Record<string, string> | null): Promise<RolloutOutcome> {
  const key = { sourceId_clusterId: { sourceId: source.id, clusterId: cluster.id } };
  // A delete that started meanwhile wins: applying now would leave objects nobody removes.
  const current = await db().gitOpsSource.findUnique({ where: { id: source.id }, select: { deletingAt: true } });
  if (!current || current.deletingAt) return { outcome: "failed", message: "The source is being deleted" };
  await db().clusterSource.upsert({
    where: key,
    create: { sourceId: source.id, clusterId: cluster.id, desiredHash: desired.hash, state: "pending", renderedPath: desired.rendered.path },
    update: { desiredHash: desired.hash, renderedPath: desired.rendered.path },
  });
  try {
    const client = inventory().actionClient(cluster);
    const written: FluxObject[] = [];
    for (const object of desired.objects) written.push(await serverSideApply<FluxObject>(client, object.kind === "Secret" ? { ...object, data: secretData ?? {} } : object));
    if (!desired.objects.some((object) => object.kind === "Secret")) await deleteOwnedObject(client, stubRef(secretStub(source)), source.id);
    const gitRepository = written.find((_, index) => desired.objects[index]!.kind === "GitRepository");
    const kustomization = written.find((_, index) => desired.objects[index]!.kind === "Kustomization");
    const store = inventory().store;
    // The store shows what was written at once; its watch still resumes from what it saw itself.
    if (gitRepository) store.applyEvent(cluster.id, GitRepository.kind, { type: "MODIFIED", object: gitRepository });
    if (kustomization) store.applyEvent(cluster.id, Kustomization.kind, { type: "MODIFIED", object: kustomization });
    await db().clusterSource.update({
      where: key,
      data: { appliedHash: desired.hash, liveSpecHash: specHash(gitRepository, kustomization), state: "applied", message: null, attempts: 0, retryAt: null, appliedAt: new Date() },
    });
    return { outcome: "applied", message: null };
  } catch (error) {
    return recordRolloutFailure(key, error, "pending");
  }
}

