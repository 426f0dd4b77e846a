import type { FluxObject } from "../k8s/resources";
import type { ExistingFluxSource } from "./existing-flux-source-groups";

/**
 * Adopt describes a group as one definition without recreating anything, so every member must be
 * a GitRepository with one Kustomization of the same name, and the members must agree.
 */
export function adoptability(members: readonly ExistingFluxSource[]): { adoptable: boolean; reason: string | null } {
  const refuse = (reason: string) => ({ adoptable: false, reason });
  for (const member of members) {
    const { name, namespace } = member.gitRepository.metadata;
    if (member.kustomizations.length !== 1 || member.kustomizations[0]!.metadata.name !== name || member.kustomizations[0]!.metadata.namespace !== namespace) {
      return refuse(`On ${member.clusterName}, ${namespace}/${name} is not read by exactly one Kustomization of the same name`);
    }
    if (specOf(member.gitRepository).secretRef) return refuse(`On ${member.clusterName}, ${namespace}/${name} uses a Secret: add its credential to Syncline, then create a source`);
  }
  const shape = (member: ExistingFluxSource) => {
    const git = specOf(member.gitRepository);
    const kustomization = specOf(member.kustomizations[0]!);
    return JSON.stringify([member.gitRepository.metadata.name, member.gitRepository.metadata.namespace, git.ref, git.interval, kustomization.path, kustomization.prune, kustomization.targetNamespace, kustomization.postBuild]);
  };
  if (new Set(members.map(shape)).size > 1) return refuse("The clusters' objects differ in name, ref, interval, path or prune; one definition cannot describe them all");
  return { adoptable: true, reason: null };
}

function specOf(object: FluxObject): Record<string, unknown> {
  return (object.spec ?? {}) as Record<string, unknown>;
}

