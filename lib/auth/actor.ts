import { userInfo } from "node:os";
import type { Role } from "../db/generated/enums";

/**
 * Who is acting: a signed-in user (by cookie or API token), someone at a shell running the CLI
 * (named by their operating-system user, since the CLI works on the database directly), or
 * Syncline itself (the expiry worker and other background writers).
 */
export type Actor =
  | { type: "user"; id: string; name: string; email: string | null; role: Role; via: "session" | "token" }
  | { type: "cli"; name: string }
  | { type: "system"; name: "system" };

export const systemActor: Actor = { type: "system", name: "system" };

/** The CLI's actor: `cli:<os user>`, so the audit trail tells a shell action from the expiry worker's. */
export function cliActor(): Actor {
  let osUser = process.env.SUDO_USER || process.env.USER || "";
  try {
    osUser ||= userInfo().username;
  } catch {
    // No passwd entry for this uid (some containers); the uid still names someone.
    osUser ||= `uid-${process.getuid?.() ?? "unknown"}`;
  }
  return { type: "cli", name: `cli:${osUser}` };
}

export type { Role };
