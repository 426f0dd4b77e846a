import { GitError, isSshUrl, noCredentials, safeUrl, type GitCredentials } from "../git";
import type { KubeClient } from "../k8s/client";
import { isKubeError } from "../k8s/kube-error";
import type { FluxObject } from "../k8s/resources";

interface GitRepositorySpec {
  url?: string;
  secretRef?: { name?: string };
  provider?: string;
}

interface SecretObject {
  data?: Record<string, string>;
}

/**
 * The credentials a GitRepository itself uses, read from its `spec.secretRef` Secret in its
 * namespace now, at the time of use, and never kept: Flux's keys `username`/`password` or
 * `bearerToken` for HTTPS, `identity`/`known_hosts` (and `password` for an encrypted key) for SSH,
 * and `ca.crt` (or the older `caFile`) for an HTTPS server's CA. Throws GitError
 * ("credentials-unavailable", "unsupported") when they cannot be had.
 */
export async function sourceCredentials(client: KubeClient, gitRepository: FluxObject, signal?: AbortSignal): Promise<GitCredentials> {
  const spec = (gitRepository.spec ?? {}) as GitRepositorySpec;
  const url = spec.url ?? "";
  const namespace = gitRepository.metadata.namespace ?? "";
  if (spec.provider && spec.provider !== "generic") {
    throw new GitError({ reason: "unsupported", url: safeUrl(url), message: `unsupported: ${safeUrl(url)} authenticates through provider "${spec.provider}", which Syncline cannot use` });
  }
  const secretName = spec.secretRef?.name;
  if (!secretName) return noCredentials;
  const data = await readSecret(client, namespace, secretName, url, signal);
  const text = (key: string): string | undefined => (data[key] === undefined ? undefined : Buffer.from(data[key], "base64").toString("utf8"));
  const caCert = text("ca.crt") ?? text("caFile");
  const withCa = <T extends GitCredentials>(credentials: T): T => (caCert ? { ...credentials, caCert } : credentials);
  if (isSshUrl(url)) {
    const identity = text("identity");
    const knownHosts = text("known_hosts");
    if (!identity || !knownHosts) throw unavailable(url, `Secret ${namespace}/${secretName} has no ${identity ? "known_hosts" : "identity"} for an SSH URL`);
    const password = text("password");
    return password ? { kind: "ssh", identity, knownHosts, password } : { kind: "ssh", identity, knownHosts };
  }
  const token = text("bearerToken");
  if (token) return withCa({ kind: "bearer", token });
  const username = text("username");
  if (username !== undefined) return withCa({ kind: "basic", username, password: text("password") ?? "" });
  return withCa({ kind: "none" });
}

async function readSecret(client: KubeClient, namespace: string, name: string, url: string, signal?: AbortSignal): Promise<Record<string, string>> {
  try {
    const secret = await client.request<SecretObject>("GET", `/api/v1/namespaces/${encodeURIComponent(namespace)}/secrets/${encodeURIComponent(name)}`, signal ? { signal } : {});
    return secret.data ?? {};
  } catch (error) {
    if (isKubeError(error) && error.status === 404) throw unavailable(url, `Secret ${namespace}/${name} does not exist`);
    if (isKubeError(error) && error.status === 403) throw unavailable(url, `Syncline may not read Secret ${namespace}/${name}`);
    throw unavailable(url, `Secret ${namespace}/${name} could not be read: ${isKubeError(error) ? error.reason : "request failed"}`);
  }
}

function unavailable(url: string, detail: string): GitError {
  return new GitError({ reason: "credentials-unavailable", url: safeUrl(url), message: `credentials unavailable: ${detail}` });
}
