"use client";

import { ApiErrorNotice } from "@/components/clusters/api-error-notice";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Spinner } from "@/components/ui/spinner";
import { useToast } from "@/components/ui/toast";
import { useApplySource } from "@/lib/queries/use-apply-source";
import { useSourcePreview } from "@/lib/queries/use-source-preview";
import type { SourceApplyResultDto } from "@/lib/schemas/sources";
import { describeOutcomes } from "./describe-outcomes";
import { SourcePlan } from "./source-plan";

interface PreviewApplyDialogProps {
  source: { id: string; name: string };
  /** Only these clusters: a retry of the failed ones, or a re-apply of one that differs. */
  clusterIds?: string[];
  title?: string;
  onClose: () => void;
  onApplied?: (result: SourceApplyResultDto) => void;
}

/** Computes the plan, shows it, and applies exactly that plan (its hash) once the user confirms. */
export function PreviewApplyDialog({ source, clusterIds, title, onClose, onApplied }: PreviewApplyDialogProps) {
  const preview = useSourcePreview(source.id);
  const apply = useApplySource(source.id);
  const toast = useToast();

  const repreview = () => {
    apply.reset();
    void preview.refetch();
  };
  const confirm = () => {
    if (!preview.data) return;
    apply.mutate(
      { planHash: preview.data.planHash, ...(clusterIds ? { clusterIds } : {}) },
      {
        onSuccess: (result) => {
          toast({ tone: result.outcomes.some((outcome) => outcome.outcome === "failed") ? "fail" : "ok", title: `${source.name}: ${describeOutcomes(result.outcomes)}` });
          onApplied?.(result);
          onClose();
        },
      },
    );
  };
  const outdated = apply.error?.code === "preview_outdated";

  return (
    <Dialog
      open
      onClose={onClose}
      size="lg"
      title={title ?? `Preview: ${source.name}`}
      description="What applying does on each cluster. Nothing changes until you confirm."
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          {outdated ? (
            <Button variant="primary" onClick={repreview} busy={preview.isFetching}>
              Preview again
            </Button>
          ) : (
            <Button variant="primary" onClick={confirm} busy={apply.isPending} disabled={!preview.data || preview.isFetching}>
              Confirm and apply
            </Button>
          )}
        </>
      }
    >
      <div className="flex flex-col gap-3">
        {preview.isFetching && (
          <p role="status" className="flex items-center gap-2 text-[13px] text-fg-muted">
            <Spinner /> Planning the change on every cluster (a server-side dry run on each)…
          </p>
        )}
        {preview.error && (
          <>
            <ApiErrorNotice error={preview.error} title="The preview could not be computed" />
            <div>
              <Button size="sm" onClick={repreview}>
                Try again
              </Button>
            </div>
          </>
        )}
        {apply.error && <ApiErrorNotice error={apply.error} title={outdated ? "Something changed since this preview" : "The source was not applied"} />}
        {preview.data && !preview.isFetching && <SourcePlan preview={preview.data} clusterIds={clusterIds} />}
      </div>
    </Dialog>
  );
}
