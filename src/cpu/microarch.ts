/**
 * FP32 FLOP per cycle per core from the ISA and microarchitecture, and CPU names for arm64
 * (implementer, part) pairs. Every figure is a vector-FMA throughput estimate: lanes × 2 (an FMA
 * is two FLOPs) × FMA pipes. The `isa` string says which assumption was made.
 */

export interface CoreFlops {
  readonly flopsPerCycle: number;
  /** The assumption, e.g. "AVX2+FMA: 2×256-bit FMA". */
  readonly isa: string;
}

interface ArmPart {
  readonly name: string;
  readonly flopsPerCycle?: number;
  readonly pipes?: string;
}

const ARM_IMPLEMENTERS: Readonly<Record<number, string>> = {
  0x41: 'ARM',
  0x42: 'Broadcom',
  0x43: 'Cavium',
  0x46: 'Fujitsu',
  0x48: 'HiSilicon',
  0x4e: 'NVIDIA',
  0x51: 'Qualcomm',
  0x61: 'Apple',
  0x6d: 'Microsoft',
  0xc0: 'Ampere',
};

const N128x2 = '2×128-bit NEON FMA';
const N128x4 = '4×128-bit NEON FMA';

/** Common server and recent client parts. FLOP/cycle only where the pipe count is well known. */
const ARM_PARTS: Readonly<Record<number, Readonly<Record<number, ArmPart>>>> = {
  0x41: {
    0xd03: { name: 'Cortex-A53' },
    0xd05: { name: 'Cortex-A55' },
    0xd07: { name: 'Cortex-A57' },
    0xd08: { name: 'Cortex-A72' },
    0xd09: { name: 'Cortex-A73' },
    0xd0a: { name: 'Cortex-A75' },
    0xd0b: { name: 'Cortex-A76', flopsPerCycle: 16, pipes: N128x2 },
    0xd0c: {
      name: 'Neoverse-N1',
      flopsPerCycle: 16,
      pipes: `${N128x2} (Neoverse N1: AWS Graviton2, Ampere Altra)`,
    },
    0xd0d: { name: 'Cortex-A77', flopsPerCycle: 16, pipes: N128x2 },
    0xd40: {
      name: 'Neoverse-V1',
      flopsPerCycle: 32,
      pipes: `${N128x4} / 2×256-bit SVE (Neoverse V1: AWS Graviton3)`,
    },
    0xd41: { name: 'Cortex-A78', flopsPerCycle: 16, pipes: N128x2 },
    0xd44: { name: 'Cortex-X1', flopsPerCycle: 32, pipes: N128x4 },
    0xd46: { name: 'Cortex-A510' },
    0xd47: { name: 'Cortex-A710', flopsPerCycle: 16, pipes: N128x2 },
    0xd48: { name: 'Cortex-X2', flopsPerCycle: 32, pipes: N128x4 },
    0xd49: {
      name: 'Neoverse-N2',
      flopsPerCycle: 16,
      pipes: `2×128-bit NEON/SVE2 FMA (Neoverse N2: Azure Cobalt 100)`,
    },
    0xd4a: { name: 'Neoverse-E1' },
    0xd4d: { name: 'Cortex-A715', flopsPerCycle: 16, pipes: N128x2 },
    0xd4e: { name: 'Cortex-X3', flopsPerCycle: 32, pipes: N128x4 },
    0xd4f: {
      name: 'Neoverse-V2',
      flopsPerCycle: 32,
      pipes: `4×128-bit NEON/SVE2 FMA (Neoverse V2: AWS Graviton4, NVIDIA Grace)`,
    },
    0xd81: { name: 'Cortex-A720', flopsPerCycle: 16, pipes: N128x2 },
    0xd82: { name: 'Cortex-X4', flopsPerCycle: 32, pipes: N128x4 },
    0xd84: { name: 'Neoverse-V3', flopsPerCycle: 32, pipes: `4×128-bit NEON/SVE2 FMA` },
    0xd8e: { name: 'Neoverse-N3', flopsPerCycle: 16, pipes: `2×128-bit NEON/SVE2 FMA` },
  },
  0x46: { 0x001: { name: 'A64FX', flopsPerCycle: 64, pipes: '2×512-bit SVE FMA' } },
  0x48: { 0xd01: { name: 'Kunpeng-920' } },
  0xc0: { 0xac3: { name: 'AmpereOne' } },
};

function hexNumber(s: string | undefined): number | null {
  if (s === undefined) return null;
  const t = s.trim().toLowerCase();
  if (!/^(0x[0-9a-f]+|\d+)$/.test(t)) return null;
  return t.startsWith('0x') ? parseInt(t.slice(2), 16) : Number(t);
}

const hex = (n: number, width: number): string => `0x${n.toString(16).padStart(width, '0')}`;

function armPart(implementer: string, part: string): ArmPart | null {
  const imp = hexNumber(implementer);
  const p = hexNumber(part);
  if (imp === null || p === null) return null;
  return ARM_PARTS[imp]?.[p] ?? null;
}

