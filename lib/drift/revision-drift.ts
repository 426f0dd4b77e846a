import { gitClient, isGitError, safeUrl, type GitClient, type GitCredentials } from "../git";
import { GitRepository, HelmChart, HelmRelease, isFluxKind, resourceOf, type FluxObject } from "../k8s/resources";
import type { CommitInfo, RevisionDrift } from "../schemas/drift";
import { decideRevisionLag } from "./decide-revision-lag";
import type { DriftContext } from "./drift-context";
import { parseFluxRevision } from "./parse-flux-revision";
import { readGitHead } from "./read-git-head";
import { sourceCredentials } from "./source-credentials";
import { trackedRefOf, type GitRepositoryRef, type TrackedRef } from "./tracked-ref";

type ReconcilerKind = "Kustomization" | "HelmRelease";
type Ref = { kind: string; namespace: string; name: string };

/** The newest commits a report lists; `behind` still counts them all. */
export const MAX_LISTED_COMMITS = 200;

/** Where a reconciler's revisions come from, and what it applied, in its source's terms. */
interface SourcePath {
  /** The object whose artifact the reconciler applies (a HelmChart for a chart built from a HelmRepository). */
  source: Ref | null;
  /** The GitRepository behind it, when there is one. */
  gitRepository: FluxObject | null;
  /** Why no GitRepository: not a Git source, or the source is missing. */
  notGit: string | null;
  fetched: string | null;
  applied: string | null;
  appliedIsFetched: boolean;
}

/**
 * How far one Kustomization or HelmRelease is behind Git: the tracked ref's head asked of the Git
 * host (`git ls-remote`, with the GitRepository's own credentials), the source's artifact
 * revision, and the reconciler's last applied revision; which step lags; and the commits between
 * applied and head, from the cached clone. A HelmRelease whose chart is built from a
 * GitRepository (through its HelmChart, or spec.chartRef) is followed to that repository. When
 * Git head cannot be read, it says so with the reason and claims nothing: behind stays null.
 */
export async function computeRevisionDrift(ctx: DriftContext, kind: ReconcilerKind, reconciler: FluxObject, git: GitClient = gitClient()): Promise<RevisionDrift> {
  const resource = resourceOf(kind, reconciler);
  const ready = resource.readyCondition;
  // A reconciler paused after failing still runs what it failed to replace: it stays failing, shown as paused.
  const failing = ready?.status === "False";
  const path = kind === HelmRelease.kind ? helmReleasePath(ctx, reconciler) : kustomizationPath(ctx, reconciler);
  const base = {
    reconciler: { kind, namespace: resource.namespace, name: resource.name },
    source: path.source,
    fetched: path.fetched,
    applied: path.applied,
    failingSince: failing ? (ready?.lastTransitionTime ?? null) : null,
    failingMessage: failing ? (ready?.message ?? null) : null,
  };
  const lagInput = { suspended: resource.suspended, failing, fetched: path.fetched !== null, appliedIsFetched: path.appliedIsFetched };

  if (!path.gitRepository) {
    const gitHead = path.notGit === NOT_GIT ? "not-git" : "unknown";
    return { ...base, url: null, ref: null, gitHead: null, gitHeadError: path.notGit, lag: decideRevisionLag({ ...lagInput, gitHead, fetchedIsHead: false }), behind: null, commits: [] };
  }

  const spec = (path.gitRepository.spec ?? {}) as { url?: string; ref?: GitRepositoryRef };
  const url = spec.url ?? "";
  const tracked = trackedRefOf(spec);
  const head = await readHead(ctx, git, url, path.gitRepository, tracked);
  const fetchedSha = parseFluxRevision(path.fetched).sha;
  const appliedSha = parseFluxRevision(path.applied).sha;
  const lag = decideRevisionLag({ ...lagInput, gitHead: head.sha ? "known" : "unknown", fetchedIsHead: head.sha !== null && fetchedSha === head.sha });
  const history = head.sha && appliedSha && head.credentials ? await commitsBehind(ctx, git, url, appliedSha, head.sha, head.credentials) : null;
  return {
    ...base,
    url: safeUrl(url),
    ref: tracked.label,
    gitHead: head.sha,
    gitHeadError: head.error,
    lag,
    behind: history?.length ?? null,
    commits: history?.slice(0, MAX_LISTED_COMMITS) ?? [],
  };
}

/** Why a reconciler whose source is not Git (a Helm or OCI repository) has no Git head: nothing to count, not unknown. */
export const NOT_GIT = "not a Git source";

async function readHead(
  ctx: DriftContext,
  git: GitClient,
  url: string,
  gitRepository: FluxObject,
  tracked: TrackedRef,
): Promise<{ sha: string | null; error: string | null; credentials: GitCredentials | null }> {
  try {
    const credentials = await sourceCredentials(ctx.client, gitRepository, ctx.signal);
    return { sha: await readGitHead(git, url, tracked, credentials, ctx.signal), error: null, credentials };
  } catch (error) {
    return { sha: null, error: isGitError(error) ? error.message : `Git head unknown: ${safeUrl(url)} could not be read`, credentials: null };
  }
}

