import { db } from "../db/client";
import type { SourceRepository } from "../db/generated/client";
import { safeUrl } from "../git";
import { findGitCredentialForUrl } from "../git-credentials";
import { githubRepositoryOf } from "./github-repository-of";

/**
 * The SourceRepository row for a Git URL, made on first sight: one row per URL without
 * credentials, however many clusters and sources point at it. The web URL is kept current, since
 * a GitHub credential added later is what makes a GitHub Enterprise host known.
 */
export async function registerSourceRepository(url: string): Promise<SourceRepository> {
  const safe = safeUrl(url.trim());
  const webUrl = githubRepositoryOf(safe, await findGitCredentialForUrl(safe))?.webUrl ?? null;
  const known = await db().sourceRepository.findUnique({ where: { url: safe } });
  if (known?.webUrl === webUrl) return known;
  return db().sourceRepository.upsert({ where: { url: safe }, create: { url: safe, webUrl }, update: { webUrl } });
}
