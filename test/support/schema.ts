/** Validate documents against the JSON Schemas shipped in schema/. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import { ROOT } from './cli.js';

const ajv = new Ajv({ allErrors: true, strict: false });

export function schemaErrors(schemaFile: string, doc: unknown): string[] {
  const schema = JSON.parse(readFileSync(path.join(ROOT, 'schema', schemaFile), 'utf8')) as object;
  const validate =
    ajv.getSchema((schema as { $id?: string }).$id ?? schemaFile) ?? ajv.compile(schema);
  return validate(doc)
    ? []
    : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''}`);
}
