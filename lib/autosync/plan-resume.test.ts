import { describe, expect, it } from "vitest";
import type { FluxKind } from "../fleet/dto";
import { SUSPENDED_AT, SUSPENDED_BY, type FluxObject } from "../k8s/resources";
import type { ObjectPause } from "./auto-sync-decisions";
import { planResume } from "./plan-resume";

const at = new Date("2026-12-01T12:00:00Z");
const ours = { [SUSPENDED_BY]: "maria", [SUSPENDED_AT]: at.toISOString() };
const R1 = "main@sha1:1111111111111111111111111111111111111111";
const R2 = "main@sha1:2222222222222222222222222222222222222222";

const object = (name: string, spec: Record<string, unknown>, status: Record<string, unknown>, annotations?: Record<string, string>): FluxObject => ({
  metadata: { name, namespace: "flux-system", resourceVersion: "1", annotations },
  spec,
  status,
});

function cluster(objects: Partial<Record<FluxKind, FluxObject[]>>) {
  return (kind: FluxKind) => objects[kind] ?? [];
}

const gitRepository = object("fleet", {}, { artifact: { revision: R2 } });
const kustomization = (name: string, applied: string, annotations: Record<string, string> = ours) =>
  object(name, { suspend: true, sourceRef: { kind: "GitRepository", name: "fleet" } }, { lastAppliedRevision: applied }, annotations);

describe("what resuming a cluster will do", () => {
  it("lists each reconciler whose source fetched a newer revision than it applied: fetched R2, applied R1", () => {
    const plan = planResume(cluster({ GitRepository: [gitRepository], Kustomization: [kustomization("apps", R1), kustomization("infra", R2)] }), new Map(), at);
    expect(plan.resumes.map((ref) => ref.name)).toEqual(["apps", "infra"]);
    expect(plan.waiting).toEqual([
      { kind: "Kustomization", namespace: "flux-system", name: "apps", source: { kind: "GitRepository", namespace: "flux-system", name: "fleet" }, fetched: R2, applied: R1 },
    ]);
    expect(plan.staysPaused).toEqual([]);
  });

  it("compares a HelmRelease's chart version with the chart Flux built for it", () => {
    const chart = { ...object("flux-system-podinfo", {}, { artifact: { revision: "6.5.1" } }) };
    const release = object(
      "podinfo",
      { suspend: true, chart: { spec: { chart: "podinfo", sourceRef: { kind: "HelmRepository", name: "podinfo" } } } },
      { helmChart: "flux-system/flux-system-podinfo", history: [{ chartVersion: "6.5.0", version: 3 }] },
      ours,
    );
    const plan = planResume(cluster({ HelmChart: [chart], HelmRelease: [release] }), new Map(), at);
    expect(plan.waiting).toEqual([
      { kind: "HelmRelease", namespace: "flux-system", name: "podinfo", source: { kind: "HelmChart", namespace: "flux-system", name: "flux-system-podinfo" }, fetched: "6.5.1", applied: "6.5.0" },
    ]);
  });

  it("says which objects stay paused: paused on their own, or suspended outside Syncline", () => {
    const pauses = new Map<string, ObjectPause>([["Kustomization/flux-system/apps", { actor: "omar", until: new Date("2026-12-01T18:00:00Z") }]]);
    const plan = planResume(cluster({ GitRepository: [gitRepository], Kustomization: [kustomization("apps", R1), kustomization("infra", R1, {})] }), pauses, at);
    expect(plan.resumes).toEqual([]);
    expect(plan.waiting).toEqual([]);
    expect(plan.staysPaused).toEqual([
      expect.objectContaining({ name: "apps", message: expect.stringContaining("paused on its own by omar until") }),
      expect.objectContaining({ name: "infra", message: expect.stringContaining("suspended outside Syncline") }),
    ]);
  });

  it("leaves out reconcilers that are already running", () => {
    const running = object("apps", { sourceRef: { kind: "GitRepository", name: "fleet" } }, { lastAppliedRevision: R1 });
    expect(planResume(cluster({ GitRepository: [gitRepository], Kustomization: [running] }), new Map(), at)).toEqual({ resumes: [], waiting: [], staysPaused: [] });
  });
});
