import type { FluxKind } from "../fleet/dto";
import type { PatchTarget } from "../k8s/patch-flux-objects";
import { HelmRelease, Kustomization, modelFor, resourceOf, type FluxObject, type FluxResource } from "../k8s/resources";
import type { ResumePreview } from "../schemas/resume-preview";
import { autoSyncDecisions, type ObjectPauses } from "./auto-sync-decisions";

type ObjectsOf = (kind: FluxKind) => readonly FluxObject[];

export type ResumePlan = Pick<ResumePreview, "resumes" | "waiting" | "staysPaused">;

/**
 * What a cluster resume will do, decided with the resume's own rules: which reconcilers it lifts,
 * which stay paused and why, and which of those it lifts will apply a revision their source has
 * fetched meanwhile (sources keep fetching during a pause).
 */
export function planResume(objectsOf: ObjectsOf, pauses: ObjectPauses, now: Date = new Date()): ResumePlan {
  const decide = autoSyncDecisions.resume(now, { includeOutside: false, pauses });
  const plan: ResumePlan = { resumes: [], waiting: [], staysPaused: [] };
  for (const model of [Kustomization, HelmRelease]) {
    for (const object of objectsOf(model.kind)) {
      const target: PatchTarget = { model, object };
      const resource = resourceOf(model.kind, object);
      const ref = { kind: model.kind, namespace: resource.namespace, name: resource.name };
      const decision = decide(target);
      if ("outcome" in decision) {
        if (decision.outcome === "skipped") plan.staysPaused.push({ ...ref, message: decision.message });
        continue;
      }
      plan.resumes.push(ref);
      const waiting = waitingRevision(resource, objectsOf);
      if (waiting) plan.waiting.push({ ...ref, ...waiting });
    }
  }
  return plan;
}

function waitingRevision(resource: FluxResource, objectsOf: ObjectsOf): Pick<ResumePreview["waiting"][number], "source" | "fetched" | "applied"> | undefined {
  const source = artifactSourceOf(resource);
  const model = source && modelFor(source.kind);
  if (!source || !model) return undefined;
  const sourceObject = objectsOf(model.kind).find((o) => o.metadata.name === source.name && (o.metadata.namespace ?? "") === source.namespace);
  const fetched = sourceObject && resourceOf(model.kind, sourceObject).revision;
  if (!fetched) return undefined;
  const applied = resource.revision;
  return sameRevision(resource, fetched, applied) ? undefined : { source: { ...source, kind: model.kind }, fetched, applied };
}

/**
 * The object whose artifact the reconciler applies: a Kustomization's sourceRef; for a
 * HelmRelease, the HelmChart Flux builds for it (status.helmChart, "namespace/name") or its chartRef.
 */
function artifactSourceOf(resource: FluxResource): { kind: string; namespace: string; name: string } | null {
  if (resource instanceof HelmRelease) {
    const chartRef = (resource.object.spec as { chartRef?: unknown } | undefined)?.chartRef;
    const helmChart = resource.object.status?.helmChart as string | undefined;
    if (!chartRef && helmChart?.includes("/")) {
      const [namespace, name] = helmChart.split("/") as [string, string];
      return { kind: "HelmChart", namespace, name };
    }
  }
  return resource.sourceRef;
}

/** A HelmRelease records the chart version alone; an OCI artifact adds "@sha256:…" to it. */
function sameRevision(resource: FluxResource, fetched: string, applied: string | null): boolean {
  if (applied === null) return false;
  return resource instanceof HelmRelease ? fetched.split("@")[0] === applied : fetched === applied;
}
