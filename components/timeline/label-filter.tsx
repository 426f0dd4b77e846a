"use client";

import { LabelChip } from "@/components/ui/badge";
import { useClusters } from "@/lib/queries/use-clusters";
import { fleetLabels, formatLabelSelector, parseLabelSelector } from "./label-selector";

/** The fleet's cluster labels as toggles; a cluster must carry every chosen label to be shown. */
export function LabelFilter({ value, onChange }: { value: string | undefined; onChange: (selector: string | null) => void }) {
  const clusters = useClusters();
  const chosen = parseLabelSelector(value);
  const labels = [...new Set([...fleetLabels(clusters.data ?? []), ...chosen])].sort();
  if (labels.length === 0) return null;
  const toggle = (label: string) => onChange(formatLabelSelector(chosen.includes(label) ? chosen.filter((item) => item !== label) : [...chosen, label]));
  return (
    <div role="group" aria-label="Cluster labels" className="flex flex-wrap items-center gap-1.5">
      <span className="text-xs text-fg-subtle">Labels</span>
      {labels.map((label) => {
        const [name, ...rest] = label.split("=");
        return <LabelChip key={label} name={name!} value={rest.join("=")} pressed={chosen.includes(label)} onClick={() => toggle(label)} />;
      })}
    </div>
  );
}
