/**
 * The data branch's size after many runs (issue 20): N saves of a default-sweep-sized results
 * file (3 workloads × 2 thread counts, 1,000 samples per cell) through the real branch store into
 * a local bare repository, as pushes to the default branch would; then the history file's size,
 * the branch's commit count (squashed past its bound) and the bare repository's size after
 * `git gc` (what GitHub would keep; unreachable pre-squash objects pruned).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { BranchBaselineStore } from '../src/baseline/branch-store.js';
import { mergeRun } from '../src/baseline/history.js';
import { renderHistoryPage } from '../src/report/history-page.js';
import { syntheticResult } from '../test/fixtures/baseline/synthetic.js';
import type { BenchContext, Section } from './types.js';

function du(dir: string): number {
  let total = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    total += e.isDirectory() ? du(p) : statSync(p).size;
  }
  return total;
}

const git = (cwd: string, ...args: string[]) =>
  execFileSync('git', ['-c', 'user.name=b', '-c', 'user.email=b@example.com', ...args], { cwd })
    .toString()
    .trim();

export const historySize: Section = {
  name: 'history-size',
  title: 'The data branch after many runs',
  async run(ctx: BenchContext) {
    const runs = ctx.quick ? 100 : 1000;
    const root = path.join(ctx.dir, 'size');
    const origin = path.join(root, 'origin.git');
    const ws = path.join(root, 'ws');
    mkdirSync(root, { recursive: true });
    git(root, 'init', '-q', '--bare', '-b', 'main', origin);
    git(root, 'clone', '-q', origin, ws);
    git(ws, 'commit', '-q', '--allow-empty', '-m', 'init');
    git(ws, 'push', '-q', 'origin', 'main');
    const workloads = ['matmul:256', 'matmul:1024', 'matmul:1x4096x4096'].map((id, i) => ({
      id,
      cells: [1, 2].map((threads) => ({ threads, medianNs: ((i + 1) * 1e5) / threads })),
    }));
    const t0 = performance.now();
    for (let i = 0; i < runs; i++) {
      if (i % 100 === 0) ctx.log(`history-size: save ${i + 1}/${runs}`);
      const result = syntheticResult({
        seed: i,
        samples: 1000,
        workloads,
        createdAt: new Date(Date.UTC(2026, 0, 1) + i * 3_600_000).toISOString(),
      });
      const store = new BranchBaselineStore({
        workspace: ws,
        branch: 'threadgate-data',
        fingerprint: result.machine.fingerprint,
        scope: 'k.bench',
        tempDir: path.join(root, 'tmp'),
        pageFiles: (docs) => ({ 'index.html': renderHistoryPage(docs) }),
      });
      const saved = await store.save(
        (stored) => mergeRun(stored, result, { sha: `${i}`.padStart(40, '0') }).baseline,
      );
      if (!saved.saved) throw new Error(`save ${i} failed: ${saved.detail ?? ''}`);
    }
    const seconds = (performance.now() - t0) / 1000;
    const commits = git(origin, 'rev-list', '--count', 'threadgate-data');
    const files = git(origin, 'ls-tree', '-r', '-l', 'threadgate-data')
      .split('\n')
      .map((l) => l.split(/\s+/))
      .map((f) => `${f[4]} ${(Number(f[3]) / 1024).toFixed(0)} KiB`);
    git(origin, 'gc', '-q', '--prune=now');
    const size = du(origin);
    return {
      summary: [
        `${runs} saves in ${seconds.toFixed(0)} s (${((seconds / runs) * 1000).toFixed(0)} ms each): the branch has ${commits} commits (squashed past 200); its files: ${files.join(', ')}`,
        `the bare repository after git gc: ${(size / 2 ** 20).toFixed(1)} MiB (main's one empty commit included)`,
      ],
    };
  },
};
