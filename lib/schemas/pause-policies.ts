import { z } from "zod";

/** Thirty days: a pause meant to last longer is a decision for Git, not for a switch. */
export const MAX_POLICY_MINUTES = 30 * 24 * 60;

const minutes = z.number().int().min(1).max(MAX_POLICY_MINUTES);

const policyFields = z.object({
  selector: z.string().trim().min(1, "Give a label selector, e.g. env=production").max(500).describe("Kubernetes label-selector syntax, e.g. env=production or env in (prod,staging)"),
  requireReason: z.boolean().default(false),
  defaultExpiryMinutes: minutes.nullable().default(null).describe("Pre-selected in the pause dialog, and applied when a pause names no expiry"),
  maxExpiryMinutes: minutes.nullable().default(null).describe("The longest a pause may last; a pause without an expiry is refused unless there is a default"),
});

const defaultWithinMax = (input: { defaultExpiryMinutes?: number | null; maxExpiryMinutes?: number | null }) =>
  input.defaultExpiryMinutes == null || input.maxExpiryMinutes == null || input.defaultExpiryMinutes <= input.maxExpiryMinutes;
const defaultWithinMaxIssue = { message: "The default expiry cannot be longer than the longest allowed", path: ["defaultExpiryMinutes"] };

export const newPausePolicyInput = policyFields.strict().refine(defaultWithinMax, defaultWithinMaxIssue);
export type NewPausePolicyInput = z.input<typeof newPausePolicyInput>;

/** Every field is optional; the result must still keep the default within the max. */
export const updatePausePolicyInput = z
  .object({
    selector: policyFields.shape.selector.optional(),
    requireReason: z.boolean().optional(),
    defaultExpiryMinutes: minutes.nullable().optional(),
    maxExpiryMinutes: minutes.nullable().optional(),
  })
  .strict()
  .refine(defaultWithinMax, defaultWithinMaxIssue);
export type UpdatePausePolicyInput = z.input<typeof updatePausePolicyInput>;

export const pausePolicyParams = z.object({ id: z.uuid("Not a pause policy id") });

export const pausePolicy = z.object({
  id: z.uuid(),
  selector: z.string(),
  requireReason: z.boolean(),
  defaultExpiryMinutes: z.number().int().nullable(),
  maxExpiryMinutes: z.number().int().nullable(),
  createdAt: z.iso.datetime({ offset: true }),
  updatedAt: z.iso.datetime({ offset: true }),
  updatedBy: z.string(),
});
export type PausePolicyDto = z.infer<typeof pausePolicy>;

export const pausePolicyList = z.object({ items: z.array(pausePolicy) });

/**
 * What applies to one cluster when several policies match it: each setting at its strictest, with
 * the selector of the policy it comes from so messages can name it.
 */
export const effectivePausePolicy = z.object({
  selectors: z.array(z.string()).describe("Every policy that matches the cluster's labels; empty when none does"),
  requireReason: z.boolean(),
  reasonRequiredBy: z.string().nullable(),
  defaultExpiryMinutes: z.number().int().nullable(),
  defaultExpiryFrom: z.string().nullable(),
  maxExpiryMinutes: z.number().int().nullable(),
  maxExpiryFrom: z.string().nullable(),
});
export type EffectivePausePolicy = z.infer<typeof effectivePausePolicy>;
