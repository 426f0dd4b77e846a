// The generic Git path of timelines: commits read from a real Git server with git itself, over
// HTTPS with basic auth and a CA of its own, and over SSH with a key and known_hosts, using the
// credentials held in Syncline's one credential store. No GitHub is involved.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLoopbackServingPki } from "@/e2e/sandbox/certs";
import { startHttpsGitServer, type GitServer } from "@/e2e/sandbox/git-server";
import { ProcessGroupRegistry, stopProcess } from "@/e2e/sandbox/processes";
import { startSshGitServer, type SshGitServer } from "@/e2e/sandbox/ssh-git-server";
import { systemActor } from "@/lib/auth/actor";
import { readCommits, registerSourceRepository } from "@/lib/commits";
import { db } from "@/lib/db/client";
import { createGitClient } from "@/lib/git";
import { addGitCredential, removeGitCredential } from "@/lib/git-credentials";

const work = mkdtempSync(join(tmpdir(), "syncline-commits-over-git-"));
const git = createGitClient({ cacheDir: join(work, "cache") });
const zoe = { name: "Zoë Ångström", email: "zoe.angstrom@acme-shop.io" };
const alice = { name: "Alice Martin", email: "alice.martin@acme-shop.io" };
const GIT_USER = "deployer";
const GIT_PASSWORD = `pw-${Date.now().toString(36)}-secret`;

let https: GitServer;
let ssh: SshGitServer;
let caCert: string;
let base: string;
let head: string;
const credentialIds: string[] = [];

function gitIn(cwd: string, args: string[], author?: { name: string; email: string }): string {
  const identity = author ? { GIT_AUTHOR_NAME: author.name, GIT_AUTHOR_EMAIL: author.email, GIT_COMMITTER_NAME: author.name, GIT_COMMITTER_EMAIL: author.email } : {};
  return execFileSync("git", args, { cwd, encoding: "utf8", env: { ...process.env, HOME: work, GIT_CONFIG_NOSYSTEM: "1", GIT_CONFIG_GLOBAL: "/dev/null", ...identity } }).trim();
}

beforeAll(async () => {
  const seed = join(work, "seed");
  gitIn(work, ["init", "--quiet", "--initial-branch=main", seed]);
  gitIn(seed, ["commit", "--quiet", "--allow-empty", "-m", "base"], alice);
  base = gitIn(seed, ["rev-parse", "HEAD"]);
  gitIn(seed, ["commit", "--quiet", "--allow-empty", "-m", "Raise the web tier to three replicas"], zoe);
  gitIn(seed, ["commit", "--quiet", "--allow-empty", "-m", "Pin podinfo 6.7.1\n\nThe 6.8 line leaks memory."], alice);
  head = gitIn(seed, ["rev-parse", "HEAD"]);
  const root = join(work, "repos");
  gitIn(work, ["clone", "--quiet", "--bare", seed, join(root, "fleet.git")]);
  const pki = createLoopbackServingPki(join(work, "pki"), "git");
  caCert = readFileSync(pki.caCert, "utf8");
  https = await startHttpsGitServer(root, { username: GIT_USER, password: GIT_PASSWORD, cert: pki.servingCert, key: pki.servingKey });
  ssh = await startSshGitServer(root, join(work, "ssh"), new ProcessGroupRegistry(join(work, "process-groups")));
});

afterAll(async () => {
  for (const id of credentialIds) await removeGitCredential(id, systemActor).catch(() => undefined);
  await https?.close();
  if (ssh) await stopProcess(ssh.process);
  rmSync(work, { recursive: true, force: true });
});

async function storeCredential(input: Parameters<typeof addGitCredential>[0]): Promise<void> {
  credentialIds.push((await addGitCredential(input, systemActor)).id);
}

const described = (commits: { sha: string; authorName: string; authorEmail: string; committerName: string; message: string; parents: string[] }[]) =>
  commits.map((c) => ({ sha: c.sha, author: c.authorName, email: c.authorEmail, committer: c.committerName, message: c.message.split("\n")[0], parents: c.parents.length }));

const expected = () => [
  { sha: head, author: alice.name, email: alice.email, committer: alice.name, message: "Pin podinfo 6.7.1", parents: 1 },
  { sha: expect.any(String), author: zoe.name, email: zoe.email, committer: zoe.name, message: "Raise the web tier to three replicas", parents: 1 },
];

describe("reading a repository's commits with git, with the credential store's credentials", () => {
  it("over HTTPS with basic auth and the server's own CA: the commits between two revisions, with author, committer and message, stored once", async () => {
    const url = `${https.url}/fleet.git`;
    await storeCredential({ kind: "https-basic", name: `https-${Date.now()}`, urlPattern: https.url, username: GIT_USER, password: GIT_PASSWORD, caCert });
    const repository = await registerSourceRepository(url);
    const read = await readCommits(repository, base, head, { git });
    expect(read.ok).toBe(true);
    expect(described(read.ok ? read.commits : [])).toEqual(expected());
    await readCommits(repository, base, head, { git });
    expect(await db().commit.count({ where: { repositoryId: repository.id } })).toBe(2);
    expect((await db().sourceRepository.findUniqueOrThrow({ where: { id: repository.id } })).lastError).toBeNull();
  });

  it("over SSH with a key and known_hosts: the same commits", async () => {
    const url = `${ssh.url}/fleet.git`;
    await storeCredential({ kind: "ssh-key", name: `ssh-${Date.now()}`, urlPattern: ssh.url, privateKey: ssh.identity, knownHosts: ssh.knownHosts });
    const repository = await registerSourceRepository(url);
    const read = await readCommits(repository, base, head, { git });
    expect(read.ok).toBe(true);
    expect(described(read.ok ? read.commits : [])).toEqual(expected());
  });

  it("with a wrong password: commit details unavailable with a reason and a retry time, and the password in no error", async () => {
    // The same server under another name (its certificate names localhost too): another repository row, another credential.
    const url = `${https.url}/fleet.git`.replace("127.0.0.1", "localhost");
    await storeCredential({ kind: "https-basic", name: `wrong-${Date.now()}`, urlPattern: url, username: GIT_USER, password: "not-the-password", caCert });
    const repository = await registerSourceRepository(url);
    const read = await readCommits(repository, base, head, { git });
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.error).toMatch(/authentication|credential|denied|401/i);
    expect(read.error).not.toContain("not-the-password");
    expect(read.retryAt.getTime()).toBeGreaterThan(Date.now());
    const row = await db().sourceRepository.findUniqueOrThrow({ where: { id: repository.id } });
    expect(row).toMatchObject({ lastError: read.error, attempts: 1 });
    expect(await db().commit.count({ where: { repositoryId: repository.id } })).toBe(0);
  });
});
