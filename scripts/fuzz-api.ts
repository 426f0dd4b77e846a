import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { homedir, tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { startWorld } from "../e2e/sandbox";
import { startPostgres } from "../tests/support/postgres-server";
import { startSyncline } from "../tests/support/syncline-server";

/**
 * `npm test`'s fuzz stage: Schemathesis (PyPI) fuzzes every operation of /api/openapi.json on a
 * running Syncline, authenticated as an admin with an API token, with one real sandbox cluster
 * registered so that object routes reach a real kube-apiserver. It fails on any 5xx, on an
 * answer that does not match its documented schema, status or content type, on invalid input
 * that is accepted, and when a rejected request stored anything.
 *
 * GET /api/events is left out: it is a stream that stays open until the client leaves, so every
 * generated request would only end at the request timeout. tests/api/route-permissions.test.ts
 * and the live-update specs cover it.
 */
const SCHEMATHESIS_VERSION = "4.32.5";
const EXAMPLES_PER_OPERATION = Number(process.env.SYNCLINE_FUZZ_EXAMPLES ?? 40);
const REPORT_DIR = "test-reports/schemathesis";
const CHECKS = [
  "not_a_server_error",
  "status_code_conformance",
  "content_type_conformance",
  "response_schema_conformance",
  "negative_data_rejection",
  "unsupported_method",
  "ignored_auth",
].join(",");

/** Tables whose rows only a successful request may add, with the operation that adds them. */
const CREATED_BY: Record<string, { method: string; path: RegExp }> = {
  User: { method: "POST", path: /^\/api\/users$/ },
  ApiToken: { method: "POST", path: /^\/api\/tokens$/ },
  Cluster: { method: "POST", path: /^\/api\/clusters$/ },
  Session: { method: "POST", path: /^\/api\/auth\/sign-in$/ },
  GitOpsSource: { method: "POST", path: /^\/api\/sources(\/adopt)?$/ },
};

const log = (line: string) => console.log(`fuzz: ${line}`);

function schemathesis(): string {
  const base = process.env.XDG_CACHE_HOME || join(homedir(), ".cache");
  const venv = join(base, "syncline-fuzz", `schemathesis-${SCHEMATHESIS_VERSION}`);
  const st = join(venv, "bin", "st");
  if (!existsSync(st)) {
    log(`installing schemathesis ${SCHEMATHESIS_VERSION} into ${venv}`);
    rmSync(venv, { recursive: true, force: true });
    mkdirSync(join(venv, ".."), { recursive: true });
    execFileSync("python3", ["-m", "venv", venv], { stdio: "inherit" });
    execFileSync(join(venv, "bin", "pip"), ["install", "--quiet", `schemathesis==${SCHEMATHESIS_VERSION}`], { stdio: "inherit" });
  }
  return st;
}

async function rowCounts(url: string): Promise<Record<string, number>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const counts: Record<string, number> = {};
    for (const table of Object.keys(CREATED_BY)) {
      const { rows } = await client.query<{ n: string }>(`SELECT count(*) AS n FROM "${table}"`);
      counts[table] = Number(rows[0]!.n);
    }
    return counts;
  } finally {
    await client.end();
  }
}

interface HarEntry {
  request: { method: string; url: string };
  response: { status: number };
}

/** Successful creations per table, counted from the requests Schemathesis recorded. */
function successfulCreations(entries: HarEntry[]): Record<string, number> {
  const created: Record<string, number> = {};
  for (const [table, operation] of Object.entries(CREATED_BY)) {
    created[table] = entries.filter(
      (entry) => entry.request.method === operation.method && operation.path.test(new URL(entry.request.url).pathname) && entry.response.status < 300,
    ).length;
  }
  return created;
}

