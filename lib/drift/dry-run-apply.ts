import type { KubeClient } from "../k8s/client";
import { objectPath } from "./object-path";

type KubeObject = Record<string, unknown>;

/** Dry runs of large objects (CRDs) take longer than an ordinary request. */
const DRY_RUN_TIMEOUT_MS = 30_000;

/**
 * What the object would be if `fieldManager` applied it now: a server-side apply with
 * `dryRun=All` and `force=true`, as `flux diff kustomization` and helm-controller's drift
 * detection do. The server merges it with what other managers own, defaults it and runs its
 * admission, so the result compares field for field with the live object. The desired object is
 * first normalized as fluxcd/pkg ssa does before its dry runs.
 */
export async function dryRunApply(client: KubeClient, object: KubeObject, fieldManager: string, signal?: AbortSignal): Promise<KubeObject> {
  const metadata = (object.metadata ?? {}) as { name?: string; namespace?: string };
  const path = await objectPath(client, { apiVersion: String(object.apiVersion), kind: String(object.kind), namespace: metadata.namespace, name: String(metadata.name) }, signal);
  return client.request<KubeObject>("PATCH", path, {
    query: { dryRun: "All", fieldManager, force: true },
    // JSON is YAML: the apply patch needs no YAML serializer.
    contentType: "application/apply-patch+yaml",
    body: normalized(object),
    timeoutMs: DRY_RUN_TIMEOUT_MS,
    signal,
  });
}

/**
 * fluxcd/pkg ssa normalize.Unstructured and utils.RemoveCABundleFromCRD: no status (kept for CRDs,
 * which kstatus reads), no creation timestamp, Secret stringData folded into data, TCP as the
 * default port protocol (the server's defaulting would otherwise differ from an apply), and no
 * conversion webhook CA bundle (injected in the cluster, never in Git).
 */
function normalized(object: KubeObject): KubeObject {
  const copy = structuredClone(object);
  const kind = copy.kind;
  if (kind !== "CustomResourceDefinition") delete copy.status;
  else delete ((((copy.spec as KubeObject | undefined)?.conversion as KubeObject | undefined)?.webhook as KubeObject | undefined)?.clientConfig as KubeObject | undefined)?.caBundle;
  if (copy.metadata) delete (copy.metadata as KubeObject).creationTimestamp;
  if (kind === "Secret" && copy.stringData && typeof copy.stringData === "object") {
    const data = { ...((copy.data as Record<string, string> | undefined) ?? {}) };
    for (const [key, value] of Object.entries(copy.stringData as Record<string, string>)) data[key] = Buffer.from(String(value)).toString("base64");
    copy.data = data;
    delete copy.stringData;
  }
  if (kind === "Service") defaultProtocol((copy.spec as KubeObject | undefined)?.ports);
  for (const podSpec of podSpecsOf(copy)) for (const container of ((podSpec.containers as KubeObject[] | undefined) ?? [])) defaultProtocol(container.ports);
  return copy;
}

function podSpecsOf(object: KubeObject): KubeObject[] {
  const spec = object.spec as KubeObject | undefined;
  if (!spec) return [];
  if (object.kind === "Pod") return [spec];
  if (object.kind === "CronJob") return [(((spec.jobTemplate as KubeObject | undefined)?.spec as KubeObject | undefined)?.template as KubeObject | undefined)?.spec as KubeObject | undefined].filter((s): s is KubeObject => !!s);
  if (["Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job"].includes(String(object.kind))) {
    const template = (spec.template as KubeObject | undefined)?.spec as KubeObject | undefined;
    return template ? [template] : [];
  }
  return [];
}

function defaultProtocol(ports: unknown): void {
  if (!Array.isArray(ports)) return;
  for (const port of ports as KubeObject[]) if (port && typeof port === "object" && !port.protocol) port.protocol = "TCP";
}
