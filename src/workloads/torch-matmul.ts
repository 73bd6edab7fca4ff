/**
 * The built-in MatMul in PyTorch (`--engine torch`): the same shapes as the ONNX Runtime MatMul,
 * each run by a worker (python/threadgate_matmul.py through the worker protocol), so that
 * OMP_NUM_THREADS is recommended from an OpenMP runtime, where it acts.
 *
 * Before anything is measured, a Python with PyTorch is looked for (`--python`, else
 * THREADGATE_PYTHON, else `python3` on PATH, else /usr/bin/python3) and its version and parallel
 * backend read: they name the engine in the results and in the machine's fingerprint, so a
 * PyTorch history is never compared with an ONNX Runtime one, nor with another PyTorch build.
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { InputError } from '../errors.js';
import { childEnv } from '../io/child-env.js';
import { plainText } from '../report/text.js';
import { matmulFlops, type MatMulShape } from './matmul-model.js';
import { matmulId, matmulLabel } from './matmul.js';
import type { EngineInfo, Workload } from './types.js';
import { createWorkerWorkload, helperDir } from './worker.js';

export interface TorchPython {
  /** The Python executable that imports torch. */
  readonly python: string;
  readonly engine: EngineInfo;
  /** The engine as the fingerprint names it, e.g. "torch 2.5.1 OpenMP". */
  readonly fingerprint: string;
}

const PROBE = [
  'import json, torch',
  'info = torch.__config__.parallel_info()',
  'backend = next((l.split(":", 1)[1].strip() for l in info.splitlines() if l.startswith("ATen parallel backend:")), "")',
  'print(json.dumps({"version": str(torch.__version__), "parallelBackend": backend}))',
].join('\n');

/** How long importing torch may take (a cold import on a slow runner takes several seconds). */
const PROBE_TIMEOUT_MS = 120_000;

/** The first Python of the candidates that imports torch; InputError saying how to get one. */
export async function findTorchPython(explicit?: string): Promise<TorchPython> {
  const candidates = [
    ...(explicit ? [explicit] : []),
    ...(!explicit && process.env['THREADGATE_PYTHON'] ? [process.env['THREADGATE_PYTHON']] : []),
    ...(!explicit
      ? ['python3', ...(process.platform === 'win32' ? ['python'] : ['/usr/bin/python3'])]
      : []),
  ];
  const tried: string[] = [];
  for (const python of [...new Set(candidates)]) {
    const out = await probe(python);
    if (typeof out === 'string') {
      tried.push(`${python}: ${out}`);
      continue;
    }
    const engine: EngineInfo = {
      name: 'torch',
      version: out.version,
      ...(out.parallelBackend ? { parallelBackend: out.parallelBackend } : {}),
    };
    return {
      python,
      engine,
      fingerprint: `torch ${out.version}${out.parallelBackend ? ` ${out.parallelBackend}` : ''}`,
    };
  }
  throw new InputError(
    `--engine torch: no Python with PyTorch found (${tried.join('; ')}); expected PyTorch ` +
      'installed for one of them (pip install torch, or on Debian/Ubuntu apt-get install ' +
      'python3-torch), or --python PATH naming the Python that has it',
  );
}

function probe(python: string): Promise<{ version: string; parallelBackend: string } | string> {
  return new Promise((resolve) => {
    execFile(
      python,
      ['-c', PROBE],
      { env: childEnv(), timeout: PROBE_TIMEOUT_MS, maxBuffer: 1 << 20, windowsHide: true },
      (error, stdout, stderr) => {
        if (error) {
          const code = (error as NodeJS.ErrnoException).code;
          if (code === 'ENOENT') return resolve('not found');
          const last = plainText(stderr.trim().split('\n').pop() ?? '', 200);
          return resolve(
            /No module named .?torch/.test(stderr)
              ? 'no module named torch'
              : last || error.message,
          );
        }
        try {
          const v = JSON.parse(stdout.trim().split('\n').pop() ?? '') as {
            version?: unknown;
            parallelBackend?: unknown;
          };
          if (typeof v.version !== 'string') return resolve('printed no torch version');
          resolve({
            version: plainText(v.version, 100),
            parallelBackend:
              typeof v.parallelBackend === 'string' ? plainText(v.parallelBackend, 100) : '',
          });
        } catch {
          resolve(`printed ${JSON.stringify(plainText(stdout, 80))}`);
        }
      },
    );
  });
}

/**
 * Products per call: small shapes are repeated in one call so that a call takes about a
 * millisecond or more at ~10 GFLOP/s (Python's call overhead is a few µs; the timer's is less).
 */
export function torchOpsPerCall(shape: MatMulShape): number {
  const target = 1e7; // FLOPs
  let ops = 1;
  while (ops < 1024 && ops * matmulFlops(shape) < target) ops *= 2;
  return ops;
}

/** One worker workload per shape, each a process per session running the helper's MatMul. */
export function createTorchMatMulWorkloads(
  shapes: readonly MatMulShape[],
  torch: TorchPython,
  opts: { seed: number; timeoutSec?: number },
): Workload[] {
  const script = path.join(helperDir(), 'threadgate_matmul.py');
  return shapes.map((shape) => {
    const ops = torchOpsPerCall(shape);
    const seed = (opts.seed >>> 0) % 2 ** 31;
    const command = [torch.python, script, shape.m, shape.k, shape.n, seed, ops]
      .map((a) => shellQuote(String(a)))
      .join(' ');
    return createWorkerWorkload(
      { command, ...(opts.timeoutSec !== undefined ? { timeoutSec: opts.timeoutSec } : {}) },
      {
        id: matmulId(shape),
        kind: 'matmul',
        label: `${matmulLabel(shape)}, PyTorch ${torch.engine.version}`,
        opsPerCall: ops,
        flopsPerOp: matmulFlops(shape),
        engine: 'torch',
      },
    );
  });
}

function shellQuote(s: string): string {
  if (/^[A-Za-z0-9_./:=+-]+$/.test(s)) return s;
  return process.platform === 'win32'
    ? `"${s.replace(/"/g, '""')}"`
    : `'${s.replace(/'/g, `'\\''`)}'`;
}
