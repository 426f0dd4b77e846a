// Revision drift against the sandbox's real Git server (plain HTTP, HTTPS with basic auth and its
// own CA, SSH with a key and known_hosts) and the real Flux controllers: Git head as `git
// ls-remote` gives it, which step lags, and the commits behind, read from Syncline's cached clone.
// The scenarios build on each other (suspend, push, resume), so they run in order in one file.
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  applyAuthenticatedGitSource,
  commitChange,
  getObject,
  gitRevision,
  kubectl,
  patchObject,
  requestReconcile,
  type AuthenticatedGitSource,
  type GitTransport,
} from "../../e2e/sandbox";
import { checkoutSource, computeRevisionDrift } from "../../lib/drift";
import type { DriftContext } from "../../lib/drift/drift-context";
import { createGitClient, isGitError } from "../../lib/git";
import { createKubeClient } from "../../lib/k8s/client";
import { fluxModels, collectionPath, type FluxObject } from "../../lib/k8s/resources";
import type { FluxKind } from "../../lib/fleet/dto";
import { sandbox, waitFor } from "../support/sandbox-clusters";

const world = sandbox();
const cluster = world.clusters[0]!;
const client = createKubeClient({ name: cluster.name, kubeconfig: readFileSync(cluster.kubeconfig, "utf8") });
const cacheDir = mkdtempSync(join(tmpdir(), "revision-drift-cache-"));
const git = createGitClient({ cacheDir });
const zoe = { name: "Zoë Ångström", email: "zoe.angstrom@acme-shop.io" };
const probeDir = (transport: GitTransport) => `drift-probe/${transport}`;
const kustomization = (transport: GitTransport) => ({ kind: "Kustomization", name: `drift-${transport}`, namespace: "flux-system" });
const gitRepository = (transport: GitTransport) => ({ kind: "GitRepository", name: `drift-${transport}`, namespace: "flux-system" });
const sources: Partial<Record<GitTransport, AuthenticatedGitSource>> = {};

/** The probes' own branch, so that their commits never move main, which the fleet's Kustomizations and other specs follow. */
const BRANCH = `drift-probe-${Date.now().toString(36)}`;

/** What `git ls-remote` on the plain-HTTP URL says a branch is: the reference Syncline must match. */
function lsRemote(branch: string): string {
  const out = execFileSync("git", ["ls-remote", world.git.repos[0]!, `refs/heads/${branch}`], { encoding: "utf8", env: { ...process.env, GIT_CONFIG_GLOBAL: "/dev/null", GIT_CONFIG_NOSYSTEM: "1" } });
  return out.split("\t")[0]!;
}
const probeHead = () => lsRemote(BRANCH);
const mainHead = () => lsRemote("main");
const probeRevision = (sha: string) => gitRevision(sha, BRANCH);

function pushProbe(message: string, files: Record<string, string>): Promise<string> {
  return commitChange(world, { author: zoe, message, files, branch: BRANCH });
}

function probeConfigMap(transport: GitTransport, value: string): string {
  return `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: revision-drift-probe-${transport}\ndata:\n  value: ${JSON.stringify(value)}\n`;
}

/** The cluster's Flux objects as they are now, as the watches hand them to the engine. */
async function liveContext(): Promise<DriftContext> {
  const lists = await Promise.all(
    fluxModels.map(async (model) => [model.kind, (await client.request<{ items: FluxObject[] }>("GET", collectionPath(model))).items] as const),
  );
  const byKind = new Map<FluxKind, FluxObject[]>(lists);
  return {
    clusterId: "revision-drift-test",
    clusterName: cluster.name,
    client,
    objectsOf: (kind) => byKind.get(kind) ?? [],
    fluxCli: null,
    kubeconfig: () => readFileSync(cluster.kubeconfig, "utf8"),
    checkout: (repository, revision) => checkoutSource(client, repository, revision, git),
  };
}

async function driftOf(kind: "Kustomization" | "HelmRelease", name: string) {
  const ctx = await liveContext();
  const object = ctx.objectsOf(kind).find((o) => o.metadata.name === name && o.metadata.namespace === "flux-system");
  if (!object) throw new Error(`${kind} ${name} not found`);
  return computeRevisionDrift(ctx, kind, object, git);
}

async function applyProbeKustomization(transport: GitTransport): Promise<void> {
  const ref = kustomization(transport);
  const manifest = {
    apiVersion: "kustomize.toolkit.fluxcd.io/v1",
    kind: "Kustomization",
    metadata: { name: ref.name, namespace: ref.namespace },
    spec: { interval: "10m", path: `./${probeDir(transport)}`, prune: true, wait: false, timeout: "1m", targetNamespace: "default", sourceRef: { kind: "GitRepository", name: ref.name } },
  };
  await kubectl(cluster, ["apply", "--server-side", "--field-manager=sandbox", "-f", "-"], { input: JSON.stringify(manifest) });
}

