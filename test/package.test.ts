/**
 * The npm package as a user gets it: `npm pack`, installed into an empty project, and run there
 * with `npx threadgate` (real npm, real processes, the real onnxruntime-node).
 *
 * Offline, from npm's cache: `npm ci` put every dependency's tarball there, but not the registry
 * metadata a fresh `npm install` resolves versions with. So the empty project starts with a
 * lockfile holding onnxruntime-node and its dependencies exactly as this repository's lockfile
 * has them, and `npm install --offline` takes every tarball from the cache by its integrity:
 * nothing goes to the network. Install scripts are skipped the two ways the README tells users
 * (`ONNXRUNTIME_NODE_INSTALL=skip` and `--ignore-scripts`): onnxruntime-node's postinstall would
 * otherwise try to download CUDA libraries on linux x64, and npm 11.19 still runs the install
 * scripts it has not been told about.
 *
 * Installing onnxruntime-node (~290 MB unpacked) is most of the time: pack, install and the runs
 * share one project.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { build, type Metafile } from 'esbuild';
// @ts-expect-error: plain .mjs build scripts, without type declarations
import { buildOptions } from '../scripts/build.mjs';
// @ts-expect-error: plain .mjs build scripts, without type declarations
import { thirdPartyNotices } from '../scripts/licenses.mjs';
import type { Result } from '../src/results/types.js';
import { ROOT, runProcess, type RunOutput } from './support/cli.js';
import { schemaErrors } from './support/schema.js';

interface LockEntry {
  readonly dependencies?: Record<string, string>;
  readonly optionalDependencies?: Record<string, string>;
  readonly [key: string]: unknown;
}
interface Lockfile {
  readonly packages: Record<string, LockEntry>;
}

/**
 * The lockfile entries of `name` and everything it depends on, at the paths this repository's
 * lockfile has them (resolved the way Node resolves: the nearest node_modules upwards).
 */
function lockClosure(lock: Lockfile, name: string): Record<string, LockEntry> {
  const resolve = (from: string, dep: string): string => {
    for (let base = from; ;) {
      const candidate = `${base ? `${base}/` : ''}node_modules/${dep}`;
      if (candidate in lock.packages) return candidate;
      if (base === '') throw new Error(`${dep} (needed by ${from || 'the root'}) is not locked`);
      const up = base.lastIndexOf('/node_modules/');
      base = up === -1 ? '' : base.slice(0, up);
    }
  };
  const out: Record<string, LockEntry> = {};
  const todo = [resolve('', name)];
  while (todo.length > 0) {
    const at = todo.pop()!;
    if (at in out) continue;
    // In the consumer these are dependencies of a dependency, never development ones.
    const entry = Object.fromEntries(
      Object.entries(lock.packages[at]!).filter(([k]) => k !== 'dev' && k !== 'devOptional'),
    ) as LockEntry;
    out[at] = entry;
    for (const dep of Object.keys({ ...entry.dependencies, ...entry.optionalDependencies })) {
      todo.push(resolve(at, dep));
    }
  }
  return out;
}

/** The environment of a user's shell: none of the npm_* variables `npm test` sets. */
function userEnv(): NodeJS.ProcessEnv {
  const keep = new Set(['npm_config_cache', 'npm_config_userconfig', 'npm_config_globalconfig']);
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k) || keep.has(k.toLowerCase())),
  );
  return { ...env, ONNXRUNTIME_NODE_INSTALL: 'skip', npm_config_offline: 'true' };
}

const pkg = JSON.parse(await readFile(path.join(ROOT, 'package.json'), 'utf8')) as {
  version: string;
  dependencies: Record<string, string>;
};

const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const NPX = process.platform === 'win32' ? 'npx.cmd' : 'npx';

function ok(out: RunOutput, what: string): RunOutput {
  assert.equal(out.code, 0, `${what} failed:\n${out.stdout}\n${out.stderr}`);
  return out;
}

