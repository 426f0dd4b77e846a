import type { Role } from "../db/generated/enums";

/** Who is acting: a signed-in user (by cookie or API token), or Syncline itself. */
export type Actor =
  | { type: "user"; id: string; name: string; email: string | null; role: Role; via: "session" | "token" }
  | { type: "system"; name: "system" };

export const systemActor: Actor = { type: "system", name: "system" };

export type { Role };
