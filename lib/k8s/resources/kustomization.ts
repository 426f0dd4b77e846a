import { FluxResource } from "./flux-resource";

/** One entry of status.history (fluxcd/pkg/apis/meta Snapshot), newest first. */
interface KustomizationSnapshot {
  firstReconciled?: string;
  lastReconciled?: string;
  lastReconciledStatus?: string;
  metadata?: { revision?: string };
}

const SUCCEEDED = "ReconciliationSucceeded";

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

  /**
   * When the manifests of the current revision were applied: the succeeded history entry for that
   * revision, so a newer attempt that failed does not count. Flux keeps history per digest of the
   * built manifests and relabels an entry with each revision that builds the same manifests, so
   * this is when these manifests took effect, which can predate the revision itself; its
   * lastReconciled would move on every interval. Without history, the Ready transition.
   */
  get lastAppliedAt(): string | null {
    const revision = this.lastAppliedRevision;
    if (!revision) return null;
    const history = this.object.status?.history as KustomizationSnapshot[] | undefined;
    const applied = history?.find((entry) => entry.lastReconciledStatus === SUCCEEDED && entry.metadata?.revision === revision);
    if (applied?.firstReconciled) return applied.firstReconciled;
    const ready = this.readyCondition;
    return ready?.status === "True" ? ready.lastTransitionTime : null;
  }
}
