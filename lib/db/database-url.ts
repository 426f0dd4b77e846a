import { dataDir } from "../config/data-dir";
import { embeddedLockFile, embeddedUrl, EMBEDDED_POOL_SIZE, openEmbeddedDatabase } from "./embedded-database";
import { liveLockOwner } from "./data-dir-lock";

export interface DatabaseHandle {
  url: string;
  poolSize: number;
  kind: "postgresql" | "embedded";
  close(): Promise<void>;
}

/**
 * The database this process should use: DATABASE_URL when set, otherwise the embedded one in
 * the data folder. When another process (a running `npm start`) already owns the embedded
 * database, this process connects to it through that owner's socket instead of opening it.
 */
export async function resolveDatabase(): Promise<DatabaseHandle> {
  const url = process.env.DATABASE_URL;
  if (url) return { url, poolSize: Number(process.env.SYNCLINE_DB_POOL_SIZE ?? 10), kind: "postgresql", close: async () => {} };
  const owner = liveLockOwner(embeddedLockFile(dataDir()));
  if (owner?.socketDir) {
    return { url: embeddedUrl(owner.socketDir), poolSize: 1, kind: "embedded", close: async () => {} };
  }
  const embedded = await openEmbeddedDatabase(dataDir());
  return { ...embedded, kind: "embedded", poolSize: EMBEDDED_POOL_SIZE };
}
