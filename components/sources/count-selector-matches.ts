import { parseLabelSelector } from "@/lib/pause-policies/parse-label-selector";
import { selectorMatches } from "@/lib/pause-policies/selector-matches";

/**
 * How many clusters a selector matches as it is typed, with the parser and matcher the server
 * uses; null while the text is not a selector yet. The preview gives the authoritative plan.
 */
export function countSelectorMatches(selector: string, clusters: ReadonlyArray<{ labels: Readonly<Record<string, string>> }>): number | null {
  try {
    const requirements = selector.trim() === "" ? [] : parseLabelSelector(selector);
    return clusters.filter((cluster) => selectorMatches(requirements, cluster.labels)).length;
  } catch {
    return null;
  }
}
