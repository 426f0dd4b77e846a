import { randomBytes } from "node:crypto";
import { hostname } from "node:os";

const globalForReplica = globalThis as unknown as { synclineReplicaId?: string };

/**
 * This process's name among the replicas: host, pid and a random part, so a restarted process
 * on the same host and pid is never mistaken for the one that died.
 */
export function replicaId(): string {
  globalForReplica.synclineReplicaId ??= `${hostname()}:${process.pid}:${randomBytes(3).toString("hex")}`;
  return globalForReplica.synclineReplicaId;
}
