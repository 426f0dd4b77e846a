import { db } from "../db/client";
import type { SourceDto } from "../schemas/sources";
import { toSourceDto } from "./to-source-dto";

/** Every source, by name, with its per-cluster rollout. */
export async function listSources(): Promise<SourceDto[]> {
  const rows = await db().gitOpsSource.findMany({ orderBy: { name: "asc" }, include: { credential: true, clusters: { include: { cluster: true } } } });
  return rows.map(({ clusters, ...row }) => toSourceDto(row, clusters));
}
