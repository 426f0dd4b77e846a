/**
 * Next.js calls register() once per server process. The fleet inventory (watches on every
 * registered cluster) and the suspension-expiry worker live for the whole process; imports are
 * dynamic so the edge runtime never loads Node-only modules.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { inventory } = await import("./lib/inventory");
  const { startExpiryWorker } = await import("./lib/autosync/start-expiry-worker");
  const { log } = await import("./lib/log/logger");
  inventory()
    .start()
    .catch((error: unknown) => log.error({ err: error }, "inventory: failed to start; cluster views will be empty until restart"));
  startExpiryWorker();
}
