/**
 * Seeded input data for user models: one generator per ONNX element type, and the constant or
 * list values a user gives with `--input-value` (repeated to fill the tensor).
 *
 * Floats are uniform in ±1 (float16 as IEEE half bit patterns in a Uint16Array, as ORT wants);
 * integers are small and non-negative (0..99), safe as indices into embeddings or gathers; bools
 * are a fair coin. Every input gets its own stream, derived from the seed and the input's name,
 * so adding an input to a model does not change the data of the others.
 */
import { mulberry32 } from '../stats/random.js';

/** Element types the workload can generate (ORT's Tensor.Type names). */
export const GENERATED_TYPES = [
  'float32',
  'float16',
  'float64',
  'int8',
  'uint8',
  'int16',
  'uint16',
  'int32',
  'uint32',
  'int64',
  'uint64',
  'bool',
] as const;
export type GeneratedType = (typeof GENERATED_TYPES)[number];

export type TensorData =
  | Float32Array
  | Float64Array
  | Int8Array
  | Uint8Array
  | Int16Array
  | Uint16Array
  | Int32Array
  | Uint32Array
  | BigInt64Array
  | BigUint64Array;

export function isGeneratedType(type: string): type is GeneratedType {
  return (GENERATED_TYPES as readonly string[]).includes(type);
}

/** Bytes per element of each generated type. */
export function bytesPerElement(type: GeneratedType): number {
  switch (type) {
    case 'float64':
    case 'int64':
    case 'uint64':
      return 8;
    case 'float32':
    case 'int32':
    case 'uint32':
      return 4;
    case 'float16':
    case 'int16':
    case 'uint16':
      return 2;
    default:
      return 1;
  }
}

/** Largest integer (exclusive) of the generated integer values. */
export const MAX_GENERATED_INT = 100;

