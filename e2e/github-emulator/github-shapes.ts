import { createHash } from "node:crypto";
import type { EmulatedCommit } from "./emulator-git";

/** Where the emulator's API and web pages live, as api.github.com and github.com do. */
export interface EmulatorUrls {
  api: string;
  web: string;
}

/** A stable numeric id per name, as GitHub gives every user, repository and pull request one. */
export function idOf(kind: string, name: string): number {
  return createHash("sha256").update(`${kind}:${name}`).digest().readUInt32BE(0) % 100_000_000;
}

function nodeId(kind: string, name: string): string {
  return Buffer.from(`${kind}:${idOf(kind, name)}`).toString("base64");
}

export function simpleUser(urls: EmulatorUrls, login: string) {
  const api = `${urls.api}/users/${login}`;
  return {
    login,
    id: idOf("user", login),
    node_id: nodeId("User", login),
    avatar_url: `${urls.web}/avatars/${login}`,
    gravatar_id: "",
    url: api,
    html_url: `${urls.web}/${login}`,
    followers_url: `${api}/followers`,
    following_url: `${api}/following{/other_user}`,
    gists_url: `${api}/gists{/gist_id}`,
    starred_url: `${api}/starred{/owner}{/repo}`,
    subscriptions_url: `${api}/subscriptions`,
    organizations_url: `${api}/orgs`,
    repos_url: `${api}/repos`,
    events_url: `${api}/events{/privacy}`,
    received_events_url: `${api}/received_events`,
    type: "User",
    site_admin: false,
  };
}

export function repository(urls: EmulatorUrls, owner: string, repo: string) {
  const full = `${owner}/${repo}`;
  const api = `${urls.api}/repos/${full}`;
  const html = `${urls.web}/${full}`;
  const created = "2024-01-01T00:00:00Z";
  return {
    id: idOf("repo", full),
    node_id: nodeId("Repository", full),
    name: repo,
    full_name: full,
    owner: simpleUser(urls, owner),
    private: false,
    html_url: html,
    description: null,
    fork: false,
    url: api,
    archive_url: `${api}/{archive_format}{/ref}`,
    assignees_url: `${api}/assignees{/user}`,
    blobs_url: `${api}/git/blobs{/sha}`,
    branches_url: `${api}/branches{/branch}`,
    collaborators_url: `${api}/collaborators{/collaborator}`,
    comments_url: `${api}/comments{/number}`,
    commits_url: `${api}/commits{/sha}`,
    compare_url: `${api}/compare/{base}...{head}`,
    contents_url: `${api}/contents/{+path}`,
    contributors_url: `${api}/contributors`,
    deployments_url: `${api}/deployments`,
    downloads_url: `${api}/downloads`,
    events_url: `${api}/events`,
    forks_url: `${api}/forks`,
    git_commits_url: `${api}/git/commits{/sha}`,
    git_refs_url: `${api}/git/refs{/sha}`,
    git_tags_url: `${api}/git/tags{/sha}`,
    git_url: `${html.replace(/^https?/, "git")}.git`,
    issue_comment_url: `${api}/issues/comments{/number}`,
    issue_events_url: `${api}/issues/events{/number}`,
    issues_url: `${api}/issues{/number}`,
    keys_url: `${api}/keys{/key_id}`,
    labels_url: `${api}/labels{/name}`,
    languages_url: `${api}/languages`,
    merges_url: `${api}/merges`,
    milestones_url: `${api}/milestones{/number}`,
    notifications_url: `${api}/notifications{?since,all,participating}`,
    pulls_url: `${api}/pulls{/number}`,
    releases_url: `${api}/releases{/id}`,
    ssh_url: `git@${new URL(urls.web).hostname}:${full}.git`,
    stargazers_url: `${api}/stargazers`,
    statuses_url: `${api}/statuses/{sha}`,
    subscribers_url: `${api}/subscribers`,
    subscription_url: `${api}/subscription`,
    tags_url: `${api}/tags`,
    teams_url: `${api}/teams`,
    trees_url: `${api}/git/trees{/sha}`,
    clone_url: `${html}.git`,
    mirror_url: null,
    hooks_url: `${api}/hooks`,
    svn_url: html,
    homepage: null,
    language: null,
    forks_count: 0,
    forks: 0,
    stargazers_count: 0,
    watchers_count: 0,
    watchers: 0,
    size: 0,
    default_branch: "main",
    open_issues_count: 0,
    open_issues: 0,
    has_issues: true,
    has_projects: false,
    has_wiki: false,
    has_pages: false,
    has_downloads: false,
    archived: false,
    disabled: false,
    license: null,
    pushed_at: created,
    created_at: created,
    updated_at: created,
  };
}

