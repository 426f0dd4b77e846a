import { KubeConfig, type Cluster, type Context, type User } from "@kubernetes/client-node";
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import http from "node:http";
import https from "node:https";
import { createInterface } from "node:readline";
import { openSecret } from "../crypto/secret-box";
import { secretKey } from "../crypto/secret-key";
import { AppError } from "../errors/app-error";
import type { ClusterCapabilities } from "../fleet/dto";
import { parse as parseYaml } from "yaml";
import { z } from "zod";
import { isKubeError, KubeError } from "./kube-error";
import { normalizeServerUrl } from "./server-url";

/**
 * The only place that turns a stored kubeconfig into a client. Everything the Kubernetes API
 * answers, and everything that stops it answering, leaves here as a KubeError.
 *
 * Requests go through node:https with the agent and headers that KubeConfig prepares, so TLS,
 * client certificates and tokens work exactly as kubectl's, and we control timeouts and the
 * streaming of watches ourselves.
 */

export type AuthMethod = ClusterCapabilities["authMethod"];

export interface KubeconfigTarget {
  /** The cluster name used in errors and logs. */
  name: string;
  kubeconfig: string;
  /** The context to use; the kubeconfig's current-context when omitted. */
  context?: string | null;
}

export interface ParsedKubeconfig {
  context: string;
  server: string;
  authMethod: AuthMethod;
}

export interface RequestOptions {
  query?: Record<string, string | number | boolean | undefined>;
  body?: unknown;
  contentType?: "application/json" | "application/merge-patch+json" | "application/apply-patch+yaml";
  timeoutMs?: number;
  /** Aborts the request at once, whatever stage it is in. */
  signal?: AbortSignal;
  /** What to ask the server for; metadata-only lists and watches ask for PartialObjectMetadata. */
  accept?: string;
}

export interface WatchLine<T = unknown> {
  type: "ADDED" | "MODIFIED" | "DELETED" | "BOOKMARK" | "ERROR";
  object: T;
}

export interface KubeClient {
  readonly cluster: string;
  readonly server: string;
  readonly authMethod: AuthMethod;
  /**
   * Equal for two clients that reach the same server with the same TLS settings and credentials,
   * whatever their kubeconfigs or contexts are called: they see exactly the same objects.
   */
  readonly connectionKey: string;
  request<T>(method: "GET" | "POST" | "PATCH" | "DELETE", path: string, options?: RequestOptions): Promise<T>;
  /**
   * Streams one watch until the server closes it, `signal` aborts, or the connection fails (throws).
   * `onOpen` runs once the server has accepted the watch, before any event: a quiet stream is open too.
   */
  watch<T>(path: string, query: RequestOptions["query"], onEvent: (event: WatchLine<T>) => void, signal: AbortSignal, onOpen?: () => void, accept?: string): Promise<void>;
  /**
   * Aborts every request still in flight and closes the connections kept alive for reuse; a
   * closed client refuses further requests. A client used once (a probe) calls it when done.
   */
  close(): void;
}

const DEFAULT_TIMEOUT_MS = 10_000;
/** A watch that says nothing (not even a bookmark) for this long is treated as dead. */
const WATCH_IDLE_MS = 90_000;

/** Parses and vets a kubeconfig without contacting the cluster. Throws AppError with a precise code. */
export function parseKubeconfig(text: string, context?: string | null): ParsedKubeconfig {
  const { context: chosen, cluster, user } = loadConfig(text, context);
  return { context: chosen, server: cluster.server, authMethod: authMethodOf(user) };
}

