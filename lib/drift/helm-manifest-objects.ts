import { parseAllDocuments } from "yaml";
import { AppError } from "../errors/app-error";

/** A manifest object as the API takes it in a server-side apply. */
export interface ManifestObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string>; annotations?: Record<string, string> } & Record<string, unknown>;
  [field: string]: unknown;
}

/** Whether objects of this kind live in a namespace; from the API server's discovery. */
export type IsNamespaced = (apiVersion: string, kind: string) => boolean;

/** Looks up, for the API versions a manifest uses, which kinds are namespaced (discovery). */
export type NamespacedKindsOf = (apiVersions: string[]) => Promise<IsNamespaced>;

/**
 * The objects of a Helm release's manifest as helm-controller's drift detection applies them
 * (internal/action/diff.go): each gets the ownership metadata Helm stamps on what it creates, and a
 * namespaced object without a namespace lands in the release's namespace.
 */
export async function helmManifestObjects(manifest: string, release: { name: string; namespace: string }, namespacedKindsOf: NamespacedKindsOf): Promise<ManifestObject[]> {
  const objects: ManifestObject[] = [];
  for (const doc of parseAllDocuments(manifest)) {
    if (doc.errors.length > 0) throw new AppError("internal", `The manifest of Helm release ${release.namespace}/${release.name} is not valid YAML: ${doc.errors[0]!.message}`);
    const value: unknown = doc.toJS();
    if (value !== null && value !== undefined) objects.push(manifestObject(value, release));
  }
  const isNamespaced = await namespacedKindsOf([...new Set(objects.map((object) => object.apiVersion))]);
  return objects.map((object) => {
    const labels = { ...object.metadata.labels, "app.kubernetes.io/managed-by": "Helm" };
    const annotations = { ...object.metadata.annotations, "meta.helm.sh/release-name": release.name, "meta.helm.sh/release-namespace": release.namespace };
    const namespace = object.metadata.namespace || (isNamespaced(object.apiVersion, object.kind) ? release.namespace : undefined);
    return { ...object, metadata: { ...object.metadata, labels, annotations, ...(namespace ? { namespace } : {}) } };
  });
}

function manifestObject(value: unknown, release: { name: string; namespace: string }): ManifestObject {
  const object = value as Partial<ManifestObject>;
  if (typeof object.apiVersion !== "string" || typeof object.kind !== "string" || typeof object.metadata?.name !== "string") {
    throw new AppError("internal", `The manifest of Helm release ${release.namespace}/${release.name} holds a document without apiVersion, kind and metadata.name`);
  }
  return object as ManifestObject;
}
