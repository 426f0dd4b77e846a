import type { RevisionLag } from "../schemas/drift";

export interface RevisionLagInput {
  /** The reconciler's spec.suspend. */
  suspended: boolean;
  /** Its Ready condition is False: its reconciliation keeps failing. */
  failing: boolean;
  /** known: asked of the Git host; unknown: it could not be; not-git: the source is no Git repository. */
  gitHead: "known" | "unknown" | "not-git";
  /** The source has an artifact at all. */
  fetched: boolean;
  /** The source's artifact is at Git head (only read when Git head is known). */
  fetchedIsHead: boolean;
  /** The reconciler last applied the source's artifact. */
  appliedIsFetched: boolean;
}

/**
 * Which step lags. The reconciler's own state comes first: a suspended one is paused at what it
 * applied, whatever arrives after; a failing one is failing. Then Git head: unknown claims nothing.
 * Then the pipeline in order: Git -> source (fetch) -> reconciler (apply).
 */
export function decideRevisionLag(input: RevisionLagInput): RevisionLag {
  if (input.suspended) return "paused";
  if (input.failing) return "failing";
  if (input.gitHead === "unknown") return "unknown";
  if (!input.fetched || (input.gitHead === "known" && !input.fetchedIsHead)) return "source-not-fetched";
  if (!input.appliedIsFetched) return "fetched-not-applied";
  return "in-sync";
}
