import { z } from "zod";

/** The kinds as the API names them; the database's enum spells them with underscores. */
export const gitCredentialKinds = ["https-token", "https-basic", "ssh-key", "github-token", "github-app"] as const;
export type GitCredentialKindName = (typeof gitCredentialKinds)[number];

const name = z
  .string()
  .trim()
  .min(1, "Give the credential a name")
  .max(64, "Use at most 64 characters")
  .regex(/^[\w .@:/-]+$/, "Use letters, digits, spaces and . _ - @ : /");

const urlPattern = z
  .string()
  .trim()
  .min(1, "Say which repositories it is for: a host such as github.com, or a URL prefix")
  .max(500)
  .refine((value) => /^[a-z0-9.-]+(:\d+)?$/i.test(value) || /^(https?|ssh):\/\/[^\s]+$/i.test(value) || /^[\w.-]+@[\w.-]+:[^\s]*$/.test(value), {
    message: "Use a host (git.example.com) or an http, https or ssh URL prefix",
  })
  .refine((value) => !/^https?:\/\/[^/]*@/i.test(value), { message: "Leave the user name and password out of the URL; give them as fields" })
  .describe("A host (github.com: every repository on it) or a URL prefix (https://git.example.com/team/)");

const secretText = (what: string) => z.string().min(1, `Give the ${what}`).max(16_384);
const pem = (what: string) => secretText(what).refine((value) => value.includes("-----BEGIN "), { message: `The ${what} must be PEM or OpenSSH text (-----BEGIN …)` });
const caCert = pem("CA certificate").optional().describe("PEM bundle the HTTPS server's certificate must chain to, instead of the system's trust store");
const username = z.string().trim().min(1).max(256);
const numericId = (what: string) => z.string().trim().regex(/^\d{1,20}$/, `The ${what} is a number`);
const githubBaseUrl = z
  .url({ protocol: /^https?$/, error: "Give the GitHub API's base URL, e.g. https://github.example.com/api/v3" })
  .max(500)
  .optional()
  .describe("GitHub Enterprise's REST API base URL; https://api.github.com when absent");
const knownHosts = z
  .string()
  .trim()
  .min(1, "Give the server's host keys (known_hosts lines, e.g. from ssh-keyscan)")
  .max(65_536)
  .describe("known_hosts lines: SSH connections check the server's key strictly against them");

export const newGitCredentialInput = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("https-token"), name, urlPattern, token: secretText("token"), username: username.optional().describe("Sent with the token as HTTP basic auth; without one the token is a bearer token"), caCert }).strict(),
  z.object({ kind: z.literal("https-basic"), name, urlPattern, username, password: secretText("password"), caCert }).strict(),
  z.object({ kind: z.literal("ssh-key"), name, urlPattern, privateKey: pem("private key"), passphrase: z.string().min(1).max(1024).optional(), knownHosts }).strict(),
  z.object({ kind: z.literal("github-token"), name, urlPattern, token: secretText("token"), githubBaseUrl }).strict(),
  z.object({ kind: z.literal("github-app"), name, urlPattern, appId: numericId("App id"), installationId: numericId("installation id"), privateKey: pem("App's private key"), githubBaseUrl }).strict(),
]);
export type NewGitCredentialInput = z.input<typeof newGitCredentialInput>;

/**
 * Renames, re-scopes or rotates. A secret field (token, password, privateKey with its passphrase)
 * replaces the stored secret and keeps the id; the fields must fit the credential's kind.
 */
export const updateGitCredentialInput = z
  .object({
    name: name.optional(),
    urlPattern: urlPattern.optional(),
    username: username.optional(),
    token: secretText("token").optional(),
    password: secretText("password").optional(),
    privateKey: pem("private key").optional(),
    passphrase: z.string().min(1).max(1024).optional(),
    knownHosts: knownHosts.optional(),
    caCert: caCert.nullable(),
    githubBaseUrl: githubBaseUrl.nullable(),
    appId: numericId("App id").optional(),
    installationId: numericId("installation id").optional(),
  })
  .strict()
  .refine((input) => Object.keys(input).length > 0, { message: "Give at least one field to change" })
  .refine((input) => input.passphrase === undefined || input.privateKey !== undefined, { message: "A passphrase comes with the private key it unlocks", path: ["passphrase"] });
export type UpdateGitCredentialInput = z.input<typeof updateGitCredentialInput>;

export const testGitCredentialInput = z
  .object({
    url: z
      .string()
      .trim()
      .max(2000)
      .refine((value) => /^(https?|ssh):\/\/[^\s]+$/i.test(value) || /^[\w.-]+@[\w.-]+:[^\s]+$/.test(value), { message: "Give an http, https or ssh repository URL" })
      .refine((value) => !/^https?:\/\/[^/]*@/i.test(value), { message: "Leave credentials out of the URL" })
      .optional()
      .describe("HTTPS and SSH kinds: the repository to list with git ls-remote. GitHub kinds ignore it and ask the GitHub API"),
  })
  .strict();
export type TestGitCredentialInput = z.input<typeof testGitCredentialInput>;

export const gitCredentialParams = z.object({ id: z.uuid("Not a Git credential id") });

export const gitCredentialTestResult = z.object({
  ok: z.boolean(),
  testedAt: z.iso.datetime({ offset: true }),
  target: z.string().describe("The repository URL (without credentials) or GitHub API base URL that was asked"),
  reason: z.string().nullable().describe("Why it failed: authentication-failed, host-unreachable, host-key-mismatch, tls-failed, …"),
  message: z.string(),
});
export type GitCredentialTestResult = z.infer<typeof gitCredentialTestResult>;

/** A GitHub credential's API budget as GitHub's last answer to Syncline stated it. */
export const gitCredentialRateLimit = z.object({
  limit: z.number().int(),
  remaining: z.number().int(),
  resetAt: z.iso.datetime({ offset: true }),
  observedAt: z.iso.datetime({ offset: true }),
});
export type GitCredentialRateLimitDto = z.infer<typeof gitCredentialRateLimit>;

/** A credential as the API shows it: never its secret. */
export const gitCredential = z.object({
  id: z.uuid(),
  name: z.string(),
  kind: z.enum(gitCredentialKinds),
  urlPattern: z.string(),
  username: z.string().nullable(),
  githubBaseUrl: z.string().nullable(),
  appId: z.string().nullable(),
  installationId: z.string().nullable(),
  knownHosts: z.string().nullable(),
  hasCaCert: z.boolean(),
  fingerprint: z.string().describe("Recognises the secret without revealing it: an SSH or App key's SHA256 fingerprint, a token's last 4 characters; a password shows none of itself"),
  createdAt: z.iso.datetime({ offset: true }),
  updatedAt: z.iso.datetime({ offset: true }),
  rotatedAt: z.iso.datetime({ offset: true }).nullable(),
  lastTestedAt: z.iso.datetime({ offset: true }).nullable(),
  lastTestResult: gitCredentialTestResult.nullable(),
  rateLimit: gitCredentialRateLimit.nullable().describe("GitHub kinds: the remaining API budget; null before Syncline's first call with it, and for other kinds"),
});
export type GitCredentialDto = z.infer<typeof gitCredential>;

export const gitCredentialList = z.object({ items: z.array(gitCredential) });
