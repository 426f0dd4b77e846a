import { chmodSync, lstatSync, mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import { AppError } from "../errors/app-error";
import { acquireDataDirLock } from "./data-dir-lock";
import { embeddedConnectionLimit } from "./embedded-connection-limit";
import { keepQueriesWhole } from "./whole-queries";

/**
 * The owner's pool. PGlite multiplexes every socket connection onto one session, so a larger
 * pool adds no throughput; the socket server accepts more (embeddedConnectionLimit) for the CLI
 * and for connections pg-pool replaces while the old one is still closing.
 */
export const EMBEDDED_POOL_SIZE = 4;

/** The name PostgreSQL clients expect for a socket at port 5432 in the directory named by `host`. */
const SOCKET_NAME = ".s.PGSQL.5432";

/** Linux's sun_path holds 108 bytes with the terminating NUL; Node truncates longer paths silently. */
const MAX_SOCKET_PATH_BYTES = 107;

export interface EmbeddedDatabase {
  url: string;
  poolSize: number;
  close(): Promise<void>;
}

export function embeddedLockFile(dataDir: string): string {
  return join(dataDir, "pglite.lock");
}

/** The directory of the embedded database's Unix socket: only its owner's OS user may enter it. */
export function embeddedSocketDir(dataDir: string): string {
  return join(dataDir, "run");
}

/** PGlite checks no password; the socket directory's permissions are what keep other users out. */
export function embeddedUrl(socketDir: string): string {
  return `postgresql://postgres@localhost/postgres?host=${encodeURIComponent(socketDir)}&sslmode=disable`;
}

/**
 * Opens the embedded database in `dataDir/pglite` and serves it on a Unix socket in
 * `dataDir/run` (mode 0700), so Next.js, the CLI and tests all reach it through the same pg
 * driver adapter as a real PostgreSQL, and no other local user can reach it at all: PGlite has
 * no authentication, so a loopback TCP port would be open to every process on the machine.
 */
export async function openEmbeddedDatabase(dataDir: string): Promise<EmbeddedDatabase> {
  mkdirSync(dataDir, { recursive: true });
  const lock = acquireDataDirLock(embeddedLockFile(dataDir));
  let db: PGlite | undefined;
  try {
    const socketDir = privateSocketDir(dataDir);
    db = await PGlite.create(join(dataDir, "pglite"));
    const server = new PGLiteSocketServer({ db: keepQueriesWhole(db), path: join(socketDir, SOCKET_NAME), maxConnections: embeddedConnectionLimit(EMBEDDED_POOL_SIZE) });
    await server.start();
    lock.publishSocket(socketDir);
    const opened = db;
    return {
      url: embeddedUrl(socketDir),
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

/**
 * Creates (or re-secures) the socket directory and clears a socket left by an owner that died;
 * the caller holds the data folder's lock, so no live server can own that socket.
 */
function privateSocketDir(dataDir: string): string {
  const socketDir = embeddedSocketDir(dataDir);
  const socketPath = join(socketDir, SOCKET_NAME);
  if (Buffer.byteLength(socketPath) > MAX_SOCKET_PATH_BYTES) {
    throw new AppError(
      "not_ready",
      `The embedded database's socket path ${socketPath} is longer than ${MAX_SOCKET_PATH_BYTES} bytes, the limit of a Unix socket; ` +
        "choose a shorter SYNCLINE_DATA_DIR.",
    );
  }
  mkdirSync(socketDir, { recursive: true, mode: 0o700 });
  if (!lstatSync(socketDir).isDirectory()) throw new AppError("not_ready", `${socketDir} must be a directory, not a link or a file`);
  chmodSync(socketDir, 0o700);
  rmSync(socketPath, { force: true });
  return socketDir;
}
