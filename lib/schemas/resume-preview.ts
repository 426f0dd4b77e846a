import { z } from "zod";

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
});
export type ResumePreview = z.infer<typeof resumePreview>;
