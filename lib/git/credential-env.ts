import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { GitCredentials } from "./git-credentials";

export interface CredentialEnv {
  env: Record<string, string>;
  /** Deletes the key, known_hosts and CA files written for this one call. */
  dispose(): Promise<void>;
}

/** POSIX single quotes for GIT_SSH_COMMAND, which git runs through the shell. */
const quote = (value: string) => `'${value.replaceAll("'", `'\\''`)}'`;

/**
 * The environment that hands `credentials` to one git call and nowhere else: never argv (which
 * any user can read in the process list), never the URL (which git stores in the repository).
 * HTTP credentials travel as an Authorization header in git's environment-only configuration;
 * SSH gets a private 0600 key file and a known_hosts file with strict host key checking; a CA
 * bundle becomes GIT_SSL_CAINFO. SSH without a key still checks the host strictly and never
 * offers the machine user's own keys or agent.
 */
export async function credentialEnv(credentials: GitCredentials): Promise<CredentialEnv> {
  const needsFiles = credentials.kind === "ssh" || credentials.caCert !== undefined;
  const dir = needsFiles ? await mkdtemp(join(tmpdir(), "syncline-git-")) : null;
  const dispose = async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  };
  try {
    const env: Record<string, string> = {};
    const header = authorizationHeader(credentials);
    if (header) Object.assign(env, { GIT_CONFIG_COUNT: "1", GIT_CONFIG_KEY_0: "http.extraHeader", GIT_CONFIG_VALUE_0: header });
    if (dir && credentials.caCert) {
      await writeFile(join(dir, "ca.crt"), credentials.caCert, { mode: 0o600 });
      env.GIT_SSL_CAINFO = join(dir, "ca.crt");
    }
    Object.assign(env, await sshEnv(credentials, dir));
    return { env, dispose };
  } catch (error) {
    await dispose();
    throw error;
  }
}

function authorizationHeader(credentials: GitCredentials): string | null {
  if (credentials.kind === "basic") return `Authorization: Basic ${Buffer.from(`${credentials.username}:${credentials.password}`).toString("base64")}`;
  if (credentials.kind === "bearer") return `Authorization: Bearer ${credentials.token}`;
  return null;
}

async function sshEnv(credentials: GitCredentials, dir: string | null): Promise<Record<string, string>> {
  const options = [
    "-F /dev/null",
    "-o IdentitiesOnly=yes",
    "-o IdentityAgent=none",
    "-o GlobalKnownHostsFile=/dev/null",
    "-o StrictHostKeyChecking=yes",
    "-o PasswordAuthentication=no",
    "-o KbdInteractiveAuthentication=no",
    "-o ConnectTimeout=15",
  ];
  if (credentials.kind !== "ssh" || !dir) {
    return { GIT_SSH_COMMAND: ["ssh", ...options, "-o IdentityFile=/dev/null", "-o UserKnownHostsFile=/dev/null", "-o BatchMode=yes"].join(" "), GIT_SSH_VARIANT: "ssh" };
  }
  const identity = join(dir, "identity");
  const knownHosts = join(dir, "known_hosts");
  await writeFile(identity, credentials.identity.endsWith("\n") ? credentials.identity : `${credentials.identity}\n`, { mode: 0o600 });
  await writeFile(knownHosts, credentials.knownHosts, { mode: 0o600 });
  const command = ["ssh", ...options, `-i ${quote(identity)}`, `-o UserKnownHostsFile=${quote(knownHosts)}`];
  if (!credentials.password) return { GIT_SSH_COMMAND: [...command, "-o BatchMode=yes"].join(" "), GIT_SSH_VARIANT: "ssh" };
  // An encrypted key: ssh asks the askpass program, which prints the passphrase from the
  // environment, so it is never written to disk. Every other prompt is switched off above.
  const askpass = join(dir, "askpass.sh");
  await writeFile(askpass, '#!/bin/sh\nprintf "%s\\n" "$SYNCLINE_SSH_KEY_PASSPHRASE"\n', { mode: 0o700 });
  return {
    GIT_SSH_COMMAND: [...command, "-o BatchMode=no", "-o NumberOfPasswordPrompts=1"].join(" "),
    GIT_SSH_VARIANT: "ssh",
    SSH_ASKPASS: askpass,
    SSH_ASKPASS_REQUIRE: "force",
    DISPLAY: ":0",
    SYNCLINE_SSH_KEY_PASSPHRASE: credentials.password,
  };
}
