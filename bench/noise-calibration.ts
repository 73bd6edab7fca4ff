/**
 * Where the many-core simulation's noise figures come from (bench/manycore-model.ts): on this
 * machine, real ORT sessions on one-MatMul models, measured the way the sweep engine measures
 * (all sessions open, a 200 ms warm-up each, then ~30 ms visits in shuffled rounds, the first
 * call of each visit untimed), split into the parts the model draws separately:
 *
 *  - cold: the first `session.run` of a fresh session / that session's warm median (the seed
 *    article's method times exactly this call);
 *  - twin: two sessions of the same cell open side by side: the spread of their medians' ratio,
 *    / √2, is the level shift each session carries on its own (where its threads and pages
 *    landed), without what the whole machine did meanwhile;
 *  - visit: the spread of the medians of one session's visits;
 *  - call: each call against its visit's median (the per-call tail), and the visit's untimed
 *    first call against it (the wake-up the engine discards).
 *
 *   node --import tsx bench/noise-calibration.ts [--reps 12]
 *
 * Not part of `npm run bench`: its figures are written into the model's parameter table with
 * this command and its output, so that the simulation itself stays deterministic.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { mulberry32 } from '../src/stats/random.js';
import { buildMatMulModel, seededData, type MatMulShape } from '../src/workloads/matmul-model.js';
import { createSession, loadOrt, timedRun, type OrtSession } from '../src/workloads/ort.js';
import { quantile, shuffled } from './util.js';

const { values } = parseArgs({ options: { reps: { type: 'string' } }, strict: true });
const reps = Number(values.reps ?? 12);
const ort = loadOrt();
const VISIT_MS = 30;
const WARMUP_MS = 200;
const VISITS = 6;

const shapes: Record<string, MatMulShape> = {
  '256': { m: 256, k: 256, n: 256 },
  '1024': { m: 1024, k: 1024, n: 1024 },
  '1x4096x4096': { m: 1, k: 4096, n: 4096 },
};
const cells: { id: string; shape: string; threads: number }[] = [];
for (const shape of Object.keys(shapes)) {
  for (const threads of [1, 2]) cells.push({ id: `${shape}@${threads}`, shape, threads });
}

const median = (xs: readonly number[]) => quantile(xs, 0.5);
const sd = (xs: readonly number[]) => {
  const m = xs.reduce((a, b) => a + b, 0) / xs.length;
  return Math.sqrt(xs.reduce((a, b) => a + (b - m) ** 2, 0) / (xs.length - 1));
};

/** CPU ticks of the machine and of this process (/proc), for the other processes' load. */
function ticks(): { total: number; busy: number; own: number } | null {
  try {
    const cpu = readFileSync('/proc/stat', 'utf8')
      .split('\n')[0]!
      .trim()
      .split(/\s+/)
      .slice(1)
      .map(Number);
    const [user, nice, system, idle, iowait, irq, softirq, steal] = cpu as number[];
    const busy = user! + nice! + system! + irq! + softirq! + steal!;
    const self = readFileSync('/proc/self/stat', 'utf8');
    const f = self
      .slice(self.lastIndexOf(')') + 2)
      .split(' ')
      .map(Number);
    return { total: busy + idle! + iowait!, busy, own: f[11]! + f[12]! };
  } catch {
    return null;
  }
}

interface Open {
  readonly cell: (typeof cells)[number];
  readonly twin: number;
  readonly session: OrtSession;
  readonly feeds: Record<string, InstanceType<typeof ort.Tensor>>;
  cold: number;
  visits: number[][];
  wake: number[];
}

