import { describe, expect, it } from "vitest";
import { handChangedFields } from "./hand-changed-fields";

const lastApply = "2026-03-01T10:00:00Z";
const entry = (manager: string, time: string | undefined, fieldsV1: object, extra: object = {}) => ({ manager, operation: "Update", fieldsType: "FieldsV1", fieldsV1, ...(time ? { time } : {}), ...extra });

function deployment(managedFields: object[]) {
  return {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: { name: "web", namespace: "staging", labels: { team: "shop" }, managedFields },
    spec: { replicas: 3, template: { spec: { containers: [{ name: "sidecar", image: "proxy:1" }, { name: "web", image: "web:2" }] } } },
    status: { replicas: 3 },
  };
}

describe("hand changes from managedFields alone (no flux CLI)", () => {
  it("reports each field a non-Flux manager wrote after the last apply, with its live value", () => {
    const live = deployment([
      entry("kustomize-controller", "2026-03-01T10:00:00Z", { "f:spec": { "f:template": {} } }, { operation: "Apply" }),
      entry("kubectl-edit", "2026-03-01T14:02:00Z", { "f:metadata": { "f:labels": { "f:team": {} } }, "f:spec": { "f:template": { "f:spec": { "f:containers": { 'k:{"name":"web"}': { "f:image": {} } } } } } }),
    ]);
    expect(handChangedFields(live, lastApply)).toEqual([
      { path: "metadata.labels.team", live: "shop", manager: "kubectl-edit", operation: "Update", changedAt: "2026-03-01T14:02:00Z", handChange: true },
      { path: "spec.template.spec.containers[name=web].image", live: "web:2", manager: "kubectl-edit", operation: "Update", changedAt: "2026-03-01T14:02:00Z", handChange: true },
    ]);
  });

  it("leaves out writes before the last apply, Flux's own writes and status writes", () => {
    const live = deployment([
      entry("kubectl-edit", "2026-02-01T00:00:00Z", { "f:spec": { "f:replicas": {} } }),
      entry("helm-controller", "2026-03-02T00:00:00Z", { "f:spec": { "f:replicas": {} } }),
      entry("some-operator", "2026-03-02T00:00:00Z", { "f:status": { "f:replicas": {} } }, { subresource: "status" }),
    ]);
    expect(handChangedFields(live, lastApply)).toEqual([]);
  });

  it("counts a write through the scale subresource, which carries no time", () => {
    const live = deployment([entry("kubectl", undefined, { "f:spec": { "f:replicas": {} } }, { subresource: "scale" })]);
    expect(handChangedFields(live, lastApply)).toEqual([{ path: "spec.replicas", live: 3, manager: "kubectl", operation: "Update", changedAt: null, handChange: true }]);
  });

  it("masks Secret values", () => {
    const secret = { apiVersion: "v1", kind: "Secret", metadata: { name: "db", managedFields: [entry("kubectl-edit", "2026-03-02T00:00:00Z", { "f:data": { "f:password": {} } })] }, data: { password: "aHVudGVyMg==" } };
    expect(handChangedFields(secret, lastApply)).toEqual([expect.objectContaining({ path: "data.password", live: "***" })]);
  });
});
