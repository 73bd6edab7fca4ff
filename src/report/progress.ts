/** Progress on stderr: a bar redrawn in place on a terminal, plain lines otherwise. */
import type { SweepProgress } from '../measure/sweep.js';

export function createProgressReporter(
  stream: NodeJS.WritableStream & { isTTY?: boolean; columns?: number },
): (p: SweepProgress) => void {
  let lastLine = -1;
  return (p) => {
    const fraction = Math.min(1, p.elapsedSec / p.budgetSec);
    const text = `${p.phase === 'measure' ? `round ${p.round}` : p.phase} · ${p.cellsDone}/${p.cellsTotal} cells at target · ${p.elapsedSec.toFixed(0)}/${p.budgetSec} s`;
    if (stream.isTTY) {
      const width = 24;
      const filled = Math.round(fraction * width);
      stream.write(`\r[${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${text}\x1b[K`);
      if (p.phase === 'done') stream.write('\r\x1b[K');
      return;
    }
    const step = Math.floor(fraction * 10);
    if (p.phase === 'done' || p.phase !== 'measure' || step > lastLine) {
      lastLine = step;
      stream.write(`threadgate: ${text}\n`);
    }
  };
}
