import { db } from "../db/client";
import { planMigrations, readMigrations, type AppliedRow } from "../db/migrate";

export interface Readiness {
  ready: boolean;
  database: "ok" | "unreachable";
  pendingMigrations: string[];
  message?: string;
}

/** Ready means: the database answers and every committed migration is applied. */
export async function checkReadiness(): Promise<Readiness> {
  let applied: AppliedRow[];
  try {
    applied = await db().$queryRawUnsafe<AppliedRow[]>(
      `SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations"`,
    );
  } catch (error) {
    const missingTable = /_prisma_migrations/.test(String(error));
    return missingTable
      ? { ready: false, database: "ok", pendingMigrations: readMigrations().map((m) => m.name), message: "The database has never been migrated" }
      : { ready: false, database: "unreachable", pendingMigrations: [], message: "The database does not answer" };
  }
  try {
    const pending = planMigrations(readMigrations(), applied).map((m) => m.name);
    return { ready: pending.length === 0, database: "ok", pendingMigrations: pending };
  } catch (error) {
    return { ready: false, database: "ok", pendingMigrations: [], message: (error as Error).message };
  }
}
