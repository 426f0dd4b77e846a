import type { FieldPath } from "./field-path";
import { childFor, managedFieldsOf, type FieldsTrie } from "./managed-fields";

export interface FieldOwner {
  manager: string;
  operation: "Apply" | "Update";
  changedAt: string | null;
}

/**
 * Flux's own field managers: kustomize-controller and helm-controller apply Git's state, and
 * kustomize-controller writes "before-first-apply" when it takes over objects created without
 * server-side apply. Syncline writes no inventory object. Any other manager is a hand change.
 */
export const FLUX_FIELD_MANAGERS: ReadonlySet<string> = new Set(["kustomize-controller", "helm-controller", "before-first-apply"]);

/**
 * Who last wrote the field at `path`, from the live object's managedFields: the manager whose
 * entry matches the path most specifically (an owned ancestor counts, a deeper owner wins, the
 * latest write breaks a tie); null when no entry reaches the field.
 */
export function fieldOwner(managedFields: unknown, path: FieldPath): FieldOwner | null {
  let best: { depth: number; time: string; owner: FieldOwner } | null = null;
  for (const entry of managedFieldsOf(managedFields)) {
    const depth = ownedDepth(entry.fieldsV1!, path);
    if (depth === 0) continue;
    const time = entry.time ?? "";
    if (best && (depth < best.depth || (depth === best.depth && time <= best.time))) continue;
    best = { depth, time, owner: { manager: entry.manager!, operation: entry.operation === "Apply" ? "Apply" : "Update", changedAt: entry.time ?? null } };
  }
  return best?.owner ?? null;
}

/**
 * How far along `path` the trie owns a field: the depth of the deepest node it owns on the way (a
 * leaf, or a node with "."), or the full length when the path ends inside what it owns (the
 * manager owns fields below a differing subtree). 0 when it owns nothing on the path.
 */
function ownedDepth(trie: FieldsTrie, path: FieldPath): number {
  let node: FieldsTrie = trie;
  let owned = 0;
  for (let depth = 0; depth < path.length; depth++) {
    const child = childFor(node, path[depth]!);
    if (!child) return owned;
    node = child;
    if (isOwned(node)) owned = depth + 1;
  }
  return path.length;
}

const isOwned = (node: FieldsTrie) => Object.keys(node).length === 0 || "." in node;
