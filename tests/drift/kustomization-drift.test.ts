import { spawn } from "node:child_process";
import { setTimeout as sleep } from "node:timers/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { computeKustomizationDrift } from "@/lib/drift/kustomization-drift";
import { createKubeClient } from "@/lib/k8s/client";
import type { ReconcilerDriftResult } from "@/lib/drift/reconciler-drift-result";
import type { FluxObject } from "@/lib/k8s/resources";
import { commitChange, kubectl, kubectlJson, patchObject, requestReconcile, waitForRevision, type SandboxCluster } from "@/e2e/sandbox";
import { sandboxDriftContext, type SandboxDriftContext } from "../support/drift-context";
import { kubeconfigOf, sandbox, waitFor } from "../support/sandbox-clusters";

const author = { name: "Drift Spec", email: "drift-spec@acme-shop.io" };
const apps = { kind: "Kustomization", namespace: "flux-system", name: "apps" };

let cluster: SandboxCluster;
let fluxCli: string;

beforeAll(() => {
  cluster = sandbox().clusters.find((candidate) => candidate.env === "staging")!;
  fluxCli = join(cluster.bin, "flux");
});

function kustomizationNamed(ctx: SandboxDriftContext, name: string): FluxObject {
  const found = ctx.objectsOf("Kustomization").find((object) => object.metadata.name === name);
  if (!found) throw new Error(`no Kustomization ${name}`);
  return found;
}

async function driftOf(ctx: SandboxDriftContext, name: string): Promise<ReconcilerDriftResult> {
  await ctx.refresh();
  return computeKustomizationDrift(ctx, kustomizationNamed(ctx, name));
}

/** What each drifted object reads as: its change, and per field the path, both values and the manager. */
function readable(result: ReconcilerDriftResult) {
  return result.objects.map((object) => ({
    object: `${object.kind}/${object.namespace}/${object.name}`,
    change: object.change,
    fields: object.fields.map((field) => ({ path: field.path, desired: field.desired, live: field.live, manager: field.manager, handChange: field.handChange })),
  }));
}

/** `flux diff kustomization` on the same state; it exits 1 when it finds drift. */
function fluxDiff(name: string, path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(fluxCli, ["diff", "kustomization", name, "-n", "flux-system", "--path", path, "--kubeconfig", cluster.kubeconfig], { stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let err = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (out += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (err += chunk));
    child.on("close", (code) => (code === 0 || code === 1 ? resolve(out) : reject(new Error(`flux diff failed (${code}): ${err}`))));
  });
}

/**
 * flux diff's report: "► Kind/namespace/name drifted|created|deleted" per object, then dyff's
 * blocks, each a path followed by a "±" line. Server-managed metadata dyff shows (generation) is
 * not drift to Flux (it decides on labels, annotations and everything outside metadata and status).
 */
function parseFluxDiff(output: string): Map<string, { action: string; paths: string[] }> {
  const objects = new Map<string, { action: string; paths: string[] }>();
  const lines = output.replace(/\x1b\[[0-9;]*m/g, "").split("\n");
  let current: { action: string; paths: string[] } | undefined;
  lines.forEach((line, index) => {
    const header = /^► (\S+) (drifted|created|deleted|skipped)$/.exec(line.trim());
    if (header) {
      current = { action: header[2]!, paths: [] };
      objects.set(header[1]!, current);
      return;
    }
    const path = line.trim();
    if (current && path && !/^[±+-]/.test(path) && lines[index + 1]?.trim().startsWith("±") && !/^metadata\.(generation|resourceVersion|managedFields)/.test(path)) current.paths.push(path);
  });
  return objects;
}

/** Syncline's paths in dyff's notation: list items by name are dyff's ".name" segments. */
const asDyffPath = (path: string) => path.replace(/\[name=([^\]]+)\]/g, ".$1").replace(/\["([^"]+)"\]/g, ".$1");

