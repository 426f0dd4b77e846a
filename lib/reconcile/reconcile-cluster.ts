import type { Actor } from "../auth/actor";
import { recordIntent, type RequestOrigin } from "../audit";
import { asUnreachable } from "../autosync/as-unreachable";
import { getClusterOrThrow } from "../clusters/get-cluster-or-throw";
import { requireTrackedCluster } from "../clusters/require-tracked-cluster";
import type { ReconcileResult } from "../fleet/dto";
import { liveCluster } from "../inventory";
import { listFluxObjects } from "../k8s/list-flux-objects";
import { patchFluxObjects } from "../k8s/patch-flux-objects";
import { plannedPatches } from "../k8s/planned-patches";
import { fluxModels } from "../k8s/resources";
import { reconcileDecision } from "./reconcile-decision";
import { reconcileOutcomeOf } from "./reconcile-outcome-of";

/** Reconciles every Flux object of a cluster now: sources, then Kustomizations and HelmReleases. */
export async function reconcileCluster(clusterId: string, actor: Actor, origin?: RequestOrigin): Promise<ReconcileResult> {
  const row = await getClusterOrThrow(clusterId);
  await requireTrackedCluster(clusterId);
  const live = liveCluster(row);
  const { targets, unreadable } = await listFluxObjects(live.client, fluxModels, live.lastKnown).catch(asUnreachable);
  const decide = reconcileDecision(new Date());
  const sources = targets.filter((t) => !t.model.reconciler);
  const reconcilers = targets.filter((t) => t.model.reconciler);
  const cluster = { id: row.id, name: row.name };
  const intent = await recordIntent({ actor, action: "reconcile", cluster, origin }, plannedPatches([...sources, ...reconcilers], decide));
  const results = [
    ...(await patchFluxObjects(live.client, sources, decide, live.written)),
    ...(await patchFluxObjects(live.client, reconcilers, decide, live.written)),
    ...unreadable,
  ];
  const outcome = reconcileOutcomeOf(results);
  await intent.complete({ actor, action: "reconcile", cluster, outcome, results, origin });
  return { cluster, outcome, results };
}
