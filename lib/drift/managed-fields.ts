import { isDeepStrictEqual } from "node:util";
import type { FieldPathSegment } from "./field-path";

/** One entry of `metadata.managedFields`. */
export interface ManagedFieldsEntry {
  manager?: string;
  operation?: string;
  time?: string;
  fieldsType?: string;
  fieldsV1?: FieldsTrie;
  subresource?: string;
}

/** fieldsV1: `f:<field>`, `k:<key fields JSON>`, `v:<value JSON>`, `i:<index>`, and "." for the node itself. */
export type FieldsTrie = { [key: string]: FieldsTrie };

/** The entries Syncline can read (FieldsV1), skipping malformed ones. */
export function managedFieldsOf(managedFields: unknown): ManagedFieldsEntry[] {
  if (!Array.isArray(managedFields)) return [];
  return (managedFields as ManagedFieldsEntry[]).filter(
    (entry) => typeof entry?.manager === "string" && typeof entry.fieldsV1 === "object" && entry.fieldsV1 !== null && (entry.fieldsType ?? "FieldsV1") === "FieldsV1",
  );
}

/** The trie key that stands for this segment: a field, or a list item by its keys, value or index. */
export function childFor(node: FieldsTrie, segment: FieldPathSegment): FieldsTrie | undefined {
  if ("field" in segment) return node[`f:${segment.field}`];
  for (const [key, child] of Object.entries(node)) {
    if (key.startsWith("k:")) {
      const keyFields = parseJson(key.slice(2));
      if (isRecord(keyFields) && isRecord(segment.item) && Object.entries(keyFields).every(([name, value]) => isDeepStrictEqual(segment.item && (segment.item as Record<string, unknown>)[name], value))) {
        return child;
      }
    } else if (key.startsWith("v:")) {
      if (isDeepStrictEqual(parseJson(key.slice(2)), segment.item)) return child;
    } else if (key === `i:${segment.index}`) {
      return child;
    }
  }
  return undefined;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);
