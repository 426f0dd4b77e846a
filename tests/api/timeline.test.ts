import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { subMinutes } from "date-fns";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as runningNowRoute } from "@/app/api/clusters/[id]/running/route";
import { GET as repositoriesRoute } from "@/app/api/repositories/route";
import { GET as timelineRoute } from "@/app/api/timeline/route";
import { db } from "@/lib/db/client";
import { buildDeployments } from "@/lib/deployments";
import { createGitClient } from "@/lib/git";
import { inventory } from "@/lib/inventory";
import { toClusterRecord } from "@/lib/inventory/cluster-record";
import type { RunningNowDto, SourceRepositoryDto, TimelineDto } from "@/lib/schemas/timeline";
import { scratchRepository } from "../support/git-repository";
import { call } from "../support/http";
import { apps, clusterRow, fleet, gitRevision, syncStep } from "../support/timeline-seed";
import { newUser } from "../support/users";

const alice = { name: "Alice Martin", email: "alice@example.com" };
const zoe = { name: "Zoë Ångström", email: "zoe@example.com" };

const work = mkdtempSync(join(tmpdir(), "syncline-timeline-"));
const git = createGitClient({ cacheDir: join(work, "git-cache") });
const repo = scratchRepository();
// Whole seconds, as Git keeps commit times, so lead times come out exact.
const now = new Date(Math.floor(Date.now() / 1000) * 1000);
const at = (minutesAgo: number) => subMinutes(now, minutesAgo);
const iso = (minutesAgo: number) => at(minutesAgo).toISOString();
const DAY = 24 * 60;

let viewer: Record<string, string>;
let repositoryId: string;
const clusters: Record<"prod" | "staging" | "dev", { id: string; name: string }> = {} as never;
const shas: Record<string, string> = {};

async function timeline(query: string) {
  return call(timelineRoute, { headers: viewer, path: `/api/timeline?${query}` });
}

const cellOf = (view: TimelineDto, sha: string, clusterId: string) => view.commits.find((c) => c.sha === sha)!.cells.find((c) => c.clusterId === clusterId)!;

beforeAll(async () => {
  viewer = { authorization: `Bearer ${await (await newUser("viewer")).token()}` };
  // Days before the others: a page of the newer commits does not read its steps.
  shas.c0 = repo.commit(zoe, "lay out the fleet", at(3 * DAY));
  shas.c1 = repo.commit(alice, "add podinfo", at(60));
  shas.c2 = repo.commit(zoe, "bump podinfo to 6.7", at(50));
  shas.c3 = repo.commit(alice, "break the overlay", at(40));
  const prod = await clusterRow("prod", { env: "prod" });
  const staging = await clusterRow("staging", { env: "staging" });
  const dev = await clusterRow("dev", { env: "dev" });
  Object.assign(clusters, { prod, staging, dev });

  await syncStep(prod.id, repo.url, "fetched", shas.c0, at(3 * DAY - 5));
  await syncStep(prod.id, repo.url, "applied", shas.c0, at(3 * DAY - 6));
  await syncStep(prod.id, repo.url, "fetched", shas.c1, at(55));
  await syncStep(prod.id, repo.url, "applied", shas.c1, at(54));
  await syncStep(prod.id, repo.url, "fetched", shas.c2, at(45));
  await syncStep(prod.id, repo.url, "applied", shas.c2, at(44));
  await syncStep(prod.id, repo.url, "fetched", shas.c3, at(35));
  await syncStep(prod.id, repo.url, "failed", shas.c3, at(34), "kustomize build failed: accumulating resources");

  await syncStep(staging.id, repo.url, "fetched", shas.c1, at(55));
  await syncStep(staging.id, repo.url, "applied", shas.c1, at(53));
  await db().suspension.create({ data: { clusterId: staging.id, actor: "dana", reason: "incident: hold staging", createdAt: at(52) } });
  await syncStep(staging.id, repo.url, "fetched", shas.c3, at(35));

  for (let run = 0; run < 20; run++) if ((await buildDeployments({ git })).created === 0) break;
  repositoryId = (await db().sourceRepository.findUniqueOrThrow({ where: { url: repo.url } })).id;
}, 120_000);

afterAll(async () => {
  await db().cluster.deleteMany({ where: { id: { in: Object.values(clusters).map((c) => c.id) } } });
  for (const cluster of Object.values(clusters)) inventory().store.removeCluster(cluster.id);
  repo.remove();
  rmSync(work, { recursive: true, force: true });
});

