import type { Tone } from "@/components/ui/badge";
import type { SyncPhase } from "@/lib/schemas/timeline";

export const phaseLabel: Record<SyncPhase, string> = {
  fetched: "Fetched",
  progressing: "Progressing",
  applied: "Applied",
  failed: "Failed",
};

export const phaseTone: Record<SyncPhase, Tone> = {
  fetched: "info",
  progressing: "neutral",
  applied: "ok",
  failed: "fail",
};
