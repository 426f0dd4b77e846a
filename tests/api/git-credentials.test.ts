import { execFileSync } from "node:child_process";
import { generateKeyPairSync, randomUUID } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLoopbackServingPki } from "@/e2e/sandbox/certs";
import { startHttpsGitServer, type GitServer } from "@/e2e/sandbox/git-server";
import { ProcessGroupRegistry, stopProcess } from "@/e2e/sandbox/processes";
import { startSshGitServer, type SshGitServer } from "@/e2e/sandbox/ssh-git-server";
import { DELETE as removeCredential, PATCH as updateCredential } from "@/app/api/git-credentials/[id]/route";
import { POST as testCredential } from "@/app/api/git-credentials/[id]/test/route";
import { GET as listCredentials, POST as addCredential } from "@/app/api/git-credentials/route";
import { db } from "@/lib/db/client";
import { openGitCredential } from "@/lib/git-credentials";
import { call } from "../support/http";
import { newUser } from "../support/users";

// Audit rows carry a BigInt sequence number, which JSON.stringify refuses.
const asText = (value: unknown) => JSON.stringify(value, (_key, v: unknown) => (typeof v === "bigint" ? String(v) : v));
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const unique = (prefix: string) => `${prefix}-${randomUUID().slice(0, 8)}`;
const auditsOf = (name: string) => db().auditEvent.findMany({ where: { targetKind: "GitCredential", targetName: name }, orderBy: { seq: "asc" } });

const work = mkdtempSync(join(tmpdir(), "syncline-git-credentials-"));
const run = (cwd: string, command: string, args: string[]) =>
  execFileSync(command, args, { cwd, encoding: "utf8", env: { ...process.env, HOME: work, GIT_CONFIG_NOSYSTEM: "1", GIT_CONFIG_GLOBAL: "/dev/null" } });

/** An SSH key as ssh-keygen writes it, with the fingerprint ssh-keygen reports for it. */
function sshKey(passphrase = "") {
  const file = join(work, `key-${randomUUID().slice(0, 8)}`);
  run(work, "ssh-keygen", ["-q", "-t", "ed25519", "-N", passphrase, "-C", "test", "-f", file]);
  const fingerprint = run(work, "ssh-keygen", ["-l", "-E", "sha256", "-f", `${file}.pub`]).split(" ")[1]!;
  return { privateKey: readFileSync(file, "utf8"), publicKey: readFileSync(`${file}.pub`, "utf8"), fingerprint };
}

const KNOWN_HOSTS = "git.example.com ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl";

let admin: { headers: Record<string, string> };
let operator: { headers: Record<string, string> };
let viewer: { headers: Record<string, string> };
let gitServer: GitServer;
let sshServer: SshGitServer;
let caCert: string;
const GIT_USER = "deployer";
const GIT_PASSWORD = `pw-${randomUUID()}`;

beforeAll(async () => {
  admin = { headers: bearer(await (await newUser("admin")).token()) };
  operator = { headers: bearer(await (await newUser("operator")).token()) };
  viewer = { headers: bearer(await (await newUser("viewer")).token()) };
  // A real Git server over HTTPS with basic auth and a CA of its own, serving one repository with a commit.
  const root = join(work, "repos");
  run(work, "git", ["init", "--quiet", "--initial-branch=main", join(work, "seed")]);
  run(join(work, "seed"), "git", ["-c", "user.name=Test", "-c", "user.email=t@example.com", "commit", "--quiet", "--allow-empty", "-m", "first"]);
  run(work, "git", ["clone", "--quiet", "--bare", join(work, "seed"), join(root, "fleet.git")]);
  const pki = createLoopbackServingPki(join(work, "pki"), "git");
  caCert = readFileSync(pki.caCert, "utf8");
  gitServer = await startHttpsGitServer(root, { username: GIT_USER, password: GIT_PASSWORD, cert: pki.servingCert, key: pki.servingKey });
  // The same repository over SSH, from Debian's sshd on a loopback port, as the sandbox serves it.
  sshServer = await startSshGitServer(root, join(work, "ssh"), new ProcessGroupRegistry(join(work, "process-groups")));
});

afterAll(async () => {
  await gitServer?.close();
  if (sshServer) await stopProcess(sshServer.process);
  rmSync(work, { recursive: true, force: true });
});

