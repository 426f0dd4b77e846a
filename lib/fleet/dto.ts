/**
 * The shapes the API serves and the UI renders, as zod schemas: the OpenAPI document describes
 * every response with them, and server and browser both import the inferred types. A change here
 * is a change of the public API. Times are ISO-8601 strings.
 */
import { z } from "zod";
import type { AuditOutcome, ObjectOutcome } from "../audit/actions";

export const fluxSourceKinds = ["GitRepository", "OCIRepository", "HelmRepository", "HelmChart", "Bucket"] as const;
export const fluxReconcilerKinds = ["Kustomization", "HelmRelease"] as const;
export const fluxKind = z.enum([...fluxSourceKinds, ...fluxReconcilerKinds]);
export type FluxKind = z.infer<typeof fluxKind>;

const isoTime = z.string().meta({ format: "date-time" });

export const clusterHealth = z.enum(["unknown", "connected", "degraded", "unreachable"]);
export type ClusterHealth = z.infer<typeof clusterHealth>;

/** A suspended object is never "ready": suspension is its own state, shown as such. */
export const objectState = z.enum(["ready", "failing", "progressing", "suspended", "unknown"]);
export type ObjectState = z.infer<typeof objectState>;

export const suspensionInfo = z.object({
  by: z.string().nullable(),
  reason: z.string().nullable(),
  until: isoTime.nullable(),
  at: isoTime.nullable(),
  /** True when the object was suspended with kubectl, the flux CLI or anything but Syncline. */
  outsideSyncline: z.boolean(),
});
export type SuspensionInfo = z.infer<typeof suspensionInfo>;

export const objectRef = z.object({ kind: z.string(), namespace: z.string(), name: z.string() });
export type ObjectRef = z.infer<typeof objectRef>;

export const fluxObjectSummary = objectRef.extend({
  kind: fluxKind,
  state: objectState,
  /** Failing, and Flux is trying again: shown as "failing, retrying". */
  retrying: z.boolean(),
  readyStatus: z.enum(["True", "False", "Unknown"]),
  reason: z.string().nullable(),
  message: z.string().nullable(),
  revision: z.string().nullable(),
  lastAppliedAt: isoTime.nullable(),
  suspended: z.boolean(),
  suspension: suspensionInfo.nullable(),
  sourceRef: objectRef.nullable(),
  /** Last-known state of a cluster that cannot be reached right now. */
  stale: z.boolean(),
});
export type FluxObjectSummary = z.infer<typeof fluxObjectSummary>;

export const fluxCondition = z.object({
  type: z.string(),
  status: z.string(),
  reason: z.string().nullable(),
  message: z.string().nullable(),
  lastTransitionTime: isoTime.nullable(),
});
export type FluxCondition = z.infer<typeof fluxCondition>;

export const fluxEvent = z.object({ type: z.string(), reason: z.string(), message: z.string(), firstSeen: isoTime, lastSeen: isoTime, count: z.number().int() });
export type FluxEvent = z.infer<typeof fluxEvent>;

/** One object a Kustomization or HelmRelease applied; namespace "" is cluster-scoped, group "" the core group. */
export const managedObject = z.object({ kind: z.string(), namespace: z.string(), name: z.string(), group: z.string(), apiVersion: z.string() });
export type ManagedObject = z.infer<typeof managedObject>;

export const fluxObjectDetail = fluxObjectSummary.extend({
  conditions: z.array(fluxCondition),
  events: z.array(fluxEvent),
  /** What the object reports it manages (status.inventory); null when it keeps no inventory. */
  managedObjects: z.array(managedObject).nullable(),
  yaml: z.string(),
});
export type FluxObjectDetail = z.infer<typeof fluxObjectDetail>;

/** Auto-sync over a cluster's reconcilers: "mixed" is shown as "paused N of M". */
export const autoSyncState = z.object({ state: z.enum(["on", "off", "mixed"]), suspended: z.number().int(), total: z.number().int() });
export type AutoSyncState = z.infer<typeof autoSyncState>;

