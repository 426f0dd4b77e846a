import { differenceInSeconds, subDays } from "date-fns";
import { compareRevisions, clusterSourceCredentials, enrichPendingCommits, readCommits, recordRepositoryFailure, registerSourceRepository, registerStoreRepositories } from "../commits";
import { db, Prisma } from "../db/client";
import type { Commit, Deployment, DeploymentChange, SourceRepository, SyncRecord } from "../db/generated/client";
import { parseFluxRevision } from "../drift/parse-flux-revision";
import { isGitError, type GitClient } from "../git";
import { log } from "../log/logger";
import { classifyChange } from "./classify-change";
import { findTrigger } from "./find-trigger";

export interface BuildOptions {
  git?: GitClient;
  now?: () => Date;
  /** Applied steps turned into deployments per run; the rest wait for the next. */
  batchSize?: number;
  signal?: AbortSignal;
}

export interface BuildCounts {
  created: number;
  resolved: number;
  unavailable: number;
  fetchedRevisions: number;
  /** Repositories whose commits GitHub was asked again for details it could not give before. */
  enriched: number;
}

// Fetched revisions older than this are not looked up again: a timeline shows recent history.
const FETCHED_LOOKBACK_DAYS = 30;
// A first read of a revision's history keeps this many commits, enough for a timeline's window.
const FETCHED_HISTORY = 50;

/** One run's view of the repositories: each registered once, and one that failed is not asked again until its retry. */
class RepositoryGate {
  private readonly byUrl = new Map<string, SourceRepository>();
  private readonly failed = new Map<string, string>();

  constructor(private readonly now: Date) {}

  async repository(url: string): Promise<SourceRepository> {
    const known = this.byUrl.get(url);
    if (known) return known;
    const row = await registerSourceRepository(url);
    this.byUrl.set(url, row);
    return row;
  }

  /** Why the repository is not to be read now, or undefined when it may be. */
  blocked(repository: SourceRepository): string | undefined {
    const failedNow = this.failed.get(repository.id);
    if (failedNow) return failedNow;
    if (repository.retryAt && repository.retryAt > this.now) return repository.lastError ?? "commit details unavailable";
    return undefined;
  }

  fail(repository: SourceRepository, message: string): void {
    this.failed.set(repository.id, message);
  }
}

/**
 * One run of the leader's deployment builder: every `applied` sync step without its Deployment
 * becomes one (keyed on cluster, reconciler, revision and Flux's apply time, so a rerun or a new
 * leader never doubles it), with the reconciler's previous applied revision, how the revision moved,
 * the user who triggered it, and its commits with their lead times. Deployments whose commits could
 * not be read are retried once their repository's backoff has passed, the commits of fetched
 * revisions are read so that the timeline can place them, and GitHub is asked again for the
 * details it could not give before (a spent budget).
 */
export async function buildDeployments(options: BuildOptions = {}): Promise<BuildCounts> {
  const now = (options.now ?? (() => new Date()))();
  const gate = new RepositoryGate(now);
  const counts: BuildCounts = { created: 0, resolved: 0, unavailable: 0, fetchedRevisions: 0, enriched: 0 };
  await registerStoreRepositories().catch((error: unknown) => log.warn({ err: error }, "deployments: registering the store's repositories failed"));
  for (const record of await pendingAppliedSteps(options.batchSize ?? 200)) {
    if (options.signal?.aborted) return counts;
    const deployment = await createDeployment(record, gate);
    counts.created += 1;
    if (await resolveCommits(deployment, gate, options)) counts.resolved += 1;
    else counts.unavailable += 1;
  }
  for (const deployment of await db().deployment.findMany({ where: { commitsResolved: false }, orderBy: { appliedAt: "asc" }, take: 100 })) {
    if (options.signal?.aborted) return counts;
    if (await resolveCommits(deployment, gate, options)) counts.resolved += 1;
  }
  counts.fetchedRevisions = await readFetchedRevisions(gate, options, now);
  if (!options.signal?.aborted) counts.enriched = await enrichPendingCommits();
  return counts;
}

