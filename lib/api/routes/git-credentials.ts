import {
  gitCredential,
  gitCredentialList,
  gitCredentialParams,
  gitCredentialTestResult,
  newGitCredentialInput,
  testGitCredentialInput,
  updateGitCredentialInput,
} from "../../schemas/git-credentials";
import { declareRoute } from "../declare-route";

// The one Git credential store, shared by the timelines and the sources. No answer ever holds a secret.

export const listGitCredentialsRoute = declareRoute({
  method: "get",
  path: "/api/git-credentials",
  summary: "Stored Git credentials, by name: what each is for and a fingerprint of its secret, never the secret",
  permission: "read",
  response: gitCredentialList,
});

export const addGitCredentialRoute = declareRoute({
  method: "post",
  path: "/api/git-credentials",
  summary: "Store a Git credential, its secret encrypted: an HTTPS token or user and password, an SSH key with known_hosts, a GitHub token or App (admins only)",
  permission: "git.credentials.manage",
  body: newGitCredentialInput,
  maxBodyBytes: 128 * 1024,
  response: gitCredential,
  status: 201,
  errors: [409],
});

export const updateGitCredentialRoute = declareRoute({
  method: "patch",
  path: "/api/git-credentials/{id}",
  summary: "Rename, re-scope or rotate a Git credential; rotating replaces the secret and keeps the id (admins only)",
  permission: "git.credentials.manage",
  params: gitCredentialParams,
  body: updateGitCredentialInput,
  maxBodyBytes: 128 * 1024,
  response: gitCredential,
  errors: [404, 409],
});

export const removeGitCredentialRoute = declareRoute({
  method: "delete",
  path: "/api/git-credentials/{id}",
  summary: "Remove a Git credential (admins only); refused with 409 while a GitOps source uses it",
  permission: "git.credentials.manage",
  params: gitCredentialParams,
  response: gitCredential,
  errors: [404, 409],
});

export const testGitCredentialRoute = declareRoute({
  method: "post",
  path: "/api/git-credentials/{id}/test",
  summary: "Try a Git credential: git ls-remote of a repository for HTTPS and SSH kinds, the GitHub API for GitHub kinds. A refusal is an answer with ok false and the reason",
  permission: "git.credentials.test",
  params: gitCredentialParams,
  body: testGitCredentialInput,
  maxBodyBytes: 4096,
  response: gitCredentialTestResult,
  errors: [404],
});

export const gitCredentialRoutes = [listGitCredentialsRoute, addGitCredentialRoute, updateGitCredentialRoute, removeGitCredentialRoute, testGitCredentialRoute];
