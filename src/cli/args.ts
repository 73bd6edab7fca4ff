/**
 * A strict wrapper over node:util parseArgs whose errors are InputErrors naming the flag: an
 * unknown flag, a missing value, a flag given twice (it would silently keep the last value) and
 * an empty value (it would silently mean the default) are all refused.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { InputError } from '../errors.js';

export type OptionSpec = NonNullable<ParseArgsConfig['options']>;

/** The long name of `arg` when it is an option of `options` (`--sizes`, `-t`), else undefined. */
function optionName(arg: string, options: OptionSpec): string | undefined {
  if (arg.startsWith('--')) return arg.slice(2);
  if (/^-[A-Za-z]$/.test(arg)) {
    return Object.keys(options).find((name) => options[name]?.short === arg.slice(1));
  }
  return undefined;
}

/**
 * `--sizes -5` is a (bad) value, not a flag: glue a negative number to the flag before it so
 * the validator, not the parser, reports it with the expected form.
 */
function glueNegativeValues(argv: readonly string[], options: OptionSpec): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const next = argv[i + 1];
    const name = optionName(arg, options);
    if (name && options[name]?.type === 'string' && next !== undefined && /^-\d/.test(next)) {
      out.push(`--${name}=${next}`);
      i++;
    } else {
      out.push(arg);
    }
  }
  return out;
}

/** Edit distance (insertions, deletions, substitutions, transpositions of neighbours). */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, d[i - 2]![j - 2]! + 1);
      }
      d[i]![j] = best;
    }
  }
  return d[a.length]![b.length]!;
}

/**
 * The candidate `word` was most likely meant to be: the only one it begins (`max` →
 * `max-time`), else the nearest within a third of its length (at least 1, at most 3 edits);
 * undefined when none is close. Case is ignored.
 */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  const w = word.toLowerCase();
  if (w === '') return undefined;
  const prefixed = candidates.filter((c) => c.toLowerCase().startsWith(w));
  if (prefixed.length === 1) return prefixed[0];
  const limit = Math.min(3, Math.max(1, Math.floor(w.length / 3)));
  let best: { name: string; distance: number } | undefined;
  for (const c of candidates) {
    const distance = editDistance(w, c.toLowerCase());
    if (distance <= limit && (best === undefined || distance < best.distance)) {
      best = { name: c, distance };
    }
  }
  return best?.name;
}

/** Commands with this many options or fewer list them all in an error; larger ones point to --help. */
const LISTED_OPTIONS = 6;

export type FlagValues = Record<string, string | boolean | string[] | boolean[] | undefined>;

export function parseFlags(
  command: string,
  argv: readonly string[],
  options: OptionSpec,
): FlagValues {
  const names = Object.keys(options);
  const help = `threadgate ${command} --help`;
  const known =
    names.length <= LISTED_OPTIONS
      ? names.map((k) => `--${k}`).join(', ')
      : `one of its options (${help} lists them)`;
  const unknownHint = (flag: string): string => {
    if (/^-[^-]/.test(flag)) {
      const shorts = names.flatMap((k) => {
        const short = options[k]?.short;
        return short === undefined ? [] : [`-${short} (--${k})`];
      });
      return `its short options are ${[...shorts, '-h (--help)'].join(', ')} (see ${help})`;
    }
    const guess = closest(flag.replace(/^-+/, '').split('=')[0]!, names);
    return guess !== undefined
      ? `did you mean --${guess}? (see ${help})`
      : names.length <= LISTED_OPTIONS
        ? `expected one of ${known} (see ${help})`
        : `expected ${known}`;
  };
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args: glueNegativeValues(argv, options),
      options,
      strict: true,
      allowPositionals: false,
      tokens: true,
    });
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    const code = (e as { code?: string }).code;
    // "Option '-t, --threads <value>' argument missing": the long name; "Unknown option '-x'".
    const flag = /'(?:-[^-' ], )?(-{1,2}[^' ,]+)/.exec(msg)?.[1] ?? '';
    switch (code) {
      case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
        throw new InputError(
          `${flag}: unknown option for "threadgate ${command}"; ${unknownHint(flag)}`,
        );
      case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
        throw new InputError(
          options[flag.replace(/^-+/, '')]?.type === 'boolean'
            ? `${flag}: takes no value`
            : `${flag}: missing value; write ${flag} VALUE or ${flag}=VALUE`,
        );
      case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL': {
        const arg = /'([^']*)'/.exec(msg)?.[1] ?? '';
        throw new InputError(
          `unexpected argument "${arg}" for "threadgate ${command}"; expected only options: ${names.length <= LISTED_OPTIONS ? known : `see ${help}`}`,
        );
      }
      default:
        throw new InputError(msg);
    }
  }
  // A flag given twice would silently keep the last value; an empty value silently mean the
  // default. Both are refused, naming the flag.
  const seen = new Map<string, string>();
  for (const token of parsed.tokens ?? []) {
    if (token.kind !== 'option') continue;
    const spec = options[token.name];
    if (spec === undefined) continue;
    if (spec.type === 'string' && token.value !== undefined && token.value.trim() === '') {
      throw new InputError(
        `--${token.name}: got ""; expected a value (see threadgate ${command} --help)`,
      );
    }
    if (spec.multiple) continue;
    const shown = token.value === undefined ? '' : ` (${JSON.stringify(token.value)})`;
    const before = seen.get(token.name);
    if (before !== undefined) {
      throw new InputError(
        `--${token.name}: given twice${before}${shown ? ` and${shown}` : ''}; expected it once`,
      );
    }
    seen.set(token.name, shown);
  }
  return parsed.values as FlagValues;
}

export function stringFlag(values: Record<string, unknown>, name: string): string | undefined {
  const v = values[name];
  return typeof v === 'string' ? v : undefined;
}

/** A required file-path flag: InputError naming it when missing or empty. */
export function requiredPath(values: Record<string, unknown>, name: string, what: string): string {
  const value = stringFlag(values, name);
  if (value === undefined)
    throw new InputError(`--${name}: missing; expected --${name} FILE (${what})`);
  if (value.trim() === '')
    throw new InputError(`--${name}: got ""; expected a file path (${what})`);
  return value;
}
