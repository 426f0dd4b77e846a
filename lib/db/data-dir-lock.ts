import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync, writeSync } from "node:fs";
import { dirname } from "node:path";
import { AppError } from "../errors/app-error";

export interface LockOwner {
  pid: number;
  /** The directory of the Unix socket on which the owner serves the database ("" until it does). */
  socketDir: string;
}

/**
 * PGlite silently loses committed rows when two processes open one data folder, so the folder is
 * guarded by a lock file that names its owner. A lock left by a dead process is taken over.
 */
export interface DataDirLock {
  /** Publishes the socket's directory once the database is served, so other processes can find it. */
  publishSocket(socketDir: string): void;
  release(): void;
}

export function acquireDataDirLock(lockFile: string): DataDirLock {
  mkdirSync(dirname(lockFile), { recursive: true });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockFile, "wx", 0o600);
      writeSync(fd, JSON.stringify({ pid: process.pid, socketDir: "" } satisfies LockOwner));
      closeSync(fd);
      return {
        publishSocket: (socketDir) => writeFileSync(lockFile, JSON.stringify({ pid: process.pid, socketDir } satisfies LockOwner)),
        release: () => rmSync(lockFile, { force: true }),
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const owner = readLockOwner(lockFile);
      if (owner && isAlive(owner.pid)) {
        throw new AppError(
          "database_locked",
          `The embedded database in ${dirname(lockFile)} is in use by process ${owner.pid}. ` +
            "Only one process may open it; stop that process, or point DATABASE_URL at it.",
          owner,
        );
      }
      rmSync(lockFile, { force: true });
    }
  }
  throw new AppError("database_locked", `Could not take the lock ${lockFile}`);
}

export function readLockOwner(lockFile: string): LockOwner | undefined {
  try {
    const parsed = JSON.parse(readFileSync(lockFile, "utf8")) as Partial<LockOwner>;
    // A lock without a socket (still starting, or written by an older version) still guards the folder.
    return typeof parsed.pid === "number" ? { pid: parsed.pid, socketDir: typeof parsed.socketDir === "string" ? parsed.socketDir : "" } : undefined;
  } catch {
    return undefined;
  }
}

/** A live owner of the lock, if any: the way a second process finds the running database. */
export function liveLockOwner(lockFile: string): LockOwner | undefined {
  const owner = readLockOwner(lockFile);
  return owner && isAlive(owner.pid) ? owner : undefined;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
