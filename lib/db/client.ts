import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/client";
import { AppError } from "../errors/app-error";

export type Db = InstanceType<typeof PrismaClient>;
export { Prisma } from "./generated/client";

/**
 * Both databases go through the same pg driver adapter. Prepared-statement names stay unset:
 * PGlite's socket multiplexes connections onto one session, where named statements collide.
 */
export function createDb(url: string, poolSize: number): Db {
  const adapter = new PrismaPg({ connectionString: url, max: poolSize, idleTimeoutMillis: 5_000 });
  return new PrismaClient({ adapter });
}

const globalForDb = globalThis as unknown as { synclineDb?: Db };

/** The process-wide client, configured by DATABASE_URL and SYNCLINE_DB_POOL_SIZE. */
export function db(): Db {
  if (!globalForDb.synclineDb) {
    const url = process.env.DATABASE_URL;
    if (!url) throw new AppError("not_ready", "DATABASE_URL is not set; start Syncline with `npm start` or the syncline CLI");
    globalForDb.synclineDb = createDb(url, Number(process.env.SYNCLINE_DB_POOL_SIZE ?? 10));
  }
  return globalForDb.synclineDb;
}
