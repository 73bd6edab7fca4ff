/**
 * Provisioning onnxruntime-node at run time (src/provision): platform checks, npm's registry
 * rules (checked against npm itself), bounded downloads against local stand-ins on 127.0.0.1
 * (a registry, a server that never answers, a closed port), unpacking, and the end-to-end path:
 * the real pinned tarballs (from npm's local cache) served by the registry stand-in into an empty
 * tool cache, loaded and run, then found again in the tool cache.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile, execFileSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { WorkloadError } from '../src/errors.js';
import {
  BINARY_ROOT,
  binaryDirsToPrune,
  carriesSecret,
  checkPlatform,
  DEFAULT_REGISTRY,
  detectLibc,
  fetchFromRegistry,
  fileSriSha512,
  foreignBinaryDir,
  httpGet,
  HttpGetError,
  installFromTarballs,
  normalizeRegistryUrl,
  npmPack,
  ORT_COMMON_INTEGRITY,
  ORT_NODE_INTEGRITY,
  ORT_TREE_SHA256,
  ORT_VERSION,
  ortCacheKey,
  packageDirFromInput,
  packumentUrl,
  parseNpmrc,
  presentBinaryDirs,
  ProvisionError,
  provisionFailureMarkdown,
  provisionOrt,
  RegistryFetchError,
  registryAuthorization,
  resolveRegistry,
  sriSha512,
  SUPPORTED_PLATFORMS,
  tarballFromPackument,
  tarballUrlFor,
  trustedNpmrc,
  verifyIntegrity,
  type HttpPolicy,
  type NpmrcFile,
} from '../src/provision/index.js';
import { ortTreeHash } from '../src/provision/tree-hash.js';
import { createSession, loadOrt } from '../src/workloads/ort.js';
import { buildIdentityModel } from '../src/workloads/matmul-model.js';
import {
  cachedTarball,
  closedPort,
  startNpmRegistry,
  startSilentServer,
  type RegistryPackage,
} from './support/npm-registry.js';

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

test('checkPlatform rejects Intel macOS and musl naming the supported list and accepts the five', () => {
  const rejects = (
    platform: string,
    arch: string,
    libc: 'glibc' | 'musl' | undefined,
    what: RegExp,
  ) =>
    assert.throws(
      () => checkPlatform(platform, arch, libc),
      (e: unknown) => {
        assert.ok(e instanceof WorkloadError);
        assert.match(e.message, what);
        for (const p of SUPPORTED_PLATFORMS) assert.ok(e.message.includes(p), p);
        return true;
      },
    );
  rejects('darwin', 'x64', undefined, /darwin\/x64 \(Intel macOS/);
  rejects('linux', 'x64', 'musl', /linux\/x64 with musl libc.*Alpine.*glibc/);
  rejects('linux', 'arm64', 'musl', /linux\/arm64 with musl/);
  rejects('linux', 'ia32', 'glibc', /linux\/ia32/);
  rejects('freebsd', 'x64', undefined, /freebsd\/x64/);
  for (const p of SUPPORTED_PLATFORMS) {
    const [os, cpu] = p.split('/') as [string, string];
    assert.doesNotThrow(() => checkPlatform(os, cpu, os === 'linux' ? 'glibc' : undefined), p);
  }
});

test('detectLibc reads glibcVersionRuntime from the diagnostic report; musl has none', (t) => {
  const dir = tempDir(t);
  const alpine = join(dir, 'alpine-release');
  // Node built against glibc reports the runtime version; Alpine's Node (musl) does not.
  const glibcReport = () => ({ header: { glibcVersionRuntime: '2.36' } });
  assert.equal(detectLibc('linux', glibcReport, alpine), 'glibc');
  assert.equal(
    detectLibc('linux', () => ({ header: { osName: 'Linux' } }), alpine),
    'musl',
  );
  assert.equal(detectLibc('darwin', glibcReport, alpine), undefined);
  const broken = () => {
    throw new Error('no report');
  };
  assert.equal(detectLibc('linux', broken, alpine), 'glibc');
  writeFileSync(alpine, '3.20.3\n');
  assert.equal(detectLibc('linux', broken, alpine), 'musl');
  // This process, from its real report.
  if (process.platform === 'linux') {
    const report = process.report.getReport() as { header: { glibcVersionRuntime?: string } };
    assert.equal(detectLibc(), report.header.glibcVersionRuntime ? 'glibc' : 'musl');
  } else {
    assert.equal(detectLibc(), undefined);
  }
});

test('provisionOrt rejects Intel macOS and musl before touching anything or the network', async (t) => {
  const dir = tempDir(t);
  const registry = await startNpmRegistry({ packages: [] });
  t.after(() => registry.stop());
  const cases = [
    ['darwin', 'x64', undefined, /darwin\/x64.*linux\/x64/],
    ['linux', 'x64', 'musl', /linux\/x64 with musl libc.*platforms: linux\/x64 \(glibc\)/],
  ] as const;
  for (const [platform, arch, libc, what] of cases) {
    const lines: string[] = [];
    await assert.rejects(
      provisionOrt({
        log: (l) => lines.push(l),
        tempDir: join(dir, 'temp'),
        toolCacheDir: join(dir, 'tools'),
        useActionsCache: false,
        platform,
        arch,
        ...(libc ? { libc } : {}),
        registry: registry.url,
        selfUrl: pathToFileURL(join(dir, 'self', 'index.js')).href,
      }),
      (e: unknown) => {
        assert.ok(e instanceof ProvisionError);
        assert.match(e.message, what);
        return true;
      },
    );
    assert.deepEqual(lines, []);
  }
  assert.deepEqual(readdirSync(dir), []);
  assert.deepEqual(registry.requests, []);
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

test('foreignBinaryDir leaves out other platforms and architectures while unpacking', () => {
  const b = BINARY_ROOT;
  const at = (rel: string, platform = 'linux', arch = 'x64') =>
    foreignBinaryDir(rel, platform, arch);
  assert.equal(at(`${b}/darwin/arm64/libonnxruntime.dylib`), `${b}/darwin`);
  assert.equal(at(`${b}/darwin/`), `${b}/darwin`);
  assert.equal(at(`${b}/linux/arm64/onnxruntime_binding.node`), `${b}/linux/arm64`);
  assert.equal(at(`${b}/linux/arm64/`), `${b}/linux/arm64`);
  assert.equal(at(`${b}/linux/x64/onnxruntime_binding.node`), undefined);
  // A file directly under the platform's directory belongs to no architecture: kept.
  assert.equal(at(`${b}/linux/README`), undefined);
  assert.equal(at('dist/index.js'), undefined);
  assert.equal(at(`${b}/win32/x64/onnxruntime.dll`, 'win32', 'arm64'), `${b}/win32/x64`);
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

// ——— npm's registry rules ———

test('parseNpmrc reads .npmrc as npm does: comments, quotes, ${VAR}, sections', () => {
  const env = { MIRROR: 'https://mirror.example', TOKEN: 's3cret' };
  const text = [
    '; a comment',
    '# another',
    'registry = ${MIRROR}/npm/ ; inline comment',
    '//mirror.example/npm/:_authToken=${TOKEN}',
    'quoted = "a;b#c"',
    "single = 'x y'",
    'escaped = a\\;b',
    'unset = ${NOPE}/x',
    'optional = ${NOPE?}/x',
    'flag',
    '[section]',
    'registry = https://ignored.example/',
  ].join('\n');
  assert.deepEqual(
    Object.fromEntries(parseNpmrc(text, env)),
    Object.fromEntries([
      ['registry', 'https://mirror.example/npm/'],
      ['//mirror.example/npm/:_authToken', 's3cret'],
      ['quoted', 'a;b#c'],
      ['single', 'x y'],
      ['escaped', 'a;b'],
      ['unset', '${NOPE}/x'],
      ['optional', '/x'],
      ['flag', 'true'],
    ]),
  );
});

test('normalizeRegistryUrl: http(s) only, with a trailing slash', () => {
  assert.equal(normalizeRegistryUrl('https://r.example/npm'), 'https://r.example/npm/');
  assert.equal(normalizeRegistryUrl(' http://127.0.0.1:4873/ '), 'http://127.0.0.1:4873/');
  assert.equal(normalizeRegistryUrl('ftp://r.example/'), undefined);
  assert.equal(normalizeRegistryUrl('registry.example'), undefined);
  assert.equal(normalizeRegistryUrl('https://r.example/?a=1'), undefined);
});

test('resolveRegistry: input, then npm_config_registry, NPM_CONFIG_REGISTRY, project, user, default', () => {
  const project = {
    path: '/ws/.npmrc',
    text: 'registry=https://project.example/',
    inWorkspace: true,
  };
  const user = {
    path: '/home/u/.npmrc',
    text: 'registry=https://user.example/',
    inWorkspace: false,
  };
  const env = {
    npm_config_registry: 'https://lower.example',
    NPM_CONFIG_REGISTRY: 'https://upper.example',
  };
  const r = (input: string, e: Record<string, string>, files: NpmrcFile[]) =>
    resolveRegistry({ input, env: e, files });
  assert.deepEqual(r('https://input.example', env, [project, user]), {
    url: 'https://input.example/',
    source: 'registry',
    trusted: true,
  });
  assert.deepEqual(r('', env, [project, user]), {
    url: 'https://lower.example/',
    source: 'npm_config_registry',
    trusted: true,
  });
  assert.equal(
    r('', { NPM_CONFIG_REGISTRY: 'https://upper.example' }, [project]).url,
    'https://upper.example/',
  );
  // npm skips empty environment values.
  assert.equal(r('', { npm_config_registry: '' }, [project, user]).url, 'https://project.example/');
  // The checkout's choice: taken, but not trusted with credentials.
  assert.deepEqual(r('', {}, [project, user]), {
    url: 'https://project.example/',
    source: 'registry in /ws/.npmrc',
    trusted: false,
  });
  assert.deepEqual(r('', {}, [user]), {
    url: 'https://user.example/',
    source: 'registry in /home/u/.npmrc',
    trusted: true,
  });
  assert.deepEqual(r('', {}, []), {
    url: DEFAULT_REGISTRY,
    source: "npm's default",
    trusted: true,
  });
  assert.throws(
    () => r('ftp://x', {}, []),
    /^InputError: registry: got "ftp:\/\/x"; expected an http\(s\) URL/,
  );
  assert.throws(
    () =>
      r('', {}, [{ path: '/home/u/.npmrc', text: 'registry=${UNSET_MIRROR}', inWorkspace: false }]),
    /registry in \/home\/u\/\.npmrc: got "\$\{UNSET_MIRROR\}"; expected an http\(s\) URL/,
  );
  // The workflow's own files expand ${VAR}; the checkout's do not (no secret in a URL), and say so.
  const mirrorEnv = { MIRROR: 'https://mirror.example' };
  const withVar = 'registry=${MIRROR}/npm/';
  assert.equal(
    r('', mirrorEnv, [{ path: '/home/u/.npmrc', text: withVar, inWorkspace: false }]).url,
    'https://mirror.example/npm/',
  );
  assert.throws(
    () => r('', mirrorEnv, [{ path: '/ws/.npmrc', text: withVar, inWorkspace: true }]),
    /^InputError: registry in \/ws\/\.npmrc: got "\$\{MIRROR\}\/npm\/"; expected an http\(s\) URL written out: \$\{VAR\} is not expanded in the checkout's \.npmrc/,
  );
});

test(
  'resolveRegistry agrees with `npm config get registry` (npm itself is the reference)',
  {
    skip: process.platform === 'win32' && 'POSIX paths',
  },
  async (t) => {
    const dir = tempDir(t);
    const npmOk = await new Promise<boolean>((res) =>
      execFile('npm', ['--version'], (e) => res(e === null)),
    );
    if (!npmOk) {
      t.skip('npm is not on PATH');
      return;
    }
    interface Case {
      name: string;
      env: Record<string, string>;
      project?: string;
      user?: string;
      custom?: string;
    }
    const cases: Case[] = [
      { name: 'nothing', env: {} },
      { name: 'user', env: {}, user: 'registry=http://user.example/npm' },
      {
        name: 'project over user',
        env: {},
        project: 'registry = "http://project.example/"',
        user: 'registry=http://user.example/',
      },
      {
        name: 'env over project',
        env: { NPM_CONFIG_REGISTRY: 'http://env.example/' },
        project: 'registry=http://project.example/',
      },
      {
        name: 'userconfig',
        env: { NPM_CONFIG_USERCONFIG: 'CUSTOM' },
        user: 'registry=http://user.example/',
        custom: 'registry=http://custom.example/',
      },
      {
        name: 'expansion and comment',
        env: { MIRROR: 'http://mirror.example' },
        user: 'registry = ${MIRROR}/npm/ ; the mirror',
      },
      { name: 'section', env: {}, user: '[npm]\nregistry=http://section.example/' },
    ];
    await Promise.all(
      cases.map(async (c, i) => {
        const home = join(dir, `home-${i}`);
        const project = join(dir, `project-${i}`);
        mkdirSync(home, { recursive: true });
        mkdirSync(project, { recursive: true });
        writeFileSync(join(project, 'package.json'), '{"name":"p","version":"1.0.0"}');
        writeFileSync(join(dir, `global-${i}`), '');
        if (c.project) writeFileSync(join(project, '.npmrc'), c.project);
        if (c.user) writeFileSync(join(home, '.npmrc'), c.user);
        const env: Record<string, string> = { ...c.env };
        if (c.custom !== undefined) {
          writeFileSync(join(dir, `custom-${i}`), c.custom);
          env['NPM_CONFIG_USERCONFIG'] = join(dir, `custom-${i}`);
        }
        const npmSays = await new Promise<string>((res, rej) =>
          execFile(
            'npm',
            ['config', 'get', 'registry'],
            {
              cwd: project,
              env: {
                PATH: process.env['PATH'],
                HOME: home,
                NPM_CONFIG_GLOBALCONFIG: join(dir, `global-${i}`),
                ...env,
              },
              timeout: 60_000,
            },
            (e, stdout) => (e ? rej(e) : res(stdout.trim())),
          ),
        );
        const files = [
          join(project, '.npmrc'),
          env['NPM_CONFIG_USERCONFIG'] ?? join(home, '.npmrc'),
        ]
          .filter((p) => existsSync(p))
          .map((p) => ({
            path: p,
            text: readFileSync(p, 'utf8'),
            inWorkspace: p.startsWith(project),
          }));
        const ours = resolveRegistry({ input: '', env, files });
        assert.equal(ours.url, normalizeRegistryUrl(npmSays), `${c.name}: npm says ${npmSays}`);
      }),
    );
  },
);

test('registryAuthorization: the longest //host/path/ key, the registry host fallback, nothing elsewhere', () => {
  const config = trustedNpmrc(
    [
      // The checkout's .npmrc contributes no credential, whatever it says.
      {
        path: '/ws/.npmrc',
        text: '//r.example/npm/:_authToken=project-token\n//evil.example/:_authToken=x',
        inWorkspace: true,
      },
      {
        path: 'user',
        text: '//r.example/npm/:_authToken=user-token\n//r.example/:_auth=dXNlcjpwYXNz',
        inWorkspace: false,
      },
      {
        path: 'global',
        text: [
          '//r.example/npm/:_authToken=global-token',
          '//basic.example/:username=u',
          `//basic.example/:_password=${Buffer.from('p@ss').toString('base64')}`,
        ].join('\n'),
        inWorkspace: false,
      },
    ],
    {},
  );
  assert.equal(config.get('//evil.example/:_authToken'), undefined);
  const reg = 'https://r.example/npm/';
  assert.equal(registryAuthorization(`${reg}onnxruntime-node`, reg, config), 'Bearer user-token');
  assert.equal(
    registryAuthorization('https://r.example/npm/-/x.tgz', reg, config),
    'Bearer user-token',
  );
  assert.equal(
    registryAuthorization('https://r.example/other/x.tgz', reg, config),
    'Basic dXNlcjpwYXNz',
  );
  assert.equal(
    registryAuthorization('https://basic.example/a', 'https://basic.example/', config),
    `Basic ${Buffer.from('u:p@ss').toString('base64')}`,
  );
  assert.equal(registryAuthorization('https://cdn.example/x.tgz', reg, config), undefined);
  assert.equal(registryAuthorization('https://r.example:8443/npm/x', reg, config), undefined);
});

test("trustedNpmrc: ${VAR} expands from the children's environment, never an input or runner token", () => {
  const env = {
    NODE_AUTH_TOKEN: 'npm-token',
    'INPUT_GITHUB-TOKEN': 'ghs_secret',
    ACTIONS_RUNTIME_TOKEN: 'runtime',
  };
  const config = trustedNpmrc(
    [
      {
        path: '/tmp/.npmrc',
        text: [
          '//a.example/:_authToken=${NODE_AUTH_TOKEN}',
          '//b.example/:_authToken=${INPUT_GITHUB-TOKEN}',
          '//c.example/:_authToken=${ACTIONS_RUNTIME_TOKEN}',
        ].join('\n'),
        inWorkspace: false,
      },
    ],
    env,
  );
  assert.equal(config.get('//a.example/:_authToken'), 'npm-token');
  assert.equal(config.get('//b.example/:_authToken'), '${INPUT_GITHUB-TOKEN}');
  assert.equal(config.get('//c.example/:_authToken'), '${ACTIONS_RUNTIME_TOKEN}');
});

test('carriesSecret: a Bearer token or Basic pair that is, or holds, an input or runner token', () => {
  const token = 'ghs_0123456789abcdefghijklmnopqrstuv';
  const secrets = [token, '5'];
  const basic = (pair: string) => `Basic ${Buffer.from(pair).toString('base64')}`;
  assert.equal(carriesSecret(`Bearer ${token}`, secrets), true);
  assert.equal(carriesSecret(`Bearer x${token}y`, secrets), true);
  assert.equal(carriesSecret(basic(`u:${token}`), secrets), true);
  assert.equal(carriesSecret(basic(`${token}:x`), secrets), true);
  assert.equal(carriesSecret(`Basic ${Buffer.from(token).toString('base64')}`, secrets), true);
  assert.equal(carriesSecret('Bearer npm_other', secrets), false);
  // A short input value ('5' from `threshold`) only counts when it is the whole credential.
  assert.equal(carriesSecret('Bearer abc5def', secrets), false);
  assert.equal(carriesSecret('Bearer 5', secrets), true);
  assert.equal(carriesSecret(basic('u:p@ss'), secrets), false);
});

// ——— the registry's documents ———

const PKG = { name: 'onnxruntime-node', version: ORT_VERSION, integrity: ORT_NODE_INTEGRITY };

test('packument and tarball URLs as npm forms them (replace-registry-host=npmjs)', () => {
  assert.equal(
    packumentUrl('https://r.example/api/npm/npm/', 'onnxruntime-node'),
    'https://r.example/api/npm/npm/onnxruntime-node',
  );
  const npmjs = 'https://registry.npmjs.org/onnxruntime-node/-/onnxruntime-node-1.30.0.tgz';
  assert.equal(tarballUrlFor(npmjs, 'https://registry.npmjs.org/'), npmjs);
  // pacote: new URL(resolved.pathname, registry) — the registry's own path is not kept.
  assert.equal(
    tarballUrlFor(npmjs, 'http://127.0.0.1:4873/npm/'),
    'http://127.0.0.1:4873/onnxruntime-node/-/onnxruntime-node-1.30.0.tgz',
  );
  assert.equal(
    tarballUrlFor('https://cdn.example/o.tgz', 'http://127.0.0.1:4873/'),
    'https://cdn.example/o.tgz',
  );
});

test('tarballFromPackument: the version, or an error that says what is wrong', () => {
  const doc = (versions: unknown) => JSON.stringify({ name: PKG.name, versions });
  const tgz = 'https://r.example/onnxruntime-node/-/onnxruntime-node-1.30.0.tgz';
  assert.equal(
    tarballFromPackument(
      doc({ [ORT_VERSION]: { dist: { tarball: tgz, integrity: ORT_NODE_INTEGRITY } } }),
      PKG,
      'U',
    ),
    tgz,
  );
  assert.equal(
    tarballFromPackument(doc({ [ORT_VERSION]: { dist: { tarball: tgz } } }), PKG, 'U'),
    tgz,
  );
  assert.throws(() => tarballFromPackument('<html>', PKG, 'U'), /U is not JSON/);
  assert.throws(() => tarballFromPackument('{}', PKG, 'U'), /U has no "versions"/);
  assert.throws(
    () => tarballFromPackument(doc({ '1.29.0': {} }), PKG, 'U'),
    /U has no version 1\.30\.0 of onnxruntime-node/,
  );
  assert.throws(
    () =>
      tarballFromPackument(
        doc({ [ORT_VERSION]: { dist: { tarball: 'file:///etc/passwd' } } }),
        PKG,
        'U',
      ),
    /no http\(s\) tarball URL/,
  );
  assert.throws(
    () =>
      tarballFromPackument(
        doc({ [ORT_VERSION]: { dist: { tarball: tgz, integrity: sriSha512('other') } } }),
        PKG,
        'U',
      ),
    (e: unknown) =>
      e instanceof WorkloadError &&
      e.message.includes(sriSha512('other')) &&
      e.message.includes(ORT_NODE_INTEGRITY),
  );
});

// ——— bounded downloads ———

const FAST: HttpPolicy = {
  attempts: 3,
  backoffMs: [20],
  idleTimeoutMs: 400,
  attemptTimeoutMs: 5_000,
  maxBytes: 1024 * 1024,
};

/** A plain HTTP server on 127.0.0.1 for one test; `handler` sees the request number (0-based). */
async function serve(
  t: { after: (fn: () => Promise<void>) => void },
  handler: (req: IncomingMessage, res: ServerResponse, n: number) => void,
): Promise<{ url: string; requests: IncomingMessage[] }> {
  const requests: IncomingMessage[] = [];
  const server = createServer((req, res) => handler(req, res, requests.push(req) - 1));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  t.after(
    () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  );
  const address = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${address.port}/`, requests };
}

test('httpGet: a refused connection fails after the bounded attempts, each named', async () => {
  const port = await closedPort();
  const url = `http://127.0.0.1:${port}/onnxruntime-node`;
  const retries: string[] = [];
  await assert.rejects(
    httpGet(url, { policy: FAST, onRetry: (l) => retries.push(l) }),
    (e: unknown) => {
      assert.ok(e instanceof HttpGetError);
      assert.equal(e.attempts.length, 3);
      for (const [i, line] of e.attempts.entries())
        assert.match(line, new RegExp(`^attempt ${i + 1}: .*ECONNREFUSED`));
      assert.equal(e.status, undefined);
      assert.ok(e.message.includes(url));
      return true;
    },
  );
  assert.equal(retries.length, 2);
});

