/**
 * The CLI entry: dispatch a subcommand and turn its outcome into an exit code.
 * 0 pass / no-baseline / inconclusive, 1 regression, 2 error (bad input or failure to run).
 * Each command's help text lives next to its option spec (SWEEP_HELP, COMPARE_HELP, …).
 */
import { describeError, InputError, isUserError } from '../errors.js';
import { closest } from './args.js';
import { TOOL_VERSION } from '../version.js';

const USAGE = `threadgate ${TOOL_VERSION} — how many threads should CPU inference use here, and did it get slower?

Usage:
  threadgate sweep    [--sizes LIST] [-t|--threads LIST|auto] [--max-time SECONDS]
                      [-j|--json FILE|-] [--model FILE --input-shape NAME=DIMS …]
                      [--command "CMD"] [--worker "CMD"] [--engine onnxruntime|torch]
                      [-q|--quiet] …
  threadgate compare  -b|--baseline FILE -c|--current FILE [--threshold PERCENT]
                      [-j|--json FILE|-] …
  threadgate baseline add  --history FILE --result FILE [--keep N] [--ref R] [--sha S] [--force]
  threadgate baseline show --history FILE [-j|--json]
  threadgate baseline changes --history FILE [--json]
  threadgate report   -c|--current FILE [-b|--baseline FILE | --comparison FILE] [-o|--out FILE] …
  threadgate worker-path [--dir]
  threadgate init-worker [DIR]
  threadgate help [COMMAND] | --help | --version

Commands:
  sweep      measure latency across thread counts, recommend OMP_NUM_THREADS
  compare    decide pass / regression / inconclusive / no-baseline against a baseline
  baseline   keep a baseline history in a file (CI systems other than GitHub Actions)
  report     the markdown report of the pull-request comment, for any CI
  worker-path   where the Python worker helper is (for --worker)
  init-worker   copy the Python worker helper and an example into a folder

threadgate COMMAND --help (or threadgate help COMMAND) shows all of a command's options.
A JSON flag given - (--json -) writes the JSON to standard output, and the tables go to
standard error. Colour on a terminal only; NO_COLOR=1 turns it off, FORCE_COLOR=1 forces it.

Exit codes: 0 pass / no baseline / inconclusive, 1 regression, 2 error.`;

const COMMANDS = ['sweep', 'compare', 'baseline', 'report', 'worker-path', 'init-worker'] as const;

interface Command {
  readonly run: (argv: readonly string[]) => Promise<number>;
  readonly help: string;
}

async function loadCommand(name: string): Promise<Command | undefined> {
  switch (name) {
    case 'sweep': {
      const m = await import('./sweep.js');
      return { run: m.sweepCommand, help: m.SWEEP_HELP };
    }
    case 'compare': {
      const m = await import('./compare.js');
      return { run: m.compareCommand, help: m.COMPARE_HELP };
    }
    case 'baseline': {
      const m = await import('./baseline.js');
      return { run: m.baselineCommand, help: m.BASELINE_HELP };
    }
    case 'report': {
      const m = await import('./report.js');
      return { run: m.reportCommand, help: m.REPORT_HELP };
    }
    case 'worker-path': {
      const m = await import('./worker.js');
      return { run: m.workerPathCommand, help: m.WORKER_PATH_HELP };
    }
    case 'init-worker': {
      const m = await import('./worker.js');
      return { run: m.initWorkerCommand, help: m.INIT_WORKER_HELP };
    }
    default:
      return undefined;
  }
}

function unknownCommand(name: string): InputError {
  const guess = closest(name, [...COMMANDS, 'help']);
  return new InputError(
    `unknown command ${JSON.stringify(name)}; ` +
      (guess !== undefined
        ? `did you mean "${guess}"? (see threadgate --help)`
        : `expected one of ${COMMANDS.join(', ')} (see threadgate --help)`),
  );
}

export async function main(argv: readonly string[]): Promise<number> {
  const [name, ...rest] = argv;
  // No arguments is a usage error: the usage goes to standard error, exit 2. Asked for, it is
  // the output: standard output, exit 0.
  if (name === undefined) {
    process.stderr.write(USAGE + '\n');
    return 2;
  }
  if (name === '--version' || name === '-v') {
    process.stdout.write(`${TOOL_VERSION}\n`);
    return 0;
  }
  try {
    if (name === '--help' || name === '-h' || name === 'help') {
      // threadgate help COMMAND is threadgate COMMAND --help.
      const topic = name === 'help' ? rest[0] : undefined;
      const command =
        topic === undefined || topic === 'help' ? undefined : await loadCommand(topic);
      if (topic !== undefined && topic !== 'help' && command === undefined) {
        throw unknownCommand(topic);
      }
      process.stdout.write((command?.help ?? USAGE) + '\n');
      return 0;
    }
    const command = await loadCommand(name);
    if (!command) throw unknownCommand(name);
    if (rest.includes('--help') || rest.includes('-h')) {
      process.stdout.write(command.help + '\n');
      return 0;
    }
    return await command.run(rest);
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