export const objectCounts = z.object({ ready: z.number().int(), failing: z.number().int(), progressing: z.number().int(), suspended: z.number().int(), total: z.number().int() });
export type ObjectCounts = z.infer<typeof objectCounts>;

export const clusterSummary = z.object({
  id: z.uuid(),
  name: z.string(),
  server: z.string(),
  labels: z.record(z.string(), z.string()),
  health: clusterHealth,
  healthMessage: z.string().nullable(),
  lastSeenAt: isoTime.nullable(),
  fluxVersion: z.string().nullable(),
  counts: objectCounts,
  autoSync: autoSyncState,
  /** Who paused the cluster's reconcilers, why and until when; null while none is paused. */
  suspension: suspensionInfo.nullable(),
  lastApplied: z.object({ revision: z.string(), at: isoTime, object: objectRef }).nullable(),
});
export type ClusterSummary = z.infer<typeof clusterSummary>;

export const fluxControllerInfo = z.object({ name: z.string(), version: z.string().nullable() });
export type FluxControllerInfo = z.infer<typeof fluxControllerInfo>;

export const clusterCapabilities = z.object({
  kubernetesVersion: z.string().nullable(),
  controllers: z.array(fluxControllerInfo),
  /** Which Flux kinds the credentials may list, watch and patch. */
  permissions: z.object({ list: z.boolean(), watch: z.boolean(), patch: z.boolean() }),
  authMethod: z.enum(["token", "client-certificate", "exec", "basic", "none"]),
});
export type ClusterCapabilities = z.infer<typeof clusterCapabilities>;

export const clusterDetail = clusterSummary.extend({ context: z.string(), capabilities: clusterCapabilities, createdAt: isoTime });
export type ClusterDetail = z.infer<typeof clusterDetail>;

export const removedCluster = z.object({ id: z.uuid(), name: z.string() });

const auditOutcome = z.enum(["success", "partial", "failure", "skipped", "pending", "interrupted"]) satisfies z.ZodType<AuditOutcome>;
const objectOutcome = z.object({
  kind: z.string(),
  namespace: z.string(),
  name: z.string(),
  outcome: z.enum(["changed", "unchanged", "failed", "skipped", "pending"]),
  message: z.string().optional(),
  expect: z.record(z.string(), z.string()).optional(),
}) satisfies z.ZodType<ObjectOutcome>;

export const autoSyncResult = z.object({ cluster: removedCluster, enabled: z.boolean(), outcome: auditOutcome, results: z.array(objectOutcome) });
export type AutoSyncResult = z.infer<typeof autoSyncResult>;

export const reconcileResult = z.object({ cluster: removedCluster, outcome: auditOutcome, results: z.array(objectOutcome) });
export type ReconcileResult = z.infer<typeof reconcileResult>;

export const auditEventDto = z.object({
  id: z.uuid(),
  at: isoTime,
  actorType: z.enum(["user", "system", "cli"]),
  actorName: z.string(),
  action: z.string(),
  clusterId: z.string().nullable(),
  clusterName: z.string().nullable(),
  target: objectRef.nullable(),
  reason: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  outcome: auditOutcome,
  results: z.array(objectOutcome).nullable(),
  requestId: z.string().nullable(),
  clientIp: z.string().nullable(),
});
export type AuditEventDto = z.infer<typeof auditEventDto>;

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}
export const auditEventPage = pageOf(auditEventDto);

/** Server-sent events on GET /api/events (optionally ?cluster=<id>). */
export const fleetEvent = z.discriminatedUnion("type", [
  z.object({ type: z.literal("cluster"), cluster: clusterSummary }),
  z.object({ type: z.literal("cluster-removed"), clusterId: z.string() }),
  z.object({ type: z.literal("object"), clusterId: z.string(), object: fluxObjectSummary }),
  z.object({ type: z.literal("object-removed"), clusterId: z.string(), ref: objectRef }),
]);
export type FleetEvent = z.infer<typeof fleetEvent>;

export const currentUser = z.object({ id: z.uuid(), name: z.string(), email: z.string().nullable(), role: z.enum(["viewer", "operator", "admin"]) });
export type CurrentUser = z.infer<typeof currentUser>;