interface PendingStep {
  id: string;
}

async function pendingAppliedSteps(limit: number): Promise<SyncRecord[]> {
  const ids = await db().$queryRaw<PendingStep[]>(Prisma.sql`
    SELECT s."id" FROM "SyncRecord" s
    WHERE s."phase" = 'applied' AND NOT EXISTS (
      SELECT 1 FROM "Deployment" d
      WHERE d."clusterId" = s."clusterId" AND d."objectKind" = s."kind" AND d."objectNamespace" = s."namespace"
        AND d."objectName" = s."name" AND d."revision" = s."revision" AND d."appliedAt" = s."at")
    ORDER BY s."at" ASC, s."id" ASC LIMIT ${limit}`);
  if (ids.length === 0) return [];
  return db().syncRecord.findMany({ where: { id: { in: ids.map((row) => row.id) } }, orderBy: [{ at: "asc" }, { id: "asc" }] });
}

const isGitSource = (record: Pick<SyncRecord, "sourceKind" | "sourceUrl">) => record.sourceKind === "GitRepository" && !!record.sourceUrl;

async function createDeployment(record: SyncRecord, gate: RepositoryGate): Promise<Deployment> {
  // Flux dates applies to the second: one in the same second as this one came before it if written before it.
  const previous = await db().syncRecord.findFirst({
    where: {
      clusterId: record.clusterId,
      kind: record.kind,
      namespace: record.namespace,
      name: record.name,
      phase: "applied",
      OR: [{ at: { lt: record.at } }, { at: record.at, id: { lt: record.id } }],
    },
    orderBy: [{ at: "desc" }, { id: "desc" }],
  });
  const repository = isGitSource(record) ? await gate.repository(record.sourceUrl!) : null;
  const reconciler = { kind: record.kind, namespace: record.namespace, name: record.name };
  const source = { kind: record.sourceKind, namespace: record.sourceNamespace, name: record.sourceName };
  const trigger = await findTrigger({ clusterId: record.clusterId, reconciler, source, after: previous?.at ?? null, appliedAt: record.at });
  const current = { revision: record.revision, sha: parseFluxRevision(record.revision).sha };
  const before = previous ? { revision: previous.revision, sha: parseFluxRevision(previous.revision).sha } : null;
  // Until git is asked, a move between two commits counts as forward; resolving the commits settles it.
  const change = classifyChange(before, current, null);
  const key = { clusterId: record.clusterId, objectKind: record.kind, objectNamespace: record.namespace, objectName: record.name, revision: record.revision, appliedAt: record.at };
  return db().deployment.upsert({
    where: { clusterId_objectKind_objectNamespace_objectName_revision_appliedAt: key },
    create: {
      ...key,
      sourceKind: record.sourceKind,
      sourceNamespace: record.sourceNamespace,
      sourceName: record.sourceName,
      repositoryId: repository?.id ?? null,
      previousRevision: previous?.revision ?? null,
      change,
      triggeredBy: trigger?.user ?? null,
      triggerAction: trigger?.action ?? null,
      reconstructed: record.reconstructed,
      commitsResolved: !repository || !current.sha,
    },
    update: {},
  });
}

/**
 * Reads a deployment's commits and settles how its revision moved. True when they are known (or
 * there are none to know); false when the Git host could not be read, recorded on the deployment.
 */