describe("object drift of a Kustomization, as Flux itself would find it", () => {
  let ctx: SandboxDriftContext;

  beforeAll(async () => {
    ctx = await sandboxDriftContext(cluster, fluxCli);
    await patchObject(cluster, apps, { spec: { suspend: true } });
    // A reconciliation already running when the suspension lands would undo the changes below.
    await sleep(3_000);
  });

  afterAll(async () => {
    await patchObject(cluster, apps, { spec: { suspend: null } });
    await requestReconcile(cluster, apps);
    await waitFor(
      "Flux to revert the hand changes",
      async () => {
        const [service, web, config] = await Promise.all([
          kubectl(cluster, ["get", "service", "api", "-n", "staging", "-o", "name"]).catch(() => ""),
          kubectlJson<{ spec: { replicas: number } }>(cluster, ["get", "deployment", "web", "-n", "staging"]),
          kubectlJson<{ data: Record<string, string> }>(cluster, ["get", "configmap", "worker-config", "-n", "staging"]),
        ]);
        return service.trim() !== "" && web.spec.replicas === 1 && config.data.CONCURRENCY === "4";
      },
      120_000,
    );
    ctx.close();
  });

  it("finds no drift in a Kustomization nobody touched, and says which objects it compared", async () => {
    const result = await driftOf(ctx, "apps");
    expect(result.summary).toMatchObject({ mode: "dry-run", error: null, drifted: 0, total: 8 });
    expect(result.compared.map((object) => `${object.kind}/${object.namespace}/${object.name}`)).toEqual(
      expect.arrayContaining(["Deployment/staging/web", "ConfigMap/staging/worker-config", "Service/staging/api", "Namespace//staging"]),
    );
  });

  it("lists exactly the scaled Deployment, the edited ConfigMap and the deleted Service, with each field and who changed it", async () => {
    await kubectl(cluster, ["scale", "deployment", "web", "-n", "staging", "--replicas=3"]);
    await kubectl(cluster, ["patch", "configmap", "worker-config", "-n", "staging", "--type=merge", '--patch={"data":{"CONCURRENCY":"16"}}']);
    await kubectl(cluster, ["delete", "service", "api", "-n", "staging"]);

    const result = await driftOf(ctx, "apps");
    expect(result.summary).toMatchObject({ mode: "dry-run", error: null, drifted: 3, total: 8 });
    expect(readable(result)).toEqual([
      { object: "ConfigMap/staging/worker-config", change: "modified", fields: [{ path: "data.CONCURRENCY", desired: "4", live: "16", manager: "kubectl-patch", handChange: true }] },
      { object: "Service/staging/api", change: "missing", fields: [] },
      // kubectl scale writes through the scale subresource as manager "kubectl", with no time.
      { object: "Deployment/staging/web", change: "modified", fields: [{ path: "spec.replicas", desired: 1, live: 3, manager: "kubectl", handChange: true }] },
    ]);
    const configMap = result.objects.find((object) => object.kind === "ConfigMap")!;
    expect(configMap.fields[0]).toMatchObject({ operation: "Update", changedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) });
    expect(result.objects.every((object) => object.handChange && object.fix === "flux resume kustomization apps -n flux-system")).toBe(true);
    expect(result.sides[0]).toMatchObject({ desired: { data: { CONCURRENCY: "4" } }, live: { data: { CONCURRENCY: "16" } } });
  });

  it("agrees with flux diff kustomization on the same state, object for object and field for field", async () => {
    const result = await driftOf(ctx, "apps");
    const kustomization = kustomizationNamed(ctx, "apps");
    const source = ctx.objectsOf("GitRepository").find((object) => object.metadata.name === "fleet")!;
    const checkout = await ctx.checkout(source, String(kustomization.status?.lastAppliedRevision));
    let reported: Map<string, { action: string; paths: string[] }>;
    try {
      reported = parseFluxDiff(await fluxDiff("apps", join(checkout.dir, String(kustomization.spec?.path))));
    } finally {
      await checkout.dispose();
    }
    const fluxView = [...reported].filter(([, entry]) => entry.action !== "skipped").map(([object, entry]) => ({ object, action: entry.action, paths: entry.paths.sort() }));
    const synclineView = result.objects.map((object) => ({
      object: `${object.kind}/${object.namespace}/${object.name}`,
      action: { modified: "drifted", missing: "created", unmanaged: "deleted" }[object.change],
      paths: object.fields.map((field) => asDyffPath(field.path)).sort(),
    }));
    const byObject = (a: { object: string }, b: { object: string }) => a.object.localeCompare(b.object);
    expect(synclineView.sort(byObject)).toEqual(fluxView.sort(byObject));
    expect(fluxView).toHaveLength(3);
  });

  it("without a flux CLI, reports the same hand changes from managedFields alone, and says so", async () => {
    const fallback = { ...ctx, fluxCli: null };
    const result = await computeKustomizationDrift(fallback, kustomizationNamed(ctx, "apps"));
    expect(result.summary).toMatchObject({ mode: "managed-fields", error: null, drifted: 3, total: 8 });
    expect(readable(result)).toEqual([
      { object: "ConfigMap/staging/worker-config", change: "modified", fields: [{ path: "data.CONCURRENCY", desired: undefined, live: "16", manager: "kubectl-patch", handChange: true }] },
      { object: "Service/staging/api", change: "missing", fields: [] },
      { object: "Deployment/staging/web", change: "modified", fields: [{ path: "spec.replicas", desired: undefined, live: 3, manager: "kubectl", handChange: true }] },
    ]);
  });

  it("reports a cluster it cannot reach as an error, never as in sync", async () => {
    const dead = kubeconfigOf(cluster).replace(cluster.server, "https://127.0.0.1:9");
    const client = createKubeClient({ name: cluster.name, kubeconfig: dead });
    try {
      const result = await computeKustomizationDrift({ ...ctx, client, kubeconfig: () => dead }, kustomizationNamed(ctx, "apps"));
      expect(result.summary).toMatchObject({ mode: "dry-run", drifted: 0, total: 0, error: expect.stringContaining("flux build failed") });
      expect(result.compared).toEqual([]);
    } finally {
      client.close();
    }
  });
});

