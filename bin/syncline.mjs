#!/usr/bin/env node
// The published entry point: runs the CLI's esbuild bundle, built on install and rebuilt here
// whenever one of its source files changed since (see scripts/build-cli.mjs).
import module, { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { setFlagsFromString } from "node:v8";
import { CLI_CACHE, cliBundle } from "../scripts/build-cli.mjs";

// Prisma's query compiler is WebAssembly; V8 would recompile its hot functions with TurboFan on
// background threads, CPU time a short-lived command never earns back. Set before any is compiled.
setFlagsFromString("--liftoff-only");
// Node 22.1 and later keep compiled code between runs; older versions lack the function.
module.enableCompileCache?.(join(CLI_CACHE, "compile-cache"));

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
process.env.SYNCLINE_MIGRATIONS_DIR ??= resolve(root, "prisma/migrations");
createRequire(import.meta.url)(await cliBundle());
