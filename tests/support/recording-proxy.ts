import { execFileSync } from "node:child_process";
import type { IncomingMessage, ServerResponse } from "node:http";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { request as httpsRequest, createServer, type Server } from "node:https";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse, stringify } from "yaml";

export interface RecordedRequest {
  method: string;
  /** Exactly what reached the wire: the path and query after the client's own URL parsing. */
  url: string;
}

interface Kubeconfig {
  clusters: Array<{ cluster: { server: string; "certificate-authority-data": string } }>;
}

/**
 * A TLS proxy in front of a sandbox kube-apiserver that records every request it forwards. A
 * kubeconfig pointing at it lets a spec see each request Syncline sends to the cluster, which the
 * sandbox's apiserver does not log. `patchDelayMs` holds each PATCH that long, so a spec can catch
 * a switch of many objects half-way.
 */
export async function startRecordingProxy(
  kubeconfig: string,
  options: { patchDelayMs?: number } = {},
): Promise<{ kubeconfig: string; requests: RecordedRequest[]; stop: () => Promise<void> }> {
  const config = parse(kubeconfig) as Kubeconfig;
  const upstream = new URL(config.clusters[0]!.cluster.server);
  const upstreamCa = Buffer.from(config.clusters[0]!.cluster["certificate-authority-data"], "base64");
  const { cert, key } = selfSignedLoopbackCertificate();
  const requests: RecordedRequest[] = [];

  const server: Server = createServer({ cert, key }, (incoming, outgoing) => {
    requests.push({ method: incoming.method ?? "", url: incoming.url ?? "" });
    const delay = incoming.method === "PATCH" ? (options.patchDelayMs ?? 0) : 0;
    if (delay) setTimeout(() => forwardRequest(incoming, outgoing, upstream, upstreamCa), delay);
    else forwardRequest(incoming, outgoing, upstream, upstreamCa);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  config.clusters[0]!.cluster.server = `https://127.0.0.1:${port}`;
  config.clusters[0]!.cluster["certificate-authority-data"] = cert.toString("base64");
  return {
    kubeconfig: stringify(config),
    requests,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A throwaway certificate for 127.0.0.1, for a TLS proxy that a kubeconfig then trusts. */
export function selfSignedLoopbackCertificate(): { cert: Buffer; key: Buffer } {
  const dir = mkdtempSync(join(tmpdir(), "recording-proxy-"));
  try {
    execFileSync("openssl", [
      "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-days", "1",
      "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1",
      "-keyout", join(dir, "key.pem"), "-out", join(dir, "cert.pem"),
    ], { stdio: "ignore" });
    return { cert: readFileSync(join(dir, "cert.pem")), key: readFileSync(join(dir, "key.pem")) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Passes one request on to the real API server and its answer back, as the test proxies do. */
export function forwardRequest(incoming: IncomingMessage, outgoing: ServerResponse, upstream: URL, upstreamCa: string | Buffer): void {
  const forwarded = httpsRequest(
    { host: upstream.hostname, port: upstream.port, method: incoming.method, path: incoming.url, headers: { ...incoming.headers, host: upstream.host }, ca: upstreamCa },
    (answer) => {
      outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
      // The API server sends a watch's status at once, before any event; Node would hold it until the first chunk.
      outgoing.flushHeaders();
      answer.pipe(outgoing);
    },
  );
  forwarded.on("error", () => outgoing.destroy());
  outgoing.on("close", () => forwarded.destroy());
  incoming.pipe(forwarded);
}
