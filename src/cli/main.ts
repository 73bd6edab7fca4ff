/**
 * The CLI entry: dispatch a subcommand and turn its outcome into an exit code.
 * 0 pass / no-baseline / inconclusive, 1 regression, 2 error (bad input or failure to run).
 */
import { describeError, isUserError } from '../errors.js';
import { TOOL_VERSION } from '../version.js';
import { sweepCommand } from './sweep.js';

const USAGE = `threadgate ${TOOL_VERSION} — how many threads should CPU inference use here, and did it get slower?

Usage:
  threadgate sweep   [--sizes LIST] [--threads LIST|auto] [--max-time SECONDS] [--json FILE]
                     [--seed N] [--precision PERCENT] [--tolerance PERCENT] [--quiet]
  threadgate compare --baseline FILE --current FILE [--threshold PERCENT] [--json FILE]
  threadgate --help | --version

  --sizes      MatMul shapes: N (square) or MxKxN, comma-separated (default 256,1024,1x4096x4096)
  --threads    thread counts to sweep (default auto: 1, 2, 4, … and the usable CPUs)
  --max-time   time budget for the whole sweep in seconds (default 60)
  --json       write the results JSON (schemaVersion 1) to FILE

Exit codes: 0 pass / no baseline / inconclusive, 1 regression, 2 error.`;

type Command = (argv: readonly string[]) => Promise<number>;

async function loadCommand(name: string): Promise<Command | undefined> {
  switch (name) {
    case 'sweep':
      return sweepCommand;
    case 'compare':
      return (await import('./compare.js')).compareCommand;
    default:
      return undefined;
  }
}

export async function main(argv: readonly string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(USAGE + '\n');
    return name === undefined ? 2 : 0;
  }
  if (name === '--version' || name === '-v') {
    process.stdout.write(`${TOOL_VERSION}\n`);
    return 0;
  }
  try {
    const command = await loadCommand(name);
    if (!command) {
      process.stderr.write(
        `threadgate: unknown command "${name}"; expected sweep or compare (see threadgate --help)\n`,
      );
      return 2;
    }
    if (rest.includes('--help') || rest.includes('-h')) {
      process.stdout.write(USAGE + '\n');
      return 0;
    }
    return await command(rest);
  } catch (e) {
    if (isUserError(e)) {
      process.stderr.write(`threadgate: error: ${e.message}\n`);
    } else {
      process.stderr.write(`threadgate: internal error (please report it): ${describeError(e)}\n`);
      if (process.env['THREADGATE_DEBUG'] && e instanceof Error && e.stack)
        process.stderr.write(e.stack + '\n');
    }
    return 2;
  }
}
