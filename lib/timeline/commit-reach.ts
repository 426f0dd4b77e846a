/**
 * For each commit, the first of `items` (in the order given) whose revision contains it: a commit
 * is in a revision when it is that commit or one of its ancestors, walked over the stored commits'
 * parents. A walk stops at a commit an earlier item already reached, since everything behind it
 * was reached then too, so each commit is visited once however many revisions there are. The walk
 * also stops at commits not stored (older than what Syncline read), which are older than any
 * commit a timeline shows.
 */
export function firstContaining<T>(items: readonly T[], revisionShaOf: (item: T) => string | null, parentsOf: ReadonlyMap<string, readonly string[]>): Map<string, T> {
  const reached = new Map<string, T>();
  for (const item of items) {
    const revisionSha = revisionShaOf(item);
    if (revisionSha === null) continue;
    const stack = [revisionSha];
    while (stack.length > 0) {
      const sha = stack.pop()!;
      if (reached.has(sha)) continue;
      reached.set(sha, item);
      for (const parent of parentsOf.get(sha) ?? []) if (!reached.has(parent)) stack.push(parent);
    }
  }
  return reached;
}
