/**
 * ensureDirWithin (src/io/confined-dir.ts) on real folders and links: the report bundle's folder
 * never leads out of the workspace. The bundled action's case is in test/action.test.ts.
 */
import assert from 'node:assert/strict';
import { lstat, mkdir, mkdtemp, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { ConfinedDirError, ensureDirWithin } from '../src/io/confined-dir.js';
import { setUpFile } from './support/hooks.js';

let dir: string;
let workspace: string;
let outside: string;
setUpFile(
  async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'threadgate-confined-'));
    workspace = path.join(dir, 'workspace');
    outside = path.join(dir, 'outside');
    await mkdir(workspace);
    await mkdir(outside);
  },
  () => rm(dir, { recursive: true, force: true }),
);

describe('ensureDirWithin', () => {
  it('makes the missing folders inside the workspace, one level at a time', async () => {
    const made = await ensureDirWithin(path.join(workspace, 'a/b/c'), workspace);
    assert.equal(made, path.join(workspace, 'a/b/c'));
    assert.ok((await lstat(made)).isDirectory());
  });

  it('follows a link that stays inside the workspace', async () => {
    await mkdir(path.join(workspace, 'real'));
    await symlink(path.join(workspace, 'real'), path.join(workspace, 'alias'));
    await ensureDirWithin(path.join(workspace, 'alias/sub'), workspace);
    assert.ok((await lstat(path.join(workspace, 'real/sub'))).isDirectory());
  });

  const refused: [string, () => Promise<string>, RegExp][] = [
    [
      'a link out of the workspace',
      async () => {
        await symlink(outside, path.join(workspace, 'out'));
        return 'out/bundle';
      },
      /^out is a symbolic link to a place outside the workspace$/,
    ],
    [
      'a link out, deeper down',
      async () => {
        await mkdir(path.join(workspace, 'x/y'), { recursive: true });
        await symlink('../../../outside', path.join(workspace, 'x/y/z'));
        return 'x/y/z';
      },
      /^x\/y\/z is a symbolic link to a place outside the workspace$/,
    ],
    [
      'a link inside that points at a link out',
      async () => {
        await symlink(outside, path.join(workspace, 'hop1'));
        await symlink(path.join(workspace, 'hop1'), path.join(workspace, 'hop2'));
        return 'hop2';
      },
      /^hop2 is a symbolic link to a place outside the workspace$/,
    ],
    [
      'a dangling link',
      async () => {
        await symlink(path.join(outside, 'missing'), path.join(workspace, 'dangling'));
        return 'dangling/bundle';
      },
      /^dangling is a symbolic link to nothing$/,
    ],
    [
      'a file in the way',
      async () => {
        await writeFile(path.join(workspace, 'file'), 'x');
        return 'file/bundle';
      },
      /^file is not a folder$/,
    ],
  ];
  for (const [what, make, pattern] of refused) {
    it(`refuses ${what}, writing nothing outside`, async () => {
      const rel = await make();
      await assert.rejects(
        ensureDirWithin(path.join(workspace, rel), workspace),
        (e: unknown) => e instanceof ConfinedDirError && pattern.test(e.message),
      );
      assert.deepEqual(await readdir(outside), []);
    });
  }

  it('a path outside the workspace is the workflow’s choice: made as given', async () => {
    const elsewhere = path.join(dir, 'runner-temp/report');
    await ensureDirWithin(elsewhere, workspace);
    assert.ok((await lstat(elsewhere)).isDirectory());
  });
});
