import { db } from "../db/client";
import type { SourceRepositoryDto } from "../schemas/timeline";
import { sourceRepositoryDtos } from "./source-repository-dtos";

/** Every Git repository the fleet's sources pull (or pulled), each once, by URL. */
export async function listRepositories(): Promise<SourceRepositoryDto[]> {
  return sourceRepositoryDtos(await db().sourceRepository.findMany({ orderBy: { url: "asc" } }));
}
