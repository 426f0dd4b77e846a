// Benchmark: how long a `syncline` command takes from the shell, next to `kubectl version
// --client` (a Go binary that loads no cluster: the floor for any CLI) in the same run.
// Usage: npm run bench -- cli (the database is the one bench/run.ts serves, as `npm start` would).
import { spawn } from "node:child_process";
import { resolve } from "node:path";
import { ensureBinaries } from "../e2e/sandbox";
import { addUser } from "../lib/users";
import { systemActor } from "../lib/auth/actor";
import { percentile, type BenchResult } from "./bench-result";

const ROOT = resolve(import.meta.dirname, "..");
const RUNS = 10;

/**
 * Wall time of one run of `command`, in ms; throws when it fails, so a broken CLI never benches
 * fast. Asynchronous: this process serves the embedded database that the CLI connects to.
 */
function timed(command: string, args: string[]): Promise<number> {
  return new Promise((resolveTime, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { cwd: ROOT, env: { ...process.env, SYNCLINE_LOG_LEVEL: "warn" }, stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (status) => {
      if (status === 0) resolveTime(performance.now() - started);
      else reject(new Error(`${command} ${args.join(" ")} exited ${status}: ${stderr}`));
    });
  });
}

/** Medians of the commands, run in turns so that a busy moment on the machine weighs on each alike. */
async function medians(commands: Array<[string, string[]]>, runs: number): Promise<number[]> {
  const samples = commands.map(() => [] as number[]);
  for (let run = 0; run < runs; run++) {
    for (const [index, [command, args]] of commands.entries()) samples[index]!.push(await timed(command, args));
  }
  return samples.map((ms) => Math.round(percentile(ms, 50)));
}

export async function run(): Promise<BenchResult[]> {
  const kubectl = (await ensureBinaries(() => undefined)).paths.kubectl;
  for (const name of ["alice", "bob", "carol"]) await addUser({ name: `bench-${name}`, role: "viewer" }, systemActor);
  const node = process.execPath;
  const bin = resolve(ROOT, "bin/syncline.mjs");
  // The first call builds the bundle when a source changed since the last build: not measured.
  await timed(node, [bin, "user", "list"]);

  const [userList, floor, help, nodeAlone] = await medians(
    [
      [node, [bin, "user", "list"]],
      [kubectl, ["version", "--client"]],
      [node, [bin, "--help"]],
      [node, ["-e", ""]],
    ],
    RUNS,
  );
  const [npx, tsx] = await medians(
    [
      ["npx", ["syncline", "user", "list"]],
      [node, ["--import", "tsx", "cli/syncline.ts", "user", "list"]],
    ],
    5,
  );
  return [
    {
      name: `syncline user list, through a running server's embedded database (median of ${RUNS})`,
      value: userList!,
      unit: "ms",
      target: "≤ 1000 ms",
      comparison: { name: "kubectl version --client (median)", value: floor!, unit: "ms" },
    },
    {
      name: `syncline --help: start-up without a database (median of ${RUNS})`,
      value: help!,
      unit: "ms",
      comparison: { name: "node -e '' (median)", value: nodeAlone!, unit: "ms" },
    },
    {
      name: "npx syncline user list, as the README types it: npm's start-up included (median of 5)",
      value: npx!,
      unit: "ms",
      comparison: { name: "node --import tsx cli/syncline.ts user list: compiled at each call instead of bundled (median of 5)", value: tsx!, unit: "ms" },
    },
  ];
}
