import { GitRepository, Kustomization } from "../k8s/resources";
import type { SourceDefinition } from "../schemas/sources";
import { renderTemplate, type TemplateCluster } from "./render-template";
import { MANAGED_BY, MANAGED_BY_LABEL, SOURCE_ID_LABEL, SOURCE_NAME_ANNOTATION } from "./source-labels";
import { stableHash } from "./stable-hash";

export type KubeObject = { apiVersion: string; kind: "GitRepository" | "Kustomization" | "Secret"; metadata: { name: string; namespace: string; labels: Record<string, string>; annotations: Record<string, string> } } & Record<string, unknown>;

export interface SourceForRender {
  id: string;
  definition: SourceDefinition;
  /** The credential's identity and version (id, fingerprint, rotation): a rotation changes the rendered hash, the secret never enters it. */
  credentialVersion: string | null;
}

export interface RenderedSource {
  ok: true;
  rendered: { path: string; substitute: Record<string, string> };
  /** Secret (with credentials) first, then GitRepository, then Kustomization: the order they are applied in. The Secret has no data here. */
  objects: KubeObject[];
  /** Changes whenever what Syncline would apply on the cluster changes. */
  hash: string;
}

export type SourceRendering = RenderedSource | { ok: false; missingLabels: string[] };

/** The Secret's name on every cluster. */
export function credentialSecretName(sourceName: string): string {
  return `${sourceName}-git-auth`;
}

/**
 * The Flux objects of a source on one cluster, with the path and substitute values rendered from
 * the cluster's name and labels. A label a template needs and the cluster lacks makes the cluster
 * no valid target; the answer names every such label.
 */
export function renderSourceObjects(source: SourceForRender, cluster: TemplateCluster): SourceRendering {
  const { definition } = source;
  const missing = new Set<string>();
  const render = (text: string) => {
    const result = renderTemplate(text, cluster);
    if (result.ok) return result.text;
    for (const label of result.missingLabels) missing.add(label);
    return "";
  };
  const path = render(definition.path);
  const substitute = Object.fromEntries(Object.entries(definition.postBuild?.substitute ?? {}).map(([key, value]) => [key, render(value)]));
  if (missing.size > 0) return { ok: false, missingLabels: [...missing].sort() };

  const metadata = (name: string) => ({
    name,
    namespace: definition.namespace,
    labels: { [MANAGED_BY_LABEL]: MANAGED_BY, [SOURCE_ID_LABEL]: source.id },
    annotations: { [SOURCE_NAME_ANNOTATION]: definition.name },
  });
  const secretName = source.credentialVersion ? credentialSecretName(definition.name) : null;
  const objects: KubeObject[] = [];
  if (secretName) objects.push({ apiVersion: "v1", kind: "Secret", metadata: metadata(secretName), type: "Opaque" });
  objects.push({
    apiVersion: GitRepository.apiVersion,
    kind: "GitRepository",
    metadata: metadata(definition.name),
    spec: { interval: definition.interval, url: definition.url, ref: definition.ref, ...(secretName ? { secretRef: { name: secretName } } : {}) },
  });
  objects.push({
    apiVersion: Kustomization.apiVersion,
    kind: "Kustomization",
    metadata: metadata(definition.name),
    spec: {
      interval: definition.interval,
      path,
      prune: definition.prune,
      sourceRef: { kind: "GitRepository", name: definition.name },
      ...(definition.targetNamespace ? { targetNamespace: definition.targetNamespace } : {}),
      ...(definition.timeout ? { timeout: definition.timeout } : {}),
      ...(definition.retryInterval ? { retryInterval: definition.retryInterval } : {}),
      ...(definition.dependsOn.length > 0 ? { dependsOn: definition.dependsOn } : {}),
      ...(Object.keys(substitute).length > 0 ? { postBuild: { substitute } } : {}),
    },
  });
  return { ok: true, rendered: { path, substitute }, objects, hash: stableHash({ objects, credential: source.credentialVersion }) };
}
