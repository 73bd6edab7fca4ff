/**
 * The `model` workload: the user's own `.onnx` file, timed with onnxruntime-node like the
 * built-in MatMul (one `session.run` per call, `intraOpNumThreads` as the thread knob).
 *
 * Inputs are generated from what the model declares (`session.inputMetadata`: type and shape,
 * whose dimensions are numbers or symbolic names), read from a probe session with one thread.
 * Symbolic dimensions get their values from `--input-shape`, whose keys are either
 *  - an input name: `x=8x512` is the full shape of input `x` (its rank and fixed dimensions must
 *    agree with the model), or
 *  - a symbolic dimension name: `batch=8` sets `batch` wherever it appears.
 * An input name wins over a dimension of the same name. A full shape also binds the symbolic
 * names of that input's dimensions for the other inputs (ONNX: one name, one size), so
 * `ids=8x128` sizes a `mask: [batch, seq]` too; an explicit `batch=N` wins over such a binding,
 * and among full shapes the first input (in model order) binds.
 *
 * Identity is what the user names — the path as given and the `--input-shape` items, sorted:
 * `model:mlp.onnx[x=8x512]` — so editing the model keeps its history; the file's bytes are the
 * `contentHash` (sha256, first 16 hex digits), which tells a changed model apart.
 */
import { createHash } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { LIMITS } from '../contract/limits.js';
import { readBounded } from '../io/bounded-read.js';
import { basename } from 'node:path';
import { InputError, WorkloadError, describeError, invalid } from '../errors.js';
import type { CellRunner, Workload } from './types.js';
import {
  createSession,
  timedRun,
  type OrtModule,
  type OrtSession,
  type OrtTensor,
  type SessionConfig,
} from './ort.js';
import {
  GENERATED_TYPES,
  VALUE_TOKEN,
  bytesPerElement,
  generateData,
  inputSeed,
  isGeneratedType,
  splitValues,
  valuesData,
  type GeneratedType,
} from './tensor-data.js';

export interface ModelSpec {
  /** The path as the user gave it (it is part of the identity). */
  readonly path: string;
  /** `--input-shape`: input name → full shape, or symbolic dimension name → [value]. */
  readonly inputShapes: Readonly<Record<string, readonly number[]>>;
  /** `--input-value`: input name → values (`"0"`, `"1,2,3"`), repeated to fill the tensor. */
  readonly inputValues?: Readonly<Record<string, string>>;
  readonly seed: number;
  /** The action's workspace: a path inside it may not lead out of it through a link. */
  readonly within?: string;
}

/** One input as declared by the model. */
export interface DeclaredInput {
  readonly name: string;
  /** ORT's element type name, or `null` for a non-tensor (sequence, map, optional). */
  readonly type: string | null;
  /** Numbers are fixed; strings are symbolic (`""`: unnamed dynamic dimension). */
  readonly shape: readonly (number | string)[];
}

/** One input as it will be fed. */
export interface ResolvedInput {
  readonly name: string;
  readonly type: GeneratedType;
  readonly shape: readonly number[];
  readonly declaredShape: readonly (number | string)[];
  /** The user's `--input-value`, when given. */
  readonly values?: string;
}

/** Largest dimension accepted in `--input-shape`. */
export const MAX_INPUT_DIM = 2 ** 31 - 1;
/** All generated inputs together stay under this. */
export const MAX_INPUT_BYTES = 2 ** 30;

const SHAPE_FORM =
  'NAME=DIMS, e.g. x=8x512 (the full shape of input x) or batch=8 (a symbolic dimension by name)';
const VALUE_FORM = 'NAME=VALUES, e.g. ids=1 or ids=101,2023,102 (repeated to fill the input)';

