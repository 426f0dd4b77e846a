import { AppError } from "../errors/app-error";
import type { SourcePreviewDto } from "../schemas/sources";
import { planSource } from "./plan-source";
import { getSourceRowOrThrow, renderableSource } from "./source-row";

/**
 * What applying the source's current definition would do on each cluster, with the rendered path
 * and values and each object's field changes (Secret values masked). Its planHash confirms exactly
 * this plan to POST /api/sources/{id}/apply.
 */
export async function previewSource(id: string): Promise<SourcePreviewDto> {
  const row = await getSourceRowOrThrow(id);
  if (row.deletingAt) throw new AppError("source_deleting", "The source is being deleted");
  const plan = await planSource(await renderableSource(row.id, row.definition), row.definitionHash);
  return {
    sourceId: row.id,
    definitionHash: row.definitionHash,
    planHash: plan.planHash,
    summary: plan.summary,
    clusters: plan.clusters.map(({ cluster: _cluster, row: _row, desired: _desired, ...dto }) => dto),
    computedAt: new Date().toISOString(),
  };
}
