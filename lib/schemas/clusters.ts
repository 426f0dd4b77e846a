import { z } from "zod";
import { fluxModels, modelFor } from "../k8s/resources";

export const clusterName = z
  .string()
  .trim()
  .regex(/^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/, "Use 1–63 lowercase letters, digits or dashes, starting and ending with a letter or digit");

/** Kubernetes label syntax, so labels can be matched with the same selectors users already write. */
const labelKey = z
  .string()
  .regex(/^([a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?\/)?[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$/, "Not a valid label key (e.g. env or team.acme.io/owner)");
const labelValue = z.string().regex(/^([A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?)?$/, "Not a valid label value (63 characters at most: letters, digits, - _ .)");

export const clusterLabels = z.record(labelKey, labelValue).refine((labels) => Object.keys(labels).length <= 64, "At most 64 labels");

/** The kubeconfig text; sealed at rest and never returned or logged. */
const kubeconfigText = z.string().min(1, "Paste a kubeconfig").max(512 * 1024, "The kubeconfig is larger than 512 KiB");
const contextName = z.string().trim().min(1).max(253);

export const addClusterInput = z.object({
  name: clusterName,
  kubeconfig: kubeconfigText,
  context: contextName.optional(),
  labels: clusterLabels.default({}),
  /** Register a server that is already registered (e.g. under another context or identity). */
  allowDuplicateServer: z.boolean().default(false),
});
export type AddClusterInput = z.input<typeof addClusterInput>;

export const updateClusterInput = z
  .object({
    name: clusterName.optional(),
    labels: clusterLabels.optional(),
    /** New credentials for the same cluster (a rotation): vetted and probed as on registration. */
    kubeconfig: kubeconfigText.optional(),
    /** The context of the new kubeconfig; its current context when not given. */
    context: contextName.optional(),
    /** The new kubeconfig names another API server on purpose (the cluster moved); else that is refused. */
    allowServerChange: z.boolean().default(false),
  })
  .refine((input) => input.name !== undefined || input.labels !== undefined || input.kubeconfig !== undefined, "Give a new name, new labels or a new kubeconfig")
  .refine((input) => input.context === undefined || input.kubeconfig !== undefined, { message: "A context is chosen with a new kubeconfig", path: ["context"] });
export type UpdateClusterInput = z.input<typeof updateClusterInput>;

/** A Kubernetes namespace: a DNS-1123 label. */
export const namespaceName = z
  .string()
  .max(63)
  .regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/, "Not a Kubernetes namespace (a DNS-1123 label: lowercase letters, digits and dashes)");

/** A Kubernetes object name: a DNS-1123 subdomain. */
export const objectName = z
  .string()
  .max(253)
  .regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/, "Not a Kubernetes object name (a DNS-1123 subdomain: lowercase letters, digits, dashes and dots)");

/** The kind in a URL, as `modelFor` accepts it ("Kustomization", "kustomization", "kustomizations"), normalised to the kind. */
export const fluxKindParam = z.enum(fluxModels.flatMap((model) => [model.kind, model.kind.toLowerCase(), model.plural])).transform((kind) => modelFor(kind)!.kind);

export const clusterParams = z.object({ id: z.uuid("Not a cluster id") });

export const objectParams = clusterParams.extend({ kind: fluxKindParam, namespace: namespaceName, name: objectName });
export type ObjectParams = z.output<typeof objectParams>;

export const objectStateFilter = z.enum(["ready", "failing", "progressing", "suspended", "unknown"]);

export const clusterObjectsQuery = z.object({
  kind: fluxKindParam.optional(),
  namespace: namespaceName.optional(),
  state: objectStateFilter.optional(),
});
export type ClusterObjectsQuery = z.infer<typeof clusterObjectsQuery>;
