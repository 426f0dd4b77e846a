import { parseLabelSelector, selectorMatches } from "../pause-policies";
import type { SourceDefinition } from "../schemas/sources";

export interface TargetCandidate {
  id: string;
  labels: Readonly<Record<string, string>>;
}

/**
 * The clusters a definition targets: those its label selector matches, plus those named by id.
 * A null selector selects none by label; an empty one selects every cluster, as an empty
 * Kubernetes label selector does (the preview shows it before anything is applied).
 */
export function selectTargets(targets: Pick<SourceDefinition, "selector" | "clusterIds">, clusters: readonly TargetCandidate[]): Set<string> {
  const chosen = new Set(targets.clusterIds.filter((id) => clusters.some((cluster) => cluster.id === id)));
  if (targets.selector === null) return chosen;
  const requirements = targets.selector.trim() === "" ? [] : parseLabelSelector(targets.selector);
  for (const cluster of clusters) if (selectorMatches(requirements, cluster.labels)) chosen.add(cluster.id);
  return chosen;
}
