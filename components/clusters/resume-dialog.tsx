"use client";

import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { ErrorState } from "@/components/ui/error-state";
import { compactNumber } from "@/components/ui/format";
import { Skeleton } from "@/components/ui/skeleton";
import { ResumeDriftSummary } from "@/components/drift/resume-drift-summary";
import { Revision } from "@/components/fleet/revision";
import { useResumePreview } from "@/lib/queries/use-resume-preview";
import type { ResumePreview } from "@/lib/schemas/resume-preview";

interface ResumeDialogProps {
  open: boolean;
  onClose: () => void;
  clusterId: string;
  clusterName: string;
  onResume: () => void;
  pending: boolean;
}

/**
 * Resuming a cluster applies everything its sources fetched during the pause, so it asks first and
 * says what will happen: the hand changes Flux will revert, the commits it will apply, the
 * revisions waiting per reconciler, and what stays paused.
 */
export function ResumeDialog({ open, onClose, clusterId, clusterName, onResume, pending }: ResumeDialogProps) {
  const preview = useResumePreview(clusterId, { enabled: open });
  return (
    <Dialog
      open={open}
      onClose={onClose}
      size="lg"
      title={`Resume auto-sync on ${clusterName}?`}
      description="Flux reconciles the resumed objects at once and applies what their sources fetched meanwhile."
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button variant="primary" onClick={onResume} busy={pending} disabled={preview.isPending}>
            {pending ? "Resuming…" : "Resume auto-sync"}
          </Button>
        </>
      }
    >
      {preview.isPending ? (
        <div role="status" aria-label="Working out what resuming will do" className="flex flex-col gap-2">
          <Skeleton className="h-5 w-2/3" />
          <Skeleton className="h-16 w-full" />
        </div>
      ) : preview.isError ? (
        <ErrorState title="Could not work out what resuming will do" error={preview.error} onRetry={() => preview.refetch()} retrying={preview.isFetching} />
      ) : (
        <PreviewBody preview={preview.data} />
      )}
    </Dialog>
  );
}

function PreviewBody({ preview }: { preview: ResumePreview }) {
  const count = preview.resumes.length;
  return (
    <div className="flex flex-col gap-4 text-[13px]" data-testid="resume-preview">
      <ResumeDriftSummary preview={preview} />
      <p>
        Resumes <strong>{compactNumber(count)}</strong> {count === 1 ? "reconciler" : "reconcilers"}.
      </p>
      <section aria-labelledby="resume-waiting" className="flex flex-col gap-1.5">
        <h3 id="resume-waiting" className="text-xs font-medium text-fg-muted">
          Revisions waiting to be applied
        </h3>
        {preview.waiting.length === 0 ? (
          <p className="text-xs text-fg-muted">None: every reconciler it resumes has applied what its source last fetched.</p>
        ) : (
          <ul className="divide-y divide-line rounded-md border border-line">
            {preview.waiting.map((item) => (
              <li key={`${item.kind}/${item.namespace}/${item.name}`} className="flex flex-col gap-0.5 px-3 py-1.5 text-xs">
                <span className="font-mono break-all">
                  <span className="text-fg-muted">{item.kind} </span>
                  {item.namespace}/{item.name}
                </span>
                <span className="text-fg-muted">
                  fetched <Revision value={item.fetched} />, applied <Revision value={item.applied} />
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
      {preview.staysPaused.length > 0 && (
        <section aria-labelledby="resume-stays" className="flex flex-col gap-1.5">
          <h3 id="resume-stays" className="text-xs font-medium text-fg-muted">
            Stays paused
          </h3>
          <ul className="divide-y divide-line rounded-md border border-line">
            {preview.staysPaused.map((item) => (
              <li key={`${item.kind}/${item.namespace}/${item.name}`} className="px-3 py-1.5 text-xs break-words text-fg-muted">
                {item.message}
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
