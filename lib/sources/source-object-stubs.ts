import { GitRepository, Kustomization } from "../k8s/resources";
import { credentialSecretName, type KubeObject, type SourceForRender } from "./render-source-objects";

/** The Secret a source's credentials become, by name only: what a removal looks for. */
export function secretStub(source: SourceForRender): KubeObject {
  return { apiVersion: "v1", kind: "Secret", metadata: { name: credentialSecretName(source.definition.name), namespace: source.definition.namespace, labels: {}, annotations: {} } };
}

/** The GitRepository and Kustomization as named on every cluster, whatever the cluster's labels. */
export function renderedStubs(source: SourceForRender): KubeObject[] {
  const { name, namespace } = source.definition;
  return [
    { apiVersion: GitRepository.apiVersion, kind: "GitRepository", metadata: { name, namespace, labels: {}, annotations: {} } },
    { apiVersion: Kustomization.apiVersion, kind: "Kustomization", metadata: { name, namespace, labels: {}, annotations: {} } },
  ];
}

/** An object's reference for a request. */
export function stubRef(object: { apiVersion: string; kind: string; metadata: { name: string; namespace: string } }) {
  return { apiVersion: object.apiVersion, kind: object.kind, namespace: object.metadata.namespace, name: object.metadata.name };
}
