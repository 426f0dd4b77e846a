import type { Command } from "commander";
import { readFileSync } from "node:fs";
import { dirname } from "node:path";
import { cliActor } from "../lib/auth/actor";
import { AppError } from "../lib/errors/app-error";
import type { WithDatabase } from "./with-database";

interface AddOptions {
  kubeconfig: string;
  context?: string;
  label: Record<string, string>;
  allowDuplicateServer?: boolean;
}

/**
 * `syncline cluster add|list|remove`, straight on the database through the same lib functions
 * as the API. Changes are audited as `cli:<os user>`, never as another Syncline user or as the
 * system actor that background writers use.
 */
export function registerClusterCommands(program: Command, withDatabase: WithDatabase): void {
  const cluster = program.command("cluster").description("Manage registered clusters");

  cluster
    .command("add [name]")
    .description("Register a cluster after checking it answers, the credentials work and Flux is installed; named after its context unless a name is given")
    .requiredOption("--kubeconfig <file>", "kubeconfig file (files it refers to are embedded)")
    .option("--context <context>", "context to use (default: the kubeconfig's current-context)")
    .option("--label <key=value>", "a label; repeat for more", collectLabel, {} as Record<string, string>)
    .option("--allow-duplicate-server", "register a server that is already registered (e.g. with another context)")
    .action(async (givenName: string | undefined, options: AddOptions) => {
      const [{ inlineKubeconfigFiles }, { parseKubeconfig }, { clusterNameFromContext }] = await Promise.all([
        import("./inline-kubeconfig"),
        import("../lib/k8s/client"),
        import("./cluster-name-from-context"),
      ]);
      const kubeconfig = inlineKubeconfigFiles(readKubeconfig(options.kubeconfig), dirname(options.kubeconfig));
      const { context } = parseKubeconfig(kubeconfig, options.context);
      const name = givenName ?? clusterNameFromContext(context);
      await withDatabase(async () => {
        const { addCluster } = await import("../lib/clusters");
        const added = await addCluster({ name, kubeconfig, context, labels: options.label, allowDuplicateServer: options.allowDuplicateServer === true }, cliActor());
        const controllers = added.capabilities.controllers.map((c) => `${c.name} ${c.version ?? "(version unknown)"}`).join(", ");
        console.log(`Added cluster "${added.name}" (${added.server}), Flux ${added.fluxVersion ?? "version unknown"}: ${controllers}`);
        if (!added.capabilities.permissions.patch) console.log("Note: these credentials may not patch Flux objects; the cluster is read-only in Syncline.");
      });
    });

  cluster
    .command("list")
    .description("List registered clusters")
    .option("--json", "print JSON")
    .action(async (options: { json?: boolean }) => {
      await withDatabase(async () => {
        const { listClusters } = await import("../lib/clusters");
        const clusters = await listClusters();
        if (options.json) return console.log(JSON.stringify(clusters));
        for (const c of clusters) {
          const labels = Object.entries(c.labels).map(([k, v]) => `${k}=${v}`).join(",");
          console.log(`${c.name.padEnd(24)} ${c.health.padEnd(12)} ${`${c.counts.total} objects`.padEnd(12)} auto-sync ${c.autoSync.state.padEnd(6)} ${c.server} ${labels}`);
        }
      });
    });

  cluster
    .command("remove <name>")
    .description("Forget a cluster (nothing in the cluster changes)")
    .action(async (name: string) => {
      await withDatabase(async () => {
        const { getClusterByNameOrThrow, removeCluster } = await import("../lib/clusters");
        const row = await getClusterByNameOrThrow(name);
        await removeCluster(row.id, cliActor());
        console.log(`Removed cluster "${name}".`);
      });
    });
}

function collectLabel(value: string, labels: Record<string, string>): Record<string, string> {
  const at = value.indexOf("=");
  if (at <= 0) throw new AppError("validation_failed", `--label "${value}" is not key=value`);
  return { ...labels, [value.slice(0, at)]: value.slice(at + 1) };
}

function readKubeconfig(file: string): string {
  try {
    return readFileSync(file, "utf8");
  } catch (error) {
    throw new AppError("kubeconfig_invalid", `Cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
}
