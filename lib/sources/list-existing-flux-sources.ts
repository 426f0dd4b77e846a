import type { FluxObject } from "../k8s/resources";
import type { ExistingFluxSourceGroupDto } from "../schemas/sources";
import { adoptability } from "./adoptability";
import { existingFluxSourceGroups } from "./existing-flux-source-groups";

/**
 * The Flux GitRepositories Syncline's sources did not create, from the store's live objects of
 * every cluster, grouped by repository URL, each with the Kustomizations that read it. Read-only:
 * adopt turns an adoptable group into a source.
 */
export async function listExistingFluxSources(): Promise<ExistingFluxSourceGroupDto[]> {
  const groups = await existingFluxSourceGroups();
  return [...groups.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([url, members]) => ({
      url,
      objects: members.map((member) => ({
        clusterId: member.clusterId,
        clusterName: member.clusterName,
        namespace: member.gitRepository.metadata.namespace ?? "",
        name: member.gitRepository.metadata.name,
        ref: describeRef(specOf(member.gitRepository).ref),
        kustomizations: member.kustomizations.map((kustomization) => ({
          namespace: kustomization.metadata.namespace ?? "",
          name: kustomization.metadata.name,
          path: (specOf(kustomization).path as string | undefined) ?? null,
        })),
      })),
      ...adoptability(members),
      candidates: [...new Set(members.map((member) => `${member.gitRepository.metadata.namespace ?? ""}/${member.gitRepository.metadata.name}`))].sort().map((key) => {
        const [namespace, name] = key.split("/") as [string, string];
        const subset = members.filter((member) => member.gitRepository.metadata.namespace === namespace && member.gitRepository.metadata.name === name);
        return { namespace, name, clusters: subset.length, ...adoptability(subset) };
      }),
    }));
}

function specOf(object: FluxObject): Record<string, unknown> {
  return (object.spec ?? {}) as Record<string, unknown>;
}

function describeRef(ref: unknown): string | null {
  const fields = (ref ?? {}) as Record<string, string | undefined>;
  for (const key of ["commit", "name", "semver", "tag", "branch"]) if (fields[key]) return `${key} ${fields[key]}`;
  return null;
}