/** FNV-1a of the name, mixed with the seed: one independent stream per input. */
export function inputSeed(seed: number, name: string): number {
  let h = 0x811c9dc5 ^ (seed >>> 0);
  for (let i = 0; i < name.length; i++) {
    h ^= name.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

const f32 = new Float32Array(1);
const u32 = new Uint32Array(f32.buffer);

/** IEEE 754 binary16 bits of a number (round to nearest even; overflow → ±Inf). */
export function toFloat16Bits(value: number): number {
  f32[0] = value;
  const x = u32[0]!;
  const sign = (x >>> 16) & 0x8000;
  const exp = (x >>> 23) & 0xff;
  let mant = x & 0x7fffff;
  if (exp === 0xff) return sign | 0x7c00 | (mant ? 0x200 : 0); // Inf / NaN
  let e = exp - 127 + 15;
  if (e >= 0x1f) return sign | 0x7c00; // overflow
  if (e <= 0) {
    if (e < -10) return sign; // underflow to ±0
    mant |= 0x800000; // implicit bit; subnormal half
    const shift = 14 - e;
    let half = mant >>> shift;
    const rest = mant & ((1 << shift) - 1);
    const halfway = 1 << (shift - 1);
    if (rest > halfway || (rest === halfway && half & 1)) half++;
    return sign | half;
  }
  let half = (e << 10) | (mant >>> 13);
  const rest = mant & 0x1fff;
  if (rest > 0x1000 || (rest === 0x1000 && half & 1)) half++; // may carry into the exponent
  e = half >>> 10;
  return sign | (e >= 0x1f ? 0x7c00 : half);
}

/** The number a binary16 bit pattern stands for (tests and labels). */
export function fromFloat16Bits(bits: number): number {
  const sign = bits & 0x8000 ? -1 : 1;
  const exp = (bits >>> 10) & 0x1f;
  const mant = bits & 0x3ff;
  if (exp === 0) return sign * mant * 2 ** -24;
  if (exp === 0x1f) return mant ? NaN : sign * Infinity;
  return sign * (1 + mant / 1024) * 2 ** (exp - 15);
}

function allocate(type: GeneratedType, count: number): TensorData {
  switch (type) {
    case 'float32':
      return new Float32Array(count);
    case 'float64':
      return new Float64Array(count);
    case 'float16':
    case 'uint16':
      return new Uint16Array(count);
    case 'int8':
      return new Int8Array(count);
    case 'uint8':
    case 'bool':
      return new Uint8Array(count);
    case 'int16':
      return new Int16Array(count);
    case 'int32':
      return new Int32Array(count);
    case 'uint32':
      return new Uint32Array(count);
    case 'int64':
      return new BigInt64Array(count);
    case 'uint64':
      return new BigUint64Array(count);
  }
}

/** Seeded data of `count` elements of `type` (see the module comment for the distributions). */
export function generateData(type: GeneratedType, count: number, seed: number): TensorData {
  const rand = mulberry32(seed);
  const out = allocate(type, count);
  if (out instanceof BigInt64Array || out instanceof BigUint64Array) {
    for (let i = 0; i < count; i++) out[i] = BigInt(Math.floor(rand() * MAX_GENERATED_INT));
    return out;
  }
  const next =
    type === 'float32' || type === 'float64'
      ? () => rand() * 2 - 1
      : type === 'float16'
        ? () => toFloat16Bits(rand() * 2 - 1)
        : type === 'bool'
          ? () => (rand() < 0.5 ? 0 : 1)
          : () => Math.floor(rand() * MAX_GENERATED_INT);
  for (let i = 0; i < count; i++) out[i] = next();
  return out;
}

/** Inclusive range of each integer type, as bigints. */
function intRange(type: GeneratedType): readonly [bigint, bigint] | undefined {
  switch (type) {
    case 'int8':
      return [-128n, 127n];
    case 'uint8':
      return [0n, 255n];
    case 'int16':
      return [-32768n, 32767n];
    case 'uint16':
      return [0n, 65535n];
    case 'int32':
      return [-(2n ** 31n), 2n ** 31n - 1n];
    case 'uint32':
      return [0n, 2n ** 32n - 1n];
    case 'int64':
      return [-(2n ** 63n), 2n ** 63n - 1n];
    case 'uint64':
      return [0n, 2n ** 64n - 1n];
    default:
      return undefined;
  }
}

/** A value list as written by the user: numbers, or true/false for bools. */
export const VALUE_TOKEN = /^(?:[-+]?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?|true|false)$/i;

/**
 * Fill `count` elements of `type` with the user's values (`"0"`, `"1,2,3"`), repeated.
 * Returns an error text (what is wrong, without the flag) instead of throwing, so the caller
 * names the flag and the input.
 */
export function valuesData(type: GeneratedType, text: string, count: number): TensorData | string {
  const tokens = splitValues(text);
  if (tokens.length === 0) return 'no values';
  const bad = tokens.find((t) => !VALUE_TOKEN.test(t));
  if (bad !== undefined) return `"${bad}" is not a number`;
  if (tokens.length > count) {
    return `${tokens.length} values for a tensor of ${count} element${count === 1 ? '' : 's'}`;
  }
  const out = allocate(type, count);
  const range = intRange(type);
  let values: (number | bigint)[];
  if (type === 'bool') {
    values = [];
    for (const t of tokens) {
      const v = /^true$/i.test(t) ? 1 : /^false$/i.test(t) ? 0 : Number(t);
      if (v !== 0 && v !== 1) return `"${t}" is not a bool (expected 0, 1, true or false)`;
      values.push(v);
    }
  } else if (range) {
    values = [];
    for (const t of tokens) {
      if (!/^[-+]?\d+$/.test(t)) return `"${t}" is not an integer (the input is ${type})`;
      const v = BigInt(t);
      if (v < range[0] || v > range[1]) return `${t} is out of range for ${type}`;
      values.push(out instanceof BigInt64Array || out instanceof BigUint64Array ? v : Number(v));
    }
  } else {
    values = [];
    for (const t of tokens) {
      if (/^(?:true|false)$/i.test(t)) return `"${t}" is not a number (the input is ${type})`;
      const v = Number(t);
      if (!Number.isFinite(v)) return `"${t}" is not a finite number`;
      values.push(type === 'float16' ? toFloat16Bits(v) : v);
    }
  }
  const n = values.length;
  if (out instanceof BigInt64Array || out instanceof BigUint64Array) {
    for (let i = 0; i < count; i++) out[i] = values[i % n] as bigint;
  } else {
    for (let i = 0; i < count; i++) out[i] = values[i % n] as number;
  }
  return out;
}

/** `"1, 2,3"` → `["1", "2", "3"]`. */
export function splitValues(text: string): string[] {
  return text
    .split(/[,\s]+/)
    .map((t) => t.trim())
    .filter((t) => t.length > 0);
}
