"use client";

import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { Skeleton } from "@/components/ui/skeleton";
import { useFleetDrift } from "@/lib/queries/use-fleet-drift";
import { describeBehind, describeDriftCount, describeHandChanges } from "./describe-drift";
import { DriftAge } from "./drift-summary-cell";
import { DriftPill } from "./drift-pill";
import { driftHref } from "./links";

/** On the cluster page: how far the cluster is from Git, with the way to the drift page. */
export function ClusterDriftPanel({ clusterId }: { clusterId: string }) {
  const fleetDrift = useFleetDrift();
  const summary = fleetDrift.data?.find((item) => item.clusterId === clusterId);
  const link = (
    <Link href={driftHref(clusterId)} className={buttonClass("secondary", "sm", "ml-auto")}>
      Open drift
    </Link>
  );
  return (
    <section aria-label="Drift" className="flex flex-wrap items-center gap-x-3 gap-y-1.5 rounded-lg border border-line bg-panel px-4 py-2.5 text-[13px]">
      <h2 className="text-[11px] font-medium tracking-wide text-fg-subtle uppercase">Drift</h2>
      {fleetDrift.isPending ? (
        <Skeleton className="h-4 w-48" />
      ) : fleetDrift.isError ? (
        <span className="text-fail">Could not load drift: {fleetDrift.error.message}</span>
      ) : !summary ? (
        <span className="text-fg-muted">not computed yet</span>
      ) : (
        <>
          <DriftPill summary={summary} />
          {[summary.state === "drifted" ? describeDriftCount(summary) : summary.state === "in-sync" ? `${summary.total.toLocaleString("en")} objects match Git` : null, describeHandChanges(summary.handChanges), describeBehind(summary.behind)]
            .filter(Boolean)
            .map((text) => (
              <span key={text} className="text-fg-muted">
                {text}
              </span>
            ))}
          <DriftAge summary={summary} />
        </>
      )}
      {link}
    </section>
  );
}
