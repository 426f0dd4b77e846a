import { KubeConfig, type User } from "@kubernetes/client-node";
import { spawnSync } from "node:child_process";
import http from "node:http";
import https from "node:https";
import { createInterface } from "node:readline";
import { openSecret } from "../crypto/secret-box";
import { secretKey } from "../crypto/secret-key";
import { AppError } from "../errors/app-error";
import type { ClusterCapabilities } from "../fleet/dto";
import { parse as parseYaml } from "yaml";
import { KubeError } from "./kube-error";

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
  contentType?: "application/json" | "application/merge-patch+json";
  timeoutMs?: number;
}

export interface WatchLine<T = unknown> {
  type: "ADDED" | "MODIFIED" | "DELETED" | "BOOKMARK" | "ERROR";
  object: T;
}

export interface KubeClient {
  readonly cluster: string;
  readonly server: string;
  readonly authMethod: AuthMethod;
  request<T>(method: "GET" | "POST" | "PATCH" | "DELETE", path: string, options?: RequestOptions): Promise<T>;
  /** Streams one watch until the server closes it, `signal` aborts, or the connection fails (throws). */
  watch<T>(path: string, query: RequestOptions["query"], onEvent: (event: WatchLine<T>) => void, signal: AbortSignal): Promise<void>;
}

const DEFAULT_TIMEOUT_MS = 10_000;
/** A watch that says nothing (not even a bookmark) for this long is treated as dead. */
const WATCH_IDLE_MS = 90_000;

const FILE_FIELDS = {
  clusters: ["certificate-authority"],
  users: ["client-certificate", "client-key", "token-file"],
} as const;

/** Parses and vets a kubeconfig without contacting the cluster. Throws AppError with a precise code. */
export function parseKubeconfig(text: string, context?: string | null): ParsedKubeconfig {
  const config = loadConfig(text, context);
  return { context: config.getCurrentContext(), server: config.getCurrentCluster()!.server, authMethod: authMethodOf(config.getCurrentUser()!) };
}

export function createKubeClient(target: KubeconfigTarget): KubeClient {
  const config = loadConfig(target.kubeconfig, target.context);
  const server = config.getCurrentCluster()!.server.replace(/\/+$/, "");
  const authMethod = authMethodOf(config.getCurrentUser()!);
  const cluster = target.name;

  async function open(method: string, path: string, options: RequestOptions, accept: string): Promise<[http.IncomingMessage, http.ClientRequest]> {
    const url = new URL(server + path);
    for (const [key, value] of Object.entries(options.query ?? {})) if (value !== undefined) url.searchParams.set(key, String(value));
    const requestOptions: https.RequestOptions = { method, headers: { accept } };
    try {
      await config.applyToHTTPSOptions(requestOptions);
    } catch (error) {
      throw new KubeError({ status: undefined, cluster, reason: "auth_plugin", message: `${cluster}: credentials plugin failed: ${(error as Error).message}` });
    }
    const payload = options.body === undefined ? undefined : JSON.stringify(options.body);
    if (payload !== undefined) {
      requestOptions.headers = { ...requestOptions.headers, "content-type": options.contentType ?? "application/json", "content-length": Buffer.byteLength(payload) };
    }
    // A proxy-url needs KubeConfig's proxy agent; everything else shares one keep-alive agent.
    if (!config.getCurrentCluster()?.proxyUrl) requestOptions.agent = keepAliveAgent(url.protocol, requestOptions);
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
    async request<T>(method: "GET" | "POST" | "PATCH" | "DELETE", path: string, options: RequestOptions = {}): Promise<T> {
      const [response] = await open(method, path, options, "application/json");
      const text = await readAll(response, cluster);
      const status = response.statusCode ?? 0;
      if (status >= 200 && status < 300) return (text ? JSON.parse(text) : undefined) as T;
      throw statusError(cluster, status, text);
    },
    async watch<T>(path: string, query: RequestOptions["query"], onEvent: (event: WatchLine<T>) => void, signal: AbortSignal): Promise<void> {
      const [response, req] = await open("GET", path, { query: { ...query, watch: true } }, "application/json");
      const status = response.statusCode ?? 0;
      if (status !== 200) throw statusError(cluster, status, await readAll(response, cluster));
      // Answering is quick or a failure; once streaming, only a long silence means a dead connection.
      req.setTimeout(WATCH_IDLE_MS);
      const abort = () => response.destroy();
      signal.addEventListener("abort", abort, { once: true });
      try {
        const lines = createInterface({ input: response, crlfDelay: Infinity });
        for await (const line of lines) {
          if (!line.trim()) continue;
          onEvent(JSON.parse(line) as WatchLine<T>);
        }
      } catch (error) {
        if (!signal.aborted) throw networkError(cluster, error as Error);
      } finally {
        signal.removeEventListener("abort", abort);
        response.destroy();
      }
    },
  };
}

