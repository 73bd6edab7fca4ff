/**
 * withFileLock (src/io/file-lock.ts) on real files: what it refuses to wait for or remove, the
 * deadline while a live writer holds the lock, and the takeover of a crashed writer's lock. The
 * CLI's tests (test/cli-baseline.test.ts) run the same cases as processes, four writers at once.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import {
  lstat,
  mkdir,
  mkdtemp,
  readdir,
  readFile,
  rm,
  symlink,
  utimes,
  writeFile,
} from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { LockError, lockPathFor, withFileLock } from '../src/io/file-lock.js';
import { setUpFile } from './support/hooks.js';

let dir: string;
setUpFile(
  async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'threadgate-lock-'));
  },
  () => rm(dir, { recursive: true, force: true }),
);

async function fresh(): Promise<{ file: string; lock: string; sub: string }> {
  const sub = await mkdtemp(path.join(dir, 'case-'));
  const file = path.join(sub, 'history.json');
  return { file, lock: lockPathFor(file), sub };
}

async function makeStale(p: string): Promise<void> {
  const longAgo = new Date(Date.now() - 60_000);
  await utimes(p, longAgo, longAgo);
}

/** Rejects with a LockError of `code`, within `boundMs`. */
async function rejectsWithin(
  run: Promise<unknown>,
  code: string,
  pattern: RegExp,
  boundMs: number,
): Promise<LockError> {
  const started = Date.now();
  const e = await run.then(
    () => assert.fail('expected a LockError'),
    (err: unknown) => err,
  );
  assert.ok(Date.now() - started < boundMs, `ended after ${Date.now() - started} ms`);
  assert.ok(e instanceof LockError, String(e));
  assert.equal(e.code, code, e.message);
  assert.match(e.message, pattern);
  return e;
}

describe('withFileLock refuses what is not its lock, at once, and removes nothing', () => {
  const cases: [string, (lock: string, sub: string) => Promise<void>, RegExp][] = [
    [
      'a dangling symbolic link',
      (lock, sub) => symlink(path.join(sub, 'gone'), lock),
      /is a symbolic link, not threadgate's lock/,
    ],
    [
      'a symbolic link to a folder elsewhere',
      async (lock, sub) => {
        await mkdir(path.join(sub, 'elsewhere'));
        await symlink(path.join(sub, 'elsewhere'), lock);
      },
      /is a symbolic link/,
    ],
    [
      'a folder with files in it',
      async (lock) => {
        await mkdir(lock);
        await writeFile(path.join(lock, 'a'), '1');
        await writeFile(path.join(lock, 'b'), '2');
      },
      /is a folder holding 2 entries/,
    ],
    [
      'an old folder with a file in it (stale by its age, still not a lock)',
      async (lock) => {
        await mkdir(lock);
        await writeFile(path.join(lock, 'a'), '1');
        await makeStale(lock);
      },
      /is a folder holding an entry/,
    ],
    ['a regular file', (lock) => writeFile(lock, '4194321\n'), /is a regular file/],
    [
      'a FIFO',
      async (lock) => {
        execFileSync('mkfifo', [lock]);
      },
      /is a device, FIFO or socket/,
    ],
  ];
  for (const [what, make, pattern] of cases) {
    it(what, async () => {
      const { file, lock, sub } = await fresh();
      await make(lock, sub);
      const before = (await readdir(sub, { recursive: true })).sort();
      let ran = false;
      const e = await rejectsWithin(
        withFileLock(file, async () => {
          ran = true;
        }),
        'ENOTLOCK',
        pattern,
        5_000,
      );
      assert.equal(e.lockPath, lock);
      assert.ok(e.message.startsWith(`${lock} is `), e.message);
      assert.equal(ran, false);
      assert.deepEqual((await readdir(sub, { recursive: true })).sort(), before);
    });
  }
});

describe('withFileLock waits for a live writer, with a deadline', () => {
  it('a lock refreshed by its holder is waited for, then ELOCKED at the deadline; the lock stays', async () => {
    const { file, lock } = await fresh();
    await mkdir(lock); // fresh: its holder refreshed it just now
    const e = await rejectsWithin(
      withFileLock(file, async () => undefined, { timeoutMs: 600, staleMs: 10_000 }),
      'ELOCKED',
      /history\.json is locked by another writer \(.*history\.json\.lock, refreshed 0\.\d s ago\) for more than 0\.6 s; expected no other writer/,
      5_000,
    );
    assert.equal(e.lockPath, lock);
    assert.ok((await lstat(lock)).isDirectory(), 'a live lock is never removed');
  });

  it('writers in one process take turns: each sees the one before', async () => {
    const { file } = await fresh();
    await writeFile(file, '0');
    const bump = () =>
      withFileLock(file, async () => {
        const n = Number(await readFile(file, 'utf8'));
        await new Promise((r) => setTimeout(r, 5));
        await writeFile(file, String(n + 1));
      });
    await Promise.all(Array.from({ length: 6 }, bump));
    assert.equal(await readFile(file, 'utf8'), '6');
  });

  it("fn's own error comes out unchanged, and the lock is released", async () => {
    const { file, lock, sub } = await fresh();
    await assert.rejects(
      withFileLock(file, async () => {
        throw new RangeError('mine');
      }),
      (e: unknown) => e instanceof RangeError && e.message === 'mine',
    );
    await assert.rejects(lstat(lock), { code: 'ENOENT' });
    assert.deepEqual(await readdir(sub), []);
  });
});

describe("withFileLock takes over a crashed writer's lock", () => {
  it('a lock not refreshed for staleMs is taken over, and released after', async () => {
    const { file, lock, sub } = await fresh();
    await mkdir(lock);
    await makeStale(lock);
    let held = false;
    await withFileLock(file, async () => {
      held = (await lstat(lock)).isDirectory();
    });
    assert.equal(held, true);
    assert.deepEqual(await readdir(sub), []);
  });

  it('a takeover guard left by a taker that crashed is removed once stale', async () => {
    const { file, lock, sub } = await fresh();
    await mkdir(lock);
    await makeStale(lock);
    await mkdir(`${lock}.takeover`);
    await makeStale(`${lock}.takeover`);
    await withFileLock(file, async () => undefined, { timeoutMs: 5_000 });
    assert.deepEqual(await readdir(sub), []);
  });

  it('a takeover guard that is not a folder is refused, not removed', async () => {
    const { file, lock } = await fresh();
    await mkdir(lock);
    await makeStale(lock);
    await writeFile(`${lock}.takeover`, 'committed');
    await rejectsWithin(
      withFileLock(file, async () => undefined),
      'ENOTLOCK',
      /history\.json\.lock\.takeover is a regular file/,
      5_000,
    );
    assert.equal(await readFile(`${lock}.takeover`, 'utf8'), 'committed');
  });
});
