import { describe, expect, it } from "vitest";
import type { FluxObject } from "./flux-resource";
import { managedObjectsOf } from "./managed-objects";

const withInventory = (entries: unknown): FluxObject => ({
  apiVersion: "kustomize.toolkit.fluxcd.io/v1",
  kind: "Kustomization",
  metadata: { name: "apps", namespace: "flux-system" },
  status: { conditions: [], inventory: { entries } },
});

describe("the objects a reconciler manages, from status.inventory", () => {
  it("reads namespace, name, group, kind and API version from each entry", () => {
    expect(
      managedObjectsOf(
        withInventory([
          { id: "podinfo_podinfo_apps_Deployment", v: "v1" },
          { id: "podinfo_podinfo-config__ConfigMap", v: "v1" },
          { id: "_podinfo__Namespace", v: "v1" },
        ]),
      ),
    ).toEqual([
      { namespace: "podinfo", name: "podinfo", group: "apps", kind: "Deployment", apiVersion: "apps/v1" },
      { namespace: "podinfo", name: "podinfo-config", group: "", kind: "ConfigMap", apiVersion: "v1" },
      { namespace: "", name: "podinfo", group: "", kind: "Namespace", apiVersion: "v1" },
    ]);
  });

  it("turns the double underscore Flux writes for a colon back into one, as in RBAC names", () => {
    expect(managedObjectsOf(withInventory([{ id: "_system__metrics-reader_rbac.authorization.k8s.io_ClusterRole", v: "v1" }]))).toEqual([
      { namespace: "", name: "system:metrics-reader", group: "rbac.authorization.k8s.io", kind: "ClusterRole", apiVersion: "rbac.authorization.k8s.io/v1" },
    ]);
  });

  it("keeps dots and dashes in names and groups", () => {
    expect(managedObjectsOf(withInventory([{ id: "flux-system_web.tls_cert-manager.io_Certificate", v: "v1" }]))).toEqual([
      { namespace: "flux-system", name: "web.tls", group: "cert-manager.io", kind: "Certificate", apiVersion: "cert-manager.io/v1" },
    ]);
  });

  it("skips entries it cannot read rather than guessing", () => {
    expect(managedObjectsOf(withInventory([{ id: "nonsense" }, { id: "a_b" }, null, { v: "v1" }, { id: "ns_cm__ConfigMap", v: "v1" }]))).toEqual([
      { namespace: "ns", name: "cm", group: "", kind: "ConfigMap", apiVersion: "v1" },
    ]);
  });

  it("says there is no inventory when the object keeps none, and an empty one when it manages nothing", () => {
    const bare: FluxObject = { apiVersion: "helm.toolkit.fluxcd.io/v2", kind: "HelmRelease", metadata: { name: "podinfo", namespace: "flux-system" }, status: { conditions: [] } };
    expect(managedObjectsOf(bare)).toBeNull();
    expect(managedObjectsOf(withInventory([]))).toEqual([]);
  });
});
