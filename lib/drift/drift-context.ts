import type { FluxKind } from "../fleet/dto";
import type { KubeClient } from "../k8s/client";
import type { FluxObject } from "../k8s/resources";

/** A source's tree at one revision, on disk until disposed. */
export interface SourceCheckout {
  dir: string;
  dispose(): Promise<void>;
}

/** What computing one cluster's drift needs; built once per computation by the collector. */
export interface DriftContext {
  clusterId: string;
  clusterName: string;
  /** The cluster's action client (lib/k8s/client.ts): dry runs, Secrets, live objects. */
  client: KubeClient;
  /** The cluster's Flux objects as the watches last saw them. */
  objectsOf(kind: FluxKind): readonly FluxObject[];
  /** Absolute path of the flux CLI, or null: drift then falls back to managedFields alone. */
  fluxCli: string | null;
  /**
   * The cluster's kubeconfig for the flux CLI (lib/k8s/client.ts `kubeconfigForStoredCluster`),
   * opened only when a render needs it. It is a secret: written to a 0600 file for the one
   * command, never logged or kept.
   */
  kubeconfig(): string;
  /**
   * The GitRepository's tree at `revision` (a Flux revision such as "main@sha1:<sha>" or a bare
   * sha), from Syncline's cached clone, fetched with the GitRepository's own credentials.
   */
  checkout(gitRepository: FluxObject, revision: string): Promise<SourceCheckout>;
  signal?: AbortSignal;
}
