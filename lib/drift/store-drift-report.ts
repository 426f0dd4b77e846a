import { db, type Prisma } from "../db/client";
import type { DriftEpisode } from "../db/generated/client";
import type { ClusterDrift, DriftedObject } from "../schemas/drift";
import type { ComputedClusterDrift } from "./compute-cluster-drift";
import { summaryOf } from "./drift-report-row";

/** Who corrected an episode that is no longer drifted (see attributeCorrection). */
export type CorrectionAttribution = (episode: DriftEpisode) => Promise<string | null>;

const openKeyOf = (clusterId: string, object: { kind: string; namespace: string; name: string }) => `${clusterId}/${object.kind}/${object.namespace}/${object.name}`;

/**
 * Stores a fresh computation: opens an episode for each object that drifted (one open episode per
 * object, whatever the number of computations or leaders), closes the episodes of objects that a
 * complete computation of their reconciler found in sync or gone, fills each object's `since`,
 * and replaces the cluster's report. Single statements only (PGlite rule 3); each is idempotent.
 */
export async function storeDriftReport(computed: ComputedClusterDrift, attribute: CorrectionAttribution, now = new Date()): Promise<ClusterDrift> {
  const { drift } = computed;
  const clusterId = drift.clusterId;
  await db().driftEpisode.createMany({ data: drift.objects.map((object) => newEpisode(clusterId, object, now)), skipDuplicates: true });
  const open = await db().driftEpisode.findMany({ where: { clusterId, correctedAt: null } });
  const byKey = new Map(open.map((episode) => [episode.openKey!, episode]));
  const driftedKeys = new Set(drift.objects.map((object) => openKeyOf(clusterId, object)));
  for (const object of drift.objects) {
    const episode = byKey.get(openKeyOf(clusterId, object))!;
    const seen = seenOf(object);
    if (episode.change !== object.change || JSON.stringify([episode.fields, episode.managers]) !== JSON.stringify([seen.fields, seen.managers])) {
      await db().driftEpisode.update({ where: { id: episode.id }, data: { change: object.change, ...seen } });
    }
  }
  const complete = new Set(drift.reconcilers.filter((r) => r.error === null).map((r) => `${r.reconciler.kind}/${r.reconciler.namespace}/${r.reconciler.name}`));
  const present = new Set(drift.reconcilers.map((r) => `${r.reconciler.kind}/${r.reconciler.namespace}/${r.reconciler.name}`));
  for (const episode of open) {
    if (driftedKeys.has(episode.openKey!)) continue;
    const reconciler = `${episode.reconcilerKind}/${episode.reconcilerNamespace}/${episode.reconcilerName}`;
    // A reconciler that could not be computed says nothing about its objects; one that is gone left them to nobody.
    if (present.has(reconciler) && !complete.has(reconciler)) continue;
    const correctedBy = present.has(reconciler) ? await attribute(episode) : null;
    await db().driftEpisode.updateMany({ where: { id: episode.id, correctedAt: null }, data: { correctedAt: now, correctedBy, openKey: null } });
  }
  const objects = drift.objects.map((object) => ({ ...object, since: byKey.get(openKeyOf(clusterId, object))!.appearedAt.toISOString() }));
  const report: ClusterDrift = { ...drift, objects, computing: false };
  // The JSON columns hold exactly the shapes lib/schemas/drift.ts describes; Prisma's input type cannot say so.
  const columns = {
    summary: summaryOf(report) as Prisma.InputJsonObject,
    report: report as unknown as Prisma.InputJsonObject,
    compared: computed.compared as unknown as Prisma.InputJsonArray,
    sides: computed.sides as unknown as Prisma.InputJsonObject,
    computedAt: new Date(report.computedAt ?? now),
    computingSince: null,
  };
  await db().driftReport.upsert({ where: { clusterId }, create: { clusterId, ...columns }, update: columns });
  return report;
}

function seenOf(object: DriftedObject) {
  return {
    fields: object.fields.map((field) => field.path),
    managers: [...new Set(object.fields.flatMap((field) => (field.manager ? [field.manager] : [])))],
  };
}

function newEpisode(clusterId: string, object: DriftedObject, now: Date) {
  return {
    clusterId,
    openKey: openKeyOf(clusterId, object),
    reconcilerKind: object.reconciler.kind,
    reconcilerNamespace: object.reconciler.namespace,
    reconcilerName: object.reconciler.name,
    apiVersion: object.apiVersion,
    kind: object.kind,
    namespace: object.namespace,
    name: object.name,
    change: object.change,
    ...seenOf(object),
    appearedAt: now,
  };
}
