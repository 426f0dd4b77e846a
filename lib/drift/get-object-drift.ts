import { requireTrackedCluster } from "../clusters/require-tracked-cluster";
import { db } from "../db/client";
import { AppError } from "../errors/app-error";
import { inventory } from "../inventory";
import { Kustomization } from "../k8s/resources";
import type { ObjectDrift } from "../schemas/drift";
import type { ObjectDriftParams } from "../schemas/drift-input";
import { objectKeyOf } from "./compute-cluster-drift";
import type { DriftReportColumns } from "./drift-report-row";
import { inventoryEntries } from "./inventory-entries";
import { emptyClusterDrift, presentSummary } from "./present-drift";
import { toDriftEpisodeDto } from "./to-drift-episode-dto";

const HISTORY_SHOWN = 50;

/**
 * One object's drift from the cluster's last report: both sides when it drifted, and its history.
 * An object that neither the report nor any Kustomization's inventory holds is 404.
 */
export async function getObjectDrift({ id: clusterId, kind, namespace, name }: ObjectDriftParams): Promise<ObjectDrift> {
  const record = await requireTrackedCluster(clusterId);
  const row = await db().driftReport.findUnique({ where: { clusterId } });
  const columns = { report: (row?.report ?? null) as DriftReportColumns["report"], compared: (row?.compared ?? []) as unknown as DriftReportColumns["compared"], sides: (row?.sides ?? {}) as unknown as DriftReportColumns["sides"] };
  const report = presentSummary(columns.report, { clusterId, record, computingSince: row?.computingSince ?? null, refreshRequestedAt: row?.refreshRequestedAt ?? null, computedAt: row?.computedAt ?? null }, emptyClusterDrift);
  const key = objectKeyOf({ kind, namespace, name });
  const drifted = report.objects.find((object) => objectKeyOf(object) === key) ?? null;
  const compared = columns.compared.find((object) => objectKeyOf(object) === key);
  const identity = drifted ?? compared ?? inInventory(clusterId, kind, namespace, name);
  if (!identity) {
    throw new AppError("not_found", `No ${kind} "${namespace ? `${namespace}/` : ""}${name}" in the inventory of any reconciler of this cluster`);
  }
  const episodes = await db().driftEpisode.findMany({
    where: { clusterId, kind, namespace, name },
    orderBy: [{ appearedAt: "desc" }, { id: "desc" }],
    take: HISTORY_SHOWN,
    include: { cluster: { select: { name: true } } },
  });
  const computed = Boolean(drifted ?? compared) && report.state !== "unknown";
  const sides = drifted ? columns.sides[key] : undefined;
  return {
    reconciler: identity.reconciler,
    apiVersion: identity.apiVersion,
    kind,
    namespace,
    name,
    state: drifted ? "drifted" : computed ? "in-sync" : "unknown",
    computedAt: report.computedAt,
    drift: drifted,
    desired: sides?.desired ?? null,
    live: sides?.live ?? null,
    history: episodes.map(toDriftEpisodeDto),
  };
}

/** The object as a Kustomization's inventory in this replica's store lists it, before any report holds it. */
function inInventory(clusterId: string, kind: string, namespace: string, name: string) {
  for (const kustomization of inventory().store.objects(clusterId, Kustomization.kind)) {
    const entry = inventoryEntries(kustomization).find((e) => e.kind === kind && e.namespace === namespace && e.name === name);
    if (entry) {
      const reconciler = { kind: Kustomization.kind, namespace: kustomization.metadata.namespace ?? "", name: kustomization.metadata.name };
      return { reconciler, apiVersion: entry.group ? `${entry.group}/${entry.version}` : entry.version };
    }
  }
  return undefined;
}
