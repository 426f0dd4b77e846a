import type { PGlite } from "@electric-sql/pglite";

// Frontend message types of PostgreSQL's wire protocol.
const SYNC = 0x53; // S
const QUERY = 0x51; // Q
const TERMINATE = 0x58; // X
/** Parse, Bind, Describe, Execute, Close, Flush: one query in the extended protocol, up to its Sync. */
const EXTENDED = new Set([0x50, 0x42, 0x44, 0x45, 0x43, 0x48]);

/**
 * PGlite's socket server multiplexes every connection onto its one session and queues their
 * protocol messages one by one; it keeps one connection's messages together only inside an
 * explicit transaction, which it learns from `isInTransaction()`. A query in the extended protocol
 * is several messages, and a large Bind arrives in several socket reads, so another connection's
 * Parse can slip in between and replace the unnamed statement ("bind message supplies 2
 * parameters, but prepared statement "" requires 3"). This view of the database reports a query
 * still under way as a transaction, so the server serves that connection alone until its Sync.
 */
export function keepQueriesWhole(db: PGlite): PGlite {
  let queryUnderWay = false;
  const settle = (type: number | undefined) => {
    if (type === SYNC || type === QUERY || type === TERMINATE) queryUnderWay = false;
    else if (type !== undefined && EXTENDED.has(type)) queryUnderWay = true;
  };
  return new Proxy(db, {
    get(target, property) {
      if (property === "isInTransaction") return () => queryUnderWay || target.isInTransaction();
      if (property === "execProtocolRawStream") {
        return async (message: Uint8Array, options: Parameters<PGlite["execProtocolRawStream"]>[1]) => {
          try {
            return await target.execProtocolRawStream(message, options);
          } finally {
            settle(message[0]);
          }
        };
      }
      // The server rolls back the transaction of a connection that went away; a query it left
      // half sent is gone with it.
      if (property === "exec") {
        return async (query: string, options?: Parameters<PGlite["exec"]>[1]) => {
          if (/^\s*ROLLBACK\b/i.test(query)) queryUnderWay = false;
          return target.exec(query, options);
        };
      }
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === "function" ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}
