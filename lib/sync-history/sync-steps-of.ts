import type { FluxKind, ObjectRef } from "../fleet/dto";
import { resourceOf, type FluxObject } from "../k8s/resources";
import { stepKey, type SyncStep } from "./sync-step";
import { safeUrl } from "../git/safe-url";

export interface SyncStepsOptions {
  /** The same object as seen before: only steps it did not already show are returned. */
  previous?: FluxObject | null;
  /** The URL of a source object as the store holds it now, or null when it is not known. */
  sourceUrlOf?: (ref: ObjectRef) => string | null;
}

interface Condition {
  type: string;
  status: string;
  reason?: string;
  message?: string;
  lastTransitionTime?: string;
}

/** One entry of a Kustomization's status.history (fluxcd/pkg/apis/meta Snapshot), newest first. */
interface KustomizationSnapshot {
  firstReconciled?: string;
  lastReconciledStatus?: string;
  metadata?: { revision?: string };
}

/** One entry of a HelmRelease's status.history (one Helm release version), newest first. */
interface HelmReleaseSnapshot {
  name?: string;
  namespace?: string;
  version?: number;
  action?: string;
  chartName?: string;
  chartVersion?: string;
  appVersion?: string;
  lastDeployed?: string;
  status?: string;
}

const SUCCEEDED = "ReconciliationSucceeded";
const PROGRESSING_WITH_RETRY = "ProgressingWithRetry";
/** Helm release states whose release was deployed: a superseded one was, before its successor. */
const DEPLOYED_RELEASE = new Set(["deployed", "superseded"]);

type Draft = Omit<SyncStep, "kind" | "namespace" | "name" | "sourceKind" | "sourceNamespace" | "sourceName" | "sourceUrl" | "at" | "oncePerRevision" | "repeatSignature"> & {
  at: string | undefined;
  oncePerRevision?: boolean;
  repeatSignature?: string | null;
};

/**
 * The sync steps a Flux object shows (docs/sync-history.md): a source's artifact as `fetched`; a
 * Kustomization's or HelmRelease's `.status.history` as `applied` (and a failed Helm release as
 * `failed`); Ready=False as `failed`; Reconciling=True as `progressing`. Every step carries Flux's
 * own timestamp, so the same step read live and read back after a restart is the same row. With
 * `previous`, only the steps that object did not show are returned: Flux rewrites its status on
 * every reconcile, and most rewrites add nothing.
 */
export function syncStepsOf(kind: FluxKind, object: FluxObject, options: SyncStepsOptions = {}): SyncStep[] {
  const steps = allStepsOf(kind, object, options.sourceUrlOf ?? (() => null));
  if (!options.previous) return steps;
  const seen = new Set(allStepsOf(kind, options.previous, () => null).map(stepKey));
  return steps.filter((step) => !seen.has(stepKey(step)));
}

function allStepsOf(kind: FluxKind, object: FluxObject, sourceUrlOf: (ref: ObjectRef) => string | null): SyncStep[] {
  const resource = resourceOf(kind, object);
  const self: ObjectRef = { kind, namespace: resource.namespace, name: resource.name };
  const isSource = kind !== "Kustomization" && kind !== "HelmRelease";
  // A HelmChart is built from another source; Git, OCI and Helm repositories and Buckets are their own.
  const source = kind === "HelmChart" || !isSource ? (resource.sourceRef ?? self) : self;
  const sourceUrl = storedUrl(source === self ? urlOf(object) : sourceUrlOf(source));
  const conditions = (object.status?.conditions ?? []) as Condition[];
  const drafts: Draft[] = [
    ...(kind === "Kustomization" ? kustomizationApplies(object, resource.appliedAt) : []),
    ...(kind === "HelmRelease" ? helmReleaseSteps(object) : []),
    ...(isSource ? artifactFetch(object, conditions) : []),
    ...conditionSteps(object, conditions),
  ];
  return drafts.flatMap((draft) => {
    const at = fluxTime(draft.at);
    if (!at) return [];
    return [
      {
        kind,
        namespace: self.namespace,
        name: self.name,
        sourceKind: source.kind,
        sourceNamespace: source.namespace,
        sourceName: source.name,
        sourceUrl,
        phase: draft.phase,
        revision: draft.revision,
        message: draft.message,
        at,
        current: draft.current,
        oncePerRevision: draft.oncePerRevision ?? false,
        repeatSignature: draft.repeatSignature ?? null,
      },
    ];
  });
}

/**
 * Each succeeded history entry is an apply of its revision at its firstReconciled. The entry of
 * the revision applied now is dated as the store's note dates it (FluxResource.appliedAt): when a
 * revision that builds the same manifests relabels an entry, firstReconciled predates the commit,
 * and the note holds when the relabelling run applied it. A step still dated by firstReconciled may
 * be a relabelled entry (SyncStep.oncePerRevision). With no entry, the Ready condition dates it.
 */
