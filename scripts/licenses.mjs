// The third-party notices of a bundle: every npm package esbuild put code of into an output file
// (from its metafile), with its name, version, license and the license and notice files it ships.
// The bundles drop the packages' legal comments (legalComments: 'none'), so this file is where
// their copyright notices travel: dist/licenses.txt, in the repository and in the npm package.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** Files a package ships its license or notices in: LICENSE, LICENCE.md, COPYING, NOTICE.txt, … */
const LEGAL_FILE = /^(licen[cs]e|copying|notice)([-._].*)?$/i;

/**
 * The package folder an input path belongs to, e.g. "node_modules/@actions/core" for
 * "node_modules/@actions/core/lib/core.js" (the innermost node_modules wins), or null for the
 * project's own sources.
 * @param {string} input
 * @returns {string | null}
 */
export function packageDirOf(input) {
  const parts = input.split(/[\\/]/);
  const at = parts.lastIndexOf('node_modules');
  if (at === -1 || at + 1 >= parts.length) return null;
  const scoped = parts[at + 1].startsWith('@');
  return parts.slice(0, at + (scoped ? 3 : 2)).join('/');
}

/** "MIT", { type: "MIT" }, [{ type: "MIT" }, …] (old forms) → one SPDX-like string. */
function licenseOf(pkg) {
  const one = (l) => (typeof l === 'string' ? l : (l?.type ?? ''));
  if (pkg.license) return one(pkg.license);
  if (Array.isArray(pkg.licenses)) return pkg.licenses.map(one).filter(Boolean).join(' OR ');
  return '';
}

/**
 * The notices text for the outputs of an esbuild metafile.
 * @param {import('esbuild').Metafile} metafile
 * @param {{ root?: string }} [options] where the metafile's paths are relative to (cwd)
 * @returns {{ text: string, packages: { name: string, version: string, license: string, outputs: string[] }[] }}
 * @throws when a bundled package declares no license at all (someone must look at it)
 */
export function thirdPartyNotices(metafile, options = {}) {
  const root = options.root ?? process.cwd();
  /** @type {Map<string, Set<string>>} package dir → outputs it is bundled in */
  const dirs = new Map();
  for (const [output, { inputs }] of Object.entries(metafile.outputs)) {
    for (const [input, { bytesInOutput }] of Object.entries(inputs)) {
      const dir = packageDirOf(input);
      if (dir === null || bytesInOutput === 0) continue;
      dirs.set(dir, (dirs.get(dir) ?? new Set()).add(output));
    }
  }
  /** @type {Map<string, { name: string, version: string, license: string, outputs: Set<string>, texts: { file: string, text: string }[], missing: string[] }>} */
  const packages = new Map();
  const problems = [];
  for (const [dir, outputs] of dirs) {
    const abs = path.resolve(root, dir);
    const pkg = JSON.parse(readFileSync(path.join(abs, 'package.json'), 'utf8'));
    // A nested package.json without a name (e.g. "type": "module" markers) is not a package.
    if (!pkg.name) continue;
    const key = `${pkg.name}@${pkg.version}`;
    const entry = packages.get(key);
    if (entry) {
      for (const o of outputs) entry.outputs.add(o);
      continue;
    }
    const license = licenseOf(pkg);
    const texts = readdirSync(abs)
      .filter((f) => LEGAL_FILE.test(f))
      .sort()
      .map((file) => ({
        file,
        text: readFileSync(path.join(abs, file), 'utf8').replace(/\r\n?/g, '\n').trimEnd(),
      }));
    if (!license) problems.push(`${key} declares no license`);
    const author = typeof pkg.author === 'string' ? pkg.author : pkg.author?.name;
    const repository = typeof pkg.repository === 'string' ? pkg.repository : pkg.repository?.url;
    packages.set(key, {
      name: pkg.name,
      version: pkg.version,
      license,
      outputs,
      texts,
      // Some packages publish no license file; say so, with who and where they are from.
      missing:
        texts.length === 0
          ? [
              `The package ships no license file; its package.json declares ${license}.`,
              ...(author ? [`Author: ${author}`] : []),
              ...(repository ? [`Repository: ${repository}`] : []),
            ]
          : [],
    });
  }
  if (problems.length > 0) {
    throw new Error(`third-party notices: ${problems.join('; ')}`);
  }
  const sorted = [...packages.values()].sort(
    (a, b) => a.name.localeCompare(b.name, 'en') || a.version.localeCompare(b.version, 'en'),
  );
  const rule = '='.repeat(78);
  const outputs = Object.keys(metafile.outputs).sort();
  const text = [
    `Third-party software bundled in ${outputs.join(', ')}`,
    `${sorted.length} packages, each with its name, version, license and the license and notice`,
    'files it ships. Written by scripts/build.mjs from esbuild’s metafile; do not edit.',
    ...sorted.flatMap((p) => [
      '',
      rule,
      `${p.name} ${p.version}`,
      `License: ${p.license}`,
      `Bundled in: ${[...p.outputs].sort().join(', ')}`,
      ...p.missing,
      ...p.texts.flatMap((t) => ['', `--- ${t.file} ---`, '', t.text]),
    ]),
    '',
  ].join('\n');
  return {
    text,
    packages: sorted.map((p) => ({
      name: p.name,
      version: p.version,
      license: p.license,
      outputs: [...p.outputs].sort(),
    })),
  };
}