export function createKubeClient(target: KubeconfigTarget): KubeClient {
  const { config, cluster: clusterEntry, user } = loadConfig(target.kubeconfig, target.context);
  const server = clusterEntry.server;
  const authMethod = authMethodOf(user);
  const cluster = target.name;
  const closed = new AbortController();

  async function open(method: string, path: string, options: RequestOptions, accept: string): Promise<[http.IncomingMessage, http.ClientRequest]> {
    // A signal of its own per request: http.request listens on it, and many requests run at once.
    const signal = AbortSignal.any(options.signal ? [closed.signal, options.signal] : [closed.signal]);
    if (signal.aborted) throw abortedError(cluster);
    const url = new URL(server + path);
    for (const [key, value] of Object.entries(options.query ?? {})) if (value !== undefined) url.searchParams.set(key, String(value));
    const requestOptions: https.RequestOptions = { method, headers: { accept } };
    try {
      await config.applyToHTTPSOptions(requestOptions);
    } catch (error) {
      throw new KubeError({ status: undefined, cluster, reason: "auth_plugin", message: `${cluster}: credentials plugin failed: ${(error as Error).message}` });
    }
    // Checked again: a close() while the credentials were prepared must not open a new connection.
    if (signal.aborted) throw abortedError(cluster);
    const payload = options.body === undefined ? undefined : JSON.stringify(options.body);
    if (payload !== undefined) {
      requestOptions.headers = { ...requestOptions.headers, "content-type": options.contentType ?? "application/json", "content-length": Buffer.byteLength(payload) };
    }
    // A proxy-url needs KubeConfig's proxy agent; everything else shares one keep-alive agent.
    if (!clusterEntry.proxyUrl) requestOptions.agent = keepAliveAgent(url.protocol, requestOptions);
    requestOptions.signal = signal;
    const transport = url.protocol === "http:" ? http : https;
    return new Promise((resolve, reject) => {
      const req = transport.request(url, requestOptions, (response) => resolve([response, req]));
      req.setTimeout(options.timeoutMs ?? DEFAULT_TIMEOUT_MS, () => req.destroy(Object.assign(new Error("timed out"), { code: "ETIMEDOUT" })));
      req.on("error", (error) => reject(networkError(cluster, error)));
      req.end(payload);
    });
  }

  /**
   * One keep-alive agent per client identity: KubeConfig's own agent opens a new TLS connection
   * per request, which dominates the cost of patching hundreds of objects.
   */
  let agent: { identity: string; agent: http.Agent } | undefined;
  function keepAliveAgent(protocol: string, options: https.RequestOptions): http.Agent {
    const identity = `${String(options.cert ?? "")}\n${String(options.key ?? "")}`;
    if (agent?.identity !== identity) {
      agent?.agent.destroy();
      const { ca, cert, key, rejectUnauthorized, servername } = options;
      agent = { identity, agent: protocol === "http:" ? new http.Agent({ keepAlive: true }) : new https.Agent({ keepAlive: true, ca, cert, key, rejectUnauthorized, servername }) };
    }
    return agent.agent;
  }

  return {
    cluster,
    server,
    authMethod,
    connectionKey: connectionKeyOf(clusterEntry, user),
    async request<T>(method: "GET" | "POST" | "PATCH" | "DELETE", path: string, options: RequestOptions = {}): Promise<T> {
      const [response] = await open(method, path, options, options.accept ?? "application/json");
      const text = await readAll(response, cluster);
      const status = response.statusCode ?? 0;
      if (status >= 200 && status < 300) return (text ? parseJson(cluster, status, text) : undefined) as T;
      throw statusError(cluster, status, text);
    },
    async watch<T>(path: string, query: RequestOptions["query"], onEvent: (event: WatchLine<T>) => void, signal: AbortSignal, onOpen?: () => void, accept?: string): Promise<void> {
      const [response, req] = await open("GET", path, { query: { ...query, watch: true }, signal }, accept ?? "application/json");
      const status = response.statusCode ?? 0;
      if (status !== 200) throw statusError(cluster, status, await readAll(response, cluster));
      onOpen?.();
      // Answering is quick or a failure; once streaming, only a long silence means a dead connection.
      req.setTimeout(WATCH_IDLE_MS);
      const stopped = AbortSignal.any([closed.signal, signal]);
      const abort = () => response.destroy();
      stopped.addEventListener("abort", abort, { once: true });
      try {
        const lines = createInterface({ input: response, crlfDelay: Infinity });
        for await (const line of lines) {
          if (!line.trim()) continue;
          onEvent(parseJson(cluster, status, line) as WatchLine<T>);
        }
      } catch (error) {
        if (!stopped.aborted) throw networkError(cluster, error as Error);
      } finally {
        stopped.removeEventListener("abort", abort);
        response.destroy();
      }
    },
    close() {
      closed.abort();
      agent?.agent.destroy();
      agent = undefined;
    },
  };
}

/**
 * Fields that make client-node read a file on the machine holding the kubeconfig. A stored
 * kubeconfig must be self-contained: a path would make the server read, and send as a token or
 * certificate, a file chosen by whoever registers a cluster. The CLI inlines files before sending.
 * (auth-provider, whose plugins read tokenFile or run cmd-path, is refused as a whole.)
 */
const FILE_FIELDS = {
  clusters: { entry: "cluster", fields: ["certificate-authority"] },
  users: { entry: "user", fields: ["client-certificate", "client-key", "token-file"] },
} as const;

