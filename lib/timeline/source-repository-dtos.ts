import { db } from "../db/client";
import type { SourceRepository } from "../db/generated/client";
import { safeUrl } from "../git";
import { urlPatternMatchLength } from "../git-credentials";
import { inventory } from "../inventory";
import { GitRepository } from "../k8s/resources";
import type { RateLimitBudgetDto, SourceRepositoryDto } from "../schemas/timeline";

interface StoredBudget {
  limit?: number;
  remaining?: number;
  resetAt?: string;
}

/** The Flux GitRepositories in the store that point at each URL, per cluster. */
function sourcesByUrl(): Map<string, SourceRepositoryDto["clusters"]> {
  const store = inventory().store;
  const byUrl = new Map<string, SourceRepositoryDto["clusters"]>();
  for (const clusterId of store.clusterIds()) {
    const name = store.record(clusterId)?.name ?? clusterId;
    for (const object of store.objects(clusterId, GitRepository.kind)) {
      const url = (object.spec as { url?: unknown } | undefined)?.url;
      if (typeof url !== "string") continue;
      const clusters = byUrl.get(safeUrl(url.trim())) ?? [];
      let entry = clusters.find((c) => c.id === clusterId);
      if (!entry) clusters.push((entry = { id: clusterId, name, sources: [] }));
      entry.sources.push({ kind: GitRepository.kind, namespace: object.metadata.namespace ?? "", name: object.metadata.name });
      byUrl.set(safeUrl(url.trim()), clusters);
    }
  }
  return byUrl;
}

/**
 * Repositories as the API serves them: their host, whether their commits could be read, the
 * GitHub budget of the credential that covers them, the clusters whose sources point at them and
 * their last deployment. Read from the database and the store only; nothing asks a Git host.
 */
export async function sourceRepositoryDtos(rows: SourceRepository[]): Promise<SourceRepositoryDto[]> {
  if (rows.length === 0) return [];
  const credentials = await db().gitCredential.findMany({ where: { rateLimitAt: { not: null } }, select: { name: true, urlPattern: true, rateLimit: true, rateLimitAt: true } });
  // One max per repository, each read off the (repositoryId, appliedAt) index rather than grouping every deployment.
  const lastDeployed = await db().$queryRaw<Array<{ id: string; at: Date | null }>>`
    SELECT r.id::text AS "id", (SELECT max(d."appliedAt") FROM "Deployment" d WHERE d."repositoryId" = r.id) AS "at"
    FROM unnest(${rows.map((r) => r.id)}::uuid[]) AS r(id)`;
  const lastByRepository = new Map(lastDeployed.map((row) => [row.id, row.at]));
  const sources = sourcesByUrl();
  return rows.map((row) => {
    const covering = credentials
      .map((credential) => ({ credential, length: urlPatternMatchLength(credential.urlPattern, row.url) }))
      .filter((c) => c.length >= 0 && c.credential.rateLimit && c.credential.rateLimitAt)
      .sort((a, b) => b.length - a.length)[0]?.credential;
    const budget = covering?.rateLimit as StoredBudget | undefined;
    const rateLimit: RateLimitBudgetDto | null =
      covering && budget?.limit !== undefined && budget.remaining !== undefined && budget.resetAt
        ? { credentialName: covering.name, limit: budget.limit, remaining: budget.remaining, resetAt: budget.resetAt, observedAt: covering.rateLimitAt!.toISOString() }
        : null;
    return {
      id: row.id,
      url: row.url,
      webUrl: row.webUrl,
      host: row.webUrl ? "github" : "git",
      lastFetchedAt: row.lastFetchedAt?.toISOString() ?? null,
      commitDetails: row.lastError ? { state: "unavailable", message: row.lastError } : { state: "available", message: null },
      rateLimit,
      clusters: sources.get(row.url) ?? [],
      lastDeployedAt: lastByRepository.get(row.id)?.toISOString() ?? null,
    };
  });
}
