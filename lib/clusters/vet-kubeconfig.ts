import type { ClusterCapabilities } from "../fleet/dto";
import { createKubeClient, parseKubeconfig } from "../k8s/client";
import { probeCluster } from "./probe-cluster";

export interface VettedKubeconfig {
  server: string;
  context: string;
  capabilities: ClusterCapabilities;
  fluxVersion: string | null;
}

interface KubeconfigToVet {
  /** The cluster's name, as errors and the client name it. */
  name: string;
  kubeconfig: string;
  context?: string;
  /** Checks on the server it names that need no connection, run before the cluster is probed. */
  beforeProbe?: (server: string) => Promise<void>;
}

/**
 * Proves a kubeconfig is one Syncline can work with, the same way for a registration and for a
 * replacement: it parses and names the context, and the cluster passes every check of
 * probeCluster. Each failure is an AppError with its own code.
 */
export async function vetKubeconfig({ name, kubeconfig, context, beforeProbe }: KubeconfigToVet): Promise<VettedKubeconfig> {
  const parsed = parseKubeconfig(kubeconfig, context);
  await beforeProbe?.(parsed.server);
  const client = createKubeClient({ name, kubeconfig, context: parsed.context });
  const { capabilities, fluxVersion } = await probeCluster(client).finally(() => client.close());
  return { server: parsed.server, context: parsed.context, capabilities, fluxVersion };
}
