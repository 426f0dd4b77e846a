import type { KubeClient } from "../k8s/client";
import { isKubeError } from "../k8s/kube-error";
import { log } from "../log/logger";
import { discoverApiResources } from "./discover-api-resources";

/** An object some reconciler's inventory (or Helm release) holds. */
export interface WatchedObject {
  apiVersion: string;
  kind: string;
  namespace: string;
  name: string;
}

interface ObjectMetadata {
  metadata: {
    name: string;
    namespace?: string;
    resourceVersion?: string;
    generation?: number;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
  };
}

const METADATA_LIST = "application/json;as=PartialObjectMetadataList;g=meta.k8s.io;v=v1";
const METADATA = "application/json;as=PartialObjectMetadata;g=meta.k8s.io;v=v1";
const BACKOFF_MS = [1_000, 2_000, 5_000, 15_000, 30_000];

/**
 * Metadata-only watches, one per kind present in a cluster's inventories, across all namespaces:
 * the API server sends names, generations and resource versions, never specs, so a watch on
 * Deployments or ConfigMaps costs little. `onChange` fires when a watched object is deleted or
 * changes what it declares (its generation, or its resourceVersion for kinds without one, as
 * ConfigMaps; labels; annotations); status-only updates of objects with a generation do not count.
 */
export class InventoryObjectWatches {
  private readonly watches = new Map<string, AbortController>();
  private watched = new Set<string>();
  /** Per object key, what it last declared. */
  private readonly seen = new Map<string, string>();

  constructor(
    readonly client: KubeClient,
    private readonly onChange: () => void,
  ) {}

  /** Watches exactly the kinds of `objects`, and reacts to changes of these objects only. */
  sync(objects: readonly WatchedObject[]): void {
    this.watched = new Set(objects.map(keyOf));
    const kinds = new Set(objects.map((object) => `${object.apiVersion}\n${object.kind}`));
    for (const [kind, controller] of this.watches) {
      if (kinds.has(kind)) continue;
      controller.abort();
      this.watches.delete(kind);
    }
    for (const kind of kinds) {
      if (this.watches.has(kind)) continue;
      const controller = new AbortController();
      this.watches.set(kind, controller);
      const [apiVersion, name] = kind.split("\n") as [string, string];
      void this.run(apiVersion, name, controller.signal);
    }
  }

  stop(): void {
    for (const controller of this.watches.values()) controller.abort();
    this.watches.clear();
  }

  /** List, then watch from the list's version; on 410 Gone or a failure, back off and list again. */
  private async run(apiVersion: string, kind: string, signal: AbortSignal): Promise<void> {
    let failures = 0;
    while (!signal.aborted) {
      try {
        const resource = (await discoverApiResources(this.client, [apiVersion], signal)).find(apiVersion, kind);
        if (!resource) return;
        const base = apiVersion.includes("/") ? `/apis/${apiVersion}` : `/api/${apiVersion}`;
        const path = `${base}/${resource.plural}`;
        const list = await this.client.request<{ metadata: { resourceVersion: string }; items: ObjectMetadata[] }>("GET", path, { accept: METADATA_LIST, signal, timeoutMs: 30_000 });
        for (const item of list.items) this.seen.set(keyOf({ apiVersion, kind, ...identityOf(item) }), declared(item));
        await this.client.watch<ObjectMetadata>(
          path,
          { resourceVersion: list.metadata.resourceVersion, allowWatchBookmarks: true },
          (event) => {
            failures = 0;
            if (event.type === "BOOKMARK") return;
            if (event.type === "ERROR") throw new Error("watch expired");
            this.observe(apiVersion, kind, event.type, event.object);
          },
          signal,
          undefined,
          METADATA,
        );
      } catch (error) {
        if (signal.aborted) return;
        if (!(isKubeError(error) && error.status === 410)) log.debug({ err: error, kind }, "drift: metadata watch failed; listing again");
        await sleep(BACKOFF_MS[Math.min(failures++, BACKOFF_MS.length - 1)]!, signal);
      }
    }
  }

  private observe(apiVersion: string, kind: string, type: "ADDED" | "MODIFIED" | "DELETED", object: ObjectMetadata): void {
    const key = keyOf({ apiVersion, kind, ...identityOf(object) });
    const now = type === "DELETED" ? null : declared(object);
    const before = this.seen.get(key);
    if (now === null) this.seen.delete(key);
    else this.seen.set(key, now);
    if (now !== before && this.watched.has(key)) this.onChange();
  }
}

const keyOf = (object: WatchedObject) => `${object.apiVersion}/${object.kind}/${object.namespace}/${object.name}`;

const identityOf = (object: ObjectMetadata) => ({ namespace: object.metadata.namespace ?? "", name: object.metadata.name });

function declared(object: ObjectMetadata): string {
  const { generation, resourceVersion, labels, annotations } = object.metadata;
  return JSON.stringify([generation ?? resourceVersion, labels ?? {}, annotations ?? {}]);
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener("abort", () => {
      clearTimeout(timer);
      resolve();
    }, { once: true });
  });
}
