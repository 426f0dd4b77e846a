import { AppError } from "../errors/app-error";
import type { KubeClient } from "../k8s/client";
import { discoverApiResources, type ApiResources } from "./discover-api-resources";

export interface ObjectRef {
  apiVersion: string;
  kind: string;
  /** "" or absent for cluster-scoped objects. */
  namespace?: string;
  name: string;
}

/** Discovery per client and API version: kinds do not move between calls of one computation. */
const discovered = new WeakMap<KubeClient, Map<string, Promise<ApiResources>>>();

/**
 * The REST path of any object (core, apps, a custom resource), from the API server's discovery:
 * the plural and whether the kind is namespaced are the server's, never guessed from the kind.
 * Throws AppError `unknown_kind` when the server does not serve the kind.
 */
export async function objectPath(client: KubeClient, ref: ObjectRef, signal?: AbortSignal): Promise<string> {
  let byVersion = discovered.get(client);
  if (!byVersion) discovered.set(client, (byVersion = new Map()));
  let resources = byVersion.get(ref.apiVersion);
  if (!resources) {
    resources = discoverApiResources(client, [ref.apiVersion], signal);
    // A failed discovery (an unreachable server) is asked again next time.
    resources.catch(() => byVersion.delete(ref.apiVersion));
    byVersion.set(ref.apiVersion, resources);
  }
  const resource = (await resources).find(ref.apiVersion, ref.kind);
  if (!resource) throw new AppError("unknown_kind", `${client.cluster} does not serve ${ref.kind} in ${ref.apiVersion}`);
  if (resource.namespaced && !ref.namespace) throw new AppError("validation_failed", `${ref.kind} ${ref.name} has no namespace`);
  const base = ref.apiVersion.includes("/") ? ["apis", ...ref.apiVersion.split("/")] : ["api", ref.apiVersion];
  const scope = resource.namespaced ? ["namespaces", ref.namespace!] : [];
  return `/${[...base, ...scope, resource.plural, ref.name].map(segment).join("/")}`;
}

/** URL parsers resolve "." and ".." however they are encoded, so those are refused. */
function segment(value: string): string {
  if (value === "" || value === "." || value === "..") throw new AppError("validation_failed", `"${value}" cannot be part of a Kubernetes API path`);
  return encodeURIComponent(value);
}
