import { z } from "zod";
import { objectParams } from "./clusters";
import { syncPhase } from "./timeline";

/** The object whose history is asked for: the same path segments as the object's own route. */
export const objectHistoryParams = objectParams;
export type ObjectHistoryParams = z.output<typeof objectHistoryParams>;

export const objectHistoryQuery = z.object({
  phase: syncPhase.optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
});
export type ObjectHistoryQuery = z.input<typeof objectHistoryQuery>;
