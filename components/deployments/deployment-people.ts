import type { DeploymentDto } from "@/lib/schemas/timeline";

/** Who a deployment involved: its commits' authors and PR mergers, each once, in commit order. */
export function deploymentPeople(deployment: Pick<DeploymentDto, "commits">): { authors: string[]; mergers: string[] } {
  const authors = [...new Set(deployment.commits.map((commit) => commit.authorName))];
  const mergers = [...new Set(deployment.commits.flatMap((commit) => (commit.pullRequest?.mergedBy ? [commit.pullRequest.mergedBy] : [])))];
  return { authors, mergers };
}

/** The longest lead time among a deployment's commits: how long its oldest change waited. */
export function longestLeadTime(deployment: Pick<DeploymentDto, "commits">): number | null {
  return deployment.commits.length > 0 ? Math.max(...deployment.commits.map((commit) => commit.leadTimeSeconds)) : null;
}

/** The value below which `fraction` of the values lie (nearest rank). */
export function percentile(values: readonly number[], fraction: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1))]!;
}
