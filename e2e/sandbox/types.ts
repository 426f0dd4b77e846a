// Shapes shared by the sandbox host, the test helpers and the vitest
// globalSetup. They are plain JSON so a world can be handed between processes.

export type Env = 'staging' | 'production';

export interface SandboxCluster {
  name: string;
  /** Admin kubeconfig (bearer token, user `admin` in group system:masters). */
  kubeconfig: string;
  /** Admin kubeconfig authenticating with a client certificate (O=system:masters). */
  certKubeconfig: string;
  /** User `viewer`: may only get/list/watch Flux objects and events. */
  viewerKubeconfig: string;
  /** User `nobody`: authenticated, no permissions at all. */
  nobodyKubeconfig: string;
  context: string;
  labels: Record<string, string>;
  server: string;
  env: Env;
  /** PEM file of this cluster's own CA. */
  caFile: string;
  /** Folder with kubectl and flux. */
  bin: string;
  /** Control endpoint of the process hosting this cluster (see stopApiserver). */
  controlUrl: string;
}

/**
 * The sandbox Git server. The same repositories are served three ways: plain HTTP without
 * authentication (`url`, `repos`: what the fleet GitRepository uses), HTTPS with basic auth and a
 * certificate from the server's own CA, and SSH with a client key and the server's host key.
 * A repository `fleet.git` is at `${base}/fleet.git` for each base URL.
 */
export interface SandboxGit {
  url: string;
  repos: string[];
  httpsUrl: string;
  /** HTTP basic credentials of the HTTPS endpoint. */
  username: string;
  password: string;
  /** PEM file of the CA that signed the HTTPS endpoint's certificate (Flux's `ca.crt`). */
  caFile: string;
  sshUrl: string;
  /** The client's private key (OpenSSH PEM; Flux's `identity`). */
  sshIdentity: string;
  /** known_hosts line of the SSH endpoint's host key (Flux's `known_hosts`). */
  knownHosts: string;
}

export interface SandboxWorld {
  clusters: SandboxCluster[];
  git: SandboxGit;
  /** Folder with kubectl and flux. */
  bin: string;
  stateDir: string;
  /** Loopback HTTP endpoint of the host process, for fault injection from other processes. */
  controlUrl: string;
  /** Commit the seeded fleet repository's main branch pointed at when the world started. */
  seedRevision: string;
}

export interface ObjectRef {
  kind: string;
  namespace?: string;
  name: string;
}
