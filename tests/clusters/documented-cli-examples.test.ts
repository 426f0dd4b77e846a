import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { parse, stringify } from "yaml";
import type { SandboxCluster } from "@/e2e/sandbox";
import { syncline } from "../support/cli";
import { dashboardCommandGroups, readmeCommandGroups, type CommandGroup } from "../support/documented-commands";
import { sandbox } from "../support/sandbox-clusters";

const ROOT = resolve(import.meta.dirname, "../..");
const EKS_CONTEXT = "arn:aws:eks:eu-west-1:123456789012:cluster/prod";

let folder: string;
let kubeconfig: string;

/**
 * What the examples' placeholders stand for on this machine: a `~/.kube/config` with the contexts
 * the examples name, each reaching a sandbox cluster, and the sandbox's own kubeconfig files.
 */
function placeholders(): Array<[written: string, real: string]> {
  return [
    ["~/.kube/config", kubeconfig],
    ["/tmp/syncline-sandbox/world-…/clusters/staging-1/kubeconfig", clusterNamed("staging-1").kubeconfig],
  ];
}

function clusterNamed(name: string): SandboxCluster {
  const cluster = sandbox().clusters.find((c) => c.name === name);
  if (!cluster) throw new Error(`the sandbox has no cluster ${name}`);
  return cluster;
}

/** A kubeconfig whose contexts (named as in the examples) each reach one sandbox cluster. */
function kubeconfigWithContexts(contexts: Record<string, SandboxCluster>): string {
  const entries = Object.entries(contexts).map(([context, cluster]) => {
    const own = parse(readFileSync(cluster.kubeconfig, "utf8"));
    return { context, cluster: own.clusters[0].cluster, user: own.users[0].user };
  });
  return stringify({
    apiVersion: "v1",
    kind: "Config",
    clusters: entries.map(({ context, cluster }) => ({ name: context, cluster })),
    users: entries.map(({ context, user }) => ({ name: context, user })),
    contexts: entries.map(({ context }) => ({ name: context, context: { cluster: context, user: context } })),
    "current-context": entries[0]!.context,
  });
}

/** A new, empty database on the test PostgreSQL server: each document's examples start from scratch. */
async function freshDatabase(): Promise<string> {
  const name = `docs_${randomUUID().replaceAll("-", "").slice(0, 12)}`;
  const admin = new pg.Client({ connectionString: inject("databases").postgresAdmin });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(inject("databases").postgresAdmin);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Runs one documented line in bash from the project folder, as a user pastes it. */
function shell(line: string, env: Record<string, string>): Promise<{ status: number | null; output: string }> {
  return new Promise((resolveRun, reject) => {
    const child = spawn("bash", ["-c", line], { cwd: ROOT, env: { ...process.env, SYNCLINE_LOG_LEVEL: "warn", ...env } });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    child.on("error", reject);
    child.on("close", (status) => resolveRun({ status, output }));
  });
}

function runnable(line: string): string {
  const real = placeholders().reduce((text, [written, value]) => text.replaceAll(written, value), line);
  expect(real, `a placeholder in "${line}" has no value in this test's table`).not.toContain("…");
  return real;
}

async function runGroup({ lines }: CommandGroup, setup: string[] = []): Promise<Record<string, string>> {
  const env = { DATABASE_URL: await freshDatabase(), SYNCLINE_SECRET_KEY: process.env.SYNCLINE_SECRET_KEY!, PASSWORD: "a long enough password" };
  for (const line of [...setup, ...lines]) {
    const { status, output } = await shell(runnable(line), env);
    expect(status, `\`${line}\` printed:\n${output}`).toBe(0);
  }
  return env;
}

beforeAll(() => {
  folder = mkdtempSync(join(tmpdir(), "syncline-docs-"));
  kubeconfig = join(folder, "config");
  const staging = clusterNamed("staging-1");
  writeFileSync(kubeconfig, kubeconfigWithContexts({ "prod-eu": clusterNamed("production-1"), [EKS_CONTEXT]: staging, "my-cluster": staging }), { mode: 0o600 });
});

afterAll(() => rmSync(folder, { recursive: true, force: true }));

// npx starts npm before each command: allow a busy machine a while for a dozen of them.
describe("the CLI examples users copy", { timeout: 300_000 }, () => {
  it.each(readmeCommandGroups().map((group) => [group.source, group] as const))("%s runs as written", async (_source, group) => {
    await runGroup(group);
  });

  it.each(dashboardCommandGroups().map((group) => [group.source, group] as const))("the command %s shows runs as written", async (_source, group) => {
    // `npm start` creates the first admin, whom the sign-in hint's command is about.
    await runGroup(group, ["npx syncline user add admin --role admin"]);
  });
});

describe("syncline cluster add without a name", { timeout: 120_000 }, () => {
  const env = async () => ({ DATABASE_URL: await freshDatabase(), SYNCLINE_SECRET_KEY: process.env.SYNCLINE_SECRET_KEY! });

  it("names the cluster after the kubeconfig's current-context when no --context is given", async () => {
    const databaseEnv = await env();
    const added = await syncline(["cluster", "add", "--kubeconfig", kubeconfig, "--label", "env=production"], { env: databaseEnv });
    expect(added.stderr).toBe("");
    expect(added.status).toBe(0);
    expect(added.stdout).toContain('Added cluster "prod-eu"');
    const listed = await syncline(["cluster", "list", "--json"], { env: databaseEnv });
    expect(JSON.parse(listed.stdout)).toEqual([expect.objectContaining({ name: "prod-eu", labels: { env: "production" } })]);
  });

  it("refuses a context that is no valid cluster name, asks for a name, and stores nothing", async () => {
    const databaseEnv = await env();
    const refused = await syncline(["cluster", "add", "--kubeconfig", kubeconfig, "--context", EKS_CONTEXT], { env: databaseEnv });
    expect(refused.status).toBe(1);
    expect(refused.stderr).toBe(
      `syncline: The context "${EKS_CONTEXT}" is not a valid cluster name (1–63 lowercase letters, digits or dashes); ` +
        "name the cluster yourself, e.g. `syncline cluster add prod --kubeconfig … --context …`\n",
    );
    const listed = await syncline(["cluster", "list", "--json"], { env: databaseEnv });
    expect(JSON.parse(listed.stdout)).toEqual([]);
  });

  it("names a context that does not exist, and the ones the kubeconfig has", async () => {
    const refused = await syncline(["cluster", "add", "--kubeconfig", kubeconfig, "--context", "prod-us"], { env: await env() });
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain("prod-us");
    expect(refused.stderr).toContain("prod-eu");
  });
});