/** null when the commits cannot be had (the applied commit is gone, the fetch failed): unknown, never 0. */
async function commitsBehind(ctx: DriftContext, git: GitClient, url: string, applied: string, head: string, credentials: GitCredentials): Promise<CommitInfo[] | null> {
  if (applied === head) return [];
  try {
    await git.ensureCommit(url, head, credentials, ctx.signal);
    await git.ensureCommit(url, applied, credentials, ctx.signal);
    return await git.commitsBetween(url, applied, head, ctx.signal);
  } catch {
    return null;
  }
}

function find(ctx: DriftContext, ref: Ref): FluxObject | null {
  if (!isFluxKind(ref.kind)) return null;
  return ctx.objectsOf(ref.kind).find((object) => object.metadata.name === ref.name && (object.metadata.namespace ?? "") === ref.namespace) ?? null;
}

const artifactRevision = (object: FluxObject | null): string | null =>
  ((object?.status?.artifact as { revision?: string } | undefined)?.revision ?? null);

function missing(ref: Ref | null): string {
  return ref ? `${ref.kind} ${ref.namespace}/${ref.name} not found` : "no source";
}

function kustomizationPath(ctx: DriftContext, kustomization: FluxObject): SourcePath {
  const source = resourceOf("Kustomization", kustomization).sourceRef;
  const object = source ? find(ctx, source) : null;
  const fetched = artifactRevision(object);
  const applied = (kustomization.status?.lastAppliedRevision as string | undefined) ?? null;
  const isGit = source?.kind === GitRepository.kind;
  return {
    source,
    gitRepository: isGit ? object : null,
    notGit: !object ? missing(source) : isGit ? null : NOT_GIT,
    fetched,
    applied,
    appliedIsFetched: sameRevision(fetched, applied),
  };
}

/**
 * A HelmRelease applies a chart: from a HelmChart (made from spec.chart, or named by spec.chartRef)
 * or an OCIRepository (spec.chartRef). A HelmChart built from a GitRepository records the Git
 * revision it was built from (status.observedSourceArtifactRevision); while the release runs that
 * chart's version, that is the Git revision the release applied.
 */
function helmReleasePath(ctx: DriftContext, helmRelease: FluxObject): SourcePath {
  const release = new HelmRelease(helmRelease);
  const ref = release.sourceRef;
  const history = (helmRelease.status?.history as Array<{ chartVersion?: string; ociDigest?: string }> | undefined)?.[0];
  const chartVersion = history?.chartVersion ?? null;
  if (ref?.kind === "OCIRepository") {
    const object = find(ctx, ref);
    const fetched = artifactRevision(object);
    const digest = history?.ociDigest;
    const applied = chartVersion && digest ? `${chartVersion}@${digest}` : chartVersion;
    return { source: ref, gitRepository: null, notGit: object ? NOT_GIT : missing(ref), fetched, applied, appliedIsFetched: digest ? Boolean(fetched?.endsWith(`@${digest}`)) : sameRevision(fetched, applied) };
  }
  const chartRef = ref?.kind === HelmChart.kind ? ref : ref ? helmChartOf(helmRelease, ref) : null;
  const chart = chartRef ? find(ctx, chartRef) : null;
  if (!chart) return { source: chartRef, gitRepository: null, notGit: missing(chartRef), fetched: null, applied: chartVersion, appliedIsFetched: false };
  const chartSource = resourceOf(HelmChart.kind, chart).sourceRef;
  const chartBuilt = artifactRevision(chart);
  if (chartSource?.kind !== GitRepository.kind) {
    return { source: chartRef, gitRepository: null, notGit: NOT_GIT, fetched: chartBuilt, applied: chartVersion, appliedIsFetched: sameRevision(chartBuilt, chartVersion) };
  }
  const gitRepository = find(ctx, chartSource);
  const fetched = artifactRevision(gitRepository);
  const builtFrom = (chart.status?.observedSourceArtifactRevision as string | undefined) ?? null;
  const applied = chartVersion !== null && chartVersion === chartBuilt ? builtFrom : null;
  return { source: chartSource, gitRepository, notGit: gitRepository ? null : missing(chartSource), fetched, applied, appliedIsFetched: sameRevision(fetched, applied) };
}

/** helm-controller names the HelmChart it makes for spec.chart "<release namespace>-<release name>", in the source's namespace. */
function helmChartOf(helmRelease: FluxObject, sourceRef: Ref): Ref {
  const recorded = helmRelease.status?.helmChart as string | undefined;
  const [namespace, name] = recorded?.includes("/") ? recorded.split("/", 2) : [sourceRef.namespace, `${helmRelease.metadata.namespace ?? ""}-${helmRelease.metadata.name}`];
  return { kind: HelmChart.kind, namespace: namespace!, name: name! };
}

/** Two revisions of one source: the same commit when both name one, else the same text. */
function sameRevision(a: string | null, b: string | null): boolean {
  if (a === null || b === null) return false;
  const [shaA, shaB] = [parseFluxRevision(a).sha, parseFluxRevision(b).sha];
  return shaA !== null && shaB !== null ? shaA === shaB : a === b;
}
