import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { AppError } from "../errors/app-error";
import { dataDir } from "../config/data-dir";

let cached: Buffer | undefined;

/**
 * The key that seals secrets at rest. SYNCLINE_SECRET_KEY (32 bytes as base64 or hex) wins;
 * otherwise a key is generated once into the data folder with owner-only permissions, which is
 * what the embedded default needs to work with no setup.
 */
export function secretKey(): Buffer {
  cached ??= loadSecretKey(process.env.SYNCLINE_SECRET_KEY, dataDir());
  return cached;
}

export function loadSecretKey(fromEnv: string | undefined, folder: string): Buffer {
  if (fromEnv) return parseKey(fromEnv, "SYNCLINE_SECRET_KEY");
  const file = join(folder, "secret.key");
  try {
    return parseKey(readFileSync(file, "utf8").trim(), file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  mkdirSync(folder, { recursive: true });
  const key = randomBytes(32);
  writeFileSync(file, key.toString("base64") + "\n", { mode: 0o600, flag: "wx" });
  return key;
}

function parseKey(text: string, where: string): Buffer {
  const key = /^[0-9a-f]{64}$/i.test(text) ? Buffer.from(text, "hex") : Buffer.from(text, "base64");
  if (key.length !== 32) throw new AppError("internal", `${where} must hold 32 bytes, as base64 or 64 hex digits`);
  return key;
}
