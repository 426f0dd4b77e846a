import { z } from "zod";
import { commitInfo, driftedObject, driftState } from "./drift";

const ref = { kind: z.string(), namespace: z.string(), name: z.string() };

/** What resuming a cluster will do, computed from the objects as Syncline last saw them. */
export const resumePreview = z.object({
  cluster: z.object({ id: z.uuid(), name: z.string() }),
  resumes: z.array(z.object(ref)).describe("Reconcilers whose suspension the resume lifts"),
  waiting: z
    .array(
      z.object({
        ...ref,
        source: z.object(ref),
        fetched: z.string().describe("The revision the source has fetched (its status.artifact.revision)"),
        applied: z.string().nullable().describe("The revision the reconciler last applied; null when it never applied one"),
      }),
    )
    .describe("Reconcilers that resume and will apply a newer revision than the one they applied"),
  staysPaused: z.array(z.object({ ...ref, message: z.string() })).describe("Reconcilers the resume leaves paused: paused on their own, or outside Syncline"),
  handChanges: z
    .array(driftedObject)
    .describe("Drifted objects of the reconcilers the resume lifts, with each field's manager: what Flux will revert (from the cached drift report)"),
  newCommits: z
    .array(
      z.object({
        reconciler: z.object(ref),
        applied: z.string().nullable(),
        gitHead: z.string().nullable(),
        behind: z.number().int().nullable().describe("Commits between applied and Git head; null when Git head is unknown"),
        commits: z.array(commitInfo).describe("Newest first"),
      }),
    )
    .describe("Per reconciler the resume lifts that is behind Git (or whose Git head is unknown): the commits it will apply"),
  driftState: driftState.describe("The cached drift report's state; unknown for a cluster that is down, never in-sync"),
  driftComputedAt: z.string().meta({ format: "date-time" }).nullable().describe("When the drift these lists come from was computed; null when never"),
});
export type ResumePreview = z.infer<typeof resumePreview>;
