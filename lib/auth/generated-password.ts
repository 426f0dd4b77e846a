import { randomBytes } from "node:crypto";

/** A 120-bit password for accounts created without one; shown to the operator once. */
export function generatedPassword(): string {
  return randomBytes(15).toString("base64url");
}
