// Writes the published JSON Schemas, schema/<name>.schema.json, from the one schema of each
// document (src/contract/schema.ts): `node --import tsx scripts/schema.ts` rewrites them;
// `--check` exits 1 when a file differs from what the contract generates (npm run lint, CI).
//
// What JSON Schema cannot say (a date that parses, a finite number, one field against another)
// stays in the contract's own checks; the published files say the rest: types, required fields,
// ranges, lengths, patterns, enums.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { toJsonSchema } from '@valibot/to-json-schema';
import { DOCUMENT_SCHEMAS } from '../src/contract/schema.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BASE = 'https://github.com/threadgate/threadgate/schema/';

export function generated(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, schema] of Object.entries(DOCUMENT_SCHEMAS)) {
    const json = toJsonSchema(schema, { errorMode: 'ignore', target: 'draft-07' }) as Record<
      string,
      unknown
    >;
    const { $schema, ...rest } = json;
    const file = `${name}.schema.json`;
    out[file] = `${JSON.stringify({ $schema, $id: `${BASE}${file}`, ...rest }, null, 2)}\n`;
  }
  return out;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const check = process.argv.includes('--check');
  let stale = 0;
  for (const [file, text] of Object.entries(generated())) {
    const at = path.join(ROOT, 'schema', file);
    let old = '';
    try {
      old = readFileSync(at, 'utf8');
    } catch {
      // a new document: written below, or reported stale
    }
    if (old === text) continue;
    if (check) {
      console.error(`schema/${file} is stale: run 'node --import tsx scripts/schema.ts'`);
      stale++;
    } else {
      writeFileSync(at, text);
      console.log(`wrote schema/${file}`);
    }
  }
  process.exitCode = stale > 0 ? 1 : 0;
}