/** Applies `sha` through the probe's own GitRepository (over HTTPS or SSH), asking Flux to fetch and apply now. */
async function applied(transport: GitTransport, sha: string): Promise<void> {
  await requestReconcile(cluster, gitRepository(transport));
  await requestReconcile(cluster, kustomization(transport));
  await waitFor(`${transport} probe to apply ${sha}`, async () => {
    const object = await getObject<{ status?: { lastAppliedRevision?: string } }>(cluster, kustomization(transport));
    return object.status?.lastAppliedRevision === probeRevision(sha);
  }, 120_000);
}

function secretsOf(transport: GitTransport): string[] {
  const basic = Buffer.from(`${world.git.username}:${world.git.password}`).toString("base64");
  return transport === "https" ? [world.git.password, basic] : [world.git.sshIdentity.split("\n")[1]!];
}

/** What the Git client and checkouts write for one call and must delete afterwards. */
const leftovers = () => readdirSync(tmpdir()).filter((name) => name.startsWith("syncline-git-") || name.startsWith("syncline-checkout-"));

beforeAll(async () => {
  const head = await pushProbe("drift-probe: add the HTTPS and SSH probes", {
    [`${probeDir("https")}/configmap.yaml`]: probeConfigMap("https", "one"),
    [`${probeDir("ssh")}/configmap.yaml`]: probeConfigMap("ssh", "one"),
  });
  for (const transport of ["https", "ssh"] as const) {
    sources[transport] = await applyAuthenticatedGitSource(cluster, world, { name: `drift-${transport}`, transport, branch: BRANCH });
    await applyProbeKustomization(transport);
  }
  // Flux itself reads the repository over both endpoints with these Secrets.
  await Promise.all([applied("https", head), applied("ssh", head)]);
});

afterAll(async () => {
  for (const transport of ["https", "ssh"] as const) {
    await kubectl(cluster, ["delete", "--ignore-not-found", "--wait=false", "-n", "flux-system", "kustomization", kustomization(transport).name]).catch(() => undefined);
    await sources[transport]?.remove().catch(() => undefined);
    await kubectl(cluster, ["delete", "--ignore-not-found", "--wait=false", "-n", "default", "configmap", `revision-drift-probe-${transport}`]).catch(() => undefined);
  }
  const scratch = mkdtempSync(join(tmpdir(), "revision-drift-push-"));
  execFileSync("git", ["init", "--quiet", scratch]);
  execFileSync("git", ["-C", scratch, "push", "--quiet", world.git.repos[0]!, `:refs/heads/${BRANCH}`], { env: { ...process.env, GIT_CONFIG_GLOBAL: "/dev/null", GIT_CONFIG_NOSYSTEM: "1" } });
  rmSync(scratch, { recursive: true, force: true });
  client.close();
  rmSync(cacheDir, { recursive: true, force: true });
});

