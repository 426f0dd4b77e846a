import { describe, expect, it } from "vitest";
import type { DeploymentDto, SuspensionWindowDto, TimelineDto } from "@/lib/schemas/timeline";
import { mergeTimelinePages } from "./merge-timeline-pages";

type Cluster = TimelineDto["clusters"][number];
type Commit = TimelineDto["commits"][number];

const kustomization = (name: string) => ({ kind: "Kustomization", namespace: "flux-system", name });
const cluster = (id: string, name: string, reconcilers = [kustomization("apps")]): Cluster => ({ id, name, labels: {}, health: "connected", reconcilers });
const commit = (sha: string) => ({ sha, cells: [] }) as unknown as Commit;
const rollback = (id: string) => ({ id, change: "rollback" }) as DeploymentDto;
const suspension = (clusterId: string) => ({ clusterId }) as SuspensionWindowDto;

function page(fields: Partial<TimelineDto>): TimelineDto {
  return {
    repository: { id: "repository" } as TimelineDto["repository"],
    from: "2026-11-01T00:00:00.000Z",
    to: "2026-12-01T00:00:00.000Z",
    clusters: [],
    commits: [],
    suspensions: [],
    rewrites: [],
    nextCursor: null,
    ...fields,
  };
}

const merge = (...pages: TimelineDto[]) => mergeTimelinePages(pages)!;

describe("mergeTimelinePages", () => {
  it("has nothing to show before the first page arrives", () => {
    expect(mergeTimelinePages([])).toBeUndefined();
  });

  it("lists the commits of every page in order, newest page first", () => {
    const merged = merge(page({ commits: [commit("c4"), commit("c3")], nextCursor: "2" }), page({ commits: [commit("c2"), commit("c1")] }));
    expect(merged.commits.map((c) => c.sha)).toEqual(["c4", "c3", "c2", "c1"]);
  });

  it("shows a commit that two pages both hold once, as the newer page has it", () => {
    const newer = { ...commit("c2"), subject: "as the newer page has it" };
    const merged = merge(page({ commits: [commit("c3"), newer] }), page({ commits: [{ ...commit("c2"), subject: "stale" }, commit("c1")] }));
    expect(merged.commits.map((c) => c.sha)).toEqual(["c3", "c2", "c1"]);
    expect(merged.commits[1]).toBe(newer);
  });

  it("shows a cluster that only an older page lists, among the others by name", () => {
    const merged = merge(
      page({ clusters: [cluster("p", "production"), cluster("s", "staging")] }),
      page({ clusters: [cluster("p", "production"), cluster("r", "retired-eu")] }),
    );
    expect(merged.clusters.map((c) => c.name)).toEqual(["production", "retired-eu", "staging"]);
  });

  it("gives a cluster the reconcilers it had on any page, each once", () => {
    const merged = merge(
      page({ clusters: [cluster("p", "production", [kustomization("apps")])] }),
      page({ clusters: [cluster("p", "production", [kustomization("apps"), kustomization("infra")])] }),
    );
    expect(merged.clusters).toHaveLength(1);
    expect(merged.clusters[0]!.reconcilers.map((ref) => ref.name)).toEqual(["apps", "infra"]);
  });

  it("shows a rollback at a page boundary once", () => {
    const merged = merge(page({ rewrites: [rollback("r2"), rollback("r1")] }), page({ rewrites: [rollback("r1"), rollback("r0")] }));
    expect(merged.rewrites.map((r) => r.id)).toEqual(["r2", "r1", "r0"]);
  });

  it("takes the repository, the window and the suspensions from the first page, where they are current", () => {
    const first = page({ suspensions: [suspension("p")], to: "2026-12-01T00:15:00.000Z" });
    const merged = merge(first, page({ suspensions: [] }));
    expect(merged).toMatchObject({ repository: first.repository, from: first.from, to: first.to, suspensions: first.suspensions });
    expect(merged).not.toHaveProperty("nextCursor");
  });
});
