"use client";

import Link from "next/link";
import { AutoSyncSwitch } from "@/components/clusters/auto-sync-switch";
import { ReconcileButton } from "@/components/clusters/reconcile-button";
import { SuspensionDetails } from "@/components/clusters/suspension-cell";
import { clusterHref, objectHref } from "@/components/fleet/links";
import { ObjectStatePill } from "@/components/fleet/object-state-pill";
import { Revision } from "@/components/fleet/revision";
import { Badge } from "@/components/ui/badge";
import { ErrorState } from "@/components/ui/error-state";
import { Fact } from "@/components/ui/fact";
import { PageBody } from "@/components/ui/page-body";
import { PageHeader } from "@/components/ui/page-header";
import { Section } from "@/components/ui/section";
import { Skeleton } from "@/components/ui/skeleton";
import { TimeAgo } from "@/components/ui/time-ago";
import type { FluxObjectDetail, ObjectRef } from "@/lib/fleet/dto";
import { isApiError } from "@/lib/queries/api-client";
import { useCluster } from "@/lib/queries/use-cluster";
import { useFluxObject } from "@/lib/queries/use-flux-object";
import { ConditionsTable } from "./conditions-table";
import { EventsList } from "./events-list";
import { ManagedObjectsTable } from "./managed-objects-table";
import { SyncHistory } from "./sync-history";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { YamlView } from "./yaml-view";

export function ObjectView({ clusterId, objectRef }: { clusterId: string; objectRef: ObjectRef }) {
  const cluster = useCluster(clusterId);
  const object = useFluxObject(clusterId, objectRef);
  const clusterName = cluster.data?.name ?? "…";

  const eyebrow = (
    <Breadcrumb
      crumbs={[
        { label: "Clusters", href: "/clusters" },
        { label: clusterName, href: clusterHref(clusterId) },
        { label: objectRef.kind },
      ]}
    />
  );

  return (
    <PageBody>
      <PageHeader
        eyebrow={eyebrow}
        title={
          <span className="flex items-center gap-2.5">
            <span className="truncate">
              <span className="font-normal text-fg-subtle">{objectRef.namespace}/</span>
              {objectRef.name}
            </span>
            {object.data && <ObjectStatePill state={object.data.state} retrying={object.data.retrying} />}
            {object.data?.stale && <Badge tone="warn">last-known state</Badge>}
          </span>
        }
        actions={
          object.data && (
            <>
              <div className="mr-1 flex h-8 items-center gap-2 rounded-md border border-line bg-panel px-2.5">
                <span className="text-xs font-medium text-fg-muted">Auto-sync</span>
                <AutoSyncSwitch
                  clusterId={clusterId}
                  clusterName={clusterName}
                  object={objectRef}
                  autoSync={{ state: object.data.suspended ? "off" : "on", suspended: object.data.suspended ? 1 : 0, total: 1 }}
                />
              </div>
              <ReconcileButton clusterId={clusterId} clusterName={clusterName} object={objectRef} />
            </>
          )
        }
      />
      {object.isError ? (
        <ErrorState
          title={isApiError(object.error) && object.error.status === 404 ? "This object is not on the cluster (any more)" : "Could not load the object"}
          error={object.error}
          onRetry={() => object.refetch()}
          retrying={object.isFetching}
        />
      ) : object.isPending ? (
        <div className="flex flex-col gap-4">
          <Skeleton className="h-20 w-full" />
          <Skeleton className="h-40 w-full" />
          <Skeleton className="h-64 w-full" />
        </div>
      ) : (
        <ObjectSections clusterId={clusterId} object={object.data} />
      )}
    </PageBody>
  );
}

function ObjectSections({ clusterId, object }: { clusterId: string; object: FluxObjectDetail }) {
  return (
    <div className="flex flex-col gap-4 pb-4">
      <dl className="grid grid-cols-2 gap-x-6 gap-y-3 rounded-lg border border-line bg-panel px-4 py-3 md:grid-cols-4">
        <Fact label="Revision">
          <Revision value={object.revision} />
        </Fact>
        <Fact label="Last applied">
          <TimeAgo iso={object.lastAppliedAt} />
        </Fact>
        <Fact label="Source">
          {object.sourceRef ? (
            <Link href={objectHref(clusterId, object.sourceRef)} className="text-xs hover:underline">
              {object.sourceRef.kind} {object.sourceRef.namespace}/{object.sourceRef.name}
            </Link>
          ) : (
            <span className="text-fg-subtle">—</span>
          )}
        </Fact>
        <Fact label="Suspended">
          {object.suspension ? <SuspensionDetails suspension={object.suspension} /> : <span className="text-fg-subtle">—</span>}
        </Fact>
        {object.message && (
          <Fact label="Ready message" className="col-span-full">
            <span className={object.state === "failing" ? "text-fail" : "text-fg-muted"}>{object.message}</span>
          </Fact>
        )}
      </dl>
      <Section title="Conditions">
        <ConditionsTable conditions={object.conditions} />
      </Section>
      {(object.kind === "Kustomization" || object.kind === "HelmRelease") && (
        <Section title="Managed objects" aside={object.managedObjects && <span className="text-xs text-fg-subtle">{object.managedObjects.length}</span>}>
          <ManagedObjectsTable kind={object.kind} objects={object.managedObjects} />
        </Section>
      )}
      <SyncHistory clusterId={clusterId} objectRef={object} />
      <Section title="Recent events">
        <EventsList events={object.events} />
      </Section>
      <Section title="YAML">
        <YamlView yaml={object.yaml} />
      </Section>
    </div>
  );
}
