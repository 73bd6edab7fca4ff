import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { InputError } from '../src/errors.js';
import { readBounded, readBoundedTextIfExists } from '../src/io/bounded-read.js';

describe('readBounded: the one reader for supplied files', () => {
  let dir: string;
  let workspace: string;
  const opts = (extra: Partial<Parameters<typeof readBounded>[1]> = {}) => ({
    input: '--current',
    maxBytes: 1000,
    expected: 'a results JSON file',
    ...extra,
  });

  before(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'tg-bounded-'));
    workspace = path.join(dir, 'ws');
    await mkdir(path.join(workspace, 'sub'), { recursive: true });
    await writeFile(path.join(dir, 'secret.txt'), 'TOPSECRET');
    await writeFile(path.join(workspace, 'ok.json'), '\uFEFF{"a":1}');
    await symlink(path.join(dir, 'secret.txt'), path.join(workspace, 'leak.json'));
    await symlink('ok.json', path.join(workspace, 'inner-link.json'));
    await symlink(dir, path.join(workspace, 'sub', 'out'));
    await symlink(path.join(dir, 'nowhere'), path.join(workspace, 'dangling.json'));
    execFileSync('mkfifo', [path.join(workspace, 'fifo.json')]);
  });
  after(() => rm(dir, { recursive: true, force: true }));

  it('reads a regular file, drops a byte-order mark, follows a link that stays inside', async () => {
    const text = await readBoundedTextIfExists(
      path.join(workspace, 'inner-link.json'),
      opts({ within: workspace }),
    );
    assert.equal(text, '{"a":1}');
  });

  it('refuses a link out of the workspace without quoting its target', async () => {
    await assert.rejects(
      readBounded(path.join(workspace, 'leak.json'), opts({ within: workspace })),
      (e: Error) =>
        e instanceof InputError &&
        e.message.startsWith('--current ') &&
        e.message.includes('leads outside the workspace') &&
        !e.message.includes('TOPSECRET') &&
        !e.message.includes('secret.txt'),
    );
    // A folder link on the way counts the same.
    await assert.rejects(
      readBounded(path.join(workspace, 'sub/out/secret.txt'), opts({ within: workspace })),
      /leads outside the workspace/,
    );
  });

  it('reads a path the workflow chose outside the workspace as given', async () => {
    const bytes = await readBounded(path.join(dir, 'secret.txt'), opts({ within: workspace }));
    assert.equal(bytes.toString(), 'TOPSECRET');
  });

  it('refuses special files at once: /dev/zero, a FIFO, a folder', async () => {
    const started = Date.now();
    await assert.rejects(
      readBounded('/dev/zero', opts()),
      /^InputError: --current \/dev\/zero: is not a regular file.*expected a results JSON file/,
    );
    await assert.rejects(
      readBounded(path.join(workspace, 'fifo.json'), opts()),
      /is not a regular file/,
    );
    await assert.rejects(readBounded(workspace, opts()), /is a directory/);
    assert.ok(Date.now() - started < 5000, 'none of them blocked');
  });

  it('caps the size before reading, and a missing or dangling path is null or a named error', async () => {
    await assert.rejects(
      readBounded(path.join(workspace, 'ok.json'), opts({ maxBytes: 4 })),
      /is 10 bytes; expected a results JSON file of at most 4 bytes/,
    );
    assert.equal(
      await readBoundedTextIfExists(path.join(workspace, 'dangling.json'), opts()),
      null,
    );
    await assert.rejects(
      readBounded(path.join(workspace, 'missing.json'), opts()),
      /--current \S+missing.json: file not found/,
    );
  });

  it('builds the error the caller asks for', async () => {
    class Custom extends Error {}
    await assert.rejects(
      readBounded('/dev/zero', opts({ fail: (m) => new Custom(m) })),
      (e: Error) => e instanceof Custom,
    );
  });
});
