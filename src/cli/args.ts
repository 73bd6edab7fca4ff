/**
 * A strict wrapper over node:util parseArgs whose errors are InputErrors naming the flag: an
 * unknown flag, a missing value, a flag given twice (it would silently keep the last value) and
 * an empty value (it would silently mean the default) are all refused.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { InputError } from '../errors.js';

export type OptionSpec = NonNullable<ParseArgsConfig['options']>;

/**
 * `--sizes -5` is a (bad) value, not a flag: glue a negative number to the flag before it so
 * the validator, not the parser, reports it with the expected form.
 */
function glueNegativeValues(argv: readonly string[], options: OptionSpec): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const next = argv[i + 1];
    const name = arg.startsWith('--') ? arg.slice(2) : undefined;
    if (name && options[name]?.type === 'string' && next !== undefined && /^-\d/.test(next)) {
      out.push(`${arg}=${next}`);
      i++;
    } else {
      out.push(arg);
    }
  }
  return out;
}

export type FlagValues = Record<string, string | boolean | string[] | boolean[] | undefined>;

export function parseFlags(
  command: string,
  argv: readonly string[],
  options: OptionSpec,
): FlagValues {
  const known = Object.keys(options)
    .map((k) => `--${k}`)
    .join(', ');
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
    const flag = /'(-{1,2}[^' ]+)/.exec(msg)?.[1] ?? '';
    switch (code) {
      case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
        throw new InputError(
          `${flag}: unknown option for "threadgate ${command}"; expected one of ${known} (see threadgate ${command} --help)`,
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
          `unexpected argument "${arg}" for "threadgate ${command}"; expected only options: ${known}`,
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
