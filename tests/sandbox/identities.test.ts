// Specification of the sandbox identities: every cluster has its own CA and
// serves RBAC-checked requests for token and client-certificate users.
import { describe, expect, inject, it } from 'vitest';
import { kubectl, kubectlJson } from '../../e2e/sandbox';

const world = inject('sandbox');

describe.each(world.clusters.map((c) => [c.name, c] as const))('cluster %s', (_name, cluster) => {
  it('lets the token admin and the certificate admin in as members of system:masters', async () => {
    for (const kubeconfig of [cluster.kubeconfig, cluster.certKubeconfig]) {
      const review = await kubectlJson<{ status: { userInfo: { groups: string[] } } }>(cluster, ['auth', 'whoami'], { kubeconfig });
      expect(review.status.userInfo.groups).toContain('system:masters');
    }
  });

  it('lets the viewer list Flux objects but forbids patching them', async () => {
    const list = await kubectlJson<{ items: unknown[] }>(cluster, ['get', 'kustomizations', '-A'], { kubeconfig: cluster.viewerKubeconfig });
    expect(list.items.length).toBeGreaterThan(0);
    await expect(
      kubectl(cluster, ['patch', 'kustomization', 'apps', '-n', 'flux-system', '--type=merge', '-p', '{"spec":{"suspend":true}}'], { kubeconfig: cluster.viewerKubeconfig }),
    ).rejects.toThrow(/forbidden/i);
  });

  it('forbids nobody to list anything', async () => {
    await expect(kubectl(cluster, ['get', 'kustomizations', '-A'], { kubeconfig: cluster.nobodyKubeconfig })).rejects.toThrow(/forbidden/i);
  });

  it('reports the Kubernetes version it was built as', async () => {
    const version = await kubectlJson<{ serverVersion: { gitVersion: string } }>(cluster, ['version']);
    expect(version.serverVersion.gitVersion).toBe('v1.35.4');
  });
});
