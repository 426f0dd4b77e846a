// Turns a bare API server into a Flux-ready cluster: the Flux CRDs, the
// flux-system namespace, and RBAC for the restricted sandbox users.
import { readFileSync } from 'node:fs';
import { stringify } from 'yaml';
import { FLUX_VERSION } from './build';
import { FLUX_NAMESPACE } from './flux-controllers';
import { kubectl } from './kubectl';
import type { SandboxCluster } from './types';

const FLUX_API_GROUPS = ['source.toolkit.fluxcd.io', 'kustomize.toolkit.fluxcd.io', 'helm.toolkit.fluxcd.io'];

const viewerRbac = [
  {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'ClusterRole',
    metadata: { name: 'flux-viewer' },
    rules: [
      { apiGroups: FLUX_API_GROUPS, resources: ['*'], verbs: ['get', 'list', 'watch'] },
      { apiGroups: ['', 'events.k8s.io'], resources: ['events'], verbs: ['get', 'list', 'watch'] },
    ],
  },
  {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'ClusterRoleBinding',
    metadata: { name: 'flux-viewer' },
    roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'flux-viewer' },
    subjects: [{ apiGroup: 'rbac.authorization.k8s.io', kind: 'User', name: 'viewer' }],
  },
];

export async function bootstrapCluster(cluster: SandboxCluster, crdFiles: string[]): Promise<void> {
  const crds = crdFiles.map((f) => readFileSync(f, 'utf8')).join('\n---\n');
  await kubectl(cluster, ['apply', '--server-side', '--field-manager=sandbox', '-f', '-'], { input: crds });
  // `flux install` labels its CRDs this way; tools (Syncline included) read the Flux version from it.
  const fluxLabels = ['app.kubernetes.io/part-of=flux', 'app.kubernetes.io/instance=flux-system', `app.kubernetes.io/version=${FLUX_VERSION}`];
  await kubectl(cluster, ['label', 'crd', '--all', '--overwrite', ...fluxLabels]);
  const namespace = { apiVersion: 'v1', kind: 'Namespace', metadata: { name: FLUX_NAMESPACE } };
  const docs = [namespace, ...viewerRbac].map((d) => stringify(d)).join('---\n');
  await kubectl(cluster, ['apply', '--server-side', '--field-manager=sandbox', '-f', '-'], { input: docs });
  await kubectl(cluster, ['wait', '--for=condition=Established', '--timeout=60s', 'crd', '--all']);
}