test('httpGet: a server that accepts and never answers times out on every attempt', async (t) => {
  const silent = await startSilentServer();
  t.after(() => silent.stop());
  await assert.rejects(
    httpGet(`${silent.url}x`, { policy: { ...FAST, attempts: 2, idleTimeoutMs: 300 } }),
    (e: unknown) => {
      assert.ok(e instanceof HttpGetError);
      assert.deepEqual(e.attempts, [
        'attempt 1: no data for 0.3 s (timed out)',
        'attempt 2: no data for 0.3 s (timed out)',
      ]);
      return true;
    },
  );
  assert.equal(silent.connections(), 2);
});

test('httpGet: a body that stalls halfway times out, and the partial file is removed', async (t) => {
  const server = await serve(t, (_req, res) => {
    res.writeHead(200, { 'content-length': '1000' });
    res.write(Buffer.alloc(500));
  });
  const dir = tempDir(t);
  const dest = join(dir, 'x.tgz');
  await assert.rejects(
    httpGet(`${server.url}x.tgz`, { policy: { ...FAST, attempts: 2, idleTimeoutMs: 300 }, dest }),
    /attempt 2: no data for 0\.3 s/,
  );
  assert.equal(existsSync(dest), false);
  assert.equal(server.requests.length, 2);
});

