// Runs the sandbox's own kubectl build against a cluster, as a user would.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import type { SandboxCluster } from './types';

export interface KubectlOptions {
  /** Written to kubectl's stdin (e.g. manifests for `apply -f -`). */
  input?: string;
  /** Another identity's kubeconfig, e.g. `cluster.viewerKubeconfig`. */
  kubeconfig?: string;
}

export class KubectlError extends Error {
  constructor(
    readonly args: string[],
    readonly code: number | null,
    readonly stderr: string,
  ) {
    super(`kubectl ${args.join(' ')} failed (${code}): ${stderr.trim()}`);
  }
}

export function kubectl(cluster: Pick<SandboxCluster, 'bin' | 'kubeconfig'>, args: string[], opts: KubectlOptions = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(join(cluster.bin, 'kubectl'), args, {
      env: { ...process.env, KUBECONFIG: opts.kubeconfig ?? cluster.kubeconfig },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (c: string) => (stdout += c));
    child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(stdout) : reject(new KubectlError(args, code, stderr))));
    child.stdin.end(opts.input ?? '');
  });
}

export async function kubectlJson<T>(cluster: Pick<SandboxCluster, 'bin' | 'kubeconfig'>, args: string[], opts?: KubectlOptions): Promise<T> {
  return JSON.parse(await kubectl(cluster, [...args, '-o', 'json'], opts)) as T;
}
