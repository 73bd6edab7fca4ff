/**
 * One stored-baseline run as the action does it, in one process of its own (a CI job): the sweep
 * (runSweep with two thirds of the budget, as the action when a stored baseline gates), then,
 * against each given baseline file, the gate under every setting of bench/rules.ts with the
 * re-measure of flagged cells (bench/gate.ts, the last third of the budget), in this same process
 * right after the sweep, as in the action. Run by
 * bench/util.ts `storedRun`:
 *
 *   node --import tsx bench/stored-run.ts --spec '{"settings": …, "baselines": […], …}'
 *
 * Writes the Result to `resultFile` and { verdicts: { [baseline name]: GateVerdict[] } } (one per
 * RULE_VARIANTS entry, in order) to `verdictFile`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { BaselineDocument } from '../src/baseline/history.js';
import { runSweep } from '../src/pipeline/sweep-run.js';
import { randomSeed } from '../src/settings/settings.js';
import { mainSweepSettings, storedVerdict, type GateVerdict, type RecheckCache } from './gate.js';
import { RULE_VARIANTS } from './rules.js';
import type { StoredRunSpec } from './util.js';

const { values } = parseArgs({ options: { spec: { type: 'string' } }, strict: true });
const spec = JSON.parse(values.spec ?? '{}') as StoredRunSpec;
const settings = { ...spec.settings, seed: randomSeed() };
// The sweep gets what the action gives it when a stored baseline gates; the rest is the re-measure's.
const { result } = await runSweep(mainSweepSettings(settings));
writeFileSync(spec.resultFile, JSON.stringify(result));
const verdicts: Record<string, GateVerdict[]> = {};
// Shared by all baselines and settings: one re-measurement per set of flagged cells.
const cache: RecheckCache = new Map();
for (const b of spec.baselines) {
  const document = JSON.parse(readFileSync(b.file, 'utf8')) as BaselineDocument;
  const loaded = { document, source: b.name, notes: [] };
  const list: GateVerdict[] = [];
  for (const v of RULE_VARIANTS) {
    list.push(await storedVerdict(loaded, result, v.opts, settings, cache));
  }
  verdicts[b.name] = list;
}
writeFileSync(spec.verdictFile, JSON.stringify({ verdicts }));
