import { readFileSync } from "node:fs";
import type pg from "pg";
import type { RunningSyncline } from "./syncline-server";

export interface LeaseRow {
  holder: string;
  /** Whether it has not expired, in the database's clock. */
  live: boolean;
}

/** The writers' lease as the replicas see it in the database, if any replica ever took it. */
export async function leaseOf(database: pg.Client): Promise<LeaseRow | undefined> {
  return (await database.query<LeaseRow>(`SELECT holder, "expiresAt" > now() AS live FROM "LeaderLease"`)).rows[0];
}

/**
 * The started replica whose Next.js server holds a live lease. A holder is `host:pid:random`, and
 * that server's process group is the one startSyncline started.
 */
export async function leaderAmong(database: pg.Client, replicas: RunningSyncline[]): Promise<RunningSyncline | undefined> {
  const lease = await leaseOf(database);
  if (!lease?.live) return undefined;
  const group = processGroupOf(lease.holder.split(":").at(-2)!);
  return replicas.find((replica) => replica.pid === group);
}

function processGroupOf(pid: string): number | undefined {
  try {
    // /proc/<pid>/stat reads "pid (comm) state ppid pgrp …", and comm may hold spaces.
    return Number(readFileSync(`/proc/${pid}/stat`, "utf8").split(")").at(-1)!.trim().split(" ")[2]);
  } catch {
    return undefined;
  }
}
