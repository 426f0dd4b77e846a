import { matchesLabelSelector } from "./matches-label-selector";

/**
 * A Kustomization's `spec.ignore` rule (kustomize-controller v1.9, Flux 2.9), also the shape of a
 * HelmRelease's `spec.driftDetection.ignore`: JSON pointers (RFC 6901) left out of drift, for the
 * objects its target selects (every object without a target). Target fields other than the
 * selectors are regular expressions matched against the whole value.
 */
export interface DriftIgnoreRule {
  paths: string[];
  target?: {
    group?: string;
    version?: string;
    kind?: string;
    name?: string;
    namespace?: string;
    annotationSelector?: string;
    labelSelector?: string;
  } | null;
}

type KubeObject = Record<string, unknown>;

/**
 * The JSON pointers the rules ignore on an object, selected against `matchObject` (the dry-run
 * result, as fluxcd/pkg ssa does, so both sides are stripped on the same decision). A root
 * pointer ("") means the whole object is ignored.
 */
export function ignoredPointers(rules: readonly DriftIgnoreRule[], matchObject: KubeObject): string[] {
  return rules.filter((rule) => selects(rule.target, matchObject)).flatMap((rule) => rule.paths);
}

function selects(target: DriftIgnoreRule["target"], object: KubeObject): boolean {
  if (!target) return true;
  const metadata = (object.metadata ?? {}) as { name?: string; namespace?: string; labels?: Record<string, string>; annotations?: Record<string, string> };
  const apiVersion = typeof object.apiVersion === "string" ? object.apiVersion : "";
  const [group, version] = apiVersion.includes("/") ? apiVersion.split("/") : ["", apiVersion];
  const matches = (pattern: string | undefined, value: string | undefined) => !pattern || anchored(pattern)?.test(value ?? "") === true;
  return (
    matches(target.group, group) &&
    matches(target.version, version) &&
    matches(target.kind, object.kind as string | undefined) &&
    matches(target.name, metadata.name) &&
    matches(target.namespace, metadata.namespace) &&
    (!target.labelSelector || matchesLabelSelector(target.labelSelector, metadata.labels)) &&
    (!target.annotationSelector || matchesLabelSelector(target.annotationSelector, metadata.annotations))
  );
}

/** Go's RE2 and JavaScript agree on the syntax rules use; one that JavaScript rejects selects nothing. */
function anchored(pattern: string): RegExp | null {
  try {
    return new RegExp(`^(?:${pattern})$`);
  } catch {
    return null;
  }
}
