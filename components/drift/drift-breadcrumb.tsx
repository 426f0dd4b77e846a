import { clusterHref } from "@/components/fleet/links";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { driftHref } from "./links";

/** Clusters / <cluster> / Drift [/ <kind>]: the way back up from a drift page. */
export function DriftBreadcrumb({ clusterId, clusterName, kind }: { clusterId: string; clusterName: string; kind?: string }) {
  const cluster = [
    { label: "Clusters", href: "/clusters" },
    { label: clusterName, href: clusterHref(clusterId) },
  ];
  return <Breadcrumb crumbs={kind ? [...cluster, { label: "Drift", href: driftHref(clusterId) }, { label: kind }] : [...cluster, { label: "Drift" }]} />;
}
