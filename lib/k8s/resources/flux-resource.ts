import type { FluxCondition, FluxKind, ObjectRef, ObjectState, SuspensionInfo } from "../../fleet/dto";
import { suspensionAnnotations } from "./suspension-annotations";

const PROGRESSING_WITH_RETRY = "ProgressingWithRetry";

/** The parts of a Flux object Syncline reads; everything else passes through untouched. */
export interface FluxObject {
  apiVersion?: string;
  kind?: string;
  metadata: {
    name: string;
    namespace?: string;
    uid?: string;
    resourceVersion?: string;
    generation?: number;
    annotations?: Record<string, string>;
    labels?: Record<string, string>;
    managedFields?: unknown;
    [key: string]: unknown;
  };
  spec?: Record<string, unknown> & { suspend?: boolean };
  status?: Record<string, unknown> & {
    conditions?: Array<{ type: string; status: string; reason?: string; message?: string; lastTransitionTime?: string }>;
    observedGeneration?: number;
  };
  /**
   * Syncline's own note, kept with the object in the store and its snapshot: when the thing the
   * object has applied now (see FluxResource.appliedIdentity) was applied, as first established.
   */
  syncline?: AppliedNote;
}

export interface AppliedNote {
  applied: string;
  appliedAt: string;
}

export interface FluxModelClass {
  readonly kind: FluxKind;
  readonly apiVersion: string;
  readonly plural: string;
  readonly namespaced: boolean;
  readonly reconciler: boolean;
  new (object: FluxObject): FluxResource;
}

/**
 * Typed getters over one Flux object, shared by every kind. Subclasses add what differs: the
 * revision they report, their source reference and when they last applied.
 */
export abstract class FluxResource {
  constructor(readonly object: FluxObject) {}

  abstract get kind(): FluxKind;
  abstract get revision(): string | null;
  /** When the current revision was applied, as far as the object alone tells; null when it cannot. */
  abstract get lastAppliedAt(): string | null;

  /** What the object has applied now (a revision, a release); a new value means a new applied time. */
  get appliedIdentity(): string | null {
    return this.revision;
  }

  /**
   * When the current application took place, seen as a change from `previous` (the same object as
   * held before, which had applied something else or nothing): the object at that moment can tell
   * more than it will later. Null when it cannot say; the watcher then records when it saw it.
   */
  appliedAtAfter(_previous: FluxResource): string | null {
    return this.lastAppliedAt;
  }

  /** When the current revision was applied: the note kept for it, else what the object tells. */
  get appliedAt(): string | null {
    const note = this.object.syncline;
    return note && note.applied === this.appliedIdentity ? note.appliedAt : this.lastAppliedAt;
  }

  get sourceRef(): ObjectRef | null {
    const ref = this.object.spec?.sourceRef as { kind?: string; name?: string; namespace?: string } | undefined;
    return ref?.kind && ref.name ? { kind: ref.kind, name: ref.name, namespace: ref.namespace ?? this.namespace } : null;
  }

  get name(): string {
    return this.object.metadata.name;
  }

  get namespace(): string {
    return this.object.metadata.namespace ?? "";
  }

  get annotations(): Record<string, string> {
    return this.object.metadata.annotations ?? {};
  }

  get suspended(): boolean {
    return this.object.spec?.suspend === true;
  }

  get conditions(): FluxCondition[] {
    return (this.object.status?.conditions ?? []).map((c) => ({
      type: c.type,
      status: c.status,
      reason: c.reason ?? null,
      message: c.message ?? null,
      lastTransitionTime: c.lastTransitionTime ?? null,
    }));
  }

  get readyCondition(): FluxCondition | undefined {
    return this.conditions.find((c) => c.type === "Ready");
  }

  get ready(): boolean {
    return !this.suspended && this.readyCondition?.status === "True";
  }

  /**
   * A suspended object is never "ready": whatever its last condition says, nothing is applied now.
   * Ready=False is failing even while Flux retries (Reconciling=True), and so is a retry that has
   * reset Ready to Unknown: "progressing" is kept for a first reconcile or a new revision on its
   * way, which Flux reports as Ready=Unknown. Ready=True stays ready during a routine re-check.
   */
  get state(): ObjectState {
    if (this.suspended) return "suspended";
    const ready = this.readyCondition;
    if (!ready) return "unknown";
    if (ready.status === "True") return "ready";
    if (ready.status === "False" || this.isTrue("Stalled") || this.retrying) return "failing";
    return "progressing";
  }

  /**
   * Flux is at work again on an object whose last attempt failed: Reconciling=True beside
   * Ready=False, or with the ProgressingWithRetry reason once a retry has reset Ready. A stalled
   * object is not retried.
   */
  get retrying(): boolean {
    const reconciling = this.conditions.find((c) => c.type === "Reconciling" && c.status === "True");
    if (!reconciling || this.suspended || this.isTrue("Stalled")) return false;
    return this.readyCondition?.status === "False" || reconciling.reason === PROGRESSING_WITH_RETRY;
  }

  private isTrue(type: string): boolean {
    return this.conditions.some((c) => c.type === type && c.status === "True");
  }

  get suspension(): SuspensionInfo | null {
    return this.suspended ? suspensionAnnotations.read(this.annotations) : null;
  }

  protected get artifact(): { revision?: string; lastUpdateTime?: string } | undefined {
    return this.object.status?.artifact as { revision?: string; lastUpdateTime?: string } | undefined;
  }
}