/** `"x=8x512, mask=8x512"` and `"x=8x512\nmask=8x512"` hold two items. */
function splitItems(items: readonly string[]): string[] {
  return items
    .flatMap((item) => item.split(/[,;\r\n]+/))
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/**
 * Parse `--input-shape` items (`NAME=DIMS`, DIMS like `8x512`; several per item separated by
 * commas, semicolons or newlines, as the action input `input-shapes: "x=8x512, mask=8x512"`).
 * Which names are inputs and which are dimensions is decided against the model later.
 */
export function parseInputShapes(
  items: readonly string[],
  input = '--input-shape',
): Record<string, number[]> {
  const out: Record<string, number[]> = {};
  for (const item of splitItems(items)) {
    const eq = item.indexOf('=');
    const name = eq < 0 ? '' : item.slice(0, eq).trim();
    const dimsText = eq < 0 ? '' : item.slice(eq + 1).trim();
    if (name.length === 0 || dimsText.length === 0) throw invalid(input, item, SHAPE_FORM);
    const parts = dimsText.split(/[x×]/i).map((p) => p.trim());
    const dims = parts.map((p) => (/^\d+$/.test(p) ? Number(p) : NaN));
    if (dims.some((d) => !Number.isSafeInteger(d) || d < 1)) {
      throw invalid(input, item, `positive integer dimensions: ${SHAPE_FORM}`);
    }
    if (dims.some((d) => d > MAX_INPUT_DIM)) {
      throw invalid(input, item, `dimensions of at most ${MAX_INPUT_DIM}`);
    }
    if (Object.hasOwn(out, name)) {
      throw new InputError(`${input}: "${name}" is given twice; expected each name once`);
    }
    out[name] = dims;
  }
  return out;
}

/**
 * Parse `--input-value` items (`NAME=VALUES`): a constant (`ids=1`) or a list (`ids=1,2,3`),
 * repeated to fill the input. Inside one item (the action input), a comma-separated token with
 * `=` starts the next input: `"ids=1,2,3, mask=1"` is two. Numbers or true/false; whether they
 * fit the input's type is checked against the model.
 */
export function parseInputValues(
  items: readonly string[],
  input = '--input-value',
): Record<string, string> {
  const out: Record<string, string> = {};
  const lists: [string, string[], string][] = [];
  for (const line of items.flatMap((i) => i.split(/[;\r\n]+/))) {
    for (const raw of line.split(',')) {
      const token = raw.trim();
      if (token.length === 0) continue;
      const eq = token.indexOf('=');
      if (eq >= 0) {
        const name = token.slice(0, eq).trim();
        if (name.length === 0) throw invalid(input, token, VALUE_FORM);
        lists.push([name, splitValues(token.slice(eq + 1)), token]);
      } else {
        const current = lists[lists.length - 1];
        if (!current) throw invalid(input, line.trim(), VALUE_FORM);
        current[1].push(...splitValues(token));
        current[2] += `,${token}`;
      }
    }
  }
  for (const [name, values, text] of lists) {
    if (values.length === 0) throw invalid(input, text, VALUE_FORM);
    const bad = values.find((v) => !VALUE_TOKEN.test(v));
    if (bad !== undefined) throw invalid(input, text, `numbers or true/false: ${VALUE_FORM}`);
    if (Object.hasOwn(out, name)) {
      throw new InputError(`${input}: "${name}" is given twice; expected each input once`);
    }
    out[name] = values.join(',');
  }
  return out;
}

function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ').trim();
}

export function formatDeclaredShape(shape: readonly (number | string)[]): string {
  return `[${shape.map((d) => (d === '' ? '?' : String(d))).join(', ')}]`;
}

function formatDims(shape: readonly number[], sep = '×'): string {
  return shape.length === 0 ? 'scalar' : shape.join(sep);
}

function describeInputs(inputs: readonly DeclaredInput[]): string {
  return inputs
    .map((i) => `${i.name}: ${i.type ?? 'non-tensor'} ${formatDeclaredShape(i.shape)}`)
    .join(', ');
}

/** An example full shape for an input: symbolic dimensions shown as 8. */
function exampleShape(input: DeclaredInput): string {
  const dims = input.shape.map((d) => (typeof d === 'number' && d > 0 ? d : 8));
  return `${input.name}=${dims.length ? dims.join('x') : '1'}`;
}

