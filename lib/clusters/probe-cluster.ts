import { AppError } from "../errors/app-error";
import type { ClusterCapabilities, FluxControllerInfo } from "../fleet/dto";
import type { KubeClient } from "../k8s/client";
import { isKubeError, KubeError } from "../k8s/kube-error";
import { fluxModels, HelmRelease, Kustomization } from "../k8s/resources";

export interface ProbeResult {
  capabilities: ClusterCapabilities;
  fluxVersion: string | null;
}

interface AccessReview {
  status?: { allowed?: boolean };
}

interface ApiResourceList {
  resources: Array<{ name: string } | null>;
}

interface Crd {
  metadata?: { labels?: Record<string, string> };
}

interface DeploymentList {
  items: Array<null | { metadata?: { name?: string; labels?: Record<string, string> }; spec?: { template?: { spec?: { containers?: Array<{ image?: string }> } } } }>;
}

const CONTROLLER_BY_GROUP: Record<string, string> = {
  "source.toolkit.fluxcd.io": "source-controller",
  "kustomize.toolkit.fluxcd.io": "kustomize-controller",
  "helm.toolkit.fluxcd.io": "helm-controller",
};

/**
 * Checks, in the order a user would fix them, that Syncline can work with a cluster: it answers,
 * TLS verifies, the credentials authenticate, they may list and watch every Flux kind, and
 * Flux is installed. Each failure is an AppError with its own code. Patch permission is
 * recorded, not required: read-only credentials make a read-only cluster.
 */
export async function probeCluster(client: KubeClient): Promise<ProbeResult> {
  try {
    return await probe(client);
  } catch (error) {
    throw isKubeError(error) ? asProbeFailure(client, error) : error;
  }
}

async function probe(client: KubeClient): Promise<ProbeResult> {
  const version = await client.request<{ gitVersion?: unknown } | null>("GET", "/version");
  if (typeof version?.gitVersion !== "string") throw notKubernetes(client, "its /version names no gitVersion");
  const served = await servedFluxKinds(client);
  if (!served.has(Kustomization.kind)) {
    throw new AppError("flux_not_installed", `Flux is not installed on ${client.cluster}: the API server serves no ${Kustomization.apiVersion} Kustomization`, {
      served: [...served],
    });
  }
  const installed = fluxModels.filter((model) => served.has(model.kind));
  const reviews = await Promise.all(
    installed.flatMap((model) =>
      (["list", "watch"] as const).map(async (verb) => ({ model, verb, allowed: await mayDo(client, verb, model.apiVersion, model.plural) })),
    ),
  );
  const denied = reviews.filter((review) => !review.allowed).map((review) => `${review.verb} ${review.model.plural}`);
  if (denied.length) {
    throw new AppError("cluster_forbidden", `The credentials for ${client.cluster} may not ${denied.join(", ")}; Syncline needs to list and watch Flux objects`, { denied });
  }
  const patchable = await Promise.all(
    [Kustomization, HelmRelease].filter((model) => served.has(model.kind)).map((model) => mayDo(client, "patch", model.apiVersion, model.plural)),
  );
  const { controllers, fluxVersion } = await fluxVersions(client, installed.map((model) => model.apiVersion.split("/")[0]!));
  return {
    fluxVersion,
    capabilities: {
      kubernetesVersion: version.gitVersion,
      controllers,
      permissions: { list: true, watch: true, patch: patchable.every(Boolean) },
      authMethod: client.authMethod,
    },
  };
}

/**
 * Translates what went wrong talking to the cluster into the codes a user can act on. Messages
 * come from the client, which never quotes a reply that is not a Kubernetes Status.
 */
function asProbeFailure(client: KubeClient, error: KubeError): AppError {
  if (error.reason === "tls") return new AppError("cluster_tls_failed", `${error.message}; check the kubeconfig's certificate-authority-data`);
  if (error.status === undefined) return new AppError("cluster_unreachable", `${error.message} (${client.server})`);
  if (error.status === 401) return new AppError("cluster_unauthorized", `The API server of ${client.cluster} rejected the credentials (401); the token or certificate is wrong or expired`);
  if (error.reason === "not_kubernetes") return notKubernetes(client, error.message);
  if (error.status === 403) return new AppError("cluster_forbidden", `${error.message}; Syncline needs to list and watch Flux objects`);
  if (error.status >= 500) return new AppError("cluster_unreachable", `${error.message} (${client.server})`);
  return notKubernetes(client, error.message);
}

function notKubernetes(client: KubeClient, why: string): AppError {
  return new AppError("not_kubernetes", `${client.server} does not answer like a Kubernetes API server (${why}); check the kubeconfig's server URL`);
}

async function servedFluxKinds(client: KubeClient): Promise<Set<string>> {
  const served = new Set<string>();
  const versions = [...new Set(fluxModels.map((model) => model.apiVersion))];
  await Promise.all(
    versions.map(async (apiVersion) => {
      let list: ApiResourceList | null;
      try {
        list = await client.request<ApiResourceList | null>("GET", `/apis/${apiVersion}`);
      } catch (error) {
        if (isKubeError(error) && error.status === 404) return;
        throw error;
      }
      if (!Array.isArray(list?.resources)) throw notKubernetes(client, `/apis/${apiVersion} lists no resources`);
      const names = new Set(list.resources.map((resource) => resource?.name));
      for (const model of fluxModels) if (model.apiVersion === apiVersion && names.has(model.plural)) served.add(model.kind);
    }),
  );
  return served;
}

async function mayDo(client: KubeClient, verb: string, apiVersion: string, resource: string): Promise<boolean> {
  const review = await client.request<AccessReview | null>("POST", "/apis/authorization.k8s.io/v1/selfsubjectaccessreviews", {
    body: {
      apiVersion: "authorization.k8s.io/v1",
      kind: "SelfSubjectAccessReview",
      spec: { resourceAttributes: { group: apiVersion.split("/")[0], resource, verb } },
    },
  });
  return review?.status?.allowed === true;
}

/**
 * Controllers usually run in flux-system, and `flux install` labels CRDs with the Flux version;
 * either may be missing (controllers can run outside the cluster, CRDs can be applied bare, or
 * the credentials may not read them), in which case the version is reported as unknown.
 */
async function fluxVersions(client: KubeClient, groups: string[]): Promise<{ controllers: FluxControllerInfo[]; fluxVersion: string | null }> {
  const optional = <T>(call: Promise<T>) => call.catch(() => undefined);
  const [crd, deployments] = await Promise.all([
    optional(client.request<Crd>("GET", `/apis/apiextensions.k8s.io/v1/customresourcedefinitions/${Kustomization.plural}.${Kustomization.apiVersion.split("/")[0]}`)),
    optional(client.request<DeploymentList>("GET", "/apis/apps/v1/namespaces/flux-system/deployments")),
  ]);
  const images = new Map(
    (Array.isArray(deployments?.items) ? deployments.items : []).map((d) => [d?.metadata?.name, d?.spec?.template?.spec?.containers?.[0]?.image ?? ""] as const),
  );
  const controllers = [...new Set(groups.map((group) => CONTROLLER_BY_GROUP[group]).filter((name): name is string => !!name))].map((name) => {
    const image = images.get(name);
    const tag = image?.includes(":") ? image.slice(image.lastIndexOf(":") + 1).split("@")[0]! : null;
    return { name, version: tag || null };
  });
  return { controllers, fluxVersion: crd?.metadata?.labels?.["app.kubernetes.io/version"] ?? null };
}
