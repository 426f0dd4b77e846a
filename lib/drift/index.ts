/**
 * Object drift building blocks, shared by Kustomizations and HelmReleases: `dryRunApply` gives
 * what a field manager's apply would make of an object; `compareObject` diffs that with the live
 * object as `flux diff` does and attributes each field from the live managedFields (`fieldOwner`
 * alone for one path); `objectSides` gives both sides as compared (Secret values masked) for
 * display; `objectPath` resolves any kind's REST path through discovery.
 */
export { compareObject, type CompareObjectInput } from "./compare-object";
export { computeKustomizationDrift } from "./kustomization-drift";
export { computeHelmReleaseDrift } from "./helm-release-drift";
export { dryRunApply } from "./dry-run-apply";
export type { DriftIgnoreRule } from "./drift-ignore-rules";
export { FLUX_FIELD_MANAGERS, fieldOwner, type FieldOwner } from "./field-owners";
export { findFluxCli } from "./find-flux-cli";
export { handChangedFields } from "./hand-changed-fields";
export { objectPath, type ObjectRef } from "./object-path";
export { objectSides, SECRET_MASK, type ComparedSides } from "./object-sides";
export { renderKustomization, type RenderKustomizationInput } from "./render-kustomization";
export { KUSTOMIZE_DIFF_SELECTORS, shouldSkipDiff, type DiffSelectors } from "./should-skip-diff";
export { checkoutSource } from "./checkout-source";
export { computeRevisionDrift } from "./revision-drift";
export { sourceCredentials } from "./source-credentials";
export { computeClusterDrift, objectKeyOf, RECONCILERS_AT_ONCE, type ComparedObject, type ComputedClusterDrift, type DriftEngine } from "./compute-cluster-drift";
export { getClusterDrift } from "./get-cluster-drift";
export { getObjectDrift } from "./get-object-drift";
export { listDriftHistory } from "./list-drift-history";
export { listDriftSummaries } from "./list-drift-summaries";
export { requestDriftRefresh } from "./request-drift-refresh";
export { startDriftCollector, type DriftCollector, type DriftCollectorOptions } from "./start-drift-collector";
export { storeDriftReport } from "./store-drift-report";
