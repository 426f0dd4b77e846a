// A GitRepository that reads the fleet repository with credentials, as most real fleets do: over
// HTTPS with basic auth and the server's CA, or over SSH with a key and known_hosts, through a
// Secret with Flux's own keys.
import { readFileSync } from 'node:fs';
import { stringify } from 'yaml';
import { FLUX_NAMESPACE } from './flux-controllers';
import { kubectl } from './kubectl';
import { FLEET_REPO } from './seed-repo';
import type { SandboxCluster, SandboxWorld } from './types';

export type GitTransport = 'https' | 'ssh';

export interface AuthenticatedGitSourceOptions {
  name: string;
  transport: GitTransport;
  namespace?: string;
  branch?: string;
  /** Overrides the server's password (HTTPS), e.g. to test a wrong one. */
  password?: string;
}

export interface AuthenticatedGitSource {
  name: string;
  namespace: string;
  /** The clone URL the GitRepository uses. */
  url: string;
  secretName: string;
  /** Deletes the GitRepository and its Secret. */
  remove(): Promise<void>;
}

type Cluster = Pick<SandboxCluster, 'bin' | 'kubeconfig'>;

/** The Secret's data under Flux's keys for the transport. */
export function gitSecretData(git: SandboxWorld['git'], transport: GitTransport, password = git.password): Record<string, string> {
  return transport === 'https'
    ? { username: git.username, password, 'ca.crt': readFileSync(git.caFile, 'utf8') }
    : { identity: git.sshIdentity, known_hosts: git.knownHosts };
}

export function fleetRepoUrl(git: SandboxWorld['git'], transport: GitTransport): string {
  return `${transport === 'https' ? git.httpsUrl : git.sshUrl}/${FLEET_REPO}`;
}

export async function applyAuthenticatedGitSource(cluster: Cluster, world: Pick<SandboxWorld, 'git'>, opts: AuthenticatedGitSourceOptions): Promise<AuthenticatedGitSource> {
  const namespace = opts.namespace ?? FLUX_NAMESPACE;
  const secretName = `${opts.name}-git-auth`;
  const url = fleetRepoUrl(world.git, opts.transport);
  const docs = [
    { apiVersion: 'v1', kind: 'Secret', metadata: { name: secretName, namespace }, type: 'Opaque', stringData: gitSecretData(world.git, opts.transport, opts.password) },
    {
      apiVersion: 'source.toolkit.fluxcd.io/v1',
      kind: 'GitRepository',
      metadata: { name: opts.name, namespace },
      spec: { interval: '15s', timeout: '20s', url, ref: { branch: opts.branch ?? 'main' }, secretRef: { name: secretName } },
    },
  ];
  await kubectl(cluster, ['apply', '--server-side', '--field-manager=sandbox', '-f', '-'], { input: docs.map((d) => stringify(d)).join('---\n') });
  return {
    name: opts.name,
    namespace,
    url,
    secretName,
    remove: async () => {
      await kubectl(cluster, ['delete', '--ignore-not-found', '--wait=false', '-n', namespace, 'gitrepository', opts.name]);
      await kubectl(cluster, ['delete', '--ignore-not-found', '--wait=false', '-n', namespace, 'secret', secretName]);
    },
  };
}
