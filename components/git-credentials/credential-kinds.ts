import type { GitCredentialDto, GitCredentialKindName } from "@/lib/schemas/git-credentials";

/** A form field of a credential beyond its name and URL pattern. */
export interface CredentialFieldSpec {
  key: "token" | "username" | "password" | "caCert" | "privateKey" | "passphrase" | "knownHosts" | "githubBaseUrl" | "appId" | "installationId";
  label: string;
  /** Part of the secret: write-only, never shown again, replaced by a rotation. */
  secret?: boolean;
  optional?: boolean;
  multiline?: boolean;
  hint?: string;
  placeholder?: string;
}

export const kindLabels: Record<GitCredentialKindName, string> = {
  "https-token": "HTTPS token",
  "https-basic": "HTTPS user and password",
  "ssh-key": "SSH key",
  "github-token": "GitHub token",
  "github-app": "GitHub App",
};

/** A password shows none of itself: its placeholder fingerprint says nothing worth showing. */
export const showsFingerprint = (credential: GitCredentialDto) => credential.kind !== "https-basic" && credential.fingerprint !== "";

export const isGithubKind = (kind: GitCredentialKindName) => kind === "github-token" || kind === "github-app";

const caCert: CredentialFieldSpec = {
  key: "caCert",
  label: "CA certificate (optional)",
  optional: true,
  multiline: true,
  hint: "PEM bundle the server's certificate must chain to, for a server with its own CA",
  placeholder: "-----BEGIN CERTIFICATE-----",
};
const githubBaseUrl: CredentialFieldSpec = {
  key: "githubBaseUrl",
  label: "GitHub Enterprise API URL (optional)",
  optional: true,
  hint: "Leave empty for github.com",
  placeholder: "https://github.example.com/api/v3",
};

export const kindFields: Record<GitCredentialKindName, CredentialFieldSpec[]> = {
  "https-token": [
    { key: "token", label: "Token", secret: true },
    { key: "username", label: "User name (optional)", optional: true, hint: "Sent with the token as basic auth; without one the token is a bearer token" },
    caCert,
  ],
  "https-basic": [{ key: "username", label: "User name" }, { key: "password", label: "Password", secret: true }, caCert],
  "ssh-key": [
    { key: "privateKey", label: "Private key", secret: true, multiline: true, placeholder: "-----BEGIN OPENSSH PRIVATE KEY-----" },
    { key: "passphrase", label: "Passphrase (optional)", secret: true, optional: true, hint: "Only if the key is encrypted" },
    {
      key: "knownHosts",
      label: "Known hosts",
      multiline: true,
      hint: "The server's host keys; connections to any other key are refused. ssh-keyscan <host> prints them",
      placeholder: "git.example.com ssh-ed25519 AAAA…",
    },
  ],
  "github-token": [{ key: "token", label: "Token", secret: true, hint: "A fine-grained or classic personal access token" }, githubBaseUrl],
  "github-app": [
    { key: "appId", label: "App id", placeholder: "123456" },
    { key: "installationId", label: "Installation id", placeholder: "7890123" },
    { key: "privateKey", label: "App private key", secret: true, multiline: true, placeholder: "-----BEGIN RSA PRIVATE KEY-----" },
    githubBaseUrl,
  ],
};

export const urlPatternPlaceholder: Record<GitCredentialKindName, string> = {
  "https-token": "git.example.com or https://git.example.com/team/",
  "https-basic": "git.example.com or https://git.example.com/team/",
  "ssh-key": "ssh://git@git.example.com/team/",
  "github-token": "github.com",
  "github-app": "https://github.com/my-org/",
};
