import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import type { BenchResult } from "./bench-result";

/**
 * `npm run bench`: every benchmark in one run on one machine, each figure beside the tool a user
 * would otherwise use. Results replace the table in docs/benchmarks.md between its markers.
 */
// Benchmarks measure what a running server does: `next start` runs in production, where answers are
// not re-validated against their schemas (lib/api/check-response.ts is a development aid).
(process.env as Record<string, string | undefined>).NODE_ENV ??= "production";

const suites: Array<{ title: string; load: () => Promise<{ run: () => Promise<BenchResult[]> }> }> = [
  { title: "Sandbox start", load: () => import("./sandbox-start") },
  { title: "Fleet overview", load: () => import("./fleet-overview") },
  { title: "Switching one cluster", load: () => import("./switch-cluster") },
  { title: "Live updates", load: () => import("./live-update") },
  { title: "Applying live updates", load: () => import("./apply-fleet-event") },
  { title: "Failover", load: () => import("./failover") },
  { title: "Drift", load: () => import("./drift") },
  { title: "Sync history", load: () => import("./sync-history") },
  { title: "Timeline", load: () => import("./timeline") },
  { title: "CLI", load: () => import("./cli") },
];

// `npm run bench -- live` runs only the suites whose title contains one of the words given.
const only = process.argv.slice(2).map((word) => word.toLowerCase());
const selected = suites.filter((suite) => only.length === 0 || only.some((word) => suite.title.toLowerCase().includes(word)));

const dataDir = mkdtempSync(join(tmpdir(), "syncline-bench-"));
process.env.SYNCLINE_DATA_DIR = dataDir;
process.env.SYNCLINE_SECRET_KEY ??= "b7".repeat(32);
process.env.SYNCLINE_LOG_LEVEL ??= "warn";

const { openEmbeddedDatabase } = await import("../lib/db/embedded-database");
const { applyMigrations } = await import("../lib/db/migrate");
const database = await openEmbeddedDatabase(join(dataDir, "db"));
await applyMigrations(database.url);
process.env.DATABASE_URL = database.url;
process.env.SYNCLINE_DB_POOL_SIZE = String(database.poolSize);

const rows: Array<BenchResult & { suite: string }> = [];
try {
  for (const suite of selected) {
    console.log(`\n== ${suite.title}`);
    const results = await (await suite.load()).run();
    for (const result of results) {
      rows.push({ suite: suite.title, ...result });
      const comparison = result.comparison ? `   vs ${result.comparison.name}: ${result.comparison.value} ${result.comparison.unit}` : "";
      console.log(`${result.name}: ${result.value} ${result.unit}${result.target ? ` (target ${result.target})` : ""}${comparison}`);
    }
  }
} finally {
  const { db } = await import("../lib/db/client");
  await db().$disconnect();
  await database.close();
  rmSync(dataDir, { recursive: true, force: true });
}

const machine = `${cpus().length} cores (${cpus()[0]?.model.trim()}), ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
const table = [
  `Measured ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC on ${machine}.`,
  "",
  "| suite | measure | Syncline | target | alternative, same run |",
  "| --- | --- | --- | --- | --- |",
  ...rows.map((r) =>
    [
      r.suite,
      r.name,
      `${r.value} ${r.unit}`,
      r.target ?? "",
      r.comparison ? `${r.comparison.name}: ${r.comparison.value} ${r.comparison.unit}` : "",
    ].join(" | ").replace(/^/, "| ").concat(" |"),
  ),
].join("\n");

// A partial run prints its figures but leaves the recorded table, which must come from one full run.
if (selected.length === suites.length) {
  const doc = "docs/benchmarks.md";
  const text = readFileSync(doc, "utf8");
  writeFileSync(doc, text.replace(/<!-- bench:start -->[\s\S]*<!-- bench:end -->/, `<!-- bench:start -->\n${table}\n<!-- bench:end -->`));
  console.log(`\nWrote the figures to ${doc}.`);
}
