/**
 * Which npm registry, and which credentials for it, npm would use in the job — npm's own rules,
 * as pure functions over the environment and the text of the config files (the caller reads
 * them). Precedence, highest first: the action's `registry` input (like `--registry`), the
 * environment (`npm_config_registry`, `NPM_CONFIG_REGISTRY`), the project's `.npmrc` (the
 * workspace's), the user's (`NPM_CONFIG_USERCONFIG`, else `~/.npmrc`), then npm's default.
 * Scoped registries (`@scope:registry`) do not apply: onnxruntime-node is unscoped. npm's global
 * config (`$PREFIX/etc/npmrc`) is not read: without npm there is no prefix to find it under.
 */
import { invalid } from '../errors.js';

export const DEFAULT_REGISTRY = 'https://registry.npmjs.org/';

/** One config file as read: its path (for messages) and text. */
export interface NpmrcFile {
  readonly path: string;
  readonly text: string;
}

export interface RegistryChoice {
  /** The registry URL, ending in `/`. */
  readonly url: string;
  /** Where it came from, for messages: `the registry input`, `NPM_CONFIG_REGISTRY`, a file path, `npm's default`. */
  readonly source: string;
}

type Env = Readonly<Record<string, string | undefined>>;

/**
 * npm's `${VAR}` substitution (@npmcli/config's env-replace): an unset VAR stays as written,
 * `${VAR?}` becomes empty, and a backslash escapes the `$`.
 */
function envReplace(text: string, env: Env): string {
  return text.replace(
    /(?<!\\)(\\*)\$\{([^${}?]+)(\?)?\}/g,
    (whole: string, esc: string, name: string, optional?: string) => {
      if (esc.length % 2 === 1) return whole.slice((esc.length + 1) / 2);
      const value = env[name] ?? (optional === undefined ? `\${${name}}` : '');
      return esc.slice(esc.length / 2) + value;
    },
  );
}

/**
 * A key or value as the `ini` package (npm's) reads it: quoted text is unquoted (double quotes
 * as JSON); unquoted text ends at the first unescaped `;` or `#` (an inline comment).
 */
function unsafe(text: string): string {
  const val = text.trim();
  const quoted =
    val.length >= 2 &&
    ((val.startsWith('"') && val.endsWith('"')) || (val.startsWith("'") && val.endsWith("'")));
  if (quoted) {
    const inner = val.startsWith("'") ? val.slice(1, -1) : val;
    try {
      const parsed: unknown = JSON.parse(inner);
      return typeof parsed === 'string' ? parsed : inner;
    } catch {
      return inner;
    }
  }
  let out = '';
  let esc = false;
  for (const c of val) {
    if (esc) {
      out += '\\;#'.includes(c) ? c : `\\${c}`;
      esc = false;
    } else if (c === ';' || c === '#') break;
    else if (c === '\\') esc = true;
    else out += c;
  }
  if (esc) out += '\\';
  return out.trim();
}

/**
 * Parse an `.npmrc` as npm does (ini, then `${VAR}` expansion of keys and values): `key = value`
 * lines, `;` and `#` comments, a key alone meaning `true`. Keys under a `[section]` are skipped
 * (npm reads none of them).
 */
export function parseNpmrc(text: string, env: Env): Map<string, string> {
  const values = new Map<string, string>();
  let inSection = false;
  for (const line of text.split(/[\r\n]+/)) {
    if (/^\s*([;#]|$)/.test(line)) continue;
    const section = /^\[([^\]]*)\]\s*$/.test(line);
    if (section) {
      inSection = true;
      continue;
    }
    const m = /^([^=]+)(=(.*))?$/.exec(line);
    if (m === null || inSection) continue;
    const key = unsafe(m[1] ?? '').replace(/\[\]$/, '');
    const value = m[2] === undefined ? 'true' : unsafe(m[3] ?? '');
    values.set(envReplace(key, env), envReplace(value, env));
  }
  return values;
}

/** A registry URL in npm's form (http or https, ending in `/`), or undefined when it is not one. */
export function normalizeRegistryUrl(text: string): string | undefined {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
  if (url.search !== '' || url.hash !== '') return undefined;
  const href = url.href;
  return href.endsWith('/') ? href : `${href}/`;
}

const EXPECTED_URL = 'an http(s) URL of an npm registry, e.g. https://registry.npmjs.org/';

/**
 * The registry npm would use. `files` are the project's then the user's config, in that order
 * (earlier wins). A malformed value is an InputError naming where it came from.
 */
export function resolveRegistry(opts: {
  readonly input: string;
  readonly env: Env;
  readonly files: readonly NpmrcFile[];
}): RegistryChoice {
  const choose = (value: string, source: string): RegistryChoice => {
    const url = normalizeRegistryUrl(value);
    if (url === undefined) throw invalid(source, value, EXPECTED_URL);
    return { url, source };
  };
  if (opts.input.trim() !== '') return choose(opts.input, 'registry');
  for (const name of ['npm_config_registry', 'NPM_CONFIG_REGISTRY']) {
    const value = opts.env[name];
    if (value !== undefined && value !== '') return choose(value, name);
  }
  for (const file of opts.files) {
    const value = parseNpmrc(file.text, opts.env).get('registry');
    if (value !== undefined && value !== '') return choose(value, `registry in ${file.path}`);
  }
  return { url: DEFAULT_REGISTRY, source: "npm's default" };
}

/** The config files' values merged, earlier files winning (project over user). */
export function mergeNpmrc(files: readonly NpmrcFile[], env: Env): Map<string, string> {
  const merged = new Map<string, string>();
  for (const file of [...files].reverse()) {
    for (const [k, v] of parseNpmrc(file.text, env)) merged.set(k, v);
  }
  return merged;
}

/**
 * The `Authorization` header npm would send to `uri`, from `//host[:port]/path/:_authToken`,
 * `:_auth`, or `:username` with `:_password` (base64) — the longest matching key, walking the
 * path up to the host as npm-registry-fetch does; a URI on the registry's host without a key of
 * its own gets the registry's. Undefined when there is none.
 */
export function registryAuthorization(
  uri: string,
  registry: string,
  config: ReadonlyMap<string, string>,
): string | undefined {
  const lookup = (target: string): string | undefined => {
    const parsed = new URL(target);
    let key = `//${parsed.host}${parsed.pathname}`;
    while (key.length > 2) {
      const token = config.get(`${key}:_authToken`);
      if (token) return `Bearer ${token}`;
      const auth = config.get(`${key}:_auth`);
      if (auth) return `Basic ${auth}`;
      const user = config.get(`${key}:username`);
      const password = config.get(`${key}:_password`);
      if (user && password) {
        const plain = Buffer.from(password, 'base64').toString('utf8');
        return `Basic ${Buffer.from(`${user}:${plain}`, 'utf8').toString('base64')}`;
      }
      key = key.replace(/([^/]+|\/)$/, '');
    }
    return undefined;
  };
  const own = lookup(uri);
  if (own !== undefined) return own;
  if (uri !== registry && new URL(uri).host === new URL(registry).host) return lookup(registry);
  return undefined;
}
