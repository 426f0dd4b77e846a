#!/usr/bin/env node
// The published entry point: registers tsx so the TypeScript CLI runs without a build step.
import { dirname, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { register } from "tsx/esm/api";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
process.env.SYNCLINE_MIGRATIONS_DIR ??= resolve(root, "prisma/migrations");
register();
await import(pathToFileURL(resolve(root, "cli/syncline.ts")).href);
