import { describe, expect, it } from "vitest";
import type { FluxKind } from "../fleet/dto";
import type { GitClient } from "../git";
import type { KubeClient } from "../k8s/client";
import type { FluxObject } from "../k8s/resources";
import type { DriftContext } from "./drift-context";
import { computeRevisionDrift } from "./revision-drift";

const head = "a".repeat(40);
const older = "b".repeat(40);
const url = "https://git.example.com/fleet.git";

const object = (kind: string, name: string, spec: Record<string, unknown>, status: Record<string, unknown> = {}): FluxObject => ({ kind, metadata: { name, namespace: "flux-system" }, spec, status });
const ready = { conditions: [{ type: "Ready", status: "True" }] };
const fleet = object("GitRepository", "fleet", { url, ref: { branch: "main" } }, { artifact: { revision: `main@sha1:${head}` } });

function context(objects: FluxObject[]): DriftContext {
  return {
    clusterId: "c",
    clusterName: "c",
    client: {} as KubeClient,
    objectsOf: (kind: FluxKind) => objects.filter((o) => o.kind === kind),
    fluxCli: null,
    kubeconfig: () => "",
    checkout: () => Promise.reject(new Error("not used")),
  };
}

/** A Git host whose main is at `head`, one commit after `older`; it records what it was asked. */
function gitHost(calls: string[] = []): GitClient {
  return {
    lsRemote: async (u, ref) => (calls.push(`ls-remote ${u} ${ref}`), head),
    listRemoteRefs: async () => new Map(),
    ensureCommit: async (_u, sha) => void calls.push(`ensure ${sha}`),
    commitsBetween: async (_u, from, to) => (calls.push(`log ${from}..${to}`), [{ sha: head, author: "Zoë", email: "z@x", committedAt: "2026-12-01T00:00:00.000Z", message: "bump" }]),
    exportTree: async () => undefined,
    mirrorDir: () => "",
  };
}

describe("computeRevisionDrift for a HelmRelease", () => {
  it("follows spec.chartRef to its HelmChart and on to the GitRepository the chart is built from", async () => {
    const chart = object("HelmChart", "status-page", { chart: "./charts/status-page", sourceRef: { kind: "GitRepository", name: "fleet" } }, { artifact: { revision: "0.1.0" }, observedSourceArtifactRevision: `main@sha1:${older}` });
    const release = object("HelmRelease", "status-page", { chartRef: { kind: "HelmChart", name: "status-page" } }, { ...ready, history: [{ chartVersion: "0.1.0" }] });
    const drift = await computeRevisionDrift(context([fleet, chart, release]), "HelmRelease", release, gitHost());
    expect(drift).toMatchObject({
      source: { kind: "GitRepository", name: "fleet", namespace: "flux-system" },
      gitHead: head,
      fetched: `main@sha1:${head}`,
      applied: `main@sha1:${older}`,
      lag: "fetched-not-applied",
      behind: 1,
    });
  });

  it("does not claim a Git revision for a release still running an older chart version than the one built", async () => {
    const chart = object("HelmChart", "flux-system-web", { chart: "./charts/web", sourceRef: { kind: "GitRepository", name: "fleet" } }, { artifact: { revision: "0.2.0" }, observedSourceArtifactRevision: `main@sha1:${head}` });
    const release = object("HelmRelease", "web", { chart: { spec: { chart: "./charts/web", sourceRef: { kind: "GitRepository", name: "fleet" } } } }, { ...ready, history: [{ chartVersion: "0.1.0" }] });
    const drift = await computeRevisionDrift(context([fleet, chart, release]), "HelmRelease", release, gitHost());
    expect(drift).toMatchObject({ applied: null, lag: "fetched-not-applied", behind: null });
  });

  it("compares an OCI chart's digest with the one the release deployed, and names no Git head", async () => {
    const digest = `sha256:${"c".repeat(64)}`;
    const oci = object("OCIRepository", "podinfo", { url: "oci://ghcr.io/stefanprodan/charts/podinfo" }, { artifact: { revision: `6.7.1@${digest}` } });
    const release = object("HelmRelease", "podinfo", { chartRef: { kind: "OCIRepository", name: "podinfo" } }, { ...ready, history: [{ chartVersion: "6.7.1", ociDigest: digest }] });
    const drift = await computeRevisionDrift(context([oci, release]), "HelmRelease", release, gitHost());
    expect(drift).toMatchObject({ gitHead: null, gitHeadError: "not a Git source", url: null, lag: "in-sync", behind: null });
  });
});

describe("computeRevisionDrift for a Kustomization", () => {
  it("asks the host for the tracked branch and reads no history when applied is Git head", async () => {
    const calls: string[] = [];
    const kustomization = object("Kustomization", "apps", { sourceRef: { kind: "GitRepository", name: "fleet" } }, { ...ready, lastAppliedRevision: `main@sha1:${head}` });
    const drift = await computeRevisionDrift(context([fleet, kustomization]), "Kustomization", kustomization, gitHost(calls));
    expect(drift).toMatchObject({ lag: "in-sync", behind: 0, commits: [], ref: "branch main" });
    expect(calls).toEqual([`ls-remote ${url} refs/heads/main`]);
  });

  it("says Git head unknown, not in sync, when its GitRepository is missing", async () => {
    const kustomization = object("Kustomization", "apps", { sourceRef: { kind: "GitRepository", name: "gone" } }, { ...ready, lastAppliedRevision: `main@sha1:${head}` });
    const drift = await computeRevisionDrift(context([kustomization]), "Kustomization", kustomization, gitHost());
    expect(drift).toMatchObject({ gitHead: null, gitHeadError: "GitRepository flux-system/gone not found", lag: "unknown", behind: null });
  });
});