function kustomizationApplies(object: FluxObject, appliedAt: string | null): Draft[] {
  const status = object.status ?? {};
  const applied = status.lastAppliedRevision as string | undefined;
  const history = (status.history as KustomizationSnapshot[] | undefined) ?? [];
  // Oldest first, as they happened: two applies Flux dates in one second keep their order when written.
  const drafts: Draft[] = [...history]
    .reverse()
    .filter((entry) => entry.lastReconciledStatus === SUCCEEDED && entry.metadata?.revision)
    .map((entry) => {
      const revision = entry.metadata!.revision!;
      const current = revision === applied;
      const at = current ? (appliedAt ?? entry.firstReconciled) : entry.firstReconciled;
      return { phase: "applied", revision, message: `Applied revision: ${revision}`, at, current, oncePerRevision: sameTime(at, entry.firstReconciled) };
    });
  if (applied && !drafts.some((draft) => draft.current)) {
    const ready = conditionOf(object, "Ready");
    const at = appliedAt ?? (ready?.status === "True" ? ready.lastTransitionTime : undefined);
    drafts.push({ phase: "applied", revision: applied, message: `Applied revision: ${applied}`, at, current: true });
  }
  return drafts;
}

/**
 * Each Helm release version in the history: deployed (or since superseded) is an apply of its
 * chart version at lastDeployed, as `flux get helmreleases` names the revision; a failed one is a failure.
 */
function helmReleaseSteps(object: FluxObject): Draft[] {
  const history = (object.status?.history as HelmReleaseSnapshot[] | undefined) ?? [];
  // Oldest first, as they happened, like a Kustomization's applies.
  return [...history].reverse().flatMap((snapshot, index): Draft[] => {
    if (!snapshot.chartVersion || !snapshot.status) return [];
    const release = `${snapshot.namespace ?? ""}/${snapshot.name ?? ""}.v${snapshot.version ?? "?"}`;
    const chart = `${snapshot.chartName ?? "chart"}@${snapshot.chartVersion}${snapshot.appVersion ? ` (app ${snapshot.appVersion})` : ""}`;
    if (DEPLOYED_RELEASE.has(snapshot.status)) {
      return [{ phase: "applied", revision: snapshot.chartVersion, message: `Helm ${snapshot.action ?? "release"} ${release} with chart ${chart}`, at: snapshot.lastDeployed, current: index === history.length - 1 }];
    }
    if (snapshot.status === "failed") {
      return [{ phase: "failed", revision: snapshot.chartVersion, message: `Helm ${snapshot.action ?? "release"} ${release} with chart ${chart} failed`, at: snapshot.lastDeployed, current: false }];
    }
    return [];
  });
}

/** A source's artifact: stored (fetched) at lastUpdateTime, which moves only when a new artifact is stored. */
function artifactFetch(object: FluxObject, conditions: Condition[]): Draft[] {
  const artifact = object.status?.artifact as { revision?: string; lastUpdateTime?: string } | undefined;
  if (!artifact?.revision) return [];
  const stored = conditions.find((c) => (c.type === "ArtifactInStorage" || c.type === "Ready") && c.status === "True");
  return [{ phase: "fetched", revision: artifact.revision, message: stored?.message ?? `stored artifact for revision '${artifact.revision}'`, at: artifact.lastUpdateTime, current: true }];
}

/**
 * Ready=False is a failure of the revision last attempted; Reconciling=True is work starting.
 * Both are re-stamped on every retry, so each carries what stays the same across retries.
 */
function conditionSteps(object: FluxObject, conditions: Condition[]): Draft[] {
  const attempted = (object.status?.lastAttemptedRevision as string | undefined) ?? "";
  const drafts: Draft[] = [];
  const ready = conditions.find((c) => c.type === "Ready");
  if (ready?.status === "False") {
    const reason = ready.reason ?? "Failed";
    drafts.push({ phase: "failed", revision: attempted, message: ready.message ? `${reason}: ${ready.message}` : reason, at: ready.lastTransitionTime, current: true, repeatSignature: `${attempted}|${reason}` });
  }
  const reconciling = conditions.find((c) => c.type === "Reconciling" && c.status === "True");
  // ProgressingWithRetry is the failure above being retried, not new work.
  if (reconciling && reconciling.reason !== PROGRESSING_WITH_RETRY) {
    const message = reconciling.message ?? reconciling.reason ?? "Reconciling";
    drafts.push({ phase: "progressing", revision: "", message, at: reconciling.lastTransitionTime, current: true, repeatSignature: message });
  }
  return drafts;
}

function conditionOf(object: FluxObject, type: string): Condition | undefined {
  return ((object.status?.conditions ?? []) as Condition[]).find((c) => c.type === type);
}

function urlOf(object: FluxObject): string | null {
  const url = object.spec?.url;
  return typeof url === "string" && url !== "" ? url : null;
}

/** Stored as the repository registry keys it (lib/commits), and free of any user or password written into it. */
function storedUrl(url: string | null): string | null {
  return url ? safeUrl(url) : null;
}

function sameTime(a: string | undefined, b: string | undefined): boolean {
  return a !== undefined && b !== undefined && Date.parse(a) === Date.parse(b);
}

function fluxTime(value: string | undefined): Date | null {
  if (!value) return null;
  const at = new Date(value);
  return Number.isNaN(at.getTime()) ? null : at;
}
