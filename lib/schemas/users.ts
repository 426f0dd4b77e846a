import { z } from "zod";

export const userName = z
  .string()
  .trim()
  .regex(/^[a-z0-9][a-z0-9._-]{0,62}$/i, "Use 1–63 letters, digits, dots, dashes or underscores, starting with a letter or digit");

export const role = z.enum(["viewer", "operator", "admin"]);

export const password = z.string().min(10, "Use at least 10 characters").max(200);

// One pattern that the API enforces and the OpenAPI document states, so clients and fuzzers judge
// an address exactly as Syncline does (formats such as "email" differ between validators).
const emailAddress = z
  .string()
  .max(254)
  .regex(/^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/, "Not an e-mail address");

/** Without a password, Syncline generates one and returns it once. */
export const newUserInput = z.object({
  name: userName,
  email: emailAddress.optional(),
  role,
  password: password.optional(),
});
export type NewUserInput = z.input<typeof newUserInput>;

/** Every field is optional; an empty change is answered with the user as it is. */
export const updateUserInput = z.object({
  role: role.optional(),
  email: emailAddress.nullable().optional().describe("null removes the address"),
  disabled: z.boolean().optional().describe("true signs the user out everywhere and refuses their tokens"),
});
export type UpdateUserInput = z.input<typeof updateUserInput>;

export const resetPasswordInput = z.object({
  password: password.optional().describe("the new password; without it Syncline generates one and returns it once"),
});
export type ResetPasswordInput = z.input<typeof resetPasswordInput>;

export const userSummary = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string().nullable(),
  role,
  createdAt: z.iso.datetime(),
  disabledAt: z.iso.datetime().nullable(),
});

export const userList = z.array(userSummary);

export const addedUser = userSummary.extend({
  generatedPassword: z.string().optional().describe("present only when no password was given; shown this once"),
});

export const passwordResetResult = z.object({
  generatedPassword: z.string().optional().describe("present only when no password was given; shown this once"),
});

export const signInInput = z.object({
  name: z.string().trim().min(1).max(100),
  password: z.string().min(1).max(200),
});

export const userParams = z.object({ id: z.uuid("Not a user id") });

/** A user as the API answers and the Users page shows one (dates as ISO strings). */
export type UserDto = z.infer<typeof userSummary>;
export type AddedUserDto = z.infer<typeof addedUser>;