test('httpGet: 503 is retried, 404 is not; redirects are followed, credentials only where meant', async (t) => {
  const server = await serve(t, (req, res, n) => {
    if (req.url === '/flaky' && n === 0) {
      res.writeHead(503);
      res.end();
    } else if (req.url === '/flaky' || req.url === '/final') {
      res.end('payload');
    } else if (req.url === '/moved') {
      const port = (req.socket.address() as AddressInfo).port;
      res.writeHead(302, { location: `http://localhost:${port}/final` });
      res.end();
    } else {
      res.writeHead(404, 'Not Found');
      res.end();
    }
  });
  const retried: string[] = [];
  const body = await httpGet(`${server.url}flaky`, {
    policy: FAST,
    onRetry: (l) => retried.push(l),
  });
  assert.equal(body?.toString(), 'payload');
  assert.equal(retried.length, 1);
  assert.match(retried[0]!, /HTTP 503/);

  await assert.rejects(httpGet(`${server.url}missing`, { policy: FAST }), (e: unknown) => {
    assert.ok(e instanceof HttpGetError);
    assert.deepEqual(e.attempts, ['attempt 1: HTTP 404 Not Found']);
    assert.equal(e.status, 404);
    return true;
  });

  // The Authorization callback is asked again for the redirect's host (localhost ≠ 127.0.0.1).
  const before = server.requests.length;
  const moved = await httpGet(`${server.url}moved`, {
    policy: FAST,
    authorization: (u) => (new URL(u).hostname === '127.0.0.1' ? 'Bearer t' : undefined),
  });
  assert.equal(moved?.toString(), 'payload');
  const [first, second] = server.requests.slice(before);
  assert.equal(first?.headers.authorization, 'Bearer t');
  assert.equal(second?.url, '/final');
  assert.equal(second?.headers.authorization, undefined);
});

