import { z } from "zod";

/**
 * Turning auto-sync off suspends Flux reconcilers; `until` (ISO 8601, in the future) makes the
 * suspension expire by itself. The UI's "resume in 1h" sends the computed `until`.
 */
export const autoSyncInput = z
  .object({
    enabled: z.boolean(),
    reason: z.string().trim().min(1).max(500).optional(),
    until: z.iso.datetime({ offset: true, message: "Give `until` as an ISO 8601 date-time, e.g. 2026-11-26T18:00:00Z" }).optional(),
  })
  .refine((input) => !input.enabled || input.until === undefined, { message: "`until` only applies when turning auto-sync off", path: ["until"] });
export type AutoSyncInput = z.input<typeof autoSyncInput>;
