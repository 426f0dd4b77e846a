// A real kube-apiserver per sandbox cluster, on loopback with TLS, token and
// client-certificate authentication and RBAC. It can be stopped and started
// again on the same port with the same certificates to inject faults.
import { readFileSync } from 'node:fs';
import { request } from 'node:https';
import { join } from 'node:path';
import type { ClusterPki } from './certs';
import { startProcess, stopProcess, waitFor, type ManagedProcess, type ProcessGroupRegistry } from './processes';

export interface ApiServerConfig {
  cluster: string;
  port: number;
  dir: string;
  pki: ClusterPki;
  tokenAuthFile: string;
  adminToken: string;
  etcdUrl: string;
}

function flags(cfg: ApiServerConfig): string[] {
  const server = `https://127.0.0.1:${cfg.port}`;
  return [
    '--bind-address=127.0.0.1',
    '--advertise-address=127.0.0.1',
    `--secure-port=${cfg.port}`,
    `--etcd-servers=${cfg.etcdUrl}`,
    `--etcd-prefix=/clusters/${cfg.cluster}`,
    `--tls-cert-file=${cfg.pki.servingCert}`,
    `--tls-private-key-file=${cfg.pki.servingKey}`,
    `--client-ca-file=${cfg.pki.caCert}`,
    `--token-auth-file=${cfg.tokenAuthFile}`,
    '--authorization-mode=RBAC',
    '--anonymous-auth=false',
    `--service-account-issuer=${server}`,
    `--service-account-key-file=${cfg.pki.serviceAccountPub}`,
    `--service-account-signing-key-file=${cfg.pki.serviceAccountKey}`,
    '--service-cluster-ip-range=10.0.0.0/24',
    // No nodes or pods exist; these would only cost CPU and memory.
    '--enable-priority-and-fairness=false',
    '--profiling=false',
    '--endpoint-reconciler-type=none',
    `--cert-dir=${join(cfg.dir, 'cert-dir')}`,
  ];
}

/** GET a path as the sandbox admin, verifying the server against the cluster CA. */
function adminGet(cfg: Pick<ApiServerConfig, 'port' | 'pki' | 'adminToken'>, path: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: cfg.port, path, ca: readFileSync(cfg.pki.caCert), headers: { authorization: `Bearer ${cfg.adminToken}` }, timeout: 5000 },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', reject);
    req.end();
  });
}

export async function startApiServer(binary: string, cfg: ApiServerConfig, registry: ProcessGroupRegistry): Promise<ManagedProcess> {
  const proc = startProcess(
    { name: `kube-apiserver ${cfg.cluster}`, command: binary, args: flags(cfg), logFile: join(cfg.dir, 'kube-apiserver.log') },
    registry,
  );
  await waitFor(`kube-apiserver ${cfg.cluster}`, async () => (await adminGet(cfg, '/readyz')).status === 200, 90_000, proc);
  return proc;
}

/**
 * kube-apiserver stops listening within milliseconds of SIGTERM but then often
 * lingers in its shutdown hooks; after 3 s it is killed so a restart is quick.
 */
export async function stopApiServer(proc: ManagedProcess): Promise<void> {
  await stopProcess(proc, 3000);
}
