import type { GitCredentials } from "../git";

/**
 * A Git credential as the data of the Secret a Flux GitRepository's secretRef names (source-controller's
 * keys: username/password, bearerToken, identity/known_hosts/password, ca.crt), base64-encoded for
 * a server-side apply. It holds the secret: it goes to the cluster only, never to a log or an answer.
 */
export function fluxSecretData(credentials: GitCredentials): Record<string, string> {
  const plain: Record<string, string> = {};
  switch (credentials.kind) {
    case "basic":
      plain.username = credentials.username;
      plain.password = credentials.password;
      break;
    case "bearer":
      plain.bearerToken = credentials.token;
      break;
    case "ssh":
      plain.identity = credentials.identity;
      plain.known_hosts = credentials.knownHosts;
      if (credentials.password) plain.password = credentials.password;
      break;
    case "none":
      break;
  }
  if (credentials.caCert) plain["ca.crt"] = credentials.caCert;
  return Object.fromEntries(Object.entries(plain).map(([key, value]) => [key, Buffer.from(value).toString("base64")]));
}
