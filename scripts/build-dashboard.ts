import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const STAMP = ".next/syncline-build-stamp";
const INPUTS = ["app", "components", "lib", "public", "proxy.ts", "instrumentation.ts", "next.config.js", "postcss.config.mjs", "package-lock.json", "tsconfig.json"];
const SKIP = new Set(["node_modules", "generated", ".next"]);

/** A fingerprint of everything `next build` reads, so `npm start` rebuilds only when it changed. */
function sourceFingerprint(): string {
  const hash = createHash("sha256");
  const visit = (path: string): void => {
    if (!existsSync(path)) return;
    const stat = statSync(path);
    if (stat.isDirectory()) {
      for (const entry of readdirSync(path).sort()) if (!SKIP.has(entry)) visit(join(path, entry));
    } else {
      hash.update(path).update(readFileSync(path));
    }
  };
  INPUTS.forEach(visit);
  return hash.digest("hex");
}

/** Runs `next build` unless the last build was made from exactly these sources. */
export function buildIfStale(): void {
  const fingerprint = sourceFingerprint();
  if (existsSync(".next/BUILD_ID") && existsSync(STAMP) && readFileSync(STAMP, "utf8") === fingerprint) return;
  console.log("syncline: building the dashboard…");
  const build = spawnSync(process.execPath, ["node_modules/next/dist/bin/next", "build"], {
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (build.status !== 0) throw new Error(`next build failed with exit code ${build.status}`);
  writeFileSync(STAMP, fingerprint);
}

if (process.argv[1] && import.meta.filename === process.argv[1]) buildIfStale();
