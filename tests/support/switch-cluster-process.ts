import { suspendCluster } from "../../lib/autosync";
import { inventory } from "../../lib/inventory";

/**
 * Run by the interrupted-switch spec: `<clusterId> <actor> <until ISO>`, on DATABASE_URL. Watches
 * the cluster, switches auto-sync off with an expiry, and prints "switching" just before, so the
 * spec knows when to kill it.
 */
const [clusterId, actorName, until] = process.argv.slice(2) as [string, string, string];
await inventory().start({ persistMs: 200, registrySyncMs: 60_000 });
process.stdout.write("switching\n");
await suspendCluster(clusterId, { reason: "INC-4711 payment outage", until }, { type: "cli", name: actorName });
process.stdout.write("finished\n");
await inventory().stop();
process.exit(0);
