export { clusterSourceCredentials } from "./cluster-source-credentials";
export { compareRevisions, type RevisionComparison } from "./compare-revisions";
export { enrichPendingCommits } from "./enrich-pending-commits";
export { githubRepositoryOf, type GitHubLocation } from "./github-repository-of";
export { readCommits, recordRepositoryFailure, type ReadCommitsOptions, type ReadCommitsResult } from "./read-commits";
export { registerSourceRepository } from "./register-source-repository";
export { registerStoreRepositories } from "./register-store-repositories";
export { nextRetryAt } from "./repository-backoff";
export { toCommitDto } from "./to-commit-dto";
