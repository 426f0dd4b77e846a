import { createHash, randomBytes } from "node:crypto";

/**
 * Session cookies and API tokens are 256-bit random strings. Only their SHA-256 is stored: a
 * database leak then yields nothing that can sign in, and a fast hash suffices because the
 * input has full entropy (unlike a password).
 */
export function newOpaqueToken(prefix: string): string {
  return `${prefix}_${randomBytes(32).toString("base64url")}`;
}

export function hashOpaqueToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}
