// Issue 12's acceptance against the sandbox: a source defined once, previewed, applied with
// server-side apply to the clusters its selector matches, followed by the leader as clusters are
// relabelled, updated on edit, pending while a cluster is down, removed (with prune, workloads too)
// on delete, and refused with a clear 4xx for bad input without touching any cluster. The steps build
// on each other, so they run in order in one file; the probes live on their own branches, never main.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { commitChange, fleetRepoUrl, gitSecretData, gitRevision, kubectl, kubectlJson, startApiserver, stopApiserver, type SandboxCluster } from "@/e2e/sandbox";
import { DELETE as deleteSourceHandler, GET as getSourceHandler, PATCH as patchSourceHandler } from "@/app/api/sources/[id]/route";
import { POST as applyHandler } from "@/app/api/sources/[id]/apply/route";
import { POST as previewHandler } from "@/app/api/sources/[id]/preview/route";
import { POST as adoptHandler } from "@/app/api/sources/adopt/route";
import { GET as listExistingHandler } from "@/app/api/sources/existing/route";
import { POST as createSourceHandler, GET as listSourcesHandler } from "@/app/api/sources/route";
import type { Actor } from "@/lib/auth/actor";
import { addCluster, removeCluster, updateCluster } from "@/lib/clusters";
import { db } from "@/lib/db/client";
import { addGitCredential } from "@/lib/git-credentials";
import type { ClusterDetail } from "@/lib/fleet/dto";
import type { PeriodicJob } from "@/lib/lifecycle/periodic-job";
import type { SourceDto, SourcePreviewDto } from "@/lib/schemas/sources";
import { startSourceRollouts } from "@/lib/sources";
import { call } from "../support/http";
import { bearer, connected, forgetRegistered, kubeconfigOf, sandbox, startTestInventory, userActor, waitFor } from "../support/sandbox-clusters";

const world = sandbox();
const stagingCluster = world.clusters.find((cluster) => cluster.env === "staging")!;
const productionCluster = world.clusters.find((cluster) => cluster.env === "production")!;
const SUITE = `s${randomUUID().slice(0, 6)}`;
const BRANCH = `sources-probe-${SUITE}`;
const BRANCH_V2 = `${BRANCH}-v2`;
const CONFIG_MAP = `sources-probe-${SUITE}`;
const author = { name: "Ada Sources", email: "ada@acme-shop.io" };

let actor: Actor;
let headers: Record<string, string>;
let staging: ClusterDetail;
let production: ClusterDetail;
let rollouts: PeriodicJob;
const registered: string[] = [];

/** The probe's files: one ConfigMap per environment, with the value and the cluster name substituted by Flux. */
function probeFiles(value: string): Record<string, string> {
  const configMap = (env: string) =>
    `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${CONFIG_MAP}\ndata:\n  env: ${env}\n  value: ${value}\n  cluster: \${cluster}\n`;
  return {
    "sources-probe/staging/configmap.yaml": configMap("staging"),
    "sources-probe/production/configmap.yaml": configMap("production"),
    "sources-probe/adopt/configmap.yaml": `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${CONFIG_MAP}-adopted\ndata:\n  value: ${value}\n`,
  };
}

async function registerWithLabels(cluster: SandboxCluster, labels: Record<string, string>): Promise<ClusterDetail> {
  const added = await addCluster({ name: `${cluster.name}-${SUITE}`, kubeconfig: kubeconfigOf(cluster), labels, allowDuplicateServer: true }, actor);
  registered.push(added.id);
  await connected(added.id);
  return added;
}

async function api<T>(handler: Parameters<typeof call>[0], init: Parameters<typeof call>[1], status = 200): Promise<T> {
  const response = await call(handler, { ...init, headers });
  expect(response.status, JSON.stringify(response.json)).toBe(status);
  return response.json as T;
}

