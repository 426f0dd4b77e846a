import type { Actor } from "../auth/actor";
import { recordIntent, type RequestOrigin } from "../audit";
import { getClusterOrThrow } from "../clusters/get-cluster-or-throw";
import { requireTrackedCluster } from "../clusters/require-tracked-cluster";
import type { AutoSyncResult } from "../fleet/dto";
import { inventory, liveCluster } from "../inventory";
import { listFluxObjects } from "../k8s/list-flux-objects";
import { enforcePausePolicy } from "../pause-policies/enforce-pause-policy";
import { patchFluxObjects } from "../k8s/patch-flux-objects";
import { plannedPatches } from "../k8s/planned-patches";
import { HelmRelease, Kustomization } from "../k8s/resources";
import { asUnreachable } from "./as-unreachable";
import { auditOutcomeOf } from "./audit-outcome-of";
import { autoSyncDecisions } from "./auto-sync-decisions";
import { resolveUntil } from "./resolve-until";
import { openObjectSuspensions, openSuspension, wholeCluster, withdrawSuspension } from "./suspension-rows";

export interface SuspendOptions {
  reason?: string | null;
  /** ISO 8601, in the future; the expiry worker resumes the cluster then. */
  until?: string | null;
}

/**
 * Turns auto-sync off for a whole cluster: every Kustomization and HelmRelease gets
 * `spec.suspend: true` plus annotations saying who, why and until when. Sources keep fetching
 * (see docs/ARCHITECTURE.md), so resuming applies the newest revision at once. Objects paused on
 * their own keep their own pause and expiry. The pause policy for the cluster's labels is checked
 * first (it may supply the expiry).
 *
 * The audit intent and the Suspension row are written before the first object is patched, so a
 * crash half-way leaves a record the leader completes and an expiry that still fires.
 */
export async function suspendCluster(clusterId: string, options: SuspendOptions, actor: Actor, origin?: RequestOrigin): Promise<AutoSyncResult> {
  const row = await getClusterOrThrow(clusterId);
  const reason = options.reason ?? null;
  const { until } = await enforcePausePolicy(row, { reason, until: resolveUntil(options.until) });
  await requireTrackedCluster(clusterId);
  const before = inventory().store.clusterSummary(clusterId)?.autoSync;
  const live = liveCluster(row);
  const { targets, unreadable } = await listFluxObjects(live.client, [Kustomization, HelmRelease], live.lastKnown).catch(asUnreachable);
  const decide = autoSyncDecisions.suspend({ by: actor.name, reason, until, at: new Date() }, await openObjectSuspensions(clusterId));
  const cluster = { id: row.id, name: row.name };
  const intent = await recordIntent(
    { actor, action: "autosync.disable", cluster, reason, before: { autoSync: before }, after: { until: until?.toISOString() ?? null }, origin },
    plannedPatches(targets, decide),
  );
  const suspension = await openSuspension(wholeCluster(clusterId), { actor: actor.name, reason, until, intentId: intent.id });
  const results = [...(await patchFluxObjects(live.client, targets, decide, live.written)), ...unreadable];
  if (!results.some((r) => r.outcome === "changed")) await withdrawSuspension(suspension, actor.name);
  const outcome = auditOutcomeOf(results);
  await intent.complete({
    actor,
    action: "autosync.disable",
    cluster,
    reason,
    before: { autoSync: before },
    after: { autoSync: inventory().store.clusterSummary(clusterId)?.autoSync, until: until?.toISOString() ?? null },
    outcome,
    results,
    origin,
  });
  return { cluster, enabled: false, outcome, results };
}
