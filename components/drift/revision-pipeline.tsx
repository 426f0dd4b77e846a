import { Revision } from "@/components/fleet/revision";
import { cn } from "@/components/ui/cn";
import { shortDateTime } from "@/components/ui/format";
import { TimeAgo } from "@/components/ui/time-ago";
import type { RevisionDrift } from "@/lib/schemas/drift";
import { describeBehind, describeLag } from "./describe-drift";

type StepTone = "ok" | "lags" | "fail" | "unknown";

const stepTone: Record<StepTone, string> = {
  ok: "border-line",
  lags: "border-warn/60 bg-warn-soft",
  fail: "border-fail/50 bg-fail-soft",
  unknown: "border-dashed border-line-strong",
};

/** Which of the three steps (Git head, fetched, applied) holds the reconciler back. */
function tones(revision: RevisionDrift): [StepTone, StepTone, StepTone] {
  const head: StepTone = revision.gitHead === null ? "unknown" : "ok";
  switch (revision.lag) {
    case "source-not-fetched":
      return [head, "lags", "lags"];
    case "fetched-not-applied":
    case "paused":
      return [head, "ok", "lags"];
    case "failing":
      return [head, "ok", "fail"];
    default:
      return [head, "ok", "ok"];
  }
}

function Step({ label, tone, children }: { label: string; tone: StepTone; children: React.ReactNode }) {
  return (
    <li className={cn("flex min-w-0 flex-1 flex-wrap items-baseline gap-x-2 rounded-md border px-3 py-1.5", stepTone[tone])}>
      <span className="text-[11px] font-medium tracking-wide text-fg-subtle uppercase">{label}</span>
      <span className="min-w-0 text-[13px] [overflow-wrap:anywhere]">{children}</span>
    </li>
  );
}

const Arrow = () => (
  <li aria-hidden="true" className="flex items-center justify-center text-fg-subtle max-sm:rotate-90">
    →
  </li>
);

/** Git head → fetched → applied for one reconciler, the step that lags marked, and the commits it is behind. */
export function RevisionPipeline({ revision }: { revision: RevisionDrift }) {
  const [head, fetched, applied] = tones(revision);
  const reconciler = `${revision.reconciler.kind} ${revision.reconciler.namespace}/${revision.reconciler.name}`;
  const behind = describeBehind(revision.behind);
  return (
    <div className="flex flex-col gap-2 px-4 py-3" data-testid="revision-drift">
      <div className="flex flex-wrap items-baseline gap-x-3 gap-y-0.5">
        <h3 className="text-[13px] font-medium">
          <span className="font-normal text-fg-muted">{revision.reconciler.kind} </span>
          {revision.reconciler.namespace}/{revision.reconciler.name}
        </h3>
        <span className={cn("text-xs font-medium", revision.lag === "in-sync" ? "text-ok" : revision.lag === "failing" ? "text-fail" : "text-warn")}>
          {describeLag(revision)}
        </span>
        {behind && <span className="text-xs text-fg-muted">{behind}</span>}
        {revision.url && (
          <span className="font-mono text-[11px] break-all text-fg-subtle">
            {revision.url}
            {revision.ref && ` · ${revision.ref}`}
          </span>
        )}
      </div>
      <ol aria-label={`Revisions of ${reconciler}`} className="flex gap-2 max-sm:flex-col">
        <Step label="Git head" tone={head}>
          {revision.gitHead ? <Revision value={revision.gitHead} /> : <span className="text-fg-muted">unknown{revision.gitHeadError && `: ${revision.gitHeadError}`}</span>}
        </Step>
        <Arrow />
        <Step label="Fetched" tone={fetched}>
          <Revision value={revision.fetched} />
        </Step>
        <Arrow />
        <Step label="Applied" tone={applied}>
          <Revision value={revision.applied} />
          {revision.lag === "paused" && <span className="text-xs text-warn"> · paused here</span>}
        </Step>
      </ol>
      {revision.failingSince && (
        <p className="text-xs text-fail">
          Failing since <time dateTime={revision.failingSince}>{shortDateTime(revision.failingSince)}</time> (<TimeAgo iso={revision.failingSince} />)
          {revision.failingMessage && `: ${revision.failingMessage}`}
        </p>
      )}
      {revision.commits.length > 0 && (
        <ul aria-label={`Commits ${reconciler} has not applied`} className="divide-y divide-line rounded-md border border-line">
          {revision.commits.map((commit) => (
            <li key={commit.sha} className="flex flex-col gap-0.5 px-3 py-1.5 text-xs sm:flex-row sm:items-baseline sm:gap-3">
              <span className="font-mono text-fg-muted">{commit.sha.slice(0, 7)}</span>
              <span className="min-w-0 font-medium [overflow-wrap:anywhere] sm:flex-1">{commit.message}</span>
              <span className="text-fg-muted">
                {commit.author}, <TimeAgo iso={commit.committedAt} />
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
