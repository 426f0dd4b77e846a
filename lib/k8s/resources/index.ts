import { AppError } from "../../errors/app-error";
import type { FluxKind, FluxObjectSummary } from "../../fleet/dto";
import { Bucket } from "./bucket";
import type { FluxModelClass, FluxObject, FluxResource } from "./flux-resource";
import { GitRepository } from "./git-repository";
import { HelmChart } from "./helm-chart";
import { HelmRelease } from "./helm-release";
import { HelmRepository } from "./helm-repository";
import { Kustomization } from "./kustomization";
import { OCIRepository } from "./oci-repository";

export { Bucket, GitRepository, HelmChart, HelmRelease, HelmRepository, Kustomization, OCIRepository };
export type { FluxModelClass, FluxObject, FluxResource };
export * from "./suspension-annotations";

/** Sources first: reconciling a source before its reconcilers lets them see its new artifact. */
export const fluxModels: readonly FluxModelClass[] = [GitRepository, OCIRepository, HelmRepository, HelmChart, Bucket, Kustomization, HelmRelease];

const byKind = new Map<string, FluxModelClass>(fluxModels.map((model) => [model.kind, model]));
const byLowerKind = new Map<string, FluxModelClass>(fluxModels.flatMap((model) => [[model.kind.toLowerCase(), model], [model.plural, model]]));

export function isFluxKind(kind: string): kind is FluxKind {
  return byKind.has(kind);
}

/** Accepts "Kustomization", "kustomization" or "kustomizations", as URLs and kubectl users write them. */
export function modelFor(kind: string): FluxModelClass | undefined {
  return byKind.get(kind) ?? byLowerKind.get(kind.toLowerCase());
}

export function resourceOf(kind: FluxKind, object: FluxObject): FluxResource {
  return new (byKind.get(kind)!)(object);
}

/**
 * The path of a kind's collection, across all namespaces or in one. Every segment is encoded, so
 * a namespace or name can never add segments, a query or a fragment to the request.
 */
export function collectionPath(model: FluxModelClass, namespace?: string): string {
  const [group, version] = model.apiVersion.split("/");
  const segments = ["apis", group!, version!, ...(namespace === undefined ? [] : ["namespaces", namespace]), model.plural];
  return `/${segments.map(pathSegment).join("/")}`;
}

export function objectPath(model: FluxModelClass, namespace: string, name: string): string {
  return `${collectionPath(model, namespace)}/${pathSegment(name)}`;
}

/** URL parsers resolve "." and ".." (and their %2e forms) however they are encoded, so those are refused. */
function pathSegment(value: string): string {
  if (value === "" || value === "." || value === "..") throw new AppError("validation_failed", `"${value}" cannot be part of a Kubernetes API path`);
  return encodeURIComponent(value);
}

export function summarize(resource: FluxResource, stale: boolean): FluxObjectSummary {
  const ready = resource.readyCondition;
  return {
    kind: resource.kind,
    namespace: resource.namespace,
    name: resource.name,
    state: resource.state,
    retrying: resource.retrying,
    readyStatus: ready?.status === "True" || ready?.status === "False" ? ready.status : "Unknown",
    reason: ready?.reason ?? null,
    message: ready?.message ?? null,
    revision: resource.revision,
    lastAppliedAt: resource.appliedAt,
    suspended: resource.suspended,
    suspension: resource.suspension,
    sourceRef: resource.sourceRef,
    stale,
  };
}
