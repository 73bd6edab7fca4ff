/**
 * The `command` workload with real child processes: the thread count reaching the child through
 * the environment, metrics printed by the command, failures, timeouts, and real PyTorch.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { InputError, WorkloadError } from '../src/errors.js';
import { sweep } from '../src/measure/sweep.js';
import {
  DEFAULT_THREAD_ENV,
  createCommandWorkload,
  metricName,
  parseMetric,
  parseThreadEnv,
} from '../src/workloads/command.js';
import type { Workload } from '../src/workloads/types.js';

const COMMANDS = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures/commands');
const node = JSON.stringify(process.execPath);
const reporter = `${node} ${JSON.stringify(path.join(COMMANDS, 'report_threads.mjs'))}`;
const posix = process.platform !== 'win32';

/** One call at `threads`, the cell closed afterwards. */
async function callAt(w: Workload, threads: number): Promise<number> {
  const runner = await w.open(threads);
  try {
    return await runner.call();
  } finally {
    await runner.close();
  }
}

function workloadError(pattern: RegExp) {
  return (e: unknown) => {
    assert.ok(e instanceof WorkloadError, `expected a WorkloadError, got ${String(e)}`);
    assert.match(e.message, pattern);
    return true;
  };
}

test('parseThreadEnv and parseMetric validate and name the flag', () => {
  assert.deepEqual(parseThreadEnv('OMP_NUM_THREADS, MKL_NUM_THREADS'), [
    'OMP_NUM_THREADS',
    'MKL_NUM_THREADS',
  ]);
  assert.deepEqual(parseThreadEnv('A,A,_b1'), ['A', '_b1']);
  for (const bad of ['', ' , ', '1X', 'OMP-THREADS', 'A,B=2']) {
    assert.throws(
      () => parseThreadEnv(bad),
      (e: unknown) => e instanceof InputError && /^--thread-env: got /.test(e.message),
    );
  }
  assert.deepEqual(parseMetric('latency_ms=([0-9.]+)', 'ms'), {
    regex: 'latency_ms=([0-9.]+)',
    unit: 'ms',
  });
  assert.throws(
    () => parseMetric('latency_ms=[0-9.]+', 'ms'),
    /^InputError: --metric: got "latency_ms=\[0-9\.\]\+"; it has no capture group/,
  );
  assert.throws(() => parseMetric('(?:x)', 'ms'), /no capture group/);
  assert.throws(
    () => parseMetric('latency=(', 'ms'),
    /^InputError: --metric: got "latency=\("; it does not compile/,
  );
  assert.throws(
    () => parseMetric('t=(\\d+)', 'min'),
    /^InputError: --metric-unit: got "min"; expected one of ns, us, ms, s$/,
  );
  assert.equal(metricName('latency_ms=([0-9.]+)'), 'latency_ms');
  assert.equal(metricName('^p50: (\\d+)'), 'p50');
  assert.equal(metricName('took (?<took>\\d+)'), 'took');
  assert.equal(metricName('(\\d+) ms'), '/(\\d+) ms/');
});

test('the thread count reaches the child in every thread variable; the metric is parsed', async () => {
  const w = createCommandWorkload({
    command: reporter,
    metric: parseMetric('latency_ms=([0-9.]+)', 'ms'),
    env: { ...process.env, PASS_THROUGH: 'kept', OMP_NUM_THREADS: '64' },
  });
  assert.equal(w.kind, 'command');
  assert.equal(w.id, `command:${reporter}`);
  assert.equal(w.label, reporter);
  assert.equal(w.contentHash, null);
  assert.equal(w.warmupCalls, 1);
  assert.equal(w.opsPerCall, 1);
  assert.equal(w.flopsPerOp, null);
  assert.deepEqual(w.metric, { name: 'latency_ms', unit: 'ns' });
  // The last latency_ms line wins: 1.5 ms × threads, printed by the child from its env.
  assert.equal(await callAt(w, 1), 1.5e6);
  assert.equal(await callAt(w, 3), 4.5e6);

  // The child's stdout shows what it received (a metric reads it back).
  const seen = createCommandWorkload({
    command: reporter,
    threadEnv: ['MY_THREADS', ...DEFAULT_THREAD_ENV],
    metric: { regex: 'MY_THREADS=(\\d+)', unit: 'ns' },
    env: { ...process.env, PASS_THROUGH: 'kept' },
  });
  assert.equal(await callAt(seen, 7), 7);
  for (const name of DEFAULT_THREAD_ENV) {
    const echo = createCommandWorkload({
      command: reporter,
      metric: { regex: `^${name}=(\\d+)$`, unit: 'ns' },
    });
    assert.equal(await callAt(echo, 5), 5, name);
  }
  const pass = createCommandWorkload({
    command: reporter,
    metric: { regex: 'PASS_THROUGH=(\\w+)', unit: 's' },
    env: { ...process.env, PASS_THROUGH: '2' },
  });
  assert.equal(await callAt(pass, 1), 2e9, 'the rest of the environment passes through');

  // Without a metric: wall time.
  const wall = createCommandWorkload({ command: reporter, warmupRuns: 0 });
  assert.deepEqual(wall.metric, { name: 'wall time per run', unit: 'ns' });
  assert.equal(wall.warmupCalls, 0);
  const ns = await callAt(wall, 2);
  assert.ok(ns > 0 && Number.isFinite(ns));
});

