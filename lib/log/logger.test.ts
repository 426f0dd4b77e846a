import { execFileSync } from "node:child_process";
import { resolve } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";

/**
 * Runs the real logger in a process of its own, as Syncline runs it, and returns the JSON lines
 * it wrote to stdout: what an operator's log collector would receive.
 */
// Specs walk the logged JSON by path; typing each record would only restate the assertions.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type LogLine = Record<string, any>;

function linesLoggedBy(script: string): LogLine[] {
  const stdout = execFileSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", `const { log } = await import("./lib/log/logger.ts");\n${script}`], {
    cwd: resolve(import.meta.dirname, "../.."),
    env: { ...process.env, SYNCLINE_LOG_LEVEL: "info" },
    encoding: "utf8",
  });
  rawOutput = stdout;
  return stdout.trim().split("\n").map((line) => JSON.parse(line) as LogLine);
}

let rawOutput = "";
let lines: LogLine[] = [];

const SECRETS = ["hunter2-deep", "Bearer eyJhbGciOi.header.sig", "kubeconfig-plaintext", "argon2id$v=19$hash", "slt_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "api-token-value", "session-cookie-value", "client-secret-value", "kubeconfig-ciphertext"];

beforeAll(() => {
  lines = linesLoggedBy(`
    log.info({
      cluster: "prod-eu",
      request: { method: "POST", path: "/api/clusters", attempt: 3,
        body: { spec: { values: { database: { Password: "hunter2-deep", host: "db.internal" } } } } },
      headers: { Authorization: "Bearer eyJhbGciOi.header.sig", "X-Api-Token": "api-token-value", Cookie: "syncline_session=session-cookie-value", accept: "application/json" },
      registration: { name: "prod-eu", KubeConfig: "kubeconfig-plaintext", kubeconfigEncrypted: "kubeconfig-ciphertext" },
      users: [{ name: "ada", passwordHash: "argon2id$v=19$hash" }, { name: "bob", tokens: ["slt_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"] }],
      oidc: [[{ provider: { CLIENT_SECRET: "client-secret-value", issuer: "https://id.example" } }]],
    }, "registering a cluster");
    const failure = new Error("the apiserver refused Bearer eyJhbGciOi.header.sig");
    failure.request = { headers: { authorization: "Bearer eyJhbGciOi.header.sig" }, url: "https://k8s.example:6443/api" };
    log.error({ err: failure, requestId: "r-1" }, "request failed");
    log.error(failure);
  `);
});

describe("the logger", () => {
  it("censors secret-named fields at any depth and in any case, inside objects and arrays, and leaves the rest as it was", () => {
    const record = lines[0]!;

    expect(record.request.body.spec.values.database).toEqual({ Password: "[redacted]", host: "db.internal" });
    expect(record.headers).toEqual({ Authorization: "[redacted]", "X-Api-Token": "[redacted]", Cookie: "[redacted]", accept: "application/json" });
    expect(record.registration).toEqual({ name: "prod-eu", KubeConfig: "[redacted]", kubeconfigEncrypted: "[redacted]" });
    expect(record.users).toEqual([{ name: "ada", passwordHash: "[redacted]" }, { name: "bob", tokens: "[redacted]" }]);
    expect(record.oidc).toEqual([[{ provider: { CLIENT_SECRET: "[redacted]", issuer: "https://id.example" } }]]);
    expect(record).toMatchObject({ level: 30, service: "syncline", cluster: "prod-eu", request: { method: "POST", path: "/api/clusters", attempt: 3 }, msg: "registering a cluster" });
  });

  it("censors logged errors too: their fields, and bearer tokens quoted in their message", () => {
    const [, withContext, bare] = lines as [LogLine, LogLine, LogLine];

    expect(withContext.err).toMatchObject({
      type: "Error",
      message: "the apiserver refused Bearer [redacted]",
      request: { headers: { authorization: "[redacted]" }, url: "https://k8s.example:6443/api" },
    });
    expect(withContext.err.stack).toMatch(/^Error: the apiserver refused Bearer \[redacted\]\n\s+at /);
    expect(withContext.requestId).toBe("r-1");
    expect(bare.msg).toBe("the apiserver refused Bearer [redacted]");
  });

  it("writes none of the secrets anywhere in its output", () => {
    for (const secret of SECRETS) expect(rawOutput).not.toContain(secret);
  });
});
