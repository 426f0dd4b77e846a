"use client";

import { stringify } from "yaml";
import { Badge } from "@/components/ui/badge";
import { CodeBlock } from "@/components/ui/code-block";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorState } from "@/components/ui/error-state";
import { Fact } from "@/components/ui/fact";
import { CheckIcon } from "@/components/ui/icons";
import { PageBody } from "@/components/ui/page-body";
import { PageHeader } from "@/components/ui/page-header";
import { Section } from "@/components/ui/section";
import { Skeleton } from "@/components/ui/skeleton";
import { TimeAgo } from "@/components/ui/time-ago";
import type { ObjectRef } from "@/lib/fleet/dto";
import { isApiError } from "@/lib/queries/api-client";
import { useCluster } from "@/lib/queries/use-cluster";
import { useObjectDrift } from "@/lib/queries/use-object-drift";
import type { ObjectDrift } from "@/lib/schemas/drift";
import { changeLabel } from "./describe-drift";
import { DriftBreadcrumb } from "./drift-breadcrumb";
import { DriftHistoryTable } from "./drift-history-table";
import { DriftPill } from "./drift-pill";
import { objectName } from "./drifted-object-card";
import { FieldDiffTable } from "./field-diff-table";

const yamlOf = (value: unknown) => (value === null || value === undefined ? null : stringify(value, { lineWidth: 0 }));

/** One object of a reconciler's inventory: its field diff, both sides in full, and its drift history. */
export function ObjectDriftView({ clusterId, objectRef }: { clusterId: string; objectRef: ObjectRef }) {
  const cluster = useCluster(clusterId);
  const drift = useObjectDrift(clusterId, objectRef);
  const clusterName = cluster.data?.name ?? "…";
  return (
    <PageBody>
      <PageHeader
        eyebrow={<DriftBreadcrumb clusterId={clusterId} clusterName={clusterName} kind={objectRef.kind} />}
        title={
          <span className="flex items-center gap-2.5">
            <span className="truncate">
              {objectRef.namespace && <span className="font-normal text-fg-subtle">{objectRef.namespace}/</span>}
              {objectRef.name}
            </span>
            {drift.data && <DriftPill summary={{ state: drift.data.state, stale: false, computing: false }} />}
          </span>
        }
        description={`${objectRef.kind}: what Git says against what the cluster has`}
      />
      {drift.isError ? (
        <ErrorState
          title={isApiError(drift.error) && drift.error.status === 404 ? "No Kustomization or HelmRelease on this cluster manages this object" : "Could not load this object's drift"}
          error={drift.error}
          onRetry={isApiError(drift.error) && drift.error.status === 404 ? undefined : () => drift.refetch()}
          retrying={drift.isFetching}
        />
      ) : drift.isPending ? (
        <div role="status" aria-label="Loading this object's drift" className="flex flex-col gap-4">
          <Skeleton className="h-16 w-full" />
          <Skeleton className="h-48 w-full" />
        </div>
      ) : (
        <ObjectDriftSections drift={drift.data} />
      )}
    </PageBody>
  );
}

function ObjectDriftSections({ drift }: { drift: ObjectDrift }) {
  const desired = yamlOf(drift.desired);
  const live = yamlOf(drift.live);
  const name = `${drift.kind} ${objectName(drift)}`;
  return (
    <div className="flex flex-col gap-4 pb-4">
      <dl className="grid grid-cols-2 gap-x-6 gap-y-3 rounded-lg border border-line bg-panel px-4 py-3 md:grid-cols-4">
        <Fact label="Managed by">
          <span className="text-xs">
            {drift.reconciler.kind} {drift.reconciler.namespace}/{drift.reconciler.name}
          </span>
        </Fact>
        <Fact label="API version">
          <span className="font-mono text-xs">{drift.apiVersion}</span>
        </Fact>
        <Fact label="Change">
          {drift.drift ? (
            <span className="flex flex-wrap gap-1">
              <Badge tone="warn">{changeLabel[drift.drift.change]}</Badge>
              {drift.drift.handChange && <Badge tone="warn">hand change</Badge>}
            </span>
          ) : (
            <span className="text-fg-subtle">none</span>
          )}
        </Fact>
        <Fact label="Computed">
          <TimeAgo iso={drift.computedAt} fallback="never" />
        </Fact>
      </dl>
      {drift.drift ? (
        <>
          {drift.drift.fields.length > 0 && (
            <Section title="Fields that differ">
              <div className="px-4 py-2">
                <FieldDiffTable fields={drift.drift.fields} label={`Fields of ${name} that differ from Git`} desiredKnown={drift.desired !== null} />
              </div>
            </Section>
          )}
          <div className="flex flex-col gap-1">
            <span className="text-xs font-medium text-fg-muted">Fix it by hand</span>
            <CodeBlock code={drift.drift.fix} prompt label={`Copy the command that fixes ${name}`} />
          </div>
        </>
      ) : drift.state === "in-sync" ? (
        <EmptyState icon={<CheckIcon />} title="In sync with Git">
          The live object matches what Flux would apply.
        </EmptyState>
      ) : (
        <EmptyState title="Drift unknown">Syncline has no fresh report of this object: the cluster may be unreachable, or drift not computed yet.</EmptyState>
      )}
      <div className="grid gap-4 lg:grid-cols-2">
        <Section title="Desired (Git)">
          {desired ? <CodeBlock code={desired} label="Copy the desired YAML" className="max-h-[60vh] overflow-y-auto rounded-none border-0" /> : <p className="px-4 py-3 text-[13px] text-fg-subtle">Git does not have this object.</p>}
        </Section>
        <Section title="Live (cluster)">
          {live ? <CodeBlock code={live} label="Copy the live YAML" className="max-h-[60vh] overflow-y-auto rounded-none border-0" /> : <p className="px-4 py-3 text-[13px] text-fg-subtle">The cluster does not have this object.</p>}
        </Section>
      </div>
      <section aria-labelledby="object-drift-history" className="flex flex-col gap-2">
        <h2 id="object-drift-history" className="text-[13px] font-semibold">
          Drift history
        </h2>
        <DriftHistoryTable episodes={drift.history} label={`Drift history of ${name}`} showObject={false} />
      </section>
    </div>
  );
}