const createSource = (body: Record<string, unknown>) => api<SourceDto>(createSourceHandler, { method: "POST", path: "/api/sources", body }, 201);
const preview = (id: string) => api<SourcePreviewDto>(previewHandler, { method: "POST", path: `/api/sources/${id}/preview`, params: { id } });
const apply = (id: string, planHash: string, clusterIds?: string[]) =>
  api<{ source: SourceDto; outcomes: Array<{ clusterId: string; outcome: string }> }>(applyHandler, { method: "POST", path: `/api/sources/${id}/apply`, params: { id }, body: { planHash, clusterIds } });
const getSource = (id: string) => api<SourceDto>(getSourceHandler, { path: `/api/sources/${id}`, params: { id } });

/** The probe ConfigMap on a cluster as Flux applied it, or null while there is none. */
async function probeOn(cluster: SandboxCluster): Promise<Record<string, string> | null> {
  try {
    return (await kubectlJson<{ data: Record<string, string> }>(cluster, ["get", "-n", "default", "configmap", CONFIG_MAP])).data;
  } catch {
    return null;
  }
}

async function fluxObjectOn(cluster: SandboxCluster, kind: "GitRepository" | "Kustomization", name: string) {
  try {
    return await kubectlJson<{ metadata: { uid: string; labels?: Record<string, string>; annotations?: Record<string, string>; managedFields?: Array<{ manager: string }> }; spec: Record<string, unknown> }>(cluster, [
      "get",
      "--show-managed-fields",
      "-n",
      "flux-system",
      kind,
      name,
    ]);
  } catch {
    return null;
  }
}

const rolloutOf = (source: SourceDto, clusterId: string) => source.rollout.find((entry) => entry.clusterId === clusterId);

let sha: string;
let shaV2: string;
let source: SourceDto;

beforeAll(async () => {
  await startTestInventory();
  const admin = await userActor("admin");
  actor = admin.actor;
  headers = bearer(admin.token);
  sha = await commitChange(world, { author, message: "Sources probe v1", files: probeFiles("v1"), branch: BRANCH });
  shaV2 = await commitChange(world, { author, message: "Sources probe v2", files: probeFiles("v2"), branch: BRANCH_V2 });
  staging = await registerWithLabels(stagingCluster, { env: "staging", suite: SUITE });
  production = await registerWithLabels(productionCluster, { env: "production", suite: SUITE });
  rollouts = startSourceRollouts({ tickMs: 1_000 });
}, 120_000);

afterAll(async () => {
  await rollouts?.stop();
  await startApiserver(productionCluster).catch(() => undefined);
  for (const source of await db().gitOpsSource.findMany({ where: { name: { contains: SUITE } } })) {
    const { deleteSource } = await import("@/lib/sources");
    await deleteSource(source.id, actor).catch(() => undefined);
  }
  for (const id of registered) await removeCluster(id, actor).catch(() => undefined);
  await forgetRegistered(actor);
}, 120_000);

