// Fixtures are objects captured with kubectl from the sandbox's Flux 2.9.5 controllers (managedFields
// and the inventory left out): what the derivation reads is exactly what Flux writes.
import { describe, expect, it } from "vitest";
import type { FluxObject } from "../k8s/resources";
import gitRepositoryFetched from "./fixtures/git-repository-fetched.json";
import helmChartPackaged from "./fixtures/helm-chart-packaged.json";
import helmReleaseInstalled from "./fixtures/helm-release-installed.json";
import helmRepositoryFailing from "./fixtures/helm-repository-failing.json";
import kustomizationApplied from "./fixtures/kustomization-applied.json";
import kustomizationFailing from "./fixtures/kustomization-failing.json";
import kustomizationHistory from "./fixtures/kustomization-history.json";
import kustomizationRetrying from "./fixtures/kustomization-retrying.json";
import { syncStepsOf } from "./sync-steps-of";

const fixture = (json: unknown) => json as FluxObject;
const brief = (steps: ReturnType<typeof syncStepsOf>) => steps.map((s) => ({ phase: s.phase, revision: s.revision, at: s.at.toISOString(), current: s.current }));
const FLEET = "main@sha1:8ba98cdb2faf4106d285ca370926314b440988a6";

describe("the sync steps a Flux object shows", () => {
  it("a GitRepository has fetched its artifact's revision at the artifact's lastUpdateTime, from its own URL", () => {
    const steps = syncStepsOf("GitRepository", fixture(gitRepositoryFetched));
    expect(steps).toEqual([
      expect.objectContaining({
        kind: "GitRepository",
        namespace: "flux-system",
        name: "fleet",
        sourceKind: "GitRepository",
        sourceNamespace: "flux-system",
        sourceName: "fleet",
        sourceUrl: "http://127.0.0.1:35579/fleet.git",
        phase: "fetched",
        revision: FLEET,
        message: `stored artifact for revision '${FLEET}'`,
        at: new Date("2026-12-01T23:47:00Z"),
        current: true,
      }),
    ]);
  });

  it("a HelmChart has fetched its chart version, and names the Git source it was built from with that source's URL", () => {
    const steps = syncStepsOf("HelmChart", fixture(helmChartPackaged), { sourceUrlOf: (ref) => (ref.kind === "GitRepository" && ref.name === "fleet" ? "http://127.0.0.1:35579/fleet.git" : null) });
    expect(brief(steps)).toEqual([{ phase: "fetched", revision: "0.1.0", at: "2026-12-01T23:47:01.000Z", current: true }]);
    expect(steps[0]).toMatchObject({ sourceKind: "GitRepository", sourceNamespace: "flux-system", sourceName: "fleet", sourceUrl: "http://127.0.0.1:35579/fleet.git" });
  });

  it("a Kustomization has applied its revision at the history entry's firstReconciled, reading from its sourceRef", () => {
    const steps = syncStepsOf("Kustomization", fixture(kustomizationApplied), { sourceUrlOf: () => "http://127.0.0.1:35579/fleet.git" });
    expect(brief(steps)).toEqual([{ phase: "applied", revision: FLEET, at: "2026-12-01T23:47:01.000Z", current: true }]);
    expect(steps[0]).toMatchObject({ sourceKind: "GitRepository", sourceName: "fleet", sourceNamespace: "flux-system", message: `Applied revision: ${FLEET}` });
  });

  it("a Kustomization's history entries dated by firstReconciled alone may be relabelled by Flux (a later commit that left the manifests alone), so each is known once per revision; they come oldest first, as they happened", () => {
    const [, , relabelled] = kustomizationHistory.map(fixture);
    const steps = syncStepsOf("Kustomization", relabelled!);
    expect(steps.map((s) => ({ revision: s.revision, at: s.at.toISOString(), current: s.current, oncePerRevision: s.oncePerRevision }))).toEqual([
      { revision: "h1-fixture@sha1:633721c46d8f7b4e1bf43a15a47ccfa613ef6994", at: "2026-12-01T23:52:38.000Z", current: false, oncePerRevision: true },
      { revision: "h1-fixture@sha1:f36a2c190ef9b5103b625c55e38d4a4012b6a5ee", at: "2026-12-01T23:52:40.000Z", current: true, oncePerRevision: true },
    ]);
  });

  it("a relabelled Kustomization entry is dated by the store's note of when the relabelling run applied it, not by firstReconciled", () => {
    const [, , relabelled] = kustomizationHistory.map(fixture);
    const revision = relabelled!.status!.lastAppliedRevision as string;
    const noted = { ...relabelled!, syncline: { applied: revision, appliedAt: "2026-12-01T23:52:43Z" } };
    const current = syncStepsOf("Kustomization", noted).find((step) => step.current);
    expect(brief([current!])).toEqual([{ phase: "applied", revision, at: "2026-12-01T23:52:43.000Z", current: true }]);
    expect(current!.oncePerRevision).toBe(false);
  });

  it("seen as a change from the object before it, only the new apply is returned", () => {
    const [first, second] = kustomizationHistory.map(fixture);
    expect(brief(syncStepsOf("Kustomization", second!, { previous: first }))).toEqual([
      { phase: "applied", revision: "h1-fixture@sha1:e5c33ae17746a3937d42a5fca31ac98d9da66963", at: "2026-12-01T23:52:40.000Z", current: true },
    ]);
    expect(syncStepsOf("Kustomization", second!, { previous: second })).toEqual([]);
  });

  it("a HelmRelease has applied each deployed Helm release's chart version at its lastDeployed, from spec.chart.spec.sourceRef", () => {
    const steps = syncStepsOf("HelmRelease", fixture(helmReleaseInstalled));
    expect(brief(steps)).toEqual([{ phase: "applied", revision: "0.1.0", at: "2026-12-01T23:47:01.000Z", current: true }]);
    expect(steps[0]).toMatchObject({ sourceKind: "GitRepository", sourceName: "fleet", message: "Helm install status-page/status-page.v1 with chart status-page@0.1.0 (app 6.7.1)" });
  });

  it("a HelmRelease names a chartRef's source when it has one", () => {
    const object = fixture(helmReleaseInstalled);
    const byRef = { ...object, spec: { ...object.spec, chart: undefined, chartRef: { kind: "OCIRepository", name: "status-page-chart" } } };
    expect(syncStepsOf("HelmRelease", byRef)[0]).toMatchObject({ sourceKind: "OCIRepository", sourceName: "status-page-chart", sourceNamespace: "flux-system" });
  });

  it("a failing Kustomization has failed on its Ready transition with the reason and message; the retry in progress is not new work", () => {
    const steps = syncStepsOf("Kustomization", fixture(kustomizationFailing));
    expect(brief(steps)).toEqual([{ phase: "failed", revision: "", at: "2026-12-01T23:51:24.000Z", current: true }]);
    expect(steps[0]!.message).toMatch(/^ArtifactFailed: kustomization path not found: /);
    expect(steps[0]!.repeatSignature).toBe("|ArtifactFailed");
  });

  it("a Kustomization's retries repeat the same failure and start of work with new times, under one signature each", () => {
    const stages = kustomizationRetrying.map(fixture).map((object) => syncStepsOf("Kustomization", object));
    expect(stages.map((steps) => steps.map((s) => `${s.phase} ${s.repeatSignature}`))).toEqual([
      ["progressing Fetching manifests for revision main@sha1:8ba98cdb2faf4106d285ca370926314b440988a6 with a timeout of 30s"],
      ["failed |ArtifactFailed"],
      ["progressing Fetching manifests for revision main@sha1:8ba98cdb2faf4106d285ca370926314b440988a6 with a timeout of 30s"],
      ["failed |ArtifactFailed"],
    ]);
    expect(stages[1]![0]!.at).not.toEqual(stages[3]![0]!.at);
  });

  it("a source that cannot fetch has failed, with no revision and no fetch", () => {
    const steps = syncStepsOf("HelmRepository", fixture(helmRepositoryFailing));
    expect(brief(steps)).toEqual([{ phase: "failed", revision: "", at: "2026-12-01T23:50:11.000Z", current: true }]);
    expect(steps[0]).toMatchObject({ sourceUrl: "https://stefanprodan.github.io/podinfo", message: expect.stringMatching(/^Failed: failed to fetch Helm repository index/) });
  });

  it("stores a source URL as the repository registry keys it: without the user or password written into it", () => {
    const object = fixture(gitRepositoryFetched);
    const withPassword = { ...object, spec: { ...object.spec, url: "https://deploy:s3cr3t@git.example.com/fleet.git" } };
    expect(syncStepsOf("GitRepository", withPassword)[0]!.sourceUrl).toBe("https://git.example.com/fleet.git");
  });

  it("shows nothing for an object Flux has not reconciled yet", () => {
    expect(syncStepsOf("Kustomization", { metadata: { name: "new", namespace: "flux-system" }, spec: { sourceRef: { kind: "GitRepository", name: "fleet" } } })).toEqual([]);
  });
});