/** The model's inputs, from a session's metadata. */
export function declaredInputs(session: OrtSession): DeclaredInput[] {
  return session.inputMetadata.map((m) =>
    m.isTensor
      ? { name: m.name, type: m.type, shape: [...m.shape] }
      : { name: m.name, type: null, shape: [] },
  );
}

/**
 * Resolve every input's type and full shape from the declared inputs and `--input-shape`
 * (see the module comment for the rules). Throws InputError naming the flag.
 */
export function resolveInputs(
  declared: readonly DeclaredInput[],
  inputShapes: Readonly<Record<string, readonly number[]>>,
  inputValues: Readonly<Record<string, string>> = {},
  modelName = 'the model',
): ResolvedInput[] {
  const inputNames = new Set(declared.map((i) => i.name));
  const symbols = new Set(
    declared.flatMap((i) => i.shape.filter((d): d is string => typeof d === 'string' && d !== '')),
  );
  const known = () => {
    const dims = [...symbols];
    return (
      `its inputs are ${describeInputs(declared)}` +
      (dims.length ? `; its symbolic dimensions are ${dims.join(', ')}` : '')
    );
  };
  const shown = (name: string, dims: readonly number[]) => `${name}=${dims.join('x')}`;

  // Types first: an input we cannot generate is an error whatever its shape.
  for (const i of declared) {
    if (i.type === null) {
      throw new InputError(
        `--model: input "${i.name}" of ${modelName} is not a tensor (a sequence, map or optional); ` +
          'expected a model whose inputs are all tensors',
      );
    }
    if (!isGeneratedType(i.type)) {
      throw new InputError(
        `--model: input "${i.name}" of ${modelName} has type ${i.type}, which threadgate cannot generate; ` +
          `expected inputs of type ${GENERATED_TYPES.join(', ')}`,
      );
    }
  }

  // Dimension values by name: explicit `batch=8`, then bound by full shapes (model order).
  const dimValues = new Map<string, number>();
  for (const [name, dims] of Object.entries(inputShapes)) {
    if (inputNames.has(name)) continue;
    if (!symbols.has(name)) {
      throw new InputError(
        `--input-shape: got "${shown(name, dims)}"; "${name}" is neither an input nor a symbolic ` +
          `dimension of ${modelName}; ${known()}`,
      );
    }
    if (dims.length !== 1) {
      throw new InputError(
        `--input-shape: got "${shown(name, dims)}"; "${name}" is a symbolic dimension of ${modelName}; ` +
          `expected one value, e.g. ${name}=8`,
      );
    }
    dimValues.set(name, dims[0]!);
  }
  for (const i of declared) {
    const full = inputShapes[i.name];
    if (!full) continue;
    if (i.shape.length > 0 && full.length !== i.shape.length) {
      throw new InputError(
        `--input-shape: got "${shown(i.name, full)}"; input "${i.name}" of ${modelName} has ` +
          `${i.shape.length} dimension${i.shape.length === 1 ? '' : 's'} ${formatDeclaredShape(i.shape)}; ` +
          `expected e.g. ${exampleShape(i)}`,
      );
    }
    i.shape.forEach((d, k) => {
      if (typeof d === 'number' && d >= 0 && full[k] !== d) {
        throw new InputError(
          `--input-shape: got "${shown(i.name, full)}"; input "${i.name}" of ${modelName} has shape ` +
            `${formatDeclaredShape(i.shape)}, whose dimension ${k + 1} is fixed at ${d}; expected e.g. ${exampleShape(i)}`,
        );
      }
    });
  }
  const bound = new Map<string, number>();
  for (const i of declared) {
    const full = inputShapes[i.name];
    if (!full) continue;
    i.shape.forEach((d, k) => {
      if (typeof d === 'string' && d !== '' && !bound.has(d)) bound.set(d, full[k]!);
    });
  }

  const resolved = declared.map((i): ResolvedInput => {
    const type = i.type as GeneratedType;
    const full = inputShapes[i.name];
    const shape =
      full !== undefined
        ? [...full]
        : i.shape.map((d, k) => {
            if (typeof d === 'number' && d >= 0) return d;
            const v =
              typeof d === 'string' && d !== '' ? (dimValues.get(d) ?? bound.get(d)) : undefined;
            if (v !== undefined) return v;
            const example = `--input-shape ${i.name}=DIMS (e.g. ${exampleShape(i)})`;
            throw new InputError(
              typeof d === 'string' && d !== ''
                ? `--input-shape: input "${i.name}" has a symbolic dimension "${d}" with no value; ` +
                    `expected ${example} or --input-shape ${d}=N`
                : `--input-shape: input "${i.name}" has an unnamed dynamic dimension (dimension ${k + 1} of ` +
                    `${formatDeclaredShape(i.shape)}) with no value; expected ${example}`,
            );
          });
    const values = inputValues[i.name];
    return values === undefined
      ? { name: i.name, type, shape, declaredShape: i.shape }
      : { name: i.name, type, shape, declaredShape: i.shape, values };
  });

  for (const name of Object.keys(inputValues)) {
    if (!inputNames.has(name)) {
      throw new InputError(
        `--input-value: got "${name}=${inputValues[name]}"; "${name}" is not an input of ${modelName}; ` +
          `its inputs are ${describeInputs(declared)}`,
      );
    }
  }

  const bytes = resolved.reduce(
    (sum, i) => sum + elementCount(i.shape) * bytesPerElement(i.type),
    0,
  );
  if (bytes > MAX_INPUT_BYTES) {
    throw new InputError(
      `--input-shape: the inputs of ${modelName} would take ${(bytes / 2 ** 30).toFixed(1)} GiB ` +
        `(${formatInputs(resolved)}); expected shapes whose inputs take under 1 GiB in total`,
    );
  }
  return resolved;
}

