/**
 * A content hash of onnxruntime-node and onnxruntime-common as unpacked for one platform, to check
 * that a copy restored from a cache (the runner's tool cache, the Actions cache) is byte for byte
 * what the pinned tarballs hold. A cache entry is written by earlier jobs; a poisoned one would
 * otherwise run its native code in every later job. The expected hashes are pinned (pinned.ts),
 * computed from the tarballs by scripts/pin-ort-trees.ts, so no cache entry can vouch for itself.
 *
 * What is hashed: the two package directories under `node_modules/`, without the other
 * platforms' binary directories (provisioning leaves them out; a tool cache pre-seeded with a
 * plain `npm install` has them and still matches). One line per entry, sorted by path:
 * `d <path>` for a directory, `f <path> <size> <sha256>` for a file, `l <path> <target>` for a
 * link. Modes and times are left out (extraction and copies change them). At most MAX_ENTRIES.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { lstat, readdir, readlink } from 'node:fs/promises';
import path from 'node:path';
import { foreignBinaryDir } from './tarball.js';

const MAX_ENTRIES = 20_000;
const PACKAGES = ['onnxruntime-common', 'onnxruntime-node'] as const;

async function fileSha256(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** The tree hash of the two packages under `nodeModules` for `platform/arch`, hex. */
export async function ortTreeHash(
  nodeModules: string,
  platform: string,
  arch: string,
): Promise<string> {
  const lines: string[] = [];
  const walk = async (pkg: string, rel: string): Promise<void> => {
    const names = (await readdir(path.join(nodeModules, pkg, rel))).sort();
    for (const name of names) {
      const r = rel === '' ? name : `${rel}/${name}`;
      const full = path.join(nodeModules, pkg, r);
      const info = await lstat(full);
      // A directory as `dir/`: the foreign test then sees it as a directory, not a bare name.
      const probe = info.isDirectory() ? `${r}/` : r;
      if (pkg === 'onnxruntime-node' && foreignBinaryDir(probe, platform, arch) !== undefined) {
        continue;
      }
      if (lines.length >= MAX_ENTRIES) {
        throw new Error(`${nodeModules} holds more than ${MAX_ENTRIES} entries`);
      }
      const shown = `${pkg}/${r}`;
      if (info.isSymbolicLink()) lines.push(`l ${shown} ${await readlink(full)}`);
      else if (info.isDirectory()) {
        lines.push(`d ${shown}`);
        await walk(pkg, r);
      } else if (info.isFile()) lines.push(`f ${shown} ${info.size} ${await fileSha256(full)}`);
      else lines.push(`o ${shown}`);
    }
  };
  for (const pkg of PACKAGES) {
    // A package directory may itself be a link (a tool cache pre-seeded with symlinks).
    lines.push(`d ${pkg}`);
    await walk(pkg, '');
  }
  return createHash('sha256').update(lines.join('\n')).digest('hex');
}
