import type { Actor } from "../auth/actor";
import { recordIntent, type RequestOrigin } from "../audit";
import { getClusterOrThrow } from "../clusters/get-cluster-or-throw";
import { requireTrackedCluster } from "../clusters/require-tracked-cluster";
import type { AutoSyncResult } from "../fleet/dto";
import { inventory, liveCluster } from "../inventory";
import { listFluxObjects } from "../k8s/list-flux-objects";
import { patchFluxObjects } from "../k8s/patch-flux-objects";
import { plannedPatches } from "../k8s/planned-patches";
import { HelmRelease, Kustomization } from "../k8s/resources";
import { asUnreachable } from "./as-unreachable";
import { auditOutcomeOf } from "./audit-outcome-of";
import { autoSyncDecisions } from "./auto-sync-decisions";
import { endSuspensions, openObjectSuspensions, wholeCluster } from "./suspension-rows";

/**
 * Turns auto-sync back on for a cluster: lifts the cluster's suspension, removes its annotations
 * and requests an immediate reconcile so the cluster catches up now rather than at its next
 * interval. Suspensions made outside Syncline are reported, not lifted, and so are objects paused
 * on their own in Syncline: each result says so, and they end with their own switch or expiry.
 * `expired` marks the expiry worker's call, audited as autosync.expire.
 */
export async function resumeCluster(clusterId: string, actor: Actor, origin?: RequestOrigin, options: { expired?: boolean } = {}): Promise<AutoSyncResult> {
  const row = await getClusterOrThrow(clusterId);
  await requireTrackedCluster(clusterId);
  const before = inventory().store.clusterSummary(clusterId)?.autoSync;
  const live = liveCluster(row);
  const { targets, unreadable } = await listFluxObjects(live.client, [Kustomization, HelmRelease], live.lastKnown).catch(asUnreachable);
  const decide = autoSyncDecisions.resume(new Date(), { includeOutside: false, pauses: await openObjectSuspensions(clusterId) });
  const action = options.expired ? "autosync.expire" : "autosync.enable";
  const cluster = { id: row.id, name: row.name };
  const intent = await recordIntent({ actor, action, cluster, before: { autoSync: before }, origin }, plannedPatches(targets, decide));
  const results = [...(await patchFluxObjects(live.client, targets, decide, live.written)), ...unreadable];
  const outcome = auditOutcomeOf(results);
  // A partly lifted suspension stays open, so the expiry worker goes on trying the objects it left.
  if (outcome === "success") await endSuspensions(wholeCluster(clusterId), actor.name);
  await intent.complete({ actor, action, cluster, before: { autoSync: before }, after: { autoSync: inventory().store.clusterSummary(clusterId)?.autoSync }, outcome, results, origin });
  return { cluster, enabled: true, outcome, results };
}