describe("a source defined once and rolled out by label selector", () => {
  it("1. with the selector env=staging reaches only the staging cluster, and real Flux applies it", async () => {
    source = await createSource({
      name: `shop-${SUITE}`,
      url: world.git.repos[0],
      ref: { branch: BRANCH },
      path: "./sources-probe/{{labels.env}}",
      interval: "1m",
      prune: true,
      targetNamespace: "default",
      postBuild: { substitute: { cluster: "{{cluster.name}}" } },
      selector: `env=staging,suite=${SUITE}`,
    });
    expect(source.rollout).toEqual([]);
    expect(await fluxObjectOn(stagingCluster, "GitRepository", source.definition.name)).toBeNull();

    const plan = await preview(source.id);
    expect(plan.summary).toMatchObject({ create: 1, update: 0, remove: 0, invalid: 0 });
    expect(plan.clusters).toHaveLength(1);
    expect(plan.clusters[0]).toMatchObject({ clusterId: staging.id, action: "create", reachable: true, rendered: { path: "./sources-probe/staging", substitute: { cluster: staging.name } } });
    expect(plan.clusters[0]!.objects.map((object) => `${object.action} ${object.kind}`)).toEqual(["create GitRepository", "create Kustomization"]);

    const applied = await apply(source.id, plan.planHash);
    expect(applied.outcomes).toEqual([expect.objectContaining({ clusterId: staging.id, outcome: "applied" })]);

    const gitRepository = await fluxObjectOn(stagingCluster, "GitRepository", source.definition.name);
    expect(gitRepository?.metadata.labels).toMatchObject({ "app.kubernetes.io/managed-by": "syncline", "syncline.io/source-id": source.id });
    expect(gitRepository?.metadata.annotations).toMatchObject({ "syncline.io/source": source.definition.name });
    expect(gitRepository?.metadata.managedFields?.map((entry) => entry.manager)).toContain("syncline");

    expect(await waitFor("Flux to apply the probe on staging", () => probeOn(stagingCluster), 90_000)).toEqual({ env: "staging", value: "v1", cluster: staging.name });
    const reconciled = await waitFor("the rollout to show the applied revision", async () => {
      const current = await getSource(source.id);
      return rolloutOf(current, staging.id)?.state === "reconciled" ? current : null;
    });
    expect(rolloutOf(reconciled, staging.id)).toMatchObject({ revision: gitRevision(sha, BRANCH), renderedPath: "./sources-probe/staging" });
    expect(await fluxObjectOn(productionCluster, "GitRepository", source.definition.name)).toBeNull();
    expect(await probeOn(productionCluster)).toBeNull();

    const audit = await db().auditEvent.findFirst({ where: { action: "source.apply", targetName: source.definition.name }, orderBy: { seq: "desc" } });
    expect(audit).toMatchObject({ outcome: "success", actorName: actor.name });
    expect(audit?.results).toEqual([expect.objectContaining({ kind: "Cluster", name: staging.name, outcome: "changed" })]);
  }, 150_000);

  it("2. a cluster relabelled to match receives the source automatically", async () => {
    await updateCluster(production.id, { labels: { env: "staging", suite: SUITE } }, actor);
    expect(await waitFor("the leader to roll the source out to the relabelled cluster", () => probeOn(productionCluster), 90_000)).toEqual({ env: "staging", value: "v1", cluster: production.name });
    const current = await getSource(source.id);
    expect(current.rollout.map((entry) => entry.clusterId).sort()).toEqual([staging.id, production.id].sort());
    const automatic = await db().auditEvent.findFirst({ where: { action: "source.apply", targetName: source.definition.name, actorType: "system" }, orderBy: { seq: "desc" } });
    expect(automatic?.results).toEqual([expect.objectContaining({ name: production.name, outcome: "changed" })]);
  }, 120_000);

  it("3. a changed ref, previewed and applied, updates both clusters", async () => {
    await api(patchSourceHandler, { method: "PATCH", path: `/api/sources/${source.id}`, params: { id: source.id }, body: { ref: { branch: BRANCH_V2 } } });
    const plan = await preview(source.id);
    expect(plan.summary).toMatchObject({ update: 2, create: 0, remove: 0 });
    const gitRepositoryChange = plan.clusters[0]!.objects.find((object) => object.kind === "GitRepository")!;
    expect(gitRepositoryChange.action).toBe("update");
    expect(gitRepositoryChange.changes).toEqual([expect.objectContaining({ path: "spec.ref.branch", before: BRANCH, after: BRANCH_V2 })]);
    expect(plan.clusters.find((cluster) => cluster.clusterId === staging.id)!.objects.find((object) => object.kind === "Kustomization")!.action).toBe("unchanged");

    const applied = await apply(source.id, plan.planHash);
    expect(applied.outcomes.map((outcome) => outcome.outcome)).toEqual(["applied", "applied"]);
    for (const cluster of [stagingCluster, productionCluster]) {
      await waitFor(`the new ref's commit on ${cluster.name}`, async () => (await probeOn(cluster))?.value === "v2", 90_000);
    }
    await waitFor("both rollouts at the new revision", async () => {
      const current = await getSource(source.id);
      return current.rollout.every((entry) => entry.state === "reconciled" && entry.revision === gitRevision(shaV2, BRANCH_V2));
    });
  }, 150_000);

  it("5. an edit while a cluster is down is pending there, and applied when it returns", async () => {
    await stopApiserver(productionCluster);
    try {
      await api(patchSourceHandler, { method: "PATCH", path: `/api/sources/${source.id}`, params: { id: source.id }, body: { interval: "2m" } });
      const plan = await preview(source.id);
      expect(plan.clusters.find((cluster) => cluster.clusterId === production.id)).toMatchObject({ action: "update", reachable: false });
      const applied = await apply(source.id, plan.planHash);
      expect(applied.outcomes.find((outcome) => outcome.clusterId === production.id)?.outcome).toBe("pending");
      expect(applied.outcomes.find((outcome) => outcome.clusterId === staging.id)?.outcome).toBe("applied");
      expect(["pending", "unreachable"]).toContain(rolloutOf(applied.source, production.id)?.state);
      const audit = await db().auditEvent.findFirst({ where: { action: "source.apply", targetName: source.definition.name, actorType: "user" }, orderBy: { seq: "desc" } });
      expect(audit?.outcome).toBe("partial");
    } finally {
      await startApiserver(productionCluster);
    }
    await waitFor("the leader to apply the edit on the returned cluster", async () => (await fluxObjectOn(productionCluster, "GitRepository", source.definition.name))?.spec.interval === "2m", 90_000);
    await waitFor("the returned cluster's rollout to leave pending", async () => {
      const state = rolloutOf(await getSource(source.id), production.id)?.state;
      return state !== "pending" && state !== "unreachable";
    });
  }, 150_000);

  it("shows an object edited by hand on a cluster as differing, and a re-apply restores it", async () => {
    await kubectl(stagingCluster, ["patch", "-n", "flux-system", "gitrepository", source.definition.name, "--type=merge", "-p", JSON.stringify({ spec: { interval: "7m" } })]);
    await waitFor("the hand edit to show as differs", async () => rolloutOf(await getSource(source.id), staging.id)?.state === "differs");
    const plan = await preview(source.id);
    const onStaging = plan.clusters.find((cluster) => cluster.clusterId === staging.id)!;
    expect(onStaging.action).toBe("update");
    expect(onStaging.objects.find((object) => object.kind === "GitRepository")!.changes).toEqual([expect.objectContaining({ path: "spec.interval", before: "7m", after: "2m" })]);
    expect(plan.clusters.find((cluster) => cluster.clusterId === production.id)?.action).toBe("unchanged");
    const reapplied = await apply(source.id, plan.planHash, [staging.id]);
    expect(reapplied.outcomes).toEqual([expect.objectContaining({ clusterId: staging.id, outcome: "applied" })]);
    expect((await fluxObjectOn(stagingCluster, "GitRepository", source.definition.name))?.spec.interval).toBe("2m");
    await waitFor("the rollout to leave differs", async () => rolloutOf(await getSource(source.id), staging.id)?.state !== "differs");
  }, 120_000);

  it("4. a deleted source disappears from both clusters, and with prune on its workloads go too", async () => {
    const response = await call(deleteSourceHandler, { method: "DELETE", path: `/api/sources/${source.id}`, params: { id: source.id }, headers });
    expect(response.status).toBe(200);
    for (const cluster of [stagingCluster, productionCluster]) {
      // Flux's finalizers run first: the objects go once the controllers have let them.
      await waitFor(`the GitRepository to go from ${cluster.name}`, async () => (await fluxObjectOn(cluster, "GitRepository", source.definition.name)) === null, 60_000);
      await waitFor(`the Kustomization to go from ${cluster.name}`, async () => (await fluxObjectOn(cluster, "Kustomization", source.definition.name)) === null, 60_000);
      await waitFor(`Flux to prune the workload on ${cluster.name}`, async () => (await probeOn(cluster)) === null, 60_000);
    }
    expect((await call(getSourceHandler, { path: `/api/sources/${source.id}`, params: { id: source.id }, headers })).status).toBe(404);
    const audit = await db().auditEvent.findFirst({ where: { action: "source.delete", targetName: source.definition.name }, orderBy: { seq: "desc" } });
    expect(audit?.outcome).toBe("success");
  }, 150_000);
});

