import type { ObjectRef } from "@/lib/fleet/dto";

export const clusterHref = (id: string) => `/clusters/${encodeURIComponent(id)}`;

export const objectHref = (clusterId: string, ref: ObjectRef) =>
  `${clusterHref(clusterId)}/objects/${[ref.kind, ref.namespace, ref.name].map(encodeURIComponent).join("/")}`;
