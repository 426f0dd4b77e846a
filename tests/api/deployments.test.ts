import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { connect, createServer as createTcpServer, type AddressInfo, type Server as TcpServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { addMinutes, subMinutes } from "date-fns";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startGitServer, type GitServer } from "@/e2e/sandbox/git-server";
import { GET as listDeploymentsRoute } from "@/app/api/deployments/route";
import { recordAuditEvent } from "@/lib/audit";
import { db } from "@/lib/db/client";
import { buildDeployments } from "@/lib/deployments";
import { createGitClient } from "@/lib/git";
import type { DeploymentDto } from "@/lib/schemas/timeline";
import { scratchRepository } from "../support/git-repository";
import { apps, clusterRow, gitRevision, syncStep } from "../support/timeline-seed";
import { call } from "../support/http";
import { newUser } from "../support/users";

const alice = { name: "Alice Martin", email: "alice@example.com" };
const zoe = { name: "Zoë Ångström", email: "zoe@example.com" };
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

const work = mkdtempSync(join(tmpdir(), "syncline-deployments-"));
const git = createGitClient({ cacheDir: join(work, "git-cache") });
const repo = scratchRepository();
const now = new Date();
const at = (minutesAgo: number) => subMinutes(now, minutesAgo);

let viewer: Record<string, string>;
let clusterId: string;
let downClusterId: string;
let quickClusterId: string;
const shas: Record<string, string> = {};

/** Runs the builder until it finds nothing new: other specs' steps share the database. */
async function buildUntilIdle(when = () => new Date()) {
  for (let run = 0; run < 20; run++) if ((await buildDeployments({ git, now: when })).created === 0) return;
}

async function list(query: string): Promise<{ status: number; items: DeploymentDto[]; json: { items: DeploymentDto[]; nextCursor: string | null; error?: { code: string } } }> {
  const answer = await call(listDeploymentsRoute, { headers: viewer, path: `/api/deployments?${query}` });
  return { status: answer.status, items: answer.json?.items ?? [], json: answer.json };
}

beforeAll(async () => {
  viewer = bearer(await (await newUser("viewer")).token());
  const dana = await newUser("operator");
  // main: initial ← (feature: zoe ← alice) merged by a merge commit ← zoe's squashed push. Then a
  // rollback to the merge, and main force-pushed back to initial with a rewritten commit on it.
  shas.initial = repo.commit(alice, "initial", at(300));
  repo.git("checkout", "--quiet", "-b", "feature");
  shas.zoe1 = repo.commit(zoe, "web: bump podinfo", at(290));
  shas.alice1 = repo.commit(alice, "web: tune probes", at(285));
  repo.git("checkout", "--quiet", "main");
  shas.merge = repo.merge(alice, "feature", "Merge pull request #1 from feature", at(280));
  shas.squash = repo.commit(zoe, "api: squash of four commits", at(200));
  repo.git("branch", "--quiet", "kept", shas.squash);
  repo.git("reset", "--quiet", "--hard", shas.initial);
  shas.rewritten = repo.commit(alice, "rewrite: start over", at(100));

  const cluster = await clusterRow("deployments");
  clusterId = cluster.id;
  await syncStep(clusterId, repo.url, "applied", shas.initial, at(295));
  await syncStep(clusterId, repo.url, "applied", shas.merge, at(270));
  // dana resumed the cluster after the merge train landed; Flux applied the squash after it.
  await recordAuditEvent({ actor: { type: "user", id: dana.id, name: dana.name }, action: "autosync.enable", cluster: { id: clusterId, name: cluster.name }, outcome: "success" });
  await syncStep(clusterId, repo.url, "applied", shas.squash, addMinutes(now, 1));
  await syncStep(clusterId, repo.url, "applied", shas.merge, addMinutes(now, 2));
  await syncStep(clusterId, repo.url, "applied", shas.rewritten, addMinutes(now, 3));
  await buildUntilIdle();
}, 120_000);

afterAll(async () => {
  await db().cluster.deleteMany({ where: { id: { in: [clusterId, downClusterId, quickClusterId].filter(Boolean) } } });
  repo.remove();
  rmSync(work, { recursive: true, force: true });
});

