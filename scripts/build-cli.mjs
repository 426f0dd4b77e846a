// @ts-check
// Plain JavaScript on purpose: it runs before anything can compile TypeScript.
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
export const CLI_CACHE = join(ROOT, "node_modules/.cache/syncline-cli");
const BUNDLE = join(CLI_CACHE, "syncline.cjs");
const MANIFEST = join(CLI_CACHE, "manifest.json");

/** The files a bundle was built from, each with its mtime and size then. */
/** @typedef {{ inputs: Array<[path: string, mtimeMs: number, size: number]> }} Manifest */

/**
 * The CLI as one CommonJS file, built by esbuild from cli/ and lib/; npm packages stay outside
 * and load from node_modules. Running the TypeScript through tsx compiled it at every call, and
 * CommonJS spares Node the ES-module loader's work on packages that are CommonJS anyway. A lib
 * module that a command imports with `import()` stays unevaluated, and its packages unloaded,
 * until that command runs. Rebuilt only when a file it was built from changed (size or mtime).
 * @returns {Promise<string>} the bundle's path
 */
export async function cliBundle() {
  const manifest = readManifest();
  if (!manifest || !existsSync(BUNDLE) || !isFresh(manifest)) await buildCli();
  return BUNDLE;
}

/** @returns {Promise<Manifest>} */
export async function buildCli() {
  const { build } = await import("esbuild");
  mkdirSync(CLI_CACHE, { recursive: true });
  const temporary = `${BUNDLE}.${process.pid}.tmp`;
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: ["cli/syncline.ts"],
    outfile: temporary,
    bundle: true,
    format: "cjs",
    platform: "node",
    target: "node20.19",
    packages: "external",
    // The generated Prisma client reads import.meta.url, which CommonJS lacks.
    define: { "import.meta.url": "__syncline_module_url" },
    banner: { js: 'const __syncline_module_url = require("node:url").pathToFileURL(__filename).href;' },
    metafile: true,
    logLevel: "silent",
  });
  // A warning here (another import.meta, say) would be a CLI that breaks at run time.
  if (result.warnings.length) {
    const { formatMessages } = await import("esbuild");
    throw new Error(`building the CLI: ${(await formatMessages(result.warnings, { kind: "warning" })).join("\n")}`);
  }
  const inputs = [...Object.keys(result.metafile.inputs), relative(fileURLToPath(import.meta.url))];
  /** @type {Manifest} */
  const manifest = { inputs: inputs.map((path) => [path, ...stamp(path)]) };
  // Each written whole, then renamed: a concurrent call reads the old file or the new one.
  renameSync(temporary, BUNDLE);
  writeFileSync(`${MANIFEST}.${process.pid}.tmp`, JSON.stringify(manifest));
  renameSync(`${MANIFEST}.${process.pid}.tmp`, MANIFEST);
  return manifest;
}

/** @returns {Manifest | undefined} */
function readManifest() {
  try {
    return JSON.parse(readFileSync(MANIFEST, "utf8"));
  } catch {
    return undefined;
  }
}

/** @param {Manifest} manifest */
function isFresh(manifest) {
  return manifest.inputs.every(([path, mtimeMs, size]) => {
    try {
      const [nowMtimeMs, nowSize] = stamp(path);
      return nowMtimeMs === mtimeMs && nowSize === size;
    } catch {
      return false;
    }
  });
}

/** @param {string} path relative to the project root */
function stamp(path) {
  const stats = statSync(join(ROOT, path));
  return /** @type {const} */ ([stats.mtimeMs, stats.size]);
}

/** @param {string} path */
function relative(path) {
  return path.slice(ROOT.length + 1);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { inputs } = await buildCli();
  console.log(`syncline: built the CLI from ${inputs.length} files into ${relative(BUNDLE)}`);
}
