import { describe, expect, it } from "vitest";
import { inventoryEntries } from "./inventory-entries";

describe("a Kustomization's inventory", () => {
  it("lists each object with its group, version, kind, namespace and name; cluster-scoped and core objects included", () => {
    const kustomization = {
      metadata: { name: "apps", namespace: "flux-system" },
      status: {
        inventory: {
          entries: [
            { id: "staging_web_apps_Deployment", v: "v1" },
            { id: "staging_web-config__ConfigMap", v: "v1" },
            { id: "_podinfo-reader_rbac.authorization.k8s.io_ClusterRole", v: "v1" },
          ],
        },
      },
    };
    expect(inventoryEntries(kustomization)).toEqual([
      { group: "apps", version: "v1", kind: "Deployment", namespace: "staging", name: "web" },
      { group: "", version: "v1", kind: "ConfigMap", namespace: "staging", name: "web-config" },
      { group: "rbac.authorization.k8s.io", version: "v1", kind: "ClusterRole", namespace: "", name: "podinfo-reader" },
    ]);
  });

  it("is empty before the first apply, and skips entries it cannot read", () => {
    expect(inventoryEntries({ metadata: { name: "apps" } })).toEqual([]);
    expect(inventoryEntries({ metadata: { name: "apps" }, status: { inventory: { entries: [{ id: "broken" }, { id: "a_b_c_D" }] } } })).toEqual([]);
  });
});