const st = schemathesis();
const world = await startWorld({ clusters: 1, log: () => {} });
const postgres = await startPostgres();
const adminPassword = `fuzz-${Math.random().toString(36).slice(2)}-admin`;
const databaseUrl = postgres.url();
const dataDir = mkdtempSync(join(tmpdir(), "syncline-fuzz-"));
let exitCode = 1;
try {
  const server = await startSyncline({ DATABASE_URL: databaseUrl, SYNCLINE_DATA_DIR: dataDir, SYNCLINE_ADMIN_PASSWORD: adminPassword });
  try {
    const cli = spawnSync(process.execPath, ["--import", "tsx", "cli/syncline.ts", "token", "create", "--user", "admin", "--name", "fuzz"], {
      env: { ...process.env, DATABASE_URL: databaseUrl, SYNCLINE_DATA_DIR: dataDir },
      encoding: "utf8",
    });
    const token = cli.stdout.trim().split("\n").pop() ?? "";
    if (cli.status !== 0 || !token.startsWith("slt")) throw new Error(`could not create an API token: ${cli.stderr || cli.stdout}`);
    const auth = { authorization: `Bearer ${token}`, "content-type": "application/json" };

    const cluster = world.world.clusters[0]!;
    const registered = await fetch(`${server.baseUrl}/api/clusters`, {
      method: "POST",
      headers: auth,
      body: JSON.stringify({ name: "fuzz-target", kubeconfig: readFileSync(cluster.kubeconfig, "utf8"), labels: cluster.labels }),
    });
    if (registered.status !== 201) throw new Error(`could not register the sandbox cluster: ${registered.status} ${await registered.text()}`);

    const before = await rowCounts(databaseUrl);
    rmSync(REPORT_DIR, { recursive: true, force: true });
    mkdirSync(REPORT_DIR, { recursive: true });
    log(`fuzzing ${server.baseUrl}/api/openapi.json with ${EXAMPLES_PER_OPERATION} examples per operation`);
    const run = spawnSync(
      st,
      [
        "--config-file",
        "scripts/schemathesis.toml",
        "run",
        `${server.baseUrl}/api/openapi.json`,
        "--header",
        `Authorization: Bearer ${token}`,
        "--checks",
        CHECKS,
        "--exclude-path",
        "/api/events",
        "--max-examples",
        String(EXAMPLES_PER_OPERATION),
        "--phases",
        "coverage,fuzzing",
        // One worker: Hypothesis parses source with ast.parse, which CPython 3.11 cannot do from
        // two threads at once ("AST constructor recursion depth mismatch").
        "--workers",
        "1",
        "--seed",
        "20261201",
        "--generation-database",
        "none",
        "--request-timeout",
        "30",
        "--no-color",
        "--report",
        "har,junit",
        "--report-har-path",
        join(REPORT_DIR, "har.json"),
        "--report-junit-path",
        join(REPORT_DIR, "junit.xml"),
      ],
      { stdio: "inherit", env: { ...process.env, SCHEMATHESIS_HOOKS: "" } },
    );
    const after = await rowCounts(databaseUrl);

    const entries = (JSON.parse(readFileSync(join(REPORT_DIR, "har.json"), "utf8")) as { log: { entries: HarEntry[] } }).log.entries;
    const junit = readFileSync(join(REPORT_DIR, "junit.xml"), "utf8");
    const documented = Number(/tests="(\d+)"/.exec(junit)?.[1] ?? 0);
    const created = successfulCreations(entries);
    const stored = Object.keys(CREATED_BY).filter((table) => after[table]! - before[table]! > created[table]!);
    for (const table of stored) log(`a rejected request stored a row: ${table} grew by ${after[table]! - before[table]!}, but only ${created[table]} requests succeeded`);
    const serverErrors = entries.filter((entry) => entry.response.status >= 500).length;

    writeFileSync(
      join(REPORT_DIR, "summary.json"),
      JSON.stringify({ operations: documented, requests: entries.length, serverErrors, schemathesisExit: run.status, storedByRejected: stored }, null, 2),
    );
    log(`${documented} operations, ${entries.length} requests, ${serverErrors} answered 5xx, exit ${run.status}`);
    exitCode = run.status === 0 && stored.length === 0 && serverErrors === 0 ? 0 : 1;
  } finally {
    await server.stop();
    // The server's own log, for the stack behind any 5xx the run reports.
    writeFileSync(join(REPORT_DIR, "server.log"), server.output());
  }
} finally {
  postgres.stop();
  await world.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
process.exit(exitCode);
