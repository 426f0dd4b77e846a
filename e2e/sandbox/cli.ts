// `npm run sandbox [-- --clusters N] [-- --json]`: builds what is missing,
// starts a world, publishes it for tests to attach to, and keeps it up until
// Ctrl-C.
import { parseArgs } from 'node:util';
import { findRunningWorld, startWorld } from './world';
import type { SandboxWorld } from './types';

function summary(world: SandboxWorld): object {
  return {
    clusters: world.clusters.map((c) => ({ name: c.name, kubeconfig: c.kubeconfig, context: c.context, labels: c.labels })),
    git: { url: world.git.url, repos: world.git.repos },
    bin: world.bin,
  };
}

function describe(world: SandboxWorld): string {
  const lines = ['', 'Sandbox is up. Ctrl-C stops it.', ''];
  for (const c of world.clusters) {
    lines.push(`${c.name} (${c.env}) ${c.server}`);
    lines.push(`  admin (token)  ${c.kubeconfig}`);
    lines.push(`  admin (cert)   ${c.certKubeconfig}`);
    lines.push(`  viewer         ${c.viewerKubeconfig}`);
    lines.push(`  nobody         ${c.nobodyKubeconfig}`);
  }
  lines.push('', `Git: ${world.git.repos.join(' ')}`);
  lines.push(`  HTTPS ${world.git.httpsUrl} (basic auth ${world.git.username}, CA ${world.git.caFile})`, `  SSH   ${world.git.sshUrl}`);
  lines.push(`kubectl and flux: ${world.bin}`, '');
  lines.push(`Try: KUBECONFIG=${world.clusters[0]?.kubeconfig} ${world.bin}/flux get kustomizations`, '');
  return lines.join('\n');
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { json: { type: 'boolean', default: false }, clusters: { type: 'string', default: '2' } } });
  const clusters = Number.parseInt(values.clusters, 10);
  if (!(clusters >= 1)) throw new Error(`--clusters must be a positive number, got ${values.clusters}`);
  const running = await findRunningWorld();
  if (running) throw new Error(`a sandbox is already running (pid ${running.hostPid}) in ${running.world.stateDir}`);

  const { world, stop } = await startWorld({ clusters, publish: true });
  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    process.stderr.write(`sandbox: ${signal}, stopping...\n`);
    stop().then(
      () => process.exit(0),
      (err: unknown) => {
        process.stderr.write(`sandbox: stop failed: ${String(err)}\n`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGHUP', () => shutdown('SIGHUP'));
  process.stdout.write(values.json ? `${JSON.stringify(summary(world))}\n` : describe(world));
}

main().catch((err: unknown) => {
  process.stderr.write(`sandbox: ${err instanceof Error ? (err.cause ? `${err.message}: ${String(err.cause)}` : err.message) : String(err)}\n`);
  process.exit(1);
});
