// Benchmark: the browser's share of a live update. A batch of watch events from GET /api/events
// is merged into the react-query cache by a pure reducer; on a large cluster that must stay well
// inside one animation frame, whatever the batch size.
import type { FleetEvent, FluxObjectSummary } from "../lib/fleet/dto";
import { applyToObjectList } from "../lib/queries/apply-fleet-event";
import { percentile, type BenchResult } from "./bench-result";

const OBJECTS = 10_000;
const EVENTS = 1_000;
const RUNS = 50;

function summary(name: string, state: FluxObjectSummary["state"]): FluxObjectSummary {
  return {
    kind: "Kustomization",
    namespace: "flux-system",
    name,
    state,
    retrying: false,
    readyStatus: state === "ready" ? "True" : "False",
    reason: null,
    message: null,
    revision: "main@sha1:abc",
    lastAppliedAt: null,
    suspended: false,
    suspension: null,
    sourceRef: null,
    stale: false,
  };
}

export async function run(): Promise<BenchResult[]> {
  const list = Array.from({ length: OBJECTS }, (_, i) => summary(`o-${i}`, "ready"));
  const events: FleetEvent[] = Array.from({ length: EVENTS }, (_, i) => ({ type: "object", clusterId: "a", object: summary(`o-${i * 10}`, "failing") }));
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    applyToObjectList("a", list, events);
    samples.push(performance.now() - started);
  }
  const ms = (p: number) => Math.round(percentile(samples, p) * 10) / 10;
  return [
    { name: `${EVENTS} object events merged into a list of ${OBJECTS} objects, p50 (${RUNS} runs)`, value: ms(50), unit: "ms" },
    { name: "the same merge, p95", value: ms(95), unit: "ms", target: "≤ 100 ms" },
  ];
}
