import type { ObjectRef } from "../../fleet/dto";
import { FluxResource } from "./flux-resource";

interface HelmReleaseSnapshot {
  chartName?: string;
  chartVersion?: string;
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
