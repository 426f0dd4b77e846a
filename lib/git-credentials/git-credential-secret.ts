import { openSecret, sealSecret } from "../crypto/secret-box";
import { secretKey } from "../crypto/secret-key";

/** The secret part of a credential, sealed as one JSON envelope; everything else is a plain column. */
export type GitCredentialSecret = { token: string } | { password: string } | { privateKey: string; passphrase?: string };

export function sealGitCredentialSecret(secret: GitCredentialSecret): string {
  return sealSecret(JSON.stringify(secret), secretKey());
}

export function openGitCredentialSecret(envelope: string): GitCredentialSecret {
  return JSON.parse(openSecret(envelope, secretKey())) as GitCredentialSecret;
}
