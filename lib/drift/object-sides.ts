import { ignoredPointers, type DriftIgnoreRule } from "./drift-ignore-rules";

type KubeObject = Record<string, unknown>;

export interface ObjectSidesInput {
  /** The dry-run result: what the object would be after Flux's apply. */
  desired: KubeObject;
  live: KubeObject;
  ignore?: readonly DriftIgnoreRule[];
}

export interface ComparedSides {
  desired: KubeObject;
  live: KubeObject;
}

/** The mask for Secret values, as fluxcd/pkg ssa's SanitizeUnstructuredData writes it. */
export const SECRET_MASK = "***";
const SECRET_CHANGED = "*** (changed)";

/**
 * Both sides of an object as Flux compares them (fluxcd/pkg ssa hasDrifted): everything but
 * `status` and `metadata`, plus the labels and annotations (name and namespace kept to say what
 * it is), without the fields the ignore rules name, and Secret values masked so only which keys
 * differ can be seen. null when an ignore rule ignores the whole object.
 */
export function objectSides({ desired, live, ignore = [] }: ObjectSidesInput): ComparedSides | null {
  const pointers = ignoredPointers(ignore, desired);
  if (pointers.includes("")) return null;
  const sides = { desired: comparable(desired, pointers), live: comparable(live, pointers) };
  if (desired.kind === "Secret" && (desired.apiVersion === "v1" || desired.apiVersion === undefined)) maskSecretValues(sides);
  return sides;
}

function comparable(object: KubeObject, pointers: readonly string[]): KubeObject {
  const copy = structuredClone(object);
  for (const pointer of pointers) removePointer(copy, pointer);
  const { apiVersion, kind, metadata, status: _status, ...rest } = copy;
  const { name, namespace, labels, annotations } = (metadata ?? {}) as Record<string, unknown>;
  return { ...defined({ apiVersion, kind }), metadata: defined({ name, namespace, labels, annotations }), ...rest };
}

function defined(fields: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));
}

/** RFC 6901 remove that tolerates a missing path (fluxcd/pkg jsondiff applies it with AllowMissingPathOnRemove). */
function removePointer(object: KubeObject, pointer: string): void {
  if (!pointer.startsWith("/")) return;
  const tokens = pointer.slice(1).split("/").map((token) => token.replaceAll("~1", "/").replaceAll("~0", "~"));
  let node: unknown = object;
  for (const [position, token] of tokens.entries()) {
    const last = position === tokens.length - 1;
    if (Array.isArray(node)) {
      const index = /^-?\d+$/.test(token) ? Number(token) : Number.NaN;
      const at = index < 0 ? node.length + index : index;
      if (!Number.isInteger(at) || at < 0 || at >= node.length) return;
      if (last) node.splice(at, 1);
      else node = node[at];
    } else if (typeof node === "object" && node !== null && Object.hasOwn(node, token)) {
      if (last) delete (node as KubeObject)[token];
      else node = (node as KubeObject)[token];
    } else {
      return;
    }
  }
}

/**
 * Each value of `data` and `stringData` becomes the mask, except that a value differing between the
 * sides is marked changed on the live side: the diff then shows which keys differ, never a value.
 */
function maskSecretValues(sides: ComparedSides): void {
  for (const field of ["data", "stringData"]) {
    const desired = sides.desired[field] as Record<string, unknown> | undefined;
    const live = sides.live[field] as Record<string, unknown> | undefined;
    const masked = (values: Record<string, unknown> | undefined, other: Record<string, unknown> | undefined) =>
      values && Object.fromEntries(Object.entries(values).map(([key, value]) => [key, other && key in other && other[key] !== value ? SECRET_CHANGED : SECRET_MASK]));
    if (desired) sides.desired[field] = Object.fromEntries(Object.keys(desired).map((key) => [key, SECRET_MASK]));
    if (live) sides.live[field] = masked(live, desired);
  }
}
