import type { ManagedObject } from "../../fleet/dto";
import type { FluxObject } from "./flux-resource";

interface InventoryStatus {
  inventory?: { entries?: Array<{ id?: unknown; v?: unknown } | null> | null } | null;
}

/**
 * The objects a Kustomization (or a HelmRelease, from helm-controller v1.4) has applied, read from
 * `status.inventory.entries`; null when the object keeps no inventory. Each id is
 * `<namespace>_<name>_<group>_<kind>` (Flux's cli-utils ObjMetadata): namespaces, groups and
 * kinds never contain "_", so the namespace ends at the first one and the kind and group are the
 * last two fields; the name is everything between, where "__" stands for ":" (RBAC names such as
 * "system:metrics"). The namespace is empty for cluster-scoped objects, the group for core kinds.
 */
export function managedObjectsOf(object: FluxObject): ManagedObject[] | null {
  const entries = (object.status as InventoryStatus | undefined)?.inventory?.entries;
  if (!Array.isArray(entries)) return null;
  return entries.flatMap((entry) => {
    if (typeof entry?.id !== "string") return [];
    const parsed = parseInventoryId(entry.id);
    if (!parsed) return [];
    const version = typeof entry.v === "string" ? entry.v : "";
    return [{ ...parsed, apiVersion: parsed.group ? `${parsed.group}/${version}` : version }];
  });
}

function parseInventoryId(id: string): Omit<ManagedObject, "apiVersion"> | null {
  const first = id.indexOf("_");
  const last = id.lastIndexOf("_");
  const beforeLast = id.lastIndexOf("_", last - 1);
  if (first === -1 || beforeLast <= first) return null;
  const kind = id.slice(last + 1);
  const name = id.slice(first + 1, beforeLast).replaceAll("__", ":");
  if (!kind || !name) return null;
  return { namespace: id.slice(0, first), name, group: id.slice(beforeLast + 1, last), kind };
}