/** GitHub's `commit` shape; `loginOf` maps an email to the account GitHub would link it to. */
export function commitObject(urls: EmulatorUrls, owner: string, repo: string, commit: EmulatedCommit, loginOf: (email: string) => string | undefined) {
  const api = `${urls.api}/repos/${owner}/${repo}`;
  const html = `${urls.web}/${owner}/${repo}`;
  const account = (email: string) => {
    const login = loginOf(email);
    return login ? simpleUser(urls, login) : null;
  };
  return {
    sha: commit.sha,
    node_id: nodeId("Commit", commit.sha),
    url: `${api}/commits/${commit.sha}`,
    html_url: `${html}/commit/${commit.sha}`,
    comments_url: `${api}/commits/${commit.sha}/comments`,
    commit: {
      url: `${api}/git/commits/${commit.sha}`,
      author: commit.author,
      committer: commit.committer,
      message: commit.message,
      comment_count: 0,
      tree: { sha: commit.tree, url: `${api}/git/trees/${commit.tree}` },
      verification: { verified: false, reason: "unsigned", signature: null, payload: null, verified_at: null },
    },
    author: account(commit.author.email),
    committer: account(commit.committer.email),
    parents: commit.parents.map((sha) => ({ sha, url: `${api}/commits/${sha}`, html_url: `${html}/commit/${sha}` })),
  };
}

/** What a test says about a merged pull request; the rest is derived from the repository. */
export interface PullRequestSeed {
  number: number;
  title: string;
  /** Login of whoever merged it. */
  mergedBy: string;
  /** The merge (or squash) commit on the base branch. */
  mergeCommitSha: string;
  htmlUrl?: string;
  author?: string;
  headRef?: string;
  baseRef?: string;
}

export interface PullRequestFacts {
  seed: PullRequestSeed;
  headSha: string;
  baseSha: string;
  mergedAt: string;
  createdAt: string;
  commitCount: number;
}

export function pullRequestSimple(urls: EmulatorUrls, owner: string, repo: string, facts: PullRequestFacts) {
  const { seed } = facts;
  const api = `${urls.api}/repos/${owner}/${repo}`;
  const html = seed.htmlUrl ?? `${urls.web}/${owner}/${repo}/pull/${seed.number}`;
  const author = simpleUser(urls, seed.author ?? seed.mergedBy);
  const repoObject = repository(urls, owner, repo);
  const branch = (ref: string, sha: string) => ({ label: `${owner}:${ref}`, ref, sha, user: simpleUser(urls, owner), repo: repoObject });
  const link = (href: string) => ({ href });
  return {
    url: `${api}/pulls/${seed.number}`,
    id: idOf("pull", `${owner}/${repo}#${seed.number}`),
    node_id: nodeId("PullRequest", `${owner}/${repo}#${seed.number}`),
    html_url: html,
    diff_url: `${html}.diff`,
    patch_url: `${html}.patch`,
    issue_url: `${api}/issues/${seed.number}`,
    commits_url: `${api}/pulls/${seed.number}/commits`,
    review_comments_url: `${api}/pulls/${seed.number}/comments`,
    review_comment_url: `${api}/pulls/comments{/number}`,
    comments_url: `${api}/issues/${seed.number}/comments`,
    statuses_url: `${api}/statuses/${facts.headSha}`,
    number: seed.number,
    state: "closed",
    locked: false,
    title: seed.title,
    user: author,
    body: null,
    labels: [],
    milestone: null,
    active_lock_reason: null,
    created_at: facts.createdAt,
    updated_at: facts.mergedAt,
    closed_at: facts.mergedAt,
    merged_at: facts.mergedAt,
    merge_commit_sha: seed.mergeCommitSha,
    assignee: null,
    assignees: [],
    requested_reviewers: [],
    requested_teams: [],
    head: branch(seed.headRef ?? `pr-${seed.number}`, facts.headSha),
    base: branch(seed.baseRef ?? "main", facts.baseSha),
    _links: {
      self: link(`${api}/pulls/${seed.number}`),
      html: link(html),
      issue: link(`${api}/issues/${seed.number}`),
      comments: link(`${api}/issues/${seed.number}/comments`),
      review_comments: link(`${api}/pulls/${seed.number}/comments`),
      review_comment: link(`${api}/pulls/comments{/number}`),
      commits: link(`${api}/pulls/${seed.number}/commits`),
      statuses: link(`${api}/statuses/${facts.headSha}`),
    },
    author_association: "MEMBER",
    auto_merge: null,
    draft: false,
  };
}

export function pullRequestFull(urls: EmulatorUrls, owner: string, repo: string, facts: PullRequestFacts) {
  return {
    ...pullRequestSimple(urls, owner, repo, facts),
    merged: true,
    mergeable: null,
    rebaseable: null,
    mergeable_state: "unknown",
    merged_by: simpleUser(urls, facts.seed.mergedBy),
    comments: 0,
    review_comments: 0,
    maintainer_can_modify: false,
    commits: facts.commitCount,
    additions: 0,
    deletions: 0,
    changed_files: 0,
  };
}
