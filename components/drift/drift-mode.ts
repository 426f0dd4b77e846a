import type { DriftMode } from "@/lib/schemas/drift";

/** How desired state was found, in a few words and in full. */
export function describeMode(mode: DriftMode): { short: string; long: string } {
  return mode === "dry-run"
    ? { short: "dry run, as flux diff", long: "Rendered with flux build and server-side applied as a dry run, as flux diff does." }
    : {
        short: "managedFields only (no flux CLI)",
        long: "No flux CLI was found: only fields written since the last apply by a manager other than Flux's are reported.",
      };
}
