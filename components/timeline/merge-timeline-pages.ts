import type { TimelineDto } from "@/lib/schemas/timeline";

/** The pages of a timeline loaded so far, read as one. */
export type LoadedTimeline = Omit<TimelineDto, "nextCursor">;

type Cluster = TimelineDto["clusters"][number];

/**
 * Joins the pages loaded so far, newest first. Each page lists only the clusters that pull the
 * repository now or had steps in its own span, so the columns are the union of every page's: an
 * older page can bring back a cluster that has stopped pulling. Pages can overlap at their
 * boundaries, and a refresh can shift a commit from one page to the next, so commits and
 * rewrites appear once each, where they were first seen.
 */
export function mergeTimelinePages(pages: readonly TimelineDto[]): LoadedTimeline | undefined {
  const [first] = pages;
  if (!first) return undefined;
  return {
    repository: first.repository,
    from: first.from,
    to: first.to,
    clusters: unionOfClusters(pages.map((page) => page.clusters)),
    commits: uniqueBy(
      pages.flatMap((page) => page.commits),
      (commit) => commit.sha,
    ),
    suspensions: first.suspensions,
    rewrites: uniqueBy(
      pages.flatMap((page) => page.rewrites),
      (rewrite) => rewrite.id,
    ),
  };
}

function unionOfClusters(lists: Cluster[][]): Cluster[] {
  const byId = new Map<string, Cluster>();
  for (const cluster of lists.flat()) {
    const seen = byId.get(cluster.id);
    byId.set(cluster.id, seen ? { ...seen, reconcilers: uniqueBy([...seen.reconcilers, ...cluster.reconcilers], (ref) => `${ref.kind}/${ref.namespace}/${ref.name}`) } : cluster);
  }
  return [...byId.values()].sort((a, b) => a.name.localeCompare(b.name));
}

function uniqueBy<T>(items: T[], key: (item: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const id = key(item);
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}
