/**
 * ONNX Runtime sessions in a child process of their own, pinned to a CPU set: one side of a
 * same-job duet (src/measure/duet.ts) for the built-in MatMul and the user's model. In-process it
 * cannot be done: `session.run` is synchronous and blocks its thread, so two sessions measured at
 * the same time need two threads, and ONNX Runtime's intra-op threads cannot be pinned per
 * session from Node. A process can: the threads a session starts inherit the affinity of the
 * thread that creates them.
 *
 * The child is Node itself (`process.execPath -e CHILD_SOURCE`, CommonJS evaluated from a string,
 * as the throughput workers are: nothing separate to bundle, so it works from dist/ and from the
 * sources under tsx alike), started under `taskset -c`. It loads the same onnxruntime-node
 * (ortModulePath), receives the model bytes and inputs (the workload's ParallelSpec) over an IPC
 * channel, says it is ready in the worker protocol (src/workloads/worker.ts), and then answers
 * on stdin/stdout:
 *
 *     open {…} → ok          a fresh session with these options (sessionOptions(T), as JSON)
 *     run N    → ok T1 … TN  each `await session.run(feeds)` timed as in-process calls are
 *     close    → ok          the session released (its threads end)
 *     quit                   (or stdin closes)
 *
 * Starting Node and loading ONNX Runtime takes ~0.3 s, more than a duet block's measurement, so
 * a side keeps its child from block to block (OrtChildPool) while every block still opens a
 * fresh session in it: before each `open` the whole process is pinned again (`taskset -a -p -c`)
 * to the CPUs that block gives its side. The child gets the sanitized environment (childEnv),
 * every wait is bounded, and dispose() — or any failure — kills it.
 */
import { spawnSync } from 'node:child_process';
import { pinnedArgv, type Pin } from '../cpu/affinity.js';
import { WorkloadError } from '../errors.js';
import { childEnv } from '../io/child-env.js';
import { plainText } from '../report/text.js';
import { BUILD_FEEDS_SOURCE, ortModulePath, sessionOptions } from './ort.js';
import type { CellRunner, ParallelSpec } from './types.js';
import { startProtocolProcess, type Session } from './worker.js';

/** Bound on the child's start, on opening a session and on each request, in seconds. */
export const ORT_CHILD_TIMEOUT_SEC = 120;

const CHILD_SOURCE = `
'use strict';
const P = 'threadgate-worker/1';
const out = (line) => process.stdout.write(line + '\\n');
${BUILD_FEEDS_SOURCE}
process.once('message', (spec) => {
  process.disconnect();
  let ort, feeds, session = null;
  try {
    ort = require(spec.ortPath);
    feeds = buildFeeds(ort, spec.feeds);
  } catch (e) {
    out(P + ' error ' + JSON.stringify({ message: String((e && e.message) || e) }));
    process.exit(1);
  }
  out(P + ' ready ' + JSON.stringify({ threads: null, engine: null }));
  const release = async () => { if (session) { const s = session; session = null; await s.release(); } };
  const handle = async (line) => {
    if (line === 'quit') { await release(); process.exit(0); }
    let m = /^open (\\{.*\\})$/.exec(line);
    if (m) {
      await release();
      session = await ort.InferenceSession.create(spec.model, JSON.parse(m[1]));
      return 'ok';
    }
    if (line === 'close') { await release(); return 'ok'; }
    m = /^run (\\d+)$/.exec(line);
    if (!m) return 'error unknown request ' + JSON.stringify(line.slice(0, 80));
    if (!session) return 'error no session is open';
    const n = Number(m[1]);
    const times = new Array(n);
    for (let i = 0; i < n; i++) {
      const t0 = process.hrtime.bigint();
      await session.run(feeds);
      times[i] = String(process.hrtime.bigint() - t0);
    }
    return 'ok ' + times.join(' ');
  };
  let buffer = '';
  let busy = Promise.resolve();
  process.stdin.setEncoding('utf8');
  process.stdin.on('data', (chunk) => {
    buffer += chunk;
    let nl;
    while ((nl = buffer.indexOf('\\n')) >= 0) {
      const line = buffer.slice(0, nl).replace(/\\r$/, '');
      buffer = buffer.slice(nl + 1);
      busy = busy
        .then(() => handle(line))
        .then((answer) => out(answer), (e) => out('error ' + String((e && e.message) || e).replace(/\\s+/g, ' ')));
    }
  });
  process.stdin.on('end', () => busy.then(release).then(() => process.exit(0)));
});
`;

