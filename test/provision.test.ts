/**
 * Provisioning onnxruntime-node at run time (src/provision). The end-to-end test really runs
 * `npm pack` (npm's local cache usually holds the tarballs already) into an empty tool cache,
 * loads the result and runs a session, then finds it again in the tool cache.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { WorkloadError } from '../src/errors.js';
import {
  BINARY_ROOT,
  binaryDirsToPrune,
  checkPlatform,
  fileSriSha512,
  installFromTarballs,
  ORT_COMMON_INTEGRITY,
  ORT_NODE_INTEGRITY,
  ORT_VERSION,
  ortCacheKey,
  presentBinaryDirs,
  provisionOrt,
  sriSha512,
  SUPPORTED_PLATFORMS,
  verifyIntegrity,
} from '../src/provision/index.js';
import { createSession, loadOrt } from '../src/workloads/ort.js';
import { buildIdentityModel } from '../src/workloads/matmul-model.js';

const ROOT = resolve(import.meta.dirname, '..');

function tempDir(t: { after: (fn: () => void) => void }, prefix = 'threadgate-provision-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

function write(file: string, text: string): void {
  mkdirSync(join(file, '..'), { recursive: true });
  writeFileSync(file, text);
}

/** A tarball laid out like npm's (`package/…`) holding `files` (relative path → content). */
function makeTarball(dir: string, name: string, files: Record<string, string>): string {
  const src = join(dir, `src-${name}`);
  for (const [rel, text] of Object.entries(files)) write(join(src, 'package', rel), text);
  const file = join(dir, `${name}.tgz`);
  execFileSync('tar', ['-czf', `${name}.tgz`, '-C', `src-${name}`, 'package'], { cwd: dir });
  return file;
}

/** A miniature onnxruntime-node: a package.json and a binding file for every supported platform. */
function fakeOrtFiles(): Record<string, string> {
  const files: Record<string, string> = {
    'package.json': JSON.stringify({ name: 'onnxruntime-node', version: ORT_VERSION }),
    'dist/index.js': 'module.exports = {};\n',
  };
  for (const p of SUPPORTED_PLATFORMS) files[`${BINARY_ROOT}/${p}/onnxruntime_binding.node`] = p;
  return files;
}

test('the pinned version and integrities equal package-lock.json and package.json', () => {
  const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as {
    packages: Record<string, { version?: string; integrity?: string }>;
  };
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
    dependencies: Record<string, string>;
  };
  const node = lock.packages['node_modules/onnxruntime-node'];
  const common = lock.packages['node_modules/onnxruntime-common'];
  assert.equal(node?.version, ORT_VERSION);
  assert.equal(node?.integrity, ORT_NODE_INTEGRITY);
  assert.equal(common?.version, ORT_VERSION);
  assert.equal(common?.integrity, ORT_COMMON_INTEGRITY);
  assert.equal(pkg.dependencies['onnxruntime-node']?.replace(/^[\^~=]/, ''), ORT_VERSION);
});

test('SUPPORTED_PLATFORMS lists exactly the binaries the installed package carries', async () => {
  const present = await presentBinaryDirs(join(ROOT, 'node_modules/onnxruntime-node'));
  assert.deepEqual(present, [...SUPPORTED_PLATFORMS].sort());
});

test('checkPlatform rejects Intel macOS naming the supported list and accepts the five', () => {
  assert.throws(
    () => checkPlatform('darwin', 'x64'),
    (e: unknown) => {
      assert.ok(e instanceof WorkloadError);
      assert.match(e.message, /darwin\/x64/);
      for (const p of SUPPORTED_PLATFORMS) assert.ok(e.message.includes(p), p);
      return true;
    },
  );
  assert.throws(() => checkPlatform('linux', 'ia32'), WorkloadError);
  assert.throws(() => checkPlatform('freebsd', 'x64'), WorkloadError);
  for (const p of ['linux/x64', 'linux/arm64', 'darwin/arm64', 'win32/x64', 'win32/arm64']) {
    const [os, cpu] = p.split('/') as [string, string];
    assert.doesNotThrow(() => checkPlatform(os, cpu), p);
  }
});

test('provisionOrt rejects an unsupported platform before touching anything', async (t) => {
  const dir = tempDir(t);
  const lines: string[] = [];
  await assert.rejects(
    provisionOrt({
      log: (l) => lines.push(l),
      tempDir: join(dir, 'temp'),
      toolCacheDir: join(dir, 'tools'),
      useActionsCache: false,
      platform: 'darwin',
      arch: 'x64',
    }),
    /darwin\/x64.*linux\/x64/,
  );
  assert.deepEqual(readdirSync(dir), []);
  assert.deepEqual(lines, []);
});

test('binaryDirsToPrune keeps only the runner platform', () => {
  const present = [...SUPPORTED_PLATFORMS];
  assert.deepEqual(binaryDirsToPrune(present, 'linux', 'x64'), [
    'bin/napi-v6/darwin',
    'bin/napi-v6/linux/arm64',
    'bin/napi-v6/win32',
  ]);
  assert.deepEqual(binaryDirsToPrune(present, 'darwin', 'arm64'), [
    'bin/napi-v6/linux',
    'bin/napi-v6/win32',
  ]);
  assert.deepEqual(binaryDirsToPrune(present, 'win32', 'arm64'), [
    'bin/napi-v6/darwin',
    'bin/napi-v6/linux',
    'bin/napi-v6/win32/x64',
  ]);
  assert.deepEqual(binaryDirsToPrune(['linux/x64'], 'linux', 'x64'), []);
});

test('ortCacheKey names version, platform and arch', () => {
  assert.equal(ortCacheKey('linux', 'x64'), `threadgate-ort-${ORT_VERSION}-linux-x64-v1`);
  assert.equal(ortCacheKey('win32', 'arm64', '9.9.9'), 'threadgate-ort-9.9.9-win32-arm64-v1');
});