const optionalText = z.string().nullish();

/**
 * The parts of a kubeconfig Syncline uses; everything else is dropped, so the KubeConfig built
 * from it cannot hold a field that was not vetted here.
 */
const kubeconfigDocument = z.object({
  clusters: z
    .array(
      z.object({
        name: z.string().min(1),
        cluster: z.object({
          server: z.string().min(1),
          "certificate-authority-data": optionalText,
          "insecure-skip-tls-verify": z.boolean().nullish(),
          "tls-server-name": optionalText,
          "proxy-url": optionalText,
        }),
      }),
    )
    .nullish(),
  users: z
    .array(
      z.object({
        name: z.string().min(1),
        user: z
          .object({
            token: optionalText,
            "client-certificate-data": optionalText,
            "client-key-data": optionalText,
            username: optionalText,
            password: optionalText,
            as: optionalText,
            exec: z.looseObject({ command: z.string().min(1) }).nullish(),
            "auth-provider": z.looseObject({ name: z.string() }).nullish(),
          })
          .nullish(),
      }),
    )
    .nullish(),
  contexts: z
    .array(z.object({ name: z.string().min(1), context: z.object({ cluster: z.string().min(1), user: optionalText, namespace: optionalText }) }))
    .nullish(),
  "current-context": optionalText,
});

interface VettedKubeconfig {
  config: KubeConfig;
  context: string;
  cluster: Cluster;
  user: User;
}

/**
 * Parses once, vets that parse, and gives KubeConfig exactly the vetted object: client-node
 * never parses the text itself, so no YAML feature (merge keys, aliases) can show it something
 * the checks did not see.
 */
function loadConfig(text: string, context?: string | null): VettedKubeconfig {
  const document = readYaml(text);
  assertNoFileReferences(document);
  const parsed = kubeconfigDocument.safeParse(document);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new AppError("kubeconfig_invalid", `The kubeconfig is not valid at ${issue.path.join(".") || "its top level"}: ${issue.message}`);
  }
  const contexts: Context[] = (parsed.data.contexts ?? []).map(({ name, context: c }) => ({
    name,
    cluster: c.cluster,
    user: c.user ?? "",
    namespace: c.namespace ?? undefined,
  }));
  const contextNames = contexts.map((c) => c.name);
  if (contexts.length === 0) throw new AppError("kubeconfig_invalid", "The kubeconfig defines no contexts");
  const chosen = context || parsed.data["current-context"];
  if (!chosen) throw new AppError("context_not_found", "The kubeconfig has no current-context; name one with --context", { contexts: contextNames });
  const selected = contexts.find((c) => c.name === chosen);
  if (!selected) throw new AppError("context_not_found", `The kubeconfig has no context named "${chosen}"`, { contexts: contextNames });
  const cluster = clusterOf(parsed.data.clusters?.find((c) => c.name === selected.cluster));
  const user = userOf(parsed.data.users?.find((u) => u.name === selected.user));
  if (!cluster) throw new AppError("kubeconfig_invalid", `Context "${chosen}" names no cluster with a server URL`);
  if (!user) throw new AppError("kubeconfig_invalid", `Context "${chosen}" names no user`);
  assertServerAllowed(cluster.server);
  assertAuthUsable(user);
  const config = new KubeConfig();
  config.loadFromOptions({ clusters: [cluster], users: [user], contexts: [selected], currentContext: chosen });
  return { config, context: chosen, cluster, user };
}

type KubeconfigDocument = z.infer<typeof kubeconfigDocument>;

function clusterOf(entry: NonNullable<KubeconfigDocument["clusters"]>[number] | undefined): Cluster | undefined {
  if (!entry) return undefined;
  const c = entry.cluster;
  return {
    name: entry.name,
    server: c.server.replace(/\/+$/, ""),
    caData: c["certificate-authority-data"] ?? undefined,
    skipTLSVerify: c["insecure-skip-tls-verify"] === true,
    tlsServerName: c["tls-server-name"] ?? undefined,
    proxyUrl: c["proxy-url"] ?? undefined,
  };
}

function userOf(entry: NonNullable<KubeconfigDocument["users"]>[number] | undefined): User | undefined {
  if (!entry) return undefined;
  const u = entry.user ?? {};
  return {
    name: entry.name,
    token: u.token ?? undefined,
    certData: u["client-certificate-data"] ?? undefined,
    keyData: u["client-key-data"] ?? undefined,
    username: u.username ?? undefined,
    password: u.password ?? undefined,
    impersonateUser: u.as ?? undefined,
    exec: u.exec ?? undefined,
    authProvider: u["auth-provider"] ?? undefined,
  };
}

