import { resolve } from "node:path";
import { defineConfig } from "vitest/config";

const alias = { "@": resolve(import.meta.dirname) };

/**
 * Three kinds of test:
 * - unit: pure logic beside the code (lib/ and components/);
 * - db-pglite / db-postgres: the same database-backed specs run on the embedded database and on
 *   a real PostgreSQL 15, since production and the default differ in engine and version, plus
 *   each engine's own specs (tests/embedded, tests/postgres);
 * - integration: behaviour against the sandbox's real kube-apiservers, Flux controllers and Git
 *   server, sharing one running world.
 * Database-backed files run one at a time in their own process: PGlite serves a fixed number of
 * connections, and every process holds a pool of them.
 */
const databaseProject = (name: "pglite" | "postgres") => ({
  resolve: { alias },
  test: {
    name: `db-${name}`,
    include: ["tests/db/**/*.test.ts", "tests/api/**/*.test.ts", "tests/cli/**/*.test.ts", `tests/${name === "pglite" ? "embedded" : "postgres"}/**/*.test.ts`],
    globalSetup: ["tests/setup/databases.ts"],
    setupFiles: ["tests/setup/use-database.ts"],
    env: { SYNCLINE_TEST_DB: name, NODE_ENV: "test" as const },
    pool: "forks" as const,
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});

export default defineConfig({
  test: {
    projects: [
      {
        resolve: { alias },
        test: { name: "unit", include: ["lib/**/*.test.ts", "components/**/*.test.ts", "cli/**/*.test.ts", "e2e/sandbox/**/*.test.ts"], env: { NODE_ENV: "test" as const } },
      },
      databaseProject("pglite"),
      databaseProject("postgres"),
      {
        resolve: { alias },
        test: {
          name: "integration",
          include: ["tests/sandbox/**/*.test.ts", "tests/clusters/**/*.test.ts", "tests/autosync/**/*.test.ts", "tests/audit/**/*.test.ts", "tests/drift/**/*.test.ts", "tests/sync-history/**/*.test.ts", "tests/timeline/**/*.test.ts", "tests/sources/**/*.test.ts"],
          globalSetup: ["tests/setup/databases.ts", "e2e/sandbox/vitest-global-setup.ts"],
          setupFiles: ["tests/setup/use-database.ts"],
          env: { SYNCLINE_TEST_DB: "postgres", NODE_ENV: "test" as const },
          pool: "forks",
          fileParallelism: false,
          testTimeout: 240_000,
          hookTimeout: 600_000,
        },
      },
    ],
  },
});
