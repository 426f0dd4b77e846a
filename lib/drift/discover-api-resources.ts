import type { KubeClient } from "../k8s/client";
import { isKubeError } from "../k8s/kube-error";

/** How the API serves one kind: its URL segment and whether objects of it live in a namespace. */
export interface ApiResource {
  plural: string;
  namespaced: boolean;
}

/** The kinds of some API versions, as the API server's discovery lists them. */
export interface ApiResources {
  /** null when the server does not serve this kind in this API version. */
  find(apiVersion: string, kind: string): ApiResource | null;
}

interface ApiResourceList {
  resources?: Array<{ name: string; kind: string; namespaced: boolean }>;
}

const NOTHING_SERVED: ApiResourceList = {};

/**
 * One discovery request per API version (`/api/v1`, `/apis/<group>/<version>`), as kubectl's and
 * controller-runtime's REST mappers ask. An API version the server does not serve lists nothing.
 */
export async function discoverApiResources(client: KubeClient, apiVersions: readonly string[], signal?: AbortSignal): Promise<ApiResources> {
  const byKind = new Map<string, ApiResource>();
  await Promise.all(
    [...new Set(apiVersions)].map(async (apiVersion) => {
      const path = apiVersion.includes("/") ? `/apis/${apiVersion}` : `/api/${apiVersion}`;
      const list = await client.request<ApiResourceList>("GET", path, { signal }).catch((error: unknown) => {
        if (isKubeError(error) && error.status === 404) return NOTHING_SERVED;
        throw error;
      });
      for (const resource of list.resources ?? []) {
        if (!resource.name.includes("/")) byKind.set(`${apiVersion}/${resource.kind}`, { plural: resource.name, namespaced: resource.namespaced });
      }
    }),
  );
  return { find: (apiVersion, kind) => byKind.get(`${apiVersion}/${kind}`) ?? null };
}
