import type { FluxObject } from "../k8s/resources";
import type { ExistingFluxSource } from "./existing-flux-source-groups";

export interface Adoptability {
  adoptable: boolean;
  reason: string | null;
  /** Some member reads credentials from a Secret: adopt needs the Syncline Git credential that holds them. */
  needsCredential: boolean;
}

/**
 * Adopt describes a group as one definition without recreating anything, so every member must be
 * a GitRepository with one Kustomization of the same name, and the members must agree. A Secret
 * the objects read is not copied off the cluster, since credentials live sealed in Syncline's one
 * store: adopt asks which of its Git credentials holds the same thing, and keeps that on every cluster.
 */
export function adoptability(members: readonly ExistingFluxSource[]): Adoptability {
  const needsCredential = members.some((member) => !!specOf(member.gitRepository).secretRef);
  const refuse = (reason: string) => ({ adoptable: false, reason, needsCredential });
  for (const member of members) {
    const { name, namespace } = member.gitRepository.metadata;
    if (member.kustomizations.length !== 1 || member.kustomizations[0]!.metadata.name !== name || member.kustomizations[0]!.metadata.namespace !== namespace) {
      return refuse(`On ${member.clusterName}, ${namespace}/${name} is not read by exactly one Kustomization of the same name`);
    }
  }
  const shape = (member: ExistingFluxSource) => {
    const git = specOf(member.gitRepository);
    const kustomization = specOf(member.kustomizations[0]!);
    return JSON.stringify([member.gitRepository.metadata.name, member.gitRepository.metadata.namespace, git.ref, git.interval, kustomization.path, kustomization.prune, kustomization.targetNamespace, kustomization.postBuild]);
  };
  if (new Set(members.map(shape)).size > 1) return refuse("The clusters' objects differ in name, ref, interval, path or prune; one definition cannot describe them all");
  return { adoptable: true, reason: null, needsCredential };
}

function specOf(object: FluxObject): Record<string, unknown> {
  return (object.spec ?? {}) as Record<string, unknown>;
}
