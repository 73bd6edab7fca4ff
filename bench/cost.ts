/**
 * Cost of the whole default action run, split by phase: the action bundled from the current
 * sources (esbuild, as scripts/build.mjs does) into a temporary copy with action.yml and no
 * node_modules, so step 1 of provisioning (own node_modules) fails and, with an empty tool cache
 * and no Actions cache service, onnxruntime-node's pinned tarballs are downloaded from the
 * registry npm would use (src/provision; this machine's network decides how fast). Run as a runner would
 * (test/support/runner.ts) on a pull_request event, default inputs except the baseline, which is
 * a file holding the history of this sitting's default runs (the cache service does not exist
 * here), talking to the local GitHub API stand-in for the sticky comment.
 *
 * Run twice: from an empty tool cache, then (same runner directory) with the tool cache the first
 * run filled. Phases come from the action's log: one `threadgate phase NAME: S s` line per phase
 * (src/action/run.ts). "start-up" is the rest of the process's wall time: Node, loading the
 * bundle, and exiting.
 */
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { mergeRun, type BaselineDocument } from '../src/baseline/history.js';
import type { Result } from '../src/results/types.js';
import { startGitHubServer } from '../test/support/github-server.js';
import { pullRequestEvent, runBundledAction } from '../test/support/runner.js';
import type { BenchContext, Section } from './types.js';
import { quantile, readJson, ROOT, sweepResult } from './util.js';

const PHASES = ['provision', 'sweep', 'compare', 'report'] as const;

export const cost: Section = {
  name: 'cost',
  title: 'Cost of the whole default action run, by phase (provisioning from an empty tool cache)',
  async run(ctx: BenchContext) {
    const dir = path.join(ctx.dir, 'cost');
    const actionDir = path.join(dir, 'action');
    mkdirSync(path.join(actionDir, 'dist'), { recursive: true });
    copyFileSync(path.join(ROOT, 'action.yml'), path.join(actionDir, 'action.yml'));
    await build({
      entryPoints: [path.join(ROOT, 'src/action.ts')],
      outfile: path.join(actionDir, 'dist/index.js'),
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      external: ['onnxruntime-node'],
      banner: {
        js: "import { createRequire as __tgCreateRequire } from 'node:module'; const require = __tgCreateRequire(import.meta.url);",
      },
      legalComments: 'none',
      logLevel: 'warning',
    });

    // The baseline: this sitting's default runs (recommend), or one made now.
    const files = ctx.shared.defaultRuns ?? [];
    const results: Result[] =
      files.length > 0
        ? files.map((f) => readJson<Result>(f))
        : [await sweepResult([], path.join(dir, 'default-run.json'))];
    let doc: BaselineDocument | null = null;
    for (const r of results.slice(-20)) doc = mergeRun(doc, r).baseline;
    const baselineFile = path.join(dir, 'baseline.json');
    writeFileSync(baselineFile, JSON.stringify(doc));

    const server = await startGitHubServer({ repos: [{ owner: 'octo-org', repo: 'octo-repo' }] });
    const runs: ActionTiming[] = [];
    try {
      // The first run finds an empty tool cache; the second, in the same runner directory, the
      // copy the first one saved there (what a later job on the same runner would see).
      for (let i = 0; i < 2; i++) {
        const t0 = performance.now();
        const run = await runBundledAction({
          inputs: { 'github-token': 'ghs_bench', baseline: `file:${baselineFile}` },
          event: pullRequestEvent(),
          apiUrl: server.url,
          actionDir,
          dir: path.join(dir, 'runner'),
          // This machine's trust and proxy settings, as a runner configured for its network
          // has them (here a TLS-intercepting proxy whose CA only NODE_EXTRA_CA_CERTS names).
          env: networkEnv(),
        });
        const wall = (performance.now() - t0) / 1000;
        if (run.code !== 0 && run.code !== 1) {
          throw new Error(`the action failed (${String(run.code)}):\n${run.stdout}\n${run.stderr}`);
        }
        runs.push(timing(run.stdout, wall, run.outputs['verdict'] ?? '?'));
      }
    } finally {
      await server.stop();
    }
    const [cold, warm] = runs as [ActionTiming, ActionTiming];
    const row = (name: string, f: (t: ActionTiming) => number) => [
      name,
      ...runs.flatMap((t) => [f(t).toFixed(1), `${((100 * f(t)) / t.wall).toFixed(0)} %`]),
    ];
    const sweeps = results.map((r) => r.elapsedSec);
    return {
      summary: [
        `the action bundled from src/ into a temporary copy with action.yml and no node_modules, run twice as a runner runs it (pull_request; no Actions cache service; a local GitHub API stand-in for the comment), default inputs except \`baseline: file:\` (the history of ${results.length} default run(s) of this sitting); verdicts ${cold.verdict}, ${warm.verdict}`,
        `run 1, empty RUNNER_TOOL_CACHE: onnxruntime-node from ${cold.source} in ${cold.sourceSeconds} s (the pinned tarballs fetched from the registry npm would use, here through this machine's proxy, integrity-checked, unpacked and pruned); run 2, same runner: from ${warm.source} in ${warm.sourceSeconds} s`,
        `**whole default run: ${cold.wall.toFixed(1)} s wall from an empty tool cache** (provision ${cold.phases.get('provision')!.toFixed(1)} s, sweep ${cold.phases.get('sweep')!.toFixed(1)} s, compare ${cold.phases.get('compare')!.toFixed(1)} s, report ${cold.phases.get('report')!.toFixed(1)} s, start-up ${cold.startup.toFixed(1)} s); ${warm.wall.toFixed(1)} s with the tool cache filled`,
        `the sweep phase is what varies: the ${sweeps.length} default-budget \`threadgate sweep\` runs of this sitting took ${Math.min(...sweeps).toFixed(1)}–${Math.max(...sweeps).toFixed(1)} s (median ${quantile(sweeps, 0.5).toFixed(1)} s): a sweep stops when every cell is at ±2 %, which a noisy 2-thread cell may not reach before the 60 s budget`,
        `phases: provision = inputs, CPU probe, onnxruntime-node; sweep = sessions, warm-up, measurement; compare = results file, baseline load, gate (with the confirmation sweep when a regression is suspected), comparison file; report = outputs, comment, job summary; start-up = the rest of the wall time (Node, loading the bundle, exit)`,
      ],
      table: {
        header: [
          'phase',
          'run 1: seconds',
          'run 1: share',
          'run 2 (tool cache): seconds',
          'run 2: share',
        ],
        rows: [
          ...PHASES.map((p) => row(p, (t) => t.phases.get(p)!)),
          row('start-up', (t) => t.startup),
          row('**total (wall)**', (t) => t.wall),
        ],
      },
    };
  },
};

