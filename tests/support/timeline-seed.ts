import { randomUUID } from "node:crypto";
import { db } from "@/lib/db/client";
import type { SyncPhase } from "@/lib/db/generated/client";

export const apps = { kind: "Kustomization", namespace: "flux-system", name: "apps" };
export const fleet = { kind: "GitRepository", namespace: "flux-system", name: "fleet" };

export const gitRevision = (sha: string) => `main@sha1:${sha}`;

/** A registered cluster row (never connected: these specs need only what the database holds). */
export async function clusterRow(prefix: string, labels: Record<string, string> = {}) {
  return db().cluster.create({
    data: { name: `${prefix}-${randomUUID().slice(0, 8)}`, server: "https://127.0.0.1:6443", context: "default", kubeconfigEncrypted: "sealed", labels },
  });
}

/** One sync step as the sync-history collector writes it: `fetched` by the source, the others by the reconciler. */
export async function syncStep(clusterId: string, url: string, phase: SyncPhase, sha: string, at: Date, message = "") {
  const object = phase === "fetched" ? fleet : apps;
  await db().syncRecord.create({
    data: {
      clusterId,
      ...object,
      sourceKind: fleet.kind,
      sourceNamespace: fleet.namespace,
      sourceName: fleet.name,
      sourceUrl: url,
      phase,
      revision: gitRevision(sha),
      message,
      at,
    },
  });
}
