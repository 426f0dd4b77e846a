// Starts, publishes, attaches to and stops a sandbox world: one etcd, N
// clusters (API server + Flux controllers each) and a Git server.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startApiServer, stopApiServer } from './apiserver';
import { ensureBinaries } from './build';
import { startCluster, type ClusterRuntime } from './cluster';
import { startControlServer } from './control-server';
import { startEtcd } from './etcd';
import { STATUS_PAGE_RELEASE } from './fleet-objects';
import { waitForHelmRelease, waitForRevision } from './flux-ops';
import { createLoopbackServingPki } from './certs';
import { startGitServer, startHttpsGitServer } from './git-server';
import { isAlive, killRecordedGroups, ProcessGroupRegistry, stopProcess } from './processes';
import { FLEET_REPO, seedFleetRepo } from './seed-repo';
import { startSshGitServer } from './ssh-git-server';
import type { SandboxWorld } from './types';

export interface StartWorldOptions {
  /** Number of clusters, alternating staging and production. Default 2. */
  clusters?: number;
  /** Record the world in the well-known state file so other processes can attach. */
  publish?: boolean;
  log?: (line: string) => void;
}

export interface RunningWorld {
  world: SandboxWorld;
  /** Stops every process of the world; a no-op for a world this process only attached to. */
  stop(): Promise<void>;
  attached: boolean;
}

interface PublishedState {
  world: SandboxWorld;
  hostPid: number;
  pgidsFile: string;
}

function sandboxRoot(): string {
  return join(tmpdir(), 'syncline-sandbox');
}

function publishedStateFile(): string {
  return join(sandboxRoot(), 'world.json');
}

/** Starts a fresh world owned by this process. */
export async function startWorld(opts: StartWorldOptions = {}): Promise<RunningWorld> {
  const log = opts.log ?? ((l: string) => process.stderr.write(`${l}\n`));
  const count = opts.clusters ?? 2;
  const binaries = await ensureBinaries(log);
  const started = Date.now();
  mkdirSync(sandboxRoot(), { recursive: true });
  const stateDir = mkdtempSync(join(sandboxRoot(), 'world-'));
  const registry = new ProcessGroupRegistry(join(stateDir, 'pgids'));
  registry.startReaper();

  const binDir = join(stateDir, 'bin');
  mkdirSync(binDir);
  symlinkSync(binaries.paths.kubectl, join(binDir, 'kubectl'));
  symlinkSync(binaries.paths.flux, join(binDir, 'flux'));

  const runtimes = new Map<string, ClusterRuntime>();
  const servers: { close(): Promise<void> }[] = [];
  const stop = async ({ keepLogs = false } = {}) => {
    // Dependents first: an API server whose etcd is gone, or a controller whose
    // API server is gone, lingers on SIGTERM until the grace period ends.
    const rts = [...runtimes.values()];
    await Promise.all(rts.flatMap((rt) => rt.controllers).map((p) => stopProcess(p)));
    await Promise.all(rts.flatMap((rt) => (rt.apiserver ? [stopApiServer(rt.apiserver)] : [])));
    await registry.stopAll();
    await Promise.all(servers.map((s) => s.close()));
    if (opts.publish && readPublished()?.world.stateDir === stateDir) rmSync(publishedStateFile(), { force: true });
    if (!keepLogs) rmSync(stateDir, { recursive: true, force: true });
  };

  try {
    const control = await startControlServer({
      'apiserver-stop': async (name) => {
        const rt = mustGet(runtimes, name);
        if (rt.apiserver) await stopApiServer(rt.apiserver);
        rt.apiserver = undefined;
      },
      'apiserver-start': async (name) => {
        const rt = mustGet(runtimes, name);
        rt.apiserver ??= await startApiServer(binaries.paths['kube-apiserver'], rt.apiserverConfig, registry);
      },
    });
    servers.push(control);
    const gitRoot = join(stateDir, 'git');
    mkdirSync(gitRoot);
    const git = await startGitServer(gitRoot);
    servers.push(git);
    const gitPki = createLoopbackServingPki(join(stateDir, 'git-pki'), 'git-server');
    const gitLogin = { username: 'fleet-reader', password: randomBytes(18).toString('base64url') };
    const httpsGit = await startHttpsGitServer(gitRoot, { ...gitLogin, cert: gitPki.servingCert, key: gitPki.servingKey });
    servers.push(httpsGit);
    const sshGit = await startSshGitServer(gitRoot, join(stateDir, 'git-ssh'), registry);
    const [seedRevision, etcd] = await Promise.all([seedFleetRepo(gitRoot), startEtcd(binaries.paths.etcd, join(stateDir, 'etcd'), registry)]);
    const repoUrl = `${git.url}/${FLEET_REPO}`;
    log(`sandbox: etcd and git server up after ${Date.now() - started} ms`);

    const ctx = { stateDir, binDir, etcdUrl: etcd.url, controlUrl: control.url, binaries, registry, repoUrl };
    // allSettled: a failing cluster must not leave another one starting processes after the stop below.
    const results = await Promise.allSettled(Array.from({ length: count }, (_, i) => startCluster(i, ctx)));
    for (const r of results) {
      if (r.status === 'rejected') throw r.reason;
      runtimes.set(r.value.cluster.name, r.value);
    }
    log(`sandbox: ${count} clusters with Flux up after ${Date.now() - started} ms; waiting for the seeded revision`);
    await Promise.all(
      [...runtimes.values()].flatMap((rt) => [
        waitForRevision(rt.cluster, seedRevision, { timeoutMs: 120_000 }),
        waitForHelmRelease(rt.cluster, STATUS_PAGE_RELEASE, { timeoutMs: 120_000 }),
      ]),
    );

    const world: SandboxWorld = {
      clusters: [...runtimes.values()].map((rt) => rt.cluster),
      git: {
        url: git.url,
        repos: [repoUrl],
        httpsUrl: httpsGit.url,
        ...gitLogin,
        caFile: gitPki.caCert,
        sshUrl: sshGit.url,
        sshIdentity: sshGit.identity,
        knownHosts: sshGit.knownHosts,
      },
      bin: binDir,
      stateDir,
      controlUrl: control.url,
      seedRevision,
    };
    if (opts.publish) {
      const state: PublishedState = { world, hostPid: process.pid, pgidsFile: join(stateDir, 'pgids') };
      writeFileSync(publishedStateFile(), JSON.stringify(state, null, 2));
    }
    log(`sandbox: ready in ${Date.now() - started} ms`);
    return { world, stop: () => stop(), attached: false };
  } catch (err) {
    await stop({ keepLogs: true });
    throw new Error(`sandbox failed to start; logs are kept in ${stateDir}`, { cause: err });
  }
}

