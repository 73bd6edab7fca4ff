/** Helpers shared by the bench sections: child processes, files, rates with their CIs. */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BaselineDocument } from '../src/baseline/history.js';
import type { Result } from '../src/results/types.js';
import type { SweepSettings } from '../src/settings/settings.js';
import type { GateVerdict } from './gate.js';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const BIN = path.join(ROOT, 'bin/threadgate.js');
export const MLP = path.join(ROOT, 'test/fixtures/models/mlp.onnx');
export const FIXTURES = path.join(ROOT, 'bench/fixtures');

export interface ProcessOutput {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly seconds: number;
}

export function runProcess(
  command: string,
  args: readonly string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv; timeoutMs?: number } = {},
): Promise<ProcessOutput> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(command, args, {
      cwd: options.cwd ?? ROOT,
      env: options.env ?? process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 900_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, seconds: (performance.now() - t0) / 1000 });
    });
  });
}

/** `threadgate ARGS` (the built CLI, dist/cli.js) as a separate process, like a CI job. */
export async function threadgate(args: readonly string[]): Promise<ProcessOutput> {
  const out = await runProcess(process.execPath, [BIN, ...args]);
  if (out.code !== 0 && out.code !== 1) {
    throw new Error(
      `threadgate ${args.join(' ')} exited with ${String(out.code)}:\n${out.stderr}${out.stdout}`,
    );
  }
  return out;
}

export function readJson<T>(file: string): T {
  return JSON.parse(readFileSync(file, 'utf8')) as T;
}

/** `threadgate sweep ARGS --json FILE --quiet`, read back. */
export async function sweepResult(args: readonly string[], file: string): Promise<Result> {
  await threadgate(['sweep', ...args, '--json', file, '--quiet']);
  return readJson<Result>(file);
}

/** The candidate models of bench/fixtures/make_models.py, generated when missing. */
export async function candidateModel(hidden: number): Promise<string> {
  const file = path.join(FIXTURES, 'models', `mlp_h${hidden}.onnx`);
  if (!existsSync(file)) {
    const out = await runProcess('/usr/bin/python3', [path.join(FIXTURES, 'make_models.py')]);
    if (out.code !== 0 || !existsSync(file)) {
      throw new Error(
        `bench/fixtures/make_models.py failed (needs /usr/bin/python3 with onnx and numpy):\n${out.stderr}`,
      );
    }
  }
  return file;
}

/** Wilson score 95 % interval of a proportion k/n. */
export function wilson(k: number, n: number, z = 1.959964): [number, number] {
  if (n === 0) return [0, 1];
  const p = k / n;
  const den = 1 + (z * z) / n;
  const centre = (p + (z * z) / (2 * n)) / den;
  const half = (z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n))) / den;
  return [Math.max(0, centre - half), Math.min(1, centre + half)];
}

export function pct(x: number, digits = 1): string {
  return `${(x * 100).toFixed(digits)} %`;
}

/** "3/100 = 3.0 % (95 % CI 1.0–8.5 %)". */
export function rate(k: number, n: number): string {
  if (n === 0) return '– (no cases)';
  const [lo, hi] = wilson(k, n);
  return `${k}/${n} = ${pct(k / n)} (95 % CI ${(lo * 100).toFixed(1)}–${pct(hi)})`;
}

export function quantile(xs: readonly number[], q: number): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const pos = (s.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return s[lo]! + (s[hi]! - s[lo]!) * (pos - lo);
}

/** "+1.2 %" / "−3.4 %" for a ratio. */
export function signedPct(ratio: number, digits = 1): string {
  const d = (ratio - 1) * 100;
  return `${d >= 0 ? '+' : '−'}${Math.abs(d).toFixed(digits)} %`;
}

/** Fisher–Yates with a seeded generator. */
export function shuffled<T>(xs: readonly T[], rand: () => number): T[] {
  const out = [...xs];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** What bench/stored-run.ts is asked to do (JSON on its command line). */
export interface StoredRunSpec {
  /** The sweep, as the action would run it (the seed is drawn in the child). */
  readonly settings: SweepSettings;
  /** Baseline documents to gate against, by name. */
  readonly baselines: readonly { readonly name: string; readonly file: string }[];
  readonly resultFile: string;
  readonly verdictFile: string;
}

export interface StoredRunOutput {
  readonly result: Result;
  /** Per baseline name, one verdict per RULE_VARIANTS entry (the first is the default rule). */
  readonly verdicts: Record<string, readonly GateVerdict[]>;
  readonly seconds: number;
}

/**
 * One stored-baseline run as a separate process doing what the action does: sweep, gate against
 * each baseline (written to files here), confirm a suspected regression in the same process.
 */
export async function storedRun(
  settings: SweepSettings,
  baselines: Record<string, BaselineDocument | null>,
  prefix: string,
): Promise<StoredRunOutput> {
  const list: { name: string; file: string }[] = [];
  for (const [name, doc] of Object.entries(baselines)) {
    if (doc === null) continue;
    const file = `${prefix}.baseline-${name}.json`;
    writeFileSync(file, JSON.stringify(doc));
    list.push({ name, file });
  }
  const spec: StoredRunSpec = {
    settings,
    baselines: list,
    resultFile: `${prefix}.json`,
    verdictFile: `${prefix}.verdicts.json`,
  };
  const out = await runProcess(process.execPath, [
    '--import',
    'tsx',
    path.join(ROOT, 'bench/stored-run.ts'),
    '--spec',
    JSON.stringify(spec),
  ]);
  if (out.code !== 0) throw new Error(`bench/stored-run.ts failed:\n${out.stderr}${out.stdout}`);
  const { verdicts } = readJson<{ verdicts: Record<string, GateVerdict[]> }>(spec.verdictFile);
  return { result: readJson<Result>(spec.resultFile), verdicts, seconds: out.seconds };
}
