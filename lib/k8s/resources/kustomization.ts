import { FluxResource } from "./flux-resource";

/** One entry of status.history (fluxcd/pkg/apis/meta Snapshot), newest first. */
interface KustomizationSnapshot {
  digest?: string;
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

  private get history(): KustomizationSnapshot[] {
    return (this.object.status?.history as KustomizationSnapshot[] | undefined) ?? [];
  }

  /** The succeeded history entry for the applied revision: a newer attempt that failed does not count. */
  private get appliedEntry(): KustomizationSnapshot | undefined {
    const revision = this.lastAppliedRevision;
    return revision ? this.history.find((entry) => entry.lastReconciledStatus === SUCCEEDED && entry.metadata?.revision === revision) : undefined;
  }

  /**
   * Flux keeps history per digest of the built manifests and relabels an entry with each revision
   * that builds the same manifests, keeping its firstReconciled: for a commit that leaves these
   * manifests alone, that time predates the commit. Seen alone, the object cannot tell a relabelled
   * entry from a new one, so this is the best it says. The Ready condition's transition is never
   * used: it does not move when a new revision applies cleanly.
   */
  get lastAppliedAt(): string | null {
    return this.appliedEntry?.firstReconciled ?? null;
  }

  /**
   * Seen as it changes revision, the entry tells: a new digest was first reconciled with this
   * revision; a relabelled one was last reconciled by the run that applied it.
   */
  override appliedAtAfter(previous: FluxResource): string | null {
    const entry = this.appliedEntry;
    if (!entry) return null;
    const before = previous instanceof Kustomization ? previous.history : [];
    const relabelled = entry.digest !== undefined && before.some((old) => old.digest === entry.digest);
    return (relabelled ? entry.lastReconciled : entry.firstReconciled) ?? null;
  }
}
