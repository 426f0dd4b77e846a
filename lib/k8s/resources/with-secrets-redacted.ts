import type { FluxKind } from "../../fleet/dto";
import type { FluxObject } from "./flux-resource";
import { HelmRelease } from "./helm-release";

/**
 * A Flux object as it may be shown to a viewer or kept at rest: whatever its kind may carry in
 * clear (a HelmRelease's chart values) is redacted. Other kinds pass through unchanged.
 */
export function withSecretsRedacted(kind: FluxKind, object: FluxObject): FluxObject {
  return kind === HelmRelease.kind ? HelmRelease.withValuesRedacted(object) : object;
}
