/** One measured figure, next to what a user would otherwise run, measured in the same run. */
export interface BenchResult {
  name: string;
  value: number;
  unit: string;
  /** The target the issue sets, e.g. "≤ 50 ms". */
  target?: string;
  comparison?: { name: string; value: number; unit: string };
  notes?: string;
}

export function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}
