// Keeps the README's inputs and outputs tables in step with action.yml (as actions/checkout
// does): `node scripts/readme.mjs` rewrites them; `--check` exits 1 when they differ.
import { readFileSync, writeFileSync } from 'node:fs';
import { parse } from 'yaml';

const action = parse(readFileSync('action.yml', 'utf8'));
const cell = (s) =>
  String(s ?? '')
    .replace(/\|/g, '\\|')
    .replace(/\n/g, ' ');
const inputs = [
  '| input | default | description |',
  '|---|---|---|',
  ...Object.entries(action.inputs).map(
    ([name, i]) =>
      `| \`${name}\` | ${i.default === '' || i.default === undefined ? '' : `\`${cell(i.default)}\``} | ${cell(i.description)} |`,
  ),
].join('\n');
const outputs = [
  '| output | description |',
  '|---|---|',
  ...Object.entries(action.outputs).map(([name, o]) => `| \`${name}\` | ${cell(o.description)} |`),
].join('\n');

export function render(readme) {
  const put = (text, name, table) =>
    text.replace(
      new RegExp(`(<!-- ${name}:start -->\\n)[\\s\\S]*?(<!-- ${name}:end -->)`),
      (_, a, b) => `${a}${table}\n${b}`,
    );
  return put(put(readme, 'inputs', inputs), 'outputs', outputs);
}

const readme = readFileSync('README.md', 'utf8');
const updated = render(readme);
if (process.argv.includes('--check')) {
  if (updated !== readme) {
    console.error('README.md inputs/outputs differ from action.yml: run `node scripts/readme.mjs`');
    process.exit(1);
  }
} else {
  writeFileSync('README.md', updated);
}