function loadConfig(text: string, context?: string | null): KubeConfig {
  assertNoFileReferences(text);
  const config = new KubeConfig();
  try {
    config.loadFromString(text);
  } catch (error) {
    throw new AppError("kubeconfig_invalid", `The kubeconfig cannot be read: ${firstLine((error as Error).message)}`);
  }
  const contexts = config.getContexts().map((c) => c.name);
  if (contexts.length === 0) throw new AppError("kubeconfig_invalid", "The kubeconfig defines no contexts");
  const chosen = context || config.getCurrentContext();
  if (!chosen) throw new AppError("context_not_found", "The kubeconfig has no current-context; name one with --context", { contexts });
  if (!contexts.includes(chosen)) {
    throw new AppError("context_not_found", `The kubeconfig has no context named "${chosen}"`, { contexts });
  }
  config.setCurrentContext(chosen);
  const cluster = config.getCurrentCluster();
  const user = config.getCurrentUser();
  if (!cluster?.server) throw new AppError("kubeconfig_invalid", `Context "${chosen}" names no cluster with a server URL`);
  if (!user) throw new AppError("kubeconfig_invalid", `Context "${chosen}" names no user`);
  if (!/^https?:\/\//.test(cluster.server)) throw new AppError("kubeconfig_invalid", `The server URL "${cluster.server}" is not http(s)`);
  assertAuthUsable(user);
  return config;
}

/**
 * A stored kubeconfig must be self-contained: a path would make the server read its own files
 * (client-node reads token-file while parsing), chosen by whoever registers a cluster. Checked
 * on the raw document, before KubeConfig touches it. The CLI inlines files before sending.
 */
function assertNoFileReferences(text: string): void {
  let document: unknown;
  try {
    document = parseYaml(text);
  } catch (error) {
    throw new AppError("kubeconfig_invalid", `The kubeconfig is not valid YAML: ${firstLine((error as Error).message)}`);
  }
  if (typeof document !== "object" || document === null) throw new AppError("kubeconfig_invalid", "The kubeconfig is not a YAML mapping");
  for (const [list, fields] of Object.entries(FILE_FIELDS)) {
    const entries = (document as Record<string, unknown>)[list];
    if (!Array.isArray(entries)) continue;
    for (const entry of entries as Array<Record<string, Record<string, unknown> | undefined>>) {
      const inner = entry?.[list === "clusters" ? "cluster" : "user"];
      const field = fields.find((name) => inner?.[name]);
      if (field) {
        throw new AppError("kubeconfig_invalid", `The kubeconfig refers to a file (${field}); embed its content instead (kubectl config view --flatten --minify)`);
      }
    }
  }
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
  if (error instanceof KubeError) return error;
  const code = (error as NodeJS.ErrnoException).code ?? "";
  if (TLS_CODES.has(code) || /certificate|ssl|tls/i.test(error.message)) {
    return new KubeError({ status: undefined, cluster, reason: "tls", message: `${cluster}: TLS verification failed (${code || error.message})` });
  }
  const what = code === "ETIMEDOUT" ? "did not answer in time" : `cannot be reached (${code || error.message})`;
  return new KubeError({ status: undefined, cluster, reason: "unreachable", message: `${cluster}: the API server ${what}` });
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

function statusError(cluster: string, status: number, body: string): KubeError {
  let message = "";
  try {
    message = (JSON.parse(body) as { message?: string }).message ?? "";
  } catch {
    message = body.slice(0, 200);
  }
  const reason = STATUS_REASONS[status] ?? (status >= 500 ? "server_error" : "unexpected_status");
  return new KubeError({ status, cluster, reason, message: `${cluster}: ${message || `HTTP ${status}`}` });
}

function readAll(response: http.IncomingMessage, cluster: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    response.on("data", (chunk: Buffer) => chunks.push(chunk));
    response.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    response.on("error", (error) => reject(networkError(cluster, error)));
  });
}

function firstLine(text: string): string {
  return text.split("\n")[0]!.slice(0, 200);
}

/** A cluster as stored: the kubeconfig is sealed at rest and opened only to build a client. */
export function clientForStoredCluster(cluster: { name: string; context: string; kubeconfigEncrypted: string }): KubeClient {
  return createKubeClient({ name: cluster.name, context: cluster.context, kubeconfig: openSecret(cluster.kubeconfigEncrypted, secretKey()) });
}
