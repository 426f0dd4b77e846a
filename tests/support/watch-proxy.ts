import { createServer, type Server } from "node:https";
import type { AddressInfo, Socket } from "node:net";
import { parse, stringify } from "yaml";
import { forwardRequest, selfSignedLoopbackCertificate } from "./recording-proxy";

export interface ProxiedRequest {
  method: string;
  /** The path without its query. */
  path: string;
  watch: boolean;
  resourceVersion: string | null;
}

export interface WatchProxy {
  /** The kubeconfig given, pointing at the proxy instead of the API server. */
  kubeconfig: string;
  /** Every request Syncline sent, in order. */
  requests: ProxiedRequest[];
  /** Drops every open watch connection and refuses new watches; other requests still pass. */
  cutWatches(): void;
  restoreWatches(): void;
  /** Answers the next watch of `path` as the API server does once the version asked for is compacted away. */
  expireNextWatch(path: string): void;
  /** Connections Syncline holds open to the proxy right now. */
  openConnections(): number;
  stop(): Promise<void>;
}

interface Kubeconfig {
  clusters: Array<{ cluster: { server: string; "certificate-authority-data": string } }>;
}

/** The ERROR event a kube-apiserver sends on a watch whose resourceVersion is too old. */
const GONE = {
  type: "ERROR",
  object: { kind: "Status", apiVersion: "v1", metadata: {}, status: "Failure", message: "too old resource version: 1 (2)", reason: "Expired", code: 410 },
};

/**
 * A TLS proxy between Syncline and a sandbox kube-apiserver that can cut watch streams while
 * everything else (kubectl, which talks to the API server directly, and Syncline's own patches)
 * goes on working, and can play a compaction. It records what Syncline asked for.
 */
export async function startWatchProxy(kubeconfig: string): Promise<WatchProxy> {
  const config = parse(kubeconfig) as Kubeconfig;
  const upstream = new URL(config.clusters[0]!.cluster.server);
  const upstreamCa = Buffer.from(config.clusters[0]!.cluster["certificate-authority-data"], "base64");
  const { cert, key } = selfSignedLoopbackCertificate();
  const requests: ProxiedRequest[] = [];
  const connections = new Set<Socket>();
  const watching = new Set<Socket>();
  const expiring = new Set<string>();
  let cut = false;

  const server: Server = createServer({ cert, key }, (incoming, outgoing) => {
    const url = new URL(incoming.url ?? "/", "https://proxy");
    const watch = url.searchParams.get("watch") === "true";
    requests.push({ method: incoming.method ?? "", path: url.pathname, watch, resourceVersion: url.searchParams.get("resourceVersion") });
    if (watch && cut) {
      incoming.socket.destroy();
      return;
    }
    if (watch && expiring.delete(url.pathname)) {
      outgoing.writeHead(200, { "content-type": "application/json" }).end(`${JSON.stringify(GONE)}\n`);
      return;
    }
    if (watch) {
      watching.add(incoming.socket);
      outgoing.on("close", () => watching.delete(incoming.socket));
    }
    forwardRequest(incoming, outgoing, upstream, upstreamCa);
  });
  server.on("secureConnection", (socket: Socket) => {
    connections.add(socket);
    socket.on("close", () => connections.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  config.clusters[0]!.cluster.server = `https://127.0.0.1:${port}`;
  config.clusters[0]!.cluster["certificate-authority-data"] = cert.toString("base64");
  return {
    kubeconfig: stringify(config),
    requests,
    cutWatches() {
      cut = true;
      for (const socket of watching) socket.destroy();
    },
    restoreWatches() {
      cut = false;
    },
    expireNextWatch(path) {
      expiring.add(path);
    },
    openConnections: () => connections.size,
    stop: () =>
      new Promise<void>((resolve) => {
        for (const socket of connections) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
