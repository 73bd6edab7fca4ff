// Bundles the action (dist/index.js) and the CLI (dist/cli.js) with esbuild, and writes the
// third-party notices of everything bundled to dist/licenses.txt (scripts/licenses.mjs).
// onnxruntime-node stays external: it carries native binaries and is resolved at run time (see
// src/provision); the npm package depends on it, and it carries its own license.
import { build } from 'esbuild';
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { thirdPartyNotices } from './licenses.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** @type {import('esbuild').BuildOptions} */
export const buildOptions = {
  absWorkingDir: ROOT,
  entryPoints: [
    { in: 'src/cli.ts', out: 'cli' },
    { in: 'src/action.ts', out: 'index' },
  ].filter((e) => existsSync(path.join(ROOT, e.in))),
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  external: ['onnxruntime-node'],
  // CommonJS dependencies call require(); give the ESM bundle one.
  banner: {
    js: "import { createRequire as __tgCreateRequire } from 'node:module'; const require = __tgCreateRequire(import.meta.url);",
  },
  // The packages' license comments go to dist/licenses.txt, whole, instead.
  legalComments: 'none',
  metafile: true,
  logLevel: 'warning',
};

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { metafile } = await build(buildOptions);
  writeFileSync(
    path.join(ROOT, 'dist/licenses.txt'),
    thirdPartyNotices(metafile, { root: ROOT }).text,
  );
}
