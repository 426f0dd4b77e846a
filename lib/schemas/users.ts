import { z } from "zod";

export const userName = z
  .string()
  .trim()
  .regex(/^[a-z0-9][a-z0-9._-]{0,62}$/i, "Use 1–63 letters, digits, dots, dashes or underscores, starting with a letter or digit");

export const role = z.enum(["viewer", "operator", "admin"]);

export const password = z.string().min(10, "Use at least 10 characters").max(200);

export const newUserInput = z.object({
  name: userName,
  email: z.string().trim().email().optional(),
  role,
  password,
});
export type NewUserInput = z.infer<typeof newUserInput>;

export const signInInput = z.object({
  name: z.string().trim().min(1).max(100),
  password: z.string().min(1).max(200),
});
