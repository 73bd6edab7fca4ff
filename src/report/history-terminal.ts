/** `threadgate baseline show` in the terminal: the runs, then each cell's run medians. */

import type { HistorySummary } from '../baseline/summary.js';
import { formatNs, formatPercent, textTable } from './format.js';

/**
 * Text from the file without control characters (a history is data anyone with write access to
 * the cache or the file may have edited; an escape sequence must not reach the terminal).
 */
export function terminalText(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, ' ');
}

/** A row of medians in one unit, e.g. "612.3 598.1 – 640.0 µs". */
function medianRow(medians: readonly (number | null)[]): string {
  const present = medians.filter((m): m is number => m !== null);
  const unit = formatNs(Math.max(...present)).split(' ')[1] ?? 'ns';
  const scale = { ns: 1, µs: 1e3, ms: 1e6, s: 1e9 }[unit] ?? 1;
  const digits = Math.max(...present) / scale >= 100 ? 1 : 2;
  return `${medians.map((m) => (m === null ? '–' : (m / scale).toFixed(digits))).join(' ')} ${unit}`;
}

export function renderHistory(summary: HistorySummary, fileName: string): string {
  const m = summary.machine;
  const n = summary.runs.length;
  const out = [
    `History ${terminalText(fileName)}: ${n} run${n === 1 ? '' : 's'}, oldest first; machine ` +
      `${terminalText(
        `${m.os} ${m.arch}, ${m.cpuModel}, ${m.availableCpus} usable CPUs, ` +
          `${m.physicalCores} physical cores${m.onnxruntime ? `, onnxruntime ${m.onnxruntime}` : ''}`,
      )}; ` +
      `fingerprint ${terminalText(summary.fingerprint)}`,
    '',
    textTable(
      ['#', 'date', 'ref', 'sha'],
      summary.runs.map((r, i) => [
        String(i + 1),
        terminalText(r.createdAt),
        r.ref === null ? '–' : terminalText(r.ref),
        r.sha === null ? '–' : terminalText(r.sha.slice(0, 12)),
      ]),
      ['r', 'l', 'l', 'l'],
    ),
    '',
    'Run medians per cell (runs #1 … #' + n + ', newest last; range = slowest / fastest − 1):',
    '',
    textTable(
      ['workload', 'threads', 'runs', 'range', 'medians'],
      summary.cells.map((c) => {
        const present = c.mediansNs.filter((x): x is number => x !== null);
        return [
          terminalText(c.workload),
          String(c.threads),
          String(present.length),
          formatPercent(Math.max(...present) / Math.min(...present) - 1),
          medianRow(c.mediansNs),
        ];
      }),
      ['l', 'r', 'r', 'r', 'l'],
    ),
  ];
  return out.join('\n');
}
