/**
 * GitOps sources: one definition (Git URL, ref, path, …) that Syncline applies as a Flux
 * GitRepository, Kustomization and (with credentials) Secret on every cluster it targets. The input
 * schemas the API parses and the DTOs it serves; the UI renders these and computes nothing.
 */
import { z } from "zod";

const isoTime = z.string().meta({ format: "date-time" });

/** Kubernetes DNS-1123 label: the source's name is the name of its Flux objects on every cluster. */
export const sourceName = z
  .string()
  .trim()
  .max(63, "Use at most 63 characters")
  .regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/, "Not a Kubernetes name (a DNS-1123 label: lowercase letters, digits and dashes, starting and ending with a letter or digit)");

const namespaceName = z
  .string()
  .trim()
  .max(63)
  .regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/, "Not a Kubernetes namespace (a DNS-1123 label: lowercase letters, digits and dashes)");

/** http, https or ssh only, as Flux's source-controller reads them; never file:// or a local path. */
export const sourceUrl = z
  .string()
  .trim()
  .min(1, "Give the Git repository's URL")
  .max(2000)
  .refine((value) => /^(https?|ssh):\/\/[^\s/]+(\/[^\s]*)?$/i.test(value), { message: "Use an http, https or ssh URL (e.g. https://github.com/acme/fleet or ssh://git@github.com/acme/fleet)" })
  .refine((value) => !/^https?:\/\/[^/]*@/i.test(value), { message: "Leave the user name and password out of the URL; give them as credentials" });