test('the sweep engine drives a command workload with its fixed warm-up', async () => {
  const w = createCommandWorkload({
    command: reporter,
    metric: parseMetric('latency_ms=([0-9.]+)', 'ms'),
    warmupRuns: 1,
  });
  const out = await sweep([w], {
    threads: [1, 2],
    maxTimeSec: 2,
    targetPrecision: 0.05,
    seed: 1,
    minVisits: 2,
    // The engine plans visits from the samples, here the printed 1.5 ms, not the ~50 ms a
    // process takes: short visits keep it to one call per visit.
    visitMs: 1,
  });
  for (const c of out.workloads[0]!.cells) {
    assert.equal(c.warmupCalls, 1);
    assert.ok(c.samplesNs.length >= 1);
    assert.ok(c.samplesNs.every((s) => s === 1.5e6 * c.threads));
  }
});

test('a failing command is a WorkloadError with the exit code and the tail of stderr', async () => {
  const w = createCommandWorkload({ command: `${reporter} 3` });
  await assert.rejects(callAt(w, 2), (e: unknown) => {
    assert.ok(e instanceof WorkloadError);
    assert.ok(
      e.message.startsWith(`command "${reporter} 3" failed at OMP_NUM_THREADS=2: exit code 3\n`),
      e.message,
    );
    assert.match(
      e.message,
      /last lines of stderr:\nstderr line 12\n[^]*stderr line 30\nboom: something went wrong$/,
    );
    assert.doesNotMatch(e.message, /stderr line 11\n/, 'only the last 20 lines');
    return true;
  });
  const metric = createCommandWorkload({
    command: reporter,
    metric: parseMetric('p99_ms=([0-9.]+)', 'ms'),
  });
  await assert.rejects(
    callAt(metric, 1),
    workloadError(
      /at OMP_NUM_THREADS=1: the metric regex \/p99_ms=\(\[0-9\.\]\+\)\/ matched nothing in its output\nlast lines of stdout:\n[^]*latency_ms=1\.500$/,
    ),
  );
  const notNumber = createCommandWorkload({
    command: reporter,
    metric: parseMetric('PASS_THROUGH=(.*)', 'ms'),
  });
  await assert.rejects(
    callAt(notNumber, 1),
    workloadError(/captured "", which is not a positive number \(a latency\)/),
  );
  const missingCwd = createCommandWorkload({
    command: 'true',
    cwd: path.join(COMMANDS, 'no-such-dir'),
  });
  await assert.rejects(
    callAt(missingCwd, 1),
    workloadError(/failed at OMP_NUM_THREADS=1: could not start: /),
  );
  assert.throws(
    () => createCommandWorkload({ command: ' \t' }),
    /^InputError: --command: got " \\t"; expected a command to run$/,
  );
});

test('a signal is a WorkloadError naming it', { skip: !posix && 'POSIX signals' }, async () => {
  const w = createCommandWorkload({ command: 'echo dying >&2; kill -SEGV $$' });
  await assert.rejects(
    callAt(w, 1),
    workloadError(
      /failed at OMP_NUM_THREADS=1: killed by signal SIGSEGV\nlast lines of stderr:\ndying$/,
    ),
  );
});

test(
  'a timeout kills the whole process group',
  { skip: !posix && 'process groups are POSIX' },
  async () => {
    // The shell starts two sleeps (one in the background), away from its output pipes: killing
    // only the shell would return at once and leave both running. All must be gone afterwards.
    const marker = `threadgate-timeout-${process.pid}-${Date.now()}`;
    const w = createCommandWorkload({
      command: 'sleep 5 >/dev/null 2>&1 & sleep 5 >/dev/null 2>&1; echo done',
      timeoutSec: 0.5,
      env: { ...process.env, THREADGATE_MARKER: marker },
    });
    const t0 = Date.now();
    await assert.rejects(
      callAt(w, 1),
      workloadError(/failed at OMP_NUM_THREADS=1: timed out after 0\.5 s \(process group killed\)/),
    );
    assert.ok(Date.now() - t0 < 4000, 'did not wait for the command');
    await new Promise((r) => setTimeout(r, 100));
    // No process left with the marker in its environment.
    const ps = spawnSync(
      'sh',
      ['-c', `grep -l ${marker} /proc/[0-9]*/environ 2>/dev/null || true`],
      { encoding: 'utf8' },
    );
    const left = ps.stdout
      .split('\n')
      .filter((l) => l.length > 0)
      .filter((l) => !l.startsWith(`/proc/${process.pid}/`) && !l.startsWith('/proc/self/'));
    assert.deepEqual(left, [], `leftover processes: ${left.join(', ')}`);
  },
);