const models = new Map(Object.entries(shapes).map(([id, s]) => [id, buildMatMulModel(s, 1, 1)]));
const rand = mulberry32(7);
const acc = new Map(
  cells.map((c) => [
    c.id,
    {
      cold: [] as number[],
      coldExtraNs: [] as number[],
      warmNs: [] as number[],
      twin: [] as number[],
      level: [] as number[],
      visit: [] as number[],
      call: [] as number[],
      wake: [] as number[],
    },
  ]),
);
const t0 = ticks();
const wall0 = performance.now();
for (let rep = 0; rep < reps; rep++) {
  const open: Open[] = [];
  for (const cell of shuffled(cells, rand)) {
    for (const twin of [0, 1]) {
      const model = models.get(cell.shape)!;
      const s = shapes[cell.shape]!;
      const session = await createSession(ort, model.bytes, cell.threads);
      const input = new ort.Tensor('float32', seededData(s.m * s.k, 1, rep + 1), [s.m, s.k]);
      open.push({
        cell,
        twin,
        session,
        feeds: { [model.inputName]: input },
        cold: 0,
        visits: [],
        wake: [],
      });
    }
  }
  for (const o of open) {
    o.cold = await timedRun(o.session, o.feeds);
    const t = performance.now();
    while (performance.now() - t < WARMUP_MS) await timedRun(o.session, o.feeds);
  }
  for (let v = 0; v < VISITS; v++) {
    for (const o of shuffled(open, rand)) {
      const first = await timedRun(o.session, o.feeds);
      const calls: number[] = [];
      const t = performance.now();
      while (performance.now() - t < VISIT_MS) calls.push(await timedRun(o.session, o.feeds));
      o.visits.push(calls);
      o.wake.push(first / median(calls));
    }
  }
  for (const cell of cells) {
    const pair = open.filter((o) => o.cell === cell);
    const a = acc.get(cell.id)!;
    const medians = pair.map((o) => median(o.visits.flat()));
    a.twin.push(Math.log(medians[0]! / medians[1]!));
    a.level.push(Math.log(medians[0]!));
    for (const [i, o] of pair.entries()) {
      a.cold.push(o.cold / medians[i]!);
      a.coldExtraNs.push(o.cold - medians[i]!);
      a.warmNs.push(medians[i]!);
      const vm = o.visits.map(median);
      a.visit.push(sd(vm.map((x) => Math.log(x))));
      for (const [j, calls] of o.visits.entries()) for (const c of calls) a.call.push(c / vm[j]!);
      a.wake.push(...o.wake);
    }
  }
  for (const o of open) await o.session.release();
}
const t1 = ticks();
const cpus = (await import('node:os')).availableParallelism();
const others =
  t0 && t1
    ? (Math.max(0, t1.busy - t0.busy - (t1.own - t0.own)) / (t1.total - t0.total)) * cpus
    : NaN;

const f = (x: number) => x.toFixed(3);
console.log(
  `reps ${reps}, ${((performance.now() - wall0) / 1000).toFixed(0)} s; other processes used ${others.toFixed(2)} of ${cpus} CPUs on average\n`,
);
console.log(
  '| cell | warm median | cold first call − warm median, µs: p10 / median / p90 | cold first call ÷ warm median: p10 / median / p90 / max | twin session σ (log) | rep-to-rep σ (log) | visit σ (log, median) | call ÷ visit median: σ from p50 of |log|, P(>1.3), p99, max | first call of a visit ÷ median: median / p90 |',
);
console.log('|---|---|---|---|---|---|---|---|---|');
const out: Record<string, unknown> = {};
for (const [id, a] of acc) {
  const logs = a.call.map((r) => Math.abs(Math.log(r)));
  const row = {
    cold: [quantile(a.cold, 0.1), median(a.cold), quantile(a.cold, 0.9), Math.max(...a.cold)],
    coldExtraUs: [
      quantile(a.coldExtraNs, 0.1),
      median(a.coldExtraNs),
      quantile(a.coldExtraNs, 0.9),
    ].map((x) => x / 1e3),
    warmUs: median(a.warmNs) / 1e3,
    twinSigma: sd(a.twin) / Math.SQRT2,
    repSigma: sd(a.level),
    visitSigma: median(a.visit),
    callSigma: median(logs) / 0.6745,
    callOver130: a.call.filter((r) => r > 1.3).length / a.call.length,
    callP99: quantile(a.call, 0.99),
    callMax: Math.max(...a.call),
    wake: [median(a.wake), quantile(a.wake, 0.9)],
    calls: a.call.length,
  };
  out[id] = row;
  console.log(
    `| ${id} | ${row.warmUs.toFixed(1)} µs | ${row.coldExtraUs.map((x) => x.toFixed(0)).join(' / ')} | ${row.cold.map(f).join(' / ')} | ${f(row.twinSigma)} | ${f(row.repSigma)} | ${f(row.visitSigma)} | ${f(row.callSigma)}, ${(row.callOver130 * 100).toFixed(2)} %, ${f(row.callP99)}, ${f(row.callMax)} | ${row.wake.map(f).join(' / ')} |`,
  );
}
console.log('\n' + JSON.stringify({ reps, otherCpus: others, cells: out }));
