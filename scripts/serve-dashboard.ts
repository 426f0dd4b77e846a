import { randomUUID } from "node:crypto";
import { createServer, STATUS_CODES, type IncomingMessage, type ServerResponse } from "node:http";
import type { Duplex } from "node:stream";
import next from "next";
import { errorResponse } from "../lib/api/errors";
import { isHttps } from "../lib/api/request-context";
import { allowedMethods } from "../lib/api/routes/allowed-methods";
import { securityHeaders } from "../lib/api/security-headers";
import { isTrustedProxy, parseTrustedProxies } from "../lib/api/trusted-proxies";
import { db } from "../lib/db/client";
import { AppError } from "../lib/errors/app-error";
import { runningBackground } from "../lib/lifecycle/background-writers";
import { liveStreams } from "../lib/lifecycle/live-streams";
import { shutdownOnSignals } from "../lib/lifecycle/shutdown-on-signals";
import { log } from "../lib/log/logger";

/**
 * Serves Next.js behind a thin layer that does what Next.js cannot:
 * - Next.js keeps a client's own X-Forwarded-For and only fills it in when absent, so the audit
 *   address would be whatever the client wrote. Here the socket's peer is appended, as a proxy
 *   does, so its last hop is always the real peer; X-Forwarded-Proto/-Host from a peer that is
 *   not a trusted proxy are dropped, and Next.js derives them from the connection instead.
 * - A method no route serves (TRACE, PROPFIND, …) makes Next.js's Request constructor throw, a
 *   500; one Node's parser does not know (TRACK, BREW) gets a bare 400; one that Next.js knows
 *   but the route does not export gets a bare 405 without `Allow`. All get 405 with `Allow` here,
 *   from the route declarations.
 * - A few answers never reach proxy.ts (Next.js's own redirect of "//x", for one), so the security
 *   headers are set here first; proxy.ts replaces the policy with one carrying the script nonce.
 * - On SIGTERM or SIGINT it stops in order (see docs/ARCHITECTURE.md, "Stopping"): no new
 *   connections, live event streams ended with a retry hint, in-flight requests finished, the
 *   background stopped (its last flush written, the lease handed back), the database closed.
 */
const API_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];
// Pages only render; Next.js would otherwise answer DELETE /sign-in with the page.
const PAGE_METHODS = ["GET", "HEAD"];
const FORWARDED_BY_PROXY = ["x-forwarded-proto", "x-forwarded-host", "x-forwarded-port"];
/** Under scripts/start.ts's grace for this process (STOP_DASHBOARD_MS), itself under 10 s. */
const STOP_DEADLINE_MS = 8_000;
/** How long in-flight requests may take to finish before their connections are cut. */
const DRAIN_MS = 4_000;
/** Browsers reconnect a live stream after this; by then the load balancer sends them to another replica. */
const RECONNECT_MS = 1_000;

const dev = process.argv.includes("--dev");
const port = Number(process.env.PORT ?? "3000");
const hostname = process.env.HOST ?? "0.0.0.0";

parseTrustedProxies(process.env.SYNCLINE_TRUSTED_PROXIES ?? "");

const app = next({ dev, hostname, port, dir: process.cwd() });
await app.prepare();
const handle = app.getRequestHandler();
const upgrade = app.getUpgradeHandler();

const server = createServer((request, response) => {
  adoptPeer(request);
  const allowed = allowedAt(request.url ?? "/");
  if (!allowed.includes(request.method ?? "")) {
    const refused = refusal(request, new AppError("method_not_allowed", `Syncline does not serve the ${request.method} method here`));
    refused.headers.set("allow", allowed.join(", "));
    void send(response, refused);
    return;
  }
  for (const [name, value] of securityHeaders({ https: httpsOf(request) })) response.setHeader(name, value);
  void handle(request, response);
});
server.on("upgrade", (request: IncomingMessage, socket: Duplex, head: Buffer) => {
  adoptPeer(request);
  void upgrade(request, socket, head);
});
// Without a listener Node drops a CONNECT without any answer; Syncline is no tunnel.
server.on("connect", (request: IncomingMessage, socket: Duplex) => {
  adoptPeer(request);
  void sendRaw(socket, refusal(request, new AppError("method_not_allowed", "Syncline does not serve the CONNECT method")));
});
server.on("clientError", (error: NodeJS.ErrnoException, socket: Duplex) => void refuseUnparsable(error, socket));
server.listen(port, hostname);

