import type { Cluster, ClusterSource } from "../db/generated/client";
import { db } from "../db/client";
import { isAppError } from "../errors/app-error";
import { compareObject } from "../drift/compare-object";
import { inventory } from "../inventory";
import type { KubeClient } from "../k8s/client";
import type { ClusterPlanAction, ClusterPlanDto, SourcePreviewDto } from "../schemas/sources";
import { openCredentialSecretData } from "./open-credential-secret-data";
import { renderSourceObjects, type KubeObject, type RenderedSource, type SourceForRender } from "./render-source-objects";
import { selectTargets } from "./select-targets";
import { renderedStubs, secretStub } from "./source-object-stubs";
import { clusterLabels } from "./source-row";
import { owningSourceId } from "./source-labels";
import { getLiveObject, isUnreachable, serverSideApply } from "./source-objects-on-cluster";
import { isKubeError } from "../k8s/kube-error";
import { stableHash } from "./stable-hash";

/** One cluster's part of a plan, with what an apply needs besides what the preview shows. */
export interface ClusterPlan extends ClusterPlanDto {
  cluster: Cluster;
  row: ClusterSource | null;
  desired: RenderedSource | null;
}

export interface SourcePlan {
  clusters: ClusterPlan[];
  planHash: string;
  summary: SourcePreviewDto["summary"];
}

/** Clusters planned at once: a preview of a large fleet stays quick without flooding the network. */
const CLUSTERS_AT_ONCE = 8;

/**
 * What applying a definition would do on each cluster: create, update, remove (it no longer
 * targets a cluster that has the objects), unchanged, or invalid (a label its templates need is
 * missing, or an object of the same name is not Syncline's). Reachable clusters are compared with
 * a server-side dry run of each object, as `flux diff` does; a cluster that is down is planned from
 * what Syncline last applied there and marked unreachable.
 */
export async function planSource(source: SourceForRender & { credentialId: string | null }, definitionHash: string): Promise<SourcePlan> {
  const [clusters, rows] = await Promise.all([db().cluster.findMany({ orderBy: { name: "asc" } }), db().clusterSource.findMany({ where: { sourceId: source.id } })]);
  const targets = selectTargets(source.definition, clusters.map((cluster) => ({ id: cluster.id, labels: clusterLabels(cluster) })));
  const involved = clusters.filter((cluster) => targets.has(cluster.id) || rows.some((row) => row.clusterId === cluster.id));
  const secretData = source.credentialId ? await openCredentialSecretData(source.credentialId) : null;
  const plans: ClusterPlan[] = new Array(involved.length);
  let next = 0;
  const worker = async () => {
    while (next < involved.length) {
      const index = next++;
      const cluster = involved[index]!;
      const row = rows.find((candidate) => candidate.clusterId === cluster.id) ?? null;
      plans[index] = targets.has(cluster.id) ? await planTarget(source, cluster, row, secretData) : planRemoval(source, cluster, row);
    }
  };
  await Promise.all(Array.from({ length: Math.min(CLUSTERS_AT_ONCE, involved.length) }, worker));
  const summary = { create: 0, update: 0, remove: 0, unchanged: 0, invalid: 0 };
  for (const plan of plans) summary[plan.action] += 1;
  const planHash = stableHash({ definitionHash, clusters: plans.map((plan) => [plan.clusterId, plan.action, plan.desired?.hash ?? null]).sort() });
  return { clusters: plans, planHash, summary };
}

function base(cluster: Cluster, row: ClusterSource | null): Omit<ClusterPlan, "action" | "reachable"> {
  return { clusterId: cluster.id, clusterName: cluster.name, cluster, row, desired: null, reason: null, missingLabels: [], collisions: [], rendered: null, objects: [], pruneWarning: null };
}