/** Merge keys resolve as in js-yaml (kubectl's YAML 1.1 habits); duplicate keys are an error. */
function readYaml(text: string): Record<string, unknown> {
  let document: unknown;
  try {
    document = parseYaml(text, { merge: true, uniqueKeys: true });
  } catch (error) {
    throw new AppError("kubeconfig_invalid", `The kubeconfig is not valid YAML: ${firstLine((error as Error).message)}`);
  }
  if (typeof document !== "object" || document === null || Array.isArray(document)) throw new AppError("kubeconfig_invalid", "The kubeconfig is not a YAML mapping");
  return document as Record<string, unknown>;
}

function assertNoFileReferences(document: Record<string, unknown>): void {
  for (const [list, { entry, fields }] of Object.entries(FILE_FIELDS)) {
    const entries = document[list];
    if (!Array.isArray(entries)) continue;
    for (const item of entries as unknown[]) {
      const inner = (item as Record<string, unknown> | null)?.[entry] as Record<string, unknown> | null | undefined;
      const field = fields.find((name) => inner?.[name]);
      if (field) {
        throw new AppError("kubeconfig_invalid", `The kubeconfig refers to a file (${field}); embed its content instead (kubectl config view --flatten --minify)`);
      }
    }
  }
}

/**
 * Credentials travel only over TLS. A plain-http server is allowed for test clusters when the
 * operator sets SYNCLINE_ALLOW_HTTP_CLUSTERS=true.
 */
function assertServerAllowed(server: string): void {
  let protocol: string;
  try {
    protocol = new URL(server).protocol;
  } catch {
    throw new AppError("kubeconfig_invalid", `The server URL "${server}" is not a URL`);
  }
  if (protocol === "https:") return;
  if (protocol !== "http:") throw new AppError("kubeconfig_invalid", `The server URL "${server}" is not https`);
  if (process.env.SYNCLINE_ALLOW_HTTP_CLUSTERS === "true") return;
  throw new AppError(
    "server_not_https",
    `The server URL "${server}" is plain http, which would send the credentials unencrypted; use https (an operator can allow http for test clusters with SYNCLINE_ALLOW_HTTP_CLUSTERS=true)`,
  );
}

function connectionKeyOf(cluster: Cluster, user: User): string {
  const tls = [cluster.caData, cluster.skipTLSVerify, cluster.tlsServerName, cluster.proxyUrl];
  const credentials = [user.token, user.certData, user.keyData, user.username, user.password, user.impersonateUser, user.exec];
  return createHash("sha256")
    .update(JSON.stringify([normalizeServerUrl(cluster.server), tls, credentials]))
    .digest("hex");
}

/**
 * Exec plugins run a command on the machine that holds the kubeconfig. On a server that is
 * arbitrary code execution chosen by whoever registers a cluster, so it is refused unless the
 * operator opts in with SYNCLINE_ALLOW_EXEC_AUTH=true and the command is installed here.
 */
function assertAuthUsable(user: User): void {
  if (user.authProvider) {
    throw new AppError("exec_auth_unsupported", `Auth provider "${user.authProvider.name}" is not supported; use a service-account token or a client certificate`);
  }
  if (!user.exec) return;
  const command = user.exec.command;
  if (process.env.SYNCLINE_ALLOW_EXEC_AUTH !== "true") {
    throw new AppError(
      "exec_auth_unsupported",
      `This kubeconfig signs in by running "${command}", which Syncline does not run on the server; use a service-account token or client certificate (or set SYNCLINE_ALLOW_EXEC_AUTH=true and install "${command}" on the server)`,
    );
  }
  if (spawnSync("sh", ["-c", 'command -v "$0"', command]).status !== 0) {
    throw new AppError("exec_auth_unsupported", `This kubeconfig signs in by running "${command}", which is not installed on the Syncline server`);
  }
}

function authMethodOf(user: User): AuthMethod {
  if (user.exec) return "exec";
  if (user.token) return "token";
  if (user.certData) return "client-certificate";
  if (user.username) return "basic";
  return "none";
}