let drained: Promise<void> = Promise.resolve();
shutdownOnSignals({
  deadlineMs: STOP_DEADLINE_MS,
  steps: () => [
    {
      done: "no longer accepting connections",
      run: () => {
        drained = new Promise((resolveDrained) => server.close(() => resolveDrained()));
      },
    },
    { done: "ended live event streams with a retry hint", run: () => ({ streams: liveStreams.endAll(RECONNECT_MS) }) },
    { done: "in-flight requests finished", run: () => drainRequests(drained) },
    { done: "background stopped: jobs, watchers, last flush, lease handed back", run: () => runningBackground()?.stop() },
    { done: "Next.js closed", run: () => app.close() },
    { done: "database closed", run: () => db().$disconnect() },
  ],
});

/**
 * Waits for the requests in flight, closing each keep-alive connection as soon as it falls idle;
 * connections still busy after DRAIN_MS are cut, so one slow client cannot hold up the stop.
 */
async function drainRequests(closed: Promise<void>): Promise<Record<string, unknown>> {
  const idle = setInterval(() => server.closeIdleConnections(), 100);
  server.closeIdleConnections();
  const cut = await Promise.race([
    closed.then(() => false),
    new Promise<boolean>((resolveCut) => setTimeout(() => resolveCut(true), DRAIN_MS).unref()),
  ]);
  clearInterval(idle);
  if (!cut) return { cut: 0 };
  const open = await new Promise<number>((resolveCount) => server.getConnections((_, count) => resolveCount(count)));
  log.warn({ connections: open, drainMs: DRAIN_MS }, "shutdown: requests still running; cutting their connections");
  server.closeAllConnections();
  await closed;
  return { cut: open };
}

function allowedAt(url: string): string[] {
  const pathname = URL.parse(url, "http://syncline")?.pathname ?? "/";
  if (!/^\/api(\/|$)/.test(pathname)) return PAGE_METHODS;
  return allowedMethods(pathname) ?? API_METHODS;
}

function adoptPeer(request: IncomingMessage): void {
  const peer = request.socket.remoteAddress;
  if (!peer) return;
  const forwarded = request.headers["x-forwarded-for"];
  request.headers["x-forwarded-for"] = forwarded ? `${forwarded}, ${peer}` : peer;
  if (!isTrustedProxy(peer)) for (const name of FORWARDED_BY_PROXY) delete request.headers[name];
}

function refusal(request: IncomingMessage | undefined, error: AppError): Response {
  const response = errorResponse(error, randomUUID());
  for (const [name, value] of securityHeaders({ https: request ? httpsOf(request) : false })) response.headers.set(name, value);
  if (error.code === "method_not_allowed") response.headers.set("allow", API_METHODS.join(", "));
  return response;
}

function httpsOf(request: IncomingMessage): boolean {
  return isHttps({ headers: { get: (name) => headerValue(request, name) } });
}

async function send(response: ServerResponse, answer: Response): Promise<void> {
  const body = Buffer.from(await answer.arrayBuffer());
  response.writeHead(answer.status, { ...Object.fromEntries(answer.headers), "content-length": body.length });
  response.end(body);
}

/** Node's parser refused the request before any handler saw it; answer as the handlers would. */
async function refuseUnparsable(error: NodeJS.ErrnoException, socket: Duplex): Promise<void> {
  if (error.code === "ECONNRESET" || !socket.writable) return;
  const appError =
    error.code === "HPE_INVALID_METHOD"
      ? new AppError("method_not_allowed", "Syncline does not serve this method")
      : error.code === "HPE_HEADER_OVERFLOW"
        ? new AppError("headers_too_large", "The request's headers are too large")
        : new AppError("bad_request", "The request is not valid HTTP");
  await sendRaw(socket, refusal(undefined, appError));
}

/** An answer written straight to the socket, for requests that never became an HTTP exchange. */
async function sendRaw(socket: Duplex, answer: Response): Promise<void> {
  const body = Buffer.from(await answer.arrayBuffer());
  const head = [`HTTP/1.1 ${answer.status} ${STATUS_CODES[answer.status]}`, ...[...answer.headers].map(([name, value]) => `${name}: ${value}`)];
  socket.end(Buffer.concat([Buffer.from([...head, `content-length: ${body.length}`, "connection: close", "", ""].join("\r\n")), body]));
}

function headerValue(request: IncomingMessage, name: string): string | null {
  const value = request.headers[name];
  return Array.isArray(value) ? value.join(", ") : (value ?? null);
}
