/**
 * A stand-in for an npm registry on 127.0.0.1, serving what the registry serves for an unscoped
 * package: the package document at `/<name>` (abbreviated when asked with
 * `application/vnd.npm.install-v1+json`, as npm does) whose `versions[v].dist` holds `tarball`
 * and `integrity`, and the tarball at `/<name>/-/<name>-<version>.tgz`. npm itself can install
 * from it (test/provision.test.ts runs `npm pack` against it). Also: a server that accepts
 * connections and never answers, and a closed port.
 *
 * The real pinned tarballs come from npm's local cache (content-addressed by their integrity, as
 * `npm ci` left them) — never from the network.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { createServer as createNetServer, type Socket } from 'node:net';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';

export interface RegistryPackage {
  readonly name: string;
  readonly version: string;
  readonly tarball: Buffer;
}

export interface NpmRegistryOptions {
  readonly packages: readonly RegistryPackage[];
  /** When set, requests without `Authorization: Bearer <token>` get 401, as a private registry. */
  readonly token?: string;
  /**
   * Write `dist.tarball` as https://registry.npmjs.org/… (as mirrors that copy npm's documents
   * do), which npm — and threadgate — fetch from the configured registry instead.
   */
  readonly npmjsTarballUrls?: boolean;
  /**
   * The `dist.integrity` to record instead of the tarball's own: a registry that lies (a hostile
   * mirror claiming the pinned integrity for other bytes).
   */
  readonly integrityFor?: (pkg: RegistryPackage) => string;
}

export interface NpmRegistry {
  /** The registry URL, ending in `/`. */
  readonly url: string;
  /** `METHOD path` of every request, in order. */
  readonly requests: string[];
  /** The headers of every request, in order. */
  readonly headers: IncomingMessage['headers'][];
  stop(): Promise<void>;
}

function sri(data: Buffer): string {
  return `sha512-${createHash('sha512').update(data).digest('base64')}`;
}

function listen(server: Server | ReturnType<typeof createNetServer>): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      if (address === null || typeof address === 'string') reject(new Error('no port'));
      else resolve(address.port);
    });
  });
}

