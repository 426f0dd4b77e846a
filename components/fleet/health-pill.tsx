import { StatusPill, type Tone } from "@/components/ui/badge";
import type { ClusterHealth } from "@/lib/fleet/dto";

const health: Record<ClusterHealth, { tone: Tone; label: string }> = {
  connected: { tone: "ok", label: "Connected" },
  degraded: { tone: "warn", label: "Degraded" },
  unreachable: { tone: "fail", label: "Unreachable" },
  unknown: { tone: "neutral", label: "Connecting" },
};

export function HealthPill({ value, title }: { value: ClusterHealth; title?: string }) {
  const { tone, label } = health[value];
  return (
    <StatusPill tone={tone} pulse={value === "unknown"} title={title}>
      {label}
    </StatusPill>
  );
}
