import type { SuspensionInfo } from "../../fleet/dto";

/**
 * Syncline writes who suspended an object, why and until when onto the object itself, so
 * kubectl and flux users see it too (`kubectl get ks -o yaml`). An object that is suspended
 * without these annotations was suspended by someone else.
 */
export const SUSPENDED_BY = "syncline.io/suspended-by";
export const SUSPEND_REASON = "syncline.io/suspend-reason";
export const SUSPENDED_UNTIL = "syncline.io/suspended-until";
export const SUSPENDED_AT = "syncline.io/suspended-at";
/** Flux reconciles an object as soon as this annotation's value changes. */
export const RECONCILE_REQUESTED_AT = "reconcile.fluxcd.io/requestedAt";

export interface SuspendRequest {
  by: string;
  reason: string | null;
  until: Date | null;
  at: Date;
}

/** Merge patches: a null value removes an annotation. */
type AnnotationPatch = Record<string, string | null>;

export const suspensionAnnotations = {
  read(annotations: Record<string, string>): SuspensionInfo {
    const at = annotations[SUSPENDED_AT] ?? null;
    return {
      by: annotations[SUSPENDED_BY] ?? null,
      reason: annotations[SUSPEND_REASON] ?? null,
      until: annotations[SUSPENDED_UNTIL] ?? null,
      at,
      outsideSyncline: at === null,
    };
  },

  /** True when the object already carries exactly this suspension, so patching would change nothing. */
  matches(suspended: boolean, annotations: Record<string, string>, request: Omit<SuspendRequest, "at" | "by">): boolean {
    if (!suspended || !annotations[SUSPENDED_AT]) return false;
    return (annotations[SUSPEND_REASON] ?? null) === request.reason && (annotations[SUSPENDED_UNTIL] ?? null) === (request.until?.toISOString() ?? null);
  },

  suspend(request: SuspendRequest): AnnotationPatch {
    return {
      [SUSPENDED_BY]: request.by,
      [SUSPEND_REASON]: request.reason,
      [SUSPENDED_UNTIL]: request.until?.toISOString() ?? null,
      [SUSPENDED_AT]: request.at.toISOString(),
    };
  },

  resume(at: Date): AnnotationPatch {
    return { [SUSPENDED_BY]: null, [SUSPEND_REASON]: null, [SUSPENDED_UNTIL]: null, [SUSPENDED_AT]: null, [RECONCILE_REQUESTED_AT]: at.toISOString() };
  },
};
