import { isDeepStrictEqual } from "node:util";
import type { FieldDrift } from "../schemas/drift";
import { FLUX_FIELD_MANAGERS } from "./field-owners";
import { formatFieldPath, type FieldPath, type FieldPathSegment } from "./field-path";
import { managedFieldsOf, type FieldsTrie } from "./managed-fields";
import { SECRET_MASK } from "./object-sides";

/**
 * Drift without a desired state (no flux CLI): the fields of a live object that a manager other
 * than Flux's wrote after `since` (the reconciler's last apply), read from its managedFields.
 * Only what was changed by hand shows; what Git would change is unknown in this mode, so
 * `desired` is absent, and Secret values are masked. Status writes are not changes to the object's intent and are left out.
 */
export function handChangedFields(live: Record<string, unknown>, since: string | null): FieldDrift[] {
  const sinceMs = since === null ? Number.NEGATIVE_INFINITY : Date.parse(since);
  const fields: FieldDrift[] = [];
  const managedFields = (live.metadata as { managedFields?: unknown } | undefined)?.managedFields;
  for (const entry of managedFieldsOf(managedFields)) {
    if (FLUX_FIELD_MANAGERS.has(entry.manager!) || entry.subresource === "status") continue;
    // Writes through a subresource (kubectl scale) carry no time: they cannot be placed before the apply.
    if (entry.time && !(Date.parse(entry.time) > sinceMs)) continue;
    for (const { path, value } of leaves(entry.fieldsV1!, live, [])) {
      if (path[0] && "field" in path[0] && path[0].field === "status") continue;
      const masked = live.kind === "Secret" && path[0] && "field" in path[0] && (path[0].field === "data" || path[0].field === "stringData");
      fields.push({
        path: formatFieldPath(path),
        ...(value === undefined ? {} : { live: masked ? SECRET_MASK : value }),
        manager: entry.manager!,
        operation: entry.operation === "Apply" ? "Apply" : "Update",
        changedAt: entry.time ?? null,
        handChange: true,
      });
    }
  }
  return fields;
}

/** Each owned leaf of the trie with its path in the live object and its live value. */
function leaves(trie: FieldsTrie, value: unknown, path: FieldPath): Array<{ path: FieldPath; value: unknown }> {
  const children = Object.entries(trie).filter(([key]) => key !== ".");
  if (children.length === 0) return path.length === 0 ? [] : [{ path, value }];
  return children.flatMap(([key, child]) => {
    const step = stepInto(key, value);
    return step ? leaves(child, step.value, [...path, step.segment]) : [];
  });
}

function stepInto(key: string, value: unknown): { segment: FieldPathSegment; value: unknown } | null {
  if (key.startsWith("f:")) {
    const field = key.slice(2);
    return { segment: { field }, value: (value as Record<string, unknown> | null | undefined)?.[field] };
  }
  const items = Array.isArray(value) ? (value as unknown[]) : [];
  let index = -1;
  if (key.startsWith("k:")) {
    const keyFields = parseJson(key.slice(2)) as Record<string, unknown> | undefined;
    index = items.findIndex((item) => !!keyFields && Object.entries(keyFields).every(([name, expected]) => isDeepStrictEqual((item as Record<string, unknown> | null)?.[name], expected)));
  } else if (key.startsWith("v:")) {
    const expected = parseJson(key.slice(2));
    index = items.findIndex((item) => isDeepStrictEqual(item, expected));
  } else if (key.startsWith("i:")) {
    index = Number(key.slice(2));
  }
  if (index < 0 || index >= items.length) return null;
  return { segment: { index, item: items[index] }, value: items[index] };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