test('httpGet: a body over the size cap is refused at once', async (t) => {
  const server = await serve(t, (_req, res) => res.end(Buffer.alloc(2048)));
  await assert.rejects(
    httpGet(server.url, { policy: { ...FAST, maxBytes: 1024 } }),
    (e: unknown) => {
      assert.ok(e instanceof HttpGetError);
      assert.deepEqual(e.attempts, ['attempt 1: the body is 2048 bytes, over the 1024 limit']);
      return true;
    },
  );
});

// ——— fetching from a registry (small packages on the stand-in) ———

function smallPackages(dir: string): RegistryPackage[] {
  const ort = makeTarball(dir, 'ort', fakeOrtFiles());
  const common = makeTarball(dir, 'common', {
    'package.json': JSON.stringify({ name: 'onnxruntime-common', version: ORT_VERSION }),
  });
  return [
    { name: 'onnxruntime-node', version: ORT_VERSION, tarball: readFileSync(ort) },
    { name: 'onnxruntime-common', version: ORT_VERSION, tarball: readFileSync(common) },
  ];
}

const pinnedFor = (pkgs: RegistryPackage[]) =>
  pkgs.map((p) => ({ name: p.name, version: p.version, integrity: sriSha512(p.tarball) }));

test('fetchFromRegistry: document then tarball for each package, as npm asks for them', async (t) => {
  const dir = tempDir(t);
  const pkgs = smallPackages(dir);
  // Mirrors often copy npm's documents: tarball URLs on registry.npmjs.org are fetched from the mirror.
  const registry = await startNpmRegistry({ packages: pkgs, npmjsTarballUrls: true });
  t.after(() => registry.stop());
  const dest = join(dir, 'dl');
  mkdirSync(dest);
  const got = await fetchFromRegistry(pinnedFor(pkgs), {
    registry: registry.url,
    destDir: dest,
    log: () => {},
  });
  assert.deepEqual(registry.requests, [
    'GET /onnxruntime-node',
    `GET /onnxruntime-node/-/onnxruntime-node-${ORT_VERSION}.tgz`,
    'GET /onnxruntime-common',
    `GET /onnxruntime-common/-/onnxruntime-common-${ORT_VERSION}.tgz`,
  ]);
  assert.match(registry.headers[0]?.accept ?? '', /^application\/vnd\.npm\.install-v1\+json/);
  for (const [i, t2] of got.entries()) assert.deepEqual(readFileSync(t2.file), pkgs[i]!.tarball);
});

