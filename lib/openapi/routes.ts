import type { ZodObject, ZodType } from "zod";
import type { Permission } from "../auth/permissions";
import { auditQuery } from "../schemas/audit";
import { autoSyncInput } from "../schemas/auto-sync";
import { addClusterInput, clusterObjectsQuery, updateClusterInput } from "../schemas/clusters";

export interface RouteSpec {
  method: "get" | "post" | "put" | "patch" | "delete";
  path: string;
  summary: string;
  permission?: Permission;
  body?: ZodType;
  query?: ZodObject;
  /** The response type's name in lib/fleet/dto.ts. */
  returns: string;
  status?: number;
}

const object = "/api/clusters/{id}/objects/{kind}/{namespace}/{name}";

/** Every route this API serves; the document is generated from this table and the zod schemas. */
export const routes: RouteSpec[] = [
  { method: "get", path: "/api/clusters", summary: "List registered clusters with health, counts and auto-sync state", permission: "read", returns: "ClusterSummary[]" },
  { method: "post", path: "/api/clusters", summary: "Register a cluster after validating its kubeconfig, access and Flux", permission: "clusters.manage", body: addClusterInput, returns: "ClusterDetail", status: 201 },
  { method: "get", path: "/api/clusters/{id}", summary: "One cluster with its capabilities", permission: "read", returns: "ClusterDetail" },
  { method: "patch", path: "/api/clusters/{id}", summary: "Rename or relabel a cluster", permission: "clusters.manage", body: updateClusterInput, returns: "ClusterDetail" },
  { method: "delete", path: "/api/clusters/{id}", summary: "Forget a cluster (nothing in the cluster changes)", permission: "clusters.manage", returns: "{ id: string; name: string }" },
  { method: "get", path: "/api/clusters/{id}/objects", summary: "A cluster's Flux objects", permission: "read", query: clusterObjectsQuery, returns: "FluxObjectSummary[]" },
  { method: "get", path: object, summary: "One Flux object with conditions, recent events and YAML", permission: "read", returns: "FluxObjectDetail" },
  { method: "put", path: "/api/clusters/{id}/auto-sync", summary: "Turn auto-sync off (suspend every Kustomization and HelmRelease) or on", permission: "clusters.autosync", body: autoSyncInput, returns: "AutoSyncResult" },
  { method: "put", path: `${object}/auto-sync`, summary: "Turn auto-sync off or on for one Flux object", permission: "clusters.autosync", body: autoSyncInput, returns: "AutoSyncResult" },
  { method: "post", path: "/api/clusters/{id}/reconcile", summary: "Reconcile every Flux object of a cluster now", permission: "clusters.reconcile", returns: "ReconcileResult" },
  { method: "post", path: `${object}/reconcile`, summary: "Reconcile one Flux object now", permission: "clusters.reconcile", returns: "ReconcileResult" },
  { method: "get", path: "/api/audit", summary: "The audit trail, newest first (format=csv for a CSV export)", permission: "read", query: auditQuery, returns: "Page<AuditEventDto>" },
  { method: "get", path: "/api/events", summary: "Server-sent FleetEvents (event: <type>, data: <json>); ?cluster=<id> filters", permission: "read", returns: "FleetEvent stream" },
];
