import { describe, expect, it } from "vitest";
import { collectionPath, Kustomization, objectPath } from "./index";

const server = "https://127.0.0.1:6443";

describe("Kubernetes API paths", () => {
  it("keep a hostile namespace or name inside its own segment", () => {
    for (const [namespace, name] of [
      ["../../../../api/v1/namespaces/kube-system/secrets?", "x"],
      ["flux-system", "..\\..\\version#"],
      ["flux-system", "a?b#c/d"],
    ] as const) {
      const url = new URL(server + objectPath(Kustomization, namespace, name));
      expect(url.search).toBe("");
      expect(url.hash).toBe("");
      expect(url.pathname.split("/")).toHaveLength(8);
      expect(url.pathname.startsWith("/apis/kustomize.toolkit.fluxcd.io/v1/namespaces/")).toBe(true);
      expect(url.pathname.endsWith("/kustomizations/" + encodeURIComponent(name))).toBe(true);
    }
  });

  it("refuse dot segments, which URL parsers resolve however they are encoded", () => {
    expect(() => objectPath(Kustomization, "..", "x")).toThrow(/cannot be part of a Kubernetes API path/);
    expect(() => objectPath(Kustomization, "flux-system", ".")).toThrow(/cannot be part of a Kubernetes API path/);
    expect(() => collectionPath(Kustomization, "")).toThrow(/cannot be part of a Kubernetes API path/);
  });

  it("build the plain paths unchanged", () => {
    expect(collectionPath(Kustomization)).toBe("/apis/kustomize.toolkit.fluxcd.io/v1/kustomizations");
    expect(objectPath(Kustomization, "flux-system", "apps")).toBe("/apis/kustomize.toolkit.fluxcd.io/v1/namespaces/flux-system/kustomizations/apps");
  });
});
