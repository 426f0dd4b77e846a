import { openGitCredential } from "../git-credentials";
import { fluxSecretData } from "./flux-secret-data";

/** The Secret data for a stored credential, opened at the time of use; it holds the secret and goes to clusters only. */
export async function openCredentialSecretData(credentialId: string): Promise<Record<string, string>> {
  return fluxSecretData(await openGitCredential(credentialId));
}
