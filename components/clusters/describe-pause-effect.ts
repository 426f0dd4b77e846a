import { compactNumber } from "@/components/ui/format";

const RECONCILER_KINDS = new Set(["Kustomization", "HelmRelease"]);

/**
 * What a pause will do, in the dialog's words. A cluster pause suspends its reconcilers only, so
 * sources keep fetching; pausing one source instead stops it fetching.
 */
export function describePauseEffect(target: { reconcilers: number } | { kind: string }): string {
  if ("reconcilers" in target) {
    const count = target.reconcilers;
    return `Pauses ${compactNumber(count)} ${count === 1 ? "reconciler" : "reconcilers"} (Kustomizations and HelmReleases). Sources keep fetching, so resuming applies the newest revision at once.`;
  }
  if (RECONCILER_KINDS.has(target.kind)) return "Pauses this reconciler. Its source keeps fetching, so resuming applies the newest revision at once.";
  return "Stops this source fetching new revisions. The reconcilers that use it keep applying what it already fetched.";
}
