// Child process supervision. Every sandbox process runs in its own process
// group (so a stop also takes its children), and a tiny reaper shell kills all
// groups listed in a file as soon as the host process dies, even by SIGKILL.
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

export interface ManagedProcess {
  name: string;
  pid: number;
  logFile: string;
  /** Resolves with the exit code (or signal name) when the process ends. */
  exited: Promise<string>;
}

export interface StartOptions {
  name: string;
  command: string;
  args: string[];
  logFile: string;
  env?: NodeJS.ProcessEnv;
  cwd?: string;
}

/**
 * Tracks the live processes of one world and mirrors their process groups into
 * a file that the reaper reads when the host dies.
 */
export class ProcessGroupRegistry {
  private readonly live = new Map<number, ManagedProcess>();
  private reaper: ChildProcess | undefined;
  private closed = false;

  constructor(private readonly file: string) {
    writeFileSync(file, '');
  }

  /**
   * The reaper blocks on its stdin, a pipe whose only writer is this process:
   * when we exit for any reason the pipe closes and it kills what is listed.
   */
  startReaper(): void {
    const script = [
      'cat >/dev/null',
      '[ -s "$0" ] || exit 0',
      'for sig in TERM KILL; do',
      '  [ -f "$0" ] && while read -r g; do kill -s $sig -- "-$g" 2>/dev/null; done < "$0"',
      '  [ $sig = TERM ] && sleep 3',
      'done',
    ].join('\n');
    this.reaper = spawn('sh', ['-c', script, this.file], { detached: true, stdio: ['pipe', 'ignore', 'ignore'] });
    // Neither the reaper nor our end of its pipe may keep the host's event loop alive.
    this.reaper.unref();
    (this.reaper.stdin as unknown as { unref(): void }).unref();
  }

  add(proc: ManagedProcess): void {
    if (this.closed) {
      void killGroup(proc.pid);
      throw new Error(`${proc.name} started while the sandbox was stopping`);
    }
    this.live.set(proc.pid, proc);
    this.flush();
  }

  delete(pid: number): void {
    this.live.delete(pid);
    this.flush();
  }

  /** Stops every live process, refuses new ones, then releases the reaper. */
  async stopAll(): Promise<void> {
    this.closed = true;
    await Promise.all([...this.live.values()].map((p) => stopProcess(p)));
    this.reaper?.stdin?.end();
  }

  private flush(): void {
    writeFileSync(this.file, [...this.live.keys()].map((p) => `${p}\n`).join(''));
  }
}

export function startProcess(opts: StartOptions, registry: ProcessGroupRegistry): ManagedProcess {
  const log = openSync(opts.logFile, 'a');
  const child = spawn(opts.command, opts.args, {
    cwd: opts.cwd,
    env: opts.env ?? process.env,
    detached: true,
    stdio: ['ignore', log, log],
  });
  closeSync(log);
  if (child.pid === undefined) throw new Error(`could not start ${opts.name} (${opts.command})`);
  const pid = child.pid;
  child.unref();
  const exited = new Promise<string>((resolve) => {
    child.on('exit', (code, signal) => {
      registry.delete(pid);
      resolve(signal ?? String(code));
    });
  });
  const proc = { name: opts.name, pid, logFile: opts.logFile, exited };
  registry.add(proc);
  return proc;
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

/** SIGTERM the whole group, then SIGKILL whatever is left after the grace period. */
export async function killGroup(pgid: number, graceMs = 5000): Promise<void> {
  try {
    process.kill(-pgid, 'SIGTERM');
  } catch {
    return;
  }
  const deadline = Date.now() + graceMs;
  while (Date.now() < deadline) {
    if (!groupAlive(pgid)) return;
    await sleep(50);
  }
  try {
    process.kill(-pgid, 'SIGKILL');
  } catch {
    return;
  }
  while (groupAlive(pgid)) await sleep(20);
}

export async function stopProcess(proc: ManagedProcess, graceMs?: number): Promise<void> {
  await killGroup(proc.pid, graceMs);
  await proc.exited;
}

/** Kills groups recorded by a host that died without cleaning up. */
export async function killRecordedGroups(file: string): Promise<void> {
  if (!existsSync(file)) return;
  const pgids = readFileSync(file, 'utf8').split('\n').filter(Boolean).map(Number);
  await Promise.all(pgids.map((g) => killGroup(g, 2000)));
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

/** Polls `probe` until it returns true; fails early if the watched process exits. */
export async function waitFor(what: string, probe: () => Promise<boolean>, timeoutMs: number, proc?: ManagedProcess): Promise<void> {
  let exitedWith: string | undefined;
  void proc?.exited.then((code) => (exitedWith = code));
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (exitedWith !== undefined) throw new Error(`${what}: process exited (${exitedWith}); see ${proc?.logFile}`);
    if (await probe().catch(() => false)) return;
    await sleep(100);
  }
  throw new Error(`${what}: not ready after ${timeoutMs} ms${proc ? `; see ${proc.logFile}` : ''}`);
}
