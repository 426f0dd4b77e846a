import { pageOf } from "../../fleet/dto";
import { clusterParams } from "../../schemas/clusters";
import { clusterDrift, driftEpisode, driftSummary, objectDrift } from "../../schemas/drift";
import { driftHistoryQuery, driftRefreshAccepted, objectDriftParams } from "../../schemas/drift-input";
import { declareRoute } from "../declare-route";

export const listDriftSummariesRoute = declareRoute({
  method: "get",
  path: "/api/drift",
  summary: "Every cluster's drift summary, from the last computation (never computed on read)",
  permission: "read",
  response: driftSummary.array(),
});

export const getClusterDriftRoute = declareRoute({
  method: "get",
  path: "/api/clusters/{id}/drift",
  summary: "A cluster's drift: summary, revision lag per reconciler, and the drifted objects with their field diffs",
  permission: "read",
  params: clusterParams,
  response: clusterDrift,
});

export const getObjectDriftRoute = declareRoute({
  method: "get",
  path: "/api/clusters/{id}/drift/{kind}/{namespace}/{name}",
  summary: 'One inventory object\'s drift (any Kubernetes kind; namespace "_" for a cluster-scoped object), both sides, and its history',
  permission: "read",
  params: objectDriftParams,
  response: objectDrift,
});

export const refreshClusterDriftRoute = declareRoute({
  method: "post",
  path: "/api/clusters/{id}/drift/refresh",
  summary: "Ask for a recompute of a cluster's drift now; the leader picks it up within seconds",
  permission: "clusters.reconcile",
  params: clusterParams,
  response: driftRefreshAccepted,
  status: 202,
});

export const listDriftHistoryRoute = declareRoute({
  method: "get",
  path: "/api/drift/history",
  summary: "Drift episodes (when each drift appeared, when it was corrected and by whom), newest first",
  permission: "read",
  query: driftHistoryQuery,
  response: pageOf(driftEpisode),
});

export const driftRoutes = [listDriftSummariesRoute, getClusterDriftRoute, getObjectDriftRoute, refreshClusterDriftRoute, listDriftHistoryRoute];
