"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { useCan } from "@/components/shell/session-context";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorState } from "@/components/ui/error-state";
import { PlusIcon, SourcesIcon } from "@/components/ui/icons";
import { PageBody } from "@/components/ui/page-body";
import { PageHeader } from "@/components/ui/page-header";
import { TableSkeleton } from "@/components/ui/skeleton";
import { useSources } from "@/lib/queries/use-sources";
import type { SourceDto } from "@/lib/schemas/sources";
import { ExistingSourcesSection } from "./existing-sources-section";
import { PreviewApplyDialog } from "./preview-apply-dialog";
import { SourceEditorDialog } from "./source-editor-dialog";
import { SourcesTable } from "./sources-table";

/** Syncline's sources with their rollout, then the Flux sources it does not manage. New: define, preview, confirm. */
export function SourcesView() {
  const sources = useSources();
  const canManage = useCan("sources.manage");
  const router = useRouter();
  const [creating, setCreating] = useState<number | null>(null);
  const [saved, setSaved] = useState<SourceDto | null>(null);
  const newButton = canManage && (
    <Button variant="primary" icon={<PlusIcon />} onClick={() => setCreating((previous) => (previous ?? 0) + 1)}>
      New source
    </Button>
  );

  return (
    <PageBody>
      <PageHeader title="Sources" description="Define a Git source once; Syncline applies it as Flux objects on every cluster it targets." actions={newButton} />
      {sources.isPending ? (
        <TableSkeleton label="Loading the sources" columns={5} rows={3} />
      ) : sources.isError ? (
        <ErrorState title="Could not load the sources" error={sources.error} onRetry={() => sources.refetch()} retrying={sources.isFetching} />
      ) : sources.data.length === 0 ? (
        <EmptyState icon={<SourcesIcon />} title="No sources yet" actions={newButton || undefined}>
          A source is a Git repository, a ref and a path, applied as a Flux GitRepository and Kustomization on every cluster whose labels match, with
          per-cluster paths and values from each cluster&apos;s name and labels.
        </EmptyState>
      ) : (
        <div className="shrink-0">
          <SourcesTable sources={sources.data} />
        </div>
      )}
      <ExistingSourcesSection />
      {creating !== null && (
        <SourceEditorDialog
          key={creating}
          open
          source={null}
          onClose={() => setCreating(null)}
          onSaved={(source) => {
            setCreating(null);
            setSaved(source);
          }}
        />
      )}
      {saved && (
        <PreviewApplyDialog
          source={{ id: saved.id, name: saved.definition.name }}
          onClose={() => setSaved(null)}
          onApplied={(result) => router.push(`/sources/${result.source.id}`)}
        />
      )}
    </PageBody>
  );
}
