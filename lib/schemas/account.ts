import { z } from "zod";
import { password } from "./users";

/** Changing one's own password: the current one proves it is the owner at the keyboard. */
export const changeOwnPasswordInput = z
  .object({
    currentPassword: z.string().min(1, "Enter your current password").max(200),
    newPassword: password,
  })
  .strict()
  .refine((input) => input.currentPassword !== input.newPassword, {
    message: "The new password must differ from the current one",
    path: ["newPassword"],
  });
export type ChangeOwnPasswordInput = z.input<typeof changeOwnPasswordInput>;

export const passwordChanged = z.object({
  endedSessions: z.number().int().describe("How many of the user's other sign-ins were ended"),
});
