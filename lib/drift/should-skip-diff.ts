/** Labels or annotations (key: value, compared without case) that take an object out of a diff. */
export interface DiffSelectors {
  /** On the desired or the live object: never compared. */
  exclusions: Record<string, string>;
  /** On the desired object: applied only when the object does not exist yet. */
  ifNotPresent: Record<string, string>;
}

/** What `flux diff kustomization` passes to fluxcd/pkg ssa (flux2 internal/build/diff.go). */
export const KUSTOMIZE_DIFF_SELECTORS: DiffSelectors = {
  exclusions: { "kustomize.toolkit.fluxcd.io/reconcile": "disabled", "kustomize.toolkit.fluxcd.io/ssa": "ignore" },
  ifNotPresent: { "kustomize.toolkit.fluxcd.io/ssa": "ifnotpresent" },
};

type KubeObject = { metadata?: { uid?: string; labels?: Record<string, string>; annotations?: Record<string, string> } };

/**
 * Whether Flux leaves the object out of its diff, as fluxcd/pkg ssa's shouldSkipDiff decides: an
 * exclusion on either side, or "if not present" on the desired object when the live one exists.
 */
export function shouldSkipDiff(desired: KubeObject, live: KubeObject | null, selectors: DiffSelectors = KUSTOMIZE_DIFF_SELECTORS): boolean {
  if (anyInMetadata(desired, selectors.exclusions) || (live && anyInMetadata(live, selectors.exclusions))) return true;
  return Boolean(live?.metadata?.uid) && anyInMetadata(desired, selectors.ifNotPresent);
}

function anyInMetadata(object: KubeObject, selector: Record<string, string>): boolean {
  const labels = object.metadata?.labels ?? {};
  const annotations = object.metadata?.annotations ?? {};
  return Object.entries(selector).some(([key, value]) => [labels[key], annotations[key]].some((found) => !!found && found.toLowerCase() === value.toLowerCase()));
}