describe("one definition with per-cluster values", () => {
  it("7. a path ./sources-probe/{{labels.env}} lands with each cluster's own path, and Flux applies each", async () => {
    await updateCluster(production.id, { labels: { env: "production", suite: SUITE } }, actor);
    const templated = await createSource({
      name: `fleet-${SUITE}`,
      url: world.git.repos[0],
      ref: { branch: BRANCH },
      path: "./sources-probe/{{labels.env}}",
      interval: "1m",
      prune: true,
      targetNamespace: "default",
      postBuild: { substitute: { cluster: "{{cluster.name}}" } },
      selector: `suite=${SUITE}`,
    });
    const plan = await preview(templated.id);
    expect(Object.fromEntries(plan.clusters.map((cluster) => [cluster.clusterId, cluster.rendered?.path]))).toEqual({
      [staging.id]: "./sources-probe/staging",
      [production.id]: "./sources-probe/production",
    });
    await apply(templated.id, plan.planHash);
    expect((await fluxObjectOn(productionCluster, "Kustomization", templated.definition.name))?.spec.path).toBe("./sources-probe/production");
    expect(await waitFor("Flux on staging", () => probeOn(stagingCluster), 90_000)).toMatchObject({ env: "staging", cluster: staging.name });
    expect(await waitFor("Flux on production", () => probeOn(productionCluster), 90_000)).toMatchObject({ env: "production", cluster: production.name });

    const list = await api<{ items: SourceDto[] }>(listSourcesHandler, { path: "/api/sources" });
    expect(list.items.find((item) => item.id === templated.id)?.rollout.map((entry) => entry.renderedPath).sort()).toEqual(["./sources-probe/production", "./sources-probe/staging"]);
  }, 150_000);

  it("a cluster whose labels stop matching loses the source, and with prune on its workloads", async () => {
    const templated = (await db().gitOpsSource.findUniqueOrThrow({ where: { name: `fleet-${SUITE}` } })).id;
    await updateCluster(production.id, { labels: { env: "production", suite: `${SUITE}-other` } }, actor);
    await waitFor("the leader to remove the source from the cluster that left", async () => (await fluxObjectOn(productionCluster, "Kustomization", `fleet-${SUITE}`)) === null, 90_000);
    await waitFor("Flux to prune the workload there", async () => (await probeOn(productionCluster)) === null, 60_000);
    expect(await probeOn(stagingCluster)).toMatchObject({ env: "staging" });
    expect((await getSource(templated)).rollout.map((entry) => entry.clusterId)).toEqual([staging.id]);
    const removal = await db().auditEvent.findFirst({ where: { action: "source.apply", targetName: `fleet-${SUITE}`, actorType: "system" }, orderBy: { seq: "desc" } });
    expect(removal?.results).toEqual([expect.objectContaining({ name: production.name, outcome: "changed", message: expect.stringContaining("no longer a target") })]);
  }, 150_000);
});

