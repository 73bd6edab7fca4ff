/**
 * The worker workload with real worker processes: the protocol (threadgate-worker/1) through
 * createWorkerWorkload, each way a worker can break it, the CLI's sweep, same-job gate and
 * throughput objective with a worker, the built-in MatMul in PyTorch (--engine torch), the helper's
 * commands (worker-path, init-worker) and the bundled action's `worker` input.
 */
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { WorkloadError } from '../src/errors.js';
import { DEFAULT_THREAD_ENV } from '../src/workloads/command.js';
import { createWorkerWorkload, helperDir } from '../src/workloads/worker.js';
import type { Result } from '../src/results/types.js';
import { ROOT, runCli } from './support/cli.js';
import { runActionInProcess } from './support/in-process.js';
import { schemaErrors } from './support/schema.js';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'threadgate-worker-'));
after(() => rmSync(tmp, { recursive: true, force: true }));
const WORKERS = path.join(ROOT, 'test/fixtures/workers');
const q = (s: string) => JSON.stringify(s);
/** `python3 test/fixtures/workers/NAME ARGS…` (python3 on PATH: the helper needs no PyTorch). */
const worker = (name: string, ...args: string[]) =>
  ['python3', q(path.join(WORKERS, name)), ...args].join(' ');
const DEBIAN_PYTHON = '/usr/bin/python3';
const hasTorch =
  existsSync(DEBIAN_PYTHON) &&
  spawnSync(DEBIAN_PYTHON, ['-c', 'import torch'], { stdio: 'ignore', timeout: 60_000 }).status ===
    0;

