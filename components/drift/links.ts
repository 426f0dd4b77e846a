import { clusterHref } from "@/components/fleet/links";
import type { ObjectRef } from "@/lib/fleet/dto";
import { CLUSTER_SCOPED_SEGMENT } from "@/lib/drift/cluster-scoped-segment";

export const driftHref = (clusterId: string) => `${clusterHref(clusterId)}/drift`;

/** A drifted object's page; a cluster-scoped object's namespace segment is "_". */
export const objectDriftHref = (clusterId: string, ref: ObjectRef) =>
  `${driftHref(clusterId)}/${[ref.kind, ref.namespace || CLUSTER_SCOPED_SEGMENT, ref.name].map(encodeURIComponent).join("/")}`;
