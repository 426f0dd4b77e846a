import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { subMinutes } from "date-fns";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as timelineRoute } from "@/app/api/timeline/route";
import { db } from "@/lib/db/client";
import { buildDeployments } from "@/lib/deployments";
import { createGitClient } from "@/lib/git";
import type { TimelineDto } from "@/lib/schemas/timeline";
import { getTimeline, type TimelineFilter } from "@/lib/timeline";
import { scratchRepository } from "../support/git-repository";
import { call } from "../support/http";
import { clusterRow, syncStep } from "../support/timeline-seed";
import { newUser } from "../support/users";

const alice = { name: "Alice Martin", email: "alice@example.com" };
const zoe = { name: "Zoë Ångström", email: "zoe@example.com" };

const work = mkdtempSync(join(tmpdir(), "syncline-timeline-cache-"));
const git = createGitClient({ cacheDir: join(work, "git-cache") });
const repo = scratchRepository();
const now = new Date(Math.floor(Date.now() / 1000) * 1000);
const at = (minutesAgo: number) => subMinutes(now, minutesAgo);
const iso = (minutesAgo: number) => at(minutesAgo).toISOString();

const shas: Record<"c1" | "c2", string> = {} as never;
let cluster: { id: string; name: string };
let other: { id: string; name: string };
let filter: TimelineFilter;

const cellOf = (view: TimelineDto, sha: string) => view.commits.find((c) => c.sha === sha)!.cells.find((c) => c.clusterId === cluster.id)!;

async function buildAllDeployments() {
  for (let run = 0; run < 20; run++) if ((await buildDeployments({ git })).created === 0) return;
}

beforeAll(async () => {
  shas.c1 = repo.commit(alice, "add podinfo", at(30));
  shas.c2 = repo.commit(zoe, "bump podinfo to 6.7", at(20));
  cluster = await clusterRow("cache", { env: "prod" });
  await syncStep(cluster.id, repo.url, "fetched", shas.c1, at(28));
  await syncStep(cluster.id, repo.url, "applied", shas.c1, at(27));
  // Another cluster fetched the second commit already, so Syncline has read it.
  other = await clusterRow("cache-other", { env: "dev" });
  await syncStep(other.id, repo.url, "fetched", shas.c2, at(25));
  await buildAllDeployments();
  const repositoryId = (await db().sourceRepository.findUniqueOrThrow({ where: { url: repo.url } })).id;
  // A window with an end: the only kind a replica keeps.
  filter = { repositoryId, from: iso(120), to: now.toISOString() };
}, 120_000);

afterAll(async () => {
  await db().cluster.deleteMany({ where: { id: { in: [cluster.id, other.id] } } });
  await db().sourceRepository.deleteMany({ where: { url: repo.url } });
  repo.remove();
  rmSync(work, { recursive: true, force: true });
});

// One spec, in order: each write is followed at once by a read of the same window, which must show it.
describe("a timeline kept by a replica", () => {
  it("is served again while nothing changed, and never hides a new sync step, deployment, suspension, enrichment or cluster label", async () => {
    const first = await getTimeline(filter);
    expect(cellOf(first, shas.c1)).toMatchObject({ state: "applied", appliedAt: iso(27) });
    expect(cellOf(first, shas.c2)).toMatchObject({ state: "pending", fetchedAt: null });
    expect(await getTimeline(filter)).toBe(first);

    await syncStep(cluster.id, repo.url, "fetched", shas.c2, at(15));
    expect(cellOf(await getTimeline(filter), shas.c2)).toMatchObject({ state: "fetched", fetchedAt: iso(15) });

    // The applied step alone makes no cell "applied": the deployment built from it does.
    await syncStep(cluster.id, repo.url, "applied", shas.c2, at(14));
    expect(cellOf(await getTimeline(filter), shas.c2).state).toBe("fetched");
    await buildAllDeployments();
    expect(cellOf(await getTimeline(filter), shas.c2)).toMatchObject({ state: "applied", appliedAt: iso(14), leadTimeSeconds: 6 * 60 });

    const suspension = await db().suspension.create({ data: { clusterId: cluster.id, actor: "dana", reason: "change freeze", createdAt: at(10) } });
    expect((await getTimeline(filter)).suspensions).toEqual([expect.objectContaining({ clusterId: cluster.id, actor: "dana", from: iso(10), to: null })]);
    await db().suspension.update({ where: { id: suspension.id }, data: { endedAt: at(5), endedBy: "dana" } });
    expect((await getTimeline(filter)).suspensions).toEqual([expect.objectContaining({ from: iso(10), to: iso(5) })]);

    await db().commit.updateMany({
      where: { sha: shas.c2 },
      data: { pullRequestNumber: 42, pullRequestTitle: "Bump podinfo", pullRequestUrl: "https://github.example/fleet/pull/42", mergedBy: "alice", enrichedAt: new Date() },
    });
    const enriched = (await getTimeline(filter)).commits.find((c) => c.sha === shas.c2)!;
    expect(enriched.pullRequest).toMatchObject({ number: 42, mergedBy: "alice" });

    await db().cluster.update({ where: { id: cluster.id }, data: { labels: { env: "staging" } } });
    expect((await getTimeline(filter)).clusters).toContainEqual(expect.objectContaining({ id: cluster.id, labels: { env: "staging" } }));
  });

  it("answers the API the same as a fresh read", async () => {
    const viewer = { authorization: `Bearer ${await (await newUser("viewer")).token()}` };
    const path = `/api/timeline?source=${filter.repositoryId}&from=${encodeURIComponent(filter.from!)}&to=${encodeURIComponent(filter.to!)}`;
    const kept = await call(timelineRoute, { headers: viewer, path });
    expect(kept.status).toBe(200);
    const fresh = await call(timelineRoute, { headers: viewer, path: `/api/timeline?source=${filter.repositoryId}&from=${encodeURIComponent(filter.from!)}` });
    expect((kept.json as TimelineDto).commits).toEqual((fresh.json as TimelineDto).commits);
  });
});
