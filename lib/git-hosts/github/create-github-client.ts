import type { Octokit } from "octokit";
import { memoryConditionalRequestCache } from "./conditional-request-cache";
import { createGitHubOctokit } from "./create-github-octokit";
import { systemClock } from "./github-clock";
import type { AttributedCommit, CommitRange, GitHubClient, GitHubClientOptions, GitHubCommit, GitHubPerson, GitHubPullRequest, RepositoryRef } from "./github-client";
import { githubWebUrl } from "./github-web-url";
import type { RateLimitBudget } from "./read-rate-limit";
import { wrapGitHubRequests } from "./wrap-github-requests";

const PAGE_SIZE = 100;
const DEFAULT_MAX_RATE_LIMIT_WAIT_MS = 15 * 60_000;

type CompareData = Awaited<ReturnType<Octokit["rest"]["repos"]["compareCommitsWithBasehead"]>>["data"];
type CompareCommit = CompareData["commits"][number];
type AssociatedPullRequest = Awaited<ReturnType<Octokit["rest"]["repos"]["listPullRequestsAssociatedWithCommit"]>>["data"][number];

/**
 * A GitHub client for one host and one identity. Requests go one at a time, as GitHub asks of
 * integrations to stay clear of secondary rate limits.
 */
export function createGitHubClient(options: GitHubClientOptions): GitHubClient {
  const baseUrl = (options.baseUrl ?? "https://api.github.com").replace(/\/+$/, "");
  const webUrl = githubWebUrl(baseUrl);
  const secrets = options.auth.kind === "token" ? [options.auth.token] : [options.auth.privateKey];
  let budget: RateLimitBudget | undefined;
  const policy = {
    cache: options.cache ?? memoryConditionalRequestCache(),
    clock: options.clock ?? systemClock,
    maxRateLimitWaitMs: options.maxRateLimitWaitMs ?? DEFAULT_MAX_RATE_LIMIT_WAIT_MS,
    secrets,
    onRateLimit(next: RateLimitBudget) {
      if (next.resource === "core") budget = next;
    },
  };
  let octokit: Promise<Octokit> | undefined;
  const client = () =>
    (octokit ??= createGitHubOctokit(baseUrl, options.auth).then((created) => {
      wrapGitHubRequests(created, policy);
      return created;
    }));

  async function compareCommits({ owner, repo }: RepositoryRef, base: string, head: string): Promise<CommitRange> {
    const api = await client();
    const commits: CompareCommit[] = [];
    for (let page = 1; ; page++) {
      const { data } = await api.rest.repos.compareCommitsWithBasehead({ owner, repo, basehead: `${base}...${head}`, per_page: PAGE_SIZE, page });
      commits.push(...data.commits);
      if (data.commits.length < PAGE_SIZE || commits.length >= data.total_commits) {
        return { status: data.status, aheadBy: data.ahead_by, behindBy: data.behind_by, commits: commits.map(toCommit).reverse() };
      }
    }
  }

  async function pullRequestOf(repository: RepositoryRef, sha: string, known = new Map<number, GitHubPullRequest>()): Promise<GitHubPullRequest | null> {
    const api = await client();
    const { data } = await api.rest.repos.listPullRequestsAssociatedWithCommit({ ...repository, commit_sha: sha, per_page: PAGE_SIZE });
    const chosen = bringingPullRequest(data, sha);
    if (!chosen) return null;
    const seen = known.get(chosen.number);
    if (seen) return seen;
    // The list's shape has no merged_by; the pull request itself does.
    const { data: pull } = await api.rest.pulls.get({ ...repository, pull_number: chosen.number });
    const pullRequest: GitHubPullRequest = {
      number: pull.number,
      title: pull.title,
      webUrl: pull.html_url,
      mergedAt: pull.merged_at,
      mergeCommitSha: pull.merge_commit_sha,
      mergedBy: pull.merged_by?.login ?? null,
    };
    known.set(pull.number, pullRequest);
    return pullRequest;
  }

  async function attributedCommits(repository: RepositoryRef, base: string, head: string): Promise<AttributedCommit[]> {
    const range = await compareCommits(repository, base, head);
    const known = new Map<number, GitHubPullRequest>();
    const attributed: AttributedCommit[] = [];
    for (const commit of range.commits) attributed.push({ ...commit, pullRequest: await pullRequestOf(repository, commit.sha, known) });
    return attributed;
  }

  return {
    compareCommits,
    pullRequestOf: (repository, sha) => pullRequestOf(repository, sha),
    attributedCommits,
    commitUrl: ({ owner, repo }, sha) => `${webUrl}/${owner}/${repo}/commit/${sha}`,
    pullRequestUrl: ({ owner, repo }, number) => `${webUrl}/${owner}/${repo}/pull/${number}`,
    rateLimit: () => budget,
  };
}

/**
 * The merged pull request that brought `sha` in: the one it is the merge commit of, else the
 * earliest merged (a later one, such as a release branch merged onward, only carried it along).
 */
function bringingPullRequest(pulls: AssociatedPullRequest[], sha: string): AssociatedPullRequest | undefined {
  const merged = pulls.filter((pull) => pull.merged_at !== null);
  return merged.find((pull) => pull.merge_commit_sha === sha) ?? merged.sort((a, b) => Date.parse(a.merged_at ?? "") - Date.parse(b.merged_at ?? ""))[0];
}

function toCommit(commit: CompareCommit): GitHubCommit {
  return {
    sha: commit.sha,
    message: commit.commit.message,
    author: person(commit.commit.author, commit.author?.login),
    committer: person(commit.commit.committer, commit.committer?.login),
    parents: commit.parents.map((parent) => parent.sha),
    webUrl: commit.html_url,
  };
}

function person(signature: { name?: string; email?: string; date?: string } | null, login: string | undefined): GitHubPerson {
  return { name: signature?.name ?? "", email: signature?.email ?? "", date: signature?.date ?? "", login: login ?? null };
}
