/**
 * The third-party notices (scripts/licenses.mjs): real esbuild bundles of real packages, read
 * from esbuild's metafile. The package's own files are the reference: its package.json for the
 * version and license, its LICENSE file for the text.
 */
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { build, type Metafile } from 'esbuild';
// @ts-expect-error: a plain .mjs build script, without type declarations
import { packageDirOf, thirdPartyNotices } from '../scripts/licenses.mjs';
import { ROOT } from './support/cli.js';

interface Notices {
  readonly text: string;
  readonly packages: { name: string; version: string; license: string; outputs: string[] }[];
}
const notices = thirdPartyNotices as (m: Metafile, o?: { root?: string }) => Notices;
const dirOf = packageDirOf as (input: string) => string | null;

/** Bundle `source` (resolved from `cwd`) in memory and return esbuild's metafile. */
async function bundle(source: string, cwd = ROOT): Promise<Metafile> {
  const result = await build({
    stdin: { contents: source, resolveDir: cwd, loader: 'js' },
    absWorkingDir: cwd,
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile: 'out/bundle.js',
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  return result.metafile;
}

const packageJson = async (dir: string) =>
  JSON.parse(await readFile(path.join(ROOT, 'node_modules', dir, 'package.json'), 'utf8')) as {
    version: string;
    license?: string;
    licenses?: { type: string }[];
  };

describe('third-party notices', () => {
  it('names each bundled package with its version, license and LICENSE text', async () => {
    const meta = await bundle(
      "import { median } from 'simple-statistics'; import jstat from 'jstat'; console.log(median([1]), jstat);",
    );
    const { text, packages } = notices(meta, { root: ROOT });
    const ss = await packageJson('simple-statistics');
    const js = await packageJson('jstat');
    assert.deepEqual(packages, [
      // jstat declares its license in the old `licenses: [{ type }]` form.
      {
        name: 'jstat',
        version: js.version,
        license: js.licenses![0]!.type,
        outputs: ['out/bundle.js'],
      },
      {
        name: 'simple-statistics',
        version: ss.version,
        license: ss.license,
        outputs: ['out/bundle.js'],
      },
    ]);
    const license = await readFile(
      path.join(ROOT, 'node_modules/simple-statistics/LICENSE'),
      'utf8',
    );
    assert.ok(
      text.includes(
        `simple-statistics ${ss.version}\nLicense: ISC\nBundled in: out/bundle.js\n\n--- LICENSE ---\n\n${license.trimEnd()}\n`,
      ),
    );
    assert.match(text, /^Third-party software bundled in out\/bundle\.js\n2 packages/);
  });

  it('says so when a package publishes no license file (@nodable/entities 3 ships none)', async () => {
    const meta = await bundle("import * as e from '@nodable/entities'; console.log(e);");
    const { text, packages } = notices(meta, { root: ROOT });
    assert.deepEqual(
      packages.map((p) => p.name),
      ['@nodable/entities'],
    );
    assert.match(text, /^The package ships no license file; its package\.json declares MIT\.$/m);
    assert.match(text, /^Repository: \S+github\.com\/nodable\//m);
  });

  it('refuses a bundled package that declares no license', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'threadgate-licenses-'));
    try {
      await mkdir(path.join(dir, 'node_modules/nolicense'), { recursive: true });
      await writeFile(
        path.join(dir, 'node_modules/nolicense/package.json'),
        JSON.stringify({ name: 'nolicense', version: '1.0.0', main: 'index.js' }),
      );
      await writeFile(path.join(dir, 'node_modules/nolicense/index.js'), 'module.exports = 42;');
      const meta = await bundle("import x from 'nolicense'; console.log(x);", dir);
      assert.throws(() => notices(meta, { root: dir }), /nolicense@1\.0\.0 declares no license/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('finds the package folder of an input path', () => {
    assert.equal(dirOf('src/cli.ts'), null);
    assert.equal(dirOf('node_modules/jstat/dist/jstat.js'), 'node_modules/jstat');
    assert.equal(dirOf('node_modules/@actions/core/lib/core.js'), 'node_modules/@actions/core');
    assert.equal(
      dirOf(
        'node_modules/@azure/core-http-compat/node_modules/@azure/core-rest-pipeline/dist/esm/index.js',
      ),
      'node_modules/@azure/core-http-compat/node_modules/@azure/core-rest-pipeline',
    );
    assert.equal(dirOf('node_modules\\debug\\src\\index.js'), 'node_modules/debug');
  });
});