describe("GET /api/timeline", () => {
  it("places every commit on every cluster: fetched and applied at Flux's times with lead times, failed with the message, held by a suspension", async () => {
    const answer = await timeline(`source=${repositoryId}`);
    expect(answer.status).toBe(200);
    const view = answer.json as TimelineDto;
    expect(view.commits.map((c) => [c.sha, c.authorName])).toEqual([
      [shas.c3, alice.name],
      [shas.c2, zoe.name],
      [shas.c1, alice.name],
      [shas.c0, zoe.name],
    ]);
    expect(view.nextCursor).toBeNull();
    // Only the clusters that pull the repository get a column when none are named.
    expect(view.clusters.map((c) => c.id).sort()).toEqual([clusters.prod.id, clusters.staging.id].sort());
    expect(view.clusters.find((c) => c.id === clusters.prod.id)).toMatchObject({ labels: { env: "prod" }, reconcilers: [apps] });

    expect(cellOf(view, shas.c0!, clusters.prod.id)).toMatchObject({ state: "applied", fetchedAt: iso(3 * DAY - 5), appliedAt: iso(3 * DAY - 6), leadTimeSeconds: 6 * 60 });
    expect(cellOf(view, shas.c1!, clusters.prod.id)).toMatchObject({ state: "applied", fetchedAt: iso(55), appliedAt: iso(54), leadTimeSeconds: 6 * 60, reconciler: apps });
    expect(cellOf(view, shas.c2!, clusters.prod.id)).toMatchObject({ state: "applied", fetchedAt: iso(45), appliedAt: iso(44), leadTimeSeconds: 6 * 60 });
    expect(cellOf(view, shas.c3!, clusters.prod.id)).toMatchObject({ state: "failed", fetchedAt: iso(35), appliedAt: null, message: "kustomize build failed: accumulating resources", reconciler: apps });

    expect(cellOf(view, shas.c1!, clusters.staging.id)).toMatchObject({ state: "applied", appliedAt: iso(53) });
    for (const sha of [shas.c2!, shas.c3!]) {
      const held = cellOf(view, sha, clusters.staging.id);
      expect(held).toMatchObject({ state: "held", fetchedAt: iso(35), appliedAt: null, message: "dana: incident: hold staging" });
      expect(held.heldBy).toMatchObject({ clusterId: clusters.staging.id, object: null, actor: "dana", reason: "incident: hold staging", from: iso(52), to: null });
    }
    expect(view.suspensions).toEqual([expect.objectContaining({ clusterId: clusters.staging.id, actor: "dana", to: null })]);
    expect(view.rewrites).toEqual([]);
    expect(view.repository).toMatchObject({ id: repositoryId, url: repo.url, host: "git", webUrl: null, commitDetails: { state: "available", message: null } });
  });

  it("pages the commits newest first with a cursor, each page placing its commits exactly as one read of the whole window does", async () => {
    // A fixed end: an open window ends at each request's "now".
    const window = `source=${repositoryId}&to=${encodeURIComponent(iso(0))}`;
    const whole = (await timeline(`${window}&limit=500`)).json as TimelineDto;
    const pages: TimelineDto[] = [];
    let cursor: string | null = null;
    do {
      const answer = await timeline(`${window}&limit=2${cursor ? `&cursor=${cursor}` : ""}`);
      expect(answer.status).toBe(200);
      pages.push(answer.json as TimelineDto);
      cursor = (answer.json as TimelineDto).nextCursor;
    } while (cursor);
    expect(pages.map((page) => page.commits.map((c) => c.sha))).toEqual([
      [shas.c3, shas.c2],
      [shas.c1, shas.c0],
    ]);
    // The second page reads the steps of three days ago, which the first page leaves out.
    expect(pages.flatMap((page) => page.commits)).toEqual(whole.commits);
    for (const page of pages) expect(page).toMatchObject({ from: whole.from, to: whole.to, suspensions: whole.suspensions, repository: whole.repository });
  });

  it("filters clusters by label selector, and shows a named cluster that does not pull the repository as not tracked", async () => {
    const prodOnly = (await timeline(`source=${repositoryId}&labels=${encodeURIComponent("env in (prod)")}`)).json as TimelineDto;
    expect(prodOnly.clusters.map((c) => c.id)).toEqual([clusters.prod.id]);
    expect(prodOnly.commits[0]!.cells.map((c) => c.clusterId)).toEqual([clusters.prod.id]);

    const named = (await timeline(`source=${repositoryId}&cluster=${clusters.dev.id},${clusters.prod.id}`)).json as TimelineDto;
    expect(cellOf(named, shas.c1!, clusters.dev.id)).toMatchObject({ state: "not-tracked", fetchedAt: null, appliedAt: null });
    expect(cellOf(named, shas.c1!, clusters.prod.id).state).toBe("applied");
  });

  it("shows only the commits in the time window", async () => {
    const view = (await timeline(`source=${repositoryId}&from=${encodeURIComponent(iso(55))}&to=${encodeURIComponent(iso(45))}`)).json as TimelineDto;
    expect(view.commits.map((c) => c.sha)).toEqual([shas.c2]);
    expect(view).toMatchObject({ from: iso(55), to: iso(45) });
  });

  it("answers 404 for a repository it does not know and 422 validation_failed for bad input, storing nothing", async () => {
    const unknown = await timeline(`source=${randomUUID()}`);
    expect(unknown.status).toBe(404);
    expect(unknown.json.error.code).toBe("not_found");
    for (const query of ["", "source=fleet", `source=${repositoryId}&cluster=prod`, `source=${repositoryId}&from=yesterday`, `source=${repositoryId}&from=${iso(10)}&to=${iso(20)}`, `source=${repositoryId}&cursor=bogus`, `source=${repositoryId}&limit=0`]) {
      const answer = await timeline(query);
      expect(answer.status, query).toBe(422);
      expect(answer.json.error.code).toBe("validation_failed");
    }
  });
});

