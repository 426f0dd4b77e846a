import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { diffDatamodels, readSchema } from "../tests/support/prisma-diff";
import { startPostgres } from "../tests/support/postgres-server";

/**
 * `npm run db:new-migration -- <name>`: writes prisma/migrations/<timestamp>_<name>/migration.sql
 * with the SQL that takes the schema as last committed (git HEAD, or --from REV) to the schema in
 * the working tree. Prisma 7's `migrate dev` needs a schema engine that cannot be downloaded
 * here; Prisma 6.19 computes the same diff offline (see tests/support/prisma-diff.ts).
 */
const args = process.argv.slice(2);
const fromIndex = args.indexOf("--from");
const rev = fromIndex >= 0 ? args.splice(fromIndex, 2)[1] : "HEAD";
const name = args[0];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("usage: npm run db:new-migration -- <snake_case_name> [--from REV]");
  process.exit(2);
}

const previous = execFileSync("git", ["show", `${rev}:prisma/schema.prisma`], { encoding: "utf8" });
const postgres = await startPostgres();
try {
  const sql = diffDatamodels(previous, readSchema(), postgres.url());
  if (/empty migration/i.test(sql) || !sql.trim()) {
    console.log(`prisma/schema.prisma does not differ from ${rev}; no migration written.`);
  } else {
    const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
    const dir = join("prisma/migrations", `${stamp}_${name}`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, "migration.sql"), sql);
    console.log(`Wrote ${dir}/migration.sql — review it, then run npm test (the drift test checks it).`);
  }
} finally {
  postgres.stop();
}
