/**
 * The release a user can follow (issue 21, item 1): the version in package.json has its
 * CHANGELOG section and is the major the README's `uses: …@vN` names; release.yml checks the
 * tag, dist/ and the tests before it creates the release, publishes to npm with provenance and
 * moves the major tag; its notes extraction (run here, the workflow's own awk) yields the
 * section; and `npm publish --dry-run` of this checkout packs the CLI and the worker helper
 * (against a registry on 127.0.0.1 that is not there: nothing leaves the machine).
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { parse } from 'yaml';
import { ROOT } from './support/cli.js';

const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
  version: string;
};
const changelog = readFileSync(path.join(ROOT, 'CHANGELOG.md'), 'utf8');
const workflow = readFileSync(path.join(ROOT, '.github/workflows/release.yml'), 'utf8');
const release = parse(workflow) as {
  permissions: Record<string, string>;
  jobs: {
    release: {
      steps: { name?: string; run?: string; uses?: string; env?: Record<string, string> }[];
    };
  };
};
const steps = release.jobs.release.steps;

/** The environment without npm's own run variables and the test runner's (a child npm in it hangs). */
function cleanEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(
    Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k) && k !== 'NODE_TEST_CONTEXT'),
  );
}

describe('the release', () => {
  it('package.json, CHANGELOG and the README name the same release', () => {
    assert.match(pkg.version, /^\d+\.\d+\.\d+$/);
    assert.match(
      changelog,
      new RegExp(`^## \\[${pkg.version.replace(/\./g, '\\.')}\\] - \\d{4}-\\d{2}-\\d{2}$`, 'm'),
    );
    const major = pkg.version.split('.')[0];
    const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const uses = [...readme.matchAll(/uses: threadgate\/threadgate@(v\d+)/g)].map((m) => m[1]);
    assert.ok(uses.length > 0);
    assert.deepEqual([...new Set(uses)], [`v${major}`]);
  });

  it('release.yml checks before it releases, publishes with provenance, then moves the major tag', () => {
    const at = (re: RegExp) => steps.findIndex((s) => re.test(`${s.name ?? ''} ${s.run ?? ''}`));
    const checks = [
      /name the same version/,
      /dist\/ must be built/,
      /npm run typecheck/,
      /npm run lint/,
      /npm test/,
    ].map(at);
    const create = at(/gh release create/);
    const publish = at(/npm publish --provenance/);
    const move = at(/Move the major tag/);
    for (const c of checks) assert.ok(c >= 0 && c < create, 'every check runs before the release');
    assert.ok(create < publish && publish < move, 'release, then npm, then the major tag');
    assert.equal(release.permissions['id-token'], 'write', 'provenance needs an OIDC token');
    assert.equal(steps[publish]!.env?.['NODE_AUTH_TOKEN'], '${{ secrets.NPM_TOKEN }}');
  });

  it("the workflow's notes extraction yields this version's section", () => {
    const script = /awk -v v="\$version" '([\s\S]*?)' CHANGELOG\.md/.exec(workflow)?.[1];
    assert.ok(script, 'the awk program is in release.yml');
    const notes = execFileSync('awk', ['-v', `v=${pkg.version}`, script, 'CHANGELOG.md'], {
      cwd: ROOT,
    }).toString();
    assert.match(notes, /### Security/);
    assert.match(notes, /### Added/);
    assert.doesNotMatch(notes, /^## \[/m, 'only this section');
  });

  it('npm publish --dry-run packs the CLI, its notices and the worker helper', () => {
    const cwd = mkdtempSync(path.join(os.tmpdir(), 'threadgate-publish-'));
    // execFileSync: npm's own children keep the pipes of an async spawn open under the runner.
    const stdout = execFileSync(
      'npm',
      [
        'publish',
        '--dry-run',
        '--ignore-scripts',
        '--json',
        // Offline: npm would look the version up in the registry first.
        '--offline',
        '--registry',
        'http://127.0.0.1:9/',
        ROOT,
      ],
      { cwd, env: cleanEnv(), timeout: 60_000, stdio: ['ignore', 'pipe', 'ignore'] },
    ).toString();

    const packed = JSON.parse(stdout) as Record<
      string,
      { version: string; files: { path: string }[] }
    >;
    assert.equal(packed['threadgate']?.version, pkg.version);
    const files = packed['threadgate']!.files.map((f) => f.path);
    for (const f of [
      'dist/cli.js',
      'dist/licenses.txt',
      'bin/threadgate.js',
      'python/threadgate_worker.py',
      'LICENSE',
    ]) {
      assert.ok(files.includes(f), `${f} is published`);
    }
    assert.ok(
      !files.some((f) => f.startsWith('src/') || f === 'dist/index.js'),
      'no sources, no action bundle',
    );
  });
});
