import type { Tone } from "@/components/ui/badge";
import type { FluxCondition } from "@/lib/fleet/dto";

/** Conditions Flux sets to True when something is wrong ("abnormal-true" in kstatus terms). */
const BAD_WHEN_TRUE = /Failed$|^(Stalled|ArtifactOutdated|IncludeUnavailable)$/;

/**
 * A condition's badge by what it means, not by its status: Ready=True is good, FetchFailed=True
 * is bad, Reconciling=True only says Flux is at work. A Remediated release was rolled back or
 * uninstalled after a failure, which needs a look without being a failure now.
 */
export function conditionTone(condition: FluxCondition): Tone {
  if (condition.status === "Unknown" || condition.type === "Reconciling") return "neutral";
  if (BAD_WHEN_TRUE.test(condition.type)) return condition.status === "True" ? "fail" : "neutral";
  if (condition.type === "Remediated") return condition.status === "True" ? "warn" : "neutral";
  return condition.status === "True" ? "ok" : "fail";
}
