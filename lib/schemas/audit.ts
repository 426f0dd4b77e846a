import { z } from "zod";
import { auditActions } from "../audit/actions";

export const auditQuery = z.object({
  cluster: z.string().max(100).optional(),
  actor: z.string().max(100).optional(),
  action: z.enum(auditActions).optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  format: z.enum(["json", "csv"]).default("json"),
});
export type AuditQuery = z.input<typeof auditQuery>;
