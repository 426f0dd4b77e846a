import { createServer, type Server } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { stringify } from "yaml";
import { createKubeClient, type KubeClient } from "./client";
import { KubeError } from "./kube-error";

/** An API server that takes requests and never answers them, counting the connections it is given. */
let server: Server;
let kubeconfig: string;
const sockets = new Set<Socket>();
let connections = 0;
let received = 0;

beforeAll(async () => {
  server = createServer(() => {
    received += 1;
  });
  server.on("connection", (socket: Socket) => {
    connections += 1;
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  kubeconfig = stringify({
    clusters: [{ name: "c", cluster: { server: url, "insecure-skip-tls-verify": true } }],
    users: [{ name: "u", user: { token: "t" } }],
    contexts: [{ name: "c", context: { cluster: "c", user: "u" } }],
    "current-context": "c",
  });
});

afterEach(() => {
  delete process.env.SYNCLINE_ALLOW_HTTP_CLUSTERS;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

function client(): KubeClient {
  process.env.SYNCLINE_ALLOW_HTTP_CLUSTERS = "true";
  return createKubeClient({ name: "c", kubeconfig });
}

/** How a request ended: the KubeError's reason, or "pending" while it has not. */
function outcome(request: Promise<unknown>): () => string {
  let reason = "pending";
  request.then(
    () => (reason = "answered"),
    (error: unknown) => (reason = error instanceof KubeError ? error.reason : String(error)),
  );
  return () => reason;
}

describe("closing a cluster client", () => {
  it("ends its requests in flight at once and leaves no connection open", async () => {
    const kube = client();
    const before = received;
    const ended = outcome(kube.request("GET", "/apis/kustomize.toolkit.fluxcd.io/v1/kustomizations", { timeoutMs: 60_000 }));
    await vi.waitFor(() => expect(received).toBe(before + 1));
    kube.close();
    await vi.waitFor(() => expect(ended()).toBe("aborted"), { timeout: 200 });
    await vi.waitFor(() => expect(sockets.size).toBe(0), { timeout: 200 });
  });

  it("refuses requests once closed, without opening a connection", async () => {
    const kube = client();
    kube.close();
    const before = connections;
    await expect(kube.request("GET", "/version")).rejects.toMatchObject({ reason: "aborted" });
    expect(connections).toBe(before);
  });

  it("ends one request at once when its own signal aborts, and goes on serving others", async () => {
    const kube = client();
    const abort = new AbortController();
    const before = received;
    const first = outcome(kube.request("GET", "/version", { signal: abort.signal, timeoutMs: 60_000 }));
    const second = outcome(kube.request("GET", "/version", { timeoutMs: 60_000 }));
    await vi.waitFor(() => expect(received).toBe(before + 2));
    abort.abort();
    await vi.waitFor(() => expect(first()).toBe("aborted"), { timeout: 200 });
    expect(second()).toBe("pending");
    kube.close();
  });
});