describe("the Git credential store", () => {
  it("adds, lists, rotates and removes a credential, keeping its id, sealing its secret and auditing each change without it", async () => {
    const name = unique("gitlab-token");
    const token = `glpat-${randomUUID()}`;
    const added = await call(addCredential, { method: "POST", headers: admin.headers, body: { kind: "https-token", name, urlPattern: "https://gitlab.example.com/team/", token } });
    expect(added.status).toBe(201);
    expect(added.json).toMatchObject({ name, kind: "https-token", urlPattern: "https://gitlab.example.com/team/", fingerprint: `…${token.slice(-4)}`, rotatedAt: null, lastTestResult: null });
    const id: string = added.json.id;

    const stored = await db().gitCredential.findUniqueOrThrow({ where: { id } });
    expect(asText(stored)).not.toContain(token);
    expect(stored.secretEncrypted).toMatch(/^v1:/);

    const listed = await call(listCredentials, { headers: viewer.headers });
    expect(listed.status).toBe(200);
    expect(listed.json.items).toContainEqual(added.json);

    const newToken = `glpat-${randomUUID()}`;
    const rotated = await call(updateCredential, { method: "PATCH", headers: admin.headers, params: { id }, body: { token: newToken, name: `${name}-2` } });
    expect(rotated.status).toBe(200);
    expect(rotated.json).toMatchObject({ id, name: `${name}-2`, fingerprint: `…${newToken.slice(-4)}`, rotatedAt: expect.any(String) });
    const resealed = await db().gitCredential.findUniqueOrThrow({ where: { id } });
    expect(resealed.secretEncrypted).not.toBe(stored.secretEncrypted);
    expect(asText(resealed)).not.toContain(newToken);

    const renamed = await call(updateCredential, { method: "PATCH", headers: admin.headers, params: { id }, body: { urlPattern: "gitlab.example.com" } });
    expect(renamed.json).toMatchObject({ id, urlPattern: "gitlab.example.com", rotatedAt: rotated.json.rotatedAt });

    const removed = await call(removeCredential, { method: "DELETE", headers: admin.headers, params: { id } });
    expect(removed.status).toBe(200);
    expect(await db().gitCredential.findUnique({ where: { id } })).toBeNull();
    expect((await call(removeCredential, { method: "DELETE", headers: admin.headers, params: { id } })).status).toBe(404);

    const audits = [...(await auditsOf(name)), ...(await auditsOf(`${name}-2`))];
    expect(audits.map((record) => record.action).sort()).toEqual(["git_credential.add", "git_credential.remove", "git_credential.rotate", "git_credential.update"]);
    for (const record of audits) expect(record).toMatchObject({ outcome: "success" });
    for (const body of [added.json, listed.json, rotated.json, renamed.json, removed.json, audits]) {
      expect(asText(body)).not.toContain(token);
      expect(asText(body)).not.toContain(newToken);
    }
  });

  it("stores an SSH key with its known_hosts, shows the key's SHA256 fingerprint as ssh-keygen prints it, and never the key", async () => {
    const key = sshKey("a passphrase");
    const name = unique("deploy-key");
    const added = await call(addCredential, {
      method: "POST",
      headers: admin.headers,
      body: { kind: "ssh-key", name, urlPattern: "ssh://git@git.example.com/", privateKey: key.privateKey, passphrase: "a passphrase", knownHosts: KNOWN_HOSTS },
    });
    expect(added.status).toBe(201);
    expect(added.json).toMatchObject({ kind: "ssh-key", fingerprint: key.fingerprint, knownHosts: KNOWN_HOSTS });
    const keyBody = key.privateKey.split("\n")[1]!;
    const stored = await db().gitCredential.findUniqueOrThrow({ where: { id: added.json.id } });
    for (const text of [asText(stored), asText(added.json), asText((await call(listCredentials, { headers: viewer.headers })).json), asText(await auditsOf(name))]) {
      expect(text).not.toContain(keyBody);
      expect(text).not.toContain("a passphrase");
    }
  });

  it("refuses a viewer's changes and an operator's management with 403, and lets an operator test", async () => {
    const name = unique("roles");
    const added = await call(addCredential, { method: "POST", headers: admin.headers, body: { kind: "https-basic", name, urlPattern: "127.0.0.1", username: "u", password: "p4ssword" } });
    const id: string = added.json.id;
    for (const caller of [viewer, operator]) {
      expect((await call(addCredential, { method: "POST", headers: caller.headers, body: { kind: "https-basic", name: unique("x"), urlPattern: "h", username: "u", password: "p" } })).status).toBe(403);
      expect((await call(updateCredential, { method: "PATCH", headers: caller.headers, params: { id }, body: { password: "stolen" } })).status).toBe(403);
      expect((await call(removeCredential, { method: "DELETE", headers: caller.headers, params: { id } })).status).toBe(403);
    }
    expect((await call(testCredential, { method: "POST", headers: viewer.headers, params: { id }, body: { url: "https://127.0.0.1:1/x.git" } })).status).toBe(403);
    expect((await call(testCredential, { method: "POST", headers: operator.headers, params: { id }, body: { url: "https://127.0.0.1:1/x.git" } })).status).toBe(200);
    expect((await auditsOf(name)).map((record) => record.action)).toEqual(["git_credential.add", "git_credential.test"]);
  });

  it("refuses bad input with 422 or 409 and stores nothing", async () => {
    const name = unique("taken");
    const before = await db().gitCredential.count();
    const badKey = { kind: "ssh-key", name: unique("bad-key"), urlPattern: "git.example.com", knownHosts: KNOWN_HOSTS };
    const bodies: unknown[] = [
      { ...badKey, privateKey: "-----BEGIN OPENSSH PRIVATE KEY-----\nbm90IGEga2V5\n-----END OPENSSH PRIVATE KEY-----\n" },
      { ...badKey, privateKey: sshKey("right").privateKey, passphrase: "wrong" },
      { ...badKey, privateKey: sshKey("right").privateKey },
      { kind: "ssh-key", name: unique("no-hosts"), urlPattern: "git.example.com", privateKey: sshKey().privateKey },
      { kind: "https-token", name: unique("x"), urlPattern: "https://user:secret@git.example.com/", token: "t" },
      { kind: "https-token", name: unique("x"), urlPattern: "ftp://git.example.com/", token: "t" },
      { kind: "https-token", name: "", urlPattern: "git.example.com", token: "t" },
      { kind: "s3-key", name: unique("x"), urlPattern: "git.example.com", token: "t" },
      { kind: "github-app", name: unique("x"), urlPattern: "github.com", appId: "12", installationId: "34", privateKey: "-----BEGIN RSA PRIVATE KEY-----\nnope\n-----END RSA PRIVATE KEY-----\n" },
    ];
    for (const body of bodies) {
      const response = await call(addCredential, { method: "POST", headers: admin.headers, body });
      expect(response.status, JSON.stringify(body).slice(0, 200)).toBe(422);
      expect(response.json.error.code).toBe("validation_failed");
    }
    expect(await db().gitCredential.count()).toBe(before);

    const first = await call(addCredential, { method: "POST", headers: admin.headers, body: { kind: "https-token", name, urlPattern: "git.example.com", token: "t1" } });
    expect(first.status).toBe(201);
    const duplicate = await call(addCredential, { method: "POST", headers: admin.headers, body: { kind: "github-token", name, urlPattern: "github.com", token: "t2" } });
    expect(duplicate.status).toBe(409);
    expect(duplicate.json.error.code).toBe("conflict");

    const other = await call(addCredential, { method: "POST", headers: admin.headers, body: { kind: "https-token", name: unique("other"), urlPattern: "git.example.com", token: "t3" } });
    const id: string = other.json.id;
    const unchanged = await db().gitCredential.findUniqueOrThrow({ where: { id } });
    expect((await call(updateCredential, { method: "PATCH", headers: admin.headers, params: { id }, body: { name } })).status).toBe(409);
    const misfit = await call(updateCredential, { method: "PATCH", headers: admin.headers, params: { id }, body: { privateKey: sshKey().privateKey } });
    expect(misfit.status).toBe(422);
    expect(misfit.json.error.details).toContainEqual(expect.objectContaining({ path: "privateKey" }));
    expect((await call(updateCredential, { method: "PATCH", headers: admin.headers, params: { id }, body: {} })).status).toBe(422);
    expect((await call(updateCredential, { method: "PATCH", headers: admin.headers, params: { id: "not-a-uuid" }, body: { token: "x" } })).status).toBe(422);
    expect((await call(updateCredential, { method: "PATCH", headers: admin.headers, params: { id: randomUUID() }, body: { token: "x" } })).status).toBe(404);
    expect(await db().gitCredential.findUniqueOrThrow({ where: { id } })).toEqual(unchanged);
  });
});