export interface OrtChildOptions {
  /** For errors: the workload's label. */
  readonly label: string;
  readonly timeoutSec?: number;
  /** The environment before childEnv (default process.env). */
  readonly env?: NodeJS.ProcessEnv;
}

/**
 * One duet side's ONNX Runtime children: open() gives a runner on a fresh session in a child
 * pinned to `pin.cpus`, reusing an idle child when there is one; the runner's close() releases
 * the session and keeps the child for the next block. dispose() kills every child.
 */
export class OrtChildPool {
  private readonly idle: Session[] = [];
  private readonly all = new Set<Session>();
  private disposed = false;

  constructor(
    private readonly spec: ParallelSpec,
    private readonly opts: OrtChildOptions,
  ) {}

  async open(threads: number, pin: Pin): Promise<CellRunner> {
    if (!Number.isInteger(threads) || threads < 1) {
      throw new RangeError(`intraOpNumThreads must be an integer ≥ 1, got ${threads}`);
    }
    if (this.disposed) throw new Error('this pool of ONNX Runtime children was disposed');
    const where = `${threads} thread${threads === 1 ? '' : 's'} on CPUs ${pin.cpus.join(',')}`;
    const child = this.idle.pop() ?? (await this.start(pin, where));
    try {
      repin(child, pin, this.opts.label);
      const options = JSON.stringify(sessionOptions(threads));
      expectOk(await child.ask(`open ${options}`, 'to open a session'), this.opts.label, where);
    } catch (e) {
      await this.kill(child);
      throw e;
    }
    let closed = false;
    return {
      call: () => child.runner.call(),
      callMany: (n: number) => child.runner.callMany!(n),
      close: async () => {
        if (closed) return;
        closed = true;
        try {
          expectOk(await child.ask('close', 'to close its session'), this.opts.label, where);
        } catch {
          await this.kill(child);
          return;
        }
        if (this.disposed) await this.kill(child);
        else this.idle.push(child);
      },
    };
  }

  /** Kill every child, idle or not. */
  async dispose(): Promise<void> {
    this.disposed = true;
    this.idle.length = 0;
    await Promise.allSettled([...this.all].map((c) => this.kill(c)));
  }

  private async start(pin: Pin, where: string): Promise<Session> {
    const argv = pinnedArgv(pin, process.execPath, ['-e', CHILD_SOURCE]);
    const session = await startProtocolProcess({
      file: argv.file,
      args: argv.args,
      shell: false,
      env: childEnv(this.opts.env ?? process.env),
      timeoutSec: this.opts.timeoutSec ?? ORT_CHILD_TIMEOUT_SEC,
      shown: `${this.opts.label} (a duet's ONNX Runtime child)`,
      where,
      setup: {
        ortPath: ortModulePath(),
        model: this.spec.model,
        feeds: this.spec.feeds.map((f) => ({ ...f, data: f.data, dims: [...f.dims] })),
      },
    });
    this.all.add(session);
    return session;
  }

  private async kill(child: Session): Promise<void> {
    this.all.delete(child);
    await child.close();
  }
}

/** Pin every thread of the child to `pin.cpus` (the threads it starts next inherit it). */
function repin(child: Session, pin: Pin, label: string): void {
  if (child.pid === undefined) throw new WorkloadError(`${label}: its duet child has no process`);
  const r = spawnSync(pin.taskset, ['-a', '-p', '-c', pin.cpus.join(','), String(child.pid)], {
    env: childEnv(),
    stdio: ['ignore', 'ignore', 'pipe'],
    timeout: 10_000,
    encoding: 'utf8',
  });
  if (r.status !== 0) {
    const why = r.error ? r.error.message : plainText((r.stderr ?? '').trim(), 300);
    throw new WorkloadError(
      `${label}: could not pin its duet child to CPUs ${pin.cpus.join(',')} (taskset: ${why || `exit ${r.status}`})`,
    );
  }
}

function expectOk(answer: string, label: string, where: string): void {
  if (answer !== 'ok') {
    throw new WorkloadError(
      `${label} (a duet's ONNX Runtime child) at ${where}: it answered ${JSON.stringify(plainText(answer, 300))}; expected "ok"`,
    );
  }
}
