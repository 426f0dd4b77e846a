import { stringify } from "yaml";
import { db } from "../db/client";
import type { Role } from "../db/generated/enums";
import { AppError } from "../errors/app-error";
import type { FluxObjectDetail } from "../fleet/dto";
import { inventory } from "../inventory";
import { trimmed } from "../inventory/snapshot-persister";
import { modelFor, resourceOf, type FluxObject } from "../k8s/resources";
import { managedObjectsOf } from "../k8s/resources/managed-objects";
import { withSecretsRedacted } from "../k8s/resources/with-secrets-redacted";
import { requireTrackedCluster } from "./require-tracked-cluster";

const RECENT_EVENTS = 50;

/** The YAML shows the object as the cluster has it, without Syncline's own note of when it was applied. */
function asOnCluster(object: FluxObject): FluxObject {
  const { syncline: _note, ...onCluster } = trimmed(object);
  return onCluster;
}

/**
 * One object with its conditions, its recent Kubernetes events (kept past their expiry) and YAML.
 * Viewers see secrets the object may carry (a HelmRelease's values) redacted; operators and
 * admins, who diagnose and run releases, see them as the cluster holds them.
 */
export async function getObjectDetail(clusterId: string, kind: string, namespace: string, name: string, readerRole: Role): Promise<FluxObjectDetail> {
  await requireTrackedCluster(clusterId);
  const model = modelFor(kind);
  const store = inventory().store;
  const object = model && store.object(clusterId, model.kind, namespace, name);
  const summary = model && store.objectSummary(clusterId, model.kind, namespace, name);
  if (!model || !object || !summary) throw new AppError("not_found", `No ${kind} ${namespace}/${name} on this cluster`);
  const events = await db().syncEvent.findMany({
    where: { clusterId, kind: model.kind, namespace, name },
    orderBy: { lastSeen: "desc" },
    take: RECENT_EVENTS,
  });
  return {
    ...summary,
    conditions: resourceOf(model.kind, object).conditions,
    managedObjects: managedObjectsOf(object),
    events: events.map((e) => ({ type: e.type, reason: e.reason, message: e.message, firstSeen: e.firstSeen.toISOString(), lastSeen: e.lastSeen.toISOString(), count: e.count })),
    yaml: stringify(readerRole === "viewer" ? withSecretsRedacted(model.kind, asOnCluster(object)) : asOnCluster(object)),
  };
}
