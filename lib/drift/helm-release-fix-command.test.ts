import { describe, expect, it } from "vitest";
import type { FluxObject } from "../k8s/resources";
import { helmReleaseFixCommand } from "./helm-release-fix-command";

const release = (spec: Record<string, unknown>): FluxObject => ({ metadata: { name: "status-page", namespace: "flux-system" }, spec });

describe("the command that fixes a HelmRelease's drifted objects", () => {
  it("reconciles a release whose drift detection corrects, resuming it first when suspended", () => {
    expect(helmReleaseFixCommand(release({ driftDetection: { mode: "enabled" } }))).toBe("flux reconcile helmrelease status-page -n flux-system");
    expect(helmReleaseFixCommand(release({ driftDetection: { mode: "enabled" }, suspend: true }))).toBe("flux resume helmrelease status-page -n flux-system");
  });

  it("forces an upgrade when drift detection is off, since a plain reconcile compares nothing", () => {
    expect(helmReleaseFixCommand(release({}))).toBe("flux reconcile helmrelease status-page -n flux-system --force");
    expect(helmReleaseFixCommand(release({ driftDetection: { mode: "disabled" }, suspend: true }))).toBe(
      "flux resume helmrelease status-page -n flux-system && flux reconcile helmrelease status-page -n flux-system --force",
    );
  });

  it("switches correction on in warn mode, where helm-controller ignores a forced reconcile of a drifted release", () => {
    expect(helmReleaseFixCommand(release({ driftDetection: { mode: "warn" } }))).toBe(
      `kubectl patch helmrelease status-page -n flux-system --type merge -p '{"spec":{"driftDetection":{"mode":"enabled"}}}'`,
    );
    expect(helmReleaseFixCommand(release({ driftDetection: { mode: "warn" }, suspend: true }))).toBe(
      `kubectl patch helmrelease status-page -n flux-system --type merge -p '{"spec":{"driftDetection":{"mode":"enabled"}}}' && flux resume helmrelease status-page -n flux-system`,
    );
  });
});
