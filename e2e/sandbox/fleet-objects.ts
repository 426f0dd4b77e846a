// The Flux objects each sandbox cluster reconciles: the fleet GitRepository,
// the `infra` and `apps` Kustomizations, the `status-page` HelmRelease whose
// chart lives in the fleet repository, and a Helm source and release that
// fail (there is no internet), as they would on a real fleet with a bad chart.
import { stringify } from 'yaml';
import { FLUX_NAMESPACE } from './flux-controllers';
import { kubectl } from './kubectl';
import { STATUS_PAGE_CHART } from './seed-repo';
import type { SandboxCluster } from './types';

export const APPS_KUSTOMIZATION = 'apps';
export const STATUS_PAGE_RELEASE = 'status-page';

function fluxObjects(env: string, repoUrl: string): object[] {
  const metadata = (name: string) => ({ name, namespace: FLUX_NAMESPACE });
  const sourceRef = { kind: 'GitRepository', name: 'fleet' };
  return [
    {
      apiVersion: 'source.toolkit.fluxcd.io/v1',
      kind: 'GitRepository',
      metadata: metadata('fleet'),
      spec: { interval: '15s', timeout: '20s', url: repoUrl, ref: { branch: 'main' } },
    },
    {
      apiVersion: 'kustomize.toolkit.fluxcd.io/v1',
      kind: 'Kustomization',
      metadata: metadata('infra'),
      spec: { interval: '1m', path: './infrastructure', prune: true, wait: false, timeout: '1m', sourceRef },
    },
    {
      // wait: false and no healthChecks: without kube-controller-manager no
      // Deployment ever reports ready, so waiting would always time out.
      apiVersion: 'kustomize.toolkit.fluxcd.io/v1',
      kind: 'Kustomization',
      metadata: metadata(APPS_KUSTOMIZATION),
      spec: { interval: '30s', retryInterval: '10s', path: `./clusters/${env}`, prune: true, wait: false, timeout: '1m', sourceRef },
    },
    {
      // driftDetection enabled: while the release is suspended (auto-sync off) a hand change stays
      // and helm-controller's Drifted condition keeps its last verdict; on resume helm-controller
      // reports the drift and corrects it within one reconcile, as kustomize-controller does.
      // Neither `warn` nor `disabled` would ever correct it: `warn` ignores even a forced reconcile
      // while the release is drifted. No waiting: without kube-controller-manager no pod ever runs.
      apiVersion: 'helm.toolkit.fluxcd.io/v2',
      kind: 'HelmRelease',
      metadata: metadata(STATUS_PAGE_RELEASE),
      spec: {
        interval: '1m',
        releaseName: STATUS_PAGE_RELEASE,
        targetNamespace: STATUS_PAGE_RELEASE,
        chart: { spec: { chart: `./${STATUS_PAGE_CHART}`, interval: '1m', sourceRef } },
        values: { message: `ACME shop ${env}: all systems operational` },
        driftDetection: { mode: 'enabled' },
        install: { createNamespace: true, disableWait: true, remediation: { retries: -1 } },
        upgrade: { disableWait: true, remediation: { retries: 3, remediateLastFailure: true } },
      },
    },
    {
      // Long intervals: these can never succeed offline and should not burn CPU retrying.
      apiVersion: 'source.toolkit.fluxcd.io/v1',
      kind: 'HelmRepository',
      metadata: metadata('podinfo'),
      spec: { interval: '60m', timeout: '10s', url: 'https://stefanprodan.github.io/podinfo' },
    },
    {
      apiVersion: 'helm.toolkit.fluxcd.io/v2',
      kind: 'HelmRelease',
      metadata: metadata('podinfo'),
      spec: {
        interval: '60m',
        targetNamespace: 'monitoring',
        chart: { spec: { chart: 'podinfo', version: '6.x', interval: '60m', sourceRef: { kind: 'HelmRepository', name: 'podinfo' } } },
        install: { remediation: { retries: 0 } },
      },
    },
  ];
}

export async function applyFleetObjects(cluster: SandboxCluster, repoUrl: string): Promise<void> {
  const docs = fluxObjects(cluster.env, repoUrl).map((d) => stringify(d)).join('---\n');
  await kubectl(cluster, ['apply', '--server-side', '--field-manager=sandbox', '-f', '-'], { input: docs });
}
