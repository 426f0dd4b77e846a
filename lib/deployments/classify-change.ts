import type { DeploymentChange } from "../db/generated/client";

/** What git says about the previous applied commit and the new one. */
export interface Ancestry {
  /** The previous commit is the new one or one of its ancestors. */
  previousIsAncestor: boolean;
  /** The new commit is one of the previous one's ancestors. */
  currentIsAncestor: boolean;
}

/**
 * How a deployment's revision relates to the one it replaced: initial (nothing before it),
 * redeploy (the same revision again), forward (new commits on top), rollback (an older commit of
 * the same history), force_push (neither descends from the other: history was rewritten). A
 * revision without a commit (a chart version) moves forward whenever it changes.
 */
export function classifyChange(previous: { revision: string; sha: string | null } | null, current: { revision: string; sha: string | null }, ancestry: Ancestry | null): DeploymentChange {
  if (!previous) return "initial";
  if (previous.revision === current.revision || (previous.sha !== null && previous.sha === current.sha)) return "redeploy";
  if (!previous.sha || !current.sha || !ancestry) return "forward";
  if (ancestry.previousIsAncestor) return "forward";
  if (ancestry.currentIsAncestor) return "rollback";
  return "force_push";
}