describe("revision drift", () => {
  it("over HTTPS with basic auth: Git head is what git ls-remote says, and a commit pushed while the Kustomization is suspended shows as paused, 1 commit behind, with its author and message", async () => {
    const before = await driftOf("Kustomization", "drift-https");
    const head = probeHead();
    expect(before).toMatchObject({
      source: { kind: "GitRepository", namespace: "flux-system", name: "drift-https" },
      url: sources.https!.url,
      ref: `branch ${BRANCH}`,
      gitHead: head,
      gitHeadError: null,
      fetched: probeRevision(head),
      applied: probeRevision(head),
      lag: "in-sync",
      behind: 0,
      commits: [],
    });

    await patchObject(cluster, kustomization("https"), { spec: { suspend: true } });
    try {
      const pushed = await pushProbe("drift-probe: raise the HTTPS probe to two", { [`${probeDir("https")}/configmap.yaml`]: probeConfigMap("https", "two") });
      const paused = await driftOf("Kustomization", "drift-https");
      expect(paused.gitHead).toBe(probeHead());
      expect(paused.gitHead).toBe(pushed);
      expect(paused).toMatchObject({ lag: "paused", applied: probeRevision(head), behind: 1, gitHeadError: null });
      expect(paused.commits).toEqual([{ sha: pushed, author: zoe.name, email: zoe.email, committedAt: expect.any(String), message: "drift-probe: raise the HTTPS probe to two" }]);

      // The source fetches the commit; the suspended Kustomization still holds it back.
      await requestReconcile(cluster, gitRepository("https"));
      const fetched = await waitFor("the HTTPS source to fetch the commit", async () => {
        const drift = await driftOf("Kustomization", "drift-https");
        return drift.fetched === probeRevision(pushed) ? drift : null;
      });
      expect(fetched).toMatchObject({ lag: "paused", behind: 1, applied: probeRevision(head) });
    } finally {
      await patchObject(cluster, kustomization("https"), { spec: { suspend: false } });
    }

    await applied("https", probeHead());
    expect(await driftOf("Kustomization", "drift-https")).toMatchObject({ lag: "in-sync", behind: 0, commits: [], gitHead: probeHead() });
  });

  it("over SSH with a key and known_hosts: a commit the suspended source has not fetched shows as source-not-fetched, 1 commit behind", async () => {
    await applied("ssh", probeHead());
    const before = await driftOf("Kustomization", "drift-ssh");
    expect(before).toMatchObject({ url: sources.ssh!.url, gitHead: probeHead(), lag: "in-sync", behind: 0 });

    await patchObject(cluster, gitRepository("ssh"), { spec: { suspend: true } });
    try {
      const pushed = await pushProbe("drift-probe: raise the SSH probe to two", { [`${probeDir("ssh")}/configmap.yaml`]: probeConfigMap("ssh", "two") });
      const behind = await driftOf("Kustomization", "drift-ssh");
      expect(behind).toMatchObject({ gitHead: pushed, fetched: before.fetched, applied: before.applied, lag: "source-not-fetched", behind: 1 });
      expect(behind.gitHead).toBe(probeHead());
      expect(behind.commits.map((c) => [c.sha, c.author, c.message])).toEqual([[pushed, zoe.name, "drift-probe: raise the SSH probe to two"]]);

      // DriftContext.checkout: the tree at that revision, from the same cached clone.
      const checkout = await checkoutSource(client, (await liveContext()).objectsOf("GitRepository").find((o) => o.metadata.name === "drift-ssh")!, probeRevision(pushed), git);
      expect(readFileSync(join(checkout.dir, probeDir("ssh"), "configmap.yaml"), "utf8")).toBe(probeConfigMap("ssh", "two"));
      await checkout.dispose();
      expect(existsSync(checkout.dir)).toBe(false);
    } finally {
      await patchObject(cluster, gitRepository("ssh"), { spec: { suspend: false } });
    }

    await applied("ssh", probeHead());
    expect(await driftOf("Kustomization", "drift-ssh")).toMatchObject({ lag: "in-sync", behind: 0 });
  });

  it("a HelmRelease whose chart is built from a GitRepository is followed to that repository; one from a Helm repository is no Git source", async () => {
    await requestReconcile(cluster, { kind: "GitRepository", name: "fleet" });
    await requestReconcile(cluster, { kind: "HelmChart", name: "flux-system-status-page" });
    const statusPage = await waitFor("the status-page release to run the chart built from Git head", async () => {
      const drift = await driftOf("HelmRelease", "status-page");
      return drift.lag === "in-sync" ? drift : null;
    }, 150_000);
    expect(statusPage).toMatchObject({ source: { kind: "GitRepository", name: "fleet" }, url: world.git.repos[0], gitHead: mainHead(), applied: gitRevision(mainHead()), behind: 0 });

    const podinfo = await driftOf("HelmRelease", "podinfo");
    const ready = (await getObject<{ status: { conditions: Array<{ type: string; lastTransitionTime: string; message: string }> } }>(cluster, { kind: "HelmRelease", name: "podinfo" })).status.conditions.find((c) => c.type === "Ready")!;
    expect(podinfo).toMatchObject({ gitHead: null, gitHeadError: "not a Git source", behind: null, lag: "failing", failingSince: ready.lastTransitionTime, failingMessage: ready.message });
  });

  it("a wrong password gives Git head unknown with the reason, never 0 behind", async () => {
    const secret = sources.https!.secretName;
    await kubectl(cluster, ["patch", "secret", secret, "-n", "flux-system", "--type=merge", `--patch=${JSON.stringify({ stringData: { password: "not-the-password" } })}`]);
    try {
      const drift = await driftOf("Kustomization", "drift-https");
      expect(drift).toMatchObject({ gitHead: null, lag: "unknown", behind: null, commits: [] });
      expect(drift.gitHeadError).toMatch(/^authentication failed: https:\/\/127\.0\.0\.1:\d+\/fleet\.git/);
      expect(drift.gitHeadError).not.toContain("not-the-password");
    } finally {
      await kubectl(cluster, ["patch", "secret", secret, "-n", "flux-system", "--type=merge", `--patch=${JSON.stringify({ stringData: { password: world.git.password } })}`]);
    }
  });

  it("a repository whose host cannot be reached gives Git head unknown with the reason, never 0 behind", async () => {
    const closedPort = await new Promise<number>((resolve) => {
      const server = createServer().listen(0, "127.0.0.1", () => {
        const { port } = server.address() as { port: number };
        server.close(() => resolve(port));
      });
    });
    const original = sources.ssh!.url;
    // Suspended first, so Flux keeps its artifact and the Kustomization stays applied while the URL points nowhere.
    await patchObject(cluster, gitRepository("ssh"), { spec: { suspend: true } });
    await patchObject(cluster, gitRepository("ssh"), { spec: { url: `ssh://git@127.0.0.1:${closedPort}/fleet.git` } });
    try {
      const drift = await driftOf("Kustomization", "drift-ssh");
      expect(drift).toMatchObject({ gitHead: null, lag: "unknown", behind: null, commits: [] });
      expect(drift.gitHeadError).toMatch(new RegExp(`^host unreachable: ssh://git@127\\.0\\.0\\.1:${closedPort}/fleet\\.git`));
    } finally {
      await patchObject(cluster, gitRepository("ssh"), { spec: { url: original, suspend: false } });
    }
  });

  it("over SSH, a key protected by a passphrase is unlocked with the Secret's password, and a host whose key is not in known_hosts is refused", async () => {
    const keyDir = mkdtempSync(join(tmpdir(), "revision-drift-key-"));
    try {
      const keyFile = join(keyDir, "identity");
      writeFileSync(keyFile, world.git.sshIdentity, { mode: 0o600 });
      execFileSync("ssh-keygen", ["-q", "-p", "-P", "", "-N", "key passphrase", "-f", keyFile]);
      const encrypted = readFileSync(keyFile, "utf8");
      const ssh = { kind: "ssh" as const, identity: encrypted, knownHosts: world.git.knownHosts };
      expect(await git.lsRemote(sources.ssh!.url, "refs/heads/main", { ...ssh, password: "key passphrase" })).toBe(mainHead());
      await expect(git.lsRemote(sources.ssh!.url, "refs/heads/main", ssh)).rejects.toMatchObject({ reason: "authentication-failed" });
      const otherHost = world.git.knownHosts.replace(/ssh-ed25519 \S+/, "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl");
      await expect(git.lsRemote(sources.ssh!.url, "refs/heads/main", { ...ssh, password: "key passphrase", knownHosts: otherHost })).rejects.toMatchObject({ reason: "host-key-mismatch" });
    } finally {
      rmSync(keyDir, { recursive: true, force: true });
    }
  });

  it("drift computations that reach one repository at once share one cached clone", async () => {
    const freshDir = mkdtempSync(join(tmpdir(), "revision-drift-cache-"));
    const fresh = createGitClient({ cacheDir: freshDir });
    const credentials = { kind: "basic" as const, username: world.git.username, password: world.git.password, caCert: readFileSync(world.git.caFile, "utf8") };
    const head = mainHead();
    const first = (await fresh.commitsBetween(world.git.repos[0]!, head, head).catch((e: unknown) => e)) as Error;
    expect(isGitError(first) && first.reason).toBe("unknown-commit");
    await Promise.all(Array.from({ length: 4 }, () => fresh.ensureCommit(sources.https!.url, head, credentials)));
    const parent = execFileSync("git", [`--git-dir=${fresh.mirrorDir(sources.https!.url)}`, "rev-parse", `${head}~1`], { encoding: "utf8" }).trim();
    expect((await fresh.commitsBetween(sources.https!.url, parent, head)).map((c) => c.sha)).toEqual([head]);
    expect(readdirSync(freshDir)).toHaveLength(1);
    rmSync(freshDir, { recursive: true, force: true });
  });

  it("credentials never reach the cached clone, its config, a thrown message or a leftover file", async () => {
    for (const transport of ["https", "ssh"] as const) {
      const mirror = git.mirrorDir(sources[transport]!.url);
      expect(existsSync(join(mirror, "HEAD"))).toBe(true);
      const config = readFileSync(join(mirror, "config"), "utf8");
      expect(config).toContain(sources[transport]!.url);
      for (const file of filesOutsideObjects(mirror)) {
        const text = readFileSync(file, "utf8");
        for (const secret of secretsOf(transport)) expect(text, file).not.toContain(secret);
      }
    }
    const error = await git.lsRemote(sources.https!.url, "refs/heads/main", { kind: "basic", username: world.git.username, password: "wrong-password-123", caCert: readFileSync(world.git.caFile, "utf8") }).catch((e: unknown) => e);
    expect(isGitError(error) && error.reason).toBe("authentication-failed");
    expect(String((error as Error).message)).not.toContain("wrong-password-123");
    expect(String((error as Error).message)).not.toContain(Buffer.from(`${world.git.username}:wrong-password-123`).toString("base64"));
    expect(leftovers()).toEqual([]);
  });
});

function filesOutsideObjects(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === "objects") return [];
    return statSync(path).isDirectory() ? filesOutsideObjects(path) : [path];
  });
}
