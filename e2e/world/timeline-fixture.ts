import type { CommitState, TimelineDto } from "@/lib/schemas/timeline";

const HOUR = 3_600_000;
const states: CommitState[] = ["applied", "applied", "applied", "fetched", "failed", "pending"];

export interface LargeTimeline {
  repository: TimelineDto["repository"];
  /** The answer to one GET /api/timeline, for its `cursor` and `limit`. */
  page: (query: URLSearchParams) => TimelineDto;
}

/**
 * A timeline larger than the sandbox can make (it has two clusters): `clusters` columns and
 * `commits` rows an hour apart, with one cluster suspended over a stretch of them, failures, a
 * rollback, and the Git host unreachable. It is served in place of the API's answer, a page at a
 * time as the API serves it, to check what the page does at the sizes the issue names; its shape
 * is the API's own type. Its cursor is the offset of a page's first commit.
 */
export function largeTimeline({ clusters, commits, now = Date.now() }: { clusters: number; commits: number; now?: number }): LargeTimeline {
  const iso = (ms: number) => new Date(ms).toISOString();
  const clusterList = Array.from({ length: clusters }, (_, i) => ({
    id: `cluster-${i}`,
    name: `${i % 3 === 0 ? "production" : "staging"}-${String(i).padStart(2, "0")}`,
    labels: { env: i % 3 === 0 ? "production" : "staging", region: i % 2 ? "eu-west-1" : "us-east-1" },
    health: "connected",
    reconcilers: [{ kind: "Kustomization", namespace: "flux-system", name: "apps" }],
  }));
  const suspension = {
    clusterId: "cluster-3",
    object: null,
    from: iso(now - 12 * HOUR),
    to: iso(now - 4 * HOUR),
    actor: "ana",
    reason: "INC-2041: database failover, hold every rollout",
    until: iso(now - 2 * HOUR),
  };
  const repository = {
    id: "repository-large",
    url: "https://github.example/acme/fleet.git",
    webUrl: "https://github.example/acme/fleet",
    host: "github" as const,
    lastFetchedAt: iso(now),
    commitDetails: { state: "unavailable" as const, message: "github.example answered 503 Service Unavailable" },
    rateLimit: null,
    clusters: clusterList.map(({ id, name }) => ({ id, name, sources: [{ kind: "GitRepository", namespace: "flux-system", name: "fleet" }] })),
    lastDeployedAt: iso(now),
  };
  const commitList = Array.from({ length: commits }, (_, n) => {
    const committedAt = now - (n + 1) * HOUR;
    const sha = `${(n + 1).toString(16).padStart(7, "0")}${"ab".repeat(16)}f`;
    return {
      sha,
      shortSha: sha.slice(0, 7),
      authorName: n % 2 ? "Zoë Ångström" : "Devendra Rao",
      authorEmail: "dev@acme-shop.io",
      authorLogin: null,
      authoredAt: iso(committedAt),
      committerName: "Devendra Rao",
      committedAt: iso(committedAt),
      subject: `commit number ${n + 1}: bump web to 6.${n}.0`,
      message: `commit number ${n + 1}`,
      webUrl: `${repository.webUrl}/commit/${sha}`,
      pullRequest: n % 4 === 0 ? { number: 1000 - n, title: "bump", url: `${repository.webUrl}/pull/${1000 - n}`, mergedBy: "maria" } : null,
      cells: clusterList.map((cluster, c) => {
        const held = cluster.id === suspension.clusterId && committedAt >= Date.parse(suspension.from) && committedAt <= Date.parse(suspension.to);
        const state: CommitState = held ? "held" : n < 2 && c % 5 === 1 ? "pending" : states[(n + c) % states.length]!;
        const appliedAt = state === "applied" || state === "failed" ? iso(committedAt + 5 * 60_000 + c * 1000) : null;
        return {
          clusterId: cluster.id,
          state,
          fetchedAt: state === "pending" ? null : iso(committedAt + 60_000),
          appliedAt,
          leadTimeSeconds: state === "applied" ? 300 + c : null,
          message: state === "failed" ? "kustomize build failed: accumulating resources: missing file apps/web" : null,
          heldBy: held ? suspension : null,
          reconciler: { kind: "Kustomization", namespace: "flux-system", name: "apps" },
        };
      }),
    };
  });
  const rollback = {
    id: "rollback-1",
    cluster: { id: "cluster-0", name: clusterList[0]!.name },
    reconciler: { kind: "Kustomization", namespace: "flux-system", name: "apps" },
    source: { kind: "GitRepository", namespace: "flux-system", name: "fleet", url: repository.url },
    repositoryId: repository.id,
    revision: `main@sha1:${commitList[5]!.sha}`,
    previousRevision: `main@sha1:${commitList[2]!.sha}`,
    change: "rollback" as const,
    appliedAt: iso(now - 2.5 * HOUR),
    trigger: { user: "ana", action: "reconcile" as const },
    commits: [],
    commitDetails: repository.commitDetails,
    reconstructed: false,
  };
  const from = now - (commits + 1) * HOUR;
  const page = (query: URLSearchParams): TimelineDto => {
    const offset = Number(query.get("cursor") ?? 0);
    const end = offset + Number(query.get("limit") ?? 100);
    const more = end < commitList.length;
    // A page's rewrites fall between its oldest commit and the previous page's (the last page reaches back to `from`).
    const newest = offset === 0 ? now : Date.parse(commitList[offset - 1]!.committedAt);
    const oldest = more ? Date.parse(commitList[end - 1]!.committedAt) : from;
    return {
      repository,
      from: iso(from),
      to: iso(now),
      clusters: clusterList,
      commits: commitList.slice(offset, end),
      suspensions: [suspension],
      rewrites: [rollback].filter((rewrite) => Date.parse(rewrite.appliedAt) >= oldest && Date.parse(rewrite.appliedAt) <= newest),
      nextCursor: more ? String(end) : null,
    };
  };
  return { repository, page };
}
