import { accessSync, constants, statSync } from "node:fs";
import { delimiter, isAbsolute, join } from "node:path";
import { log } from "../log/logger";

/**
 * The flux CLI that renders Kustomizations for drift: the file named by SYNCLINE_FLUX_CLI, else
 * `flux` on PATH, else null, and drift falls back to managedFields alone (the report says so). A
 * setting that names no executable is reported once in the log and not used: the fallback is then
 * the operator's to notice, in the report's mode, rather than a failure of every computation.
 */
export function findFluxCli(env: Record<string, string | undefined> = process.env): string | null {
  const configured = env.SYNCLINE_FLUX_CLI?.trim();
  if (configured) {
    if (isAbsolute(configured) && isExecutableFile(configured)) return configured;
    warnOnce(configured);
    return null;
  }
  for (const dir of (env.PATH ?? "").split(delimiter)) {
    if (!dir || !isAbsolute(dir)) continue;
    const candidate = join(dir, "flux");
    if (isExecutableFile(candidate)) return candidate;
  }
  return null;
}

function isExecutableFile(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

const warned = new Set<string>();
function warnOnce(configured: string): void {
  if (warned.has(configured)) return;
  warned.add(configured);
  log.warn({ SYNCLINE_FLUX_CLI: configured }, "drift: SYNCLINE_FLUX_CLI is not the absolute path of an executable file; drift falls back to managedFields");
}
