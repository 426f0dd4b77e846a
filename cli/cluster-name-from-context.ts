import { AppError } from "../lib/errors/app-error";
import { clusterName } from "../lib/schemas/clusters";

/**
 * The name `cluster add` gives a cluster when none is given: its kubeconfig context's, which is
 * what people already call the cluster (`prod-eu`, `kind-dev`). A context that is no valid
 * cluster name (EKS's `arn:aws:eks:…:cluster/prod`, GKE's `gke_project_zone_prod`) is refused
 * with a suggestion rather than rewritten: the name shows on every page and in the audit trail,
 * so the person registering the cluster chooses it.
 */
export function clusterNameFromContext(context: string): string {
  const valid = clusterName.safeParse(context);
  if (valid.success) return valid.data;
  throw new AppError(
    "validation_failed",
    `The context "${context}" is not a valid cluster name (1–63 lowercase letters, digits or dashes); ` +
      `name the cluster yourself, e.g. \`syncline cluster add ${suggestedName(context)} --kubeconfig … --context …\``,
  );
}

/** The context's last segment (an EKS ARN's or a GKE context's cluster name), made valid. */
function suggestedName(context: string): string {
  const last = context.split(/[/:_@]/).filter(Boolean).at(-1) ?? "";
  const slug = last
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .slice(0, 63)
    .replace(/^-+|-+$/g, "");
  return slug || "my-cluster";
}
