/**
 * `npm run bench [-- --quick] [-- --only a,b]`: measures threadgate itself on this machine and
 * prints each section's figures (ratios and rates measured in one sitting) as markdown, ready for
 * docs/BENCHMARKS.md. Timings live here, never in unit tests.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { probeCpu } from '../src/cpu/index.js';
import { describeMachine } from '../src/report/terminal.js';
import { loadOrt, ortVersion } from '../src/workloads/ort.js';
import { aaSameJob } from './aa-same-job.js';
import { duet } from './duet.js';
import { aaStored } from './aa-stored.js';
import { calibration } from './calibration.js';
import { cost } from './cost.js';
import { manycore } from './manycore.js';
import { overhead } from './overhead.js';
import { power } from './power.js';
import { recommend } from './recommend.js';
import { throughput } from './throughput.js';
import { worker } from './worker.js';
import { normalize } from './normalize.js';
import { historySize } from './history-size.js';
import { changes } from './changes.js';
import { realHistory } from './real-history.js';
import type { SharedFigures, Section, Table } from './types.js';
import { ROOT } from './util.js';

// Order matters: power quotes the A/A rates, cost uses recommend's default runs as its baseline.
const SECTIONS: readonly Section[] = [
  calibration,
  aaStored,
  aaSameJob,
  power,
  recommend,
  throughput,
  cost,
  overhead,
  manycore,
  worker,
  normalize,
  historySize,
  changes,
  realHistory,
  duet,
];

const { values } = parseArgs({
  options: { quick: { type: 'boolean' }, only: { type: 'string' } },
  strict: true,
});
const only = values.only?.split(',').map((s) => s.trim());
const chosen = SECTIONS.filter((s) => !only || only.includes(s.name));
const dir = mkdtempSync(path.join(os.tmpdir(), 'threadgate-bench-'));
const log = (line: string) => process.stderr.write(`bench: ${line}\n`);
const shared: SharedFigures = {};
const start = performance.now();

const machine = probeCpu({ ortVersion: ortVersion(loadOrt()) });
console.log(`# threadgate benchmarks${values.quick ? ' (quick)' : ''}\n`);
console.log(`- Date: ${new Date().toISOString()}`);
const codeAtStart = gitState();
console.log(`- Code: ${codeAtStart}`);
console.log(`- Machine: ${describeMachine(machine)}`);
console.log(`- Node ${process.versions.node}, onnxruntime-node ${ortVersion(loadOrt())}`);
console.log(
  `- Command: npm run bench${values.quick || values.only ? ' --' : ''}${values.quick ? ' --quick' : ''}${values.only ? ` --only ${values.only}` : ''}\n`,
);
for (const section of chosen) {
  const t0 = performance.now();
  const cpu0 = cpuTicks();
  log(`${section.name}: ${section.title}`);
  const out = await section.run({ quick: values.quick === true, log, dir, shared });
  console.log(`## ${section.title}\n`);
  for (const line of out.summary) console.log(`- ${line}`);
  for (const table of [...(out.table ? [out.table] : []), ...(out.tables ?? [])]) printTable(table);
  console.log(
    `\n_Section \`${section.name}\`: ${((performance.now() - t0) / 1000).toFixed(0)} s; ${otherLoad(cpu0, cpuTicks())}._\n`,
  );
}
console.log(`_Total: ${((performance.now() - start) / 1000 / 60).toFixed(1)} min._`);
const codeAtEnd = gitState();
if (codeAtEnd !== codeAtStart) {
  console.log(`\n**Warning: the code changed during the bench: at the end, ${codeAtEnd}.**`);
}

interface CpuTicks {
  readonly total: number;
  readonly busy: number;
  readonly own: number;
}

/**
 * CPU ticks of the whole machine (/proc/stat) and of this process and its waited-for children
 * (/proc/self/stat utime, stime, cutime, cstime): what other processes used is the difference.
 */
function cpuTicks(): CpuTicks | null {
  try {
    const cpu = readFileSync('/proc/stat', 'utf8')
      .split('\n')[0]!
      .trim()
      .split(/\s+/)
      .slice(1)
      .map(Number);
    const [user, nice, system, idle, iowait, irq, softirq, steal] = cpu as [number, ...number[]];
    const busy = user + nice! + system! + irq! + softirq! + steal!;
    const self = readFileSync('/proc/self/stat', 'utf8');
    const fields = self
      .slice(self.lastIndexOf(')') + 2)
      .split(' ')
      .map(Number);
    // Fields 14–17 of /proc/PID/stat, counted from the state (field 3) at index 0.
    const own = fields[11]! + fields[12]! + fields[13]! + fields[14]!;
    return { total: busy + idle! + iowait!, busy, own };
  } catch {
    return null;
  }
}

function otherLoad(a: CpuTicks | null, b: CpuTicks | null): string {
  if (a === null || b === null || b.total <= a.total) return 'other processes’ CPU use unknown';
  const cpus = os.availableParallelism();
  const others = Math.max(0, b.busy - a.busy - (b.own - a.own)) / (b.total - a.total);
  const mine = (b.own - a.own) / (b.total - a.total);
  return (
    `CPU use of the ${cpus} CPUs: this bench ${(mine * cpus).toFixed(2)} CPUs, ` +
    `other processes ${(others * cpus).toFixed(2)} CPUs on average`
  );
}

/** The commit measured, and which files of src/ and dist/ differ from it (with a digest). */
function gitState(): string {
  try {
    const git = (...args: string[]) =>
      execFileSync('git', args, { cwd: ROOT, encoding: 'utf8' }).trim();
    const commit = `commit ${git('rev-parse', '--short', 'HEAD')}`;
    const changed = git('diff', '--name-only', 'HEAD', '--', 'src', 'dist')
      .split('\n')
      .filter(Boolean);
    if (changed.length === 0) return `${commit} (src/ and dist/ as committed)`;
    const digest = createHash('sha256')
      .update(git('diff', 'HEAD', '--', 'src', 'dist'))
      .digest('hex')
      .slice(0, 12);
    return `${commit} with uncommitted changes to ${changed.join(', ')} (diff sha256 ${digest})`;
  } catch {
    return 'unknown (not a git checkout)';
  }
}

function printTable(table: Table): void {
  if (table.title) console.log(`\n${table.title}:`);
  console.log(`\n| ${table.header.join(' | ')} |\n|${table.header.map(() => '---').join('|')}|`);
  for (const row of table.rows) console.log(`| ${row.join(' | ')} |`);
}
