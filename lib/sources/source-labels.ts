/** The label every Syncline-owned object carries, with Syncline as its value (Kubernetes' recommended label). */
export const MANAGED_BY_LABEL = "app.kubernetes.io/managed-by";
export const MANAGED_BY = "syncline";
/** Which source an object belongs to: a label, so a cluster can be asked for every object of a source. */
export const SOURCE_ID_LABEL = "syncline.io/source-id";
/** The source's name, for a reader of the object on the cluster. */
export const SOURCE_NAME_ANNOTATION = "syncline.io/source";
/** The field manager of every server-side apply Syncline makes for a source. */
export const FIELD_MANAGER = "syncline";

/** The source id an object is labelled with; null when Syncline's sources do not own it. */
export function owningSourceId(object: { metadata?: { labels?: Record<string, string> } } | null | undefined): string | null {
  const labels = object?.metadata?.labels ?? {};
  return labels[MANAGED_BY_LABEL] === MANAGED_BY ? (labels[SOURCE_ID_LABEL] ?? null) : null;
}
