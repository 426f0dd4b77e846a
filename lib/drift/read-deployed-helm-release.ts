import { createHash } from "node:crypto";
import type { KubeClient } from "../k8s/client";
import type { FluxObject } from "../k8s/resources";
import { decodeHelmRelease, type StoredHelmRelease } from "./decode-helm-release";

interface HelmReleaseSpec {
  releaseName?: string;
  targetNamespace?: string;
  storageNamespace?: string;
}

interface StorageSecret {
  metadata: { name: string; labels?: Record<string, string> };
  data?: { release?: string };
}

/**
 * The release helm-controller last deployed for a HelmRelease, read from Helm's storage: the
 * Secret labelled owner=helm, name=<release>, status=deployed in the storage namespace (Helm keeps
 * one deployed revision; the highest wins should a failed upgrade have left two). null when none
 * is deployed, as for a release that never installed.
 */
export async function readDeployedHelmRelease(client: KubeClient, helmRelease: FluxObject, signal?: AbortSignal): Promise<StoredHelmRelease | null> {
  const storageNamespace = storageNamespaceOf(helmRelease);
  const labelSelector = `owner=helm,name=${releaseNameOf(helmRelease)},status=deployed`;
  const list = await client.request<{ items: StorageSecret[] }>("GET", `/api/v1/namespaces/${encodeURIComponent(storageNamespace)}/secrets`, { query: { labelSelector }, signal });
  const newest = list.items.toSorted((a, b) => versionOf(b) - versionOf(a))[0];
  return newest ? decodeHelmRelease(newest.metadata.name, newest.data?.release ?? "") : null;
}

/** status.storageNamespace, else spec.storageNamespace, else the HelmRelease's own (helm-controller's GetStorageNamespace). */
function storageNamespaceOf(helmRelease: FluxObject): string {
  const spec = (helmRelease.spec ?? {}) as HelmReleaseSpec;
  const fromStatus = helmRelease.status?.storageNamespace;
  return (typeof fromStatus === "string" && fromStatus) || spec.storageNamespace || helmRelease.metadata.namespace || "default";
}

/**
 * The release's name as helm-controller gave it: the one its history records, else spec.releaseName,
 * else `[targetNamespace-]name`, shortened past Helm's 53 characters as internal/release ShortenName does.
 */
function releaseNameOf(helmRelease: FluxObject): string {
  const recorded = (helmRelease.status?.history as Array<{ name?: string }> | undefined)?.[0]?.name;
  if (recorded) return recorded;
  const spec = (helmRelease.spec ?? {}) as HelmReleaseSpec;
  const name = spec.releaseName || (spec.targetNamespace ? `${spec.targetNamespace}-${helmRelease.metadata.name}` : helmRelease.metadata.name);
  if (name.length <= 53) return name;
  return `${name.slice(0, 40)}-${createHash("sha256").update(name).digest("hex").slice(0, 12)}`;
}

const versionOf = (secret: StorageSecret) => Number(secret.metadata.labels?.version ?? 0);
