/**
 * Which npm registry, and which credentials for it, npm would use in the job — npm's own rules,
 * as pure functions over the environment and the text of the config files (the caller reads
 * them), with one difference: the checkout is not trusted.
 *
 * Registry precedence, highest first: the action's `registry` input (like `--registry`), the
 * environment (`npm_config_registry`, `NPM_CONFIG_REGISTRY`), the project's `.npmrc` (the
 * workspace's), the user's (`NPM_CONFIG_USERCONFIG`, else `~/.npmrc`), the global one
 * (`NPM_CONFIG_GLOBALCONFIG`, else `$NPM_CONFIG_PREFIX/etc/npmrc`), then npm's default.
 *
 * A config file in the checkout (`inWorkspace`) is the pull request's: it may name the registry
 * (mirrors are legitimate, and the pinned sha512 integrity holds whatever the registry serves),
 * but it is read without `${VAR}` expansion (which would copy the job's secrets into a URL), it
 * contributes no credentials, and a registry it chose gets none (RegistryChoice.trusted). In the
 * workflow's own files `${VAR}` expands from childEnv's environment (no action inputs, no runner
 * tokens), and a credential that carries one of those values anyway is not sent
 * (`carriesSecret`). Scoped registries (`@scope:registry`) do not apply: onnxruntime-node is
 * unscoped.
 */
import { invalid } from '../errors.js';
import { childEnv } from '../io/child-env.js';

export const DEFAULT_REGISTRY = 'https://registry.npmjs.org/';

/** One config file as read: its path (for messages) and text. */
export interface NpmrcFile {
  readonly path: string;
  readonly text: string;
  /**
   * The file lies in the checkout (the project's `.npmrc`, or a user config placed there): it
   * may name the registry, nothing more, and `${VAR}` in it is not expanded.
   */
  readonly inWorkspace: boolean;
}

export interface RegistryChoice {
  /** The registry URL, ending in `/`. */
  readonly url: string;
  /** Where it came from, for messages: `the registry input`, `NPM_CONFIG_REGISTRY`, a file path, `npm's default`. */
  readonly source: string;
  /**
   * The workflow chose it (the input, the environment, the user's or global config, npm's
   * default): credentials may go to it. False when the checkout's `.npmrc` chose it.
   */
  readonly trusted: boolean;
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
 * Parse an `.npmrc` as npm does (ini, then `${VAR}` expansion of keys and values from `env`;
 * none when `env` is null): `key = value` lines, `;` and `#` comments, a key alone meaning
 * `true`. Keys under a `[section]` are skipped (npm reads none of them).
 */
export function parseNpmrc(text: string, env: Env | null): Map<string, string> {
  const expand = env === null ? (t: string) => t : (t: string) => envReplace(t, env);
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
    values.set(expand(key), expand(value));
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
const EXPECTED_LITERAL_URL =
  "an http(s) URL written out: ${VAR} is not expanded in the checkout's .npmrc (set the " +
  '`registry` input or NPM_CONFIG_REGISTRY to use a variable)';

/** The registry set in the environment (`npm_config_registry`, `NPM_CONFIG_REGISTRY`), if any. */
export function registryFromEnv(
  env: Env,
): { readonly name: string; readonly value: string } | undefined {
  for (const name of ['npm_config_registry', 'NPM_CONFIG_REGISTRY']) {
    const value = env[name];
    if (value !== undefined && value !== '') return { name, value };
  }
  return undefined;
}

/**
 * The registry npm would use. `files` are the project's, the user's, then the global config, in
 * that order (earlier wins). A malformed value is an InputError naming where it came from; so is
 * a `${VAR}` in a file of the checkout.
 */
export function resolveRegistry(opts: {
  readonly input: string;
  readonly env: Env;
  readonly files: readonly NpmrcFile[];
}): RegistryChoice {
  const choose = (value: string, source: string, trusted = true): RegistryChoice => {
    const url = normalizeRegistryUrl(value);
    if (url === undefined) throw invalid(source, value, EXPECTED_URL);
    return { url, source, trusted };
  };
  if (opts.input.trim() !== '') return choose(opts.input, 'registry');
  const fromEnv = registryFromEnv(opts.env);
  if (fromEnv !== undefined) return choose(fromEnv.value, fromEnv.name);
  const expansion = childEnv(opts.env);
  for (const file of opts.files) {
    const value = parseNpmrc(file.text, file.inWorkspace ? null : expansion).get('registry');
    if (value === undefined || value === '') continue;
    const source = `registry in ${file.path}`;
    if (file.inWorkspace && value.includes('${')) {
      throw invalid(source, value, EXPECTED_LITERAL_URL);
    }
    return choose(value, source, !file.inWorkspace);
  }
  return { url: DEFAULT_REGISTRY, source: "npm's default", trusted: true };
}

/**
 * The values of the workflow's own config files merged, earlier files winning (user over
 * global), `${VAR}` expanded from childEnv's environment. A file in the checkout contributes
 * nothing: credentials come only from configuration the workflow chose.
 */
export function trustedNpmrc(files: readonly NpmrcFile[], env: Env): Map<string, string> {
  const expansion = childEnv(env);
  const merged = new Map<string, string>();
  for (const file of [...files].reverse()) {
    if (file.inWorkspace) continue;
    for (const [k, v] of parseNpmrc(file.text, expansion)) merged.set(k, v);
  }
  return merged;
}

/** Shorter values than this are only refused when a credential equals them, not when it holds them. */
const MIN_CONTAINED_SECRET = 16;

/**
 * True when an Authorization header (`Bearer …` or `Basic …`) carries one of `secrets` (the
 * action's inputs, the runner's tokens: child-env.ts `scrubbedValues`): the token itself, or a
 * Basic pair whose user or password is, or holds, one of them.
 */
export function carriesSecret(authorization: string, secrets: readonly string[]): boolean {
  const space = authorization.indexOf(' ');
  const scheme = authorization.slice(0, space).toLowerCase();
  const value = authorization.slice(space + 1).trim();
  const parts = [value];
  if (scheme === 'basic') {
    const plain = Buffer.from(value, 'base64').toString('utf8');
    const colon = plain.indexOf(':');
    parts.push(plain, plain.slice(0, Math.max(0, colon)), plain.slice(colon + 1));
  }
  return secrets.some((secret) =>
    parts.some(
      (part) => part === secret || (secret.length >= MIN_CONTAINED_SECRET && part.includes(secret)),
    ),
  );
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
