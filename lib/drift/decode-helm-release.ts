import { gunzipSync } from "node:zlib";
import { z } from "zod";
import { AppError } from "../errors/app-error";

/** What drift needs of a release Helm stored: which release, which revision, and what it applied. */
export interface StoredHelmRelease {
  name: string;
  namespace: string;
  version: number;
  /** deployed, superseded, failed, pending-install, … */
  status: string;
  /** The rendered (and post-rendered) objects, as multi-document YAML. */
  manifest: string;
}

const storedRelease = z.object({
  name: z.string(),
  namespace: z.string(),
  version: z.number().int(),
  info: z.object({ status: z.string() }),
  manifest: z.string().default(""),
});

/** gzip's magic bytes; Helm stored releases uncompressed before it compressed them, and still reads both. */
const GZIP_MAGIC = Buffer.from([0x1f, 0x8b, 0x08]);

/**
 * Decodes the `release` key of a Helm storage Secret (`sh.helm.release.v1.<name>.v<N>`) as the
 * Kubernetes API returns it: Helm stores base64(gzip(json)), and the API base64-encodes Secret data
 * once more. Throws an AppError naming the Secret when it is not a Helm release.
 */
export function decodeHelmRelease(secretName: string, data: string): StoredHelmRelease {
  try {
    const helmEncoded = Buffer.from(data, "base64").toString("utf8");
    const packed = Buffer.from(helmEncoded, "base64");
    const json = packed.subarray(0, GZIP_MAGIC.length).equals(GZIP_MAGIC) ? gunzipSync(packed) : packed;
    const release = storedRelease.parse(JSON.parse(json.toString("utf8")));
    return { name: release.name, namespace: release.namespace, version: release.version, status: release.info.status, manifest: release.manifest };
  } catch (error) {
    const reason = error instanceof z.ZodError ? "fields missing" : error instanceof Error ? error.message : String(error);
    throw new AppError("internal", `Helm storage Secret ${secretName} does not hold a Helm release (${reason})`);
  }
}
