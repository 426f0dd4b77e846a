import { systemActor } from "../auth/actor";
import { recordAuditEvent } from "../audit";
import type { ObjectOutcome } from "../audit/actions";
import type { Cluster, ClusterSource } from "../db/generated/client";
import { db } from "../db/client";
import { inventory } from "../inventory";
import { log } from "../log/logger";
import { openCredentialSecretData } from "./open-credential-secret-data";
import { renderSourceObjects } from "./render-source-objects";
import { removeEverywhere } from "./remove-everywhere";
import { applyToCluster } from "./apply-to-cluster";
import { removeFromCluster } from "./remove-from-cluster";
import { selectTargets } from "./select-targets";
import { clusterOutcome, overallOutcome, rolloutAuditResult, sourceAuditTarget } from "./source-audit";
import { clusterLabels, renderableSource } from "./source-row";

/** A delete request removes from every cluster itself; the leader finishes only what it left after this long. */
const DELETE_GRACE_MS = 60_000;

/**
 * One pass of the leader over every applied source, following the definition last applied (never
 * an edit that was not previewed and applied): clusters that now match (registered or relabelled
 * since) receive it, clusters that no longer match lose it, pending and failed clusters are retried
 * once their retry time has come, and deletions that could not reach every cluster are finished.
 * Each source's automatic changes are audited as Syncline's, with every cluster's outcome.
 */
export async function reconcileRollouts(now = new Date()): Promise<void> {
  const sources = (await db().gitOpsSource.findMany({ include: { clusters: true } })).filter((source) => source.appliedDefinition !== null || source.deletingAt !== null);
  if (sources.length === 0) return;
  const clusters = await db().cluster.findMany();
  for (const source of sources) {
    try {
      if (source.applyingUntil && source.applyingUntil > now) continue;
      if (source.deletingAt) {
        if (now.getTime() - source.deletingAt.getTime() >= DELETE_GRACE_MS) await finishDeletion(source.id, source.appliedDefinition ?? source.definition, source.clusters.length);
      } else if (source.appliedDefinition) {
        await followTargets(source.id, source.appliedDefinition, source.clusters, clusters, now);
      }
    } catch (error) {
      log.warn({ err: error, source: source.name }, "sources: rollout pass failed for a source");
    }
  }
}

async function finishDeletion(id: string, stored: unknown, rows: number): Promise<void> {
  const { results, remaining } = rows > 0 ? await removeEverywhere(id, stored) : { results: [], remaining: 0 };
  if (remaining === 0) await db().gitOpsSource.deleteMany({ where: { id } });
  if (results.length > 0) {
    const source = await renderableSource(id, stored);
    await recordAuditEvent({ actor: systemActor, action: "source.delete", target: sourceAuditTarget(source.definition), outcome: overallOutcome(results), results, reason: "Retrying the removal from clusters a delete could not reach" });
  }
}

async function followTargets(id: string, stored: unknown, rows: readonly ClusterSource[], clusters: readonly Cluster[], now: Date): Promise<void> {
  const source = await renderableSource(id, stored);
  const targets = selectTargets(source.definition, clusters.map((cluster) => ({ id: cluster.id, labels: clusterLabels(cluster) })));
  // A cluster that was down is retried as soon as the inventory sees it connected again, not only at its backoff time.
  const returned = (row: ClusterSource) => (row.state === "pending" || row.state === "removing") && inventory().store.record(row.clusterId)?.health === "connected";
  const due = (row: ClusterSource) => row.retryAt === null || row.retryAt <= now || returned(row);
  const results: ObjectOutcome[] = [];
  let secretData: Record<string, string> | null | undefined;
  for (const cluster of clusters) {
    const row = rows.find((candidate) => candidate.clusterId === cluster.id);
    if (!targets.has(cluster.id)) {
      if (row && due(row)) {
        const outcome = await removeFromCluster(source, cluster);
        results.push(rolloutAuditResult(cluster.name, outcome, "no longer a target"));
      }
      continue;
    }
    const rendering = renderSourceObjects(source, { name: cluster.name, labels: clusterLabels(cluster) });
    if (!rendering.ok) {
      const message = `The cluster has no ${rendering.missingLabels.map((label) => `"${label}"`).join(", ")} label, which the templates use`;
      if (row?.message !== message) {
        await db().clusterSource.upsert({
          where: { sourceId_clusterId: { sourceId: id, clusterId: cluster.id } },
          create: { sourceId: id, clusterId: cluster.id, state: "failed", message },
          update: { state: "failed", message, desiredHash: null, retryAt: null },
        });
        results.push(clusterOutcome(cluster.name, "skipped", message));
      }
      continue;
    }
    const stale = !row || row.desiredHash !== rendering.hash || row.state === "removing";
    // A cluster waiting for its retry is left alone until then, whatever changed meanwhile.
    const waiting = row !== undefined && (row.state === "pending" || row.state === "failed");
    if (waiting ? !due(row) : !stale) continue;
    secretData ??= source.credentialId ? await openCredentialSecretData(source.credentialId) : null;
    const outcome = await applyToCluster(source, cluster, rendering, secretData);
    results.push(rolloutAuditResult(cluster.name, outcome));
  }
  if (results.length > 0) {
    await recordAuditEvent({ actor: systemActor, action: "source.apply", target: sourceAuditTarget(source.definition), outcome: overallOutcome(results), results, reason: "Following the applied definition's targets" });
  }
}
