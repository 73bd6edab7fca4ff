/**
 * Progress on stderr: a bar redrawn in place on a terminal (fitted to its width, the line
 * cleared before each redraw), plain lines otherwise (CI logs: the first, one per tenth of the
 * budget, and the last).
 */
import type { SweepProgress } from '../measure/sweep.js';

/** Seconds for a progress line: one decimal below 10 s, whole seconds above ("0.4", "3", "14"). */
export function progressSeconds(sec: number): string {
  const s = Math.max(0, sec);
  return s < 9.95 ? s.toFixed(1).replace(/\.0$/, '') : s.toFixed(0);
}

/** The words of a progress line, without the bar: "round 3 · 2/4 cells at target · 5.1/14 s". */
export function progressText(p: SweepProgress): string {
  const step = p.phase === 'measure' ? `round ${p.round}` : p.phase;
  const where =
    p.block === undefined
      ? `${step} · ${p.cellsDone}/${p.cellsTotal} cells at target`
      : `block ${p.block} · ${step}`;
  return `${where} · ${progressSeconds(p.elapsedSec)}/${progressSeconds(p.budgetSec)} s`;
}

const BAR_WIDTH = 24;
const MIN_BAR_WIDTH = 6;
/** ESC[2K clears the whole line, wherever the cursor is; \r goes back to its start. */
const CLEAR_LINE = '\r\x1b[2K';

/** `line` cut to `columns - 1` characters (the last column would wrap on some terminals). */
function fit(line: string, columns: number): string {
  const room = Math.max(1, columns - 1);
  return line.length <= room ? line : `${line.slice(0, Math.max(0, room - 1))}…`;
}

export function createProgressReporter(
  stream: NodeJS.WritableStream & { isTTY?: boolean; columns?: number },
): (p: SweepProgress) => void {
  let lastStep = -1;
  return (p) => {
    const fraction = p.budgetSec > 0 ? Math.min(1, Math.max(0, p.elapsedSec / p.budgetSec)) : 1;
    const text = progressText(p);
    if (stream.isTTY) {
      if (p.phase === 'done') {
        stream.write(CLEAR_LINE);
        return;
      }
      const columns = stream.columns !== undefined && stream.columns > 0 ? stream.columns : 80;
      // The words matter more than the bar: on a narrow terminal the bar shrinks, then goes.
      const width = Math.min(BAR_WIDTH, columns - 1 - text.length - 3);
      const filled = Math.round(fraction * width);
      const line =
        width >= MIN_BAR_WIDTH
          ? `[${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${text}`
          : text;
      stream.write(`${CLEAR_LINE}${fit(line, columns)}`);
      return;
    }
    const step = Math.floor(fraction * 10);
    if (p.phase === 'done' || step > lastStep) {
      lastStep = step;
      stream.write(`threadgate: ${text}\n`);
    }
  };
}
