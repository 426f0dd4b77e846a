import { spawn } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, relative, resolve, sep, isAbsolute } from "node:path";
import { parseAllDocuments } from "yaml";
import { AppError } from "../errors/app-error";

type KubeObject = Record<string, unknown>;

export interface RenderKustomizationInput {
  /** Absolute path of the flux CLI (findFluxCli). */
  fluxCli: string;
  /** The cluster's kubeconfig (kubeconfigForStoredCluster): a secret, written only to a 0600 file. */
  kubeconfig: string;
  name: string;
  namespace: string;
  /** The source's tree at the applied revision. */
  checkoutDir: string;
  /** The Kustomization's spec.path, relative to the source's root. */
  specPath: string | undefined;
  signal?: AbortSignal;
  timeoutMs?: number;
}

const DEFAULT_TIMEOUT_MS = 120_000;
const ERROR_CHARS = 500;

/**
 * The objects kustomize-controller would apply, rendered by `flux build kustomization` against the
 * live cluster: it reads the Kustomization's own spec there, so its patches, images,
 * targetNamespace, namePrefix and postBuild substitutions (substituteFrom ConfigMaps and Secrets
 * included) are applied exactly as the controller applies them. The kubeconfig lives in a private
 * temporary folder for the one command, which is bounded by a timeout and by `signal`.
 */
export async function renderKustomization(input: RenderKustomizationInput): Promise<KubeObject[]> {
  const path = pathInside(input.checkoutDir, input.specPath);
  const scratch = await mkdtemp(join(tmpdir(), "syncline-flux-build-"));
  try {
    const kubeconfig = join(scratch, "kubeconfig");
    await writeFile(kubeconfig, input.kubeconfig, { mode: 0o600 });
    const args = ["build", "kustomization", input.name, "--namespace", input.namespace, "--path", path, "--kubeconfig", kubeconfig, "--cache-dir", join(scratch, "cache")];
    const output = await run(input.fluxCli, args, { home: scratch, timeoutMs: input.timeoutMs ?? DEFAULT_TIMEOUT_MS, signal: input.signal });
    return parseObjects(output, `${input.namespace}/${input.name}`);
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

/** spec.path joined to the checkout, refusing a path that would leave it (as the controller's securejoin). */
function pathInside(root: string, specPath: string | undefined): string {
  const path = resolve(root, (specPath ?? "").replace(/^\/+/, ""));
  const inside = relative(resolve(root), path);
  if (inside.startsWith(`..${sep}`) || inside === ".." || isAbsolute(inside)) throw new AppError("render_failed", `spec.path "${specPath}" leaves the source's root`);
  return path;
}

function run(command: string, args: string[], options: { home: string; timeoutMs: number; signal?: AbortSignal }): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    // No inherited environment: nothing of Syncline's (database URL, secret key) reaches the CLI.
    const child = spawn(command, args, { env: { NODE_ENV: process.env.NODE_ENV, PATH: process.env.PATH ?? "", HOME: options.home }, stdio: ["ignore", "pipe", "pipe"], timeout: options.timeoutMs, signal: options.signal, killSignal: "SIGKILL" });
    const stdout: Buffer[] = [];
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => stdout.push(chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr = (stderr + chunk).slice(-4 * ERROR_CHARS)));
    child.on("error", (error: NodeJS.ErrnoException) => {
      const why = error.name === "AbortError" ? "was cancelled" : `could not run (${error.code ?? error.message})`;
      reject(new AppError("render_failed", `flux build ${why}`));
    });
    child.on("close", (code, signal) => {
      if (code === 0) return resolvePromise(Buffer.concat(stdout).toString("utf8"));
      if (options.signal?.aborted) return reject(new AppError("render_failed", "flux build was cancelled"));
      if (signal) return reject(new AppError("render_failed", `flux build did not finish within ${options.timeoutMs / 1000} s`));
      reject(new AppError("render_failed", `flux build failed: ${lastLines(stderr)}`));
    });
  });
}

/** The end of what the CLI said, where its error is; the kubeconfig is never part of it. */
function lastLines(stderr: string): string {
  const text = stderr.replace(/\s+$/, "").split("\n").filter((line) => line.trim()).slice(-3).join(" ").trim();
  return (text.length > ERROR_CHARS ? `…${text.slice(-ERROR_CHARS)}` : text) || "no message";
}

function parseObjects(output: string, what: string): KubeObject[] {
  const objects: KubeObject[] = [];
  for (const document of parseAllDocuments(output)) {
    if (document.errors.length > 0) throw new AppError("render_failed", `flux build of ${what} printed YAML that does not parse: ${document.errors[0]!.message.split("\n")[0]}`);
    const value: unknown = document.toJS();
    if (value === null || value === undefined) continue;
    if (typeof value !== "object" || Array.isArray(value) || typeof (value as KubeObject).kind !== "string") throw new AppError("render_failed", `flux build of ${what} printed something that is not a Kubernetes object`);
    objects.push(value as KubeObject);
  }
  return objects;
}
