import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gitClient, GitError, safeUrl, type GitClient } from "../git";
import type { KubeClient } from "../k8s/client";
import type { FluxObject } from "../k8s/resources";
import type { SourceCheckout } from "./drift-context";
import { parseFluxRevision } from "./parse-flux-revision";
import { sourceCredentials } from "./source-credentials";

/**
 * DriftContext.checkout: the GitRepository's tree at `revision` (any Flux revision form), from the
 * cached clone, fetched with the GitRepository's own credentials only when the commit is missing,
 * written to a fresh temporary folder that dispose() removes.
 */
export async function checkoutSource(client: KubeClient, gitRepository: FluxObject, revision: string, git: GitClient = gitClient(), signal?: AbortSignal): Promise<SourceCheckout> {
  const url = String(gitRepository.spec?.url ?? "");
  const { sha } = parseFluxRevision(revision);
  if (!sha) throw new GitError({ reason: "unknown-commit", url: safeUrl(url), message: `unknown commit: "${revision}" names no Git commit` });
  await git.ensureCommit(url, sha, await sourceCredentials(client, gitRepository, signal), signal);
  const dir = await mkdtemp(join(tmpdir(), "syncline-checkout-"));
  const dispose = () => rm(dir, { recursive: true, force: true });
  try {
    await git.exportTree(url, sha, dir, signal);
  } catch (error) {
    await dispose();
    throw error;
  }
  return { dir, dispose };
}