function elementCount(shape: readonly number[]): number {
  return shape.reduce((p, d) => p * d, 1);
}

/** `x: float32 8×512, mask: bool 8×512`. */
export function formatInputs(inputs: readonly ResolvedInput[]): string {
  return inputs.map((i) => `${i.name}: ${i.type} ${formatDims(i.shape)}`).join(', ');
}

/** `model:mlp.onnx[x=8x512]`: the path as given and the `--input-shape` items, sorted. */
export function modelId(
  path: string,
  inputShapes: Readonly<Record<string, readonly number[]>>,
): string {
  const items = Object.keys(inputShapes)
    .sort()
    .map((name) => `${name}=${formatDims(inputShapes[name]!, 'x')}`);
  return `model:${path}${items.length ? `[${items.join(',')}]` : ''}`;
}

/** The tensors to feed: generated from the seed, or the user's values. */
export function buildFeeds(
  ort: OrtModule,
  inputs: readonly ResolvedInput[],
  seed: number,
): Record<string, OrtTensor> {
  const feeds: Record<string, OrtTensor> = {};
  for (const i of inputs) {
    const count = elementCount(i.shape);
    let data;
    if (i.values !== undefined) {
      const filled = valuesData(i.type, i.values, count);
      if (typeof filled === 'string') {
        throw new InputError(
          `--input-value: got "${i.name}=${i.values}"; ${filled}; expected values that fit input ` +
            `"${i.name}" (${i.type} ${formatDims(i.shape)})`,
        );
      }
      data = filled;
    } else {
      data = generateData(i.type, count, inputSeed(seed, i.name));
    }
    const tensor = new ort.Tensor(i.type, data, i.shape);
    // On Node 24, onnxruntime-common 1.30 turns a float16 Uint16Array into a Float16Array, whose
    // bytes the 1.30 binding reads as 0 ("not enough space: expected 32, got 0"; upstream
    // microsoft/onnxruntime#32323). Hand it the raw half-precision bits, as on Node 20.
    if (
      i.type === 'float16' &&
      data instanceof Uint16Array &&
      !(tensor.data instanceof Uint16Array)
    ) {
      (tensor as unknown as { cpuData: Uint16Array }).cpuData = data;
    }
    feeds[i.name] = tensor;
  }
  return feeds;
}

