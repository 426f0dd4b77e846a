export { isAncestor, parseCommitHistory, readCommitHistory, type GitCommit } from "./commit-history";
export { createGitClient, gitClient, type GitClient, type GitClientOptions } from "./client";
export { noCredentials, type GitCredentials } from "./git-credentials";
export { GitError, gitError, isGitError, type GitFailureReason } from "./git-error";
export { highestMatchingTag } from "./highest-matching-tag";
export { isSshUrl, safeUrl } from "./safe-url";
