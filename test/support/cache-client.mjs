// Runs the real @actions/cache in a child process with a clean environment (see
// test/actions-cache-server.test.ts). Usage: node cache-client.mjs '<json>' where json is
// { "op": "save" | "restore", "paths": [...], "key": "...", "restoreKeys": [...] }.
// The last line of stdout is `RESULT <json>`: { "result": <saveCache/restoreCache value> } or
// { "error": { "name", "message" } } when the call threw.
import * as cache from '@actions/cache';

const request = JSON.parse(process.argv[2] ?? '{}');
let outcome;
try {
  const result =
    request.op === 'save'
      ? await cache.saveCache(request.paths, request.key)
      : await cache.restoreCache(request.paths, request.key, request.restoreKeys ?? []);
  outcome = { result: result ?? null };
} catch (e) {
  outcome = { error: { name: e?.name ?? 'Error', message: e?.message ?? String(e) } };
}
process.stdout.write(`\nRESULT ${JSON.stringify(outcome)}\n`);
