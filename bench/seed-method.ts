/**
 * The seed article's method, for bench/recommend.ts to run as a child process (a fresh process
 * per repetition, as someone timing it by hand would): per shape and thread count (ascending),
 * a new ORT session on a one-MatMul model, the first `session.run` timed, unwarmed; the fastest
 * thread count is the pick. Prints JSON: { workloads: [{ id, latencies: [{ threads, ns }] }] }.
 *
 *   node --import tsx bench/seed-method.ts --sizes 256,1024,1x4096x4096 --threads 1,2
 */
import { parseArgs } from 'node:util';
import { buildMatMulModel, seededData } from '../src/workloads/matmul-model.js';
import { matmulId, parseShapes } from '../src/workloads/matmul.js';
import { createSession, loadOrt, timedRun } from '../src/workloads/ort.js';

const { values } = parseArgs({
  options: { sizes: { type: 'string' }, threads: { type: 'string' } },
  strict: true,
});
const shapes = parseShapes(values.sizes ?? '256,1024,1x4096x4096');
const threads = (values.threads ?? '1,2').split(',').map(Number);
const ort = loadOrt();
const workloads = [];
for (const shape of shapes) {
  const model = buildMatMulModel(shape, 1, 1);
  const input = new ort.Tensor('float32', seededData(shape.m * shape.k, 1, 1), [shape.m, shape.k]);
  const latencies = [];
  for (const t of threads) {
    const session = await createSession(ort, model.bytes, t);
    const ns = await timedRun(session, { [model.inputName]: input });
    await session.release();
    latencies.push({ threads: t, ns });
  }
  workloads.push({ id: matmulId(shape), latencies });
}
process.stdout.write(JSON.stringify({ workloads }) + '\n');
