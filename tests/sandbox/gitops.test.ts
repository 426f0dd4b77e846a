// Specification of the sandbox world: real Flux controllers on two clusters
// reconcile commits pushed to the sandbox Git server. The scenarios build on
// each other (suspend, then resume), so they run in order in one file.
import { afterAll, describe, expect, inject, it } from 'vitest';
import {
  applyObject,
  commitChange,
  getObject,
  gitRevision,
  kubectl,
  KubectlError,
  kubectlJson,
  patchObject,
  readFluxEvents,
  requestReconcile,
  startApiserver,
  stopApiserver,
  waitForRevision,
  type SandboxCluster,
} from '../../e2e/sandbox';
import { reconcileHandled } from '../support/reconcile-handled';

const world = inject('sandbox');
const staging = world.clusters.find((c) => c.env === 'staging')!;
const production = world.clusters.find((c) => c.env === 'production')!;
const fleet = { kind: 'GitRepository', name: 'fleet', namespace: 'flux-system' };
const apps = { kind: 'Kustomization', name: 'apps', namespace: 'flux-system' };
const author = { name: 'Ines Duarte', email: 'ines.duarte@acme-shop.io' };

/** Changes the welcome banner in the web app's base, which both overlays include. */
function commitBanner(message: string): Promise<string> {
  return commitChange(world, {
    author,
    message: `web: banner "${message}"`,
    files: {
      'apps/web/configmap.yaml': `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: web-config\ndata:\n  PODINFO_UI_MESSAGE: ${JSON.stringify(message)}\n`,
    },
  });
}

async function bannerOn(cluster: SandboxCluster): Promise<string> {
  const cm = await kubectlJson<{ data: { PODINFO_UI_MESSAGE: string } }>(cluster, ['get', 'configmap', 'web-config', '-n', cluster.env]);
  return cm.data.PODINFO_UI_MESSAGE;
}

/** Fetching is source-controller's job; asking it speeds tests up without changing what is tested. */
async function fetchNow(...clusters: SandboxCluster[]): Promise<void> {
  await Promise.all(clusters.map((c) => requestReconcile(c, fleet)));
}

async function waitForArtifact(cluster: SandboxCluster, sha: string): Promise<void> {
  await expect
    .poll(async () => (await getObject<{ status?: { artifact?: { revision?: string } } }>(cluster, fleet)).status?.artifact?.revision, { timeout: 60_000, interval: 250 })
    .toBe(gitRevision(sha));
}

/**
 * A Kustomization of the web app's base that exists for this test alone. A controller drops the
 * events of an object once it has recorded 25 of them (client-go's spam filter: one more per five
 * minutes), and `apps` is reconciled by every other file of a full run; a new object starts afresh.
 */
const EVENTS_NAMESPACE = 'events-probe';
const eventsProbe = { kind: 'Kustomization', name: `events-probe-${Date.now().toString(36)}`, namespace: 'flux-system' };

async function applyEventsProbe(cluster: SandboxCluster): Promise<void> {
  await kubectl(cluster, ['create', 'namespace', EVENTS_NAMESPACE]).catch((error: unknown) => {
    if (!(error instanceof KubectlError && error.stderr.includes('AlreadyExists'))) throw error;
  });
  await applyObject(cluster, {
    apiVersion: 'kustomize.toolkit.fluxcd.io/v1',
    kind: 'Kustomization',
    metadata: { name: eventsProbe.name, namespace: eventsProbe.namespace },
    spec: { interval: '10m', path: './apps/web', prune: true, targetNamespace: EVENTS_NAMESPACE, sourceRef: { kind: 'GitRepository', name: 'fleet' } },
  });
}

describe('a commit to the fleet repository', () => {
  afterAll(async () => {
    await Promise.all([staging, production].map((cluster) => kubectl(cluster, ['delete', 'kustomization', eventsProbe.name, '-n', eventsProbe.namespace, '--wait=false']).catch(() => undefined)));
  });

  it('is applied by both clusters, as reported by kustomize-controller status and events', async () => {
    const head = (await getObject<{ status?: { artifact?: { revision?: string } } }>(staging, fleet)).status?.artifact?.revision?.split(':')[1] ?? '';
    await Promise.all([staging, production].map(applyEventsProbe));
    await Promise.all([staging, production].map((cluster) => waitForRevision(cluster, head, { kustomization: eventsProbe.name })));

    const banner = `Flash sale ${Date.now()}`;
    // Event times have whole-second precision.
    const committedAt = Math.floor(Date.now() / 1000) * 1000;
    const sha = await commitBanner(banner);
    await fetchNow(staging, production);

    await Promise.all([waitForRevision(staging, sha), waitForRevision(production, sha)]);
    await Promise.all([staging, production].map((cluster) => requestReconcile(cluster, eventsProbe)));
    await Promise.all([staging, production].map((cluster) => waitForRevision(cluster, sha, { kustomization: eventsProbe.name })));

    for (const cluster of [staging, production]) {
      expect(await bannerOn(cluster)).toBe(banner);
      // The controller records events asynchronously, just after the status.
      const changeEvents = async () =>
        (await readFluxEvents(cluster, { involvedObject: { kind: 'Kustomization', name: eventsProbe.name } })).filter(
          (e) => Date.parse(e.lastTimestamp) >= committedAt && e.message.includes(`ConfigMap/${EVENTS_NAMESPACE}/web-config configured`),
        );
      await expect.poll(async () => (await changeEvents()).length, { timeout: 30_000, interval: 250 }).toBeGreaterThan(0);
      expect((await changeEvents()).map((e) => e.reportingController)).toContain('kustomize-controller');
    }
  });
});

describe('suspending the apps Kustomization on one cluster', () => {
  let suspendedAt = '';
  let pending = '';

  afterAll(async () => {
    await patchObject(production, apps, { spec: { suspend: false } });
  });

  it('keeps that cluster on its revision while the other cluster applies the next commit', async () => {
    suspendedAt = (await getObject(production, apps)).status?.lastAppliedRevision ?? '';
    const bannerBefore = await bannerOn(production);
    await patchObject(production, apps, { spec: { suspend: true } });

    pending = await commitBanner(`Suspended rollout ${Date.now()}`);
    await fetchNow(staging, production);
    await waitForRevision(staging, pending);

    // production has fetched the commit but must not apply it, even when asked to: its
    // kustomize-controller takes the request up, and leaves the revision as it was.
    await waitForArtifact(production, pending);
    await reconcileHandled(production, apps);
    expect((await getObject(production, apps)).status?.lastAppliedRevision).toBe(suspendedAt);
    expect(await bannerOn(production)).toBe(bannerBefore);
  });

  it('catches up with the latest commit after it is resumed', async () => {
    await patchObject(production, apps, { spec: { suspend: false } });
    await requestReconcile(production, apps);

    await waitForRevision(production, pending);
    expect(await bannerOn(production)).toMatch(/^Suspended rollout/);
  });
});

describe('a cluster whose API server restarts', () => {
  it('comes back on the same address and Flux keeps reconciling', async () => {
    await stopApiserver(production);
    await expect(kubectlJson(production, ['get', 'namespaces'])).rejects.toThrow();
    await startApiserver(production);

    const sha = await commitBanner(`After restart ${Date.now()}`);
    await fetchNow(production);
    await waitForRevision(production, sha, { timeoutMs: 90_000 });
  });
});
