import type { FluxObject } from "../k8s/resources";

/** One object of a Kustomization's status.inventory. */
export interface InventoryEntry {
  group: string;
  version: string;
  kind: string;
  /** "" for cluster-scoped objects. */
  namespace: string;
  name: string;
}

/**
 * A Kustomization's status.inventory entries. Each id is "<namespace>_<name>_<group>_<kind>"
 * (fluxcd/pkg/ssa ObjMetadata); names, namespaces, groups and kinds hold no "_", so the split is exact.
 */
export function inventoryEntries(kustomization: FluxObject): InventoryEntry[] {
  const entries = (kustomization.status?.inventory as { entries?: Array<{ id?: string; v?: string }> } | undefined)?.entries ?? [];
  return entries.flatMap(({ id, v }) => {
    const parts = id?.split("_");
    if (!parts || parts.length !== 4 || !v) return [];
    const [namespace, name, group, kind] = parts as [string, string, string, string];
    return [{ group, version: v, kind, namespace, name }];
  });
}