async function resolveCommits(deployment: Deployment, gate: RepositoryGate, options: BuildOptions): Promise<boolean> {
  if (deployment.commitsResolved) return true;
  const sha = parseFluxRevision(deployment.revision).sha;
  const repository = deployment.repositoryId ? await db().sourceRepository.findUnique({ where: { id: deployment.repositoryId } }) : null;
  if (!repository || !sha) {
    await db().deployment.update({ where: { id: deployment.id }, data: { commitsResolved: true, commitsError: null } });
    return true;
  }
  const blocked = gate.blocked(repository);
  if (blocked) return unavailable(deployment, blocked);
  const fallbackCredentials = deployment.sourceKind === "GitRepository" ? clusterSourceCredentials(deployment.clusterId, deployment.sourceNamespace, deployment.sourceName) : undefined;
  const access = { ...(options.git ? { git: options.git } : {}), ...(fallbackCredentials ? { fallbackCredentials } : {}), ...(options.signal ? { signal: options.signal } : {}) };
  const head = await readCommits(repository, undefined, sha, { ...access, max: 1 });
  if (!head.ok) {
    gate.fail(repository, head.error);
    return unavailable(deployment, head.error);
  }
  const previousSha = parseFluxRevision(deployment.previousRevision).sha;
  let change: DeploymentChange = deployment.change;
  let commits: Commit[] = deployment.change === "initial" ? head.commits : [];
  if (previousSha && previousSha !== sha && deployment.change !== "initial" && deployment.change !== "redeploy") {
    try {
      const comparison = await compareRevisions(repository, previousSha, sha, access);
      change = comparison === "previous-gone" ? "force_push" : classifyChange({ revision: deployment.previousRevision!, sha: previousSha }, { revision: deployment.revision, sha }, comparison);
    } catch (error) {
      const message = isGitError(error) ? error.message : `the Git host could not be read: ${repository.url}`;
      await recordRepositoryFailure(repository, message, new Date());
      gate.fail(repository, message);
      return unavailable(deployment, message);
    }
    if (change === "forward") {
      const range = await readCommits(repository, previousSha, sha, access);
      if (!range.ok) {
        gate.fail(repository, range.error);
        return unavailable(deployment, range.error);
      }
      commits = range.commits;
    } else if (change === "force_push") {
      commits = head.commits;
    }
  }
  await db().$transaction([
    db().deploymentCommit.createMany({
      skipDuplicates: true,
      data: commits.map((commit) => ({ deploymentId: deployment.id, commitId: commit.id, leadTimeSeconds: differenceInSeconds(deployment.appliedAt, commit.committedAt, { roundingMethod: "round" }) })),
    }),
    db().deployment.update({ where: { id: deployment.id }, data: { change, commitsResolved: true, commitsError: null } }),
  ]);
  return true;
}

async function unavailable(deployment: Deployment, message: string): Promise<false> {
  await db().deployment.update({ where: { id: deployment.id }, data: { commitsResolved: false, commitsError: message } });
  return false;
}

/** Reads the history of every Git revision a source fetched (or a reconciler failed on) that no Commit row holds yet. */
async function readFetchedRevisions(gate: RepositoryGate, options: BuildOptions, now: Date): Promise<number> {
  const steps = await db().syncRecord.findMany({
    where: { phase: { in: ["fetched", "failed"] }, sourceKind: "GitRepository", sourceUrl: { not: null }, at: { gte: subDays(now, FETCHED_LOOKBACK_DAYS) } },
    distinct: ["sourceUrl", "revision"],
    select: { clusterId: true, sourceUrl: true, sourceNamespace: true, sourceName: true, revision: true, sourceKind: true },
  });
  let read = 0;
  for (const step of steps) {
    if (options.signal?.aborted) break;
    const sha = parseFluxRevision(step.revision).sha;
    if (!sha) continue;
    const repository = await gate.repository(step.sourceUrl!);
    if (gate.blocked(repository) || (await db().commit.count({ where: { repositoryId: repository.id, sha } })) > 0) continue;
    const result = await readCommits(repository, undefined, sha, {
      max: FETCHED_HISTORY,
      fallbackCredentials: clusterSourceCredentials(step.clusterId, step.sourceNamespace, step.sourceName),
      ...(options.git ? { git: options.git } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
    });
    if (result.ok) read += 1;
    else gate.fail(repository, result.error);
  }
  return read;
}
