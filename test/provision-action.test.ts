/**
 * The bundled action (dist/index.js) provisioning onnxruntime-node where a `container:` job runs
 * it: a copy of the action without node_modules, a PATH holding only `node` (no npm, no tar), an
 * empty tool cache, the registry a local stand-in serving the real pinned tarballs (from npm's
 * cache). Under Node 24, the action's runtime (`runs.using: node24`; from the `node`
 * devDependency): a runner never runs the bundle under another Node. And the failures: each reported with what to do, and the process exits right after reporting it.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ORT_COMMON_INTEGRITY, ORT_NODE_INTEGRITY, ORT_VERSION } from '../src/provision/index.js';
import {
  copyActionWithoutNodeModules,
  node24,
  pathWithOnlyNode,
  runActionProcess,
  type ActionProcessRun,
  type NodeBinary,
} from './support/action-process.js';
import { ROOT } from './support/cli.js';
import {
  cachedTarball,
  closedPort,
  startNpmRegistry,
  type NpmRegistry,
} from './support/npm-registry.js';
import { setUpFile } from './support/hooks.js';

/** A sweep as short as the action allows: one small cell, one thread count. */
const QUICK = {
  sizes: '48',
  threads: '1',
  'max-time': '2',
  baseline: 'none',
  comment: 'never',
  'github-token': '',
};

/** "Exits right after the error": a hang lasts until the job's timeout; this is seconds. */
const EXIT_AFTER_ERROR_MS = 5_000;

const nodes: [string, NodeBinary | undefined][] = [['Node 24', node24()]];
const dist = join(ROOT, 'dist', 'index.js');

function skipReason(label: string, node: NodeBinary | undefined): string | false {
  if (!existsSync(dist)) return 'dist/index.js is not built (npm run build)';
  // In CI (.ci/run installs Node 24 with npm run setup:node24) a missing Node is a failure, not
  // a skip: the action runs on node24 and must be tested there.
  if (node === undefined && process.env['CI']) return false;
  if (node === undefined) {
    return `no ${label}: the node@24 devDependency has no binary until \`npm run setup:node24\` (its install script is skipped, as every one is)`;
  }
  return false;
}

function show(run: ActionProcessRun): string {
  return `exit ${String(run.code)}\n--- stdout\n${run.stdout}\n--- stderr\n${run.stderr}`;
}

/** The step failed with an error, and the process ended promptly after printing it. */
function assertFailedAndExited(run: ActionProcessRun): void {
  assert.equal(run.killed, false, `the process hung and was killed\n${show(run)}`);
  assert.equal(run.code, 1, show(run));
  assert.ok(run.errorAtMs !== undefined, `no ::error:: line\n${show(run)}`);
  const lingered = run.exitAtMs - run.errorAtMs;
  assert.ok(
    lingered < EXIT_AFTER_ERROR_MS,
    `the process lived ${lingered.toFixed(0)} ms after reporting the error`,
  );
}

let registry: NpmRegistry | undefined;
let noTarballs = '';
const dirs: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'threadgate-provision-action-'));
  dirs.push(d);
  return d;
};

async function startRegistry(): Promise<void> {
  const node = await cachedTarball('onnxruntime-node', ORT_VERSION, ORT_NODE_INTEGRITY);
  const common = await cachedTarball('onnxruntime-common', ORT_VERSION, ORT_COMMON_INTEGRITY);
  if (node === undefined || common === undefined) {
    noTarballs = "the pinned tarballs are not in npm's cache (run npm ci first)";
    return;
  }
  registry = await startNpmRegistry({
    packages: [
      { name: 'onnxruntime-node', version: ORT_VERSION, tarball: node },
      { name: 'onnxruntime-common', version: ORT_VERSION, tarball: common },
    ],
  });
}

