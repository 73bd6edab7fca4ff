/**
 * `npm run bench [-- --quick] [-- --only a,b]`: measures threadgate itself on this machine and
 * prints each section's figures (ratios and rates measured in one sitting) as markdown, ready for
 * docs/BENCHMARKS.md. Timings live here, never in unit tests.
 */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { probeCpu } from '../src/cpu/index.js';
import { describeMachine } from '../src/report/terminal.js';
import { loadOrt, ortVersion } from '../src/workloads/ort.js';
import { adaptive } from './adaptive.js';
import { overhead } from './overhead.js';
import type { Section } from './types.js';

const SECTIONS: readonly Section[] = [overhead, adaptive];

const { values } = parseArgs({
  options: { quick: { type: 'boolean' }, only: { type: 'string' } },
  strict: true,
});
const only = values.only?.split(',').map((s) => s.trim());
const chosen = SECTIONS.filter((s) => !only || only.includes(s.name));
const dir = mkdtempSync(path.join(os.tmpdir(), 'threadgate-bench-'));
const log = (line: string) => process.stderr.write(`bench: ${line}\n`);

const machine = probeCpu({ ortVersion: ortVersion(loadOrt()) });
console.log(`# threadgate benchmarks${values.quick ? ' (quick)' : ''}\n`);
console.log(`- Date: ${new Date().toISOString()}`);
console.log(`- Machine: ${describeMachine(machine)}`);
console.log(`- Node ${process.versions.node}, onnxruntime-node ${ortVersion(loadOrt())}`);
console.log(
  `- Command: npm run bench${values.quick ? ' -- --quick' : ''}${values.only ? ` -- --only ${values.only}` : ''}\n`,
);
for (const section of chosen) {
  const t0 = performance.now();
  log(`${section.name}: ${section.title}`);
  const out = await section.run({ quick: values.quick === true, log, dir });
  console.log(`## ${section.title}\n`);
  for (const line of out.summary) console.log(`- ${line}`);
  if (out.table) {
    console.log(
      `\n| ${out.table.header.join(' | ')} |\n|${out.table.header.map(() => '---').join('|')}|`,
    );
    for (const row of out.table.rows) console.log(`| ${row.join(' | ')} |`);
  }
  console.log(`\n_Section time: ${((performance.now() - t0) / 1000).toFixed(0)} s._\n`);
}