test('fetchFromRegistry: a private registry gets the .npmrc token; without it the error names the package and status', async (t) => {
  const dir = tempDir(t);
  const pkgs = smallPackages(dir);
  const registry = await startNpmRegistry({ packages: pkgs, token: 'tok-123' });
  t.after(() => registry.stop());
  const dest = join(dir, 'dl');
  mkdirSync(dest);
  await assert.rejects(
    fetchFromRegistry(pinnedFor(pkgs), { registry: registry.url, destDir: dest, log: () => {} }),
    (e: unknown) => {
      assert.ok(e instanceof RegistryFetchError);
      assert.equal(e.pkg, `onnxruntime-node@${ORT_VERSION}`);
      assert.equal(e.status, 401);
      assert.equal(e.url, `${registry.url}onnxruntime-node`);
      return true;
    },
  );
  const host = new URL(registry.url).host;
  const config = trustedNpmrc(
    [{ path: '.npmrc', text: `//${host}/:_authToken=\${NPM_TOKEN}`, inWorkspace: false }],
    { NPM_TOKEN: 'tok-123' },
  );
  const got = await fetchFromRegistry(pinnedFor(pkgs), {
    registry: registry.url,
    destDir: dest,
    log: () => {},
    authorization: (u) => registryAuthorization(u, registry.url, config),
  });
  assert.equal(got.length, 2);
});

