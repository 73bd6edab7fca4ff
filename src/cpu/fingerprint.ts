/**
 * The machine fingerprint: which runs are comparable. A short stable hash of the fields below;
 * `fingerprintFields` exposes them so a report can say which ones differ.
 */
import { createHash } from 'node:crypto';
import { FINGERPRINT_FIELD_NAMES } from '../contract/limits.js';
import type { MachineInfo } from '../results/types.js';

export interface FingerprintFields {
  readonly os: string;
  readonly arch: string;
  readonly cpuModel: string;
  readonly availableCpus: number;
  readonly physicalCores: number;
  readonly onnxruntime: string;
}

/** The order the fields are hashed in (contract/limits.ts). Changing it changes every fingerprint. */
export { FINGERPRINT_FIELD_NAMES };

/** Collapse runs of whitespace so "AMD  EPYC" and "AMD EPYC " are one model. */
export function normalizeCpuModel(model: string): string {
  return model.replace(/\s+/g, ' ').trim();
}

/** sha256 of the fields in a fixed order, first 16 hex characters. */
export function computeFingerprint(fields: FingerprintFields): string {
  const normalized: FingerprintFields = { ...fields, cpuModel: normalizeCpuModel(fields.cpuModel) };
  const payload = JSON.stringify(FINGERPRINT_FIELD_NAMES.map((k) => [k, normalized[k]]));
  return createHash('sha256').update(payload).digest('hex').slice(0, 16);
}

/**
 * The fields a machine's fingerprint is made of. `onnxruntime` is the version recorded in the
 * machine info (the probe's `ortVersion`), "" when none was given.
 */
export function fingerprintFields(machine: MachineInfo): FingerprintFields {
  return {
    os: machine.os,
    arch: machine.arch,
    cpuModel: normalizeCpuModel(machine.cpuModel),
    availableCpus: machine.availableCpus,
    physicalCores: machine.physicalCores,
    onnxruntime: machine.onnxruntime ?? '',
  };
}

export interface FingerprintDifference {
  readonly field: keyof FingerprintFields;
  readonly a: string | number;
  readonly b: string | number;
}

/** Which fingerprint fields differ between two machines (empty: same kind of machine). */
export function fingerprintDifferences(a: MachineInfo, b: MachineInfo): FingerprintDifference[] {
  const fa = fingerprintFields(a);
  const fb = fingerprintFields(b);
  return FINGERPRINT_FIELD_NAMES.filter((k) => fa[k] !== fb[k]).map((field) => ({
    field,
    a: fa[field],
    b: fb[field],
  }));
}

/** The same machine with another onnxruntime version recorded, and its fingerprint recomputed. */
export function withOnnxruntime(machine: MachineInfo, onnxruntime: string): MachineInfo {
  const next = { ...machine, onnxruntime };
  return { ...next, fingerprint: computeFingerprint(fingerprintFields(next)) };
}
