import type { FluxObject } from "../k8s/resources";

/**
 * The command that really brings a HelmRelease's objects back to its release, which depends on
 * `spec.driftDetection.mode` (helm-controller v1.6, internal/reconcile/atomic_release.go):
 * - enabled: helm-controller corrects drift itself on each reconcile, so reconciling (or resuming
 *   a suspended release) is enough;
 * - disabled (the default): nothing is compared; a forced reconcile runs a Helm upgrade, which
 *   applies the whole manifest again with server-side apply, taking the fields back;
 * - warn: a drifted release is only reported, and a force request is not handled while it is
 *   drifted, so correction has to be switched on.
 */
export function helmReleaseFixCommand(helmRelease: FluxObject): string {
  const target = `${helmRelease.metadata.name} -n ${helmRelease.metadata.namespace ?? "default"}`;
  const resume = helmRelease.spec?.suspend === true ? `flux resume helmrelease ${target} && ` : "";
  switch ((helmRelease.spec?.driftDetection as { mode?: string } | undefined)?.mode) {
    case "enabled":
      return resume ? `flux resume helmrelease ${target}` : `flux reconcile helmrelease ${target}`;
    case "warn":
      return `kubectl patch helmrelease ${target} --type merge -p '{"spec":{"driftDetection":{"mode":"enabled"}}}'${resume ? ` && flux resume helmrelease ${target}` : ""}`;
    default:
      return `${resume}flux reconcile helmrelease ${target} --force`;
  }
}