function mustGet(runtimes: Map<string, ClusterRuntime>, name: string): ClusterRuntime {
  const rt = runtimes.get(name);
  if (!rt) throw new Error(`no sandbox cluster named ${name}`);
  return rt;
}

function readPublished(): PublishedState | undefined {
  try {
    return JSON.parse(readFileSync(publishedStateFile(), 'utf8')) as PublishedState;
  } catch {
    return undefined;
  }
}

async function hostResponds(state: PublishedState): Promise<boolean> {
  if (!isAlive(state.hostPid)) return false;
  try {
    return (await fetch(`${state.world.controlUrl}/healthz`, { signal: AbortSignal.timeout(2000) })).ok;
  } catch {
    return false;
  }
}

/** Kills what a crashed host left behind (its reaper normally did so already). */
async function cleanStale(state: PublishedState): Promise<void> {
  await killRecordedGroups(state.pgidsFile);
  if (existsSync(state.world.stateDir)) rmSync(state.world.stateDir, { recursive: true, force: true });
  rmSync(publishedStateFile(), { force: true });
}

/** The world published by a live host process, if any; leftovers of a dead host are cleaned up. */
export async function findRunningWorld(): Promise<{ world: SandboxWorld; hostPid: number } | undefined> {
  const state = readPublished();
  if (!state) return undefined;
  if (await hostResponds(state)) return { world: state.world, hostPid: state.hostPid };
  if (isAlive(state.hostPid)) throw new Error(`sandbox host pid ${state.hostPid} is alive but does not answer at ${state.world.controlUrl}`);
  await cleanStale(state);
  return undefined;
}

/** Reuses the world published by another process (e.g. `npm run sandbox`), or starts and publishes one. */
export async function attachOrStartWorld(opts: Omit<StartWorldOptions, 'publish'> = {}): Promise<RunningWorld> {
  const running = await findRunningWorld();
  if (!running) return startWorld({ ...opts, publish: true });
  const { world, hostPid } = running;
  if (world.clusters.length < (opts.clusters ?? 2)) {
    throw new Error(`a sandbox with ${world.clusters.length} clusters is running (host pid ${hostPid}); stop it to start a larger one`);
  }
  return { world, stop: async () => undefined, attached: true };
}
