import type { Actor } from "../auth/actor";
import { recordAuditEvent, type RequestOrigin } from "../audit";
import type { ObjectOutcome } from "../audit/actions";
import { asUnreachable } from "../autosync/as-unreachable";
import { getClusterOrThrow } from "../clusters/get-cluster-or-throw";
import { requireTrackedCluster } from "../clusters/require-tracked-cluster";
import { AppError } from "../errors/app-error";
import type { ReconcileResult } from "../fleet/dto";
import { liveCluster } from "../inventory";
import { KubeError } from "../k8s/kube-error";
import { failed, patchFluxObjects } from "../k8s/patch-flux-objects";
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
  let result: ObjectOutcome;
  try {
    const object = await live.client.request<FluxObject>("GET", objectPath(model, ref.namespace, ref.name));
    [result] = (await patchFluxObjects(live.client, [{ model, object }], reconcileDecision(new Date()), live.written).catch(asUnreachable)) as [ObjectOutcome];
  } catch (error) {
    if (error instanceof KubeError && error.status === 404) throw new AppError("not_found", `No ${model.kind} ${ref.namespace}/${ref.name} on ${row.name}`);
    if (!(error instanceof KubeError)) throw error;
    result = failed(target, error);
  }
  const outcome = reconcileOutcomeOf([result]);
  await recordAuditEvent({ actor, action: "reconcile", cluster: { id: row.id, name: row.name }, target, outcome, results: [result], origin });
  return { cluster: { id: row.id, name: row.name }, outcome, results: [result] };
}
