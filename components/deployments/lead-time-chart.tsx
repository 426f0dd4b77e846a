"use client";

import { format } from "date-fns";
import { CartesianGrid, ResponsiveContainer, Scatter, ScatterChart, Tooltip, XAxis, YAxis } from "recharts";
import { formatLeadTime } from "@/components/timeline/format-lead-time";
import { Section } from "@/components/ui/section";
import type { DeploymentDto } from "@/lib/schemas/timeline";
import { longestLeadTime, percentile } from "./deployment-people";

interface Point {
  at: number;
  /** At least 1 s: the axis is logarithmic, so that seconds and days both read. */
  seconds: number;
  cluster: string;
}

const axisTick = { fill: "var(--fg-muted)", fontSize: 11 };

/**
 * Lead time of each loaded deployment over time: a slow rollout or a cluster that lags stands out
 * as a dot far above the rest, which a table column of durations hides. The caption says the same
 * in numbers for those who do not see the chart.
 */
export function LeadTimeChart({ deployments }: { deployments: DeploymentDto[] }) {
  const points: Point[] = deployments.flatMap((deployment) => {
    const seconds = longestLeadTime(deployment);
    return seconds === null ? [] : [{ at: Date.parse(deployment.appliedAt), seconds: Math.max(1, seconds), cluster: deployment.cluster.name }];
  });
  if (points.length < 2) return null;
  const values = points.map((point) => point.seconds);
  const median = percentile(values, 0.5)!;
  const p90 = percentile(values, 0.9)!;
  return (
    <Section title="Lead time" aside={<span className="text-xs text-fg-muted">commit to apply, longest per deployment</span>}>
      <figure className="px-2 pt-3 pb-2">
        <div aria-hidden="true" className="h-44">
          <ResponsiveContainer width="100%" height="100%">
            <ScatterChart margin={{ top: 4, right: 16, bottom: 0, left: 0 }} accessibilityLayer={false}>
              <CartesianGrid stroke="var(--line)" vertical={false} />
              <XAxis dataKey="at" type="number" domain={["dataMin", "dataMax"]} scale="time" tick={axisTick} stroke="var(--line-strong)" tickFormatter={(value: number) => format(value, "MMM d HH:mm")} />
              <YAxis dataKey="seconds" type="number" scale="log" domain={["auto", "auto"]} tick={axisTick} stroke="var(--line-strong)" width={60} tickFormatter={(value: number) => formatLeadTime(value)} />
              <Tooltip
                cursor={false}
                contentStyle={{ background: "var(--panel)", border: "1px solid var(--line)", borderRadius: 8, fontSize: 12, color: "var(--fg)" }}
                formatter={(value, name) => (name === "seconds" ? [formatLeadTime(Number(value)), "lead time"] : [format(Number(value), "yyyy-MM-dd HH:mm"), "applied"])}
              />
              <Scatter data={points} fill="var(--accent)" isAnimationActive={false} />
            </ScatterChart>
          </ResponsiveContainer>
        </div>
        <figcaption className="px-2 pt-1 text-xs text-fg-muted">
          {points.length} deployments with commits: median lead time {formatLeadTime(median)}, 90th percentile {formatLeadTime(p90)}, longest {formatLeadTime(Math.max(...values))}.
        </figcaption>
      </figure>
    </Section>
  );
}
