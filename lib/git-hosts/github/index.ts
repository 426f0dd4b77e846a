export { memoryConditionalRequestCache, type CachedResponse, type ConditionalRequestCache } from "./conditional-request-cache";
export { createGitHubClient } from "./create-github-client";
export { githubApiBaseUrl } from "./github-api-base-url";
export type {
  AttributedCommit,
  CommitRange,
  GitHubAuth,
  GitHubClient,
  GitHubClientOptions,
  GitHubCommit,
  GitHubPerson,
  GitHubPullRequest,
  RepositoryRef,
} from "./github-client";
export { systemClock, type GitHubClock } from "./github-clock";
export { GitHubError, isGitHubError, type GitHubFailureReason } from "./github-error";
export { githubWebUrl } from "./github-web-url";
export { parseGitHubRepository, type GitHubRepository } from "./parse-github-repository";
export type { RateLimitBudget } from "./read-rate-limit";
