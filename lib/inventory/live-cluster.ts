import type { Cluster } from "../db/generated/client";
import type { KubeClient } from "../k8s/client";
import type { FluxModelClass, FluxObject } from "../k8s/resources";
import { inventory } from "./inventory";

export interface LiveCluster {
  client: KubeClient;
  /** The objects of a kind as the store last saw them. */
  lastKnown(model: FluxModelClass): FluxObject[];
  /**
   * Puts an object Syncline just wrote into the store, so the next read shows it at once. It
   * changes the store's object only: the watch still resumes from what it last saw itself.
   */
  written(model: FluxModelClass, object: FluxObject): void;
}

/** A client for acting on a cluster, wired to the store that mirrors it; removing the cluster closes it. */
export function liveCluster(row: Cluster): LiveCluster {
  const store = inventory().store;
  return {
    client: inventory().actionClient(row),
    lastKnown: (model) => store.objects(row.id, model.kind),
    written: (model, object) => store.applyEvent(row.id, model.kind, { type: "MODIFIED", object }),
  };
}
