import type { ObjectOutcome } from "../audit/actions";
import { db } from "../db/client";
import { removeFromCluster } from "./remove-from-cluster";
import { rolloutAuditResult } from "./source-audit";
import { renderableSource } from "./source-row";

/** Removes a source's objects from every cluster with a rollout row; how many clusters are left to clean. */
export async function removeEverywhere(id: string, stored: unknown) {
  const source = await renderableSource(id, stored);
  const rollouts = await db().clusterSource.findMany({ where: { sourceId: id }, include: { cluster: true } });
  const results: ObjectOutcome[] = [];
  let remaining = 0;
  for (const rollout of rollouts) {
    const outcome = await removeFromCluster(source, rollout.cluster);
    if (outcome.outcome !== "removed") remaining += 1;
    results.push(rolloutAuditResult(rollout.cluster.name, outcome));
  }
  return { results, remaining };
}
