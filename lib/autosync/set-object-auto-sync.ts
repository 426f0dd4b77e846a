import type { Actor } from "../auth/actor";
import { recordAuditEvent, recordIntent, type AuditEventInput, type RequestOrigin } from "../audit";
import { getClusterOrThrow } from "../clusters/get-cluster-or-throw";
import { requireTrackedCluster } from "../clusters/require-tracked-cluster";
import type { Suspension } from "../db/generated/client";
import { AppError } from "../errors/app-error";
import type { AutoSyncResult } from "../fleet/dto";
import { liveCluster } from "../inventory";
import { isKubeError } from "../k8s/kube-error";
import { failed, patchFluxObjects, type PatchDecision, type PatchTarget } from "../k8s/patch-flux-objects";
import { plannedPatches } from "../k8s/planned-patches";
import { enforcePausePolicy } from "../pause-policies/enforce-pause-policy";
import { modelFor, objectPath, resourceOf, type FluxObject } from "../k8s/resources";
import { autoSyncInput, type AutoSyncInput } from "../schemas/auto-sync";
import { asUnreachable } from "./as-unreachable";
import { auditOutcomeOf } from "./audit-outcome-of";
import { autoSyncDecisions } from "./auto-sync-decisions";
import { resolveUntil } from "./resolve-until";
import { endSuspensions, openClusterSuspension, openSuspension, withdrawSuspension } from "./suspension-rows";

/**
 * Auto-sync for one Flux object. Turning it on lifts any suspension, including one made with
 * kubectl or flux: naming the object is an explicit decision to override it.
 *
 * When the object's own pause expires while its whole cluster is paused, the object stays paused:
 * it is handed over to the cluster's pause (its annotations then say the cluster's who, why and
 * until), so each suspension ends at its own time.
 */
export async function setObjectAutoSync(
  clusterId: string,
  ref: { kind: string; namespace: string; name: string },
  input: AutoSyncInput,
  actor: Actor,
  origin?: RequestOrigin,
  options: { expired?: boolean } = {},
): Promise<AutoSyncResult> {
  const { enabled, reason, until: untilText } = autoSyncInput.parse(input);
  const row = await getClusterOrThrow(clusterId);
  const model = modelFor(ref.kind);
  if (!model) throw new AppError("not_found", `"${ref.kind}" is not a Flux kind`);
  const until = enabled ? null : (await enforcePausePolicy(row, { reason: reason ?? null, until: resolveUntil(untilText) })).until;
  await requireTrackedCluster(clusterId);
  const live = liveCluster(row);
  const cluster = { id: row.id, name: row.name };
  const scope = { clusterId, kind: model.kind, namespace: ref.namespace, name: ref.name };
  const action = options.expired ? "autosync.expire" : enabled ? "autosync.enable" : "autosync.disable";
  const audit = (suspensionBefore: unknown): Omit<AuditEventInput, "outcome" | "results"> => ({
    actor,
    action,
    cluster,
    target: { kind: model.kind, namespace: ref.namespace, name: ref.name },
    reason: reason ?? null,
    before: { suspension: suspensionBefore },
    after: { enabled, until: until?.toISOString() ?? null },
    origin,
  });
  let object: FluxObject;
  try {
    object = await live.client.request<FluxObject>("GET", objectPath(model, ref.namespace, ref.name));
  } catch (error) {
    if (isKubeError(error) && error.status === 404) throw new AppError("not_found", `No ${model.kind} ${ref.namespace}/${ref.name} on ${row.name}`);
    if (!isKubeError(error) || error.status !== undefined) throw error;
    // Nothing was touched: a plain record, no intent.
    const result = failed(scope, error);
    await recordAuditEvent({ ...audit(null), outcome: auditOutcomeOf([result]), results: [result] });
    return { cluster, enabled, outcome: auditOutcomeOf([result]), results: [result] };
  }
  const target: PatchTarget = { model, object };
  const before = resourceOf(model.kind, object).suspension;
  const clusterPause = enabled && options.expired ? await openClusterSuspension(clusterId) : null;
  const decide = clusterPause
    ? handOverTo(clusterPause)
    : enabled
      ? autoSyncDecisions.resume(new Date(), { includeOutside: !options.expired })
      : autoSyncDecisions.suspend({ by: actor.name, reason: reason ?? null, until, at: new Date() });
  const intent = await recordIntent(audit(before), plannedPatches([target], decide));
  const suspension = enabled ? null : await openSuspension(scope, { actor: actor.name, reason: reason ?? null, until, intentId: intent.id });
  const [result] = await patchFluxObjects(live.client, [target], decide, live.written).catch(asUnreachable);
  if (suspension && result!.outcome !== "changed") await withdrawSuspension(suspension, actor.name);
  // Resuming an object that is already running (resumed with kubectl, say) still ends its suspension.
  if (enabled && result!.outcome !== "failed") await endSuspensions(scope, actor.name);
  const outcome = auditOutcomeOf([result!]);
  await intent.complete({ ...audit(before), outcome, results: [result!] });
  return { cluster, enabled, outcome, results: [result!] };
}

function handOverTo(clusterPause: Suspension) {
  const suspend = autoSyncDecisions.suspend({ by: clusterPause.actor, reason: clusterPause.reason, until: clusterPause.until, at: clusterPause.createdAt });
  const handOver = `its own pause ended; it stays paused by the cluster's pause (${clusterPause.actor}${clusterPause.until ? ` until ${clusterPause.until.toISOString()}` : ""})`;
  return (target: PatchTarget): PatchDecision => {
    const decision = suspend(target);
    return "outcome" in decision ? { outcome: decision.outcome, message: handOver } : { ...decision, message: handOver };
  };
}
