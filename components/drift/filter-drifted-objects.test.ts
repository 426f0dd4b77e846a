import { describe, expect, it } from "vitest";
import type { DriftedObject } from "@/lib/schemas/drift";
import { filterDriftedObjects } from "./filter-drifted-objects";

const object = (name: string, overrides: Partial<DriftedObject>): DriftedObject => ({
  reconciler: { kind: "Kustomization", namespace: "flux-system", name: "apps" },
  apiVersion: "apps/v1",
  kind: "Deployment",
  namespace: "shop",
  name,
  change: "modified",
  fields: [],
  handChange: false,
  since: null,
  fix: "",
  ...overrides,
});

const objects = [
  object("web", { handChange: true }),
  object("web-config", { kind: "ConfigMap", apiVersion: "v1" }),
  object("api", { kind: "Service", apiVersion: "v1", change: "missing" }),
  object("podinfo", { reconciler: { kind: "HelmRelease", namespace: "shop", name: "podinfo" }, handChange: true }),
];
const none = { reconciler: null, kind: null, change: null, handOnly: false };
const names = (list: DriftedObject[]) => list.map((item) => item.name);

describe("filtering drifted objects", () => {
  it("keeps everything without filters", () => {
    expect(names(filterDriftedObjects(objects, none))).toEqual(["web", "web-config", "api", "podinfo"]);
  });

  it("narrows by reconciler, kind, change type and hand changes, together", () => {
    expect(names(filterDriftedObjects(objects, { ...none, reconciler: "HelmRelease/shop/podinfo" }))).toEqual(["podinfo"]);
    expect(names(filterDriftedObjects(objects, { ...none, kind: "ConfigMap" }))).toEqual(["web-config"]);
    expect(names(filterDriftedObjects(objects, { ...none, change: "missing" }))).toEqual(["api"]);
    expect(names(filterDriftedObjects(objects, { ...none, handOnly: true }))).toEqual(["web", "podinfo"]);
    expect(names(filterDriftedObjects(objects, { ...none, handOnly: true, reconciler: "Kustomization/flux-system/apps" }))).toEqual(["web"]);
  });
});