/** The placeholders a path or a substitute value may use. */
export const TEMPLATE_PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;
const LABEL_KEY = /^([a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?\/)?[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$/;

/** Whether every `{{…}}` in a text is `{{cluster.name}}` or `{{labels.<key>}}`, and no brace is left unpaired. */
export function templateIsValid(text: string): boolean {
  const placeholders = [...text.matchAll(TEMPLATE_PLACEHOLDER)].map((match) => match[1]!);
  const rest = text.replace(TEMPLATE_PLACEHOLDER, "");
  if (rest.includes("{{") || rest.includes("}}")) return false;
  return placeholders.every((placeholder) => placeholder === "cluster.name" || (placeholder.startsWith("labels.") && LABEL_KEY.test(placeholder.slice("labels.".length))));
}
const templateMessage = "Use {{cluster.name}} or {{labels.<key>}} (e.g. {{labels.env}}) in templates";

/** A path inside the repository: relative, no `..` segment, so no template value can escape it either. */
export const sourcePath = z
  .string()
  .trim()
  .max(1024)
  .default("./")
  .refine((value) => !value.split(/[\\/]/).some((segment) => segment === ".."), { message: "The path must stay inside the repository: no .. segments" })
  .refine((value) => !value.startsWith("/") && !value.includes("\\"), { message: "Give a path relative to the repository root, e.g. ./clusters/production" })
  .refine(templateIsValid, { message: templateMessage })
  .describe("Relative to the repository root; may use {{cluster.name}} and {{labels.<key>}}, e.g. ./clusters/{{labels.env}}");

/** A Go duration as Flux takes it: 1m, 30s, 1h30m. */
export const fluxDuration = z
  .string()
  .trim()
  .regex(/^([0-9]+(\.[0-9]+)?(ms|s|m|h))+$/, "Give a duration such as 30s, 5m or 1h30m");

/** Exactly one of branch, tag, semver or commit. */
export const sourceRef = z
  .union([
    z.object({ branch: z.string().trim().min(1).max(255).regex(/^[^\s~^:?*[\\]+$/, "Not a Git branch name") }).strict(),
    z.object({ tag: z.string().trim().min(1).max(255).regex(/^[^\s~^:?*[\\]+$/, "Not a Git tag name") }).strict(),
    z.object({ semver: z.string().trim().min(1).max(255).describe("A semver range over the tags, e.g. >=1.0.0 <2.0.0") }).strict(),
    z.object({ commit: z.string().trim().regex(/^[0-9a-f]{7,64}$/i, "Give a commit SHA (7 to 64 hexadecimal characters)") }).strict(),
  ])
  .describe("Exactly one of branch, tag, semver or commit");
export type SourceRef = z.infer<typeof sourceRef>;

/** Empty string: no selector (only the explicit clusterIds). Parsed with Kubernetes label-selector syntax on the server. */
export const sourceSelector = z
  .string()
  .trim()
  .max(500)
  .describe("Kubernetes label-selector syntax over cluster labels, e.g. env=production,region in (eu,us)");

const substituteKey = z.string().regex(/^[_a-zA-Z][_a-zA-Z0-9]*$/, "A substitute variable name is letters, digits and _ (e.g. cluster_env)");
export const postBuildSubstitute = z
  .record(substituteKey, z.string().max(4096).refine(templateIsValid, { message: templateMessage }))
  .refine((values) => Object.keys(values).length <= 100, "At most 100 variables")
  .describe("Kustomization spec.postBuild.substitute; values may use {{cluster.name}} and {{labels.<key>}}");

const secretText = (what: string) => z.string().min(1, `Give the ${what}`).max(16_384);
const pem = (what: string) => secretText(what).refine((value) => value.includes("-----BEGIN "), { message: `The ${what} must be PEM or OpenSSH text (-----BEGIN …)` });

/**
 * Either an existing credential of the one Git credential store, or a new one given inline, which
 * Syncline stores (sealed) in that same store under the name `source <name>` and references.
 */
export const sourceCredentialsInput = z.union([
  z.object({ credentialId: z.uuid("Not a Git credential id") }).strict(),
  z.object({ kind: z.literal("https-token"), token: secretText("token"), username: z.string().trim().min(1).max(256).optional() }).strict(),
  z.object({ kind: z.literal("https-basic"), username: z.string().trim().min(1).max(256), password: secretText("password") }).strict(),
  z
    .object({
      kind: z.literal("ssh-key"),
      privateKey: pem("private key"),
      passphrase: z.string().min(1).max(1024).optional(),
      knownHosts: z.string().trim().min(1, "Give the server's host keys (known_hosts lines, e.g. from ssh-keyscan)").max(65_536),
    })
    .strict(),
]);
export type SourceCredentialsInput = z.input<typeof sourceCredentialsInput>;

const clusterIds = z.array(z.uuid("Not a cluster id")).max(1000).describe("Clusters targeted explicitly, in addition to those the selector matches");

const definitionFields = {
  url: sourceUrl,
  ref: sourceRef,
  path: sourcePath,
  interval: fluxDuration.default("5m").describe("How often Flux fetches and reconciles"),
  timeout: fluxDuration.optional().describe("Kustomization spec.timeout"),
  retryInterval: fluxDuration.optional().describe("Kustomization spec.retryInterval: how soon a failing reconciliation is retried"),
  prune: z.boolean().default(true).describe("Whether Flux deletes the workloads when the source leaves a cluster or a file leaves Git"),
  targetNamespace: namespaceName.optional().describe("Kustomization spec.targetNamespace: where namespaced workloads land"),
  dependsOn: z.array(z.object({ name: sourceName, namespace: namespaceName.optional() }).strict()).max(50).default([]).describe("Kustomizations on the same cluster to reconcile first"),
  postBuild: z.object({ substitute: postBuildSubstitute }).strict().optional(),
  selector: sourceSelector.optional(),
  clusterIds: clusterIds.optional(),
  credentials: sourceCredentialsInput.nullable().optional(),
};

const hasTargets = (input: { selector?: string | undefined; clusterIds?: string[] | undefined }) => input.selector !== undefined || (input.clusterIds?.length ?? 0) > 0;

/** The body of POST /api/sources: stores the definition only; nothing reaches a cluster before apply. */
export const newSourceInput = z
  .object({
    name: sourceName,
    namespace: namespaceName.default("flux-system").describe("Where the GitRepository, Kustomization and Secret live on each cluster"),
    ...definitionFields,
  })
  .strict()
  .refine(hasTargets, { message: "Choose targets: a label selector, cluster ids, or both", path: ["selector"] });
export type NewSourceInput = z.input<typeof newSourceInput>;

/** PATCH /api/sources/{id}: any definition field; the name and namespace stay (they name the objects on every cluster). `credentials: null` drops them. */
export const updateSourceInput = z
  .object({
    url: definitionFields.url.optional(),
    ref: definitionFields.ref.optional(),
    path: sourcePath.unwrap().optional(),
    interval: fluxDuration.optional(),
    timeout: fluxDuration.nullable().optional(),
    retryInterval: fluxDuration.nullable().optional(),
    prune: z.boolean().optional(),
    targetNamespace: namespaceName.nullable().optional(),
    dependsOn: definitionFields.dependsOn.unwrap().optional(),
    postBuild: z.object({ substitute: postBuildSubstitute }).strict().nullable().optional(),
    selector: sourceSelector.nullable().optional(),
    clusterIds: clusterIds.optional(),
    credentials: sourceCredentialsInput.nullable().optional(),
  })
  .strict()
  .refine((input) => Object.keys(input).length > 0, { message: "Give at least one field to change" });
export type UpdateSourceInput = z.input<typeof updateSourceInput>;

/** The body of POST /api/sources/{id}/apply: the plan hash of the preview the user confirmed. */
export const applySourceInput = z
  .object({
    planHash: z
      .string()
      .regex(/^[0-9a-f]{64}$/, "Give the planHash of the preview you confirmed (POST /api/sources/{id}/preview)")
      .optional()
      .describe("From the preview; without it the apply is refused (preview_required), and when the definition, the targets or the plan changed since (preview_outdated)"),
    clusterIds: z.array(z.uuid()).max(1000).optional().describe("Apply only these clusters of the plan, e.g. to retry those that failed or re-apply one that differs"),
  })
  .strict();
export type ApplySourceInput = z.input<typeof applySourceInput>;

/** POST /api/sources/adopt: turn a group of existing Flux sources (one repository URL) into a Syncline source. */
export const adoptSourcesInput = z
  .object({
    url: z.string().trim().min(1).max(2000).describe("The repository URL of the group, as GET /api/sources/existing lists it"),
    objectNamespace: namespaceName.optional().describe("Adopt only the group's objects in this namespace (a candidate's namespace)"),
    objectName: sourceName.optional().describe("Adopt only the group's objects of this name (a candidate's name)"),
    name: sourceName.optional().describe("The new source's name; the objects' own name by default"),
    credentialId: z
      .uuid("Not a Git credential id")
      .optional()
      .describe("The Git credential store's entry that holds what the objects' Secret holds; required when they read one (needsCredential). Syncline then keeps its own Secret on every cluster"),
  })
  .strict();
export type AdoptSourcesInput = z.input<typeof adoptSourcesInput>;

export const sourceParams = z.object({ id: z.uuid("Not a source id") });

// ---- DTOs -------------------------------------------------------------------------------------

export const sourceDefinition = z.object({
  name: z.string(),
  namespace: z.string(),
  url: z.string(),
  ref: sourceRef,
  path: z.string(),
  interval: z.string(),
  timeout: z.string().nullable(),
  retryInterval: z.string().nullable(),
  prune: z.boolean(),
  targetNamespace: z.string().nullable(),
  dependsOn: z.array(z.object({ name: z.string(), namespace: z.string().optional() })),
  postBuild: z.object({ substitute: z.record(z.string(), z.string()) }).nullable(),
  selector: z.string().nullable(),
  clusterIds: z.array(z.uuid()),
});
export type SourceDefinition = z.infer<typeof sourceDefinition>;

/**
 * One cluster's rollout. pending: the current definition is not applied there yet (never applied,
 * edited since, or waiting to be retried). unreachable: pending because the cluster is down; retried
 * when it returns. failed: Syncline's apply was refused (message says why); retryable. applied: the
 * objects are on the cluster, Flux has not fetched yet. fetched: the GitRepository has an artifact.
 * reconciled: the Kustomization applied `revision`. failing: Flux reports a failure (message).
 * differs: someone changed a Syncline-managed object by hand (out-of-band); re-apply restores it.
 * removing: the cluster no longer matches; its objects are being removed.
 */
export const rolloutState = z.enum(["pending", "unreachable", "failed", "applied", "fetched", "reconciled", "failing", "differs", "removing"]);
export type RolloutState = z.infer<typeof rolloutState>;

export const clusterRollout = z.object({
  clusterId: z.uuid(),
  clusterName: z.string(),
  state: rolloutState,
  message: z.string().nullable(),
  revision: z.string().nullable().describe("reconciled: the revision the Kustomization applied; fetched: the artifact's revision"),
  renderedPath: z.string().nullable(),
  appliedAt: isoTime.nullable(),
  attempts: z.number().int().describe("Failed apply attempts since the last success"),
  retryAt: isoTime.nullable().describe("When the leader retries next (pending, unreachable, failed)"),
});
export type ClusterRolloutDto = z.infer<typeof clusterRollout>;

export const sourceCredentialRef = z.object({ id: z.uuid(), name: z.string(), kind: z.string() });

export const source = z.object({
  id: z.uuid(),
  definition: sourceDefinition,
  credential: sourceCredentialRef.nullable().describe("The Git credential store entry it uses; never its secret"),
  definitionHash: z.string(),
  appliedHash: z.string().nullable().describe("The definition hash last applied (confirmed by an apply); null before the first apply"),
  adopted: z.boolean(),
  deleting: z.boolean().describe("A delete is removing its objects; clusters that could not be reached yet are retried, and the source goes once every cluster is clean"),
  createdAt: isoTime,
  updatedAt: isoTime,
  updatedBy: z.string(),
  rollout: z.array(clusterRollout),
});
export type SourceDto = z.infer<typeof source>;

export const sourceList = z.object({ items: z.array(source) });

/** One field that an apply changes. Secret values are masked ("***"): only which keys change is shown. */
export const objectFieldChange = z.object({
  path: z.string().describe('Dotted path, e.g. "spec.ref.branch"'),
  before: z.unknown().optional().describe("What the cluster has; absent when the field is new"),
  after: z.unknown().optional().describe("What Syncline will apply; absent when the field goes"),
});

export const plannedObject = z.object({
  apiVersion: z.string(),
  kind: z.enum(["GitRepository", "Kustomization", "Secret"]),
  namespace: z.string(),
  name: z.string(),
  action: z.enum(["create", "update", "remove", "unchanged"]),
  changes: z.array(objectFieldChange),
});

export const clusterPlanAction = z.enum(["create", "update", "remove", "unchanged", "invalid"]);
export type ClusterPlanAction = z.infer<typeof clusterPlanAction>;

export const clusterPlan = z.object({
  clusterId: z.uuid(),
  clusterName: z.string(),
  action: clusterPlanAction,
  reachable: z.boolean().describe("false: the cluster is down; the apply records it as pending and applies when it returns"),
  reason: z.string().nullable().describe("invalid: why (a missing label, a collision); remove: why it leaves"),
  missingLabels: z.array(z.string()).describe("Labels the templates use that the cluster lacks"),
  collisions: z.array(z.object({ kind: z.string(), namespace: z.string(), name: z.string(), owner: z.string().nullable() })).describe("Objects of the same name that Syncline does not own"),
  rendered: z.object({ path: z.string(), substitute: z.record(z.string(), z.string()) }).nullable(),
  objects: z.array(plannedObject),
  pruneWarning: z.string().nullable().describe("remove: what happens to the workloads (prune on: deleted; off: left running)"),
});
export type ClusterPlanDto = z.infer<typeof clusterPlan>;

export const sourcePreview = z.object({
  sourceId: z.uuid(),
  definitionHash: z.string(),
  planHash: z.string().describe("Give it to POST /api/sources/{id}/apply to confirm exactly this plan"),
  summary: z.object({ create: z.number().int(), update: z.number().int(), remove: z.number().int(), unchanged: z.number().int(), invalid: z.number().int() }),
  clusters: z.array(clusterPlan),
  computedAt: isoTime,
});
export type SourcePreviewDto = z.infer<typeof sourcePreview>;

export const clusterApplyOutcome = z.object({
  clusterId: z.uuid(),
  clusterName: z.string(),
  action: clusterPlanAction,
  outcome: z.enum(["applied", "removed", "unchanged", "pending", "failed", "skipped"]),
  message: z.string().nullable(),
});

export const sourceApplyResult = z.object({
  source: source,
  outcomes: z.array(clusterApplyOutcome),
});
export type SourceApplyResultDto = z.infer<typeof sourceApplyResult>;

/** Existing Flux GitRepositories that Syncline did not create, grouped by repository URL across clusters. */
export const existingFluxSourceGroup = z.object({
  url: z.string(),
  objects: z.array(
    z.object({
      clusterId: z.uuid(),
      clusterName: z.string(),
      namespace: z.string(),
      name: z.string(),
      ref: z.string().nullable().describe('e.g. "branch main"'),
      kustomizations: z.array(z.object({ namespace: z.string(), name: z.string(), path: z.string().nullable() })),
    }),
  ),
  adoptable: z.boolean().describe("All objects share one name, namespace, ref and path shape, so adopt can describe them as one source"),
  reason: z.string().nullable().describe("Why the group cannot be adopted as it is"),
  needsCredential: z.boolean().describe("Its objects read credentials from a Secret: adopt needs the Git credential (credentialId) that holds them"),
  candidates: z
    .array(z.object({ namespace: z.string(), name: z.string(), clusters: z.number().int(), adoptable: z.boolean(), reason: z.string().nullable(), needsCredential: z.boolean() }))
    .describe("The group's objects by namespace and name: each can be adopted on its own (objectNamespace, objectName)"),
});
export type ExistingFluxSourceGroupDto = z.infer<typeof existingFluxSourceGroup>;

export const existingFluxSourceList = z.object({ items: z.array(existingFluxSourceGroup) });
