/** Ends one live stream, telling its client to reconnect after `retryMs`. */
export type EndStream = (retryMs: number) => void;

interface LiveStreams {
  /** Set once the server stops: a stream opened after that is ended at once. */
  endingWith: number | undefined;
  open: Set<EndStream>;
}

/**
 * Kept on globalThis because the streams are opened inside Next.js's bundle of lib/ and ended by
 * the server script (scripts/serve-dashboard.ts), which loads lib/ on its own.
 */
const globalForStreams = globalThis as unknown as { synclineLiveStreams?: LiveStreams };

function streams(): LiveStreams {
  globalForStreams.synclineLiveStreams ??= { endingWith: undefined, open: new Set() };
  return globalForStreams.synclineLiveStreams;
}

/**
 * The server's open server-sent-event streams. A stream never ends on its own, so a stopping
 * server ends them, or its close would wait for every browser tab that is still open.
 */
export const liveStreams = {
  /** Registers a stream until the returned release is called. */
  hold(end: EndStream): () => void {
    const { endingWith, open } = streams();
    if (endingWith !== undefined) {
      end(endingWith);
      return () => {};
    }
    open.add(end);
    return () => open.delete(end);
  },

  /** Ends every open stream and every one opened from now on; returns how many were open. */
  endAll(retryMs: number): number {
    const registry = streams();
    registry.endingWith = retryMs;
    const ending = [...registry.open];
    registry.open.clear();
    for (const end of ending) end(retryMs);
    return ending.length;
  },
};
