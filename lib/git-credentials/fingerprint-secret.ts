import { execFile } from "node:child_process";
import { createHash, createPublicKey } from "node:crypto";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { AppError } from "../errors/app-error";
import type { GitCredentialKindName } from "../schemas/git-credentials";
import type { GitCredentialSecret } from "./git-credential-secret";

/**
 * What lists show to recognise a secret without revealing it, and the proof that a key parses
 * (a key that does not is refused with 422 before anything is stored): an SSH key's SHA256
 * fingerprint as ssh-keygen prints it, a GitHub App key's SHA256 public-key fingerprint as GitHub
 * shows it, the last 4 characters of a token. A password, often short enough to guess, shows none of itself.
 */
export async function fingerprintSecret(kind: GitCredentialKindName, secret: GitCredentialSecret): Promise<string> {
  if ("token" in secret) return `…${secret.token.slice(-4)}`;
  if ("password" in secret) return "••••";
  if (kind === "github-app") return appKeyFingerprint(secret.privateKey);
  return sshKeyFingerprint(secret.privateKey, secret.passphrase);
}

function appKeyFingerprint(privateKey: string): string {
  try {
    const der = createPublicKey(privateKey).export({ type: "spki", format: "der" });
    return `SHA256:${createHash("sha256").update(der).digest("base64")}`;
  } catch {
    throw invalidKey("The App's private key is not a PEM private key GitHub issued");
  }
}

/**
 * ssh-keygen reads the key (OpenSSH or PEM, encrypted or not) and prints its public half. The
 * passphrase reaches it through askpass from the environment, never argv or disk.
 */
async function sshKeyFingerprint(privateKey: string, passphrase: string | undefined): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "syncline-key-"));
  try {
    const keyFile = join(dir, "identity");
    const askpass = join(dir, "askpass.sh");
    await writeFile(keyFile, privateKey.endsWith("\n") ? privateKey : `${privateKey}\n`, { mode: 0o600 });
    await writeFile(askpass, '#!/bin/sh\nprintf "%s\\n" "$SYNCLINE_SSH_KEY_PASSPHRASE"\n', { mode: 0o700 });
    const env = {
      PATH: process.env.PATH ?? "/usr/bin:/bin",
      LC_ALL: "C",
      DISPLAY: ":0",
      SSH_ASKPASS: askpass,
      SSH_ASKPASS_REQUIRE: "force",
      SYNCLINE_SSH_KEY_PASSPHRASE: passphrase ?? "",
    } as unknown as NodeJS.ProcessEnv;
    const publicKey = await new Promise<string>((resolve, reject) => {
      execFile("ssh-keygen", ["-y", "-f", keyFile], { env, timeout: 15_000, encoding: "utf8" }, (error, stdout) => (error ? reject(error) : resolve(stdout)));
    }).catch(() => {
      throw invalidKey(passphrase ? "The private key does not parse, or the passphrase does not unlock it" : "The private key does not parse (or it is encrypted and needs its passphrase)");
    });
    const blob = publicKey.trim().split(/\s+/)[1];
    if (!blob) throw invalidKey("The private key does not parse");
    return `SHA256:${createHash("sha256").update(Buffer.from(blob, "base64")).digest("base64").replace(/=+$/, "")}`;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function invalidKey(message: string): AppError {
  return new AppError("validation_failed", message, [{ path: "privateKey", message }]);
}
