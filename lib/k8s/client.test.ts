import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { AppError } from "../errors/app-error";
import { createKubeClient, parseKubeconfig } from "./client";
import { KubeError } from "./kube-error";

function kubeconfig(user: Record<string, unknown>, extra: { cluster?: Record<string, unknown>; current?: string } = {}): string {
  return stringify({
    apiVersion: "v1",
    kind: "Config",
    clusters: [{ name: "prod", cluster: { server: "https://10.0.0.1:6443", "certificate-authority-data": "Zm9v", ...extra.cluster } }],
    users: [{ name: "admin", user }],
    contexts: [{ name: "prod", context: { cluster: "prod", user: "admin" } }],
    "current-context": extra.current ?? "prod",
  });
}

function codeOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error.code;
    throw error;
  }
  return undefined;
}

afterEach(() => {
  delete process.env.SYNCLINE_ALLOW_EXEC_AUTH;
  delete process.env.SYNCLINE_ALLOW_HTTP_CLUSTERS;
});

/** A readable file on this machine, as a secret the server holds would be. */
let secretDir: string;
let secretFile: string;
const SECRET = "secret-from-the-server-disk-7d1f";

/** A loopback HTTP server that records what it was sent and answers as `reply` says. */
let server: Server;
let serverUrl: string;
const received: IncomingHttpHeaders[] = [];
let reply: { status: number; type: string; body: string } = { status: 200, type: "application/json", body: '{"gitVersion":"v1.34.0"}' };