/**
 * The largest model file threadgate reads: protobuf's 2 GiB message limit, which ONNX Runtime
 * cannot exceed without external data files (not supported here).
 */
export const MAX_MODEL_BYTES = 2 * 1024 ** 3 - 1;

/** The size of a model file (0 when it cannot be read: readModel then says why). */
export async function modelFileBytes(path: string): Promise<number> {
  try {
    const info = await stat(path);
    return info.isFile() ? info.size : 0;
  } catch {
    return 0;
  }
}

async function readModel(path: string, input: string, within?: string): Promise<Uint8Array> {
  // The one bounded reader: a device (/dev/zero), a FIFO, a link out of the workspace or a file
  // over the protobuf limit is refused before anything is read.
  const bytes = await readBounded(path, {
    input,
    maxBytes: MAX_MODEL_BYTES,
    expected: 'a readable .onnx file of at most 2 GiB (the protobuf limit without external data)',
    ...(within === undefined ? {} : { within }),
  });
  if (bytes.length === 0) {
    throw new InputError(
      `${input}: ${JSON.stringify(path)} is empty; expected a readable .onnx file`,
    );
  }
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length);
}

export async function createModelWorkload(
  ort: OrtModule,
  spec: ModelSpec,
  config: SessionConfig = {},
): Promise<Workload> {
  const id = modelId(spec.path, spec.inputShapes);
  if (id.length > LIMITS.idChars) {
    throw new InputError(
      `--model ${spec.path.slice(0, 60)}…: the path and input shapes name the workload in every results file; expected at most ${LIMITS.idChars} characters together`,
    );
  }
  const bytes = await readModel(spec.path, '--model', spec.within);
  const name = basename(spec.path);
  const contentHash = createHash('sha256').update(bytes).digest('hex').slice(0, 16);

  let probe: OrtSession;
  try {
    probe = await createSession(ort, bytes, 1);
  } catch (e) {
    throw new InputError(
      `--model: ${spec.path} is not a valid ONNX model: ${oneLine(describeError(e))}`,
    );
  }
  let inputs: ResolvedInput[];
  let feeds: Record<string, OrtTensor>;
  try {
    inputs = resolveInputs(declaredInputs(probe), spec.inputShapes, spec.inputValues ?? {}, name);
    feeds = buildFeeds(ort, inputs, spec.seed);
    // One run now: shapes or values the model rejects fail here, before any cell is opened.
    try {
      await probe.run(feeds, { logSeverityLevel: 4 });
    } catch (e) {
      throw new WorkloadError(
        `model ${spec.path} failed to run with the generated inputs (${formatInputs(inputs)}): ` +
          `${oneLine(describeError(e))}; check --input-shape and --input-value`,
      );
    }
  } finally {
    await probe.release();
  }

  return {
    id,
    kind: 'model',
    label: `${name} (${formatInputs(inputs)})`,
    opsPerCall: 1,
    flopsPerOp: null,
    metric: { name: 'latency per run', unit: 'ns' },
    contentHash,
    details: {
      path: spec.path,
      bytes: bytes.length,
      inputs: inputs.map((i) => ({
        name: i.name,
        type: i.type,
        shape: i.shape,
        declaredShape: i.declaredShape,
        ...(i.values !== undefined ? { values: i.values } : {}),
      })),
    },
    parallel: {
      model: bytes,
      feeds: Object.entries(feeds).map(([name, t]) => ({
        name,
        type: t.type,
        // The raw data (float16 as its Uint16Array bits, see buildFeeds).
        data: ((t as unknown as { cpuData?: unknown }).cpuData ?? t.data) as ArrayLike<number>,
        dims: [...t.dims],
      })),
    },
    async open(threads: number): Promise<CellRunner> {
      let session: OrtSession;
      try {
        session = await createSession(ort, bytes, threads, config);
      } catch (e) {
        throw new WorkloadError(
          `model ${spec.path} failed to load with ${threads} threads: ${oneLine(describeError(e))}`,
        );
      }
      return {
        call: () => timedRun(session, feeds),
        close: () => session.release(),
      };
    },
  };
}
