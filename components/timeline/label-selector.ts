/**
 * Cluster labels as the URL and the API carry them: "env=prod,team=platform". Parsing drops
 * anything that is not key=value, so a hand-edited URL cannot produce a filter the API rejects.
 */
export function parseLabelSelector(value: string | null | undefined): string[] {
  return (value ?? "")
    .split(",")
    .map((part) => part.trim())
    .filter((part) => /^[^=\s]+=[^=,]*$/.test(part));
}

export function formatLabelSelector(labels: readonly string[]): string | null {
  return labels.length > 0 ? [...new Set(labels)].sort().join(",") : null;
}

/** Every label the fleet uses, as sorted "key=value" strings. */
export function fleetLabels(clusters: readonly { labels: Record<string, string> }[]): string[] {
  return [...new Set(clusters.flatMap((cluster) => Object.entries(cluster.labels).map(([key, value]) => `${key}=${value}`)))].sort();
}