describe("opening a credential for the Git client", () => {
  it("hands lib/git the stored secret in the form each kind authenticates with", async () => {
    const add = async (body: Record<string, unknown>) => (await call(addCredential, { method: "POST", headers: admin.headers, body: { name: unique("open"), urlPattern: "git.example.com", ...body } })).json.id as string;
    expect(await openGitCredential(await add({ kind: "https-token", token: "tok-1" }))).toEqual({ kind: "bearer", token: "tok-1" });
    expect(await openGitCredential(await add({ kind: "https-token", token: "tok-2", username: "oauth2", caCert }))).toEqual({ kind: "basic", username: "oauth2", password: "tok-2", caCert });
    expect(await openGitCredential(await add({ kind: "https-basic", username: "me", password: "pw" }))).toEqual({ kind: "basic", username: "me", password: "pw" });
    expect(await openGitCredential(await add({ kind: "github-token", token: "ghp_1" }))).toEqual({ kind: "basic", username: "x-access-token", password: "ghp_1" });
    const key = sshKey("unlock");
    expect(await openGitCredential(await add({ kind: "ssh-key", privateKey: key.privateKey, passphrase: "unlock", knownHosts: KNOWN_HOSTS }))).toEqual({
      kind: "ssh",
      identity: key.privateKey,
      knownHosts: KNOWN_HOSTS,
      password: "unlock",
    });
  });
});

