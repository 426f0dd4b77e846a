// One etcd shared by all sandbox clusters; each API server keeps its data
// under its own --etcd-prefix, which keeps N clusters cheap in memory.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { freePort, startProcess, waitFor, type ManagedProcess, type ProcessGroupRegistry } from './processes';

export interface Etcd {
  url: string;
  process: ManagedProcess;
}

export async function startEtcd(binary: string, dir: string, registry: ProcessGroupRegistry): Promise<Etcd> {
  const [clientPort, peerPort] = [await freePort(), await freePort()];
  const url = `http://127.0.0.1:${clientPort}`;
  const peer = `http://127.0.0.1:${peerPort}`;
  mkdirSync(join(dir, 'data'), { recursive: true, mode: 0o700 });
  const proc = startProcess(
    {
      name: 'etcd',
      command: binary,
      args: [
        '--name=sandbox',
        `--data-dir=${join(dir, 'data')}`,
        `--listen-client-urls=${url}`,
        `--advertise-client-urls=${url}`,
        `--listen-peer-urls=${peer}`,
        `--initial-advertise-peer-urls=${peer}`,
        `--initial-cluster=sandbox=${peer}`,
        // Throw-away data: durability is not worth the fsync latency.
        '--unsafe-no-fsync',
        '--log-level=warn',
      ],
      logFile: join(dir, 'etcd.log'),
    },
    registry,
  );
  await waitFor('etcd', async () => (await fetch(`${url}/health`)).ok, 30_000, proc);
  return { url, process: proc };
}
