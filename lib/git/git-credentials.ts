/**
 * How Syncline authenticates to a Git server: the same credentials the GitRepository uses (its
 * secretRef), read at the time of use and never stored. `caCert` is a PEM bundle an HTTPS server's
 * certificate must chain to (Flux's `ca.crt`), replacing the system's trust store for that call.
 */
export type GitCredentials = (
  | { kind: "none" }
  | { kind: "basic"; username: string; password: string }
  | { kind: "bearer"; token: string }
  /** `identity` is a private key (PEM or OpenSSH), `knownHosts` the server's host keys; `password` unlocks an encrypted key. */
  | { kind: "ssh"; identity: string; knownHosts: string; password?: string }
) & { caCert?: string };

export const noCredentials: GitCredentials = { kind: "none" };

/** Every secret value the credentials hold, so that error text can be scrubbed of each one. */
export function secretValuesOf(credentials: GitCredentials): string[] {
  switch (credentials.kind) {
    case "basic":
      return [credentials.password, Buffer.from(`${credentials.username}:${credentials.password}`).toString("base64")].filter(Boolean);
    case "bearer":
      return [credentials.token].filter(Boolean);
    case "ssh":
      return [credentials.identity, credentials.password ?? ""].filter(Boolean);
    case "none":
      return [];
  }
}
