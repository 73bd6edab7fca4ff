/**
 * The environment threadgate's children get (src/io/child-env.ts): the listed variables gone,
 * everything else kept as it was. The call sites are tried with real processes in
 * tokens.test.ts, action.test.ts and provision-action.test.ts.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { childEnv, isScrubbed, scrubbedValues } from '../src/io/child-env.js';

const ROOT = path.resolve(import.meta.dirname, '..');

test('childEnv removes INPUT_*, the runner tokens and service URLs, GITHUB_TOKEN; keeps the rest', () => {
  const env = {
    'INPUT_GITHUB-TOKEN': 'ghs_1',
    INPUT_COMMAND: 'python bench.py',
    input_lower: 'x',
    ACTIONS_RUNTIME_TOKEN: 'rt',
    ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'oidc',
    ACTIONS_ID_TOKEN_REQUEST_URL: 'https://oidc.example/',
    ACTIONS_CACHE_URL: 'https://cache.example/',
    ACTIONS_RESULTS_URL: 'https://results.example/',
    GITHUB_TOKEN: 'ghs_2',
    github_token: 'ghs_3',
    // Not listed: these arrive.
    PATH: '/usr/bin',
    HOME: '/home/runner',
    GH_TOKEN: 'the step passed it',
    MY_INPUT_FILE: 'data.bin',
    GITHUB_TOKEN_SCOPE: 'x',
    ACTIONS_STEP_DEBUG: 'true',
    GITHUB_WORKSPACE: '/w',
    RUNNER_TEMP: '/t',
    UNSET: undefined,
  };
  assert.deepEqual(childEnv(env), {
    PATH: '/usr/bin',
    HOME: '/home/runner',
    GH_TOKEN: 'the step passed it',
    MY_INPUT_FILE: 'data.bin',
    GITHUB_TOKEN_SCOPE: 'x',
    ACTIONS_STEP_DEBUG: 'true',
    GITHUB_WORKSPACE: '/w',
    RUNNER_TEMP: '/t',
  });
  // A copy: the action's own environment is untouched.
  assert.equal(env['INPUT_GITHUB-TOKEN'], 'ghs_1');
  assert.deepEqual(scrubbedValues(env).sort(), [
    'ghs_1',
    'ghs_2',
    'ghs_3',
    'https://cache.example/',
    'https://oidc.example/',
    'https://results.example/',
    'oidc',
    'python bench.py',
    'rt',
    'x',
  ]);
  assert.equal(isScrubbed('Input_Sizes'), true);
  assert.equal(isScrubbed('ACTIONS_ID_TOKEN_REQUEST_ANYTHING'), true);
  assert.equal(isScrubbed('ACTIONS_RUNTIME_URL_X'), false);
});

test('every module of src/ that starts processes gives them childEnv', () => {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(p);
      else if (p.endsWith('.ts')) files.push(p);
    }
  };
  walk(path.join(ROOT, 'src'));
  const spawning = files.filter((f) => readFileSync(f, 'utf8').includes("'node:child_process'"));
  assert.ok(spawning.length >= 4, spawning.join(', '));
  for (const file of spawning) {
    assert.ok(
      readFileSync(file, 'utf8').includes('childEnv('),
      `${path.relative(ROOT, file)} starts processes without childEnv`,
    );
  }
});
