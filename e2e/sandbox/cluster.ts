// One sandbox cluster: its identities (PKI, tokens, kubeconfigs), its API
// server, the Flux CRDs and RBAC, its Flux controllers and its Flux objects.
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startApiServer, type ApiServerConfig } from './apiserver';
import { bootstrapCluster } from './bootstrap';
import type { Binaries } from './build';
import { createClusterPki } from './certs';
import { applyFleetObjects } from './fleet-objects';
import { startFluxControllers } from './flux-controllers';
import { writeKubeconfig } from './kubeconfig';
import { freePort, type ManagedProcess, type ProcessGroupRegistry } from './processes';
import type { Env, SandboxCluster } from './types';

export interface ClusterContext {
  stateDir: string;
  /** Folder with kubectl and flux. */
  binDir: string;
  etcdUrl: string;
  controlUrl: string;
  binaries: Binaries;
  registry: ProcessGroupRegistry;
  repoUrl: string;
}

function clusterIdentity(index: number): { name: string; env: Env } {
  const env: Env = index % 2 === 0 ? 'staging' : 'production';
  return { name: `${env}-${Math.floor(index / 2) + 1}`, env };
}

const token = () => randomBytes(24).toString('hex');

export interface ClusterRuntime {
  cluster: SandboxCluster;
  apiserverConfig: ApiServerConfig;
  apiserver: ManagedProcess | undefined;
  controllers: ManagedProcess[];
}

/** Cluster `index` (0-based): staging-1, production-1, staging-2, ... */
export async function startCluster(index: number, ctx: ClusterContext): Promise<ClusterRuntime> {
  const { name, env } = clusterIdentity(index);
  const dir = join(ctx.stateDir, 'clusters', name);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const pki = createClusterPki(join(dir, 'pki'), name);
  const tokens = { admin: token(), viewer: token(), nobody: token() };
  const tokenAuthFile = join(dir, 'tokens.csv');
  writeFileSync(
    tokenAuthFile,
    `${tokens.admin},admin,uid-admin,"system:masters"\n${tokens.viewer},viewer,uid-viewer\n${tokens.nobody},nobody,uid-nobody\n`,
    { mode: 0o600 },
  );
  const port = await freePort();
  const server = `https://127.0.0.1:${port}`;
  const kubeconfigs = {
    admin: join(dir, 'kubeconfig'),
    cert: join(dir, 'cert-admin.kubeconfig'),
    viewer: join(dir, 'viewer.kubeconfig'),
    nobody: join(dir, 'nobody.kubeconfig'),
  };
  const base = { context: name, server, caCert: pki.caCert };
  writeKubeconfig(kubeconfigs.admin, { ...base, user: 'admin', credentials: { token: tokens.admin } });
  writeKubeconfig(kubeconfigs.cert, { ...base, user: 'cert-admin', credentials: { clientCert: pki.adminCert, clientKey: pki.adminKey } });
  writeKubeconfig(kubeconfigs.viewer, { ...base, user: 'viewer', credentials: { token: tokens.viewer } });
  writeKubeconfig(kubeconfigs.nobody, { ...base, user: 'nobody', credentials: { token: tokens.nobody } });
  const cluster: SandboxCluster = {
    name,
    env,
    context: name,
    labels: { env },
    server,
    kubeconfig: kubeconfigs.admin,
    certKubeconfig: kubeconfigs.cert,
    viewerKubeconfig: kubeconfigs.viewer,
    nobodyKubeconfig: kubeconfigs.nobody,
    caFile: pki.caCert,
    bin: ctx.binDir,
    controlUrl: ctx.controlUrl,
  };
  const apiserverConfig: ApiServerConfig = { cluster: name, port, dir, pki, tokenAuthFile, adminToken: tokens.admin, etcdUrl: ctx.etcdUrl };
  const apiserver = await startApiServer(ctx.binaries.paths['kube-apiserver'], apiserverConfig, ctx.registry);
  await bootstrapCluster(cluster, ctx.binaries.crdFiles);
  const controllers = await startFluxControllers({ cluster: name, dir, kubeconfig: kubeconfigs.admin, binaries: ctx.binaries.paths, registry: ctx.registry });
  await applyFleetObjects(cluster, ctx.repoUrl);
  return { cluster, apiserverConfig, apiserver, controllers };
}
