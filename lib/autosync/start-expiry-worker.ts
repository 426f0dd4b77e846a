import { log } from "../log/logger";
import { expireSuspensions } from "./expire-suspensions";

const globalForWorker = globalThis as unknown as { synclineExpiryWorker?: { stop(): void } };

/**
 * Checks for expired suspensions every `tickMs` (SYNCLINE_EXPIRY_TICK_MS, 15 s by default; tests
 * pass a short tick). Started once per process; a second call returns the running worker.
 */
export function startExpiryWorker(tickMs = Number(process.env.SYNCLINE_EXPIRY_TICK_MS ?? 15_000)): { stop(): void } {
  if (globalForWorker.synclineExpiryWorker) return globalForWorker.synclineExpiryWorker;
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    expireSuspensions()
      .catch((error: unknown) => log.warn({ err: error }, "autosync: expiry check failed"))
      .finally(() => (running = false));
  }, tickMs);
  timer.unref();
  const worker = {
    stop() {
      clearInterval(timer);
      globalForWorker.synclineExpiryWorker = undefined;
    },
  };
  globalForWorker.synclineExpiryWorker = worker;
  return worker;
}
