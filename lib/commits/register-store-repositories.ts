import { inventory } from "../inventory";
import { GitRepository } from "../k8s/resources";
import { registerSourceRepository } from "./register-source-repository";

/** A SourceRepository row for every Git URL that a GitRepository in the store points at; returns the URLs. */
export async function registerStoreRepositories(): Promise<string[]> {
  const store = inventory().store;
  const urls = new Set<string>();
  for (const clusterId of store.clusterIds()) {
    for (const object of store.objects(clusterId, GitRepository.kind)) {
      const url = (object.spec as { url?: unknown } | undefined)?.url;
      if (typeof url === "string" && url.trim() !== "") urls.add(url.trim());
    }
  }
  for (const url of urls) await registerSourceRepository(url);
  return [...urls];
}