const TLS_CODES = new Set([
  "UNABLE_TO_VERIFY_LEAF_SIGNATURE",
  "SELF_SIGNED_CERT_IN_CHAIN",
  "DEPTH_ZERO_SELF_SIGNED_CERT",
  "UNABLE_TO_GET_ISSUER_CERT_LOCALLY",
  "CERT_HAS_EXPIRED",
  "CERT_NOT_YET_VALID",
  "ERR_TLS_CERT_ALTNAME_INVALID",
  "ERR_SSL_WRONG_VERSION_NUMBER",
  "EPROTO",
]);

function networkError(cluster: string, error: Error): KubeError {
  if (isKubeError(error)) return error;
  const code = (error as NodeJS.ErrnoException).code ?? "";
  if (code === "ABORT_ERR") return abortedError(cluster);
  if (TLS_CODES.has(code) || /certificate|ssl|tls/i.test(error.message)) {
    return new KubeError({ status: undefined, cluster, reason: "tls", message: `${cluster}: TLS verification failed (${code || error.message})` });
  }
  const what = code === "ETIMEDOUT" ? "did not answer in time" : `cannot be reached (${code || error.message})`;
  return new KubeError({ status: undefined, cluster, reason: "unreachable", message: `${cluster}: the API server ${what}` });
}

function abortedError(cluster: string): KubeError {
  return new KubeError({ status: undefined, cluster, reason: "aborted", message: `${cluster}: the request was cancelled` });
}

const STATUS_REASONS: Record<number, string> = {
  400: "bad_request",
  401: "unauthorized",
  403: "forbidden",
  404: "not_found",
  409: "conflict",
  410: "gone",
  422: "invalid",
  429: "throttled",
};

/**
 * Never quotes what the server sent: a kubeconfig can point anywhere, and an echoed body would
 * let whoever registers a cluster read back any URL the Syncline server can reach. Only a
 * Kubernetes Status object's own message is kept.
 */
function statusError(cluster: string, status: number, body: string): KubeError {
  if (status >= 300 && status < 400) {
    return new KubeError({ status, cluster, reason: "not_kubernetes", message: `${cluster}: the API server answered with a redirect (HTTP ${status}), which Syncline does not follow` });
  }
  const message = kubernetesStatusMessage(body);
  if (message === undefined) return new KubeError({ status, cluster, reason: "not_kubernetes", message: `${cluster}: HTTP ${status} from the API server` });
  const reason = STATUS_REASONS[status] ?? (status >= 500 ? "server_error" : "unexpected_status");
  return new KubeError({ status, cluster, reason, message: `${cluster}: ${message.slice(0, 500) || `HTTP ${status} from the API server`}` });
}

/** The message of a `v1 Status` body, or undefined when the body is anything else. */
function kubernetesStatusMessage(body: string): string | undefined {
  try {
    const status = JSON.parse(body) as { kind?: unknown; apiVersion?: unknown; message?: unknown } | null;
    if (status?.kind !== "Status" || status.apiVersion !== "v1") return undefined;
    return typeof status.message === "string" ? status.message : "";
  } catch {
    return undefined;
  }
}

function parseJson(cluster: string, status: number, text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    // JSON.parse's own message quotes the text; see statusError.
    throw new KubeError({ status, cluster, reason: "not_kubernetes", message: `${cluster}: the API server answered HTTP ${status} with something that is not JSON` });
  }
}

function readAll(response: http.IncomingMessage, cluster: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    response.on("data", (chunk: Buffer) => chunks.push(chunk));
    response.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    response.on("error", (error) => reject(networkError(cluster, error)));
    // A connection destroyed mid-body (an abort) may end the stream without an error.
    response.on("close", () => {
      if (!response.complete) reject(networkError(cluster, Object.assign(new Error("connection closed"), { code: "ECONNRESET" })));
    });
  });
}

function firstLine(text: string): string {
  return text.split("\n")[0]!.slice(0, 200);
}

/** A cluster as stored: the kubeconfig is sealed at rest and opened only to build a client. */
export function clientForStoredCluster(cluster: { name: string; context: string; kubeconfigEncrypted: string }): KubeClient {
  return createKubeClient({ name: cluster.name, context: cluster.context, kubeconfig: openSecret(cluster.kubeconfigEncrypted, secretKey()) });
}

/**
 * A stored cluster's kubeconfig for a tool Syncline runs (the flux CLI), opened at the time of use:
 * only the vetted fields of its one context, so the tool reads no file and runs no credentials
 * plugin that the client itself would refuse.
 */
export function kubeconfigForStoredCluster(cluster: { context: string; kubeconfigEncrypted: string }): string {
  return loadConfig(openSecret(cluster.kubeconfigEncrypted, secretKey()), cluster.context).config.exportConfig();
}