describe('the npm package', () => {
  let dir: string;
  let project: string;
  let packed: { files: { path: string }[]; filename: string };

  before(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'threadgate-package-'));
    const env = userEnv();
    const pack = ok(
      await runProcess(NPM, ['pack', '--ignore-scripts', '--json', '--pack-destination', dir], {
        env,
        timeoutMs: 60_000,
      }),
      'npm pack',
    );
    packed = (JSON.parse(pack.stdout) as (typeof packed)[])[0]!;

    project = path.join(dir, 'consumer');
    const lock = JSON.parse(
      await readFile(path.join(ROOT, 'package-lock.json'), 'utf8'),
    ) as Lockfile;
    await mkdir(project);
    await writeFile(
      path.join(project, 'package.json'),
      JSON.stringify({ name: 'consumer', version: '1.0.0', private: true }),
    );
    await writeFile(
      path.join(project, 'package-lock.json'),
      JSON.stringify({
        name: 'consumer',
        version: '1.0.0',
        lockfileVersion: 3,
        requires: true,
        packages: {
          '': { name: 'consumer', version: '1.0.0' },
          ...lockClosure(lock, 'onnxruntime-node'),
        },
      }),
    );
    ok(
      await runProcess(
        NPM,
        [
          'install',
          '--offline',
          '--prefer-offline',
          '--ignore-scripts',
          '--no-audit',
          '--no-fund',
          path.join(dir, packed.filename),
        ],
        { cwd: project, env, timeoutMs: 120_000 },
      ),
      'npm install of the packed tarball',
    );
  });

  after(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('carries the CLI, its license and the third-party notices, and nothing else of the repository', () => {
    const files = packed.files.map((f) => f.path).sort();
    for (const f of ['LICENSE', 'README.md', 'CHANGELOG.md', 'package.json', 'bin/threadgate.js']) {
      assert.ok(files.includes(f), `${f} is in the package`);
    }
    assert.ok(files.includes('dist/cli.js') && files.includes('dist/licenses.txt'));
    assert.ok(files.includes('python/threadgate_worker.py'), 'the worker helper ships');
    const unexpected = files.filter(
      (f) =>
        !/^(LICENSE|README\.md|CHANGELOG\.md|package\.json|bin\/threadgate\.js|dist\/(cli\.js|licenses\.txt)|schema\/\w+\.schema\.json|python\/\w+\.py)$/.test(
          f,
        ),
    );
    assert.deepEqual(unexpected, [], 'no sources, tests, the action bundle or .npmrc');
  });

  it('depends on onnxruntime-node only: everything else is bundled', () => {
    assert.deepEqual(Object.keys(pkg.dependencies), ['onnxruntime-node']);
  });

  it('installs its license and the notices of every package bundled in dist/cli.js', async () => {
    const installed = path.join(project, 'node_modules/threadgate');
    assert.equal(
      await readFile(path.join(installed, 'LICENSE'), 'utf8'),
      await readFile(path.join(ROOT, 'LICENSE'), 'utf8'),
    );
    assert.match(
      await readFile(path.join(installed, 'LICENSE'), 'utf8'),
      /^MIT License\n\nCopyright \(c\) 2026 threadgate contributors\n/,
    );
    // The reference: the notices of a fresh in-memory build of the same bundles.
    const fresh = await build({ ...(buildOptions as object), write: false });
    const expected = (thirdPartyNotices as (m: Metafile, o: object) => { text: string }).call(
      null,
      fresh.metafile!,
      { root: ROOT },
    ).text;
    const shipped = await readFile(path.join(installed, 'dist/licenses.txt'), 'utf8');
    assert.equal(shipped, expected, 'dist/licenses.txt is fresh (npm run build)');
    for (const name of ['simple-statistics', 'jstat', 'onnx-proto', 'protobufjs']) {
      const { version } = JSON.parse(
        await readFile(path.join(ROOT, 'node_modules', name, 'package.json'), 'utf8'),
      ) as { version: string };
      assert.match(
        shipped,
        new RegExp(
          `^${name} ${version.replace(/\./g, '\\.')}\\nLicense: .+\\nBundled in: dist/cli\\.js`,
          'm',
        ),
      );
    }
  });

  it('npx threadgate --version prints the package version', async () => {
    const out = ok(
      await runProcess(NPX, ['threadgate', '--version'], { cwd: project, env: userEnv() }),
      'npx threadgate --version',
    );
    assert.equal(out.stdout, `${pkg.version}\n`);
    assert.doesNotMatch(out.stderr, /Unknown (project|env) config/);
  });

  it('npx threadgate worker-path finds the helper inside the installed package', async () => {
    const out = ok(
      await runProcess(NPX, ['threadgate', 'worker-path'], { cwd: project, env: userEnv() }),
      'npx threadgate worker-path',
    );
    const helper = out.stdout.trim();
    assert.ok(helper.startsWith(path.join(project, 'node_modules', 'threadgate')), helper);
    assert.ok(existsSync(helper), `${helper} exists`);
  });

  it('npx threadgate sweep measures with the installed onnxruntime-node', async () => {
    const json = path.join(project, 'r.json');
    const out = ok(
      await runProcess(
        NPX,
        [
          'threadgate',
          'sweep',
          '--sizes',
          '32',
          '--threads',
          '1',
          '--max-time',
          '2',
          '--quiet',
          '--json',
          json,
        ],
        { cwd: project, env: userEnv(), timeoutMs: 60_000 },
      ),
      'npx threadgate sweep',
    );
    assert.match(out.stdout, /^ {2}OMP_NUM_THREADS=1 /m);
    const result = JSON.parse(await readFile(json, 'utf8')) as Result;
    assert.deepEqual(schemaErrors('results.schema.json', result), []);
    const ort = JSON.parse(
      await readFile(path.join(project, 'node_modules/onnxruntime-node/package.json'), 'utf8'),
    ) as { version: string };
    assert.equal(result.runtime.onnxruntime, ort.version);
    assert.deepEqual(
      result.workloads.map((w) => [w.id, w.points.map((p) => p.threads)]),
      [['matmul:32', [1]]],
    );
  });
});
