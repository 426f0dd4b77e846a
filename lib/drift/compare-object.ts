import { create, type Delta } from "jsondiffpatch";
import type { FieldDrift } from "../schemas/drift";
import type { DriftIgnoreRule } from "./drift-ignore-rules";
import { formatFieldPath, type FieldPath } from "./field-path";
import { FLUX_FIELD_MANAGERS, fieldOwner } from "./field-owners";
import { objectSides } from "./object-sides";
import { KUSTOMIZE_DIFF_SELECTORS, shouldSkipDiff, type DiffSelectors } from "./should-skip-diff";

type KubeObject = Record<string, unknown>;

export interface CompareObjectInput {
  /** The dry-run result (server-side apply of the desired object with Flux's field manager). */
  desired: KubeObject;
  /** The live object, with its managedFields. */
  live: KubeObject;
  /** The reconciler's ignore rules (a Kustomization's `spec.ignore`). */
  ignore?: readonly DriftIgnoreRule[];
  /** Which annotations take an object out of the diff; kustomize-controller's by default. */
  selectors?: DiffSelectors;
}

/**
 * List items are matched by name, so a container, port, env var or volume that changed reads as
 * that item's field, not as a removal and an insertion; unnamed items are matched by position.
 * A named item that only moved is not drift: the API server merges such lists by name.
 */
const differ = create({
  objectHash: (item: object, index?: number) => {
    const name = (item as { name?: unknown }).name;
    return typeof name === "string" ? `name:${name}` : `index:${index ?? ""}`;
  },
  arrays: { detectMove: true, includeValueOnMove: false },
});

/**
 * The fields in which the live object differs from what Flux would apply, as `flux diff` sees
 * them, each with the manager that last wrote it (the live object's managedFields): empty when
 * the object is in sync, excluded by its annotations, or wholly ignored.
 */
export function compareObject({ desired, live, ignore = [], selectors = KUSTOMIZE_DIFF_SELECTORS }: CompareObjectInput): FieldDrift[] {
  if (shouldSkipDiff(desired, live, selectors)) return [];
  const sides = objectSides({ desired, live, ignore });
  if (!sides) return [];
  const delta = differ.diff(sides.desired, sides.live);
  if (!delta) return [];
  const changes: Change[] = [];
  collect(delta, sides.desired, sides.live, [], changes);
  const managedFields = (live.metadata as { managedFields?: unknown } | undefined)?.managedFields;
  return changes.map(({ path, desired: wanted, live: found }) => {
    const owner = fieldOwner(managedFields, path);
    return {
      path: formatFieldPath(path),
      ...(wanted === undefined ? {} : { desired: wanted }),
      ...(found === undefined ? {} : { live: found }),
      manager: owner?.manager ?? null,
      operation: owner?.operation ?? null,
      changedAt: owner?.changedAt ?? null,
      handChange: owner !== null && !FLUX_FIELD_MANAGERS.has(owner.manager),
    };
  });
}

interface Change {
  path: FieldPath;
  desired: unknown;
  live: unknown;
}

/**
 * Walks a jsondiffpatch delta of desired (left) against live (right): `[new]` is only live,
 * `[old, new]` changed, `[old, 0, 0]` only desired, `["", to, 3]` moved; arrays (`_t: "a"`) key
 * live items by their index in live and desired-only items by "_" and their index in desired.
 */
function collect(delta: Delta, left: unknown, right: unknown, path: FieldPath, out: Change[]): void {
  if (Array.isArray(delta)) {
    if (delta.length === 1) out.push({ path, desired: undefined, live: delta[0] });
    else if (delta.length === 2) out.push({ path, desired: delta[0], live: delta[1] });
    else if (delta[2] === 0) out.push({ path, desired: delta[0], live: undefined });
    return;
  }
  if (typeof delta !== "object" || delta === null) return;
  const entries = Object.entries(delta as Record<string, Delta>);
  if ((delta as { _t?: unknown })._t === "a") {
    const before = Array.isArray(left) ? left : [];
    const after = Array.isArray(right) ? right : [];
    for (const [key, inner] of entries) {
      if (key === "_t") continue;
      if (key.startsWith("_")) {
        const index = Number(key.slice(1));
        collect(inner, before[index], undefined, [...path, { index, item: before[index] }], out);
      } else {
        const index = Number(key);
        const item = after[index];
        collect(inner, counterpart(before, item, index), item, [...path, { index, item }], out);
      }
    }
    return;
  }
  for (const [key, inner] of entries) collect(inner, (left as Record<string, unknown> | undefined)?.[key], (right as Record<string, unknown> | undefined)?.[key], [...path, { field: key }], out);
}

/** The desired item matched to a live one: by name, as the differ matched them, else by position. */
function counterpart(before: unknown[], item: unknown, index: number): unknown {
  const name = (item as { name?: unknown } | null)?.name;
  if (typeof name === "string") return before.find((candidate) => (candidate as { name?: unknown } | null)?.name === name);
  return before[index];
}
