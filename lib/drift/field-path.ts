/**
 * A field inside a Kubernetes object, as the structural diff walks it. A list item keeps the item
 * itself (live where it exists, else desired): managedFields name list items by their key fields or
 * value (`k:{"name":"web"}`, `v:"x"`), not by index, so attribution matches on the item.
 */
export type FieldPathSegment = { field: string } | { index: number; item: unknown };
export type FieldPath = readonly FieldPathSegment[];

const PLAIN_KEY = /^[A-Za-z_][A-Za-z0-9_-]*$/;

/**
 * The readable form: `spec.replicas`, `data.CONCURRENCY`,
 * `spec.template.spec.containers[name=web].image`, `metadata.labels["app.kubernetes.io/name"]`.
 * List items with a name are shown by it, since containers, ports, env and volumes are merged by
 * name and their index says nothing to a reader.
 */
export function formatFieldPath(path: FieldPath): string {
  let text = "";
  for (const segment of path) {
    if ("field" in segment) {
      text += PLAIN_KEY.test(segment.field) ? `${text ? "." : ""}${segment.field}` : `[${JSON.stringify(segment.field)}]`;
      continue;
    }
    const name = (segment.item as { name?: unknown } | null)?.name;
    text += typeof name === "string" ? `[name=${name}]` : `[${segment.index}]`;
  }
  return text;
}
