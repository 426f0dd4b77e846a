// The real Flux controllers of one sandbox cluster, run as plain processes
// against that cluster's API server instead of as in-cluster Deployments.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { ToolName } from './build';
import { freePort, startProcess, waitFor, type ManagedProcess, type ProcessGroupRegistry } from './processes';

export const FLUX_NAMESPACE = 'flux-system';
const CONTROLLERS = ['source-controller', 'kustomize-controller', 'helm-controller'] as const satisfies readonly ToolName[];

export interface ControllerOptions {
  cluster: string;
  dir: string;
  /** Admin kubeconfig: the controllers act with cluster-admin rights, as in a default Flux install. */
  kubeconfig: string;
  binaries: Record<ToolName, string>;
  registry: ProcessGroupRegistry;
}

async function controllerArgs(name: (typeof CONTROLLERS)[number], dir: string): Promise<string[]> {
  const common = [
    // No metrics server: a port picked free can be taken before the controller binds it, and then the controller exits.
    '--metrics-addr=0',
    '--enable-leader-election=false',
    '--watch-all-namespaces=true',
    // No notification-controller runs; events go to the Kubernetes Events API only.
    '--events-addr=',
    '--log-level=info',
    // The default 30 s makes a Kustomization whose dependency just became ready idle for half a minute.
    '--requeue-dependency=5s',
  ];
  switch (name) {
    case 'source-controller': {
      const storage = `127.0.0.1:${await freePort()}`;
      mkdirSync(join(dir, 'storage'));
      return [...common, `--storage-path=${join(dir, 'storage')}`, `--storage-addr=${storage}`, `--storage-adv-addr=${storage}`];
    }
    case 'kustomize-controller':
      return [...common, '--no-remote-bases=true'];
    case 'helm-controller':
      return common;
  }
}

async function startController(name: (typeof CONTROLLERS)[number], opts: ControllerOptions): Promise<ManagedProcess> {
  const dir = join(opts.dir, name);
  mkdirSync(dir, { recursive: true });
  const healthPort = await freePort();
  const proc = startProcess(
    {
      name: `${name} ${opts.cluster}`,
      command: opts.binaries[name],
      args: [...(await controllerArgs(name, dir)), `--health-addr=127.0.0.1:${healthPort}`],
      logFile: join(opts.dir, `${name}.log`),
      cwd: dir,
      env: { ...process.env, KUBECONFIG: opts.kubeconfig, RUNTIME_NAMESPACE: FLUX_NAMESPACE, TMPDIR: dir, HOME: dir },
    },
    opts.registry,
  );
  await waitFor(`${name} ${opts.cluster}`, async () => (await fetch(`http://127.0.0.1:${healthPort}/readyz`)).ok, 60_000, proc);
  return proc;
}

export function startFluxControllers(opts: ControllerOptions): Promise<ManagedProcess[]> {
  return Promise.all(CONTROLLERS.map((name) => startController(name, opts)));
}
