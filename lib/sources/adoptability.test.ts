import { describe, expect, it } from "vitest";
import type { FluxObject } from "../k8s/resources";
import { adoptability } from "./adoptability";
import type { ExistingFluxSource } from "./existing-flux-source-groups";

const object = (kind: string, name: string, spec: Record<string, unknown>): FluxObject => ({ kind, metadata: { name, namespace: "flux-system" }, spec });

function member(clusterName: string, gitSpec: Record<string, unknown> = {}, kustomizationName = "apps"): ExistingFluxSource {
  return {
    clusterId: `${clusterName}-id`,
    clusterName,
    gitRepository: object("GitRepository", "apps", { url: "ssh://git@git.example/fleet.git", ref: { branch: "main" }, interval: "1m", ...gitSpec }),
    kustomizations: [object("Kustomization", kustomizationName, { path: "./apps", prune: true, sourceRef: { kind: "GitRepository", name: "apps" } })],
  };
}

describe("whether a group of existing Flux sources can be adopted", () => {
  it("adopts members that agree, and says when they read a Secret, so that adopt asks for the credential holding it", () => {
    expect(adoptability([member("staging"), member("production")])).toEqual({ adoptable: true, reason: null, needsCredential: false });
    expect(adoptability([member("staging", { secretRef: { name: "deploy-key" } }), member("production", { secretRef: { name: "deploy-key" } })])).toEqual({
      adoptable: true,
      reason: null,
      needsCredential: true,
    });
  });

  it("refuses members one definition cannot describe, naming why", () => {
    expect(adoptability([member("staging"), member("production", { ref: { branch: "release" } })])).toMatchObject({ adoptable: false, reason: expect.stringContaining("differ") });
    expect(adoptability([member("staging", {}, "other")])).toMatchObject({ adoptable: false, reason: "On staging, flux-system/apps is not read by exactly one Kustomization of the same name" });
  });
});