interface ActionTiming {
  readonly wall: number;
  readonly phases: Map<string, number>;
  readonly startup: number;
  readonly source: string;
  readonly sourceSeconds: string;
  readonly verdict: string;
}

function timing(stdout: string, wall: number, verdict: string): ActionTiming {
  const phases = new Map<string, number>();
  for (const m of stdout.matchAll(/threadgate phase (\w+): ([\d.]+) s/g)) {
    phases.set(m[1]!, Number(m[2]));
  }
  const missing = PHASES.filter((p) => !phases.has(p));
  if (missing.length > 0) {
    throw new Error(`no "threadgate phase" line for ${missing.join(', ')} in:\n${stdout}`);
  }
  const source = /onnxruntime-node from ([\w-]+) in ([\d.]+) s/.exec(stdout);
  const sum = PHASES.reduce((s, p) => s + phases.get(p)!, 0);
  return {
    wall,
    phases,
    startup: wall - sum,
    source: source?.[1] ?? '?',
    sourceSeconds: source?.[2] ?? '?',
    verdict,
  };
}

/** The variables through which a runner's network is configured, as set here. */
function networkEnv(): NodeJS.ProcessEnv {
  const names = [
    'NODE_EXTRA_CA_CERTS',
    'HTTPS_PROXY',
    'https_proxy',
    'HTTP_PROXY',
    'http_proxy',
    'NO_PROXY',
    'no_proxy',
  ];
  return Object.fromEntries(names.flatMap((n) => (process.env[n] ? [[n, process.env[n]]] : [])));
}
