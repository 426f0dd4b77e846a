export { addGitCredential } from "./add-git-credential";
export { listGitCredentials } from "./list-git-credentials";
export { updateGitCredential } from "./update-git-credential";
export { removeGitCredential } from "./remove-git-credential";
export { testGitCredential } from "./test-git-credential";
export { openGitCredential } from "./open-git-credential";
export { findGitCredentialForUrl, urlPatternMatchLength, type GitHubAccess, type MatchedGitCredential } from "./find-git-credential-for-url";
