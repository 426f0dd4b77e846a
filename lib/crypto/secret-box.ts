import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { AppError } from "../errors/app-error";

const VERSION = "v1";
const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * Seals a secret (kubeconfig, Git token) with AES-256-GCM. The envelope is text so it fits a
 * plain column: "v1:" + base64(iv ‖ tag ‖ ciphertext). GCM's tag makes tampering or a wrong key
 * fail loudly instead of yielding garbage.
 */
export function sealSecret(plaintext: string, key: Buffer): string {
  assertKey(key);
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return `${VERSION}:${Buffer.concat([iv, cipher.getAuthTag(), ciphertext]).toString("base64")}`;
}

export function openSecret(envelope: string, key: Buffer): string {
  assertKey(key);
  const [version, payload] = envelope.split(":", 2);
  if (version !== VERSION || !payload) throw new AppError("internal", "Unrecognised secret envelope");
  const raw = Buffer.from(payload, "base64");
  const decipher = createDecipheriv("aes-256-gcm", key, raw.subarray(0, IV_BYTES));
  decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
  try {
    return Buffer.concat([decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString("utf8");
  } catch {
    throw new AppError("internal", "A stored secret could not be decrypted: SYNCLINE_SECRET_KEY differs from the key it was sealed with");
  }
}

function assertKey(key: Buffer): void {
  if (key.length !== 32) throw new AppError("internal", "The secret key must be 32 bytes");
}
