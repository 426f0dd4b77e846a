import { db } from "../db/client";
import { findGitCredentialForUrl } from "../git-credentials";
import { enrichFromGitHub } from "./enrich-from-github";
import { githubRepositoryOf } from "./github-repository-of";

// Per run and repository: each commit costs GitHub requests of its own without a range.
const BATCH = 50;

/**
 * Retries GitHub's details for commits stored while GitHub could not answer (a spent budget, an
 * outage): the newest first, a bounded batch per repository and run. Returns how many repositories were asked.
 */
export async function enrichPendingCommits(): Promise<number> {
  const repositories = await db().sourceRepository.findMany({ where: { webUrl: { not: null }, commits: { some: { enrichedAt: null } } } });
  let asked = 0;
  for (const repository of repositories) {
    const credential = await findGitCredentialForUrl(repository.url);
    const location = githubRepositoryOf(repository.url, credential);
    if (!credential || credential.githubBaseUrl === undefined || !location) continue;
    const pending = await db().commit.findMany({ where: { repositoryId: repository.id, enrichedAt: null }, orderBy: { committedAt: "desc" }, take: BATCH, select: { sha: true } });
    await enrichFromGitHub(repository.id, location, credential, pending.map((c) => c.sha));
    asked += 1;
  }
  return asked;
}
