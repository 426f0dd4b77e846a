import { db } from "../db/client";
import { inventory } from "../inventory";
import { GitRepository, Kustomization, type FluxObject } from "../k8s/resources";
import { owningSourceId } from "./source-labels";

/** An existing GitRepository with its Kustomizations, as adopt reads them. */
export interface ExistingFluxSource {
  clusterId: string;
  clusterName: string;
  gitRepository: FluxObject;
  kustomizations: FluxObject[];
}

/** The GitRepositories Syncline's sources did not create, from the store's live objects, by repository URL, each with the Kustomizations that read it. */
export async function existingFluxSourceGroups(): Promise<Map<string, ExistingFluxSource[]>> {
  await inventory().ready();
  const store = inventory().store;
  const clusters = await db().cluster.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true } });
  const groups = new Map<string, ExistingFluxSource[]>();
  for (const cluster of clusters) {
    const kustomizations = store.objects(cluster.id, Kustomization.kind);
    for (const gitRepository of store.objects(cluster.id, GitRepository.kind)) {
      if (owningSourceId(gitRepository)) continue;
      const url = specOf(gitRepository).url;
      if (typeof url !== "string") continue;
      const readers = kustomizations.filter((kustomization) => {
        const ref = specOf(kustomization).sourceRef as { kind?: string; name?: string; namespace?: string } | undefined;
        return ref?.kind === "GitRepository" && ref.name === gitRepository.metadata.name && (ref.namespace ?? kustomization.metadata.namespace) === gitRepository.metadata.namespace;
      });
      groups.set(url, [...(groups.get(url) ?? []), { clusterId: cluster.id, clusterName: cluster.name, gitRepository, kustomizations: readers }]);
    }
  }
  return groups;
}

function specOf(object: FluxObject): Record<string, unknown> {
  return (object.spec ?? {}) as Record<string, unknown>;
}

