import { TEMPLATE_PLACEHOLDER } from "../schemas/sources";

export interface TemplateCluster {
  name: string;
  labels: Readonly<Record<string, string>>;
}

export type RenderedTemplate = { ok: true; text: string } | { ok: false; missingLabels: string[] };

/**
 * Fills `{{cluster.name}}` and `{{labels.<key>}}` from one cluster. A label the cluster lacks (or
 * has with an empty value) makes the whole text unrenderable, naming the label: a template is
 * never rendered with an empty value.
 */
export function renderTemplate(text: string, cluster: TemplateCluster): RenderedTemplate {
  const missing = new Set<string>();
  const rendered = text.replace(TEMPLATE_PLACEHOLDER, (_match, placeholder: string) => {
    if (placeholder === "cluster.name") return cluster.name;
    const key = placeholder.slice("labels.".length);
    const value = Object.hasOwn(cluster.labels, key) ? cluster.labels[key]! : "";
    if (!value) missing.add(key);
    return value;
  });
  return missing.size > 0 ? { ok: false, missingLabels: [...missing].sort() } : { ok: true, text: rendered };
}
