/** Connections from other processes (each CLI run holds one) beside the owner's full pool. */
const OTHER_PROCESS_CONNECTIONS = 4;

/**
 * How many connections the embedded database's socket server accepts when its owner's pool holds
 * `poolSize`. The server counts a socket until its close has been processed, but pg-pool forgets
 * a client the moment a query on it fails and opens the replacement at once: with a limit equal
 * to the pool size, Node drops that replacement unseen and the query waiting for it fails with
 * EPIPE. So one database error would fail the requests right after it. The limit leaves room for
 * a whole pool closing beside a whole pool open, and for the CLI.
 */
export function embeddedConnectionLimit(poolSize: number): number {
  return 2 * poolSize + OTHER_PROCESS_CONNECTIONS;
}
