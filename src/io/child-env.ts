/**
 * The environment every child process of threadgate gets (the user's command, git, npm,
 * sysctl): the action's own environment minus what is meant for the action alone. A runner puts
 * the action's inputs in `INPUT_*` (the `github-token` input among them) and the tokens of its
 * services in `ACTIONS_*`; the user's command is code from the pull request, and git or npm read
 * configuration the checkout may hold. None of them needs these, so none gets them. What a
 * command needs the user passes with `env:` on the step (any name not listed here arrives).
 *
 * Removed: `INPUT_*`, `ACTIONS_RUNTIME_TOKEN`, `ACTIONS_ID_TOKEN_REQUEST_*`, `ACTIONS_CACHE_URL`,
 * `ACTIONS_RESULTS_URL`, `GITHUB_TOKEN` (names compared without case, as Windows does).
 */

type Env = Readonly<Record<string, string | undefined>>;

/** Variables removed by name. */
export const SCRUBBED_NAMES: readonly string[] = [
  'ACTIONS_RUNTIME_TOKEN',
  'ACTIONS_CACHE_URL',
  'ACTIONS_RESULTS_URL',
  'GITHUB_TOKEN',
];

/** Variables removed by the start of their name. */
export const SCRUBBED_PREFIXES: readonly string[] = ['INPUT_', 'ACTIONS_ID_TOKEN_REQUEST_'];

/** True for a variable no child of threadgate gets. */
export function isScrubbed(name: string): boolean {
  const upper = name.toUpperCase();
  return SCRUBBED_NAMES.includes(upper) || SCRUBBED_PREFIXES.some((p) => upper.startsWith(p));
}

/** A copy of `env` without the scrubbed variables (and without unset ones). */
export function childEnv(env: Env = process.env): NodeJS.ProcessEnv {
  const out: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(env)) {
    if (value !== undefined && !isScrubbed(name)) out[name] = value;
  }
  return out;
}

/**
 * The values of the scrubbed variables (the action's inputs, the runner's tokens): text that must
 * not leave threadgate in a credential either (see npmrc.ts `carriesSecret`).
 */
export function scrubbedValues(env: Env = process.env): string[] {
  const out = new Set<string>();
  for (const [name, value] of Object.entries(env)) {
    if (value !== undefined && value.trim() !== '' && isScrubbed(name)) out.add(value.trim());
  }
  return [...out];
}
