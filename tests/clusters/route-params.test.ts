import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as objectRoute } from "@/app/api/clusters/[id]/objects/[kind]/[namespace]/[name]/route";
import { PUT as objectAutoSyncRoute } from "@/app/api/clusters/[id]/objects/[kind]/[namespace]/[name]/auto-sync/route";
import { POST as objectReconcileRoute } from "@/app/api/clusters/[id]/objects/[kind]/[namespace]/[name]/reconcile/route";
import type { Actor } from "@/lib/auth/actor";
import { addCluster, removeCluster } from "@/lib/clusters";
import { db } from "@/lib/db/client";
import type { ClusterDetail } from "@/lib/fleet/dto";
import { inventory } from "@/lib/inventory";
import { collectionPath, fluxModels } from "@/lib/k8s/resources";
import { kubectlJson, type SandboxCluster } from "@/e2e/sandbox";
import { call } from "../support/http";
import { startRecordingProxy, type RecordedRequest } from "../support/recording-proxy";
import { bearer, connected, kubeconfigOf, sandbox, startTestInventory, userActor, waitFor } from "../support/sandbox-clusters";

/**
 * Route parameters arrive decoded: `..%2F..%2Fapi%2Fv1…%3F` in the URL is `../../api/v1…?` here,
 * exactly as Next.js hands it to the handler. Each must be refused before Syncline sends the
 * cluster anything, so a recording proxy in front of the sandbox's API server watches the wire.
 */
const attacks: Array<{ what: string; kind?: string; namespace: string; name: string }> = [
  { what: "the traversal to kube-system's Secrets", namespace: "../../../../api/v1/namespaces/kube-system/secrets?", name: "x" },
  { what: "%2e%2e segments", namespace: "..", name: "apps" },
  { what: "backslashes (%5C), which URL parsers read as slashes", namespace: "..\\..\\..\\..\\api\\v1\\namespaces\\kube-system\\secrets?", name: "x" },
  { what: "a # (%23) that cuts the path to another Kustomization", namespace: "flux-system/kustomizations/apps#", name: "x" },
  { what: "a ? in the namespace that cuts the path to another Kustomization", namespace: "flux-system/kustomizations/apps?", name: "x" },
  { what: "a ? in the name", namespace: "flux-system", name: "apps?dryRun=All" },
  { what: "a # in the name", namespace: "flux-system", name: "apps#" },
  { what: "..%2Fversion%3F", namespace: "../../../../version?", name: "x" },
  { what: "a kind with a slash", kind: "Kustomization/../../../../api/v1/namespaces/kube-system/secrets?", namespace: "flux-system", name: "apps" },
];

/** What the inventory's watcher asks for on its own: lists and watches of whole collections, events, health. */
const backgroundPaths = new Set([...fluxModels.map((model) => collectionPath(model)), "/api/v1/events", "/version", "/apis/apps/v1/namespaces/flux-system/deployments"]);
const backgroundQuery = new Set(["watch", "resourceVersion", "allowWatchBookmarks", "timeoutSeconds", "limit", "continue"]);
const isBackground = (request: RecordedRequest) => {
  const url = new URL(request.url, "https://apiserver");
  return request.method === "GET" && backgroundPaths.has(url.pathname) && [...url.searchParams.keys()].every((key) => backgroundQuery.has(key));
};

type Reconciler = { items: Array<{ metadata: { namespace: string; name: string; annotations?: Record<string, string> }; spec: { suspend?: boolean } }> };
const reconcilerState = async (cluster: SandboxCluster) =>
  (await kubectlJson<Reconciler>(cluster, ["get", "kustomizations,helmreleases", "-A"])).items.map((item) => ({
    object: `${item.metadata.namespace}/${item.metadata.name}`,
    suspend: item.spec.suspend ?? false,
    annotations: Object.entries(item.metadata.annotations ?? {}).filter(([key]) => key.includes("syncline") || key.startsWith("reconcile.fluxcd.io")),
  }));

let operator: { actor: Actor; token: string };
let cluster: ClusterDetail;
let sandboxCluster: SandboxCluster;
let proxy: Awaited<ReturnType<typeof startRecordingProxy>>;

beforeAll(async () => {
  await startTestInventory();
  operator = await userActor("operator");
  const admin = await userActor("admin");
  sandboxCluster = sandbox().clusters[0]!;
  proxy = await startRecordingProxy(kubeconfigOf(sandboxCluster));
  cluster = await addCluster({ name: `params-${Date.now().toString(36)}`, kubeconfig: proxy.kubeconfig, labels: {} }, admin.actor);
  await connected(cluster.id);
  await waitFor("the objects to be listed", () => inventory().store.listObjects(cluster.id).length > 0);
});

afterAll(async () => {
  if (cluster) await removeCluster(cluster.id, operator.actor).catch(() => undefined);
  await inventory().stop();
  await proxy?.stop();
});

describe("route parameters that try to leave their path segment", () => {
  it.each(attacks)("are refused with a 4xx, on every object route, before any request reaches the cluster: $what", async ({ kind = "Kustomization", namespace, name }) => {
    const before = await reconcilerState(sandboxCluster);
    const auditBefore = await db().auditEvent.count({ where: { clusterId: cluster.id } });
    const sent = proxy.requests.length;
    const params = { id: cluster.id, kind, namespace, name };

    const answers = [
      await call(objectAutoSyncRoute, { method: "PUT", headers: bearer(operator.token), params, body: { enabled: false, reason: "traversal" } }),
      await call(objectReconcileRoute, { method: "POST", headers: bearer(operator.token), params }),
      await call(objectRoute, { headers: bearer(operator.token), params }),
    ];

    expect(proxy.requests.slice(sent).filter((request) => !isBackground(request)).map((request) => `${request.method} ${request.url}`)).toEqual([]);
    expect(await reconcilerState(sandboxCluster)).toEqual(before);
    for (const answer of answers) {
      expect(answer.status).toBeGreaterThanOrEqual(400);
      expect(answer.status).toBeLessThan(500);
      expect(answer.json.error.code).toBe("validation_failed");
    }
    expect(await db().auditEvent.count({ where: { clusterId: cluster.id } })).toBe(auditBefore);
  });

  it("still serve a well-formed object, through the same proxy", async () => {
    const answer = await call(objectRoute, { headers: bearer(operator.token), params: { id: cluster.id, kind: "kustomizations", namespace: "flux-system", name: "apps" } });
    expect(answer.status).toBe(200);
    expect(answer.json).toMatchObject({ kind: "Kustomization", namespace: "flux-system", name: "apps" });
    const sent = proxy.requests.length;
    const reconciled = await call(objectReconcileRoute, { method: "POST", headers: bearer(operator.token), params: { id: cluster.id, kind: "Kustomization", namespace: "flux-system", name: "apps" } });
    expect(reconciled.status).toBe(200);
    expect(proxy.requests.slice(sent).filter((request) => !isBackground(request)).map((request) => `${request.method} ${request.url}`)).toEqual(
      expect.arrayContaining(["PATCH /apis/kustomize.toolkit.fluxcd.io/v1/namespaces/flux-system/kustomizations/apps"]),
    );
  });

  it("refuse a cluster id that is not a uuid with 422 instead of a database error", async () => {
    const answer = await call(objectRoute, { headers: bearer(operator.token), params: { id: "../../etc", kind: "Kustomization", namespace: "flux-system", name: "apps" } });
    expect(answer.status).toBe(422);
    expect(answer.json.error.details).toEqual([expect.objectContaining({ in: "path", path: "id" })]);
  });
});