test('fetchFromRegistry: a mirror without the version says so', async (t) => {
  const dir = tempDir(t);
  const pkgs = smallPackages(dir).map((p) => ({ ...p, version: '1.29.0' }));
  const registry = await startNpmRegistry({ packages: pkgs });
  t.after(() => registry.stop());
  await assert.rejects(
    fetchFromRegistry([PKG], { registry: registry.url, destDir: dir, log: () => {} }),
    new RegExp(
      `has no version ${ORT_VERSION.replace(/\./g, '\\.')} of onnxruntime-node \\(a mirror that has not synced it\\?\\)`,
    ),
  );
});

// ——— provisionOrt: failures, onnxruntime-path, and the real thing ———

/** Options under which steps 1–3 find nothing: no own node_modules, an empty tool cache. */
function emptyRunner(dir: string) {
  const toolCacheDir = join(dir, 'tool-cache');
  const workspace = join(dir, 'workspace');
  const home = join(dir, 'home');
  for (const d of [toolCacheDir, workspace, home]) mkdirSync(d, { recursive: true });
  return {
    tempDir: join(dir, 'temp'),
    toolCacheDir,
    workspace,
    homeDir: home,
    env: {} as Record<string, string>,
    useActionsCache: false,
    // Resolution from here finds no onnxruntime-node, so step 1 fails.
    selfUrl: pathToFileURL(join(dir, 'self', 'index.js')).href,
  };
}

