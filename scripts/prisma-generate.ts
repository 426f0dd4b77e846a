import { spawnSync } from "node:child_process";

/**
 * `prisma generate` refuses to run without a schema-engine binary, which cannot be downloaded
 * here, although generating the client never executes it. Any existing file satisfies the check.
 */
const result = spawnSync(process.execPath, ["node_modules/prisma/build/index.js", "generate"], {
  stdio: "inherit",
  env: { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? process.execPath, PRISMA_HIDE_UPDATE_MESSAGE: "1" },
});
process.exit(result.status ?? 1);
