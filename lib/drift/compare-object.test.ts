import { describe, expect, it } from "vitest";
import { compareObject } from "./compare-object";

const applied = "2026-03-01T10:00:00Z";
const fluxOwns = (fieldsV1: object) => ({ manager: "kustomize-controller", operation: "Apply", time: applied, fieldsType: "FieldsV1", fieldsV1 });

function deployment(replicas: number, image: string) {
  return {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: { name: "web", namespace: "staging", labels: { "app.kubernetes.io/name": "web" }, annotations: {} as Record<string, string> },
    spec: {
      replicas,
      template: { spec: { containers: [{ name: "sidecar", image: "proxy:1" }, { name: "web", image, ports: [{ name: "http", containerPort: 9898, protocol: "TCP" }] }] } },
    },
  };
}

/** A live object: the same as desired plus what the server adds, and the given managedFields. */
function live<T extends { metadata: object }>(object: T, managedFields: object[] = []): T {
  const copy = structuredClone(object);
  Object.assign(copy.metadata, { uid: "0b7f", resourceVersion: "4242", generation: 7, creationTimestamp: "2026-02-01T00:00:00Z", managedFields });
  return Object.assign(copy, { status: { observedGeneration: 7, replicas: 3 } });
}

describe("comparing the dry-run result with the live object", () => {
  it("finds nothing when they agree, whatever the status and the server-managed metadata say", () => {
    const desired = deployment(1, "web:1");
    const dryRun = { ...structuredClone(desired), metadata: { ...desired.metadata, uid: "0b7f", resourceVersion: "4243", generation: 8, managedFields: [] } };
    expect(compareObject({ desired: dryRun, live: live(desired) })).toEqual([]);
  });

  it("reports a scaled Deployment's replicas with the manager that scaled it as a hand change", () => {
    const changed = live(deployment(3, "web:1"), [fluxOwns({ "f:spec": { "f:template": {} } }), { manager: "kubectl-scale", operation: "Update", time: "2026-03-01T14:02:00Z", fieldsType: "FieldsV1", fieldsV1: { "f:spec": { "f:replicas": {} } }, subresource: "scale" }]);
    expect(compareObject({ desired: deployment(1, "web:1"), live: changed })).toEqual([
      { path: "spec.replicas", desired: 1, live: 3, manager: "kubectl-scale", operation: "Update", changedAt: "2026-03-01T14:02:00Z", handChange: true },
    ]);
  });

  it("diffs containers by name, even when their order differs", () => {
    const changed = live(deployment(1, "web:2"));
    changed.spec.template.spec.containers.reverse();
    expect(compareObject({ desired: deployment(1, "web:1"), live: changed }).map(({ path, desired, live: value }) => ({ path, desired, live: value }))).toEqual([
      { path: "spec.template.spec.containers[name=web].image", desired: "web:1", live: "web:2" },
    ]);
  });

  it("reports labels and annotations, and fields the live object lacks or has in addition", () => {
    const desired = deployment(1, "web:1");
    const changed = live(desired);
    changed.metadata.labels = { "app.kubernetes.io/name": "webby" };
    changed.metadata.annotations = { "acme.io/owner": "team-a" };
    delete (changed.spec.template.spec.containers[1] as { ports?: unknown }).ports;
    expect(compareObject({ desired, live: changed }).map(({ path, desired: d, live: l }) => ({ path, desired: d, live: l }))).toEqual([
      { path: 'metadata.labels["app.kubernetes.io/name"]', desired: "web", live: "webby" },
      { path: 'metadata.annotations["acme.io/owner"]', desired: undefined, live: "team-a" },
      { path: "spec.template.spec.containers[name=web].ports", desired: [{ name: "http", containerPort: 9898, protocol: "TCP" }], live: undefined },
    ]);
  });

  it("does not count Flux's own fields as hand changes", () => {
    const changed = live(deployment(1, "web:2"), [fluxOwns({ "f:spec": { "f:template": { "f:spec": { "f:containers": { 'k:{"name":"web"}': { "f:image": {} } } } } } })]);
    expect(compareObject({ desired: deployment(1, "web:1"), live: changed })).toEqual([
      expect.objectContaining({ path: "spec.template.spec.containers[name=web].image", manager: "kustomize-controller", operation: "Apply", handChange: false }),
    ]);
  });

  describe("Secrets", () => {
    const secret = (data: Record<string, string>) => ({ apiVersion: "v1", kind: "Secret", metadata: { name: "db", namespace: "staging" }, type: "Opaque", data });

    it("shows which keys differ, never a value", () => {
      const desired = secret({ password: "c2VjcmV0", user: "YXBw", token: "dG9rZW4=" });
      const changed = live(secret({ password: "aHVudGVyMg==", user: "YXBw", extra: "ZXh0cmE=" }));
      const drift = compareObject({ desired, live: changed });
      expect(drift.map((field) => field.path)).toEqual(["data.password", "data.token", "data.extra"]);
      expect(JSON.stringify(drift)).not.toMatch(/c2VjcmV0|aHVudGVyMg|dG9rZW4|ZXh0cmE|YXBw/);
    });

    it("finds nothing when the values agree", () => {
      const desired = secret({ password: "c2VjcmV0" });
      expect(compareObject({ desired, live: live(desired) })).toEqual([]);
    });
  });

  describe("the annotations flux diff honours", () => {
    const configMap = (annotations: Record<string, string>, value: string) => ({ apiVersion: "v1", kind: "ConfigMap", metadata: { name: "worker-config", namespace: "staging", annotations }, data: { CONCURRENCY: value } });

    it("skips an object whose reconciliation is disabled, on either side", () => {
      expect(compareObject({ desired: configMap({ "kustomize.toolkit.fluxcd.io/reconcile": "disabled" }, "8"), live: live(configMap({}, "2")) })).toEqual([]);
      expect(compareObject({ desired: configMap({}, "8"), live: live(configMap({ "kustomize.toolkit.fluxcd.io/reconcile": "disabled" }, "2")) })).toEqual([]);
    });

    it("skips an object marked ssa: ignore, in any case", () => {
      expect(compareObject({ desired: configMap({ "kustomize.toolkit.fluxcd.io/ssa": "Ignore" }, "8"), live: live(configMap({}, "2")) })).toEqual([]);
    });

    it("never reports an ssa: IfNotPresent object that exists", () => {
      expect(compareObject({ desired: configMap({ "kustomize.toolkit.fluxcd.io/ssa": "IfNotPresent" }, "8"), live: live(configMap({}, "2")) })).toEqual([]);
    });

    it("still compares an object with other values of those annotations", () => {
      expect(compareObject({ desired: configMap({ "kustomize.toolkit.fluxcd.io/ssa": "Merge" }, "8"), live: live(configMap({ "kustomize.toolkit.fluxcd.io/ssa": "Merge" }, "2")) })).toHaveLength(1);
    });
  });

  describe("spec.ignore rules", () => {
    const changed = () => {
      const object = live(deployment(3, "web:2"));
      object.metadata.annotations = { "acme.io/rollout": "canary" };
      return object;
    };
    const pathsWith = (ignore: Parameters<typeof compareObject>[0]["ignore"]) => compareObject({ desired: deployment(1, "web:1"), live: changed(), ignore }).map((field) => field.path);

    it("leaves out the JSON pointers of a rule without a target", () => {
      expect(pathsWith([{ paths: ["/spec/replicas", "/metadata/annotations/acme.io~1rollout"] }])).toEqual(["spec.template.spec.containers[name=web].image"]);
    });

    it("applies a rule only to the objects its target selects", () => {
      expect(pathsWith([{ paths: ["/spec/replicas"], target: { kind: "Deployment", name: "w.*" } }])).not.toContain("spec.replicas");
      expect(pathsWith([{ paths: ["/spec/replicas"], target: { kind: "StatefulSet" } }])).toContain("spec.replicas");
      expect(pathsWith([{ paths: ["/spec/replicas"], target: { group: "apps", version: "v1", namespace: "staging" } }])).not.toContain("spec.replicas");
      expect(pathsWith([{ paths: ["/spec/replicas"], target: { name: "we" } }])).toContain("spec.replicas");
    });

    it("selects by label and annotation selectors on the desired object", () => {
      expect(pathsWith([{ paths: ["/spec/replicas"], target: { labelSelector: "app.kubernetes.io/name in (web,api)" } }])).not.toContain("spec.replicas");
      expect(pathsWith([{ paths: ["/spec/replicas"], target: { labelSelector: "app.kubernetes.io/name!=web" } }])).toContain("spec.replicas");
      expect(pathsWith([{ paths: ["/spec/replicas"], target: { annotationSelector: "acme.io/rollout" } }])).toContain("spec.replicas");
    });

    it("ignores the whole object for the root pointer", () => {
      expect(pathsWith([{ paths: [""] }])).toEqual([]);
    });

    it("removes list items by index and tolerates pointers to fields that do not exist", () => {
      expect(pathsWith([{ paths: ["/spec/template/spec/containers/1/image", "/spec/nothing/here", "/spec/replicas"] }])).toEqual(['metadata.annotations["acme.io/rollout"]']);
    });
  });
});