describe("existing Flux sources", () => {
  it("are listed read-only by repository URL, and adopt makes one a Syncline source without recreating its objects", async () => {
    const name = `adopt-${SUITE}`;
    const spec = { interval: "1m", url: world.git.repos[0], ref: { branch: BRANCH } };
    await kubectl(stagingCluster, ["apply", "-f", "-"], {
      input: JSON.stringify({
        apiVersion: "v1",
        kind: "List",
        items: [
          { apiVersion: "source.toolkit.fluxcd.io/v1", kind: "GitRepository", metadata: { name, namespace: "flux-system" }, spec },
          {
            apiVersion: "kustomize.toolkit.fluxcd.io/v1",
            kind: "Kustomization",
            metadata: { name, namespace: "flux-system" },
            spec: { interval: "1m", path: "./sources-probe/adopt", prune: true, targetNamespace: "default", sourceRef: { kind: "GitRepository", name } },
          },
        ],
      }),
    });
    await waitFor("Flux to apply the hand-made Kustomization", async () => (await kubectlJson<{ data: Record<string, string> }>(stagingCluster, ["get", "-n", "default", "configmap", `${CONFIG_MAP}-adopted`]).catch(() => null))?.data);
    const before = await fluxObjectOn(stagingCluster, "Kustomization", name);

    type Groups = { items: Array<{ url: string; objects: Array<{ clusterId: string; name: string; kustomizations: Array<{ path: string | null }> }>; candidates: Array<{ name: string; adoptable: boolean }> }> };
    const group = await waitFor("the listing to show the hand-made source", async () => {
      const listed = await api<Groups>(listExistingHandler, { path: "/api/sources/existing" });
      return listed.items.find((item) => item.url === world.git.repos[0] && item.objects.some((object) => object.name === name && object.clusterId === staging.id));
    });
    expect(group.candidates.find((candidate) => candidate.name === name)).toMatchObject({ adoptable: true });
    expect(group.objects.find((object) => object.name === name)!.kustomizations).toEqual([expect.objectContaining({ path: "./sources-probe/adopt" })]);

    const adopted = await api<{ source: SourceDto; outcomes: Array<{ outcome: string }> }>(adoptHandler, { method: "POST", path: "/api/sources/adopt", body: { url: world.git.repos[0], objectNamespace: "flux-system", objectName: name } }, 201);
    expect(adopted.source).toMatchObject({ adopted: true, definition: { name, path: "./sources-probe/adopt", ref: { branch: BRANCH }, prune: true, clusterIds: [staging.id] } });
    expect(adopted.outcomes.map((outcome) => outcome.outcome)).toEqual(["applied"]);
    const after = await fluxObjectOn(stagingCluster, "Kustomization", name);
    expect(after?.metadata.uid).toBe(before?.metadata.uid);
    expect(after?.metadata.labels).toMatchObject({ "app.kubernetes.io/managed-by": "syncline", "syncline.io/source-id": adopted.source.id });
    expect(after?.metadata.managedFields?.map((entry) => entry.manager)).toContain("syncline");
    const listed = await api<Groups>(listExistingHandler, { path: "/api/sources/existing" });
    expect(listed.items.flatMap((item) => item.objects).some((object) => object.name === name)).toBe(false);
    expect(await db().auditEvent.findFirst({ where: { action: "source.adopt", targetName: name } })).toMatchObject({ outcome: "success" });
  }, 150_000);

  it("a group that reads a Secret is adopted with the Git credential holding the same key: Syncline's own Secret replaces it, and Flux still fetches", async () => {
    const name = `adopt-ssh-${SUITE}`;
    const handMade = { url: fleetRepoUrl(world.git, "ssh"), secretName: `${name}-deploy-key` };
    await kubectl(stagingCluster, ["apply", "-f", "-"], {
      input: JSON.stringify({
        apiVersion: "v1",
        kind: "List",
        items: [
          { apiVersion: "v1", kind: "Secret", metadata: { name: handMade.secretName, namespace: "flux-system" }, stringData: gitSecretData(world.git, "ssh") },
          {
            apiVersion: "source.toolkit.fluxcd.io/v1",
            kind: "GitRepository",
            metadata: { name, namespace: "flux-system" },
            spec: { interval: "1m", url: handMade.url, ref: { branch: BRANCH }, secretRef: { name: handMade.secretName } },
          },
          {
            apiVersion: "kustomize.toolkit.fluxcd.io/v1",
            kind: "Kustomization",
            metadata: { name, namespace: "flux-system" },
            spec: { interval: "1m", path: "./sources-probe/adopt", prune: true, targetNamespace: "flux-system", sourceRef: { kind: "GitRepository", name } },
          },
        ],
      }),
    });
    const candidate = async () => {
      const listed = await api<{ items: Array<{ url: string; candidates: Array<{ name: string; adoptable: boolean; reason: string | null; needsCredential: boolean }> }> }>(listExistingHandler, { path: "/api/sources/existing" });
      return listed.items.find((item) => item.url === handMade.url)?.candidates.find((entry) => entry.name === name);
    };
    expect(await waitFor("the listing to show the hand-made source", candidate)).toMatchObject({ adoptable: true, reason: null, needsCredential: true });
    const body = { url: handMade.url, objectNamespace: "flux-system", objectName: name };

    // Without the credential nothing is adopted; with one that reads no Secret neither.
    const unnamed = await call(adoptHandler, { method: "POST", path: "/api/sources/adopt", headers, body });
    expect(unnamed.status).toBe(422);
    expect(unnamed.json.error).toMatchObject({ code: "validation_failed", details: [{ path: "credentialId" }] });
    const unknown = await call(adoptHandler, { method: "POST", path: "/api/sources/adopt", headers, body: { ...body, credentialId: randomUUID() } });
    expect(unknown.status).toBe(422);
    expect(await db().gitOpsSource.count({ where: { name } })).toBe(0);
    expect((await fluxObjectOn(stagingCluster, "GitRepository", name))?.spec.secretRef).toEqual({ name: handMade.secretName });

    const credential = await addGitCredential({ kind: "ssh-key", name: `fleet over ssh ${SUITE}`, urlPattern: `${world.git.sshUrl}/`, privateKey: world.git.sshIdentity, knownHosts: world.git.knownHosts }, actor);
    const adopted = await api<{ source: SourceDto; outcomes: Array<{ outcome: string }> }>(adoptHandler, { method: "POST", path: "/api/sources/adopt", body: { ...body, credentialId: credential.id } }, 201);
    expect(adopted.source).toMatchObject({ adopted: true, credential: { id: credential.id } });
    expect(adopted.outcomes.map((outcome) => outcome.outcome)).toEqual(["applied"]);
    const secretName = `${name}-git-auth`;
    expect((await fluxObjectOn(stagingCluster, "GitRepository", name))?.spec.secretRef).toEqual({ name: secretName });
    const secret = await kubectlJson<{ metadata: { labels?: Record<string, string> }; data: Record<string, string> }>(stagingCluster, ["get", "-n", "flux-system", "secret", secretName]);
    expect(secret.metadata.labels).toMatchObject({ "app.kubernetes.io/managed-by": "syncline", "syncline.io/source-id": adopted.source.id });
    expect(Object.keys(secret.data).sort()).toEqual(["identity", "known_hosts"]);

    // The hand-made Secret can go: Flux now fetches with Syncline's.
    await kubectl(stagingCluster, ["delete", "-n", "flux-system", "secret", handMade.secretName]);
    const requestedAt = new Date().toISOString();
    await kubectl(stagingCluster, ["annotate", "--overwrite", "-n", "flux-system", "gitrepository", name, `reconcile.fluxcd.io/requestedAt=${requestedAt}`]);
    await waitFor("Flux to fetch again with Syncline's Secret", async () => {
      const status = (await kubectlJson<{ status?: { lastHandledReconcileAt?: string; conditions?: Array<{ type: string; status: string; message?: string }> } }>(stagingCluster, ["get", "-n", "flux-system", "gitrepository", name])).status;
      const ready = status?.conditions?.find((condition) => condition.type === "Ready");
      if (status?.lastHandledReconcileAt !== requestedAt) return undefined;
      expect(ready, JSON.stringify(status)).toMatchObject({ status: "True" });
      return ready;
    });
  }, 150_000);
});