test('an error quotes at most 20 lines of the output, each cut to 300 characters', async () => {
  // Issue 10: one 3 MB line of stderr became a 1 MB error message.
  const w = createCommandWorkload({
    command: `node -e "require('fs').writeSync(2, 'x'.repeat(3e6) + '\\n\\u001b[31m::error::forged\\n\\u202egpj.exe\\u2028::warning::x\\n'); process.exit(3)"`,
  });
  await assert.rejects(callAt(w, 1), (e: unknown) => {
    assert.ok(e instanceof WorkloadError);
    assert.ok(e.message.length < 2000, `message of ${e.message.length} characters`);
    assert.match(e.message, /exit code 3/);
    assert.match(e.message, /\nx{100,} … \[\d+ characters cut\] … x{100,}\n/);
    assert.match(e.message, / \[31m::error::forged\ngpj\.exe ::warning::x$/m);
    assert.ok(!/[\u202e\u2028]/.test(e.message), 'no direction override, no line separator');
    assert.ok(!e.message.includes('\u001b'), 'no terminal escape');
    return true;
  });
});

function leftoverWith(marker: string): string[] {
  const ps = spawnSync('sh', ['-c', `grep -l ${marker} /proc/[0-9]*/environ 2>/dev/null || true`], {
    encoding: 'utf8',
  });
  return ps.stdout
    .split('\n')
    .filter((l) => l.length > 0)
    .filter((l) => !l.startsWith(`/proc/${process.pid}/`) && !l.startsWith('/proc/self/'));
}

test(
  'a descendant that leaves the process group and holds the output open cannot stall a sample',
  { skip: process.platform !== 'linux' && 'setsid and /proc are Linux' },
  async () => {
    // Issue 10: `setsid sleep 60 & echo started` took the full 60 s (and `sleep infinity` never
    // ended): the sample waited for the pipes, which the detached sleep kept open.
    const marker = `threadgate-detached-${process.pid}-${Date.now()}`;
    const w = createCommandWorkload({
      command: 'setsid sleep 60 & echo started',
      timeoutSec: 2,
      env: { ...process.env, THREADGATE_MARKER: marker },
    });
    const t0 = Date.now();
    const ns = await callAt(w, 1);
    assert.ok(Date.now() - t0 < 1500, `the sample took ${Date.now() - t0} ms`);
    assert.ok(ns > 0);
    await new Promise((r) => setTimeout(r, 100));
    assert.deepEqual(leftoverWith(marker), [], 'the detached sleep holding the pipe was killed');
  },
);

const PYTHON = '/usr/bin/python3';
const torchCheck = existsSync(PYTHON)
  ? spawnSync(PYTHON, ['-c', 'import torch'], { encoding: 'utf8' })
  : undefined;
const torchSkip =
  torchCheck === undefined
    ? `${PYTHON} not found (needs Debian's python3 with python3-torch)`
    : torchCheck.status !== 0
      ? `${PYTHON} cannot import torch: install Debian's python3-torch`
      : false;

test(
  'real PyTorch runs with 1 and with 2 threads from OMP_NUM_THREADS',
  { skip: torchSkip, timeout: 60_000 },
  async () => {
    const script = `${PYTHON} ${JSON.stringify(path.join(COMMANDS, 'torch_matmul.py'))}`;
    const threads = createCommandWorkload({
      command: script,
      metric: { regex: 'torch_threads=(\\d+)', unit: 'ns' },
      warmupRuns: 0,
    });
    assert.equal(await callAt(threads, 1), 1, 'torch.get_num_threads() at OMP_NUM_THREADS=1');
    assert.equal(await callAt(threads, 2), 2, 'torch.get_num_threads() at OMP_NUM_THREADS=2');
    const latency = createCommandWorkload({
      command: script,
      metric: parseMetric('latency_ms=([0-9.]+)', 'ms'),
    });
    const ns = await callAt(latency, 2);
    assert.ok(ns > 0 && Number.isFinite(ns), `latency ${ns} ns`);
  },
);
