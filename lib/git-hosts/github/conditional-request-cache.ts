/** A GET answer kept for conditional requests: GitHub answers 304 to If-None-Match with this ETag. */
export interface CachedResponse {
  etag: string;
  data: unknown;
  url: string;
}

/**
 * Where ETags and bodies live between requests, keyed by method and URL. The in-memory one serves
 * a process; a database-backed one can share them across restarts and replicas with this shape.
 * One cache serves one identity (token or App installation): GitHub answers per credential, so a
 * shared store must key by credential as well, or one credential's 304 would reveal another's body.
 */
export interface ConditionalRequestCache {
  get(key: string): Promise<CachedResponse | undefined>;
  set(key: string, value: CachedResponse): Promise<void>;
}

/** Keeps at most `maxEntries` answers, dropping the least recently used. */
export function memoryConditionalRequestCache(maxEntries = 5_000): ConditionalRequestCache {
  const entries = new Map<string, CachedResponse>();
  return {
    async get(key) {
      const hit = entries.get(key);
      if (hit) {
        entries.delete(key);
        entries.set(key, hit);
      }
      return hit;
    },
    async set(key, value) {
      entries.delete(key);
      entries.set(key, value);
      while (entries.size > maxEntries) entries.delete(entries.keys().next().value as string);
    },
  };
}
