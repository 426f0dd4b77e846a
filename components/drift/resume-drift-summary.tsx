import { TimeAgo } from "@/components/ui/time-ago";
import type { ResumePreview } from "@/lib/schemas/resume-preview";
import { describeResume } from "./describe-drift";
import { objectName } from "./drifted-object-card";
import { FieldWriter } from "./field-diff-table";

const refName = (ref: { kind: string; namespace: string; name: string }) => `${ref.kind} ${ref.namespace ? `${ref.namespace}/` : ""}${ref.name}`;

/**
 * What resuming undoes and brings: the hand changes Flux will revert (fields and who made them)
 * and the commits each reconciler will apply.
 */
export function ResumeDriftSummary({ preview }: { preview: Pick<ResumePreview, "handChanges" | "newCommits" | "driftState" | "driftComputedAt"> }) {
  const { handChanges, newCommits } = preview;
  // A hand-changed field is one change; an object deleted or edited without field detail counts once.
  const byHand = handChanges.filter((object) => object.handChange);
  const changeCount = byHand.reduce((sum, object) => sum + Math.max(1, object.fields.filter((field) => field.handChange).length), 0);
  const unknownBehind = newCommits.some((entry) => entry.behind === null);
  const commitCount = unknownBehind ? null : newCommits.reduce((sum, entry) => sum + (entry.behind ?? 0), 0);
  return (
    <div className="flex flex-col gap-4">
      <p className="font-medium" data-testid="resume-drift-headline">
        {describeResume(changeCount, byHand.length, commitCount)}
      </p>
      {preview.driftState === "unknown" && (
        <p className="text-xs text-warn">
          Drift is unknown now (the cluster may be unreachable): these lists come from the last report, <TimeAgo iso={preview.driftComputedAt} prefix="computed" fallback="never computed" />, and may be incomplete.
        </p>
      )}
      {handChanges.length > 0 && (
        <section aria-labelledby="resume-hand-changes" className="flex flex-col gap-1.5">
          <h3 id="resume-hand-changes" className="text-xs font-medium text-fg-muted">
            Changes Flux will revert
          </h3>
          <ul className="divide-y divide-line rounded-md border border-line">
            {handChanges.map((object) => (
              <li key={`${object.kind}/${object.namespace}/${object.name}`} className="flex flex-col gap-1 px-3 py-1.5 text-xs">
                <span className="font-mono break-all">
                  <span className="text-fg-muted">{object.kind} </span>
                  {objectName(object)}
                </span>
                {object.fields.filter((field) => field.handChange).length === 0 ? (
                  <span className="text-fg-muted">{object.change === "missing" ? "deleted: Flux creates it again" : object.change === "unmanaged" ? "no longer in Git" : "differs from Git"}</span>
                ) : (
                  <ul className="flex flex-col gap-1">
                    {object.fields
                      .filter((field) => field.handChange)
                      .map((field) => (
                        <li key={field.path} className="flex flex-wrap items-start gap-x-3 gap-y-0.5">
                          <span className="font-mono font-medium break-all">{field.path}</span>
                          <FieldWriter field={{ ...field, handChange: false }} />
                        </li>
                      ))}
                  </ul>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
      {newCommits.length > 0 && (
        <section aria-labelledby="resume-new-commits" className="flex flex-col gap-1.5">
          <h3 id="resume-new-commits" className="text-xs font-medium text-fg-muted">
            New commits it will apply
          </h3>
          <ul className="divide-y divide-line rounded-md border border-line">
            {newCommits.map((entry) => (
              <li key={refName(entry.reconciler)} className="flex flex-col gap-1 px-3 py-1.5 text-xs">
                <span className="font-mono break-all">
                  {refName(entry.reconciler)}
                  <span className="text-fg-muted"> · {entry.behind === null ? "Git head unknown" : `${entry.behind} behind`}</span>
                </span>
                {entry.commits.length > 0 && (
                  <ul className="flex flex-col gap-0.5">
                    {entry.commits.map((commit) => (
                      <li key={commit.sha} className="flex flex-wrap gap-x-2">
                        <span className="font-mono text-fg-muted">{commit.sha.slice(0, 7)}</span>
                        <span className="min-w-0 flex-1 font-medium [overflow-wrap:anywhere]">{commit.message}</span>
                        <span className="text-fg-muted">
                          {commit.author}, <TimeAgo iso={commit.committedAt} />
                        </span>
                      </li>
                    ))}
                  </ul>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
