import type { ObjectRef } from "../../fleet/dto";
import { FluxResource, type FluxObject } from "./flux-resource";

/** What stands in for each value a reader may not see; the keys around it stay, so the shape reads. */
export const REDACTED = "[redacted]";

/** kubectl copies the whole applied object, values included, into this annotation. */
const LAST_APPLIED = "kubectl.kubernetes.io/last-applied-configuration";

/** One entry of status.history, the current release first. */
interface HelmReleaseSnapshot {
  name?: string;
  namespace?: string;
  version?: number;
  chartName?: string;
  chartVersion?: string;
  firstDeployed?: string;
  lastDeployed?: string;
  status?: string;
}

export class HelmRelease extends FluxResource {
  static readonly kind = "HelmRelease" as const;
  static readonly apiVersion = "helm.toolkit.fluxcd.io/v2";
  static readonly plural = "helmreleases";
  static readonly namespaced = true;
  static readonly reconciler = true;

  get kind() {
    return HelmRelease.kind;
  }

  /**
   * The object with every leaf of `spec.values` replaced by REDACTED, also inside kubectl's
   * last-applied copy: chart values routinely carry passwords and tokens. `spec.valuesFrom` only
   * names ConfigMaps and Secrets, so it stays.
   */
  static withValuesRedacted(object: FluxObject): FluxObject {
    const annotations = object.metadata.annotations;
    const lastApplied = annotations?.[LAST_APPLIED];
    return {
      ...object,
      metadata: lastApplied === undefined ? object.metadata : { ...object.metadata, annotations: { ...annotations, [LAST_APPLIED]: redactedLastApplied(lastApplied) } },
      spec: object.spec && withSpecValuesRedacted(object.spec),
    };
  }

  private get latest(): HelmReleaseSnapshot | undefined {
    return (this.object.status?.history as HelmReleaseSnapshot[] | undefined)?.[0];
  }

  /** The chart version of the release Helm last deployed, as `flux get hr` shows it. */
  get lastAppliedRevision(): string | null {
    return this.latest?.chartVersion ?? null;
  }

  get revision(): string | null {
    return this.lastAppliedRevision ?? (this.object.status?.lastAttemptedRevision as string | undefined) ?? null;
  }

  /** Each upgrade, even of the same chart version with new values, is a new Helm release version. */
  override get appliedIdentity(): string | null {
    const latest = this.latest;
    return latest?.version === undefined ? this.lastAppliedRevision : `${latest.namespace ?? ""}/${latest.name ?? ""}.v${latest.version}`;
  }

  /** Helm stamps every release it deploys; firstDeployed is the first release's, kept by its successors. */
  get lastAppliedAt(): string | null {
    return this.latest?.lastDeployed ?? null;
  }

  /** A release names its chart source either inline (spec.chart) or by a chartRef. */
  override get sourceRef(): ObjectRef | null {
    const spec = this.object.spec as
      | { chart?: { spec?: { sourceRef?: { kind?: string; name?: string; namespace?: string } } }; chartRef?: { kind?: string; name?: string; namespace?: string } }
      | undefined;
    const ref = spec?.chartRef ?? spec?.chart?.spec?.sourceRef;
    return ref?.kind && ref.name ? { kind: ref.kind, name: ref.name, namespace: ref.namespace ?? this.namespace } : null;
  }
}

function withSpecValuesRedacted<T extends Record<string, unknown>>(spec: T): T {
  return "values" in spec ? { ...spec, values: redactedLeaves(spec.values) } : spec;
}

function redactedLeaves(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactedLeaves);
  if (value === null || value === undefined) return value;
  if (typeof value === "object") return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, redactedLeaves(inner)]));
  return REDACTED;
}

function redactedLastApplied(text: string): string {
  try {
    const applied = JSON.parse(text) as { spec?: unknown };
    if (applied.spec === null || typeof applied.spec !== "object" || Array.isArray(applied.spec)) return JSON.stringify(applied);
    return JSON.stringify({ ...applied, spec: withSpecValuesRedacted(applied.spec as Record<string, unknown>) });
  } catch {
    return REDACTED;
  }
}
