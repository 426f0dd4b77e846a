import { describe, expect, it } from "vitest";
import { kubeconfigContexts, kubeconfigServer, maskKubeconfigSecrets, MASK, parseLabels } from "./kubeconfig-contexts";

const kubeconfig = `
apiVersion: v1
kind: Config
current-context: prod
contexts:
- name: staging
  context: { cluster: staging, user: admin }
- name: prod
  context: { cluster: prod, user: admin }
`;

describe("the context picker", () => {
  it("lists a pasted kubeconfig's contexts and preselects the current one", () => {
    expect(kubeconfigContexts(kubeconfig)).toEqual({ contexts: ["staging", "prod"], current: "prod", problem: null });
  });

  it("explains text that is not a kubeconfig", () => {
    expect(kubeconfigContexts("just: [text").problem).toMatch(/^Not valid YAML/);
    expect(kubeconfigContexts("apiVersion: v1\nkind: Pod\n").problem).toMatch(/no contexts list/);
  });

  it("stays quiet while the field is empty", () => {
    expect(kubeconfigContexts("  ")).toEqual({ contexts: [], current: null, problem: null });
  });
});

describe("labels typed as text", () => {
  it("read as key=value pairs separated by commas or spaces", () => {
    expect(parseLabels("env=staging, team=payments region=eu-1")).toEqual({
      labels: { env: "staging", team: "payments", region: "eu-1" },
      problem: null,
    });
  });

  it("report the first entry that is not key=value", () => {
    expect(parseLabels("env=staging, oops").problem).toBe('"oops" is not key=value');
  });
});

describe("a pasted kubeconfig as the form shows it", () => {
  const pasted = `apiVersion: v1
kind: Config
clusters:
- name: prod
  cluster:
    server: https://prod.example:6443
    certificate-authority-data: LS0tQ0EtLS0=
users:
- name: admin
  user:
    token: eyJhbGciOiJSUzI1NiJ9.secret-token
- name: cert
  user:
    client-certificate-data: LS0tQ0VSVC0tLQ==
    client-key-data: LS0tS0VZLS0tc2VjcmV0
- name: basic
  user: { username: alice, password: "p4ss,word" }
- name: oidc
  user:
    auth-provider:
      name: oidc
      config:
        client-id: syncline
        client-secret: oidc-client-secret
        id-token: oidc-id-token
        refresh-token: oidc-refresh-token
contexts:
- name: prod
  context: { cluster: prod, user: admin }
current-context: prod
`;
  const secrets = ["eyJhbGciOiJSUzI1NiJ9.secret-token", "LS0tS0VZLS0tc2VjcmV0", "p4ss,word", "oidc-client-secret", "oidc-id-token", "oidc-refresh-token"];

  it("hides every token, private key, password and auth-provider secret", () => {
    const shown = maskKubeconfigSecrets(pasted);
    for (const secret of secrets) expect(shown).not.toContain(secret);
    expect(shown).toContain(`token: ${MASK}`);
    expect(shown).toContain(`password: "${MASK}"`);
  });

  it("keeps everything else as pasted: servers, names, certificates, and the layout", () => {
    const shown = maskKubeconfigSecrets(pasted);
    for (const kept of ["server: https://prod.example:6443", "certificate-authority-data: LS0tQ0EtLS0=", "client-certificate-data: LS0tQ0VSVC0tLQ==", "username: alice", "client-id: syncline"]) {
      expect(shown).toContain(kept);
    }
    expect(shown.split("\n")).toHaveLength(pasted.split("\n").length);
  });

  it("hides secrets in a JSON kubeconfig and in text that is not valid YAML yet", () => {
    const json = JSON.stringify({ users: [{ name: "a", user: { token: "json-secret-token" } }] });
    expect(maskKubeconfigSecrets(json)).not.toContain("json-secret-token");
    expect(maskKubeconfigSecrets(json)).toContain(`"token":"${MASK}"`);
    const broken = "users:\n- name: a\n  user:\n    token: half-pasted-token\n  [oops";
    expect(maskKubeconfigSecrets(broken)).not.toContain("half-pasted-token");
  });
});

describe("the server a context points at", () => {
  it("follows the context to its cluster entry", () => {
    const text = "clusters:\n- name: c1\n  cluster: { server: https://a.example }\ncontexts:\n- name: ctx\n  context: { cluster: c1, user: u }\n";
    expect(kubeconfigServer(text, "ctx")).toBe("https://a.example");
    expect(kubeconfigServer(text, "other")).toBeNull();
  });
});
