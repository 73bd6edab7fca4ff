/**
 * Colour or not, by the conventions users set: `FORCE_COLOR` (non-empty and not `0` or `false`)
 * forces it, even into a pipe; `FORCE_COLOR=0` turns it off; `NO_COLOR` (non-empty,
 * https://no-color.org) turns it off; otherwise colour only on a terminal that is not `dumb`.
 */
export function colourEnabled(
  stream: { readonly isTTY?: boolean },
  env: NodeJS.ProcessEnv = process.env,
): boolean {
  const force = env['FORCE_COLOR'];
  if (force !== undefined && force !== '') {
    return !['0', 'false'].includes(force.trim().toLowerCase());
  }
  if ((env['NO_COLOR'] ?? '') !== '') return false;
  return stream.isTTY === true && env['TERM'] !== 'dumb';
}
