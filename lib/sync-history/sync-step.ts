import type { FluxKind } from "../fleet/dto";
import type { SyncPhase } from "../schemas/timeline";

/** One step in a Flux object's path, derived from the object alone (lib/sync-history/sync-steps-of.ts). */
export interface SyncStep {
  kind: FluxKind;
  namespace: string;
  name: string;
  /** The source the object reads: itself for a Git, OCI or Helm repository or a Bucket, the chart's source for a HelmChart. */
  sourceKind: string;
  sourceNamespace: string;
  sourceName: string;
  sourceUrl: string | null;
  phase: SyncPhase;
  /** Flux's revision: an artifact's ("main@sha1:…", "sha256:…", a chart version), a Kustomization's applied revision, a HelmRelease's chart version; "" when Flux names none. */
  revision: string;
  message: string;
  /** Flux's own timestamp for the step, never the moment Syncline saw it. */
  at: Date;
  /** The object shows this step as its state now; otherwise the step is read back from its `.status.history`. */
  current: boolean;
  /**
   * Flux keeps a Kustomization's history per digest of the built manifests and relabels an entry
   * with each revision that builds the same ones, keeping its firstReconciled. A step dated by that
   * time alone may be such a relabelled entry, whose revision was applied later: it is the same
   * apply as one recorded for its revision at or after that time.
   */
  oncePerRevision: boolean;
  /**
   * For a failure or a start of work: what stays the same while Flux retries (it flips Ready to
   * Unknown and back on every retry, with a new transition time). A step whose signature equals the
   * object's last one of that phase is a repeat. Null for fetches and applies, which the key dedupes.
   */
  repeatSignature: string | null;
}

/** The identity of a step in the database: the unique key of SyncRecord without the cluster. */
export function stepKey(step: Pick<SyncStep, "kind" | "namespace" | "name" | "phase" | "revision" | "at">): string {
  return `${step.kind}/${step.namespace}/${step.name}/${step.phase}/${step.revision}/${step.at.toISOString()}`;
}
