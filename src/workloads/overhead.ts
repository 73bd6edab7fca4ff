/**
 * The fixed cost of one `session.run` from Node (argument marshalling, the setImmediate hop,
 * output tensor creation) measured on a model that does nothing: one Identity on one float.
 */
import { buildIdentityModel } from './matmul-model.js';
import { createSession, timedRun, type OrtModule } from './ort.js';

export interface CallOverhead {
  readonly perCallNs: number;
  readonly samplesNs: readonly number[];
}

export async function measureCallOverhead(ort: OrtModule, samples = 300): Promise<CallOverhead> {
  const session = await createSession(ort, buildIdentityModel(), 1);
  try {
    const feeds = { x: new ort.Tensor('float32', new Float32Array([1]), [1]) };
    for (let i = 0; i < 100; i++) await timedRun(session, feeds);
    const out: number[] = [];
    for (let i = 0; i < samples; i++) out.push(await timedRun(session, feeds));
    const sorted = [...out].sort((a, b) => a - b);
    return { perCallNs: sorted[Math.floor(sorted.length / 2)]!, samplesNs: out };
  } finally {
    await session.release();
  }
}
