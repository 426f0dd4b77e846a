import {
  adoptSourcesInput,
  applySourceInput,
  existingFluxSourceList,
  newSourceInput,
  source,
  sourceApplyResult,
  sourceList,
  sourceParams,
  sourcePreview,
  updateSourceInput,
} from "../../schemas/sources";
import { declareRoute } from "../declare-route";

// GitOps sources: define once, preview, apply to every targeted cluster. Storing and applying are two steps.

export const listSourcesRoute = declareRoute({
  method: "get",
  path: "/api/sources",
  summary: "GitOps sources with their definition and each cluster's rollout (pending, applied, fetched, reconciled at a revision, failing, unreachable, differs)",
  permission: "read",
  response: sourceList,
});

export const createSourceRoute = declareRoute({
  method: "post",
  path: "/api/sources",
  summary: "Store a source's definition (URL, ref, path, targets, credentials); nothing reaches a cluster until it is previewed and applied (admins only)",
  permission: "sources.manage",
  body: newSourceInput,
  maxBodyBytes: 128 * 1024,
  response: source,
  status: 201,
  errors: [409],
});

export const listExistingFluxSourcesRoute = declareRoute({
  method: "get",
  path: "/api/sources/existing",
  summary: "Flux GitRepositories Syncline did not create, grouped by repository URL across clusters, read-only, with whether each group can be adopted",
  permission: "read",
  response: existingFluxSourceList,
});

export const adoptSourcesRoute = declareRoute({
  method: "post",
  path: "/api/sources/adopt",
  summary: "Turn a group of existing Flux sources (one repository URL) into a Syncline source without recreating the objects (admins only)",
  permission: "sources.manage",
  body: adoptSourcesInput,
  maxBodyBytes: 4096,
  response: sourceApplyResult,
  status: 201,
  errors: [404, 409],
});

export const getSourceRoute = declareRoute({
  method: "get",
  path: "/api/sources/{id}",
  summary: "One source with its definition and each cluster's rollout",
  permission: "read",
  params: sourceParams,
  response: source,
  errors: [404],
});

export const updateSourceRoute = declareRoute({
  method: "patch",
  path: "/api/sources/{id}",
  summary: "Change a source's definition; like a new one it reaches clusters only when previewed and applied (admins only)",
  permission: "sources.manage",
  params: sourceParams,
  body: updateSourceInput,
  maxBodyBytes: 128 * 1024,
  response: source,
  errors: [404, 409],
});

export const deleteSourceRoute = declareRoute({
  method: "delete",
  path: "/api/sources/{id}",
  summary: "Delete a source: its objects are removed from every cluster (with prune, Flux deletes the workloads); a cluster that is down is cleaned when it returns (admins only)",
  permission: "sources.manage",
  params: sourceParams,
  response: source,
  errors: [404],
});

export const previewSourceRoute = declareRoute({
  method: "post",
  path: "/api/sources/{id}/preview",
  summary: "What applying the source would do per cluster (create, update, remove, unchanged, invalid), with rendered values and object diffs, and the planHash that confirms it (admins only)",
  permission: "sources.manage",
  params: sourceParams,
  response: sourcePreview,
  errors: [404, 409],
});

export const applySourceRoute = declareRoute({
  method: "post",
  path: "/api/sources/{id}/apply",
  summary: "Apply the previewed plan with server-side apply (field manager syncline); refused without the preview's planHash or when the plan changed since (admins only)",
  permission: "sources.manage",
  params: sourceParams,
  body: applySourceInput,
  maxBodyBytes: 64 * 1024,
  response: sourceApplyResult,
  errors: [404, 409],
});

export const sourceRoutes = [listSourcesRoute, createSourceRoute, listExistingFluxSourcesRoute, adoptSourcesRoute, getSourceRoute, updateSourceRoute, deleteSourceRoute, previewSourceRoute, applySourceRoute];
