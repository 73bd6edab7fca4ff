/** Small, shared number formatting for the terminal and markdown reports. */
import type { Result, WorkloadResult } from '../results/types.js';

/** 612345 → "612.3 µs"; picks ns, µs, ms or s. */
export function formatNs(ns: number): string {
  if (!Number.isFinite(ns)) return String(ns);
  const abs = Math.abs(ns);
  if (abs < 1e3) return `${ns.toFixed(0)} ns`;
  if (abs < 1e6) return `${(ns / 1e3).toPrecision(4)} µs`;
  if (abs < 1e9) return `${(ns / 1e6).toPrecision(4)} ms`;
  return `${(ns / 1e9).toPrecision(4)} s`;
}

/** A CI as "608.1–615.0 µs" in the unit of its upper end. */
export function formatRange(lo: number, hi: number): string {
  const unit = formatNs(hi).split(' ')[1] ?? 'ns';
  const scale = { ns: 1, µs: 1e3, ms: 1e6, s: 1e9 }[unit] ?? 1;
  const digits = hi / scale >= 100 ? 1 : hi / scale >= 10 ? 2 : 3;
  return `${(lo / scale).toFixed(digits)}–${(hi / scale).toFixed(digits)} ${unit}`;
}

/** 0.0712 → "7.1 %". */
export function formatPercent(x: number, digits = 1): string {
  return `${(x * 100).toFixed(digits)} %`;
}

/** 0.0712 → "+7.1 %", -0.05 → "−5.0 %". */
export function formatSignedPercent(x: number, digits = 1): string {
  const s = (Math.abs(x) * 100).toFixed(digits);
  return `${x >= 0 ? '+' : '−'}${s} %`;
}

export function padStart(s: string, width: number): string {
  return s.length >= width ? s : ' '.repeat(width - s.length) + s;
}

export function padEnd(s: string, width: number): string {
  return s.length >= width ? s : s + ' '.repeat(width - s.length);
}

/** Render rows as an aligned text table; `align` per column ('l' | 'r'). */
export function textTable(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  align: readonly ('l' | 'r')[],
): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => (align[i] === 'r' ? padStart(c, widths[i]!) : padEnd(c, widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((w) => '─'.repeat(w))), ...rows.map(line)].join('\n');
}

/** What a workload of the result ran in, when a worker said (e.g. "torch 2.5.1, OpenMP"). */
export function engineText(result: Result): string | null {
  const w = result.workloads.find((x) => x.engine);
  if (!w?.engine) return null;
  const e = w.engine;
  const reported = w.points.filter((p) => p.runtimeThreads != null).map((p) => p.runtimeThreads);
  return (
    `${e.name} ${e.version}${e.parallelBackend ? `, parallel backend ${e.parallelBackend}` : ''}` +
    (reported.length > 0
      ? `; thread counts as ${e.name} reported them: ${reported.join(', ')}`
      : '')
  );
}

/** The workload runs as the user's own program (a command or a worker): it is run with the count. */
export function runsAsProgram(w: WorkloadResult | undefined): w is WorkloadResult {
  return w?.kind === 'command' || w?.kind === 'worker';
}
