/**
 * Next.js calls register() once per server process. The background (watches on every registered
 * cluster, and on the elected leader the persister and workers) lives for the whole process;
 * imports are dynamic so the edge runtime never loads Node-only modules.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startBackground } = await import("./lib/lifecycle/background-writers");
  await startBackground();
}
