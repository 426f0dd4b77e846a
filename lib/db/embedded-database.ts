import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import { acquireDataDirLock } from "./data-dir-lock";

/**
 * PGlite multiplexes every socket connection onto one session, so the pool that talks to it must
 * be exactly as large as the socket server allows (a larger pool gets connections refused).
 */
export const EMBEDDED_POOL_SIZE = 4;

export interface EmbeddedDatabase {
  url: string;
  poolSize: number;
  close(): Promise<void>;
}

export function embeddedLockFile(dataDir: string): string {
  return join(dataDir, "pglite.lock");
}

export function embeddedUrl(port: number): string {
  return `postgresql://postgres:postgres@127.0.0.1:${port}/postgres?sslmode=disable`;
}

/**
 * Opens the embedded database in `dataDir/pglite` and serves it on a loopback port, so Next.js,
 * the CLI and tests all reach it through the same pg driver adapter as a real PostgreSQL.
 */
export async function openEmbeddedDatabase(dataDir: string): Promise<EmbeddedDatabase> {
  mkdirSync(dataDir, { recursive: true });
  const lock = acquireDataDirLock(embeddedLockFile(dataDir));
  let db: PGlite | undefined;
  try {
    db = await PGlite.create(join(dataDir, "pglite"));
    const server = new PGLiteSocketServer({ db, host: "127.0.0.1", port: 0, maxConnections: EMBEDDED_POOL_SIZE });
    await server.start();
    const port = Number(server.getServerConn().split(":").pop());
    lock.publishPort(port);
    const opened = db;
    return {
      url: embeddedUrl(port),
      poolSize: EMBEDDED_POOL_SIZE,
      async close() {
        await server.stop();
        await opened.close();
        lock.release();
      },
    };
  } catch (error) {
    await db?.close().catch(() => undefined);
    lock.release();
    throw error;
  }
}
