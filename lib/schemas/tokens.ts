import { z } from "zod";

export const apiTokenName = z
  .string()
  .trim()
  .min(1, "Give the token a name")
  .max(64, "Use at most 64 characters")
  .regex(/^[\w .@:/-]+$/, "Use letters, digits, spaces and . _ - @ : /");

/** Ten years: long enough for any real use, short enough that a date picker cannot overflow. */
export const MAX_TOKEN_DAYS = 3650;

export const newApiTokenInput = z
  .object({
    name: apiTokenName,
    expiresInDays: z.number().int().min(1).max(MAX_TOKEN_DAYS).optional(),
    expiresAt: z.iso.datetime({ offset: true }).optional(),
  })
  .strict()
  .refine((input) => input.expiresInDays === undefined || input.expiresAt === undefined, {
    message: "Give expiresInDays or expiresAt, not both",
    path: ["expiresAt"],
  })
  .refine((input) => input.expiresAt === undefined || new Date(input.expiresAt) > new Date(), {
    message: "The expiry must be in the future",
    path: ["expiresAt"],
  });
export type NewApiTokenInput = z.input<typeof newApiTokenInput>;

export const apiTokenParams = z.object({ id: z.uuid("Not a token id") });

/** A token as lists show it: never its secret or its hash. */
export const apiTokenSummary = z.object({
  id: z.uuid(),
  name: z.string(),
  prefix: z.string().describe("The token's first characters, to recognise it by"),
  createdAt: z.iso.datetime({ offset: true }),
  lastUsedAt: z.iso.datetime({ offset: true }).nullable(),
  expiresAt: z.iso.datetime({ offset: true }).nullable(),
  revokedAt: z.iso.datetime({ offset: true }).nullable(),
});
export type ApiTokenSummary = z.infer<typeof apiTokenSummary>;

export const apiTokenList = z.object({ items: z.array(apiTokenSummary) });

export const createdApiToken = apiTokenSummary.extend({
  token: z.string().describe("The secret; shown in this answer only, Syncline keeps just its hash"),
});
export type CreatedApiToken = z.infer<typeof createdApiToken>;
