/**
 * An ONNX Runtime session in a child process of its own, pinned to a CPU set: one side of a
 * same-job duet (src/measure/duet.ts) for the built-in MatMul and the user's model. In-process it
 * cannot be done: `session.run` is synchronous and blocks its thread, so two sessions measured at
 * the same time need two threads, and ONNX Runtime's intra-op threads cannot be pinned per
 * session from Node. A process under `taskset` can: every thread it starts inherits the mask.
 *
 * The child is Node itself (`process.execPath -e CHILD_SOURCE`, CommonJS evaluated from a string,
 * as the throughput workers are: nothing separate to bundle, so it works from dist/ and from the
 * sources under tsx alike). It loads the same onnxruntime-node (ortModulePath), receives the model
 * bytes and inputs (the workload's ParallelSpec) over an IPC channel, opens its session, and then
 * speaks the worker protocol on stdin/stdout (src/workloads/worker.ts): `run N` → `ok T1 … TN`,
 * each `await session.run(feeds)` timed as in-process calls are (src/workloads/ort.ts timedRun).
 * It gets the sanitized environment (childEnv), every wait is bounded, and close() — or any
 * failure — kills it.
 */
import { pinnedArgv, type Pin } from '../cpu/affinity.js';
import { childEnv } from '../io/child-env.js';
import { ortModulePath } from './ort.js';
import type { CellRunner, ParallelSpec } from './types.js';
import { startProtocolProcess } from './worker.js';

/** Bound on the child's start (its session creation) and on each request, in seconds. */
export const ORT_CHILD_TIMEOUT_SEC = 120;

const CHILD_SOURCE = `
'use strict';
const P = 'threadgate-worker/1';
const out = (line) => process.stdout.write(line + '\\n');
process.once('message', async (spec) => {
  process.disconnect();
  let session;
  try {
    const ort = require(spec.ortPath);
    session = await ort.InferenceSession.create(spec.model, {
      intraOpNumThreads: spec.threads, interOpNumThreads: 1, executionMode: 'sequential',
      graphOptimizationLevel: 'all', executionProviders: ['cpu'], logSeverityLevel: 3,
    });
    const feeds = {};
    for (const f of spec.feeds) {
      const t = new ort.Tensor(f.type, f.data, f.dims);
      if (f.type === 'float16' && !(t.data instanceof Uint16Array)) t.cpuData = f.data;
      feeds[f.name] = t;
    }
    out(P + ' ready ' + JSON.stringify({ threads: spec.threads, engine: null }));
    let buffer = '';
    let busy = Promise.resolve();
    const handle = async (line) => {
      if (line === 'quit') { await session.release(); process.exit(0); }
      const m = /^run (\\d+)$/.exec(line);
      if (!m) { out('error unknown request ' + JSON.stringify(line.slice(0, 80))); return; }
      const n = Number(m[1]);
      const times = new Array(n);
      for (let i = 0; i < n; i++) {
        const t0 = process.hrtime.bigint();
        await session.run(feeds);
        times[i] = String(process.hrtime.bigint() - t0);
      }
      out('ok ' + times.join(' '));
    };
    process.stdin.setEncoding('utf8');
    process.stdin.on('data', (chunk) => {
      buffer += chunk;
      let nl;
      while ((nl = buffer.indexOf('\\n')) >= 0) {
        const line = buffer.slice(0, nl).replace(/\\r$/, '');
        buffer = buffer.slice(nl + 1);
        busy = busy.then(() => handle(line)).catch((e) => {
          out('error ' + String((e && e.message) || e).replace(/\\s+/g, ' '));
        });
      }
    });
    process.stdin.on('end', () => busy.then(() => process.exit(0)));
  } catch (e) {
    out(P + ' error ' + JSON.stringify({ message: String((e && e.message) || e) }));
    process.exit(1);
  }
});
`;

export interface OrtChildOptions {
  /** For errors: the workload's label. */
  readonly label: string;
  readonly timeoutSec?: number;
  /** The environment before childEnv (default process.env). */
  readonly env?: NodeJS.ProcessEnv;
}

/** A runner for `spec` at `threads` intra-op threads, in a child pinned to `pin.cpus`. */
export async function openOrtChild(
  spec: ParallelSpec,
  threads: number,
  pin: Pin,
  opts: OrtChildOptions,
): Promise<CellRunner> {
  if (!Number.isInteger(threads) || threads < 1) {
    throw new RangeError(`intraOpNumThreads must be an integer ≥ 1, got ${threads}`);
  }
  const argv = pinnedArgv(pin, process.execPath, ['-e', CHILD_SOURCE]);
  const session = await startProtocolProcess({
    file: argv.file,
    args: argv.args,
    shell: false,
    env: childEnv(opts.env ?? process.env),
    timeoutSec: opts.timeoutSec ?? ORT_CHILD_TIMEOUT_SEC,
    shown: `${opts.label} (a duet's ONNX Runtime child on CPUs ${pin.cpus.join(',')})`,
    where: `${threads} thread${threads === 1 ? '' : 's'}`,
    setup: {
      ortPath: ortModulePath(),
      model: spec.model,
      feeds: spec.feeds.map((f) => ({ ...f, data: f.data, dims: [...f.dims] })),
      threads,
    },
  });
  return session.runner;
}