/** True once `pid` no longer runs (gone, or a zombie waiting for its parent), within 2 s. */
async function gone(pid: number): Promise<boolean> {
  for (let i = 0; i < 40; i++) {
    try {
      process.kill(pid, 0);
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      if (/^\d+ \(.*\) Z/.test(stat)) return true;
    } catch {
      return true;
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return false;
}

function readJson<T>(file: string): T {
  return JSON.parse(readFileSync(file, 'utf8')) as T;
}

describe('the worker protocol through createWorkerWorkload', () => {
  it('a helper worker opens, times call() and callMany(5), gets the thread count and a clean environment, and ends on close()', async () => {
    const report = path.join(tmp, 'seen.json');
    const command = worker('sleep_worker.py', '1', q(report));
    const w = createWorkerWorkload({
      command,
      env: {
        ...process.env,
        INPUT_GITHUB_TOKEN: 'ghs_inputToken',
        ACTIONS_RUNTIME_TOKEN: 'runtime-token',
        PYTHONPATH: '/opt/user-lib',
      },
    });
    assert.equal(w.id, `worker:${command}`);
    assert.equal(w.kind, 'worker');
    const runner = await w.open(2);
    let pid = 0;
    try {
      const one = await runner.call();
      // Each call sleeps 1 ms: the worker's own clock says at least that, and not seconds.
      assert.ok(one >= 1e6 && one < 1e9, `call() = ${one} ns`);
      const five = await runner.callMany!(5);
      assert.equal(five.length, 5);
      for (const ns of five) assert.ok(Number.isInteger(ns) && ns >= 1e6 && ns < 1e9, String(ns));

      const seen = readJson<{ pid: number; env: Record<string, string> }>(report);
      pid = seen.pid;
      assert.doesNotThrow(() => process.kill(pid, 0), 'the worker runs until close()');
      assert.equal(seen.env['THREADGATE_THREADS'], '2');
      assert.equal(seen.env['OMP_NUM_THREADS'], '2');
      for (const name of DEFAULT_THREAD_ENV) assert.equal(seen.env[name], '2', name);
      assert.equal(seen.env['PYTHONPATH'], `${helperDir()}${path.delimiter}/opt/user-lib`);
      assert.ok(existsSync(path.join(helperDir(), 'threadgate_worker.py')));
      const leaked = Object.keys(seen.env).filter(
        (n) => /^INPUT_/i.test(n) || n === 'ACTIONS_RUNTIME_TOKEN',
      );
      assert.deepEqual(leaked, []);
    } finally {
      await runner.close();
    }
    assert.ok(await gone(pid), `worker ${pid} still runs after close()`);
    // Without PyTorch the helper reports no thread count and no engine.
    assert.equal(w.runtimeThreads?.get(2), null);
    assert.equal(w.engine, null);
  });

  /**
   * Open a session of `command` at 1 thread and ask it for 3 calls: expect a WorkloadError
   * naming the worker and matching `pattern`, within the timeout (plus the 3 s a worker gets to
   * quit, and some slack).
   */
  async function fails(command: string, pattern: RegExp, timeoutSec = 10): Promise<string> {
    const w = createWorkerWorkload({ command, timeoutSec });
    const started = performance.now();
    let message = '';
    await assert.rejects(
      async () => {
        const runner = await w.open(1);
        try {
          await runner.callMany!(3);
        } finally {
          await runner.close();
        }
      },
      (e: unknown) => {
        assert.ok(e instanceof WorkloadError, `expected a WorkloadError, got ${String(e)}`);
        message = e.message;
        return true;
      },
    );
    const elapsed = (performance.now() - started) / 1000;
    assert.ok(
      message.startsWith(`worker "${command}" at OMP_NUM_THREADS=1: `),
      `names the worker: ${message}`,
    );
    assert.match(message, pattern);
    assert.ok(elapsed < timeoutSec + 5, `took ${elapsed.toFixed(1)} s (timeout ${timeoutSec} s)`);
    return message;
  }

  describe('a broken worker is an error naming it and what happened', { concurrency: true }, () => {
    it('exits before it is ready: its exit code and the tail of its stderr', async () => {
      const m = await fails(
        worker('bad_worker.py', 'exit-early'),
        /it exited with code 3 before it answered/,
      );
      assert.match(
        m,
        /last lines of its stderr:\nloading model\.pt\nRuntimeError: model\.pt: no such file$/,
      );
    });

    it('hangs before it is ready: the timeout ends it', async () => {
      const started = performance.now();
      await fails(worker('bad_worker.py', 'hang'), /it took more than 1 s to become ready/, 1);
      assert.ok(performance.now() - started >= 1000, 'it waited the timeout');
    });

    it('prints something else before it is ready: the line, and where prints belong', async () => {
      await fails(
        worker('bad_worker.py', 'garbage'),
        /it printed "Loading weights\.\.\. done" before it was ready; expected "threadgate-worker\/1 ready \{…\}" \(print to stderr/,
      );
    });

    it('says its set-up failed: its message', async () => {
      await fails(
        worker('bad_worker.py', 'setup-error'),
        /its set-up failed: CUDA is not available/,
      );
    });

    it('the helper reports an exception in setup() as a set-up failure, with its traceback', async () => {
      const m = await fails(
        worker('raising_worker.py', 'setup'),
        /its set-up failed: setup failed: FileNotFoundError: weights\.bin/,
      );
      assert.match(m, /last lines of its stderr:\n(.|\n)*Traceback/);
    });

    it('speaks protocol version 2', async () => {
      await fails(
        worker('bad_worker.py', 'version2'),
        /it speaks protocol version "2"; this threadgate speaks threadgate-worker\/1/,
      );
    });

    it('reports another thread count than it was given', async () => {
      await fails(
        worker('bad_worker.py', 'threads99'),
        /the runtime reports 99 threads; expected 1/,
      );
    });

    it('answers "ok" with the wrong number of timings', async () => {
      await fails(
        worker('bad_worker.py', 'wrong-count'),
        /it answered 1 timings to "run 3"; expected 3/,
      );
    });

    it('times a call at 0 ns', async () => {
      await fails(
        worker('bad_worker.py', 'zero'),
        /it timed a call at "0"; expected a duration in ns greater than 0/,
      );
    });

    it('answers timings that are not numbers', async () => {
      await fails(
        worker('bad_worker.py', 'not-numbers'),
        /it timed a call at "fast"; expected a duration in ns/,
      );
    });

    it('answers a request with "error …"', async () => {
      await fails(
        worker('bad_worker.py', 'error'),
        /it answered with an error: the model raised ValueError: bad input/,
      );
    });

    it('the helper answers an exception in the call with "error …"', async () => {
      await fails(
        worker('raising_worker.py', 'call'),
        /it answered with an error: the call failed: ValueError: shape mismatch \(3, 4\) @ \(5, 6\)/,
      );
    });

    it('dies while answering a request', async () => {
      const m = await fails(
        worker('bad_worker.py', 'die'),
        /it exited with code 139 before it answered/,
      );
      assert.match(m, /Segmentation fault \(simulated\)/);
    });

    it('prints a line longer than 4 MiB', async () => {
      await fails(
        worker('bad_worker.py', 'huge-line'),
        /it printed a line of more than 4194304 bytes on stdout/,
      );
    });
  });
});

describe('threadgate sweep --worker', () => {
  it('sweeps a worker at 1 and 2 threads into a valid results file', async () => {
    const json = path.join(tmp, 'sweep.json');
    const command = worker('sleep_worker.py', '1');
    const out = await runCli([
      'sweep',
      '--worker',
      command,
      '--threads',
      '1,2',
      '--max-time',
      '4',
      '--json',
      json,
      '--quiet',
    ]);
    assert.equal(out.code, 0, out.stderr);
    const result = readJson<Result>(json);
    assert.deepEqual(schemaErrors('results.schema.json', result), []);
    const w = result.workloads[0]!;
    assert.equal(w.kind, 'worker');
    assert.equal(w.id, `worker:${command}`);
    assert.equal(w.details?.['protocol'], 'threadgate-worker/1');
    assert.deepEqual(
      w.points.map((p) => p.threads),
      [1, 2],
    );
    for (const p of w.points) {
      assert.ok(p.samplesNs.length >= 5, `${p.samplesNs.length} samples at ${p.threads}`);
      // 1 ms sleeps: every sample at least 1 ms, the median well under 10 ms.
      assert.ok(Math.min(...p.samplesNs) >= 1e6, `min ${Math.min(...p.samplesNs)} ns`);
      assert.ok(p.medianNs < 1e7, `median ${p.medianNs} ns`);
    }
  });

  it('same job: a head twice as slow as its base is a regression (exit 1), also with --baseline-cwd; the same worker on both sides passes', async () => {
    // Each block of the comparison opens fresh sessions of both sides (about 1 s a block here):
    // the budget must hold the 4 blocks of the first look even on a loaded machine; a verdict
    // as clear as these is decided at that look, so the rest of it is not spent.
    const args = (json: string, ...sides: string[]) => [
      'sweep',
      ...sides,
      '--threads',
      '1',
      '--max-time',
      '15',
      '--quiet',
      '--comparison-json',
      json,
    ];
    const sides = (head: string, base: string) => [
      '--worker',
      worker('sleep_worker.py', head),
      '--baseline-worker',
      worker('sleep_worker.py', base),
    ];
    // One command, run in two folders: the head's sleeps 2 ms, the base's (--baseline-cwd) 1 ms.
    const headDir = mkdtempSync(path.join(tmp, 'head-'));
    const baseDir = mkdtempSync(path.join(tmp, 'base-'));
    writeFileSync(path.join(headDir, 'ms.txt'), '2');
    writeFileSync(path.join(baseDir, 'ms.txt'), '1');
    const json = (name: string) => path.join(tmp, `${name}.json`);
    // Sleeping workers barely load the CPUs: the comparisons run at once.
    const [slow, cwd, same] = await Promise.all([
      runCli(args(json('slow'), ...sides('2', '1'))),
      runCli(
        args(
          json('cwd'),
          '--worker',
          worker('sleep_worker.py', '@ms.txt'),
          '--baseline-cwd',
          baseDir,
        ),
        { cwd: headDir },
      ),
      runCli(args(json('same'), ...sides('1', '1'))),
    ]);
    for (const [name, run] of [
      ['slow', slow],
      ['cwd', cwd],
    ] as const) {
      assert.equal(run.code, 1, run.stdout + run.stderr);
      assert.match(run.stdout, /REGRESSION/);
      const comparison = readJson<{ verdict: string }>(json(name));
      assert.deepEqual(schemaErrors('comparison.schema.json', comparison), []);
      assert.equal(comparison.verdict, 'regression', name);
    }
    assert.equal(same.code, 0, same.stdout + same.stderr);
    assert.equal(readJson<{ verdict: string }>(json('same')).verdict, 'pass');
  });

  it('--objective throughput measures workers × threads splits of worker processes', async () => {
    const json = path.join(tmp, 'throughput.json');
    const out = await runCli([
      'sweep',
      '--worker',
      worker('sleep_worker.py', '1'),
      '--objective',
      'throughput',
      '--max-time',
      '3',
      '--json',
      json,
      '--quiet',
    ]);
    assert.equal(out.code, 0, out.stderr);
    const result = readJson<Result>(json);
    assert.deepEqual(schemaErrors('results.schema.json', result), []);
    const throughput = result.workloads[0]!.throughput;
    assert.ok(throughput && throughput.points.length > 0, 'throughput points');
    for (const p of throughput.points) {
      assert.equal(p.workers * p.threadsPerWorker, result.machine.availableCpus);
      assert.ok(p.requestsPerSec > 0);
    }
    if (result.machine.availableCpus >= 2) {
      // Workers that sleep do not compete for the CPUs: several at once serve more requests.
      assert.ok(throughput.recommended.workers > 1, JSON.stringify(throughput));
    }
  });
});

describe('the built-in MatMul in PyTorch (--engine torch)', () => {
  it(
    'runs through the helper: the runtime thread counts, the engine in the results and a fingerprint apart from ONNX Runtime',
    { skip: !hasTorch && 'needs /usr/bin/python3 with PyTorch' },
    async () => {
      const json = path.join(tmp, 'torch.json');
      const out = await runCli([
        'sweep',
        '--engine',
        'torch',
        '--python',
        DEBIAN_PYTHON,
        '--sizes',
        '64',
        '--threads',
        '1,2',
        // Each session is a Python process that imports PyTorch first (seconds on a loaded
        // machine), and set-up counts against the budget: a tight one leaves a cell skipped.
        // The loose precision ends the sweep at the cells' minimum visits instead.
        '--max-time',
        '40',
        '--precision',
        '25',
        '--json',
        json,
        '--quiet',
      ]);
      assert.equal(out.code, 0, out.stderr);
      const result = readJson<Result>(json);
      assert.deepEqual(schemaErrors('results.schema.json', result), []);
      const w = result.workloads[0]!;
      assert.equal(w.kind, 'matmul');
      assert.equal(w.engine?.name, 'torch');
      assert.deepEqual(
        w.points.map((p) => [p.threads, p.runtimeThreads]),
        [
          [1, 1],
          [2, 2],
        ],
      );
      assert.match(result.machine.engine ?? '', /^torch \d/);

      const ortJson = path.join(tmp, 'ort.json');
      const ort = await runCli([
        'sweep',
        '--sizes',
        '64',
        '--threads',
        '1',
        '--max-time',
        '1',
        '--json',
        ortJson,
        '--quiet',
      ]);
      assert.equal(ort.code, 0, ort.stderr);
      const ortResult = readJson<Result>(ortJson);
      assert.equal(ortResult.machine.engine, undefined);
      assert.notEqual(result.machine.fingerprint, ortResult.machine.fingerprint);
    },
  );

  it('with a Python that has no PyTorch: exit 2, saying how to install it', async () => {
    // A real Python without site-packages: PyTorch cannot be found, wherever it is installed.
    const python = path.join(tmp, 'python-without-torch');
    writeFileSync(python, '#!/bin/sh\nexec python3 -I -S "$@"\n');
    chmodSync(python, 0o755);
    const out = await runCli([
      'sweep',
      '--engine',
      'torch',
      '--python',
      python,
      '--sizes',
      '64',
      '--threads',
      '1',
    ]);
    assert.equal(out.code, 2, out.stdout + out.stderr);
    assert.match(
      out.stderr,
      /--engine torch: no Python with PyTorch found \(.*no module named torch\)/,
    );
    assert.match(out.stderr, /pip install torch/);
  });
});

describe('worker-path and init-worker', () => {
  it('worker-path prints the helper; init-worker writes the helper and an example, and refuses to overwrite them', async () => {
    const where = await runCli(['worker-path']);
    assert.equal(where.code, 0, where.stderr);
    const helper = where.stdout.trim();
    assert.match(helper, /threadgate_worker\.py$/);
    assert.ok(existsSync(helper), helper);

    const dir = path.join(tmp, 'init');
    mkdirSync(dir);
    const first = await runCli(['init-worker', dir]);
    assert.equal(first.code, 0, first.stderr);
    const copied = path.join(dir, 'threadgate_worker.py');
    const example = path.join(dir, 'threadgate_example_worker.py');
    assert.equal(readFileSync(copied, 'utf8'), readFileSync(helper, 'utf8'));
    assert.match(readFileSync(example, 'utf8'), /from threadgate_worker import serve/);

    writeFileSync(example, '# mine\n');
    const second = await runCli(['init-worker', dir]);
    assert.equal(second.code, 2, second.stdout + second.stderr);
    assert.match(second.stderr, /init-worker: cannot write .*threadgate_worker\.py/);
    assert.equal(readFileSync(example, 'utf8'), '# mine\n', 'the user’s file is kept');
  });
});

describe('the action with the worker input (in process)', () => {
  const push = {
    name: 'push',
    payload: { ref: 'refs/heads/main', repository: { default_branch: 'main' } },
  };
  const env = { GITHUB_REF: 'refs/heads/main', GITHUB_REF_NAME: 'main', GITHUB_HEAD_REF: '' };

  it('sweeps the worker on a push and names it in the summary', async () => {
    const command = worker('sleep_worker.py', '1');
    const run = await runActionInProcess({
      inputs: {
        'github-token': 'ghs_test',
        worker: command,
        threads: '1',
        'max-time': '3',
        baseline: 'none',
      },
      event: push,
      apiUrl: 'http://127.0.0.1:9',
      env,
    });
    assert.equal(run.code, 0, run.stdout + run.stderr);
    const file = run.outputs['results-path'];
    assert.ok(file && existsSync(file), `results-path ${file}`);
    const result = readJson<Result>(file);
    assert.equal(result.workloads[0]!.id, `worker:${command}`);
    assert.deepEqual(schemaErrors('results.schema.json', result), []);
    // The worker's command heads its table (Markdown-escaped or not) with its metric's name.
    assert.match(run.summary, /^#+ .*sleep\\?_worker\.py"? 1$/m);
    assert.match(run.summary, /time per call, timed by the worker/);
  });

  it('engine set with worker is an input error naming engine', async () => {
    const run = await runActionInProcess({
      inputs: {
        'github-token': 'ghs_test',
        worker: worker('sleep_worker.py', '1'),
        engine: 'torch',
        threads: '1',
        'max-time': '3',
        baseline: 'none',
      },
      event: push,
      apiUrl: 'http://127.0.0.1:9',
      env,
    });
    assert.equal(run.code, 1, run.stdout);
    assert.match(run.stdout, /::error::.*engine: got "torch"/);
    assert.equal(run.outputs['results-path'], undefined, 'nothing measured');
  });
});
