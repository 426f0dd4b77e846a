import type { Actor } from "../auth/actor";
import { recordAuditEvent, recordIntent, type RequestOrigin } from "../audit";
import type { ObjectOutcome } from "../audit/actions";
import { asUnreachable } from "../autosync/as-unreachable";
import { getClusterOrThrow } from "../clusters/get-cluster-or-throw";
import { requireTrackedCluster } from "../clusters/require-tracked-cluster";
import { AppError } from "../errors/app-error";
import type { ReconcileResult } from "../fleet/dto";
import { liveCluster } from "../inventory";
import { isKubeError } from "../k8s/kube-error";
import { failed, patchFluxObjects } from "../k8s/patch-flux-objects";
import { plannedPatches } from "../k8s/planned-patches";
import { modelFor, objectPath, type FluxObject } from "../k8s/resources";
import { reconcileDecision } from "./reconcile-decision";
import { reconcileOutcomeOf } from "./reconcile-outcome-of";

export async function reconcileObject(clusterId: string, ref: { kind: string; namespace: string; name: string }, actor: Actor, origin?: RequestOrigin): Promise<ReconcileResult> {
  const row = await getClusterOrThrow(clusterId);
  const model = modelFor(ref.kind);
  if (!model) throw new AppError("not_found", `"${ref.kind}" is not a Flux kind`);
  await requireTrackedCluster(clusterId);
  const live = liveCluster(row);
  const target = { kind: model.kind, namespace: ref.namespace, name: ref.name };
  const cluster = { id: row.id, name: row.name };
  let object: FluxObject;
  try {
    object = await live.client.request<FluxObject>("GET", objectPath(model, ref.namespace, ref.name));
  } catch (error) {
    if (isKubeError(error) && error.status === 404) throw new AppError("not_found", `No ${model.kind} ${ref.namespace}/${ref.name} on ${row.name}`);
    if (!isKubeError(error)) throw error;
    // Nothing was touched: a plain record, no intent.
    const result = failed(target, error);
    const outcome = reconcileOutcomeOf([result]);
    await recordAuditEvent({ actor, action: "reconcile", cluster, target, outcome, results: [result], origin });
    return { cluster, outcome, results: [result] };
  }
  const decide = reconcileDecision(new Date());
  const intent = await recordIntent({ actor, action: "reconcile", cluster, target, origin }, plannedPatches([{ model, object }], decide));
  const [result] = (await patchFluxObjects(live.client, [{ model, object }], decide, live.written).catch(asUnreachable)) as [ObjectOutcome];
  const outcome = reconcileOutcomeOf([result]);
  await intent.complete({ actor, action: "reconcile", cluster, target, outcome, results: [result], origin });
  return { cluster, outcome, results: [result] };
}