describe("a Kustomization with spec.ignore rules and postBuild substitutions", () => {
  const namespace = "drift-ignore-spec";
  const kustomization = { kind: "Kustomization", namespace: "flux-system", name: "drift-ignore-spec" };
  const dir = "drift-spec/ignore";
  let ctx: SandboxDriftContext;

  beforeAll(async () => {
    ctx = await sandboxDriftContext(cluster, fluxCli);
    // Never deleted: the sandbox has no namespace controller to finish a deletion.
    await kubectl(cluster, ["apply", "-f", "-"], { input: JSON.stringify({ apiVersion: "v1", kind: "Namespace", metadata: { name: namespace } }) });
    await kubectl(cluster, ["apply", "-f", "-"], { input: JSON.stringify({ apiVersion: "v1", kind: "ConfigMap", metadata: { name: "drift-spec-vars", namespace: "flux-system" }, data: { COLOR: "blue" } }) });
    const sha = await commitChange(sandbox(), {
      author,
      message: "drift spec: greeter with substitutions",
      files: {
        [`${dir}/kustomization.yaml`]: "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n  - configmap.yaml\n  - deployment.yaml\n",
        [`${dir}/configmap.yaml`]: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: greeter\ndata:\n  GREETING: "${GREETING}"\n  COLOR: "${COLOR}"\n  SIZE: "${SIZE:=large}"\n',
        [`${dir}/deployment.yaml`]: [
          "apiVersion: apps/v1",
          "kind: Deployment",
          "metadata:",
          "  name: greeter",
          "  annotations:",
          '    acme.io/color: "${COLOR}"',
          "spec:",
          "  replicas: 2",
          "  selector:",
          "    matchLabels: { app: greeter }",
          "  template:",
          "    metadata:",
          "      labels: { app: greeter }",
          "    spec:",
          "      containers:",
          "        - name: greeter",
          '          image: "ghcr.io/acme-shop/greeter:${TAG:=1.0.0}"',
          "",
        ].join("\n"),
      },
    });
    await kubectl(cluster, ["apply", "-f", "-"], {
      input: JSON.stringify({
        apiVersion: "kustomize.toolkit.fluxcd.io/v1",
        kind: "Kustomization",
        metadata: { name: kustomization.name, namespace: "flux-system" },
        spec: {
          interval: "1m",
          path: `./${dir}`,
          prune: true,
          wait: false,
          targetNamespace: namespace,
          sourceRef: { kind: "GitRepository", name: "fleet" },
          postBuild: { substitute: { GREETING: "hello" }, substituteFrom: [{ kind: "ConfigMap", name: "drift-spec-vars" }] },
          ignore: [{ paths: ["/spec/replicas"], target: { kind: "Deployment", name: "greeter" } }],
        },
      }),
    });
    await requestReconcile(cluster, { kind: "GitRepository", namespace: "flux-system", name: "fleet" });
    await waitForRevision(cluster, sha, { kustomization: kustomization.name });
  });

  afterAll(async () => {
    await kubectl(cluster, ["delete", "kustomization", kustomization.name, "-n", "flux-system", "--wait=true", "--timeout=60s"]).catch(() => undefined);
    await kubectl(cluster, ["delete", "configmap", "drift-spec-vars", "-n", "flux-system", "--ignore-not-found"]);
    await commitChange(sandbox(), {
      author,
      message: "drift spec: remove greeter",
      files: { [`${dir}/kustomization.yaml`]: null, [`${dir}/configmap.yaml`]: null, [`${dir}/deployment.yaml`]: null },
    });
    ctx.close();
  });

  it("shows no drift from substituted values, nor for a hand change to an ignored field", async () => {
    const live = await kubectlJson<{ data: Record<string, string> }>(cluster, ["get", "configmap", "greeter", "-n", namespace]);
    expect(live.data).toEqual({ GREETING: "hello", COLOR: "blue", SIZE: "large" });
    await kubectl(cluster, ["scale", "deployment", "greeter", "-n", namespace, "--replicas=5"]);

    const result = await driftOf(ctx, kustomization.name);
    expect(result.summary).toMatchObject({ mode: "dry-run", error: null, drifted: 0, total: 2 });
    // Not reverted by Flux meanwhile: the rule, not a correction, is why nothing drifted.
    expect((await kubectlJson<{ spec: { replicas: number } }>(cluster, ["get", "deployment", "greeter", "-n", namespace])).spec.replicas).toBe(5);
  });

  it("still reports a hand change to a field no rule ignores, against the substituted value", async () => {
    await kubectl(cluster, ["patch", "configmap", "greeter", "-n", namespace, "--type=merge", '--patch={"data":{"COLOR":"red"}}']);

    const result = await driftOf(ctx, kustomization.name);
    expect(readable(result)).toEqual([
      { object: `ConfigMap/${namespace}/greeter`, change: "modified", fields: [{ path: "data.COLOR", desired: "blue", live: "red", manager: "kubectl-patch", handChange: true }] },
    ]);
  });
});
