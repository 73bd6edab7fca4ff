// npm test: node:test over test/*.test.ts, with two things that only change how fast it runs, on Node 24 (below).
//  - The longest files first (measured one by one, see LONGEST), so that none of them starts
//    last and runs alone at the end. `node --test a b c` sorts the files it is given by name,
//    which undid that order (measured on 2026-12-03: worker.test.ts started at 96 s and ran
//    alone for its last 13 s), so the whole suite goes through run() from node:test, which
//    keeps the order it is given, with the spec reporter on standard output.
//  - V8's compile cache for every Node process the tests start (NODE_COMPILE_CACHE, Node ≥ 22):
//    the tests start the bundled CLI and action, and Node children, hundreds of times, and
//    parsing the same bundle each time was a large share of the suite's CPU. The cache is keyed
//    by each file's contents, so a rebuilt bundle is parsed afresh.
// The tests run on Node 24, the action's runtime (`runs.using: node24`), from the `node`
// devDependency: started on an older Node (a fresh `npm ci`, whose .npmrc skips install scripts,
// leaves that package without its binary), this script first runs `npm run setup:node24` once,
// bounded, and then runs itself on that binary; if that fails it says so and goes on here.
// With arguments (a file, or flags such as --test-name-pattern=… or --test-reporter=…) they are
// passed on to `node --test` as they are, in its own order; so is a run on Node < 24 (its run()
// lacks the execArgv that loads tsx into each file's process, or the summary event), in name order.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { run } from 'node:test';
import { spec } from 'node:test/reporters';
import { fileURLToPath } from 'node:url';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const major = Number(process.versions.node.split('.')[0]);

const node24 = path.join(root, 'node_modules', 'node', 'bin', 'node');
if (major < 24) {
  if (!existsSync(node24)) {
    console.error(
      `npm test: this is Node ${process.versions.node}; installing Node 24, the action's runtime, for the tests (npm run setup:node24)`,
    );
    const setup = spawnSync('npm', ['run', 'setup:node24'], {
      cwd: root,
      stdio: 'inherit',
      timeout: 300_000,
    });
    if (setup.status !== 0 || !existsSync(node24)) {
      console.error(
        `npm test: Node 24 could not be installed (${setup.error?.message ?? `exit ${setup.status}`}); the tests run on Node ${process.versions.node}, in name order`,
      );
    }
  }
  if (existsSync(node24)) {
    const bin = path.join(root, 'node_modules', '.bin');
    const again = spawnSync(node24, [fileURLToPath(import.meta.url), ...process.argv.slice(2)], {
      cwd: root,
      stdio: 'inherit',
      // Children that run `node` from PATH get Node 24 too.
      env: { ...process.env, PATH: `${bin}${path.delimiter}${process.env['PATH'] ?? ''}` },
    });
    process.exit(again.status ?? 1);
  }
}
// Longest first, by the wall time of each file run alone (2 vCPUs, 2026-12-03: action 31 s,
// worker 19 s, actions-cache-server 13 s, action-cache and throughput 10 s, cli-conventions 9 s,
// provision and provision-action 8 s, the rest 7 s or less).
const LONGEST = [
  'action',
  'worker',
  'actions-cache-server',
  'action-cache',
  'throughput',
  'cli-conventions',
  'provision',
  'provision-action',
  'cli-user-workloads',
  'command-workload',
  'package',
  'cli-sweep',
  'action-branch',
  'branch-store',
  'cli-baseline',
].map((name) => path.join(root, 'test', `${name}.test.ts`));

// A file per CPU. Measured on 2 vCPUs: one more (3) was ~10 % faster, but tests with tight
// budgets then failed now and then (a budget that ran out before a throughput split).
const concurrency = Math.max(2, os.availableParallelism());
process.env['NODE_COMPILE_CACHE'] ??= path.join(root, 'node_modules', '.cache', 'node-compile');

const all = readdirSync(path.join(root, 'test'))
  .filter((f) => f.endsWith('.test.ts'))
  .map((f) => path.join(root, 'test', f));
const files = [
  ...LONGEST.filter((f) => all.includes(f)),
  ...all.filter((f) => !LONGEST.includes(f)).sort(),
];

const args = process.argv.slice(2);
if (args.length > 0 || major < 24) {
  const result = spawnSync(
    process.execPath,
    [
      '--import',
      'tsx',
      '--test',
      `--test-concurrency=${concurrency}`,
      ...args,
      ...(args.some((a) => !a.startsWith('-')) ? [] : files),
    ],
    { cwd: root, stdio: 'inherit' },
  );
  process.exit(result.status ?? 1);
}

// Failed until the run's own summary says it succeeded: a runner that dies early fails too.
process.exitCode = 1;
const stream = run({ files, concurrency, execArgv: ['--import', 'tsx'], cwd: root });
stream.on('test:summary', (summary) => {
  if (summary.file === undefined) process.exitCode = summary.success ? 0 : 1;
});
stream.compose(spec).pipe(process.stdout);
