import { afterEach, describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { AppError } from "../errors/app-error";
import { parseKubeconfig } from "./client";

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
});

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

  it("refuses a kubeconfig that points at files on the server, before reading any", () => {
    expect(codeOf(() => parseKubeconfig(kubeconfig({ "token-file": "/etc/shadow" })))).toBe("kubeconfig_invalid");
    expect(codeOf(() => parseKubeconfig(kubeconfig({ token: "abc" }, { cluster: { "certificate-authority": "/etc/ca.pem" } })))).toBe("kubeconfig_invalid");
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