async function planTarget(source: SourceForRender, cluster: Cluster, row: ClusterSource | null, secretData: Record<string, string> | null): Promise<ClusterPlan> {
  const rendering = renderSourceObjects(source, { name: cluster.name, labels: clusterLabels(cluster) });
  if (!rendering.ok) {
    const reason = `The cluster has no ${rendering.missingLabels.map((label) => `"${label}"`).join(", ")} label, which the templates use; it is not a valid target until it has`;
    return { ...base(cluster, row), action: "invalid", reachable: true, reason, missingLabels: rendering.missingLabels };
  }
  const plan = { ...base(cluster, row), desired: rendering, rendered: rendering.rendered };
  const unreachable = (reason: string): ClusterPlan => ({
    ...plan,
    action: row?.appliedHash === rendering.hash ? "unchanged" : row?.appliedHash ? "update" : "create",
    reachable: false,
    reason,
  });
  let client: KubeClient;
  try {
    client = inventory().actionClient(cluster);
  } catch (error) {
    if (!isAppError(error)) throw error;
    return unreachable(`Syncline cannot use the cluster's kubeconfig (${error.message}): the apply records it as failed and retries`);
  }
  const desiredObjects = rendering.objects.map((object) => (object.kind === "Secret" ? { ...object, data: secretData ?? {} } : object));
  // A Secret Syncline applied before, for credentials the definition no longer has.
  const staleSecret = secretData ? null : secretStub(source);
  let live: Array<Record<string, unknown> | null>;
  let liveStale: Record<string, unknown> | null = null;
  try {
    live = await Promise.all(desiredObjects.map((object) => getLiveObject(client, object)));
    if (staleSecret) liveStale = await getLiveObject(client, staleSecret);
  } catch (error) {
    if (isUnreachable(error)) return unreachable("The cluster cannot be reached: the apply records it as pending and applies when it returns");
    return refused(plan, error);
  }
  const collisions = desiredObjects.flatMap((object, index) => {
    const found = live[index];
    if (!found || owningSourceId(found) === source.id) return [];
    const owner = owningSourceId(found);
    return [{ kind: object.kind, namespace: object.metadata.namespace, name: object.metadata.name, owner: owner ? `syncline source ${owner}` : null }];
  });
  if (collisions.length > 0) {
    const reason = `${collisions.map((collision) => `${collision.kind} ${collision.namespace}/${collision.name}`).join(", ")} already exist${collisions.length === 1 ? "s" : ""} and Syncline does not own ${collisions.length === 1 ? "it" : "them"}; adopt it or choose another name`;
    return { ...plan, action: "invalid", reachable: true, reason, collisions };
  }
  let objects: ClusterPlanDto["objects"];
  try {
    objects = await Promise.all(desiredObjects.map((object, index) => compareWithLive(client, object, live[index] ?? null)));
  } catch (error) {
    if (isUnreachable(error)) return unreachable("The cluster stopped answering during the preview: the apply records it as pending and applies when it returns");
    return refused(plan, error);
  }
  if (liveStale && owningSourceId(liveStale) === source.id) objects.push({ ...describe(staleSecret!), action: "remove", changes: [] });
  const action: ClusterPlanAction = objects.every((object) => object.action === "create")
    ? "create"
    : objects.every((object) => object.action === "unchanged") && row?.appliedHash === rendering.hash
      ? "unchanged"
      : "update";
  return { ...plan, action, reachable: true, objects };
}

function planRemoval(source: SourceForRender, cluster: Cluster, row: ClusterSource | null): ClusterPlan {
  const prune = source.definition.prune;
  const pruneWarning = prune
    ? "Prune is on: Flux deletes the workloads this source applied on the cluster when its Kustomization is removed"
    : "Prune is off: the workloads this source applied stay on the cluster, no longer reconciled";
  const objects = [secretStub(source), ...renderedStubs(source)].map((object) => ({ ...describe(object), action: "remove" as const, changes: [] }));
  const reachable = inventory().store.record(cluster.id)?.health !== "unreachable";
  return { ...base(cluster, row), action: "remove", reachable, reason: "The cluster no longer matches the source's targets", objects, pruneWarning };
}

/** The cluster answered but refuses what Syncline would apply (RBAC, admission, a namespace that does not exist): not a valid target as it is. */
function refused(plan: Omit<ClusterPlan, "action" | "reachable">, error: unknown): ClusterPlan {
  if (!isKubeError(error)) throw error;
  return { ...plan, action: "invalid", reachable: true, reason: `The cluster refuses the source's objects (${error.reason}): ${error.message}` };
}

/** The object as a server-side dry run would leave it (defaults and admission included), diffed with the live one, or with nothing for a create. */
async function compareWithLive(client: KubeClient, desired: KubeObject, live: Record<string, unknown> | null): Promise<ClusterPlanDto["objects"][number]> {
  const wouldBe = await serverSideApply(client, desired, { dryRun: true });
  if (!live) {
    const changes = compareObject({ desired: wouldBe, live: { apiVersion: desired.apiVersion, kind: desired.kind, metadata: { name: desired.metadata.name, namespace: desired.metadata.namespace } } });
    return { ...describe(desired), action: "create", changes: changes.map(toChange) };
  }
  const changes = compareObject({ desired: wouldBe, live });
  return { ...describe(desired), action: changes.length === 0 ? "unchanged" : "update", changes: changes.map(toChange) };
}

function toChange(change: { path: string; desired?: unknown; live?: unknown }) {
  return { path: change.path, ...(change.live === undefined ? {} : { before: change.live }), ...(change.desired === undefined ? {} : { after: change.desired }) };
}

function describe(object: KubeObject) {
  return { apiVersion: object.apiVersion, kind: object.kind, namespace: object.metadata.namespace, name: object.metadata.name };
}
