import type { Actor } from "../auth/actor";
import { recordAuditEvent, type RequestOrigin } from "../audit";
import type { ObjectOutcome } from "../audit/actions";
import { db } from "../db/client";
import { AppError } from "../errors/app-error";
import { applySourceInput, type ApplySourceInput, type SourceApplyResultDto } from "../schemas/sources";
import { getSource } from "./get-source";
import { openCredentialSecretData } from "./open-credential-secret-data";
import { planSource, type ClusterPlan, type SourcePlan } from "./plan-source";
import { applyToCluster } from "./apply-to-cluster";
import { removeFromCluster } from "./remove-from-cluster";
import { clusterOutcome, overallOutcome, sourceAuditTarget } from "./source-audit";
import { getSourceRowOrThrow, renderableSource, toStoredDefinition } from "./source-row";

type Outcome = SourceApplyResultDto["outcomes"][number];

/** Clusters applied to at once. */
const CLUSTERS_AT_ONCE = 8;

/**
 * How long the leader leaves a source alone while a request applies it, so the two do not apply the
 * same clusters twice. Should a request outlive it, the leader's applies are the same server-side
 * applies again: harmless.
 */
const APPLY_LEASE_MS = 5 * 60_000;

/**
 * Applies the plan the user confirmed: the preview's planHash must match the plan as it is now,
 * so nothing that was not shown is applied. A collision with an object Syncline does not own
 * refuses the whole apply. A cluster that is down is recorded as pending and applied by the
 * leader when it returns; a refusal is recorded as failed and retried. With clusterIds only those
 * clusters of the plan are applied (a retry, or a re-apply where an object differs). Every
 * cluster's outcome goes into one audit record.
 */
export async function applySource(id: string, input: ApplySourceInput, actor: Actor, origin?: RequestOrigin): Promise<SourceApplyResultDto> {
  const given = applySourceInput.parse(input);
  const row = await getSourceRowOrThrow(id);
  if (row.deletingAt) throw new AppError("source_deleting", "The source is being deleted");
  if (!given.planHash) throw new AppError("preview_required", "Preview the source first (POST /api/sources/{id}/preview) and confirm its planHash", [{ path: "planHash", message: "Required" }]);
  // A partial apply retries or restores the confirmed definition; an edit goes to every target at once, since the leader follows it everywhere.
  if (given.clusterIds && row.appliedHash !== row.definitionHash) {
    throw new AppError("validation_failed", "The definition has changes not applied yet: apply them to every target first", [{ path: "clusterIds", message: "Only for a definition already applied" }]);
  }
  const source = await renderableSource(row.id, row.definition);
  const plan = await planSource(source, row.definitionHash);
  if (plan.planHash !== given.planHash) {
    throw new AppError("preview_outdated", "The definition, its targets or the clusters changed since the preview; preview again and confirm the new plan");
  }
  const collided = plan.clusters.filter((cluster) => cluster.collisions.length > 0);
  if (collided.length > 0) {
    throw new AppError("object_collision", collided.map((cluster) => `${cluster.clusterName}: ${cluster.reason}`).join("; "), {
      clusters: collided.map((cluster) => ({ clusterId: cluster.clusterId, collisions: cluster.collisions })),
    });
  }
  await db().gitOpsSource.update({
    where: { id },
    data: { appliedDefinition: toStoredDefinition(source.definition, source.credentialId), appliedHash: row.definitionHash, applyingUntil: new Date(Date.now() + APPLY_LEASE_MS) },
  });
  try {
    return await rollOut(id, source, plan, { definitionHash: row.definitionHash, clusterIds: given.clusterIds }, actor, origin);
  } finally {
    await db().gitOpsSource.updateMany({ where: { id }, data: { applyingUntil: null } });
  }
}

async function rollOut(id: string, source: Awaited<ReturnType<typeof renderableSource>>, plan: SourcePlan, { definitionHash, clusterIds }: { definitionHash: string; clusterIds: string[] | undefined }, actor: Actor, origin?: RequestOrigin): Promise<SourceApplyResultDto> {
  const secretData = source.credentialId ? await openCredentialSecretData(source.credentialId) : null;
  const chosen = clusterIds ? plan.clusters.filter((cluster) => clusterIds.includes(cluster.clusterId)) : plan.clusters;
  const outcomes: Outcome[] = new Array(chosen.length);
  let next = 0;
  const worker = async () => {
    while (next < chosen.length) {
      const index = next++;
      outcomes[index] = await applyPlanned(source, chosen[index]!, secretData);
    }
  };
  await Promise.all(Array.from({ length: Math.min(CLUSTERS_AT_ONCE, chosen.length) }, worker));
  const results: ObjectOutcome[] = outcomes.map((outcome) =>
    clusterOutcome(outcome.clusterName, outcome.outcome === "applied" || outcome.outcome === "removed" ? "changed" : outcome.outcome, outcome.message ? `${outcome.outcome}: ${outcome.message}` : outcome.outcome),
  );
  await recordAuditEvent({
    actor,
    action: "source.apply",
    target: sourceAuditTarget(source.definition),
    after: { definitionHash, planHash: plan.planHash, summary: plan.summary },
    outcome: results.length === 0 ? "success" : overallOutcome(results),
    results,
    origin,
  });
  return { source: await getSource(id), outcomes };
}

async function applyPlanned(source: Awaited<ReturnType<typeof renderableSource>>, plan: ClusterPlan, secretData: Record<string, string> | null): Promise<Outcome> {
  const head = { clusterId: plan.clusterId, clusterName: plan.clusterName, action: plan.action };
  if (plan.action === "invalid") {
    await db().clusterSource.upsert({
      where: { sourceId_clusterId: { sourceId: source.id, clusterId: plan.clusterId } },
      create: { sourceId: source.id, clusterId: plan.clusterId, state: "failed", message: plan.reason },
      update: { state: "failed", message: plan.reason, desiredHash: null },
    });
    return { ...head, outcome: "skipped", message: plan.reason };
  }
  if (plan.action === "remove") return { ...head, ...(await removeFromCluster(source, plan.cluster)) };
  const result = await applyToCluster(source, plan.cluster, plan.desired!, secretData);
  return { ...head, ...result, outcome: plan.action === "unchanged" && result.outcome === "applied" ? "unchanged" : result.outcome };
}
