// Benchmark: how long two replicas on one PostgreSQL run without a leader after `kill -9` of the
// leader, with the default lease timing, until the survivor holds the lease (median of 3 runs).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { attachOrStartWorld } from "../e2e/sandbox";
import { defaultLeaseTiming } from "../lib/leadership/leader-lease";
import { syncline } from "../tests/support/cli";
import { leaderAmong, leaseOf } from "../tests/support/leader-lease";
import { startPostgres } from "../tests/support/postgres-server";
import { startSyncline, type RunningSyncline } from "../tests/support/syncline-server";
import { percentile, type BenchResult } from "./bench-result";

const RUNS = 3;

export async function run(): Promise<BenchResult[]> {
  // A world this suite starts is stopped at its end; an attached one belongs to its host.
  const sandbox = await attachOrStartWorld({ clusters: 2 });
  const { world } = sandbox;
  const postgres = await startPostgres();
  const dataDir = mkdtempSync(join(tmpdir(), "syncline-bench-failover-"));
  const env = { DATABASE_URL: postgres.url(), SYNCLINE_DATA_DIR: dataDir, SYNCLINE_SECRET_KEY: "b7".repeat(32), SYNCLINE_ADMIN_PASSWORD: "bench failover admin" };
  const database = new pg.Client({ connectionString: env.DATABASE_URL });
  const replicas: RunningSyncline[] = [];
  try {
    await cli(env, ["migrate"]);
    await cli(env, ["cluster", "add", "bench-failover", "--kubeconfig", world.clusters[0]!.kubeconfig]);
    await database.connect();
    replicas.push(await startSyncline(env));
    const samples: number[] = [];
    for (let sample = 0; sample < RUNS; sample++) {
      // A fresh follower each time, so the survivor has run long enough to be steady.
      replicas.push(await startSyncline(env));
      const leader = await waitForLeader(database, replicas);
      const holder = (await leaseOf(database))!.holder;
      const killedAt = performance.now();
      await leader.kill();
      replicas.splice(replicas.indexOf(leader), 1);
      for (let now = await leaseOf(database); !now?.live || now.holder === holder; now = await leaseOf(database)) await new Promise((resolve) => setTimeout(resolve, 25));
      samples.push(performance.now() - killedAt);
      console.log(`failover ${sample + 1}: ${Math.round(samples.at(-1)!)} ms`);
    }
    const seconds = (ms: number) => Math.round(ms / 100) / 10;
    const bound = { name: `lease TTL ${defaultLeaseTiming.ttlMs / 1000} s + renew ${defaultLeaseTiming.renewMs / 1000} s, the longest a takeover can take`, value: seconds(defaultLeaseTiming.ttlMs + defaultLeaseTiming.renewMs), unit: "s" };
    return [
      { name: `kill -9 of the leader → the survivor holds the lease, 2 replicas (median of ${RUNS})`, value: seconds(percentile(samples, 50)), unit: "s", target: "≤ 15 s", comparison: bound },
      { name: `… slowest of ${RUNS}`, value: seconds(Math.max(...samples)), unit: "s" },
    ];
  } finally {
    await Promise.all(replicas.map((replica) => replica.stop()));
    await database.end().catch(() => undefined);
    postgres.stop();
    rmSync(dataDir, { recursive: true, force: true });
    await sandbox.stop();
  }
}

async function cli(env: Record<string, string>, args: string[]): Promise<void> {
  const result = await syncline(args, { env });
  if (result.status !== 0) throw new Error(`syncline ${args.join(" ")} failed: ${result.stderr}`);
}

async function waitForLeader(database: pg.Client, replicas: RunningSyncline[]): Promise<RunningSyncline> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const leader = await leaderAmong(database, replicas);
    if (leader) return leader;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error("no replica became the leader within 60 s");
}