describe("bad input", () => {
  /** Whether any cluster has a Flux object of that name: the check that nothing was created anywhere. */
  const anywhere = async (name: string) => {
    for (const cluster of [stagingCluster, productionCluster]) {
      if ((await fluxObjectOn(cluster, "GitRepository", name)) || (await fluxObjectOn(cluster, "Kustomization", name))) return true;
    }
    return false;
  };
  const base = () => ({ url: world.git.repos[0], ref: { branch: BRANCH }, path: "./sources-probe/staging", interval: "1m", prune: true, targetNamespace: "default", selector: `suite=${SUITE}` });

  it.each([
    ["a file:// URL", { url: "file:///etc" }, "url"],
    ["a path ../../etc", { path: "../../etc" }, "path"],
    ["an invalid name", { name: "Not_A_Name" }, "name"],
  ])("6. %s gets a 422 naming the field, and nothing is stored or created", async (_, change, field) => {
    const name = `bad-${randomUUID().slice(0, 6)}`;
    const response = await call(createSourceHandler, { method: "POST", path: "/api/sources", headers, body: { name, ...base(), ...change } });
    expect(response.status).toBe(422);
    expect(response.json.error.code).toBe("validation_failed");
    expect(JSON.stringify(response.json.error.details)).toContain(field);
    expect(await db().gitOpsSource.count({ where: { name } })).toBe(0);
    expect(await anywhere(name)).toBe(false);
  });

  it("6. a collision with an object Syncline does not own is shown in the preview and refused with 409, creating nothing on any cluster", async () => {
    const name = `collide-${SUITE}`;
    await kubectl(stagingCluster, ["apply", "-f", "-"], {
      input: JSON.stringify({ apiVersion: "source.toolkit.fluxcd.io/v1", kind: "GitRepository", metadata: { name, namespace: "flux-system" }, spec: { interval: "10m", url: world.git.repos[0], ref: { branch: BRANCH } } }),
    });
    try {
      const created = await createSource({ name, ...base() });
      const plan = await preview(created.id);
      const onStaging = plan.clusters.find((cluster) => cluster.clusterId === staging.id)!;
      expect(onStaging).toMatchObject({ action: "invalid", collisions: [{ kind: "GitRepository", namespace: "flux-system", name, owner: null }] });
      const refused = await call(applyHandler, { method: "POST", path: `/api/sources/${created.id}/apply`, params: { id: created.id }, headers, body: { planHash: plan.planHash } });
      expect(refused.status).toBe(409);
      expect(refused.json.error.code).toBe("object_collision");
      expect(await fluxObjectOn(stagingCluster, "Kustomization", name)).toBeNull();
      expect(await fluxObjectOn(productionCluster, "GitRepository", name)).toBeNull();
      expect((await fluxObjectOn(stagingCluster, "GitRepository", name))?.metadata.labels?.["syncline.io/source-id"]).toBeUndefined();
    } finally {
      await kubectl(stagingCluster, ["delete", "-n", "flux-system", "gitrepository", name, "--ignore-not-found"]);
    }
  }, 60_000);

  it("6. an empty selector (every cluster) confirmed without a preview is refused, creating nothing on any cluster", async () => {
    const name = `everywhere-${SUITE}`;
    const created = await createSource({ name, ...base(), selector: "" });
    const refused = await call(applyHandler, { method: "POST", path: `/api/sources/${created.id}/apply`, params: { id: created.id }, headers, body: {} });
    expect(refused.status).toBe(422);
    expect(refused.json.error.code).toBe("preview_required");
    const guessed = await call(applyHandler, { method: "POST", path: `/api/sources/${created.id}/apply`, params: { id: created.id }, headers, body: { planHash: "0".repeat(64) } });
    expect(guessed.status).toBe(409);
    expect(guessed.json.error.code).toBe("preview_outdated");
    expect(await anywhere(name)).toBe(false);
    expect(await db().clusterSource.count({ where: { sourceId: created.id } })).toBe(0);
  }, 60_000);
});