test('integrity: sha512 SRI of bytes and of a file; a corrupted tarball is rejected', async (t) => {
  assert.equal(
    sriSha512('abc'),
    'sha512-3a81oZNherrMQXNJriBBMRLm+k6JqX6iCp7u5ktV05ohkpkqJ0/BqDa6PCOj/uu9RU1EI2Q86A4qmslPpUyknw==',
  );
  const dir = tempDir(t);
  const good = makeTarball(dir, 'tiny', { 'package.json': '{"name":"tiny","version":"1.0.0"}' });
  const expected = sriSha512(readFileSync(good));
  assert.equal(await fileSriSha512(good), expected);
  await verifyIntegrity(good, expected, 'tiny');

  const bytes = readFileSync(good);
  const mid = bytes.length >> 1;
  bytes[mid] = bytes[mid]! ^ 0xff;
  const bad = join(dir, 'tiny-corrupt.tgz');
  writeFileSync(bad, bytes);
  await assert.rejects(verifyIntegrity(bad, expected, 'tiny'), (e: unknown) => {
    assert.ok(e instanceof WorkloadError);
    assert.ok(e.message.includes('tiny'));
    assert.ok(e.message.includes(expected));
    assert.ok(e.message.includes(sriSha512(bytes)));
    return true;
  });
});

test('installFromTarballs unpacks to node_modules and prunes to the current platform', async (t) => {
  const dir = tempDir(t);
  const ort = makeTarball(dir, 'ort', fakeOrtFiles());
  const common = makeTarball(dir, 'common', {
    'package.json': JSON.stringify({ name: 'onnxruntime-common', version: ORT_VERSION }),
  });
  const dest = join(dir, 'out');
  const { platform, arch } = process;
  const { pruned } = await installFromTarballs({
    tarballs: [
      { name: 'onnxruntime-node', file: ort, integrity: sriSha512(readFileSync(ort)) },
      { name: 'onnxruntime-common', file: common, integrity: sriSha512(readFileSync(common)) },
    ],
    destDir: dest,
    platform,
    arch,
  });
  const pkgDir = join(dest, 'node_modules/onnxruntime-node');
  assert.deepEqual(await presentBinaryDirs(pkgDir), [`${platform}/${arch}`]);
  assert.equal(pruned.length > 0, true);
  assert.ok(existsSync(join(dest, 'node_modules/onnxruntime-common/package.json')));
  assert.deepEqual(readdirSync(join(dest, 'node_modules')).sort(), [
    'onnxruntime-common',
    'onnxruntime-node',
  ]);
});

test('installFromTarballs: an integrity mismatch names the package and removes the directory', async (t) => {
  const dir = tempDir(t);
  const ort = makeTarball(dir, 'ort', fakeOrtFiles());
  const common = makeTarball(dir, 'common', { 'package.json': '{}' });
  const dest = join(dir, 'out');
  const wrong = sriSha512('not the tarball');
  await assert.rejects(
    installFromTarballs({
      tarballs: [
        { name: 'onnxruntime-node', file: ort, integrity: sriSha512(readFileSync(ort)) },
        { name: 'onnxruntime-common', file: common, integrity: wrong },
      ],
      destDir: dest,
      platform: 'linux',
      arch: 'x64',
    }),
    (e: unknown) => {
      assert.ok(e instanceof WorkloadError);
      assert.match(e.message, /onnxruntime-common/);
      assert.ok(e.message.includes(wrong));
      assert.ok(e.message.includes(sriSha512(readFileSync(common))));
      return true;
    },
  );
  assert.equal(existsSync(dest), false);
});

test('provisionOrt uses the own node_modules when onnxruntime-node is installed', async (t) => {
  const dir = tempDir(t);
  const r = await provisionOrt({
    log: () => {},
    tempDir: dir,
    toolCacheDir: join(dir, 'tools'),
    useActionsCache: false,
  });
  assert.equal(r.source, 'node_modules');
  assert.equal(r.packageDir, join(ROOT, 'node_modules/onnxruntime-node'));
  assert.deepEqual(readdirSync(dir), []);
});

test('provisionOrt end to end: npm pack into an empty tool cache, load, run; then the tool cache', async (t) => {
  const dir = tempDir(t);
  const toolCacheDir = join(dir, 'tool-cache');
  mkdirSync(toolCacheDir);
  const opts = {
    tempDir: join(dir, 'temp'),
    toolCacheDir,
    useActionsCache: false,
    // Resolution from here finds no onnxruntime-node, so step 1 fails.
    selfUrl: pathToFileURL(join(dir, 'self', 'index.js')).href,
  };
  const lines: string[] = [];
  const first = await provisionOrt({ ...opts, log: (l) => lines.push(l) });
  for (const l of lines) t.diagnostic(l);
  assert.equal(first.source, 'npm-pack');
  assert.ok(first.packageDir.startsWith(toolCacheDir), first.packageDir);
  assert.deepEqual(await presentBinaryDirs(first.packageDir), [
    `${process.platform}/${process.arch}`,
  ]);

  const ort = loadOrt(first.packageDir);
  const session = await createSession(ort, buildIdentityModel(), 1);
  const out = await session.run({ x: new ort.Tensor('float32', new Float32Array([42]), [1]) });
  assert.deepEqual(Array.from(out['y']?.data as Float32Array), [42]);
  await session.release();

  const again: string[] = [];
  const second = await provisionOrt({ ...opts, log: (l) => again.push(l) });
  for (const l of again) t.diagnostic(l);
  assert.equal(second.source, 'tool-cache');
  assert.equal(second.packageDir, first.packageDir);
});
