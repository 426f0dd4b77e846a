/**
 * The shapes the API serves and the UI renders. Server and browser both import these types, so a
 * change here is a change of the public API (and of /api/openapi.json).
 * Times are ISO-8601 strings.
 */
import type { ObjectOutcome, AuditOutcome } from "../audit/actions";

export type ClusterHealth = "unknown" | "connected" | "degraded" | "unreachable";

export const fluxSourceKinds = ["GitRepository", "OCIRepository", "HelmRepository", "HelmChart", "Bucket"] as const;
export const fluxReconcilerKinds = ["Kustomization", "HelmRelease"] as const;
export type FluxKind = (typeof fluxSourceKinds)[number] | (typeof fluxReconcilerKinds)[number];

/** A suspended object is never "ready": suspension is its own state, shown as such. */
export type ObjectState = "ready" | "failing" | "progressing" | "suspended" | "unknown";

export interface SuspensionInfo {
  by: string | null;
  reason: string | null;
  until: string | null;
  at: string | null;
  /** True when the object was suspended with kubectl, the flux CLI or anything but Syncline. */
  outsideSyncline: boolean;
}

export interface ObjectRef {
  kind: string;
  namespace: string;
  name: string;
}

export interface FluxObjectSummary extends ObjectRef {
  kind: FluxKind;
  state: ObjectState;
  readyStatus: "True" | "False" | "Unknown";
  reason: string | null;
  message: string | null;
  revision: string | null;
  lastAppliedAt: string | null;
  suspended: boolean;
  suspension: SuspensionInfo | null;
  sourceRef: ObjectRef | null;
  /** Last-known state of a cluster that cannot be reached right now. */
  stale: boolean;
}

export interface FluxCondition {
  type: string;
  status: string;
  reason: string | null;
  message: string | null;
  lastTransitionTime: string | null;
}

export interface FluxEvent {
  type: string;
  reason: string;
  message: string;
  firstSeen: string;
  lastSeen: string;
  count: number;
}

export interface FluxObjectDetail extends FluxObjectSummary {
  conditions: FluxCondition[];
  events: FluxEvent[];
  yaml: string;
}

/** Auto-sync over a cluster's reconcilers: "mixed" is shown as "paused N of M". */
export interface AutoSyncState {
  state: "on" | "off" | "mixed";
  suspended: number;
  total: number;
}

export interface ObjectCounts {
  ready: number;
  failing: number;
  progressing: number;
  suspended: number;
  total: number;
}

export interface ClusterSummary {
  id: string;
  name: string;
  server: string;
  labels: Record<string, string>;
  health: ClusterHealth;
  healthMessage: string | null;
  lastSeenAt: string | null;
  fluxVersion: string | null;
  counts: ObjectCounts;
  autoSync: AutoSyncState;
  lastApplied: { revision: string; at: string; object: ObjectRef } | null;
}

export interface FluxControllerInfo {
  name: string;
  version: string | null;
}

export interface ClusterCapabilities {
  kubernetesVersion: string | null;
  controllers: FluxControllerInfo[];
  /** Which Flux kinds the credentials may list, watch and patch. */
  permissions: { list: boolean; watch: boolean; patch: boolean };
  authMethod: "token" | "client-certificate" | "exec" | "basic" | "none";
}

export interface ClusterDetail extends ClusterSummary {
  context: string;
  capabilities: ClusterCapabilities;
  createdAt: string;
}

export interface AutoSyncResult {
  cluster: { id: string; name: string };
  enabled: boolean;
  outcome: AuditOutcome;
  results: ObjectOutcome[];
}

export interface ReconcileResult {
  cluster: { id: string; name: string };
  outcome: AuditOutcome;
  results: ObjectOutcome[];
}

export interface AuditEventDto {
  id: string;
  at: string;
  actorType: "user" | "system" | "cli";
  actorName: string;
  action: string;
  clusterId: string | null;
  clusterName: string | null;
  target: ObjectRef | null;
  reason: string | null;
  before: unknown;
  after: unknown;
  outcome: AuditOutcome;
  results: ObjectOutcome[] | null;
  requestId: string | null;
  clientIp: string | null;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** Server-sent events on GET /api/events (optionally ?cluster=<id>). */
export type FleetEvent =
  | { type: "cluster"; cluster: ClusterSummary }
  | { type: "cluster-removed"; clusterId: string }
  | { type: "object"; clusterId: string; object: FluxObjectSummary }
  | { type: "object-removed"; clusterId: string; ref: ObjectRef };
