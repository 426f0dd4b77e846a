import { FluxResource } from "./flux-resource";

export class Kustomization extends FluxResource {
  static readonly kind = "Kustomization" as const;
  static readonly apiVersion = "kustomize.toolkit.fluxcd.io/v1";
  static readonly plural = "kustomizations";
  static readonly namespaced = true;
  static readonly reconciler = true;

  get kind() {
    return Kustomization.kind;
  }

  get lastAppliedRevision(): string | null {
    return (this.object.status?.lastAppliedRevision as string | undefined) ?? null;
  }

  get revision(): string | null {
    return this.lastAppliedRevision;
  }

  /** When the current revision first reached the cluster (history is newest first). */
  get lastAppliedAt(): string | null {
    const history = this.object.status?.history as Array<{ firstReconciled?: string; lastReconciledStatus?: string }> | undefined;
    const applied = history?.find((entry) => entry.lastReconciledStatus === "ReconciliationSucceeded") ?? history?.[0];
    if (applied?.firstReconciled) return applied.firstReconciled;
    const ready = this.readyCondition;
    return this.lastAppliedRevision && ready?.status === "True" ? ready.lastTransitionTime : null;
  }
}
