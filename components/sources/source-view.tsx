"use client";

import { useState } from "react";
import { useCan } from "@/components/shell/session-context";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { Button } from "@/components/ui/button";
import { ErrorState } from "@/components/ui/error-state";
import { PageBody } from "@/components/ui/page-body";
import { PageHeader } from "@/components/ui/page-header";
import { Section } from "@/components/ui/section";
import { Skeleton, TableSkeleton } from "@/components/ui/skeleton";
import { TimeAgo } from "@/components/ui/time-ago";
import { WarningNotice } from "@/components/ui/warning-notice";
import { useSource } from "@/lib/queries/use-source";
import type { SourceDto } from "@/lib/schemas/sources";
import { DeleteSourceDialog } from "./delete-source-dialog";
import { retryableClusters } from "./describe-rollout";
import { PreviewApplyDialog } from "./preview-apply-dialog";
import { RolloutProgress } from "./rollout-progress";
import { RolloutTable, type RolloutActions } from "./rollout-table";
import { SourceDefinition } from "./source-definition";
import { SourceEditorDialog } from "./source-editor-dialog";

interface Previewing {
  clusterIds?: string[];
  title?: string;
  opening: number;
}

/** One source: its definition, where it stands on each cluster (refreshed until every cluster settles), and edit, apply, delete. */
export function SourceView({ id }: { id: string }) {
  const source = useSource(id);
  const canManage = useCan("sources.manage");
  const [editing, setEditing] = useState<number | null>(null);
  const [previewing, setPreviewing] = useState<Previewing | null>(null);
  const [deleting, setDeleting] = useState(false);
  const crumbs = <Breadcrumb crumbs={[{ label: "Sources", href: "/sources" }, { label: source.data?.definition.name ?? "Source" }]} />;

  if (source.isPending)
    return (
      <PageBody>
        <PageHeader eyebrow={crumbs} title={<Skeleton className="h-5 w-48" />} />
        <TableSkeleton label="Loading the source" rows={3} columns={5} />
      </PageBody>
    );
  if (source.isError)
    return (
      <PageBody>
        <PageHeader eyebrow={crumbs} title="Source" />
        <ErrorState title="Could not load this source" error={source.error} onRetry={() => source.refetch()} retrying={source.isFetching} />
      </PageBody>
    );

  const data = source.data;
  const preview = (next: Omit<Previewing, "opening">) => setPreviewing((previous) => ({ ...next, opening: (previous?.opening ?? 0) + 1 }));
  const retryable = retryableClusters(data);
  const actions: RolloutActions | null =
    canManage && !data.deleting
      ? {
          onRetry: (cluster) => preview({ clusterIds: [cluster.clusterId], title: `Retry on ${cluster.clusterName}` }),
          onReapply: (cluster) => preview({ clusterIds: [cluster.clusterId], title: `Re-apply on ${cluster.clusterName}` }),
        }
      : null;

  return (
    <PageBody>
      <PageHeader
        eyebrow={crumbs}
        title={data.definition.name}
        description={
          <span>
            Changed <TimeAgo iso={data.updatedAt} /> by {data.updatedBy}
          </span>
        }
        actions={
          canManage &&
          !data.deleting && (
            <>
              <Button onClick={() => setEditing((previous) => (previous ?? 0) + 1)}>Edit</Button>
              <Button onClick={() => preview({})}>Preview and apply</Button>
              <Button variant="danger" onClick={() => setDeleting(true)}>
                Delete
              </Button>
            </>
          )
        }
      />
      <PendingChangeNotice source={data} />
      {/* The page scrolls as a whole: the sections keep their height rather than shrinking into scroll boxes. */}
      <div className="flex shrink-0 flex-col gap-4">
        <Section
          title="Rollout"
          aside={
            actions &&
            retryable.length > 1 && (
              <Button size="sm" onClick={() => preview({ clusterIds: retryable.map((cluster) => cluster.clusterId), title: `Retry on ${retryable.length} clusters` })}>
                Retry all {retryable.length}
              </Button>
            )
          }
        >
          <RolloutProgress rollout={data.rollout} />
          {data.rollout.length === 0 ? (
            <p className="px-4 py-6 text-[13px] text-fg-muted">
              {data.appliedHash === null ? "Not applied yet: preview and apply it to roll it out." : "No cluster matches the targets. Clusters that match later receive it."}
            </p>
          ) : (
            <RolloutTable rollout={data.rollout} actions={actions} />
          )}
        </Section>
        <Section title="Definition">
          <SourceDefinition source={data} />
        </Section>
      </div>
      {editing !== null && (
        <SourceEditorDialog
          key={editing}
          open
          source={data}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            preview({});
          }}
        />
      )}
      {previewing && (
        <PreviewApplyDialog
          key={previewing.opening}
          source={{ id: data.id, name: data.definition.name }}
          clusterIds={previewing.clusterIds}
          title={previewing.title}
          onClose={() => setPreviewing(null)}
        />
      )}
      <DeleteSourceDialog source={data} open={deleting} onClose={() => setDeleting(false)} />
    </PageBody>
  );
}

/** The stored definition is not what the clusters have: it was never applied, or edited since. */
function PendingChangeNotice({ source }: { source: SourceDto }) {
  if (source.deleting) return <WarningNotice title="Being deleted" detail="Its objects are being removed; clusters that are down are cleaned when they return." />;
  if (source.appliedHash === null) return <WarningNotice title="Not applied yet" detail="The definition is stored; no cluster has it until you preview and apply it." />;
  if (source.appliedHash !== source.definitionHash) return <WarningNotice title="Edited since it was last applied" detail="The clusters still have the previous definition; preview and apply to roll out the change." />;
  return null;
}