setUpFile(startRegistry, async () => {
  await registry?.stop();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

for (const [label, node] of nodes) {
  describe(`${label}${node ? ` (${node.version})` : ''}`, { skip: skipReason(label, node) }, () => {
    test(`a ${label} binary is there`, () => {
      assert.ok(node, `no ${label} found (CI runs npm run setup:node24 for Node 24)`);
    });
    test('no node_modules, only node on PATH, empty tool cache: provisions from the registry and sweeps', async (t) => {
      if (registry === undefined) {
        t.skip(noTarballs);
        return;
      }
      const dir = tempDir();
      const before = registry.requests.length;
      const run = await runActionProcess({
        node: node!.path,
        actionDir: copyActionWithoutNodeModules(dir),
        dir: join(dir, 'runner'),
        path: pathWithOnlyNode(dir, node!.path),
        inputs: { ...QUICK, registry: registry.url },
      });
      assert.equal(run.code, 0, show(run));
      assert.match(
        run.stdout,
        new RegExp(
          `onnxruntime-node ${ORT_VERSION} \\(${process.platform}/${process.arch}\\) from registry in`,
        ),
      );
      assert.equal(run.outputs['recommended-threads'], '1');
      assert.match(run.summary, /matmul:48/);
      assert.equal(registry.requests.length - before, 4);
      assert.ok(
        existsSync(
          join(dir, 'runner', 'tool-cache', 'onnxruntime-node', ORT_VERSION, process.arch),
        ),
      );
    });

    test('an unreachable registry fails within the minute with the ways out, and the process exits', async () => {
      const dir = tempDir();
      const url = `http://127.0.0.1:${await closedPort()}/`;
      const run = await runActionProcess({
        node: node!.path,
        actionDir: copyActionWithoutNodeModules(dir),
        dir: join(dir, 'runner'),
        path: pathWithOnlyNode(dir, node!.path),
        inputs: { ...QUICK, registry: url },
        timeoutMs: 120_000,
      });
      assertFailedAndExited(run);
      assert.ok(run.exitAtMs < 60_000, `${run.exitAtMs} ms`);
      const error = /^::error::(.*)$/m.exec(run.stdout)?.[1] ?? '';
      assert.ok(
        error.startsWith(
          `threadgate: error (not a regression): could not download onnxruntime-node@${ORT_VERSION} ` +
            `from the npm registry ${url} (from registry): GET ${url}onnxruntime-node failed`,
        ),
        error,
      );
      for (const way of [
        '`registry` input',
        '`onnxruntime-path`',
        "pre-seed the runner's tool cache",
      ]) {
        assert.ok(error.includes(way), way);
      }
      assert.match(run.summary, /## threadgate: onnxruntime-node could not be provisioned/);
      assert.match(run.summary, /no onnxruntime-node 1\.30\.0 \(\w+\) in the tool cache/);
    });
  });
}

describe(
  'Node 24: failures in a job without npm',
  { skip: skipReason('Node 24', nodes[0]![1]) },
  () => {
    const node = nodes[0]![1]!;

    test('a registry that wants credentials, and no npm to try: reported, and the process exits (was a 600 s hang)', async () => {
      const dir = tempDir();
      const locked = await startNpmRegistry({ packages: [], token: 'secret' });
      try {
        const run = await runActionProcess({
          node: node.path,
          actionDir: copyActionWithoutNodeModules(dir),
          dir: join(dir, 'runner'),
          path: pathWithOnlyNode(dir, node.path),
          inputs: { ...QUICK, registry: locked.url },
          timeoutMs: 120_000,
        });
        assertFailedAndExited(run);
        assert.match(
          run.stdout,
          /::error::.*HTTP 401.*npm pack did not help either: could not run npm .*ENOENT/,
        );
      } finally {
        await locked.stop();
      }
    });

    test("a pull request's .npmrc naming its own registry gets no token sent there (issue 18)", async () => {
      const dir = tempDir();
      const attacker = await startNpmRegistry({ packages: [], token: 'anything' });
      const token = 'ghs_inputGitHubToken0000000000000000000';
      try {
        const host = new URL(attacker.url).host;
        mkdirSync(join(dir, 'runner', 'workspace'), { recursive: true });
        writeFileSync(
          join(dir, 'runner', 'workspace', '.npmrc'),
          `registry=${attacker.url}\n//${host}/:_authToken=\${INPUT_GITHUB-TOKEN}\n`,
        );
        const run = await runActionProcess({
          node: node.path,
          actionDir: copyActionWithoutNodeModules(dir),
          dir: join(dir, 'runner'),
          path: pathWithOnlyNode(dir, node.path),
          inputs: { ...QUICK, 'github-token': token },
          timeoutMs: 120_000,
        });
        assert.ok(attacker.requests.length > 0, 'the registry was asked');
        for (const h of attacker.headers) {
          assert.equal(h.authorization, undefined);
          assert.ok(!JSON.stringify(h).includes(token));
        }
        assertFailedAndExited(run);
        assert.match(run.stdout, /::error::.*HTTP 401/);
        assert.match(run.stdout, /the checkout's \.npmrc chose this registry: no credentials/);
      } finally {
        await attacker.stop();
      }
    });

    test('a bad onnxruntime-path names the input; nothing is downloaded', async () => {
      const dir = tempDir();
      const run = await runActionProcess({
        node: node.path,
        actionDir: copyActionWithoutNodeModules(dir),
        dir: join(dir, 'runner'),
        path: pathWithOnlyNode(dir, node.path),
        inputs: { ...QUICK, 'onnxruntime-path': 'vendor/ort', registry: 'http://127.0.0.1:9/' },
        timeoutMs: 120_000,
      });
      assertFailedAndExited(run);
      assert.match(
        run.stdout,
        /::error::threadgate: error \(not a regression\): onnxruntime-path: got "vendor\/ort"; expected a directory holding onnxruntime-node 1\.30\.0 .*vendor\/ort does not exist/,
      );
      assert.doesNotMatch(run.stdout, /fetching onnxruntime-node/);
    });
  },
);
