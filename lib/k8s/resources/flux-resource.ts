import type { FluxCondition, FluxKind, ObjectRef, ObjectState, SuspensionInfo } from "../../fleet/dto";
import { suspensionAnnotations } from "./suspension-annotations";

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
  abstract get lastAppliedAt(): string | null;

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

  /** A suspended object is never "ready": whatever its last condition says, nothing is applied now. */
  get state(): ObjectState {
    if (this.suspended) return "suspended";
    const ready = this.readyCondition;
    if (!ready) return "unknown";
    const reconciling = this.conditions.some((c) => c.type === "Reconciling" && c.status === "True");
    const stalled = this.conditions.some((c) => c.type === "Stalled" && c.status === "True");
    if (ready.status === "True") return reconciling ? "progressing" : "ready";
    if (ready.status === "Unknown") return stalled ? "failing" : "progressing";
    return reconciling && !stalled ? "progressing" : "failing";
  }

  get suspension(): SuspensionInfo | null {
    return this.suspended ? suspensionAnnotations.read(this.annotations) : null;
  }

  protected get artifact(): { revision?: string; lastUpdateTime?: string } | undefined {
    return this.object.status?.artifact as { revision?: string; lastUpdateTime?: string } | undefined;
  }
}
