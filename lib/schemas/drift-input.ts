import { z } from "zod";
import { CLUSTER_SCOPED_SEGMENT } from "../drift/cluster-scoped-segment";
import { clusterParams, namespaceName, objectName } from "./clusters";

/** Any Kubernetes kind (Deployment, ConfigMap, ClusterRole…): an identifier, as the API server's own kinds are. */
const kubernetesKind = z.string().regex(/^[A-Za-z][A-Za-z0-9]{0,62}$/, "Not a Kubernetes kind (letters and digits, starting with a letter)");

export const objectDriftParams = clusterParams.extend({
  kind: kubernetesKind,
  namespace: z.union([z.literal(CLUSTER_SCOPED_SEGMENT).transform(() => ""), namespaceName]),
  name: objectName,
});
export type ObjectDriftParams = z.output<typeof objectDriftParams>;

export const driftHistoryQuery = z.object({
  cluster: z.uuid("Not a cluster id").optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
});
export type DriftHistoryQuery = z.input<typeof driftHistoryQuery>;

export const driftRefreshAccepted = z.object({
  clusterId: z.uuid(),
  requestedAt: z.string().meta({ format: "date-time" }),
});
export type DriftRefreshAccepted = z.infer<typeof driftRefreshAccepted>;