test('provisionOrt: an unreachable registry fails naming the package, the URL and the three ways out', async (t) => {
  const dir = tempDir(t);
  const url = `http://127.0.0.1:${await closedPort()}/`;
  const opts = emptyRunner(dir);
  const lines: string[] = [];
  let error: unknown;
  await provisionOrt({
    ...opts,
    log: (l) => lines.push(l),
    registry: url,
    metadataPolicy: FAST,
  }).catch((e: unknown) => (error = e));
  assert.ok(error instanceof ProvisionError);
  const m = error.message;
  assert.ok(
    m.startsWith(
      `could not download onnxruntime-node@${ORT_VERSION} from the npm registry ${url} (from registry): GET ${url}onnxruntime-node failed: attempt 1:`,
    ),
    m,
  );
  assert.match(m, /ECONNREFUSED/);
  assert.match(m, /set the `registry` input/);
  assert.match(m, /set `onnxruntime-path`/);
  assert.ok(
    m.includes(
      `pre-seed the runner's tool cache (${opts.toolCacheDir}/onnxruntime-node/${ORT_VERSION}/${process.arch}/node_modules/`,
    ),
    m,
  );
  // The trail says what was tried, in order; the summary shows it.
  assert.match(
    error.trail.join('\n'),
    /no onnxruntime-node in the action's own node_modules\nno onnxruntime-node 1\.30\.0 \(\w+\) in the tool cache .*\nfetching onnxruntime-node@1\.30\.0 and onnxruntime-common@1\.30\.0 from the npm registry/,
  );
  assert.deepEqual(lines, error.trail.slice(0, lines.length));
  const md = provisionFailureMarkdown(error);
  assert.match(md, /^## threadgate: onnxruntime-node could not be provisioned/);
  assert.ok(md.includes(m));
  assert.ok(md.includes('fetching onnxruntime-node@'));
  assert.deepEqual(readdirSync(opts.toolCacheDir), []);
});

test('provisionOrt: the registry comes from the workspace .npmrc; a silent one times out within the bounds', async (t) => {
  const dir = tempDir(t);
  const silent = await startSilentServer();
  t.after(() => silent.stop());
  const opts = emptyRunner(dir);
  writeFileSync(join(opts.workspace, '.npmrc'), `registry=${silent.url}\n`);
  await assert.rejects(
    provisionOrt({
      ...opts,
      log: () => {},
      metadataPolicy: { ...FAST, attempts: 2, idleTimeoutMs: 300 },
    }),
    (e: unknown) => {
      assert.ok(e instanceof ProvisionError);
      assert.ok(
        e.message.includes(
          `from the npm registry ${silent.url} (from registry in ${join(opts.workspace, '.npmrc')})`,
        ),
        e.message,
      );
      assert.match(
        e.message,
        /attempt 1: no data for 0\.3 s \(timed out\); attempt 2: no data for 0\.3 s \(timed out\)/,
      );
      return true;
    },
  );
  assert.equal(silent.connections(), 2);
});

test('provisionOrt: a bad registry value is an error naming where it came from', async (t) => {
  const dir = tempDir(t);
  const opts = emptyRunner(dir);
  await assert.rejects(
    provisionOrt({ ...opts, log: () => {}, registry: 'registry.example.com' }),
    (e: unknown) =>
      e instanceof ProvisionError &&
      /^registry: got "registry\.example\.com"; expected an http\(s\) URL of an npm registry/.test(
        e.message,
      ),
  );
  // Even when a source before the registry would have served.
  await assert.rejects(
    provisionOrt({ ...opts, log: () => {}, registry: 'ftp://m', selfUrl: import.meta.url }),
    /: registry: got "ftp:\/\/m"/,
  );
  await assert.rejects(
    provisionOrt({ ...opts, log: () => {}, env: { NPM_CONFIG_REGISTRY: 'ftp://m' } }),
    /NPM_CONFIG_REGISTRY: got "ftp:\/\/m"/,
  );
});

test('provisionOrt: onnxruntime-path is used as given, or rejected naming the input and the problem', async (t) => {
  const dir = tempDir(t);
  const opts = emptyRunner(dir);
  const installed = join(ROOT, 'node_modules/onnxruntime-node');
  for (const [value, workspace] of [
    [installed, opts.workspace],
    [ROOT, opts.workspace],
    ['node_modules/onnxruntime-node', ROOT],
  ] as const) {
    const r = await provisionOrt({ ...opts, workspace, log: () => {}, onnxruntimePath: value });
    assert.equal(r.source, 'onnxruntime-path');
    assert.equal(r.packageDir, installed);
  }
  const fake = join(dir, 'fake', 'node_modules', 'onnxruntime-node');
  write(
    join(fake, 'package.json'),
    JSON.stringify({ name: 'onnxruntime-node', version: '1.29.0' }),
  );
  const bad = (value: string, problem: RegExp) =>
    assert.rejects(
      provisionOrt({ ...opts, log: () => {}, onnxruntimePath: value }),
      (e: unknown) => {
        assert.ok(e instanceof ProvisionError);
        assert.ok(
          e.message.startsWith(
            `onnxruntime-path: got ${JSON.stringify(value)}; expected a directory holding onnxruntime-node ${ORT_VERSION}`,
          ),
          e.message,
        );
        assert.match(e.message, problem);
        return true;
      },
    );
  await bad(join(dir, 'nowhere'), /nowhere does not exist$/);
  await bad(join(dir, 'fake'), /it holds version 1\.29\.0, not 1\.30\.0$/);
  write(
    join(fake, 'package.json'),
    JSON.stringify({ name: 'onnxruntime-node', version: ORT_VERSION }),
  );
  const binding = `${BINARY_ROOT}/${process.platform}/${process.arch}/onnxruntime_binding.node`;
  await bad(fake, new RegExp(`it has no ${binding.replace(/\./g, '\\.')}$`));
  write(join(fake, binding), 'not really');
  await bad(fake, /onnxruntime-common cannot be resolved from it$/);
  // packageDirFromInput is what the action's input goes through.
  assert.equal(
    packageDirFromInput(installed, '/', process.platform, process.arch, ORT_VERSION),
    installed,
  );
});

test(
  'provisionOrt: a tool cache pre-seeded by hand as the README describes is used, nothing fetched',
  {
    skip: process.platform === 'win32' && 'symbolic links',
  },
  async (t) => {
    const dir = tempDir(t);
    const opts = emptyRunner(dir);
    // $RUNNER_TOOL_CACHE/onnxruntime-node/<version>/<arch>/node_modules/… and <arch>.complete
    const entry = join(opts.toolCacheDir, 'onnxruntime-node', ORT_VERSION, process.arch);
    mkdirSync(join(entry, 'node_modules'), { recursive: true });
    for (const name of ['onnxruntime-node', 'onnxruntime-common']) {
      symlinkSync(join(ROOT, 'node_modules', name), join(entry, 'node_modules', name));
    }
    const unreachable = `http://127.0.0.1:${await closedPort()}/`;
    // Without the marker the entry does not count (as @actions/tool-cache decides).
    await assert.rejects(
      provisionOrt({ ...opts, log: () => {}, registry: unreachable, metadataPolicy: FAST }),
      ProvisionError,
    );
    writeFileSync(`${entry}.complete`, '');
    const r = await provisionOrt({ ...opts, log: () => {}, registry: unreachable });
    assert.equal(r.source, 'tool-cache');
    assert.equal(r.packageDir, join(entry, 'node_modules', 'onnxruntime-node'));
  },
);

test(
  'provisionOrt: a poisoned tool cache entry is discarded, never loaded (its content is checked against the pinned hash)',
  { skip: process.platform === 'win32' && 'symbolic links' },
  async (t) => {
    // Issue 10: a restored copy was loaded without re-checking its content, so a poisoned cache
    // entry would run its native code in every later job.
    const dir = tempDir(t);
    const opts = emptyRunner(dir);
    const entry = join(opts.toolCacheDir, 'onnxruntime-node', ORT_VERSION, process.arch);
    mkdirSync(join(entry, 'node_modules'), { recursive: true });
    symlinkSync(
      join(ROOT, 'node_modules', 'onnxruntime-node'),
      join(entry, 'node_modules', 'onnxruntime-node'),
    );
    // onnxruntime-common copied, with one line added to its entry point.
    const common = join(entry, 'node_modules', 'onnxruntime-common');
    cpSync(join(ROOT, 'node_modules', 'onnxruntime-common'), common, { recursive: true });
    const main = join(common, 'dist', 'cjs', 'index.js');
    writeFileSync(
      main,
      readFileSync(main, 'utf8') + '\nrequire("child_process").execSync("curl evil");\n',
    );
    writeFileSync(`${entry}.complete`, '');
    const unreachable = `http://127.0.0.1:${await closedPort()}/`;
    const warnings: string[] = [];
    await assert.rejects(
      provisionOrt({
        ...opts,
        log: () => {},
        warn: (w) => warnings.push(w),
        registry: unreachable,
        metadataPolicy: FAST,
      }),
      ProvisionError,
    );
    assert.ok(
      warnings.some((w) =>
        /the tool cache entry .* is not usable \(its content differs from the pinned onnxruntime-node 1\.30\.0 \(tree hash [0-9a-f]{12}…, expected [0-9a-f]{12}…\)\); discarded/.test(
          w,
        ),
      ),
      warnings.join('\n'),
    );
    assert.ok(!existsSync(entry), 'the poisoned entry is removed');
    assert.ok(!existsSync(`${entry}.complete`));
  },
);

test('provisionOrt: refused without credentials, npm pack is tried; when it fails too, both are told', async (t) => {
  const dir = tempDir(t);
  const registry = await startNpmRegistry({ packages: [], token: 'needed' });
  t.after(() => registry.stop());
  const opts = emptyRunner(dir);
  await assert.rejects(
    provisionOrt({
      ...opts,
      env: { PATH: process.env['PATH'] ?? '' },
      log: () => {},
      registry: registry.url,
      metadataPolicy: FAST,
    }),
    (e: unknown) => {
      assert.ok(e instanceof ProvisionError);
      assert.match(e.message, /attempt 1: HTTP 401 Unauthorized\. npm pack did not help either: /);
      assert.match(e.message, /Ways out: /);
      assert.match(e.trail.join('\n'), /the registry answered HTTP 401; trying npm pack/);
      return true;
    },
  );
});

test('npmPack fetches from the registry stand-in as from any npm registry', async (t) => {
  const common = await cachedTarball('onnxruntime-common', ORT_VERSION, ORT_COMMON_INTEGRITY);
  if (common === undefined) {
    t.skip("onnxruntime-common is not in npm's cache (run npm ci first)");
    return;
  }
  const dir = tempDir(t);
  const registry = await startNpmRegistry({
    packages: [{ name: 'onnxruntime-common', version: ORT_VERSION, tarball: common }],
  });
  t.after(() => registry.stop());
  const files = await npmPack([`onnxruntime-common@${ORT_VERSION}`], join(dir, 'out'), {
    registry: registry.url,
  });
  assert.equal(await fileSriSha512(files.get('onnxruntime-common') ?? ''), ORT_COMMON_INTEGRITY);
  assert.ok(registry.requests.includes('GET /onnxruntime-common'), registry.requests.join(', '));
});

test('provisionOrt end to end: the real tarballs from the registry stand-in into an empty tool cache, load, run; then the tool cache', async (t) => {
  const node = await cachedTarball('onnxruntime-node', ORT_VERSION, ORT_NODE_INTEGRITY);
  const common = await cachedTarball('onnxruntime-common', ORT_VERSION, ORT_COMMON_INTEGRITY);
  if (node === undefined || common === undefined) {
    t.skip("the pinned tarballs are not in npm's cache (run npm ci first)");
    return;
  }
  const registry = await startNpmRegistry({
    packages: [
      { name: 'onnxruntime-node', version: ORT_VERSION, tarball: node },
      { name: 'onnxruntime-common', version: ORT_VERSION, tarball: common },
    ],
  });
  t.after(() => registry.stop());
  const dir = tempDir(t);
  const opts = emptyRunner(dir);
  // The registry as a job would configure it: in the user's .npmrc.
  writeFileSync(join(opts.homeDir, '.npmrc'), `registry=${registry.url}\n`);
  const lines: string[] = [];
  const first = await provisionOrt({ ...opts, log: (l) => lines.push(l) });
  for (const l of lines) t.diagnostic(l);
  assert.equal(first.source, 'registry');
  assert.equal(registry.requests.length, 4);
  assert.ok(first.packageDir.startsWith(opts.toolCacheDir), first.packageDir);
  assert.deepEqual(await presentBinaryDirs(first.packageDir), [
    `${process.platform}/${process.arch}`,
  ]);
  assert.ok(
    lines.some((l) => l.includes(`left out ${BINARY_ROOT}/`)),
    lines.join('\n'),
  );

  // The pinned content hash of this platform is what a fresh unpack gives.
  assert.equal(
    await ortTreeHash(join(first.packageDir, '..'), process.platform, process.arch),
    ORT_TREE_SHA256[`${process.platform}/${process.arch}`],
  );

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
  assert.equal(registry.requests.length, 4);
});