describe("testing a credential", () => {
  async function basicCredential(password: string) {
    const name = unique("sandbox-https");
    const added = await call(addCredential, { method: "POST", headers: admin.headers, body: { kind: "https-basic", name, urlPattern: gitServer.url, username: GIT_USER, password, caCert } });
    expect(added.status).toBe(201);
    return { id: added.json.id as string, name };
  }

  it("lists the repository through git over HTTPS with the stored user, password and CA, and keeps the answer as the last test", async () => {
    const { id, name } = await basicCredential(GIT_PASSWORD);
    const url = `${gitServer.url}/fleet.git`;
    const tested = await call(testCredential, { method: "POST", headers: operator.headers, params: { id }, body: { url } });
    expect(tested.status).toBe(200);
    expect(tested.json).toMatchObject({ ok: true, target: url, reason: null });
    expect((await db().gitCredential.findUniqueOrThrow({ where: { id } })).fingerprint, "a password shows none of itself").toBe("••••");
    const listed = (await call(listCredentials, { headers: viewer.headers })).json.items.find((item: { id: string }) => item.id === id);
    expect(listed).toMatchObject({ lastTestedAt: tested.json.testedAt, lastTestResult: tested.json });
    const [, audit] = await auditsOf(name);
    expect(audit).toMatchObject({ action: "git_credential.test", outcome: "success" });
    expect(asText(audit)).not.toContain(GIT_PASSWORD);
  });

  it("answers a wrong password with ok false and the reason, never a 5xx, and names no secret", async () => {
    const wrong = `wrong-${randomUUID()}`;
    const { id, name } = await basicCredential(wrong);
    const tested = await call(testCredential, { method: "POST", headers: operator.headers, params: { id }, body: { url: `${gitServer.url}/fleet.git` } });
    expect(tested.status).toBe(200);
    expect(tested.json).toMatchObject({ ok: false, reason: "authentication-failed" });
    const [, audit] = await auditsOf(name);
    expect(audit).toMatchObject({ action: "git_credential.test", outcome: "failure" });
    expect(asText(tested.json) + asText(audit)).not.toContain(wrong);
  });

  it("lists the repository through git over SSH with the stored key, checking the server's key against the stored known_hosts", async () => {
    const body = { kind: "ssh-key", name: unique("sandbox-ssh"), urlPattern: sshServer.url, privateKey: sshServer.identity, knownHosts: sshServer.knownHosts };
    const added = await call(addCredential, { method: "POST", headers: admin.headers, body });
    const url = `${sshServer.url}/fleet.git`;
    const tested = await call(testCredential, { method: "POST", headers: operator.headers, params: { id: added.json.id }, body: { url } });
    expect(tested.json).toMatchObject({ ok: true, target: url });

    const [, impostorKey] = sshKey().publicKey.split(" ");
    const impostor = sshServer.knownHosts.replace(/ssh-ed25519 \S+/, `ssh-ed25519 ${impostorKey}`);
    const pinned = await call(addCredential, { method: "POST", headers: admin.headers, body: { ...body, name: unique("pinned"), knownHosts: impostor } });
    const refused = await call(testCredential, { method: "POST", headers: operator.headers, params: { id: pinned.json.id }, body: { url } });
    expect(refused.status).toBe(200);
    expect(refused.json).toMatchObject({ ok: false, reason: "host-key-mismatch" });
  });

  it("answers an unreachable host with ok false and host-unreachable", async () => {
    const { id } = await basicCredential(GIT_PASSWORD);
    const tested = await call(testCredential, { method: "POST", headers: operator.headers, params: { id }, body: { url: "https://127.0.0.1:1/fleet.git" } });
    expect(tested.status).toBe(200);
    expect(tested.json).toMatchObject({ ok: false, reason: "host-unreachable", target: "https://127.0.0.1:1/fleet.git" });
  });

  it("asks the GitHub API at the credential's base URL: a token GitHub accepts passes, one it refuses fails, an App obtains an installation token", async () => {
    const goodToken = `ghp_${randomUUID()}`;
    const appId = "4242";
    const installationId = "77";
    // Just the two answers the test asks for, each only for the right credential.
    const github = createServer((req, res) => {
      const auth = req.headers.authorization ?? "";
      const jwtIssuer = auth.startsWith("bearer ") ? (JSON.parse(Buffer.from(auth.split(".")[1] ?? "", "base64url").toString()) as { iss?: unknown }).iss : undefined;
      res.setHeader("content-type", "application/json");
      if (req.method === "GET" && req.url === "/api/v3/rate_limit" && auth === `token ${goodToken}`) {
        res.end(JSON.stringify({ resources: {}, rate: { limit: 5000, remaining: 4999, reset: 0, used: 1 } }));
      } else if (req.method === "POST" && req.url === `/api/v3/app/installations/${installationId}/access_tokens` && String(jwtIssuer) === appId) {
        res.writeHead(201).end(JSON.stringify({ token: "ghs_installation", expires_at: new Date(Date.now() + 3_600_000).toISOString(), permissions: {}, repository_selection: "all" }));
      } else {
        res.writeHead(401).end(JSON.stringify({ message: "Bad credentials" }));
      }
    });
    await new Promise<void>((resolve) => github.listen(0, "127.0.0.1", resolve));
    const baseUrl = `http://127.0.0.1:${(github.address() as AddressInfo).port}/api/v3`;
    try {
      const test = async (body: Record<string, unknown>) => {
        const added = await call(addCredential, { method: "POST", headers: admin.headers, body: { name: unique("ghe"), urlPattern: "github.example.com", githubBaseUrl: baseUrl, ...body } });
        expect(added.status).toBe(201);
        return (await call(testCredential, { method: "POST", headers: operator.headers, params: { id: added.json.id }, body: {} })).json;
      };
      expect(await test({ kind: "github-token", token: goodToken })).toMatchObject({ ok: true, target: baseUrl });
      expect(await test({ kind: "github-token", token: "ghp_revoked" })).toMatchObject({ ok: false, reason: "authentication-failed" });
      const appKey = generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey.export({ type: "pkcs1", format: "pem" }).toString();
      expect(await test({ kind: "github-app", appId, installationId, privateKey: appKey })).toMatchObject({ ok: true });
      expect(await test({ kind: "github-app", appId: "1", installationId, privateKey: appKey })).toMatchObject({ ok: false, reason: "authentication-failed" });
    } finally {
      github.closeAllConnections();
      await new Promise((resolve) => github.close(resolve));
    }
  });

  it("asks the GitHub API at the credential's base URL for GitHub kinds, and reports it unreachable", async () => {
    const added = await call(addCredential, { method: "POST", headers: admin.headers, body: { kind: "github-token", name: unique("ghe"), urlPattern: "github.example.com", token: "ghp_x", githubBaseUrl: "http://127.0.0.1:1/api/v3" } });
    const tested = await call(testCredential, { method: "POST", headers: operator.headers, params: { id: added.json.id }, body: {} });
    expect(tested.status).toBe(200);
    expect(tested.json).toMatchObject({ ok: false, reason: "host-unreachable", target: "http://127.0.0.1:1/api/v3" });
  });

  it("needs a repository URL of the credential's own transport for Git kinds", async () => {
    const { id } = await basicCredential(GIT_PASSWORD);
    for (const body of [{}, { url: "git@git.example.com:team/fleet.git" }, { url: "file:///etc" }]) {
      const response = await call(testCredential, { method: "POST", headers: operator.headers, params: { id }, body });
      expect(response.status, JSON.stringify(body)).toBe(422);
    }
  });
});
