import { resolve } from "node:path";

/** Where the embedded database and the generated secret key live: ./data unless overridden. */
export function dataDir(): string {
  return resolve(process.env.SYNCLINE_DATA_DIR ?? "data");
}
