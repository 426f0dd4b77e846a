// Benchmark: warm start of a 2-cluster sandbox until both clusters report the
// seeded revision applied, and the resident memory of all sandbox processes.
// Usage: npx tsx bench/sandbox-start.ts [--runs 3] [--settle-seconds 15]
// Targets: start <= 30 s, total RSS <= 1.5 GiB.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ensureBinaries, startWorld } from '../e2e/sandbox';

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

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { runs: { type: 'string', default: '3' }, 'settle-seconds': { type: 'string', default: '15' } } });
  const runs = Number(values.runs);
  const settleMs = Number(values['settle-seconds']) * 1000;
  await ensureBinaries();
  const results: { startMs: number; rssAtReadyMiB: number; rssSettledMiB: number; hostRssMiB: number }[] = [];
  for (let i = 1; i <= runs; i++) {
    const t0 = performance.now();
    const { world, stop } = await startWorld({ clusters: 2, log: () => undefined });
    const startMs = Math.round(performance.now() - t0);
    const atReady = sandboxProcesses(world.stateDir);
    await new Promise((r) => setTimeout(r, settleMs));
    const settled = sandboxProcesses(world.stateDir);
    const sum = (ps: ProcessRss[]) => mib(ps.reduce((a, p) => a + p.rssKiB, 0));
    results.push({ startMs, rssAtReadyMiB: sum(atReady), rssSettledMiB: sum(settled), hostRssMiB: mib(process.memoryUsage().rss / 1024) });
    process.stderr.write(`run ${i}: ready in ${startMs} ms; RSS ${sum(atReady)} MiB at ready, ${sum(settled)} MiB after ${settleMs / 1000} s\n`);
    if (i === runs) {
      for (const p of settled.sort((a, b) => b.rssKiB - a.rssKiB)) process.stderr.write(`  ${p.name.padEnd(16)} ${String(mib(p.rssKiB)).padStart(5)} MiB\n`);
    }
    await stop();
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
  const summary = {
    runs,
    startMsMedian: median(results.map((r) => r.startMs)),
    startMsMax: Math.max(...results.map((r) => r.startMs)),
    rssSettledMiBMax: Math.max(...results.map((r) => r.rssSettledMiB)),
    hostRssMiB: Math.max(...results.map((r) => r.hostRssMiB)),
    targets: { startMs: 30_000, rssMiB: 1536 },
  };
  process.stdout.write(`${JSON.stringify(summary)}\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`${String(err)}\n`);
  process.exit(1);
});
