import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";

/**
 * SQL that turns one Prisma datamodel into another, computed by Prisma 6.19's WebAssembly schema
 * engine: Prisma 7's CLI needs a native engine that cannot be downloaded here, while 6.19 runs
 * offline through a driver adapter. The adapter needs a live PostgreSQL, although a diff between
 * two datamodels reads nothing from it.
 */
export function diffDatamodels(from: string | "empty", to: string, postgresUrl: string): string {
  const root = resolve(import.meta.dirname, "../..");
  // Inside node_modules so the config can import @prisma/adapter-pg.
  const base = join(root, "node_modules/.cache");
  mkdirSync(base, { recursive: true });
  const dir = mkdtempSync(join(base, "syncline-prisma-diff-"));
  try {
    const asPrisma6 = (datamodel: string) =>
      datamodel.replace(/provider\s*=\s*"postgresql"/, 'provider = "postgresql"\n  url      = env("DATABASE_URL")');
    writeFileSync(join(dir, "to.prisma"), asPrisma6(to));
    if (from !== "empty") writeFileSync(join(dir, "from.prisma"), asPrisma6(from));
    writeFileSync(
      join(dir, "prisma.config.ts"),
      `import { PrismaPg } from "@prisma/adapter-pg";
export default { schema: "to.prisma", engine: "js", experimental: { adapter: true },
  adapter: async () => new PrismaPg({ connectionString: ${JSON.stringify(postgresUrl)} }) };
`,
    );
    const fromArgs = from === "empty" ? ["--from-empty"] : ["--from-schema-datamodel", "from.prisma"];
    const result = spawnSync(
      process.execPath,
      [join(root, "node_modules/prisma6/build/index.js"), "migrate", "diff", ...fromArgs, "--to-schema-datamodel", "to.prisma", "--script"],
      {
        cwd: dir,
        encoding: "utf8",
        env: {
          ...process.env,
          DATABASE_URL: postgresUrl,
          // Only checked for existence: the WebAssembly engine does the work.
          PRISMA_SCHEMA_ENGINE_BINARY: process.execPath,
          PRISMA_QUERY_ENGINE_LIBRARY: process.execPath,
          PRISMA_HIDE_UPDATE_MESSAGE: "1",
        },
      },
    );
    if (result.status !== 0) throw new Error(`prisma migrate diff failed: ${result.stderr || result.stdout}`);
    return result.stdout;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function readSchema(path = resolve(import.meta.dirname, "../../prisma/schema.prisma")): string {
  return readFileSync(path, "utf8");
}
