import { db } from "../db/client";
import type { FluxObject } from "../k8s/resources";

export interface CorrectedEpisode {
  clusterId: string;
  reconcilerKind: string;
  reconcilerNamespace: string;
  reconcilerName: string;
  appearedAt: Date;
}

/**
 * Who corrected a drift, where that can be known: the user whose reconcile through Syncline
 * (the audit trail) came after the drift appeared, else "flux" when the reconciler has reconciled
 * since then (Flux's apply reverts what differs), else null. Syncline itself never corrects.
 */
export async function attributeCorrection(episode: CorrectedEpisode, reconciler: FluxObject | undefined): Promise<string | null> {
  const reconcile = await db().auditEvent.findFirst({
    where: {
      clusterId: episode.clusterId,
      action: "reconcile",
      actorType: "user",
      outcome: { in: ["success", "partial"] },
      at: { gte: episode.appearedAt },
      OR: [{ targetKind: null }, { targetKind: episode.reconcilerKind, targetNamespace: episode.reconcilerNamespace, targetName: episode.reconcilerName }],
    },
    orderBy: { at: "desc" },
    select: { actorName: true },
  });
  if (reconcile) return reconcile.actorName;
  const reconciledAt = reconciler && lastReconciledAt(reconciler);
  return reconciledAt && reconciledAt >= episode.appearedAt ? "flux" : null;
}

/**
 * The latest moment the object shows Flux at work: a Kustomization's history (lastReconciled),
 * a HelmRelease's (lastDeployed), or any condition's transition.
 */
export function lastReconciledAt(object: FluxObject): Date | null {
  const history = (object.status?.history as Array<{ lastReconciled?: string; lastDeployed?: string }> | undefined) ?? [];
  const times = [
    ...history.flatMap((entry) => [entry.lastReconciled, entry.lastDeployed]),
    ...(object.status?.conditions ?? []).map((condition) => condition.lastTransitionTime),
  ]
    .filter((time): time is string => typeof time === "string")
    .map((time) => new Date(time).getTime())
    .filter((time) => !Number.isNaN(time));
  return times.length > 0 ? new Date(Math.max(...times)) : null;
}
