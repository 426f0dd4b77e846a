// Loopback HTTP endpoint of the process hosting a world. Only the host owns
// the child processes, so tests running in other processes (vitest workers,
// a second terminal) inject faults by asking it.
import { createServer } from 'node:http';
import { listenOnLoopback, type LoopbackServer } from './loopback-server';

export type ClusterAction = (cluster: string) => Promise<void>;

export type ControlServer = LoopbackServer;

/** Routes: GET /healthz, POST /clusters/<name>/<action> for each action given. */
export function startControlServer(actions: Record<string, ClusterAction>): Promise<ControlServer> {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://sandbox');
    if (req.method === 'GET' && url.pathname === '/healthz') {
      res.end('ok');
      return;
    }
    const [, cluster, name] = /^\/clusters\/([^/]+)\/([^/]+)$/.exec(url.pathname) ?? [];
    const action = name === undefined ? undefined : actions[name];
    if (req.method !== 'POST' || cluster === undefined || !action) {
      res.writeHead(404).end();
      return;
    }
    action(decodeURIComponent(cluster)).then(
      () => res.writeHead(204).end(),
      (err: unknown) => res.writeHead(500).end(String(err)),
    );
  });
  return listenOnLoopback(server);
}

export async function callControl(controlUrl: string, cluster: string, action: string): Promise<void> {
  const res = await fetch(`${controlUrl}/clusters/${encodeURIComponent(cluster)}/${action}`, { method: 'POST' });
  if (!res.ok) throw new Error(`sandbox control ${action} ${cluster}: HTTP ${res.status} ${await res.text()}`);
}
