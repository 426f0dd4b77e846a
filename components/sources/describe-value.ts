/** A field value in a diff as one line: strings as they are, anything else as compact JSON. */
export function describeValue(value: unknown): string {
  if (typeof value === "string") return value === "" ? '""' : value;
  return JSON.stringify(value);
}

export interface FieldRow {
  path: string;
  before?: unknown;
  after?: unknown;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

function leaves(path: string, value: unknown, side: "before" | "after"): FieldRow[] {
  if (!isRecord(value) || Object.keys(value).length === 0) return [{ path, [side]: value }];
  return Object.entries(value).flatMap(([key, child]) => leaves(`${path}.${key}`, child, side));
}

/**
 * A field that appears or goes whole (a new object's spec) is listed leaf by leaf, "spec.ref.branch:
 * main", so a reader scans fields rather than one long JSON line. Changed fields stay as the server
 * gave them, old → new.
 */
export function fieldRows(change: FieldRow): FieldRow[] {
  if (change.before === undefined && change.after !== undefined) return leaves(change.path, change.after, "after");
  if (change.after === undefined && change.before !== undefined) return leaves(change.path, change.before, "before");
  return [change];
}