describe("GET /api/repositories", () => {
  it("lists each repository once with whether its commits could be read and its last deployment", async () => {
    const answer = await call(repositoriesRoute, { headers: viewer, path: "/api/repositories" });
    expect(answer.status).toBe(200);
    const listed = (answer.json as SourceRepositoryDto[]).filter((r) => r.url === repo.url);
    expect(listed).toEqual([expect.objectContaining({ id: repositoryId, host: "git", rateLimit: null, lastDeployedAt: iso(44), commitDetails: { state: "available", message: null } })]);
  });
});

describe("GET /api/clusters/{id}/running", () => {
  it("shows each reconciler's applied revision with its commit, author and apply time, and goes stale when the cluster is unreachable", async () => {
    const row = await db().cluster.findUniqueOrThrow({ where: { id: clusters.prod.id } });
    const store = inventory().store;
    store.upsertCluster({ ...toClusterRecord(row), health: "connected" });
    store.replaceList(row.id, "GitRepository", [{ apiVersion: "source.toolkit.fluxcd.io/v1", kind: fleet.kind, metadata: { name: fleet.name, namespace: fleet.namespace }, spec: { url: repo.url } }]);
    store.replaceList(row.id, "Kustomization", [
      { apiVersion: "kustomize.toolkit.fluxcd.io/v1", kind: apps.kind, metadata: { name: apps.name, namespace: apps.namespace }, spec: { sourceRef: { kind: fleet.kind, name: fleet.name } }, status: { lastAppliedRevision: gitRevision(shas.c2!) } },
    ]);

    const answer = await call(runningNowRoute, { headers: viewer, params: { id: row.id }, path: `/api/clusters/${row.id}/running` });
    expect(answer.status).toBe(200);
    const running = answer.json as RunningNowDto;
    expect(running.stale).toBe(false);
    expect(running.reconcilers).toEqual([
      expect.objectContaining({
        reconciler: apps,
        source: { ...fleet, url: repo.url },
        repositoryId,
        revision: gitRevision(shas.c2!),
        appliedAt: iso(44),
        commit: expect.objectContaining({ sha: shas.c2, authorName: zoe.name, subject: "bump podinfo to 6.7" }),
        commitDetails: { state: "available", message: null },
        suspended: false,
      }),
    ]);
    expect(running.recentDeployments.map((d) => d.revision)).toEqual([gitRevision(shas.c2!), gitRevision(shas.c1!), gitRevision(shas.c0!)]);

    store.updateRecord(row.id, { health: "unreachable", healthMessage: "connection refused" });
    expect(((await call(runningNowRoute, { headers: viewer, params: { id: row.id } })).json as RunningNowDto).stale).toBe(true);
    expect((await call(runningNowRoute, { headers: viewer, params: { id: randomUUID() } })).status).toBe(404);
  });
});
