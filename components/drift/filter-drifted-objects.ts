import type { DriftedObject, ObjectDriftChange } from "@/lib/schemas/drift";

export interface DriftFilters {
  /** "Kind/namespace/name" of a Kustomization or HelmRelease. */
  reconciler: string | null;
  kind: string | null;
  change: ObjectDriftChange | null;
  handOnly: boolean;
}

export const reconcilerKey = (ref: { kind: string; namespace: string; name: string }) => `${ref.kind}/${ref.namespace}/${ref.name}`;

export function filterDriftedObjects(objects: DriftedObject[], filters: DriftFilters): DriftedObject[] {
  return objects.filter(
    (object) =>
      (!filters.reconciler || reconcilerKey(object.reconciler) === filters.reconciler) &&
      (!filters.kind || object.kind === filters.kind) &&
      (!filters.change || object.change === filters.change) &&
      (!filters.handOnly || object.handChange),
  );
}