describe("deployments built from applied sync steps", () => {
  it("records each apply with how the revision moved, every commit since the previous one and each commit's lead time", async () => {
    const { status, items } = await list(`cluster=${clusterId}`);
    expect(status).toBe(200);
    expect(items.map((d) => [d.change, d.revision])).toEqual([
      ["force-push", gitRevision(shas.rewritten!)],
      ["rollback", gitRevision(shas.merge!)],
      ["forward", gitRevision(shas.squash!)],
      ["forward", gitRevision(shas.merge!)],
      ["initial", gitRevision(shas.initial!)],
    ]);
    const [forcePush, rollback, squash, mergeTrain, initial] = items as [DeploymentDto, DeploymentDto, DeploymentDto, DeploymentDto, DeploymentDto];
    // The merge train: both pull request commits and the merge commit, each with its own author.
    expect(mergeTrain.commits.map((c) => [c.sha, c.authorName])).toEqual([
      [shas.merge, alice.name],
      [shas.alice1, alice.name],
      [shas.zoe1, zoe.name],
    ]);
    expect(mergeTrain.previousRevision).toBe(gitRevision(shas.initial!));
    for (const commit of mergeTrain.commits) {
      expect(commit.leadTimeSeconds).toBe(Math.round((Date.parse(mergeTrain.appliedAt) - Date.parse(commit.committedAt)) / 1000));
    }
    // Git keeps whole seconds, so the lead time is the 20 minutes between commit and apply, to the second.
    expect(Math.abs(mergeTrain.commits.find((c) => c.sha === shas.zoe1)!.leadTimeSeconds - 20 * 60)).toBeLessThanOrEqual(1);
    expect(squash.commits.map((c) => [c.sha, c.authorName, c.subject])).toEqual([[shas.squash, zoe.name, "api: squash of four commits"]]);
    expect(initial.commits.map((c) => c.sha)).toEqual([shas.initial]);
    // Rewrites are shown as such: a rollback brings no commits, a force-push only its new head.
    expect(rollback.commits).toEqual([]);
    expect(forcePush.commits.map((c) => c.sha)).toEqual([shas.rewritten]);
    for (const deployment of items) expect(deployment.commitDetails).toEqual({ state: "available", message: null });
  });

  it("names the user whose resume came between the previous apply and this one, and no one for Flux's own applies", async () => {
    const { items } = await list(`cluster=${clusterId}`);
    const triggers = items.map((d) => d.trigger);
    expect(triggers).toEqual([null, null, { user: expect.any(String), action: "resume" }, null, null]);
    const resumer = await db().auditEvent.findFirstOrThrow({ where: { clusterId, action: "autosync.enable" } });
    expect(triggers[2]!.user).toBe(resumer.actorName);
  });

  it("never doubles a deployment when the builder runs again or another leader takes over", async () => {
    const before = await db().deployment.count({ where: { clusterId } });
    const links = await db().deploymentCommit.count({ where: { deployment: { clusterId } } });
    await buildUntilIdle();
    expect(await db().deployment.count({ where: { clusterId } })).toBe(before);
    expect(await db().deploymentCommit.count({ where: { deployment: { clusterId } } })).toBe(links);
  });

  it("follows an apply that Flux dated in the same second as the one before it: its previous revision, its commits and its place in the list", async () => {
    // Flux writes whole seconds: a merge applied right after the first commit shares its time.
    const quick = await clusterRow("same-second");
    quickClusterId = quick.id;
    const second = new Date(Math.floor(at(5).getTime() / 1000) * 1000);
    await syncStep(quick.id, repo.url, "applied", shas.initial!, second);
    await syncStep(quick.id, repo.url, "applied", shas.merge!, second);
    await buildUntilIdle();

    const { items } = await list(`cluster=${quick.id}`);
    expect(items.map((d) => [d.change, d.revision, d.previousRevision])).toEqual([
      ["forward", gitRevision(shas.merge!), gitRevision(shas.initial!)],
      ["initial", gitRevision(shas.initial!), null],
    ]);
    expect(items[0]!.commits.map((c) => c.sha)).toEqual([shas.merge, shas.alice1, shas.zoe1]);
  });

  it("filters by author (name, email or login, any case), source and time, and pages with a cursor", async () => {
    expect((await list(`cluster=${clusterId}&author=ZOE@EXAMPLE`)).items.map((d) => d.revision)).toEqual([gitRevision(shas.squash!), gitRevision(shas.merge!)]);
    expect((await list(`cluster=${clusterId}&author=nobody-wrote-this`)).items).toEqual([]);
    expect((await list(`cluster=${clusterId}&source=fle`)).items).toHaveLength(5);
    expect((await list(`cluster=${clusterId}&source=not-a-source`)).items).toHaveLength(0);
    const window = await list(`cluster=${clusterId}&from=${encodeURIComponent(at(280).toISOString())}&to=${encodeURIComponent(now.toISOString())}`);
    expect(window.items.map((d) => d.revision)).toEqual([gitRevision(shas.merge!)]);

    const first = await list(`cluster=${clusterId}&limit=2`);
    expect(first.items).toHaveLength(2);
    const second = await list(`cluster=${clusterId}&limit=2&cursor=${first.json.nextCursor}`);
    const third = await list(`cluster=${clusterId}&limit=2&cursor=${second.json.nextCursor}`);
    expect([...first.items, ...second.items, ...third.items].map((d) => d.id)).toEqual((await list(`cluster=${clusterId}`)).items.map((d) => d.id));
    expect(third.json.nextCursor).toBeNull();
  });

  it("exports exactly what the list shows as CSV, with authors and lead times", async () => {
    const answer = await listDeploymentsRoute(new Request(`http://syncline.test/api/deployments?cluster=${clusterId}&format=csv`, { headers: { host: "syncline.test", ...viewer } }), { params: Promise.resolve({}) });
    expect(answer.status).toBe(200);
    expect(answer.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(answer.headers.get("content-disposition")).toBe('attachment; filename="syncline-deployments.csv"');
    const lines = (await answer.text()).trimEnd().split("\r\n");
    expect(lines[0]).toBe("applied_at,cluster,reconciler,source,repository,revision,previous_revision,change,commits,authors,pull_requests,merged_by,triggered_by,trigger_action,lead_time_seconds,commit_details");
    expect(lines).toHaveLength(6);
    const squashLine = lines.find((line) => line.includes(`${shas.squash!.slice(0, 7)} api: squash of four commits`))!;
    expect(squashLine).toContain(`,${gitRevision(shas.squash!)},${gitRevision(shas.merge!)},forward,`);
    expect(squashLine).toContain("Zoë Ångström <zoe@example.com>");
    expect(squashLine).toContain(",resume,");
    expect(lines.find((line) => line.includes(",initial,"))).toContain(`${apps.kind} ${apps.namespace}/${apps.name}`);
  });

  it.each([
    ["a cluster that is no id", "cluster=prod", "cluster"],
    ["a window that ends before it starts", `from=${encodeURIComponent(now.toISOString())}&to=${encodeURIComponent(at(60).toISOString())}`, "from"],
    ["a time without a zone", "from=2026-12-01T10:00:00", "from"],
    ["a page size of 0", "limit=0", "limit"],
    ["an unknown format", "format=xml", "format"],
  ])("refuses %s with 422 validation_failed", async (_, query, path) => {
    const answer = await call(listDeploymentsRoute, { headers: viewer, path: `/api/deployments?${query}` });
    expect(answer.status).toBe(422);
    expect(answer.json.error.code).toBe("validation_failed");
    expect(JSON.stringify(answer.json.error.details)).toContain(path);
  });

  it("refuses a cursor it never handed out", async () => {
    const answer = await call(listDeploymentsRoute, { headers: viewer, path: "/api/deployments?cursor=bm90LWEtY3Vyc29y" });
    expect(answer.status).toBe(422);
    expect(answer.json.error.code).toBe("validation_failed");
  });
});

describe("a Git host that is down", () => {
  let server: GitServer | undefined;
  let proxy: TcpServer | undefined;

  afterAll(async () => {
    await new Promise((resolve) => (proxy ? proxy.close(resolve) : resolve(undefined)));
    await server?.close();
  });

  it("leaves the deployment with commit details unavailable, backs off, and reads them once the host is back", async () => {
    // A port nothing listens on yet: the Git host is down.
    const probe = createTcpServer();
    await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
    const port = (probe.address() as AddressInfo).port;
    await new Promise((resolve) => probe.close(resolve));
    const url = `http://127.0.0.1:${port}/fleet.git`;
    const down = await clusterRow("git-down");
    downClusterId = down.id;
    await syncStep(down.id, url, "applied", shas.merge!, at(10));
    await buildUntilIdle();

    const [unavailable] = (await list(`cluster=${down.id}`)).items;
    expect(unavailable).toMatchObject({ revision: gitRevision(shas.merge!), commits: [], commitDetails: { state: "unavailable", message: expect.stringContaining(url) } });
    const repository = await db().sourceRepository.findUniqueOrThrow({ where: { url } });
    expect(repository).toMatchObject({ attempts: 1, lastError: expect.stringContaining("127.0.0.1") });
    expect(repository.retryAt!.getTime()).toBeGreaterThan(Date.now());

    // Within the backoff nothing is asked of the host, and the page still answers.
    await buildDeployments({ git });
    expect(await db().sourceRepository.findUniqueOrThrow({ where: { url } })).toMatchObject({ attempts: 1 });

    // The host comes back on the same address; after the backoff the leader retries.
    const bare = join(work, "served");
    execFileSync("git", ["clone", "--quiet", "--bare", "--branch", "kept", repo.url, join(bare, "fleet.git")]);
    server = await startGitServer(bare);
    const upstream = Number(new URL(server.url).port);
    proxy = createTcpServer((socket) => {
      const target = connect(upstream, "127.0.0.1");
      socket.pipe(target).pipe(socket);
      target.on("error", () => socket.destroy());
      socket.on("error", () => target.destroy());
    });
    await new Promise<void>((resolve) => proxy!.listen(port, "127.0.0.1", resolve));
    await buildDeployments({ git, now: () => addMinutes(new Date(), 5) });

    const [resolved] = (await list(`cluster=${down.id}`)).items;
    expect(resolved!.commitDetails).toEqual({ state: "available", message: null });
    expect(resolved!.commits.map((c) => c.sha)).toEqual([shas.merge]);
    expect(await db().sourceRepository.findUniqueOrThrow({ where: { url } })).toMatchObject({ attempts: 0, lastError: null, retryAt: null });
  });
});
