import { db } from "../db/client";
import type { SourceDto } from "../schemas/sources";
import { getSourceRowOrThrow } from "./source-row";
import { toSourceDto } from "./to-source-dto";

/** One source with its per-cluster rollout; 404 when there is none with the id. */
export async function getSource(id: string): Promise<SourceDto> {
  const row = await getSourceRowOrThrow(id);
  const rollouts = await db().clusterSource.findMany({ where: { sourceId: id }, include: { cluster: true } });
  return toSourceDto(row, rollouts);
}