/**
 * A readable name for an arm64 core from /proc/cpuinfo's "CPU implementer" and "CPU part":
 * ("0x41", "0xd0c") → "ARM Neoverse-N1"; unknown parts → "ARM part 0xd99" (still stable).
 * Null when the fields are not numbers.
 */
export function armCpuName(implementer: string, part: string): string | null {
  const imp = hexNumber(implementer);
  const p = hexNumber(part);
  if (imp === null || p === null) return null;
  const vendor = ARM_IMPLEMENTERS[imp] ?? `implementer ${hex(imp, 2)}`;
  const known = ARM_PARTS[imp]?.[p];
  return known ? `${vendor} ${known.name}` : `${vendor} part ${hex(p, 3)}`;
}

/** FP32 FLOP/cycle of a known arm64 core; null when the part or its pipes are not known. */
export function armCoreFlops(implementer: string, part: string): CoreFlops | null {
  const known = armPart(implementer, part);
  if (!known || known.flopsPerCycle === undefined) return null;
  return { flopsPerCycle: known.flopsPerCycle, isa: known.pipes ?? known.name };
}

export interface X86Cpu {
  readonly vendor: string; // vendor_id: GenuineIntel, AuthenticAMD, HygonGenuine, …
  readonly family: number | null;
  readonly model: number | null;
  readonly flags: ReadonlySet<string>;
  readonly modelName: string;
}

/**
 * FP32 FLOP/cycle of an x86 core from its /proc/cpuinfo flags, vendor and family. The flags are
 * what the OS (and hypervisor) expose, which is also what ONNX Runtime's MLAS dispatches on.
 */
export function x86CoreFlops(cpu: X86Cpu): CoreFlops | null {
  const has = (f: string): boolean => cpu.flags.has(f);
  const amdLike = cpu.vendor === 'AuthenticAMD' || cpu.vendor === 'HygonGenuine';
  if (has('avx512f')) {
    if (amdLike && cpu.family !== null && cpu.family >= 0x1a) {
      // Zen 5: server and desktop parts have full 512-bit FMA pipes; mobile ones are 256-bit.
      const full = /EPYC|Threadripper|Ryzen \d+ 9\d{3}/i.test(cpu.modelName);
      return full
        ? { flopsPerCycle: 64, isa: 'AVX-512, Zen 5 with 512-bit datapath: 2×512-bit FMA' }
        : {
            flopsPerCycle: 32,
            isa: 'AVX-512, Zen 5 (assumed 256-bit mobile datapath): 2×256-bit FMA',
          };
    }
    if (amdLike) {
      return { flopsPerCycle: 32, isa: 'AVX-512, Zen 4 (double-pumped 256-bit): 2×256-bit FMA' };
    }
    if (/Xeon/i.test(cpu.modelName) && !/Bronze|Silver/i.test(cpu.modelName)) {
      return {
        flopsPerCycle: 64,
        isa: 'AVX-512 with 2 FMA units (assumed for Xeon Gold/Platinum-class parts): 2×512-bit FMA',
      };
    }
    return {
      flopsPerCycle: 32,
      isa: 'AVX-512 with 1 FMA unit (assumed for client/Bronze/Silver parts): 1×512-bit FMA',
    };
  }
  if (has('avx2') && has('fma')) {
    if (
      cpu.vendor === 'HygonGenuine' ||
      (amdLike && cpu.family === 0x17 && cpu.model !== null && cpu.model < 0x30)
    ) {
      return { flopsPerCycle: 16, isa: 'AVX2+FMA, Zen 1/Zen+ (128-bit units): 2×128-bit FMA' };
    }
    return { flopsPerCycle: 32, isa: 'AVX2+FMA: 2×256-bit FMA' };
  }
  if (has('avx')) {
    if (amdLike && cpu.family === 0x15) {
      return { flopsPerCycle: 16, isa: 'AVX, Bulldozer family: 2×128-bit FMA' };
    }
    return { flopsPerCycle: 16, isa: 'AVX without FMA: 256-bit add + 256-bit multiply' };
  }
  if (has('sse') || has('sse2')) {
    return { flopsPerCycle: 8, isa: 'SSE: 128-bit add + 128-bit multiply' };
  }
  return null;
}

/** Apple M-series P-core maximum clocks (MHz), as published. */
const APPLE_M_PCORE_MHZ: Readonly<Record<number, number>> = { 1: 3200, 2: 3490, 3: 4050, 4: 4400 };

export interface AppleCore extends CoreFlops {
  readonly clockMHz: number | null;
}

/** Apple M-series ("Apple M2 Pro"): 4×128-bit FMA per P-core = 32 FLOP/cycle, and its clock. */
export function appleCoreFlops(modelName: string): AppleCore | null {
  const m = /\bApple M(\d+)\b/.exec(modelName);
  if (!m) return null;
  const gen = Number(m[1]);
  return {
    flopsPerCycle: 32,
    isa: `Apple M${gen} P-core: 4×128-bit NEON FMA`,
    clockMHz: APPLE_M_PCORE_MHZ[gen] ?? null,
  };
}

/** Parse "0x41"-style or decimal cpuinfo numbers ("cpu family : 25"). */
export function cpuInfoNumber(s: string | undefined): number | null {
  return hexNumber(s);
}
