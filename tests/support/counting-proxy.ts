import { connect, createServer, type Socket } from "node:net";

export interface CountingProxy {
  /** The proxy's address, to put in a kubeconfig in place of the real server's. */
  url: string;
  /** Connections open through the proxy right now. */
  open(): number;
  close(): Promise<void>;
}

/**
 * A TCP proxy in front of an API server that counts the connections passing through it. TLS goes
 * through untouched, so the server's certificate (issued for 127.0.0.1) still verifies.
 */
export async function startCountingProxy(target: string): Promise<CountingProxy> {
  const { hostname, port } = new URL(target);
  const sockets = new Set<Socket>();
  const server = createServer((client) => {
    const upstream = connect(Number(port), hostname);
    sockets.add(client);
    const done = () => {
      sockets.delete(client);
      client.destroy();
      upstream.destroy();
    };
    for (const socket of [client, upstream]) {
      socket.on("error", done);
      socket.on("close", done);
    }
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port: proxyPort } = server.address() as { port: number };
  return {
    url: `https://127.0.0.1:${proxyPort}`,
    open: () => sockets.size,
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
