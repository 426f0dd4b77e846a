// What a person (or a test) does to a cluster: ask Flux to reconcile now,
// wait until Flux reports a revision applied, create drift, suspend, read
// Flux's events. Everything goes through kubectl against the real API server.
import { setTimeout as sleep } from 'node:timers/promises';
import { stringify } from 'yaml';
import { APPS_KUSTOMIZATION } from './fleet-objects';
import { FLUX_NAMESPACE } from './flux-controllers';
import { kubectl, kubectlJson } from './kubectl';
import type { ObjectRef, SandboxCluster } from './types';

type Cluster = Pick<SandboxCluster, 'bin' | 'kubeconfig' | 'name'>;

interface Condition {
  type: string;
  status: string;
  reason?: string;
  message?: string;
}

interface FluxObject {
  metadata: { name: string; namespace: string; annotations?: Record<string, string> };
  spec: Record<string, unknown>;
  status?: { lastAppliedRevision?: string; lastAttemptedRevision?: string; conditions?: Condition[] };
}

export interface FluxEvent {
  type: string;
  reason: string;
  message: string;
  involvedObject: { kind: string; name: string; namespace: string };
  /** Flux annotates its events, e.g. with `kustomize.toolkit.fluxcd.io/revision`. */
  annotations: Record<string, string>;
  reportingController: string;
  lastTimestamp: string;
  count: number;
}

const scope = (ref: ObjectRef) => ['-n', ref.namespace ?? FLUX_NAMESPACE];

/** The same annotation `flux reconcile` sets: the controller reconciles now instead of at its next interval. */
export async function requestReconcile(cluster: Cluster, ref: ObjectRef): Promise<void> {
  await kubectl(cluster, ['annotate', '--overwrite', ...scope(ref), ref.kind, ref.name, `reconcile.fluxcd.io/requestedAt=${new Date().toISOString()}`]);
}

export function getObject<T = FluxObject>(cluster: Cluster, ref: ObjectRef): Promise<T> {
  return kubectlJson<T>(cluster, ['get', ...scope(ref), ref.kind, ref.name]);
}

/** Flux's own notion of a Git revision, as found in status.lastAppliedRevision. */
export const gitRevision = (sha: string, branch = 'main') => `${branch}@sha1:${sha}`;

/**
 * Waits until the Kustomization's status.lastAppliedRevision is `main@sha1:<sha>`,
 * i.e. until kustomize-controller itself reports the commit applied.
 */
export async function waitForRevision(
  cluster: Cluster,
  sha: string,
  opts: { kustomization?: string; namespace?: string; timeoutMs?: number } = {},
): Promise<void> {
  const ref = { kind: 'Kustomization', name: opts.kustomization ?? APPS_KUSTOMIZATION, namespace: opts.namespace ?? FLUX_NAMESPACE };
  const want = gitRevision(sha);
  const deadline = Date.now() + (opts.timeoutMs ?? 120_000);
  let last: FluxObject | undefined;
  while (Date.now() < deadline) {
    last = await getObject(cluster, ref).catch(() => undefined);
    if (last?.status?.lastAppliedRevision === want) return;
    await sleep(250);
  }
  const ready = last?.status?.conditions?.find((c) => c.type === 'Ready');
  throw new Error(
    `${cluster.name}: Kustomization ${ref.namespace}/${ref.name} did not apply ${want}; ` +
      `lastApplied=${last?.status?.lastAppliedRevision} lastAttempted=${last?.status?.lastAttemptedRevision} Ready=${ready?.status} ${ready?.reason}: ${ready?.message}`,
  );
}

/** Waits until helm-controller reports the HelmRelease Ready, i.e. its current release deployed. */
export async function waitForHelmRelease(cluster: Cluster, name: string, opts: { namespace?: string; timeoutMs?: number } = {}): Promise<void> {
  const ref = { kind: 'HelmRelease', name, namespace: opts.namespace ?? FLUX_NAMESPACE };
  const deadline = Date.now() + (opts.timeoutMs ?? 120_000);
  let ready: Condition | undefined;
  while (Date.now() < deadline) {
    const release = await getObject(cluster, ref).catch(() => undefined);
    ready = release?.status?.conditions?.find((c) => c.type === 'Ready');
    if (ready?.status === 'True') return;
    await sleep(250);
  }
  throw new Error(`${cluster.name}: HelmRelease ${ref.namespace}/${name} is not ready: ${ready?.reason}: ${ready?.message}`);
}

/** Server-side apply as a separate field manager, forcing conflicts — how someone would hand-edit a live object. */
export async function applyObject<T = unknown>(cluster: Cluster, manifest: object | string): Promise<T> {
  const input = typeof manifest === 'string' ? manifest : stringify(manifest);
  const out = await kubectl(cluster, ['apply', '--server-side', '--force-conflicts', '--field-manager=sandbox-test', '-o', 'json', '-f', '-'], { input });
  return JSON.parse(out) as T;
}

export async function patchObject<T = unknown>(cluster: Cluster, ref: ObjectRef, patch: object, type: 'merge' | 'json' | 'strategic' = 'merge'): Promise<T> {
  const out = await kubectl(cluster, ['patch', ...scope(ref), ref.kind, ref.name, `--type=${type}`, `--patch=${JSON.stringify(patch)}`, '-o', 'json']);
  return JSON.parse(out) as T;
}

interface CoreEvent {
  type: string;
  reason: string;
  message: string;
  involvedObject: { kind: string; name: string; namespace: string };
  metadata: { annotations?: Record<string, string> };
  reportingComponent?: string;
  source?: { component?: string };
  lastTimestamp?: string;
  eventTime?: string;
  count?: number;
}

/** Kubernetes Events about Flux objects (as recorded by the controllers), oldest first. */
export async function readFluxEvents(cluster: Cluster, opts: { namespace?: string; involvedObject?: { kind: string; name: string } } = {}): Promise<FluxEvent[]> {
  const selector = opts.involvedObject ? [`--field-selector=involvedObject.kind=${opts.involvedObject.kind},involvedObject.name=${opts.involvedObject.name}`] : [];
  const list = await kubectlJson<{ items: CoreEvent[] }>(cluster, ['get', 'events', '-n', opts.namespace ?? FLUX_NAMESPACE, ...selector]);
  return list.items
    .map((e) => ({
      type: e.type,
      reason: e.reason,
      message: e.message,
      involvedObject: e.involvedObject,
      annotations: e.metadata.annotations ?? {},
      reportingController: e.reportingComponent || e.source?.component || '',
      lastTimestamp: e.lastTimestamp ?? e.eventTime ?? '',
      count: e.count ?? 1,
    }))
    .sort((a, b) => a.lastTimestamp.localeCompare(b.lastTimestamp));
}
