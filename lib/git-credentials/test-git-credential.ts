import type { Actor } from "../auth/actor";
import { recordAuditEvent, type RequestOrigin } from "../audit";
import { db } from "../db/client";
import { AppError } from "../errors/app-error";
import { gitClient, isGitError, isSshUrl, safeUrl } from "../git";
import { testGitCredentialInput, type GitCredentialTestResult, type TestGitCredentialInput } from "../schemas/git-credentials";
import { checkGithubCredential } from "./check-github-credential";
import { describeGithubFailure } from "./describe-github-failure";
import { getGitCredentialOrThrow } from "./get-git-credential-or-throw";
import { openGitCredentialSecret } from "./git-credential-secret";
import { gitCredentialAuditTarget } from "./git-credential-audit-view";
import { GITHUB_API } from "./github-octokit";
import { toGitCredentials } from "./to-git-credentials";

/**
 * Tries a credential for real: HTTPS and SSH kinds list `url`'s HEAD through the Git client
 * (git ls-remote), GitHub kinds ask the GitHub API at the credential's base URL. A server that
 * refuses or cannot be reached is an answer (`ok: false` with the reason), not an error. The
 * answer is kept as the credential's last test and audited; neither holds the secret.
 */
export async function testGitCredential(id: string, input: TestGitCredentialInput, actor: Actor, origin?: RequestOrigin): Promise<GitCredentialTestResult> {
  const { url } = testGitCredentialInput.parse(input);
  const row = await getGitCredentialOrThrow(id);
  const github = row.kind === "github_token" || row.kind === "github_app";
  let result: Omit<GitCredentialTestResult, "testedAt">;
  if (github) {
    const baseUrl = row.githubBaseUrl ?? GITHUB_API;
    result = await checkGithubCredential(row, openGitCredentialSecret(row.secretEncrypted)).then(
      () => ({ ok: true, target: baseUrl, reason: null, message: `GitHub at ${baseUrl} accepted the credential` }),
      (error: unknown) => ({ ok: false, target: baseUrl, ...describeGithubFailure(error, baseUrl) }),
    );
  } else {
    if (!url) throw new AppError("validation_failed", "Give the URL of a repository to test the credential against", [{ path: "url", message: "Required for this kind" }]);
    const wantsSsh = row.kind === "ssh_key";
    if (isSshUrl(url) !== wantsSsh) {
      const message = wantsSsh ? "An SSH key is tested against an ssh:// or user@host:path URL" : "An HTTPS credential is tested against an http:// or https:// URL";
      throw new AppError("validation_failed", message, [{ path: "url", message }]);
    }
    const target = safeUrl(url);
    result = await gitClient()
      .listRemoteRefs(url, ["HEAD"], await toGitCredentials(row))
      .then(
        () => ({ ok: true, target, reason: null, message: `${target} accepted the credential` }),
        (error: unknown) => {
          if (!isGitError(error)) throw error;
          return { ok: false, target, reason: error.reason, message: error.message };
        },
      );
  }
  const tested: GitCredentialTestResult = { ...result, testedAt: new Date().toISOString() };
  await db().gitCredential.update({ where: { id }, data: { lastTestedAt: new Date(tested.testedAt), lastTestResult: tested } });
  await recordAuditEvent({ actor, action: "git_credential.test", target: gitCredentialAuditTarget(row.name), after: tested, outcome: tested.ok ? "success" : "failure", origin });
  return tested;
}
