/**
 * `threadgate worker-path` and `threadgate init-worker`: where the Python worker helper is, and a
 * copy of it with an example next to the user's code.
 */
import { copyFile, lstat } from 'node:fs/promises';
import path from 'node:path';
import { InputError, invalid } from '../errors.js';
import { fsWords } from '../results/io.js';
import { helperDir } from '../workloads/worker.js';
import { parseFlags, type OptionSpec } from './args.js';

export const WORKER_PATH_HELP = `threadgate worker-path — print where the Python worker helper is

Usage:
  threadgate worker-path [--dir]

Prints the path of threadgate_worker.py (the worker protocol for Python: your setup and your
call, nothing else). threadgate puts its folder on PYTHONPATH for every --worker it starts, so
\`from threadgate_worker import serve\` works without copying it; with --dir, prints the folder.`;

export const INIT_WORKER_HELP = `threadgate init-worker — copy the Python worker helper and an example into a folder

Usage:
  threadgate init-worker [DIR]

Writes DIR/threadgate_worker.py and DIR/threadgate_example_worker.py (default DIR: the current
folder); refuses to overwrite a file. Then:
  threadgate sweep --worker "python3 DIR/threadgate_example_worker.py" --threads 1,2`;

const PATH_OPTIONS = { dir: { type: 'boolean' } } as const satisfies OptionSpec;

export async function workerPathCommand(argv: readonly string[]): Promise<number> {
  const v = parseFlags('worker-path', argv, PATH_OPTIONS);
  const dir = helperDir();
  process.stdout.write(`${v.dir === true ? dir : path.join(dir, 'threadgate_worker.py')}\n`);
  return 0;
}

export async function initWorkerCommand(argv: readonly string[]): Promise<number> {
  if (argv.length > 1 || argv.some((a) => a.startsWith('-'))) {
    throw invalid(
      'init-worker',
      argv.join(' '),
      'at most one folder, e.g. threadgate init-worker .',
    );
  }
  const target = argv[0] ?? '.';
  try {
    if (!(await lstat(target)).isDirectory()) throw new Error('not a folder');
  } catch {
    throw invalid('init-worker', target, 'an existing folder');
  }
  const from = helperDir();
  const files = [
    ['threadgate_worker.py', 'threadgate_worker.py'],
    ['example_worker.py', 'threadgate_example_worker.py'],
  ] as const;
  for (const [source, name] of files) {
    const to = path.join(target, name);
    try {
      // COPYFILE_EXCL: never overwrite what is there.
      await copyFile(path.join(from, source), to, 1);
    } catch (e) {
      throw new InputError(`init-worker: cannot write ${to} (${fsWords(e)}); expected a new file`);
    }
    process.stdout.write(`wrote ${to}\n`);
  }
  process.stdout.write(
    `next: threadgate sweep --worker "python3 ${path.join(target, 'threadgate_example_worker.py')}" --threads 1,2\n`,
  );
  return 0;
}
