import { describe, expect, it } from "vitest";
import { fieldOwner } from "./field-owners";
import type { FieldPath } from "./field-path";

const entry = (manager: string, operation: "Apply" | "Update", time: string, fieldsV1: object, subresource?: string) => ({
  manager,
  operation,
  apiVersion: "apps/v1",
  time,
  fieldsType: "FieldsV1",
  fieldsV1,
  ...(subresource ? { subresource } : {}),
});
const field = (...names: string[]): FieldPath => names.map((name) => ({ field: name }));

const fluxApply = entry("kustomize-controller", "Apply", "2026-03-01T10:00:00Z", {
  "f:metadata": { "f:labels": { ".": {}, "f:app.kubernetes.io/name": {} } },
  "f:spec": {
    "f:template": {
      "f:spec": {
        "f:containers": {
          'k:{"name":"web"}': { ".": {}, "f:image": {}, "f:name": {}, "f:ports": { 'k:{"containerPort":9898,"protocol":"TCP"}': { ".": {}, "f:containerPort": {}, "f:name": {} } } },
        },
      },
    },
  },
});
const scale = entry("kubectl-scale", "Update", "2026-03-01T14:02:00Z", { "f:spec": { "f:replicas": {} } }, "scale");

describe("who last wrote a field, from managedFields", () => {
  it("names the manager that owns the field, its operation and time", () => {
    expect(fieldOwner([fluxApply, scale], field("spec", "replicas"))).toEqual({ manager: "kubectl-scale", operation: "Update", changedAt: "2026-03-01T14:02:00Z" });
  });

  it("finds a list item by its key fields, whatever its position", () => {
    const path: FieldPath = [...field("spec", "template", "spec", "containers"), { index: 3, item: { name: "web", image: "x" } }, { field: "image" }];
    expect(fieldOwner([fluxApply, scale], path)?.manager).toBe("kustomize-controller");
  });

  it("matches a key of several fields (a container port) only when every key field matches", () => {
    const portName = entry("kubectl-patch", "Update", "2026-03-01T12:00:00Z", {
      "f:spec": { "f:template": { "f:spec": { "f:containers": { 'k:{"name":"web"}': { "f:ports": { 'k:{"containerPort":9898,"protocol":"TCP"}': { "f:name": {} } } } } } } },
    });
    const containers: FieldPath = [...field("spec", "template", "spec", "containers"), { index: 0, item: { name: "web" } }, { field: "ports" }];
    const port = (item: object): FieldPath => [...containers, { index: 0, item }, { field: "name" }];
    expect(fieldOwner([portName], port({ containerPort: 9898, protocol: "TCP", name: "http" }))?.manager).toBe("kubectl-patch");
    expect(fieldOwner([portName], port({ containerPort: 9898, protocol: "UDP", name: "http" }))).toBeNull();
  });

  it("matches set items by value and atomic list items by index", () => {
    const finalizers = entry("cleanup-operator", "Update", "2026-03-02T08:00:00Z", { "f:metadata": { "f:finalizers": { 'v:"acme.io/cleanup"': {} } } });
    const args = entry("kubectl-edit", "Update", "2026-03-02T09:00:00Z", { "f:spec": { "f:args": { "i:1": {} } } });
    expect(fieldOwner([finalizers, args], [...field("metadata", "finalizers"), { index: 4, item: "acme.io/cleanup" }])?.manager).toBe("cleanup-operator");
    expect(fieldOwner([finalizers, args], [...field("spec", "args"), { index: 1, item: "--verbose" }])?.manager).toBe("kubectl-edit");
    expect(fieldOwner([finalizers, args], [...field("spec", "args"), { index: 0, item: "--verbose" }])).toBeNull();
  });

  it("falls back to the owner of the enclosing map for a field no one owns any more (a removed label)", () => {
    expect(fieldOwner([fluxApply], field("metadata", "labels", "team"))?.manager).toBe("kustomize-controller");
  });

  it("prefers the most specific owner over the owner of an enclosing map", () => {
    const edit = entry("kubectl-edit", "Update", "2026-02-01T00:00:00Z", { "f:metadata": { "f:labels": { "f:team": {} } } });
    expect(fieldOwner([fluxApply, edit], field("metadata", "labels", "team"))?.manager).toBe("kubectl-edit");
  });

  it("credits the manager owning fields inside a differing subtree", () => {
    const path: FieldPath = [...field("spec", "template", "spec", "containers"), { index: 0, item: { name: "web" } }];
    expect(fieldOwner([fluxApply, scale], path)?.manager).toBe("kustomize-controller");
  });

  it("breaks a tie between equally specific owners by the latest write", () => {
    const earlier = entry("kubectl-patch", "Update", "2026-03-01T09:00:00Z", { "f:spec": { "f:replicas": {} } });
    expect(fieldOwner([scale, earlier], field("spec", "replicas"))?.manager).toBe("kubectl-scale");
    expect(fieldOwner([earlier, scale], field("spec", "replicas"))?.manager).toBe("kubectl-scale");
  });

  it("records Apply and Update as such, and says nothing when no entry reaches the field or managedFields are unreadable", () => {
    expect(fieldOwner([fluxApply], field("metadata", "labels", "app.kubernetes.io/name"))?.operation).toBe("Apply");
    expect(fieldOwner([fluxApply, scale], field("data", "QUEUE"))).toBeNull();
    expect(fieldOwner(undefined, field("spec", "replicas"))).toBeNull();
    expect(fieldOwner([{ manager: "x" }, "nonsense", { manager: "y", fieldsV1: { "f:spec": { "f:replicas": {} } }, fieldsType: "FieldsV2" }], field("spec", "replicas"))).toBeNull();
  });
});