beforeAll(async () => {
  secretDir = mkdtempSync(join(tmpdir(), "syncline-kubeconfig-"));
  secretFile = join(secretDir, "token");
  writeFileSync(secretFile, SECRET);
  server = createServer((request, response) => {
    received.push(request.headers);
    response.writeHead(reply.status, { "content-type": reply.type }).end(reply.body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  serverUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  rmSync(secretDir, { recursive: true, force: true });
  // Clients keep their connections alive for reuse.
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

/** What happens when Syncline builds a client from `text` and calls the API server with it. */
async function useKubeconfig(text: string): Promise<string> {
  try {
    await createKubeClient({ name: "test", kubeconfig: text }).request("GET", "/version");
    return "sent";
  } catch (error) {
    if (error instanceof AppError) return error.code;
    throw error;
  }
}

describe("reading a kubeconfig", () => {
  it("picks the current context, its server and how it authenticates", () => {
    expect(parseKubeconfig(kubeconfig({ token: "abc" }))).toEqual({ context: "prod", server: "https://10.0.0.1:6443", authMethod: "token" });
  });

  it("rejects text that is not a kubeconfig with kubeconfig_invalid", () => {
    expect(codeOf(() => parseKubeconfig("this: [is not"))).toBe("kubeconfig_invalid");
    expect(codeOf(() => parseKubeconfig("just text"))).toBe("kubeconfig_invalid");
  });

  it("rejects a context the kubeconfig does not have with context_not_found, listing the ones it has", () => {
    try {
      parseKubeconfig(kubeconfig({ token: "abc" }), "staging");
      expect.unreachable();
    } catch (error) {
      expect((error as AppError).code).toBe("context_not_found");
      expect((error as AppError).details).toEqual({ contexts: ["prod"] });
    }
  });

  it("refuses a kubeconfig that points at a readable file on the server, for every field client-node would read", () => {
    expect(codeOf(() => parseKubeconfig(kubeconfig({ "token-file": secretFile })))).toBe("kubeconfig_invalid");
    expect(codeOf(() => parseKubeconfig(kubeconfig({ "client-certificate": secretFile, "client-key-data": "Zm9v" })))).toBe("kubeconfig_invalid");
    expect(codeOf(() => parseKubeconfig(kubeconfig({ "client-certificate-data": "Zm9v", "client-key": secretFile })))).toBe("kubeconfig_invalid");
    expect(codeOf(() => parseKubeconfig(kubeconfig({ token: "abc" }, { cluster: { "certificate-authority": secretFile } })))).toBe("kubeconfig_invalid");
  });

  it("refuses a token-file smuggled in through a YAML merge key, and never sends the file's content", async () => {
    process.env.SYNCLINE_ALLOW_HTTP_CLUSTERS = "true";
    received.length = 0;
    const smuggled = [
      "apiVersion: v1",
      "kind: Config",
      "x-defaults: &defaults",
      `  token-file: ${secretFile}`,
      "clusters:",
      "- name: prod",
      "  cluster:",
      `    server: ${serverUrl}`,
      "    insecure-skip-tls-verify: true",
      "users:",
      "- name: admin",
      "  user:",
      "    <<: *defaults",
      "contexts:",
      "- name: prod",
      "  context: {cluster: prod, user: admin}",
      "current-context: prod",
    ].join("\n");
    const outcome = await useKubeconfig(smuggled);
    expect(JSON.stringify(received)).not.toContain(SECRET);
    expect(outcome).toBe("kubeconfig_invalid");
  });

  it("refuses a certificate-authority file smuggled in through a YAML merge key", () => {
    const smuggled = [
      "x-cluster: &ca",
      `  certificate-authority: ${secretFile}`,
      "clusters:",
      "- name: prod",
      "  cluster:",
      "    server: https://10.0.0.1:6443",
      "    <<: *ca",
      "users: [{name: admin, user: {token: abc}}]",
      "contexts: [{name: prod, context: {cluster: prod, user: admin}}]",
      "current-context: prod",
    ].join("\n");
    expect(codeOf(() => parseKubeconfig(smuggled))).toBe("kubeconfig_invalid");
  });

  it("refuses a plain-http server with server_not_https, unless SYNCLINE_ALLOW_HTTP_CLUSTERS=true allows it for a test cluster", () => {
    const http = kubeconfig({ token: "abc" }, { cluster: { server: "http://10.0.0.1:8080" } });
    expect(codeOf(() => parseKubeconfig(http))).toBe("server_not_https");
    expect(parseKubeconfig(kubeconfig({ token: "abc" })).server).toBe("https://10.0.0.1:6443");
    process.env.SYNCLINE_ALLOW_HTTP_CLUSTERS = "true";
    expect(parseKubeconfig(http).server).toBe("http://10.0.0.1:8080");
  });

  it("refuses exec plugins by default: the server would run a command chosen by whoever registers the cluster", () => {
    const exec = { exec: { apiVersion: "client.authentication.k8s.io/v1", command: "aws", args: ["eks", "get-token"] } };
    expect(codeOf(() => parseKubeconfig(kubeconfig(exec)))).toBe("exec_auth_unsupported");
  });

  it("with SYNCLINE_ALLOW_EXEC_AUTH, accepts an exec plugin only when its command is installed", () => {
    process.env.SYNCLINE_ALLOW_EXEC_AUTH = "true";
    const missing = { exec: { apiVersion: "client.authentication.k8s.io/v1", command: "no-such-credential-plugin" } };
    expect(codeOf(() => parseKubeconfig(kubeconfig(missing)))).toBe("exec_auth_unsupported");
    const present = { exec: { apiVersion: "client.authentication.k8s.io/v1", command: "sh" } };
    expect(parseKubeconfig(kubeconfig(present)).authMethod).toBe("exec");
  });
});

describe("errors from the API server", () => {
  const MARKER = "internal-page-content-3b9e";

  async function failureOf(answer: typeof reply): Promise<KubeError> {
    process.env.SYNCLINE_ALLOW_HTTP_CLUSTERS = "true";
    reply = answer;
    const client = createKubeClient({ name: "test", kubeconfig: kubeconfig({ token: "abc" }, { cluster: { server: serverUrl, "insecure-skip-tls-verify": true, "certificate-authority-data": undefined } }) });
    return client.request("GET", "/version").then(
      () => expect.unreachable(),
      (error: unknown) => error as KubeError,
    );
  }

  it("quote a Kubernetes Status's own message, and never any other reply, whatever its status", async () => {
    const status = { kind: "Status", apiVersion: "v1", status: "Failure", message: 'kustomizations "apps" not found', code: 404 };
    const notFound = await failureOf({ status: 404, type: "application/json", body: JSON.stringify(status) });
    expect(notFound.message).toBe('test: kustomizations "apps" not found');
    expect(notFound.reason).toBe("not_found");
    for (const answer of [
      { status: 500, type: "text/html", body: `<html>${MARKER}</html>` },
      { status: 404, type: "application/json", body: JSON.stringify({ message: MARKER }) },
      { status: 200, type: "text/html", body: `<html>${MARKER}</html>` },
      { status: 302, type: "text/html", body: MARKER },
    ]) {
      const error = await failureOf(answer);
      expect(error).toBeInstanceOf(KubeError);
      expect(error.message).not.toContain(MARKER);
      expect(error.status).toBe(answer.status);
    }
  });
});
