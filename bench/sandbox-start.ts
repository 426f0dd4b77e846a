// Benchmark: warm start of a 2-cluster sandbox until both clusters report the
// seeded revision applied, and the resident memory of all sandbox processes.
// Usage: npx tsx bench/sandbox-start.ts [--runs 3] [--settle-seconds 15]
// Targets: start <= 30 s, total RSS <= 1.5 GiB.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ensureBinaries, startWorld } from '../e2e/sandbox';
import { percentile, type BenchResult } from './bench-result';

interface ProcessRss {
  pid: number;
  name: string;
  rssKiB: number;
}

/** Every process whose process group is one the sandbox recorded (children included). */
function sandboxProcesses(stateDir: string): ProcessRss[] {
  const groups = new Set(readFileSync(join(stateDir, 'pgids'), 'utf8').split('\n').filter(Boolean).map(Number));
  const result: ProcessRss[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // Fields after the parenthesised command name: state, ppid, pgrp, ...
      const pgrp = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[2]);
      if (!groups.has(pgrp)) continue;
      const status = readFileSync(`/proc/${entry}/status`, 'utf8');
      const rss = /VmRSS:\s+(\d+) kB/.exec(status)?.[1];
      const name = /Name:\s+(\S+)/.exec(status)?.[1] ?? '?';
      result.push({ pid: Number(entry), name, rssKiB: Number(rss ?? 0) });
    } catch {
      // The process ended while we read /proc.
    }
  }
  return result;
}

const mib = (kib: number) => Math.round(kib / 1024);

export interface SandboxStartOptions {
  runs?: number;
  /** How long to let the world settle after "ready" before reading RSS again. */
  settleSeconds?: number;
  log?: (line: string) => void;
}

/** `npm run bench` entry point; also runnable alone (see the header). */
export async function run(opts: SandboxStartOptions = {}): Promise<BenchResult[]> {
  const runs = opts.runs ?? 3;
  const settleMs = (opts.settleSeconds ?? 15) * 1000;
  const log = opts.log ?? ((l: string) => process.stderr.write(`${l}\n`));
  await ensureBinaries(() => undefined);
  const starts: number[] = [];
  const rssSettled: number[] = [];
  for (let i = 1; i <= runs; i++) {
    const t0 = performance.now();
    const { world, stop } = await startWorld({ clusters: 2, log: () => undefined });
    const startMs = Math.round(performance.now() - t0);
    const atReady = sandboxProcesses(world.stateDir);
    await new Promise((r) => setTimeout(r, settleMs));
    const settled = sandboxProcesses(world.stateDir);
    await stop();
    const sum = (ps: ProcessRss[]) => mib(ps.reduce((a, p) => a + p.rssKiB, 0));
    starts.push(startMs);
    rssSettled.push(sum(settled));
    log(`run ${i}: ready in ${startMs} ms; RSS ${sum(atReady)} MiB at ready, ${sum(settled)} MiB after ${settleMs / 1000} s`);
    if (i === runs) {
      for (const p of settled.sort((a, b) => b.rssKiB - a.rssKiB)) log(`  ${p.name.padEnd(16)} ${String(mib(p.rssKiB)).padStart(5)} MiB`);
    }
  }
  const notes = `${runs} runs; 2 clusters with source-, kustomize- and helm-controller each, one etcd; host Node process not counted (${mib(process.memoryUsage().rss / 1024)} MiB)`;
  return [
    { name: 'warm start of 2 clusters until both applied the seeded revision (median)', value: percentile(starts, 50), unit: 'ms', target: '≤ 30000 ms', notes },
    { name: 'warm start, slowest run', value: Math.max(...starts), unit: 'ms', target: '≤ 30000 ms', notes },
    { name: 'RSS of all sandbox processes, settled (max)', value: Math.max(...rssSettled), unit: 'MiB', target: '≤ 1536 MiB', notes },
  ];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({ options: { runs: { type: 'string', default: '3' }, 'settle-seconds': { type: 'string', default: '15' } } });
  run({ runs: Number(values.runs), settleSeconds: Number(values['settle-seconds']) }).then(
    (results) => process.stdout.write(`${JSON.stringify(results, null, 2)}\n`),
    (err: unknown) => {
      process.stderr.write(`${String(err)}\n`);
      process.exit(1);
    },
  );
}
