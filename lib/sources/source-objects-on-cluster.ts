import type { KubeClient } from "../k8s/client";
import { isKubeError } from "../k8s/kube-error";
import { objectPath, type ObjectRef } from "../drift/object-path";
import type { KubeObject } from "./render-source-objects";
import { FIELD_MANAGER, SOURCE_ID_LABEL } from "./source-labels";
import { stableHash } from "./stable-hash";

/** A request to a cluster during a preview or an apply: short, so one cluster that is down does not hold the others up. */
export const CLUSTER_REQUEST_TIMEOUT_MS = 8_000;

type Live = Record<string, unknown> & { metadata?: { labels?: Record<string, string>; name?: string; namespace?: string } };

function refOf(object: { apiVersion: string; kind: string; metadata: { name: string; namespace: string } }): ObjectRef {
  return { apiVersion: object.apiVersion, kind: object.kind, namespace: object.metadata.namespace, name: object.metadata.name };
}

/** The live object, or null when the cluster has none of that name. */
export async function getLiveObject(client: KubeClient, object: KubeObject): Promise<Live | null> {
  try {
    return await client.request<Live>("GET", await objectPath(client, refOf(object)), { timeoutMs: CLUSTER_REQUEST_TIMEOUT_MS });
  } catch (error) {
    if (isKubeError(error) && error.status === 404) return null;
    throw error;
  }
}

/** Server-side apply with the `syncline` field manager, forced: Syncline owns the fields it sets, and only those. */
export async function serverSideApply<T = Live>(client: KubeClient, object: KubeObject, options: { dryRun?: boolean } = {}): Promise<T> {
  return client.request<T>("PATCH", await objectPath(client, refOf(object)), {
    query: { fieldManager: FIELD_MANAGER, force: true, ...(options.dryRun ? { dryRun: "All" } : {}) },
    contentType: "application/apply-patch+yaml",
    body: object,
    timeoutMs: CLUSTER_REQUEST_TIMEOUT_MS,
  });
}

/** Deletes an object if it is there and labelled as this source's; true when it was deleted. */
export async function deleteOwnedObject(client: KubeClient, ref: ObjectRef, sourceId: string): Promise<boolean> {
  const path = await objectPath(client, ref);
  let live: Live;
  try {
    live = await client.request<Live>("GET", path, { timeoutMs: CLUSTER_REQUEST_TIMEOUT_MS });
  } catch (error) {
    if (isKubeError(error) && error.status === 404) return false;
    throw error;
  }
  if (live.metadata?.labels?.[SOURCE_ID_LABEL] !== sourceId) return false;
  try {
    await client.request("DELETE", path, { timeoutMs: CLUSTER_REQUEST_TIMEOUT_MS });
    return true;
  } catch (error) {
    if (isKubeError(error) && error.status === 404) return false;
    throw error;
  }
}

/**
 * What an out-of-band edit would change: the GitRepository's and Kustomization's spec. `suspend`
 * is left out, since Syncline's own auto-sync switch sets it.
 */
export function specHash(gitRepository: { spec?: unknown } | null | undefined, kustomization: { spec?: unknown } | null | undefined): string {
  const withoutSuspend = (object: { spec?: unknown } | null | undefined) => {
    if (!object) return null;
    const { suspend: _suspend, ...spec } = (object.spec ?? {}) as Record<string, unknown>;
    return spec;
  };
  return stableHash({ gitRepository: withoutSuspend(gitRepository), kustomization: withoutSuspend(kustomization) });
}

/** A cluster that could not be reached at all (no answer), as opposed to one that refused. */
export function isUnreachable(error: unknown): boolean {
  return isKubeError(error) && error.status === undefined;
}
