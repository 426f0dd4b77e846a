import { autoSyncResult, clusterDetail, clusterSummary, fluxObjectDetail, fluxObjectSummary, reconcileResult, removedCluster } from "../../fleet/dto";
import { autoSyncInput } from "../../schemas/auto-sync";
import { addClusterInput, clusterObjectsQuery, clusterParams, objectParams, updateClusterInput } from "../../schemas/clusters";
import { declareRoute } from "../declare-route";

const object = "/api/clusters/{id}/objects/{kind}/{namespace}/{name}";

export const listClustersRoute = declareRoute({
  method: "get",
  path: "/api/clusters",
  summary: "List registered clusters with health, counts and auto-sync state",
  permission: "read",
  response: clusterSummary.array(),
});

export const addClusterRoute = declareRoute({
  method: "post",
  path: "/api/clusters",
  summary: "Register a cluster after validating its kubeconfig, access and Flux",
  permission: "clusters.manage",
  body: addClusterInput,
  response: clusterDetail,
  status: 201,
  errors: [409],
});

export const getClusterRoute = declareRoute({
  method: "get",
  path: "/api/clusters/{id}",
  summary: "One cluster with its capabilities",
  permission: "read",
  params: clusterParams,
  response: clusterDetail,
});

export const updateClusterRoute = declareRoute({
  method: "patch",
  path: "/api/clusters/{id}",
  summary: "Rename or relabel a cluster, or replace its kubeconfig (vetted and probed as on registration)",
  permission: "clusters.manage",
  params: clusterParams,
  body: updateClusterInput,
  response: clusterDetail,
  errors: [409],
});

export const removeClusterRoute = declareRoute({
  method: "delete",
  path: "/api/clusters/{id}",
  summary: "Forget a cluster (nothing in the cluster changes)",
  permission: "clusters.manage",
  params: clusterParams,
  response: removedCluster,
});

export const listClusterObjectsRoute = declareRoute({
  method: "get",
  path: "/api/clusters/{id}/objects",
  summary: "A cluster's Flux objects",
  permission: "read",
  params: clusterParams,
  query: clusterObjectsQuery,
  response: fluxObjectSummary.array(),
});

export const getObjectRoute = declareRoute({
  method: "get",
  path: object,
  summary: "One Flux object with conditions, recent events and YAML",
  permission: "read",
  params: objectParams,
  response: fluxObjectDetail,
});

export const setClusterAutoSyncRoute = declareRoute({
  method: "put",
  path: "/api/clusters/{id}/auto-sync",
  summary: "Turn auto-sync off (suspend every Kustomization and HelmRelease) or on",
  permission: "clusters.autosync",
  params: clusterParams,
  body: autoSyncInput,
  response: autoSyncResult,
});

export const setObjectAutoSyncRoute = declareRoute({
  method: "put",
  path: `${object}/auto-sync`,
  summary: "Turn auto-sync off or on for one Flux object",
  permission: "clusters.autosync",
  params: objectParams,
  body: autoSyncInput,
  response: autoSyncResult,
});

export const reconcileClusterRoute = declareRoute({
  method: "post",
  path: "/api/clusters/{id}/reconcile",
  summary: "Reconcile every Flux object of a cluster now",
  permission: "clusters.reconcile",
  params: clusterParams,
  response: reconcileResult,
});

export const reconcileObjectRoute = declareRoute({
  method: "post",
  path: `${object}/reconcile`,
  summary: "Reconcile one Flux object now",
  permission: "clusters.reconcile",
  params: objectParams,
  response: reconcileResult,
});

export const clusterRoutes = [
  listClustersRoute,
  addClusterRoute,
  getClusterRoute,
  updateClusterRoute,
  removeClusterRoute,
  listClusterObjectsRoute,
  getObjectRoute,
  setClusterAutoSyncRoute,
  setObjectAutoSyncRoute,
  reconcileClusterRoute,
  reconcileObjectRoute,
];
