import type { Actor } from "../auth/actor";
import { recordAuditEvent, type RequestOrigin } from "../audit";
import { getClusterOrThrow } from "../clusters/get-cluster-or-throw";
import { requireTrackedCluster } from "../clusters/require-tracked-cluster";
import { db } from "../db/client";
import { AppError } from "../errors/app-error";
import type { AutoSyncResult } from "../fleet/dto";
import { liveCluster } from "../inventory";
import { KubeError } from "../k8s/kube-error";
import { failed, patchFluxObjects } from "../k8s/patch-flux-objects";
import { modelFor, objectPath, resourceOf, type FluxObject } from "../k8s/resources";
import { autoSyncInput, type AutoSyncInput } from "../schemas/auto-sync";
import { asUnreachable } from "./as-unreachable";
import { auditOutcomeOf } from "./audit-outcome-of";
import { autoSyncDecisions } from "./auto-sync-decisions";
import { resolveUntil } from "./resolve-until";

/**
 * Auto-sync for one Flux object. Turning it on lifts any suspension, including one made with
 * kubectl or flux: naming the object is an explicit decision to override it.
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
  const until = enabled ? null : resolveUntil(untilText);
  await requireTrackedCluster(clusterId);
  const live = liveCluster(row);
  let object: FluxObject;
  try {
    object = await live.client.request<FluxObject>("GET", objectPath(model, ref.namespace, ref.name));
  } catch (error) {
    if (error instanceof KubeError && error.status === 404) throw new AppError("not_found", `No ${model.kind} ${ref.namespace}/${ref.name} on ${row.name}`);
    if (!(error instanceof KubeError) || error.status !== undefined) throw error;
    return record(failed({ kind: model.kind, namespace: ref.namespace, name: ref.name }, error), null);
  }
  const before = resourceOf(model.kind, object).suspension;
  const decide = enabled ? autoSyncDecisions.resume(new Date(), { includeOutside: !options.expired }) : autoSyncDecisions.suspend({ by: actor.name, reason: reason ?? null, until, at: new Date() });
  const [result] = await patchFluxObjects(live.client, [{ model, object }], decide, live.written).catch(asUnreachable);
  const where = { clusterId, kind: model.kind, namespace: ref.namespace, name: ref.name, endedAt: null };
  // Resuming an object that is already running (resumed with kubectl, say) still ends its suspension.
  if (enabled ? result!.outcome !== "failed" : result!.outcome === "changed") {
    await db().suspension.updateMany({ where, data: { endedAt: new Date(), endedBy: actor.name } });
    if (!enabled) await db().suspension.create({ data: { clusterId, kind: model.kind, namespace: ref.namespace, name: ref.name, actor: actor.name, reason: reason ?? null, until } });
  }
  return record(result!, before);

  async function record(result: AutoSyncResult["results"][number], suspensionBefore: unknown): Promise<AutoSyncResult> {
    const outcome = auditOutcomeOf([result]);
    await recordAuditEvent({
      actor,
      action: options.expired ? "autosync.expire" : enabled ? "autosync.enable" : "autosync.disable",
      cluster: { id: row.id, name: row.name },
      target: { kind: model!.kind, namespace: ref.namespace, name: ref.name },
      reason: reason ?? null,
      before: { suspension: suspensionBefore },
      after: { enabled, until: until?.toISOString() ?? null },
      outcome,
      results: [result],
      origin,
    });
    return { cluster: { id: row.id, name: row.name }, enabled, outcome, results: [result] };
  }
}
