import { clusterParams } from "../../schemas/clusters";
import { effectivePausePolicy, newPausePolicyInput, pausePolicy, pausePolicyList, pausePolicyParams, updatePausePolicyInput } from "../../schemas/pause-policies";
import { resumePreview } from "../../schemas/resume-preview";
import { declareRoute } from "../declare-route";

export const listPausePoliciesRoute = declareRoute({
  method: "get",
  path: "/api/pause-policies",
  summary: "List pause policies: per label selector, a required reason, a default and a longest expiry",
  permission: "read",
  response: pausePolicyList,
});

export const addPausePolicyRoute = declareRoute({
  method: "post",
  path: "/api/pause-policies",
  summary: "Add a pause policy for the clusters a label selector matches (admins only)",
  permission: "clusters.manage",
  body: newPausePolicyInput,
  response: pausePolicy,
  status: 201,
  errors: [409],
  maxBodyBytes: 4096,
});

export const updatePausePolicyRoute = declareRoute({
  method: "patch",
  path: "/api/pause-policies/{id}",
  summary: "Change a pause policy; pauses already made keep their expiry (admins only)",
  permission: "clusters.manage",
  params: pausePolicyParams,
  body: updatePausePolicyInput,
  response: pausePolicy,
  errors: [409],
  maxBodyBytes: 4096,
});

export const removePausePolicyRoute = declareRoute({
  method: "delete",
  path: "/api/pause-policies/{id}",
  summary: "Remove a pause policy; pauses already made keep their expiry (admins only)",
  permission: "clusters.manage",
  params: pausePolicyParams,
  response: pausePolicy,
});

export const clusterPausePolicyRoute = declareRoute({
  method: "get",
  path: "/api/clusters/{id}/pause-policy",
  summary: "The pause policy that applies to a cluster and its objects: each setting at its strictest among the matching policies",
  permission: "read",
  params: clusterParams,
  response: effectivePausePolicy,
});

export const resumePreviewRoute = declareRoute({
  method: "get",
  path: "/api/clusters/{id}/resume-preview",
  summary: "What resuming a cluster's auto-sync would do: the reconcilers it resumes, the revisions waiting, and what stays paused",
  permission: "read",
  params: clusterParams,
  response: resumePreview,
});

export const pausePolicyRoutes = [listPausePoliciesRoute, addPausePolicyRoute, updatePausePolicyRoute, removePausePolicyRoute, clusterPausePolicyRoute, resumePreviewRoute];
