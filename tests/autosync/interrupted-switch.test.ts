import { spawn } from "node:child_process";
import { resolve } from "node:path";
import { addSeconds } from "date-fns";
import { stringify } from "yaml";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expireSuspensions } from "@/lib/autosync";
import { db } from "@/lib/db/client";
import type { ClusterDetail } from "@/lib/fleet/dto";
import type { ObjectOutcome } from "@/lib/audit";
import { completeInterruptedIntents } from "@/lib/recovery";
import { kubectl, kubectlJson, type SandboxCluster } from "@/e2e/sandbox";
import { randomUUID } from "node:crypto";
import { addCluster, removeCluster } from "@/lib/clusters";
import { startRecordingProxy } from "../support/recording-proxy";
import { connected, kubeconfigOf, sandbox, startTestInventory, userActor, waitFor } from "../support/sandbox-clusters";
import { inventory } from "@/lib/inventory";

const COUNT = 200;
const NAMESPACE = "syncline-interrupted";
const SUSPENDED_AT = "syncline.io/suspended-at";

let cluster: SandboxCluster;
let registered: ClusterDetail;
let admin: Awaited<ReturnType<typeof userActor>>;
let proxy: Awaited<ReturnType<typeof startRecordingProxy>>;

/** Kustomizations that point at a source that does not exist, with long intervals: quiet, but real objects to switch. */
function manifests(): string {
  return Array.from({ length: COUNT }, (_, i) =>
    stringify({
      apiVersion: "kustomize.toolkit.fluxcd.io/v1",
      kind: "Kustomization",
      metadata: { name: `switch-${String(i).padStart(3, "0")}`, namespace: NAMESPACE },
      spec: { interval: "60m", retryInterval: "60m", path: "./none", prune: false, sourceRef: { kind: "GitRepository", name: "absent" } },
    }),
  ).join("---\n");
}

interface Listed {
  items: Array<{ metadata: { name: string; annotations?: Record<string, string> }; spec: { suspend?: boolean } }>;
}

const resultsOf = (record: { results: unknown }) => record.results as ObjectOutcome[];
const listed = () => kubectlJson<Listed>(cluster, ["get", "kustomizations", "-n", NAMESPACE]);
const suspendedNow = async () => new Set((await listed()).items.filter((k) => k.spec.suspend && k.metadata.annotations?.[SUSPENDED_AT]).map((k) => k.metadata.name));

beforeAll(async () => {
  cluster = sandbox().clusters[1]!;
  await kubectl(cluster, ["create", "namespace", NAMESPACE]).catch(() => undefined);
  await kubectl(cluster, ["apply", "--server-side", "--field-manager=syncline-test", "-f", "-"], { input: manifests() });
  await startTestInventory();
  admin = await userActor("admin");
  // Each PATCH held 150 ms: the switch of 200 objects then takes about a second, long enough to kill it half-way.
  proxy = await startRecordingProxy(kubeconfigOf(cluster), { patchDelayMs: 150 });
  registered = await addCluster({ name: `interrupted-${randomUUID().slice(0, 6)}`, kubeconfig: proxy.kubeconfig, allowDuplicateServer: true }, admin.actor);
  await connected(registered.id);
});

afterAll(async () => {
  // The next specs share this cluster: the 200 objects must be gone, not left to kustomize-controller
  // to finalize one by one. Deleted first, then their finalizers dropped, so each goes at once.
  await kubectl(cluster, ["delete", "kustomizations", "--all", "-n", NAMESPACE, "--wait=false"]).catch(() => undefined);
  const names = (await listed().catch(() => ({ items: [] }) as Listed)).items.map((k) => k.metadata.name);
  for (let i = 0; i < names.length; i += 20) {
    await Promise.all(
      names.slice(i, i + 20).map((name) => kubectl(cluster, ["patch", "kustomization", name, "-n", NAMESPACE, "--type=merge", "-p", '{"metadata":{"finalizers":null}}']).catch(() => undefined)),
    );
  }
  // The namespace stays: the sandbox runs no namespace controller, so a deleted one would never finish terminating.
  await waitFor("the test Kustomizations to be gone", async () => (await listed()).items.length === 0, 30_000).catch(() => undefined);
  await removeCluster(registered.id, admin.actor).catch(() => undefined);
  await inventory().stop();
  await proxy.stop();
});

describe("a switch cut short by kill -9", () => {
  it("is completed by the leader from the cluster's real state, object by object, and its expiry still fires", async () => {
    const until = addSeconds(new Date(), 45);
    const child = spawn(process.execPath, ["--import", "tsx", resolve(import.meta.dirname, "../support/switch-cluster-process.ts"), registered.id, "cli:oncall", until.toISOString()], {
      env: process.env,
      stdio: ["ignore", "pipe", "inherit"],
    });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    await waitFor("the switch to start", () => output.includes("switching"), 120_000);
    // Kill it once some objects are suspended, well before all 200 are.
    await waitFor("the first suspended objects", async () => (await suspendedNow()).size >= 30, 30_000);
    child.kill("SIGKILL");
    await new Promise((done) => child.once("exit", done));
    expect(output).not.toContain("finished");

    const suspended = await suspendedNow();
    expect(suspended.size).toBeGreaterThanOrEqual(30);
    expect(suspended.size).toBeLessThan(COUNT);

    // Before it touched anything, the switch wrote its intent and its Suspension row.
    const intent = await db().auditEvent.findFirstOrThrow({ where: { clusterId: registered.id, action: "autosync.disable", outcome: "pending" } });
    expect(resultsOf(intent).filter((r) => r.namespace === NAMESPACE)).toHaveLength(COUNT);
    const suspension = await db().suspension.findFirstOrThrow({ where: { clusterId: registered.id, kind: "", endedAt: null } });
    expect(suspension).toMatchObject({ intentId: intent.id, until });

    // The leader (this process now) completes it as interrupted, reading each object back.
    expect(await completeInterruptedIntents()).toBe(1);
    const completion = await db().auditEvent.findFirstOrThrow({ where: { intentId: intent.id } });
    expect(completion).toMatchObject({ outcome: "interrupted", action: "autosync.disable", actorName: "cli:oncall", reason: "INC-4711 payment outage" });
    const changed = new Set(resultsOf(completion).filter((r) => r.namespace === NAMESPACE && r.outcome === "changed").map((r) => r.name));
    const notReached = resultsOf(completion).filter((r) => r.namespace === NAMESPACE && r.outcome === "unchanged").map((r) => r.name);
    expect([...changed].sort()).toEqual([...(await suspendedNow())].filter((name) => name.startsWith("switch-")).sort());
    expect(changed.size + notReached.length).toBe(COUNT);
    // Completed once: a second run finds nothing left.
    expect(await completeInterruptedIntents()).toBe(0);

    // The expiry given with the switch fires and lifts what the switch had suspended.
    await waitFor(
      "the expiry",
      async () => {
        await expireSuspensions();
        return (await db().suspension.findUniqueOrThrow({ where: { id: suspension.id } })).endedBy === "system";
      },
      120_000,
    );
    expect(await suspendedNow()).toEqual(new Set());
    const expired = await db().auditEvent.findMany({ where: { clusterId: registered.id, action: "autosync.expire", outcome: "success" } });
    expect(expired).toHaveLength(1);
    expect(resultsOf(expired[0]!).filter((r) => r.namespace === NAMESPACE && r.outcome === "changed").map((r) => r.name).sort()).toEqual([...changed].sort());
  });
});
