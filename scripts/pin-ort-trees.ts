// Prints ORT_TREE_SHA256 for src/provision/pinned.ts: the tree hash (src/provision/tree-hash.ts)
// of onnxruntime-node and onnxruntime-common unpacked from the pinned tarballs and pruned to
// each supported platform, as provisioning unpacks them. Run after bumping the pinned version
// (with the tarballs in npm's cache, e.g. after `npm ci`):
//   node --import tsx scripts/pin-ort-trees.ts
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PINNED_PACKAGES } from '../src/provision/pinned.js';
import { SUPPORTED_PLATFORMS } from '../src/provision/platform.js';
import { installFromTarballs } from '../src/provision/tarball.js';
import { ortTreeHash } from '../src/provision/tree-hash.js';
import { cachedTarball } from '../test/support/npm-registry.js';

const dir = mkdtempSync(join(tmpdir(), 'threadgate-pin-'));
try {
  const tarballs = [];
  for (const p of PINNED_PACKAGES) {
    const data = await cachedTarball(p.name, p.version, p.integrity);
    if (data === undefined) throw new Error(`${p.name}@${p.version} is not in npm's cache`);
    const file = join(dir, `${p.name}.tgz`);
    writeFileSync(file, data);
    tarballs.push({ name: p.name, file, integrity: p.integrity });
  }
  const lines: string[] = [];
  for (const id of SUPPORTED_PLATFORMS) {
    const [platform, arch] = id.split('/') as [string, string];
    const dest = join(dir, id.replace('/', '-'));
    await installFromTarballs({ tarballs, destDir: dest, platform, arch });
    lines.push(`  '${id}': '${await ortTreeHash(join(dest, 'node_modules'), platform, arch)}',`);
  }
  console.log(
    `export const ORT_TREE_SHA256: Readonly<Record<string, string>> = {\n${lines.join('\n')}\n};`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
