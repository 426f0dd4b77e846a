// Public API of the sandbox for tests, benchmarks and the CLI.
import { callControl } from './control-server';
import type { SandboxCluster } from './types';

export type { ObjectRef, SandboxCluster, SandboxWorld, Env } from './types';
export type { RunningWorld, StartWorldOptions } from './world';
export type { CommitChange } from './commit';
export type { FluxEvent } from './flux-ops';
export type { GitAuthor } from './git';
export { attachOrStartWorld, findRunningWorld, startWorld } from './world';
export { commitChange } from './commit';
export type { AuthenticatedGitSource, AuthenticatedGitSourceOptions, GitTransport } from './git-source';
export { applyAuthenticatedGitSource, fleetRepoUrl, gitSecretData } from './git-source';
export { applyObject, getObject, gitRevision, patchObject, readFluxEvents, requestReconcile, waitForHelmRelease, waitForRevision } from './flux-ops';
export { kubectl, kubectlJson, KubectlError } from './kubectl';
export { ensureBinaries } from './build';

/** Stops the cluster's kube-apiserver (fault injection); its controllers keep running and retry. */
export function stopApiserver(cluster: Pick<SandboxCluster, 'controlUrl' | 'name'>): Promise<void> {
  return callControl(cluster.controlUrl, cluster.name, 'apiserver-stop');
}

/** Starts the cluster's kube-apiserver again on the same port with the same certificates and data. */
export function startApiserver(cluster: Pick<SandboxCluster, 'controlUrl' | 'name'>): Promise<void> {
  return callControl(cluster.controlUrl, cluster.name, 'apiserver-start');
}
