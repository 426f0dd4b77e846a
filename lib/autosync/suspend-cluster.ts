import type { Actor } from "../auth/actor";
import { recordAuditEvent, type RequestOrigin } from "../audit";
import { getClusterOrThrow } from "../clusters/get-cluster-or-throw";
import { requireTrackedCluster } from "../clusters/require-tracked-cluster";
import { db } from "../db/client";
import type { AutoSyncResult } from "../fleet/dto";
import { inventory, liveCluster } from "../inventory";
import { listFluxObjects } from "../k8s/list-flux-objects";
import { patchFluxObjects } from "../k8s/patch-flux-objects";
import { HelmRelease, Kustomization } from "../k8s/resources";
import { auditOutcomeOf } from "./audit-outcome-of";
import { autoSyncDecisions } from "./auto-sync-decisions";
import { resolveUntil } from "./resolve-until";
import { asUnreachable } from "./as-unreachable";

export interface SuspendOptions {
  reason?: string | null;
  /** ISO 8601, in the future; the expiry worker resumes the cluster then. */
  until?: string | null;
}

/**
 * Turns auto-sync off for a whole cluster: every Kustomization and HelmRelease gets
 * `spec.suspend: true` plus annotations saying who, why and until when. Sources keep fetching
 * (see docs/ARCHITECTURE.md), so resuming applies the newest revision at once.
 */
export async function suspendCluster(clusterId: string, options: SuspendOptions, actor: Actor, origin?: RequestOrigin): Promise<AutoSyncResult> {
  const row = await getClusterOrThrow(clusterId);
  const until = resolveUntil(options.until);
  const reason = options.reason ?? null;
  await requireTrackedCluster(clusterId);
  const before = inventory().store.clusterSummary(clusterId)?.autoSync;
  const live = liveCluster(row);
  const { targets, unreadable } = await listFluxObjects(live.client, [Kustomization, HelmRelease], live.lastKnown).catch(asUnreachable);
  const decide = autoSyncDecisions.suspend({ by: actor.name, reason, until, at: new Date() });
  const results = [...(await patchFluxObjects(live.client, targets, decide, live.written)), ...unreadable];
  const outcome = auditOutcomeOf(results);
  if (results.some((r) => r.outcome === "changed")) {
    await db().suspension.updateMany({ where: { clusterId, kind: "", endedAt: null }, data: { endedAt: new Date(), endedBy: actor.name } });
    await db().suspension.create({ data: { clusterId, actor: actor.name, reason, until } });
  }
  await recordAuditEvent({
    actor,
    action: "autosync.disable",
    cluster: { id: row.id, name: row.name },
    reason,
    before: { autoSync: before },
    after: { autoSync: inventory().store.clusterSummary(clusterId)?.autoSync, until: until?.toISOString() ?? null },
    outcome,
    results,
    origin,
  });
  return { cluster: { id: row.id, name: row.name }, enabled: false, outcome, results };
}
