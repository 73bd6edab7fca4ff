/**
 * Fetch the pinned tarballs straight from an npm registry, as npm does, without npm: the
 * package document (packument) at `<registry><name>`, the version's `dist.tarball` (whose
 * registry.npmjs.org host is replaced by the configured registry, npm's default
 * `replace-registry-host`), then the tarball, checked against the pinned sha512 integrity.
 */
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { describeError, WorkloadError } from '../errors.js';
import { HttpGetError, httpGet, METADATA_POLICY, TARBALL_POLICY, type HttpPolicy } from './http.js';
import type { PinnedPackage } from './pinned.js';
import type { Tarball } from './tarball.js';

export interface RegistryFetchOptions {
  /** The registry URL, ending in `/`. */
  readonly registry: string;
  readonly destDir: string;
  /** The Authorization header for a URL (npm's rules, see npmrc.ts), or undefined. */
  readonly authorization?: (url: string) => string | undefined;
  readonly log: (line: string) => void;
  readonly metadataPolicy?: HttpPolicy;
  readonly tarballPolicy?: HttpPolicy;
}

/** A package could not be fetched: which one, the URL tried, and the HTTP status if any. */
export class RegistryFetchError extends WorkloadError {
  constructor(
    /** `name@version`. */
    readonly pkg: string,
    readonly url: string,
    readonly status: number | undefined,
    message: string,
  ) {
    super(message);
  }
}

/** The abbreviated packument npm asks for, falling back to the full document. */
const PACKUMENT_ACCEPT = 'application/vnd.npm.install-v1+json; q=1.0, application/json; q=0.8, */*';

/** Where npm looks up an unscoped package's document. */
export function packumentUrl(registry: string, name: string): string {
  return new URL(encodeURIComponent(name), registry).href;
}

/**
 * npm's `replace-registry-host=npmjs`: a tarball URL on registry.npmjs.org is fetched from the
 * configured registry instead (its path kept, as pacote does); other hosts are kept.
 */
export function tarballUrlFor(tarball: string, registry: string): string {
  const url = new URL(tarball);
  return url.host === 'registry.npmjs.org' ? new URL(url.pathname, registry).href : url.href;
}

/**
 * The version's tarball URL from a packument (JSON text); a WorkloadError when the document is
 * not one, lacks the version, or records an integrity other than the pinned one.
 */
export function tarballFromPackument(text: string, pkg: PinnedPackage, source: string): string {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    throw new WorkloadError(`${source} is not JSON (is it an npm registry?)`);
  }
  const versions = (doc as { versions?: unknown } | null)?.versions;
  if (typeof versions !== 'object' || versions === null) {
    throw new WorkloadError(`${source} has no "versions" (is it an npm registry?)`);
  }
  const entry = (versions as Record<string, unknown>)[pkg.version];
  if (typeof entry !== 'object' || entry === null) {
    throw new WorkloadError(
      `${source} has no version ${pkg.version} of ${pkg.name} (a mirror that has not synced it?)`,
    );
  }
  const dist = (entry as { dist?: { tarball?: unknown; integrity?: unknown } }).dist;
  const tarball = dist?.tarball;
  if (typeof tarball !== 'string' || !/^https?:\/\//.test(tarball)) {
    throw new WorkloadError(
      `${source} gives no http(s) tarball URL for ${pkg.name}@${pkg.version}`,
    );
  }
  const integrity = dist?.integrity;
  if (typeof integrity === 'string' && !integrity.split(/\s+/).includes(pkg.integrity)) {
    throw new WorkloadError(
      `${source} records the integrity of ${pkg.name}@${pkg.version} as ${integrity}, ` +
        `not the pinned ${pkg.integrity}`,
    );
  }
  return tarball;
}

/**
 * Download each package's tarball into `destDir` (verified later, when unpacked). Throws a
 * RegistryFetchError naming the first package that failed and the URL tried.
 */
export async function fetchFromRegistry(
  packages: readonly PinnedPackage[],
  opts: RegistryFetchOptions,
): Promise<Tarball[]> {
  const out: Tarball[] = [];
  const common = {
    ...(opts.authorization ? { authorization: opts.authorization } : {}),
    onRetry: opts.log,
  };
  for (const pkg of packages) {
    const id = `${pkg.name}@${pkg.version}`;
    let url = packumentUrl(opts.registry, pkg.name);
    try {
      const body = await httpGet(url, {
        ...common,
        policy: opts.metadataPolicy ?? METADATA_POLICY,
        headers: { accept: PACKUMENT_ACCEPT },
      });
      url = tarballUrlFor(
        tarballFromPackument(body?.toString('utf8') ?? '', pkg, url),
        opts.registry,
      );
      const file = join(opts.destDir, `${pkg.name}-${pkg.version}.tgz`);
      const t0 = performance.now();
      await httpGet(url, { ...common, policy: opts.tarballPolicy ?? TARBALL_POLICY, dest: file });
      opts.log(
        `downloaded ${id} from ${url} (${(statSync(file).size / 1024 / 1024).toFixed(1)} MB) in ` +
          `${((performance.now() - t0) / 1000).toFixed(1)} s`,
      );
      out.push({ name: pkg.name, file, integrity: pkg.integrity, origin: url });
    } catch (e) {
      const status = e instanceof HttpGetError ? e.status : undefined;
      throw new RegistryFetchError(id, url, status, describeError(e));
    }
  }
  return out;
}
