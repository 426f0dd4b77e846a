import { describe, expect, it } from "vitest";
import { kubeconfigContexts, parseLabels } from "./kubeconfig-contexts";

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