export async function startNpmRegistry(opts: NpmRegistryOptions): Promise<NpmRegistry> {
  const requests: string[] = [];
  const headers: IncomingMessage['headers'][] = [];
  let base = '';
  const server = createServer((req, res) => {
    requests.push(`${req.method ?? '?'} ${req.url ?? ''}`);
    headers.push(req.headers);
    if (opts.token !== undefined && req.headers.authorization !== `Bearer ${opts.token}`) {
      res.writeHead(401, { 'content-type': 'application/json', 'www-authenticate': 'Bearer' });
      res.end(JSON.stringify({ error: 'authentication required' }));
      return;
    }
    const path = decodeURIComponent(new URL(req.url ?? '/', base).pathname);
    const byName = opts.packages.filter((p) => path === `/${p.name}`);
    if (req.method === 'GET' && byName.length > 0) {
      const name = byName[0]!.name;
      const abbreviated = (req.headers.accept ?? '').includes(
        'application/vnd.npm.install-v1+json',
      );
      const host = opts.npmjsTarballUrls ? 'https://registry.npmjs.org/' : base;
      const versions = Object.fromEntries(
        byName.map((p) => [
          p.version,
          {
            name,
            version: p.version,
            dist: {
              tarball: `${host}${name}/-/${name}-${p.version}.tgz`,
              integrity: opts.integrityFor?.(p) ?? sri(p.tarball),
              shasum: createHash('sha1').update(p.tarball).digest('hex'),
            },
          },
        ]),
      );
      const doc = {
        name,
        'dist-tags': { latest: byName[byName.length - 1]!.version },
        modified: '2026-01-01T00:00:00.000Z',
        versions,
      };
      res.writeHead(200, {
        'content-type': abbreviated ? 'application/vnd.npm.install-v1+json' : 'application/json',
      });
      res.end(JSON.stringify(doc));
      return;
    }
    const tarball = opts.packages.find((p) => path === `/${p.name}/-/${p.name}-${p.version}.tgz`);
    if (req.method === 'GET' && tarball !== undefined) {
      res.writeHead(200, {
        'content-type': 'application/octet-stream',
        'content-length': String(tarball.tarball.length),
      });
      res.end(tarball.tarball);
      return;
    }
    res.writeHead(404, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ error: 'Not found' }));
  });
  const port = await listen(server);
  base = `http://127.0.0.1:${port}/`;
  return {
    url: base,
    requests,
    headers,
    stop: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A server on 127.0.0.1 that accepts connections and never answers. */
export async function startSilentServer(): Promise<{
  url: string;
  connections: () => number;
  stop(): Promise<void>;
}> {
  const sockets = new Set<Socket>();
  let count = 0;
  const server = createNetServer((socket) => {
    count++;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
  });
  const port = await listen(server);
  return {
    url: `http://127.0.0.1:${port}/`,
    connections: () => count,
    stop: () =>
      new Promise((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

/** A port on 127.0.0.1 that was free a moment ago and has nothing listening: connections are refused. */
export async function closedPort(): Promise<number> {
  const server = createNetServer();
  const port = await listen(server);
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** npm's cache directories to look in: npm_config_cache, then the platform defaults. */
function npmCacheDirs(): string[] {
  const dirs: string[] = [];
  for (const name of ['npm_config_cache', 'NPM_CONFIG_CACHE']) {
    const v = process.env[name];
    if (v) dirs.push(v);
  }
  dirs.push(join(homedir(), '.npm'));
  if (process.env['LOCALAPPDATA']) dirs.push(join(process.env['LOCALAPPDATA'], 'npm-cache'));
  return dirs;
}

/** The bytes with this sha512 integrity from npm's content-addressed cache (cacache), if there. */
function fromNpmCache(integrity: string): Buffer | undefined {
  const hex = Buffer.from(integrity.replace(/^sha512-/, ''), 'base64').toString('hex');
  for (const dir of npmCacheDirs()) {
    const file = join(
      dir,
      '_cacache',
      'content-v2',
      'sha512',
      hex.slice(0, 2),
      hex.slice(2, 4),
      hex.slice(4),
    );
    if (!existsSync(file)) continue;
    const data = readFileSync(file);
    if (sri(data) === integrity) return data;
  }
  return undefined;
}

/** `npm pack <spec> --offline`: npm's cache only, never the network. */
function npmPackOffline(spec: string, integrity: string): Promise<Buffer | undefined> {
  const dir = mkdtempSync(join(tmpdir(), 'threadgate-npm-pack-'));
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  return new Promise((resolve) => {
    execFile(
      npm,
      ['pack', spec, '--offline', '--pack-destination', dir],
      { timeout: 120_000, shell: process.platform === 'win32' },
      (error) => {
        try {
          const file = error ? undefined : readdirSync(dir).find((f) => f.endsWith('.tgz'));
          const data = file === undefined ? undefined : readFileSync(join(dir, file));
          resolve(data !== undefined && sri(data) === integrity ? data : undefined);
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      },
    );
  });
}

const cache = new Map<string, Promise<Buffer | undefined>>();

/**
 * The tarball of `name@version` with this integrity, from npm's local cache (once per process);
 * undefined when the cache does not hold it (run `npm ci` first).
 */
export function cachedTarball(
  name: string,
  version: string,
  integrity: string,
): Promise<Buffer | undefined> {
  let p = cache.get(integrity);
  if (p === undefined) {
    const direct = fromNpmCache(integrity);
    p =
      direct !== undefined
        ? Promise.resolve(direct)
        : npmPackOffline(`${name}@${version}`, integrity);
    cache.set(integrity, p);
  }
  return p;
}
