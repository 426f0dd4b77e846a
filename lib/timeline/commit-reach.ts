/**
 * Which commits a revision contains, walked over the stored commits' parents: a commit is in a
 * revision when it is that commit or one of its ancestors. The walk stops at commits not stored
 * (older than what Syncline read), which are older than any commit a timeline shows.
 */
export function commitReach(parentsOf: ReadonlyMap<string, readonly string[]>): (revisionSha: string) => ReadonlySet<string> {
  const memo = new Map<string, Set<string>>();
  return (revisionSha) => {
    const known = memo.get(revisionSha);
    if (known) return known;
    const reached = new Set<string>();
    const stack = [revisionSha];
    while (stack.length > 0) {
      const sha = stack.pop()!;
      if (reached.has(sha)) continue;
      reached.add(sha);
      for (const parent of parentsOf.get(sha) ?? []) if (!reached.has(parent)) stack.push(parent);
    }
    memo.set(revisionSha, reached);
    return reached;
  };
}
