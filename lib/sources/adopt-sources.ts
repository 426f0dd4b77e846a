import type { Actor } from "../auth/actor";
import { recordAuditEvent, type RequestOrigin } from "../audit";
import { db } from "../db/client";
import { AppError } from "../errors/app-error";
import { adoptSourcesInput, sourceRef, type AdoptSourcesInput, type SourceApplyResultDto, type SourceDefinition } from "../schemas/sources";
import { getSource } from "./get-source";
import { adoptability } from "./adoptability";
import { checkCredentialExists } from "./check-definition";
import { existingFluxSourceGroups } from "./existing-flux-source-groups";
import { renderSourceObjects } from "./render-source-objects";
import { applyToCluster } from "./apply-to-cluster";
import { openCredentialSecretData } from "./open-credential-secret-data";
import { clusterOutcome, overallOutcome, sourceAuditTarget, sourceAuditView } from "./source-audit";
import { clusterLabels, renderableSource, toStoredDefinition } from "./source-row";
import { stableHash } from "./stable-hash";

/**
 * Turns a group of existing Flux sources (one repository URL) into a Syncline source targeting
 * the clusters that have them, without recreating anything: a server-side apply with Syncline's
 * field manager takes ownership of the fields the definition sets and labels the objects as
 * Syncline's; Flux keeps reconciling them throughout.
 */
export async function adoptSources(input: AdoptSourcesInput, actor: Actor, origin?: RequestOrigin): Promise<SourceApplyResultDto> {
  const given = adoptSourcesInput.parse(input);
  const members = ((await existingFluxSourceGroups()).get(given.url) ?? []).filter(
    (member) => (given.objectNamespace ?? member.gitRepository.metadata.namespace) === member.gitRepository.metadata.namespace && (given.objectName ?? member.gitRepository.metadata.name) === member.gitRepository.metadata.name,
  );
  if (members.length === 0) throw new AppError("not_found", "No existing Flux source outside Syncline has that repository URL (and namespace and name)");
  const { adoptable, reason, needsCredential } = adoptability(members);
  if (!adoptable) throw new AppError("validation_failed", reason ?? "The group cannot be adopted", [{ path: "url", message: reason }]);
  const credentialId = await adoptedCredential(given.credentialId, needsCredential);
  const first = members[0]!;
  const git = (first.gitRepository.spec ?? {}) as Record<string, unknown>;
  const kustomization = (first.kustomizations[0]!.spec ?? {}) as Record<string, unknown>;
  const ref = sourceRef.safeParse(pickRef(git.ref));
  if (!ref.success) throw new AppError("validation_failed", "The objects' ref is not one branch, tag, semver range or commit", [{ path: "url", message: "Unsupported ref" }]);
  const name = given.name ?? first.gitRepository.metadata.name;
  if (await db().gitOpsSource.findUnique({ where: { name }, select: { id: true } })) throw new AppError("conflict", `A source named ${name} exists already`, [{ path: "name", message: "Taken" }]);
  const definition: SourceDefinition = {
    name,
    namespace: first.gitRepository.metadata.namespace ?? "flux-system",
    url: given.url,
    ref: ref.data,
    path: (kustomization.path as string | undefined) ?? "./",
    interval: (kustomization.interval as string | undefined) ?? (git.interval as string | undefined) ?? "5m",
    timeout: (kustomization.timeout as string | undefined) ?? null,
    retryInterval: (kustomization.retryInterval as string | undefined) ?? null,
    prune: kustomization.prune === true,
    targetNamespace: (kustomization.targetNamespace as string | undefined) ?? null,
    dependsOn: ((kustomization.dependsOn as Array<{ name: string; namespace?: string }> | undefined) ?? []).map((entry) => ({ name: entry.name, ...(entry.namespace ? { namespace: entry.namespace } : {}) })),
    postBuild: (kustomization.postBuild as { substitute?: Record<string, string> } | undefined)?.substitute ? { substitute: (kustomization.postBuild as { substitute: Record<string, string> }).substitute } : null,
    selector: null,
    clusterIds: members.map((member) => member.clusterId),
  };
  const stored = toStoredDefinition(definition, credentialId);
  const row = await db().gitOpsSource.create({
    data: {
      name,
      namespace: definition.namespace,
      definition: stored,
      definitionHash: stableHash(stored),
      appliedDefinition: stored,
      appliedHash: stableHash(stored),
      adopted: true,
      credentialId,
      // The leader leaves the source alone while this request takes the objects over.
      applyingUntil: new Date(Date.now() + 5 * 60_000),
      updatedBy: actor.name,
    },
  });
  const source = await renderableSource(row.id, stored);
  const clusters = await db().cluster.findMany({ where: { id: { in: definition.clusterIds } } });
  const secretData = credentialId ? await openCredentialSecretData(credentialId) : null;
  const outcomes: SourceApplyResultDto["outcomes"] = [];
  for (const cluster of clusters) {
    const rendering = renderSourceObjects(source, { name: cluster.name, labels: clusterLabels(cluster) });
    if (!rendering.ok) continue;
    const result = await applyToCluster(source, cluster, rendering, secretData);
    outcomes.push({ clusterId: cluster.id, clusterName: cluster.name, action: "update", ...result });
  }
  await db().gitOpsSource.update({ where: { id: row.id }, data: { applyingUntil: null } });
  const results = outcomes.map((outcome) => clusterOutcome(outcome.clusterName, outcome.outcome === "applied" ? "changed" : outcome.outcome === "pending" ? "pending" : "failed", outcome.message));
  await recordAuditEvent({ actor, action: "source.adopt", target: sourceAuditTarget(definition), after: sourceAuditView(definition, credentialId), outcome: overallOutcome(results), results, origin });
  return { source: await getSource(row.id), outcomes };
}

function pickRef(ref: unknown): Record<string, string> {
  const fields = (ref ?? {}) as Record<string, string | undefined>;
  for (const key of ["commit", "semver", "tag", "branch"]) if (fields[key]) return { [key]: fields[key]! };
  return { branch: "master" };
}

/** The credential that replaces the objects' own Secret: required when they read one, and pointless otherwise. */
async function adoptedCredential(credentialId: string | undefined, needed: boolean): Promise<string | null> {
  if (!needed) {
    if (credentialId) throw new AppError("validation_failed", "The objects read no Secret: they need no credential", [{ path: "credentialId", message: "Not needed" }]);
    return null;
  }
  if (!credentialId) {
    throw new AppError("validation_failed", "The objects read credentials from a Secret: choose the Git credential that holds them", [{ path: "credentialId", message: "Choose the stored Git credential that holds what their Secret holds" }]);
  }
  await checkCredentialExists(credentialId, "credentialId");
  return credentialId;
}
