import { describe, expect, it } from "vitest";
import { applySourceInput, newSourceInput, updateSourceInput } from "./sources";

const valid = { name: "shop", url: "https://git.example.com/acme/fleet", ref: { branch: "main" }, path: "./clusters/{{labels.env}}", interval: "5m", prune: true, targetNamespace: "shop", selector: "env=staging" };
const issues = (input: unknown) => {
  const result = newSourceInput.safeParse(input);
  return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
};

describe("a new source's definition", () => {
  it("accepts the body the API documents, with defaults for namespace, dependsOn and clusterIds", () => {
    const parsed = newSourceInput.parse(valid);
    expect(parsed).toMatchObject({ name: "shop", namespace: "flux-system", dependsOn: [], prune: true });
  });

  it.each([
    ["https://github.com/acme/fleet", true],
    ["http://git.local:3000/acme/fleet.git", true],
    ["ssh://git@github.com/acme/fleet", true],
    ["file:///etc/passwd", false],
    ["git@github.com:acme/fleet.git", false],
    ["/srv/git/fleet", false],
    ["https://user:secret@github.com/acme/fleet", false],
  ])("takes %s as a URL: %s (http, https and ssh only, no credentials inside)", (url, ok) => {
    expect(issues({ ...valid, url }).some((issue) => issue.startsWith("url"))).toBe(!ok);
  });

  it.each([
    ["./clusters/production", true],
    ["clusters/{{cluster.name}}", true],
    ["../../etc", false],
    ["./apps/../../etc", false],
    ["/etc", false],
    ["./clusters/{{labels.env}", false],
    ["./clusters/{{env}}", false],
  ])("takes %s as a path: %s (inside the repository, only known placeholders)", (path, ok) => {
    expect(issues({ ...valid, path }).some((issue) => issue.startsWith("path"))).toBe(!ok);
  });

  it.each([["shop", true], ["shop-eu-1", true], ["Shop", false], ["-shop", false], ["shop_eu", false], ["a".repeat(64), false]])("takes %s as a name: %s (a DNS-1123 label)", (name, ok) => {
    expect(issues({ ...valid, name }).some((issue) => issue.startsWith("name"))).toBe(!ok);
  });

  it("takes exactly one of branch, tag, semver or commit as the ref", () => {
    expect(issues({ ...valid, ref: { tag: "v1.2.0" } })).toEqual([]);
    expect(issues({ ...valid, ref: { semver: ">=1.0.0 <2.0.0" } })).toEqual([]);
    expect(issues({ ...valid, ref: { commit: "abc1234" } })).toEqual([]);
    expect(issues({ ...valid, ref: { branch: "main", tag: "v1" } })).not.toEqual([]);
    expect(issues({ ...valid, ref: {} })).not.toEqual([]);
  });

  it("checks templates in substitute values too", () => {
    expect(issues({ ...valid, postBuild: { substitute: { cluster_env: "{{labels.env}}" } } })).toEqual([]);
    expect(issues({ ...valid, postBuild: { substitute: { cluster_env: "{{secrets.token}}" } } })).not.toEqual([]);
  });

  it("needs targets: a selector, cluster ids or both", () => {
    const { selector: _selector, ...untargeted } = valid;
    expect(issues(untargeted)).toEqual(["selector: Choose targets: a label selector, cluster ids, or both"]);
  });

  it("takes credentials as a stored credential's id or inline, never both", () => {
    expect(issues({ ...valid, credentials: { credentialId: "0190a0a0-0000-7000-8000-000000000001" } })).toEqual([]);
    expect(issues({ ...valid, credentials: { kind: "https-token", token: "t0k3n" } })).toEqual([]);
    expect(issues({ ...valid, credentials: { kind: "ssh-key", privateKey: "not a key", knownHosts: "h ssh-ed25519 AAAA" } })).not.toEqual([]);
    expect(issues({ ...valid, credentials: { credentialId: "0190a0a0-0000-7000-8000-000000000001", kind: "https-token", token: "x" } })).not.toEqual([]);
  });
});

describe("editing and applying a source", () => {
  it("an edit cannot rename the source, since the name names its objects on every cluster", () => {
    expect(updateSourceInput.safeParse({ name: "other" }).success).toBe(false);
    expect(updateSourceInput.safeParse({ ref: { tag: "v2" } }).success).toBe(true);
    expect(updateSourceInput.safeParse({}).success).toBe(false);
  });

  it("an apply carries the preview's planHash, a SHA-256", () => {
    expect(applySourceInput.safeParse({ planHash: "a".repeat(64) }).success).toBe(true);
    expect(applySourceInput.safeParse({ planHash: "nope" }).success).toBe(false);
  });
});
