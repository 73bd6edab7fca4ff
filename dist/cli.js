import { createRequire as __tgCreateRequire } from 'node:module'; const require = __tgCreateRequire(import.meta.url);
var __create = Object.create;
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __getProtoOf = Object.getPrototypeOf;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __require = /* @__PURE__ */ ((x) => typeof require !== "undefined" ? require : typeof Proxy !== "undefined" ? new Proxy(x, {
  get: (a, b) => (typeof require !== "undefined" ? require : a)[b]
}) : x)(function(x) {
  if (typeof require !== "undefined") return require.apply(this, arguments);
  throw Error('Dynamic require of "' + x + '" is not supported');
});
var __esm = (fn, res, err) => function __init() {
  if (err) throw err[0];
  try {
    return fn && (res = (0, fn[__getOwnPropNames(fn)[0]])(fn = 0)), res;
  } catch (e) {
    throw err = [e], e;
  }
};
var __commonJS = (cb, mod) => function __require2() {
  try {
    return mod || (0, cb[__getOwnPropNames(cb)[0]])((mod = { exports: {} }).exports, mod), mod.exports;
  } catch (e) {
    throw mod = 0, e;
  }
};
var __export = (target, all) => {
  for (var name in all)
    __defProp(target, name, { get: all[name], enumerable: true });
};
var __copyProps = (to, from, except, desc) => {
  if (from && typeof from === "object" || typeof from === "function") {
    for (let key of __getOwnPropNames(from))
      if (!__hasOwnProp.call(to, key) && key !== except)
        __defProp(to, key, { get: () => from[key], enumerable: !(desc = __getOwnPropDesc(from, key)) || desc.enumerable });
  }
  return to;
};
var __toESM = (mod, isNodeMode, target) => (target = mod != null ? __create(__getProtoOf(mod)) : {}, __copyProps(
  // If the importer is in node compatibility mode or this is not an ESM
  // file that has been converted to a CommonJS file using a Babel-
  // compatible transform (i.e. "__esModule" has not been set), then set
  // "default" to the CommonJS "module.exports" for node compatibility.
  isNodeMode || !mod || !mod.__esModule ? __defProp(target, "default", { value: mod, enumerable: true }) : target,
  mod
));

// src/errors.ts
function invalid(input, value, expected) {
  const shown = typeof value === "string" ? JSON.stringify(value) : String(value);
  return new InputError(`${input}: got ${shown}; expected ${expected}`);
}
function isUserError(e) {
  return e instanceof InputError || e instanceof BaselineError || e instanceof WorkloadError;
}
function describeError(e) {
  if (e instanceof Error) return e.message;
  if (typeof e === "string") return e;
  try {
    return JSON.stringify(e);
  } catch {
    return String(e);
  }
}
var InputError, BaselineError, WorkloadError;
var init_errors = __esm({
  "src/errors.ts"() {
    "use strict";
    InputError = class extends Error {
      name = "InputError";
      constructor(message) {
        super(message);
      }
    };
    BaselineError = class extends Error {
      name = "BaselineError";
      constructor(message) {
        super(message);
      }
    };
    WorkloadError = class extends Error {
      name = "WorkloadError";
      constructor(message) {
        super(message);
      }
    };
  }
});

// src/cli/args.ts
import { parseArgs } from "node:util";
function optionName(arg, options) {
  if (arg.startsWith("--")) return arg.slice(2);
  if (/^-[A-Za-z]$/.test(arg)) {
    return Object.keys(options).find((name) => options[name]?.short === arg.slice(1));
  }
  return void 0;
}
function glueNegativeValues(argv, options) {
  const out = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const next = argv[i + 1];
    const name = optionName(arg, options);
    if (name && options[name]?.type === "string" && next !== void 0 && /^-\d/.test(next)) {
      out.push(`--${name}=${next}`);
      i++;
    } else {
      out.push(arg);
    }
  }
  return out;
}
function editDistance(a, b) {
  const d = Array.from(
    { length: a.length + 1 },
    (_, i) => Array.from({ length: b.length + 1 }, (_2, j) => i === 0 ? j : j === 0 ? i : 0)
  );
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, d[i - 2][j - 2] + 1);
      }
      d[i][j] = best;
    }
  }
  return d[a.length][b.length];
}
function closest(word, candidates) {
  const w = word.toLowerCase();
  if (w === "") return void 0;
  const prefixed = candidates.filter((c) => c.toLowerCase().startsWith(w));
  if (prefixed.length === 1) return prefixed[0];
  const limit = Math.min(3, Math.max(1, Math.floor(w.length / 3)));
  let best;
  for (const c of candidates) {
    const distance = editDistance(w, c.toLowerCase());
    if (distance <= limit && (best === void 0 || distance < best.distance)) {
      best = { name: c, distance };
    }
  }
  return best?.name;
}
function parseFlags(command, argv, options) {
  const names = Object.keys(options);
  const help = `threadgate ${command} --help`;
  const known = names.length <= LISTED_OPTIONS ? names.map((k) => `--${k}`).join(", ") : `one of its options (${help} lists them)`;
  const unknownHint = (flag) => {
    if (/^-[^-]/.test(flag)) {
      const shorts = names.flatMap((k) => {
        const short = options[k]?.short;
        return short === void 0 ? [] : [`-${short} (--${k})`];
      });
      return `its short options are ${[...shorts, "-h (--help)"].join(", ")} (see ${help})`;
    }
    const guess = closest(flag.replace(/^-+/, "").split("=")[0], names);
    return guess !== void 0 ? `did you mean --${guess}? (see ${help})` : names.length <= LISTED_OPTIONS ? `expected one of ${known} (see ${help})` : `expected ${known}`;
  };
  let parsed;
  try {
    parsed = parseArgs({
      args: glueNegativeValues(argv, options),
      options,
      strict: true,
      allowPositionals: false,
      tokens: true
    });
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    const code = e.code;
    const flag = /'(?:-[^-' ], )?(-{1,2}[^' ,]+)/.exec(msg)?.[1] ?? "";
    switch (code) {
      case "ERR_PARSE_ARGS_UNKNOWN_OPTION":
        throw new InputError(
          `${flag}: unknown option for "threadgate ${command}"; ${unknownHint(flag)}`
        );
      case "ERR_PARSE_ARGS_INVALID_OPTION_VALUE":
        throw new InputError(
          options[flag.replace(/^-+/, "")]?.type === "boolean" ? `${flag}: takes no value` : `${flag}: missing value; write ${flag} VALUE or ${flag}=VALUE`
        );
      case "ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL": {
        const arg = /'([^']*)'/.exec(msg)?.[1] ?? "";
        throw new InputError(
          `unexpected argument "${arg}" for "threadgate ${command}"; expected only options: ${names.length <= LISTED_OPTIONS ? known : `see ${help}`}`
        );
      }
      default:
        throw new InputError(msg);
    }
  }
  const seen = /* @__PURE__ */ new Map();
  for (const token of parsed.tokens ?? []) {
    if (token.kind !== "option") continue;
    const spec = options[token.name];
    if (spec === void 0) continue;
    if (spec.type === "string" && token.value !== void 0 && token.value.trim() === "") {
      throw new InputError(
        `--${token.name}: got ""; expected a value (see threadgate ${command} --help)`
      );
    }
    if (spec.multiple) continue;
    const shown = token.value === void 0 ? "" : ` (${JSON.stringify(token.value)})`;
    const before = seen.get(token.name);
    if (before !== void 0) {
      throw new InputError(
        `--${token.name}: given twice${before}${shown ? ` and${shown}` : ""}; expected it once`
      );
    }
    seen.set(token.name, shown);
  }
  return parsed.values;
}
function stringFlag(values, name) {
  const v = values[name];
  return typeof v === "string" ? v : void 0;
}
function requiredPath(values, name, what) {
  const value = stringFlag(values, name);
  if (value === void 0)
    throw new InputError(`--${name}: missing; expected --${name} FILE (${what})`);
  if (value.trim() === "")
    throw new InputError(`--${name}: got ""; expected a file path (${what})`);
  return value;
}
var LISTED_OPTIONS;
var init_args = __esm({
  "src/cli/args.ts"() {
    "use strict";
    init_errors();
    LISTED_OPTIONS = 6;
  }
});

// package.json
var package_default;
var init_package = __esm({
  "package.json"() {
    package_default = {
      name: "threadgate",
      version: "1.0.0",
      description: "Find the thread count your CPU inference should use, and gate pull requests on latency regressions.",
      license: "MIT",
      author: "threadgate contributors",
      repository: {
        type: "git",
        url: "git+https://github.com/threadgate/threadgate.git"
      },
      homepage: "https://github.com/threadgate/threadgate#readme",
      bugs: {
        url: "https://github.com/threadgate/threadgate/issues"
      },
      keywords: [
        "onnxruntime",
        "threads",
        "OMP_NUM_THREADS",
        "benchmark",
        "performance-regression",
        "github-action",
        "cli"
      ],
      type: "module",
      bin: {
        threadgate: "bin/threadgate.js"
      },
      files: [
        "bin/",
        "dist/cli.js",
        "dist/licenses.txt",
        "python/",
        "schema/",
        "CHANGELOG.md"
      ],
      engines: {
        node: ">=20"
      },
      scripts: {
        build: "node scripts/build.mjs",
        typecheck: "tsc --noEmit",
        test: "node scripts/test.mjs",
        lint: "eslint . && prettier --check . && node scripts/readme.mjs --check && node --import tsx scripts/schema.ts --check",
        format: "prettier --write .",
        bench: "node --import tsx bench/index.ts",
        "setup:node24": "npm rebuild node --ignore-scripts=false",
        schema: "node --import tsx scripts/schema.ts"
      },
      dependencies: {
        "onnxruntime-node": "^1.30.0"
      },
      devDependencies: {
        "@actions/cache": "^6.3.0",
        "@actions/core": "^3.0.1",
        "@actions/github": "^9.1.1",
        "@actions/http-client": "^4.0.1",
        "@actions/tool-cache": "^4.0.0",
        "@azure/storage-blob": "~12.31.0",
        "@eslint/js": "^10.0.1",
        "@octokit/openapi": "^23.0.2",
        "@octokit/plugin-retry": "^8.1.1",
        "@types/node": "^20.19.43",
        "@types/proper-lockfile": "^4.1.4",
        "@valibot/to-json-schema": "^1.8.0",
        ajv: "^8.20.0",
        esbuild: "^0.28.2",
        eslint: "^10.15.0",
        globals: "^17.14.0",
        jstat: "^1.9.6",
        mermaid: "^11.17.2",
        node: "^24.21.0",
        "onnx-proto": "^8.0.1",
        prettier: "^3.10.1",
        "proper-lockfile": "^4.1.2",
        "simple-statistics": "^7.12.1",
        tar: "^7.5.23",
        tsx: "^4.23.15",
        typescript: "^6.0.3",
        "typescript-eslint": "^8.74.0",
        valibot: "^1.5.0",
        yaml: "^2.9.1"
      }
    };
  }
});

// src/version.ts
var TOOL_NAME, TOOL_VERSION;
var init_version = __esm({
  "src/version.ts"() {
    "use strict";
    init_package();
    TOOL_NAME = "threadgate";
    TOOL_VERSION = package_default.version;
  }
});

// src/report/format.ts
function formatNs(ns2) {
  if (!Number.isFinite(ns2)) return String(ns2);
  const abs = Math.abs(ns2);
  if (abs < 1e3) return `${ns2.toFixed(0)} ns`;
  if (abs < 1e6) return `${(ns2 / 1e3).toPrecision(4)} \xB5s`;
  if (abs < 1e9) return `${(ns2 / 1e6).toPrecision(4)} ms`;
  return `${(ns2 / 1e9).toPrecision(4)} s`;
}
function formatRange(lo, hi) {
  const unit = formatNs(hi).split(" ")[1] ?? "ns";
  const scale = { ns: 1, \u00B5s: 1e3, ms: 1e6, s: 1e9 }[unit] ?? 1;
  const digits = hi / scale >= 100 ? 1 : hi / scale >= 10 ? 2 : 3;
  return `${(lo / scale).toFixed(digits)}\u2013${(hi / scale).toFixed(digits)} ${unit}`;
}
function formatPercent(x, digits = 1) {
  return `${(x * 100).toFixed(digits)} %`;
}
function formatSignedPercent(x, digits = 1) {
  const s = (Math.abs(x) * 100).toFixed(digits);
  return `${x >= 0 ? "+" : "\u2212"}${s} %`;
}
function padStart(s, width) {
  return s.length >= width ? s : " ".repeat(width - s.length) + s;
}
function padEnd(s, width) {
  return s.length >= width ? s : s + " ".repeat(width - s.length);
}
function textTable(header, rows, align) {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells) => cells.map((c, i) => align[i] === "r" ? padStart(c, widths[i]) : padEnd(c, widths[i])).join("  ").trimEnd();
  return [line(header), line(widths.map((w) => "\u2500".repeat(w))), ...rows.map(line)].join("\n");
}
function engineText(result) {
  const w = result.workloads.find((x) => x.engine);
  if (!w?.engine) return null;
  const e = w.engine;
  const reported = w.points.filter((p) => p.runtimeThreads != null).map((p) => p.runtimeThreads);
  return `${e.name} ${e.version}${e.parallelBackend ? `, parallel backend ${e.parallelBackend}` : ""}` + (reported.length > 0 ? `; thread counts as ${e.name} reported them: ${reported.join(", ")}` : "");
}
function runsAsProgram(w) {
  return w?.kind === "command" || w?.kind === "worker";
}
var init_format = __esm({
  "src/report/format.ts"() {
    "use strict";
  }
});

// src/contract/limits.ts
var LIMITS, WORKLOAD_KINDS, ENGINES, OBJECTIVES, VERDICTS, CELL_STATUSES, GATE_ROLES, COMPARISON_UNITS, REFERENCE_SOURCES, NORMALIZE_MODES, DUET_MODES, DEFAULT_DUET, THINNED_TIERS, GATE_MODES, FINGERPRINT_FIELD_NAMES, DOCUMENT_KINDS, DEFAULT_COMPARE_SEED, DEFAULT_RESAMPLES, UNPRINTABLE_SOURCE;
var init_limits = __esm({
  "src/contract/limits.ts"() {
    "use strict";
    LIMITS = {
      /** Bytes of a results or baseline file. */
      fileBytes: 32 * 1024 * 1024,
      /** Bytes of a comparison file (a 1,000-cell comparison is about 700 kB). */
      comparisonBytes: 4 * 1024 * 1024,
      /** Bytes of a bundle manifest (a real one is under 1 kB). */
      manifestBytes: 64 * 1024,
      workloads: 256,
      pointsPerWorkload: 512,
      samplesPerCell: 2e4,
      /** Runs kept in one baseline history. */
      runs: 1e3,
      /** Thread counts, worker counts and CPU counts: 1 to this. */
      threads: 16384,
      /** Characters of a workload id (a command line can be long) and of other long strings. */
      idChars: 4096,
      /** Characters of a short string: an OS, an arch, a CPU model, a version. */
      shortChars: 200,
      /** Cells of one comparison (a sweep of 100 workloads × 100 thread counts). */
      cells: 1e4,
      /** Entries of a list of notes or names. */
      listEntries: 1e3,
      /** ns: nothing measured here takes 11.6 days. */
      maxNs: 1e15,
      /** Requests per second: more than any CPU serves. */
      maxRate: 1e12,
      /** Characters of a bundle's leg label. */
      labelChars: 300,
      /** Pull request numbers are positive 32-bit integers on GitHub. */
      pullNumber: 2 ** 31 - 1
    };
    WORKLOAD_KINDS = ["matmul", "model", "command", "worker"];
    ENGINES = ["onnxruntime", "torch"];
    OBJECTIVES = ["latency", "throughput"];
    VERDICTS = ["pass", "regression", "inconclusive", "no-baseline"];
    CELL_STATUSES = ["regression", "inconclusive", "pass"];
    GATE_ROLES = ["recommended", "fastest"];
    COMPARISON_UNITS = ["visits", "sessions", "samples"];
    REFERENCE_SOURCES = ["in-run", "added"];
    NORMALIZE_MODES = ["auto", "none"];
    DUET_MODES = ["auto", "off"];
    DEFAULT_DUET = "off";
    THINNED_TIERS = ["daily", "weekly"];
    GATE_MODES = ["deployed", "all"];
    FINGERPRINT_FIELD_NAMES = [
      "os",
      "arch",
      "cpuModel",
      "availableCpus",
      "physicalCores",
      "onnxruntime",
      "engine"
    ];
    DOCUMENT_KINDS = {
      baseline: "threadgate-baseline",
      comparison: "threadgate-comparison",
      manifest: "threadgate-report-bundle"
    };
    DEFAULT_COMPARE_SEED = 29800;
    DEFAULT_RESAMPLES = 2e3;
    UNPRINTABLE_SOURCE = "[\\p{Cc}\\p{Cf}\\p{Zl}\\p{Zp}]|[\\uD800-\\uDBFF](?![\\uDC00-\\uDFFF])|(?<![\\uD800-\\uDBFF])[\\uDC00-\\uDFFF]";
  }
});

// src/report/text.ts
function plainText(text2, max = 2e3) {
  const clean = text2.replace(CONTROLS, " ").replace(INVISIBLE, "");
  return clean.length <= max ? clean : `${clean.slice(0, max - 1)}\u2026`;
}
function escapeMarkdown(text2) {
  return text2.replace(CONTROLS, " ").replace(INVISIBLE, "").replace(/[&<>\\|`*_[\]]/g, (c) => ESCAPES[c] ?? c).replace(/@(?=[A-Za-z0-9])/g, "@\u200B").replace(/#(?=\d)/g, "#\u200B").replace(/\b(GH)-(?=\d)/gi, "$1-\u200B").replace(/\b([a-z][a-z0-9+.-]*):\/\//gi, "$1:\u200B//").replace(/\bwww\./gi, "www\u200B.");
}
var CONTROLS, INVISIBLE, ESCAPES;
var init_text = __esm({
  "src/report/text.ts"() {
    "use strict";
    init_limits();
    CONTROLS = /\r\n|[\p{Cc}\p{Zl}\p{Zp}]/gu;
    INVISIBLE = new RegExp(UNPRINTABLE_SOURCE, "gu");
    ESCAPES = {
      "&": "&amp;",
      "<": "&lt;",
      ">": "&gt;",
      "\\": "\\\\",
      "|": "\\|",
      "`": "\\`",
      "*": "\\*",
      _: "\\_",
      "[": "\\[",
      "]": "\\]"
    };
  }
});

// src/analysis/outcome.ts
function acceptReason(raw) {
  const clean = plainText(raw, 1e4).replace(/\s+/g, " ").trim();
  if (clean === "") return null;
  return clean.length <= MAX_ACCEPT_REASON ? clean : `${clean.slice(0, MAX_ACCEPT_REASON - 1)}\u2026`;
}
function decideOutcome(comparison, policy) {
  const verdict = comparison?.kind ?? "no-baseline";
  if (comparison?.kind !== "regression") {
    return { verdict, fail: false, message: verdictLine(comparison), waived: null };
  }
  const message = regressionMessage(comparison);
  const waived = policy.accepted ? `accepted by ${policy.accepted.by}: ${policy.accepted.reason}` : !policy.failOnRegression ? "fail-on-regression is false" : policy.notGating ?? null;
  return { verdict, fail: waived === null, message, waived };
}
function regressionMessage(c) {
  const parts = c.regressions.map(
    (r) => `${r.workload} at ${r.threads} thread${r.threads === 1 ? "" : "s"} is ${formatSignedPercent(r.ratio - 1)} slower (${formatNs(r.baselineMedianNs)} \u2192 ${formatNs(r.currentMedianNs)}` + (r.ci95 ? `, ${levelText(r.ciLevel)} CI ${formatSignedPercent(r.ci95[0] - 1)} \u2026 ${formatSignedPercent(r.ci95[1] - 1)}` : "") + ")"
  );
  return `threadgate: latency regression: ${parts.join("; ")}`;
}
function verdictLine(c) {
  if (c === null) return "threadgate: no comparison (no baseline to compare with)";
  switch (c.kind) {
    case "pass":
      return `threadgate: pass \u2014 no gated cell slower beyond the noise (largest change ${formatSignedPercent(c.maxSlowdown)})`;
    case "inconclusive":
      return `threadgate: inconclusive \u2014 ${c.unresolved.length} cell${c.unresolved.length === 1 ? "" : "s"} undecided; not failing`;
    case "no-baseline":
      return `threadgate: no baseline \u2014 ${c.reason}`;
    case "regression":
      return regressionMessage(c);
    default: {
      const never = c;
      return never;
    }
  }
}
function levelText(confidence) {
  return `${Number((confidence * 100).toPrecision(4))} %`;
}
var ACCEPT_LABEL, ACCEPT_TRAILER, MAX_ACCEPT_REASON;
var init_outcome = __esm({
  "src/analysis/outcome.ts"() {
    "use strict";
    init_format();
    init_text();
    ACCEPT_LABEL = "threadgate: accept";
    ACCEPT_TRAILER = "Threadgate-Accept";
    MAX_ACCEPT_REASON = 200;
  }
});

// src/cpu/parse.ts
function parseCpuList(text2) {
  const trimmed = text2.trim();
  if (trimmed === "") return [];
  const cpus2 = /* @__PURE__ */ new Set();
  for (const part of trimmed.split(",")) {
    const m = /^\s*(\d+)(?:\s*-\s*(\d+))?\s*$/.exec(part);
    if (!m) throw new Error(`not a cpulist: ${JSON.stringify(text2)}`);
    const lo = Number(m[1]);
    const hi = m[2] === void 0 ? lo : Number(m[2]);
    if (hi < lo) throw new Error(`not a cpulist (range ${lo}-${hi}): ${JSON.stringify(text2)}`);
    if (hi - lo > 65536) throw new Error(`cpulist range too large: ${JSON.stringify(text2)}`);
    for (let c = lo; c <= hi; c++) cpus2.add(c);
  }
  return [...cpus2].sort((a, b) => a - b);
}
function formatCpuList(cpus2) {
  const sorted2 = [...new Set(cpus2)].sort((a, b) => a - b);
  const parts = [];
  let i = 0;
  while (i < sorted2.length) {
    const start = sorted2[i];
    let end = start;
    while (i + 1 < sorted2.length && sorted2[i + 1] === end + 1) {
      i++;
      end = sorted2[i];
    }
    parts.push(start === end ? String(start) : `${start}-${end}`);
    i++;
  }
  return parts.join(",");
}
function parseStatusAffinity(statusText) {
  const m = /^Cpus_allowed_list:\s*(.*)$/m.exec(statusText);
  return m ? parseCpuList(m[1] ?? "") : null;
}
function parseCpuInfo(text2) {
  const entries = [];
  for (const block of text2.split(/\n\s*\n/)) {
    const fields = /* @__PURE__ */ new Map();
    for (const line of block.split("\n")) {
      const colon = line.indexOf(":");
      if (colon < 0) continue;
      const key = line.slice(0, colon).trim();
      if (key !== "" && !fields.has(key)) fields.set(key, line.slice(colon + 1).trim());
    }
    const proc = fields.get("processor");
    if (proc === void 0 || !/^\d+$/.test(proc)) continue;
    entries.push({ processor: Number(proc), fields });
  }
  return entries;
}
function parseProcCgroup(text2) {
  const out = [];
  for (const line of text2.split("\n")) {
    const m = /^(\d+):([^:]*):(.*)$/.exec(line.trim());
    if (!m) continue;
    const controllers = (m[2] ?? "").split(",").filter((c) => c !== "");
    out.push({ hierarchyId: Number(m[1]), controllers, path: m[3] ?? "/" });
  }
  return out;
}
function unescapeMount(s) {
  return s.replace(/\\([0-7]{3})/g, (_m, oct) => String.fromCharCode(parseInt(oct, 8)));
}
function parseMountInfo(text2) {
  const out = [];
  for (const line of text2.split("\n")) {
    const f = line.trim().split(" ");
    const sep = f.indexOf("-", 6);
    if (f.length < 7 || sep < 0 || f.length < sep + 3) continue;
    out.push({
      root: unescapeMount(f[3] ?? "/"),
      mountPoint: unescapeMount(f[4] ?? "/"),
      fsType: f[sep + 1] ?? "",
      superOptions: (f[sep + 3] ?? "").split(",")
    });
  }
  return out;
}
function parseCgroupV2Max(text2) {
  const m = /^\s*(max|\d+)(?:\s+(\d+))?\s*$/.exec(text2);
  if (!m || m[1] === "max") return null;
  const quota = Number(m[1]);
  const period = m[2] === void 0 ? 1e5 : Number(m[2]);
  if (!(quota > 0) || !(period > 0)) return null;
  return quota / period;
}
function parseCgroupV1Quota(quotaText, periodText) {
  const quota = parseSysfsInt(quotaText);
  const period = parseSysfsInt(periodText);
  if (quota === null || period === null || quota <= 0 || period <= 0) return null;
  return quota / period;
}
function parseModelNameClockMHz(modelName) {
  const m = /@\s*(\d+(?:\.\d+)?)\s*([GM])Hz/i.exec(modelName);
  if (!m) return null;
  const v = Number(m[1]);
  const mhz = (m[2] ?? "").toUpperCase() === "G" ? v * 1e3 : v;
  return mhz > 0 ? mhz : null;
}
function parseSysfsInt(text2) {
  const t = text2.trim();
  if (!/^-?\d+$/.test(t)) return null;
  return Number(t);
}
var init_parse = __esm({
  "src/cpu/parse.ts"() {
    "use strict";
  }
});

// src/cpu/cgroup.ts
import { posix } from "node:path";
function cgroupDirs(mount, cgroupPath) {
  const root = posix.normalize(mount.root);
  const path8 = cgroupPath.trim() === "" ? "/" : cgroupPath.trim();
  let rel;
  if (root === "/") rel = path8;
  else if (path8 === root) rel = "/";
  else if (path8.startsWith(root + "/")) rel = path8.slice(root.length);
  else return [mount.mountPoint];
  const segments = rel.split("/").filter((s) => s !== "" && s !== ".");
  if (segments.includes("..")) return [mount.mountPoint];
  const dirs = [];
  for (let i = segments.length; i >= 0; i--) {
    dirs.push(posix.join(mount.mountPoint, ...segments.slice(0, i)));
  }
  return dirs;
}
function cgroupHierarchies(procCgroup, mounts) {
  const out = [];
  const v2 = procCgroup.find((e) => e.hierarchyId === 0 && e.controllers.length === 0);
  const v1 = procCgroup.find((e) => e.controllers.includes("cpu"));
  if (v2) {
    const v2Mounts = mounts ? mounts.filter((m) => m.fsType === "cgroup2") : [{ root: "/", mountPoint: "/sys/fs/cgroup" }];
    for (const m of v2Mounts) out.push({ version: 2, dirs: cgroupDirs(m, v2.path) });
  }
  if (v1) {
    const v1Mounts = mounts ? mounts.filter((m) => m.fsType === "cgroup" && m.superOptions.includes("cpu")) : [
      { root: "/", mountPoint: "/sys/fs/cgroup/cpu,cpuacct" },
      { root: "/", mountPoint: "/sys/fs/cgroup/cpu" }
    ];
    for (const m of v1Mounts) out.push({ version: 1, dirs: cgroupDirs(m, v1.path) });
  }
  return out;
}
function readCgroupQuota(read) {
  const procCgroupText = read("/proc/self/cgroup");
  if (procCgroupText === null) return { cpus: null, source: null, versions: [] };
  const mountinfoText = read("/proc/self/mountinfo");
  const hierarchies = cgroupHierarchies(
    parseProcCgroup(procCgroupText),
    mountinfoText === null ? null : parseMountInfo(mountinfoText)
  );
  const limits = [];
  const consider = (cpus2, source) => {
    if (cpus2 !== null) limits.push({ cpus: cpus2, source });
  };
  const seen = /* @__PURE__ */ new Set();
  for (const h of hierarchies) {
    for (const dir of h.dirs) {
      if (seen.has(`${h.version}:${dir}`)) continue;
      seen.add(`${h.version}:${dir}`);
      if (h.version === 2) {
        const file = posix.join(dir, "cpu.max");
        const text2 = read(file);
        if (text2 !== null) consider(parseCgroupV2Max(text2), `cgroup v2 ${file} = ${text2.trim()}`);
      } else {
        const quotaFile = posix.join(dir, "cpu.cfs_quota_us");
        const quota = read(quotaFile);
        const period = read(posix.join(dir, "cpu.cfs_period_us"));
        if (quota !== null && period !== null) {
          consider(
            parseCgroupV1Quota(quota, period),
            `cgroup v1 ${dir}/cpu.cfs_{quota,period}_us = ${quota.trim()}/${period.trim()}`
          );
        }
      }
    }
  }
  const versions = [...new Set(hierarchies.map((h) => h.version))].sort();
  const tightest = limits.reduce(
    (a, b) => a === null || b.cpus < a.cpus ? b : a,
    null
  );
  return { cpus: tightest?.cpus ?? null, source: tightest?.source ?? null, versions };
}
var init_cgroup = __esm({
  "src/cpu/cgroup.ts"() {
    "use strict";
    init_parse();
  }
});

// src/cpu/topology.ts
function countPhysicalCores(cpus2) {
  if (cpus2.length === 0) return null;
  if (cpus2.every((c) => c.packageId !== null && c.coreId !== null)) {
    const keys2 = new Set(cpus2.map((c) => `${c.packageId}:${c.dieId ?? 0}:${c.coreId}`));
    return { cores: keys2.size, method: "physical_package_id/core_id" };
  }
  const keys = /* @__PURE__ */ new Set();
  for (const c of cpus2) {
    if (c.siblings === null) return null;
    let list3;
    try {
      list3 = parseCpuList(c.siblings);
    } catch {
      return null;
    }
    keys.add(formatCpuList(list3.length > 0 ? list3 : [c.cpu]));
  }
  return { cores: keys.size, method: "thread_siblings_list" };
}
function topologyFromCpuInfo(entries) {
  const num2 = (s) => s !== void 0 && /^\d+$/.test(s) ? Number(s) : null;
  return entries.map((e) => ({
    cpu: e.processor,
    packageId: num2(e.fields.get("physical id")),
    dieId: null,
    coreId: num2(e.fields.get("core id")),
    siblings: null
  }));
}
var init_topology = __esm({
  "src/cpu/topology.ts"() {
    "use strict";
    init_parse();
  }
});

// src/cpu/microarch.ts
function hexNumber(s) {
  if (s === void 0) return null;
  const t = s.trim().toLowerCase();
  if (!/^(0x[0-9a-f]+|\d+)$/.test(t)) return null;
  return t.startsWith("0x") ? parseInt(t.slice(2), 16) : Number(t);
}
function armPart(implementer, part) {
  const imp = hexNumber(implementer);
  const p = hexNumber(part);
  if (imp === null || p === null) return null;
  return ARM_PARTS[imp]?.[p] ?? null;
}
function armCpuName(implementer, part) {
  const imp = hexNumber(implementer);
  const p = hexNumber(part);
  if (imp === null || p === null) return null;
  const vendor = ARM_IMPLEMENTERS[imp] ?? `implementer ${hex(imp, 2)}`;
  const known = ARM_PARTS[imp]?.[p];
  return known ? `${vendor} ${known.name}` : `${vendor} part ${hex(p, 3)}`;
}
function armCoreFlops(implementer, part) {
  const known = armPart(implementer, part);
  if (!known || known.flopsPerCycle === void 0) return null;
  return { flopsPerCycle: known.flopsPerCycle, isa: known.pipes ?? known.name };
}
function x86CoreFlops(cpu) {
  const has = (f) => cpu.flags.has(f);
  const amdLike = cpu.vendor === "AuthenticAMD" || cpu.vendor === "HygonGenuine";
  if (has("avx512f")) {
    if (amdLike && cpu.family !== null && cpu.family >= 26) {
      const full = /EPYC|Threadripper|Ryzen \d+ 9\d{3}/i.test(cpu.modelName);
      return full ? { flopsPerCycle: 64, isa: "AVX-512, Zen 5 with 512-bit datapath: 2\xD7512-bit FMA" } : {
        flopsPerCycle: 32,
        isa: "AVX-512, Zen 5 (assumed 256-bit mobile datapath): 2\xD7256-bit FMA"
      };
    }
    if (amdLike) {
      return { flopsPerCycle: 32, isa: "AVX-512, Zen 4 (double-pumped 256-bit): 2\xD7256-bit FMA" };
    }
    if (/Xeon/i.test(cpu.modelName) && !/Bronze|Silver/i.test(cpu.modelName)) {
      return {
        flopsPerCycle: 64,
        isa: "AVX-512 with 2 FMA units (assumed for Xeon Gold/Platinum-class parts): 2\xD7512-bit FMA"
      };
    }
    return {
      flopsPerCycle: 32,
      isa: "AVX-512 with 1 FMA unit (assumed for client/Bronze/Silver parts): 1\xD7512-bit FMA"
    };
  }
  if (has("avx2") && has("fma")) {
    if (cpu.vendor === "HygonGenuine" || amdLike && cpu.family === 23 && cpu.model !== null && cpu.model < 48) {
      return { flopsPerCycle: 16, isa: "AVX2+FMA, Zen 1/Zen+ (128-bit units): 2\xD7128-bit FMA" };
    }
    return { flopsPerCycle: 32, isa: "AVX2+FMA: 2\xD7256-bit FMA" };
  }
  if (has("avx")) {
    if (amdLike && cpu.family === 21) {
      return { flopsPerCycle: 16, isa: "AVX, Bulldozer family: 2\xD7128-bit FMA" };
    }
    return { flopsPerCycle: 16, isa: "AVX without FMA: 256-bit add + 256-bit multiply" };
  }
  if (has("sse") || has("sse2")) {
    return { flopsPerCycle: 8, isa: "SSE: 128-bit add + 128-bit multiply" };
  }
  return null;
}
function appleCoreFlops(modelName) {
  const m = /\bApple M(\d+)\b/.exec(modelName);
  if (!m) return null;
  const gen = Number(m[1]);
  return {
    flopsPerCycle: 32,
    isa: `Apple M${gen} P-core: 4\xD7128-bit NEON FMA`,
    clockMHz: APPLE_M_PCORE_MHZ[gen] ?? null
  };
}
function cpuInfoNumber(s) {
  return hexNumber(s);
}
var ARM_IMPLEMENTERS, N128x2, N128x4, ARM_PARTS, hex, APPLE_M_PCORE_MHZ;
var init_microarch = __esm({
  "src/cpu/microarch.ts"() {
    "use strict";
    ARM_IMPLEMENTERS = {
      65: "ARM",
      66: "Broadcom",
      67: "Cavium",
      70: "Fujitsu",
      72: "HiSilicon",
      78: "NVIDIA",
      81: "Qualcomm",
      97: "Apple",
      109: "Microsoft",
      192: "Ampere"
    };
    N128x2 = "2\xD7128-bit NEON FMA";
    N128x4 = "4\xD7128-bit NEON FMA";
    ARM_PARTS = {
      65: {
        3331: { name: "Cortex-A53" },
        3333: { name: "Cortex-A55" },
        3335: { name: "Cortex-A57" },
        3336: { name: "Cortex-A72" },
        3337: { name: "Cortex-A73" },
        3338: { name: "Cortex-A75" },
        3339: { name: "Cortex-A76", flopsPerCycle: 16, pipes: N128x2 },
        3340: {
          name: "Neoverse-N1",
          flopsPerCycle: 16,
          pipes: `${N128x2} (Neoverse N1: AWS Graviton2, Ampere Altra)`
        },
        3341: { name: "Cortex-A77", flopsPerCycle: 16, pipes: N128x2 },
        3392: {
          name: "Neoverse-V1",
          flopsPerCycle: 32,
          pipes: `${N128x4} / 2\xD7256-bit SVE (Neoverse V1: AWS Graviton3)`
        },
        3393: { name: "Cortex-A78", flopsPerCycle: 16, pipes: N128x2 },
        3396: { name: "Cortex-X1", flopsPerCycle: 32, pipes: N128x4 },
        3398: { name: "Cortex-A510" },
        3399: { name: "Cortex-A710", flopsPerCycle: 16, pipes: N128x2 },
        3400: { name: "Cortex-X2", flopsPerCycle: 32, pipes: N128x4 },
        3401: {
          name: "Neoverse-N2",
          flopsPerCycle: 16,
          pipes: `2\xD7128-bit NEON/SVE2 FMA (Neoverse N2: Azure Cobalt 100)`
        },
        3402: { name: "Neoverse-E1" },
        3405: { name: "Cortex-A715", flopsPerCycle: 16, pipes: N128x2 },
        3406: { name: "Cortex-X3", flopsPerCycle: 32, pipes: N128x4 },
        3407: {
          name: "Neoverse-V2",
          flopsPerCycle: 32,
          pipes: `4\xD7128-bit NEON/SVE2 FMA (Neoverse V2: AWS Graviton4, NVIDIA Grace)`
        },
        3457: { name: "Cortex-A720", flopsPerCycle: 16, pipes: N128x2 },
        3458: { name: "Cortex-X4", flopsPerCycle: 32, pipes: N128x4 },
        3460: { name: "Neoverse-V3", flopsPerCycle: 32, pipes: `4\xD7128-bit NEON/SVE2 FMA` },
        3470: { name: "Neoverse-N3", flopsPerCycle: 16, pipes: `2\xD7128-bit NEON/SVE2 FMA` }
      },
      70: { 1: { name: "A64FX", flopsPerCycle: 64, pipes: "2\xD7512-bit SVE FMA" } },
      72: { 3329: { name: "Kunpeng-920" } },
      192: { 2755: { name: "AmpereOne" } }
    };
    hex = (n, width) => `0x${n.toString(16).padStart(width, "0")}`;
    APPLE_M_PCORE_MHZ = { 1: 3200, 2: 3490, 3: 4050, 4: 4400 };
  }
});

// src/cpu/peak.ts
function estimatePeak(input) {
  const { core, clockMHz, cores } = input;
  if (core === null || clockMHz === null || !(clockMHz > 0) || !(cores > 0)) return null;
  const ghz = clockMHz / 1e3;
  const perCore = core.flopsPerCycle * ghz;
  const total = perCore * cores;
  return {
    gflops: round(total, 1),
    perCoreGflops: round(perCore, 1),
    basis: `estimate: ${core.isa} = ${core.flopsPerCycle} FLOP/cycle \xD7 ${round(ghz, 3)} GHz (${input.clockSource}) \xD7 ${input.coresBasis}`
  };
}
var round;
var init_peak = __esm({
  "src/cpu/peak.ts"() {
    "use strict";
    round = (x, digits) => Number(x.toFixed(digits));
  }
});

// src/cpu/fingerprint.ts
import { createHash } from "node:crypto";
function normalizeCpuModel(model) {
  return model.replace(/\s+/g, " ").trim();
}
function computeFingerprint(fields) {
  const normalized = { ...fields, cpuModel: normalizeCpuModel(fields.cpuModel) };
  const payload = JSON.stringify(
    FINGERPRINT_FIELD_NAMES.filter((k) => k !== "engine" || (normalized.engine ?? "") !== "").map(
      (k) => [k, normalized[k] ?? ""]
    )
  );
  return createHash("sha256").update(payload).digest("hex").slice(0, 16);
}
function fingerprintFields(machine) {
  return {
    os: machine.os,
    arch: machine.arch,
    cpuModel: normalizeCpuModel(machine.cpuModel),
    availableCpus: machine.availableCpus,
    physicalCores: machine.physicalCores,
    onnxruntime: machine.onnxruntime ?? "",
    engine: machine.engine ?? ""
  };
}
function fingerprintDifferences(a, b) {
  const fa = fingerprintFields(a);
  const fb = fingerprintFields(b);
  return FINGERPRINT_FIELD_NAMES.filter((k) => (fa[k] ?? "") !== (fb[k] ?? "")).map((field) => ({
    field,
    a: fa[field] ?? "",
    b: fb[field] ?? ""
  }));
}
function withEngine(machine, engine) {
  const next = { ...machine, engine };
  return { ...next, fingerprint: computeFingerprint(fingerprintFields(next)) };
}
var init_fingerprint = __esm({
  "src/cpu/fingerprint.ts"() {
    "use strict";
    init_limits();
  }
});

// src/io/child-env.ts
function isScrubbed(name) {
  const upper = name.toUpperCase();
  return SCRUBBED_NAMES.includes(upper) || SCRUBBED_PREFIXES.some((p) => upper.startsWith(p));
}
function childEnv(env = process.env) {
  const out = {};
  for (const [name, value] of Object.entries(env)) {
    if (value !== void 0 && !isScrubbed(name)) out[name] = value;
  }
  return out;
}
var SCRUBBED_NAMES, SCRUBBED_PREFIXES;
var init_child_env = __esm({
  "src/io/child-env.ts"() {
    "use strict";
    SCRUBBED_NAMES = [
      "ACTIONS_RUNTIME_TOKEN",
      "ACTIONS_CACHE_URL",
      "ACTIONS_RESULTS_URL",
      "GITHUB_TOKEN"
    ];
    SCRUBBED_PREFIXES = ["INPUT_", "ACTIONS_ID_TOKEN_REQUEST_"];
  }
});

// src/cpu/probe.ts
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import * as os from "node:os";
import { join } from "node:path";
function nodeCpuView() {
  return {
    cpus: os.cpus().map((c) => ({ model: c.model, speed: c.speed })),
    availableParallelism: os.availableParallelism()
  };
}
function fileReader(root) {
  return (path8) => {
    try {
      return readFileSync(join(root, path8), "utf8");
    } catch {
      return null;
    }
  };
}
function defaultSysctl(name) {
  try {
    const out = execFileSync("sysctl", ["-n", name], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
      timeout: 2e3,
      env: childEnv()
    }).trim();
    return out === "" ? null : out;
  } catch {
    return null;
  }
}
function probeCpu(opts = {}) {
  const platform = opts.platform ?? process.platform;
  const arch = opts.arch ?? process.arch;
  const node = opts.nodeCpus ?? nodeCpuView();
  let facts;
  if (platform === "linux") facts = probeLinux(fileReader(opts.root ?? "/"), node);
  else if (platform === "darwin") facts = probeDarwin(opts.sysctl ?? defaultSysctl, node);
  else facts = probeOther(platform, node);
  return summarizeCpu(facts, { os: platform, arch, onnxruntime: opts.ortVersion ?? "" });
}
function summarizeCpu(facts, ctx) {
  const notes = [...facts.notes];
  const quotaCpus = facts.quota?.cpus ?? null;
  const affinity = Math.max(1, facts.affinityCpus);
  const quotaCeil = quotaCpus === null ? Infinity : Math.ceil(quotaCpus - 1e-9);
  const availableCpus = Math.max(1, Math.min(affinity, quotaCeil));
  if (quotaCpus !== null && quotaCeil < affinity) {
    notes.push(
      `cgroup CPU quota ${round2(quotaCpus)} CPUs: availableCpus = ceil(quota) = ${availableCpus} of ${affinity} CPUs in the affinity mask`
    );
  }
  let physicalCores;
  if (facts.physicalCores === null) {
    physicalCores = availableCpus;
    notes.push(`physical cores unknown: assumed ${availableCpus} (one per usable CPU)`);
  } else {
    physicalCores = Math.max(1, Math.min(facts.physicalCores, availableCpus));
  }
  let cores = facts.peakCores ? Math.min(facts.peakCores.count, physicalCores) : physicalCores;
  let coresBasis = facts.peakCores ? `${cores} ${facts.peakCores.label}` : `${cores} physical core${cores === 1 ? "" : "s"}`;
  if (quotaCpus !== null && quotaCpus < cores) {
    cores = quotaCpus;
    coresBasis = `${round2(quotaCpus)} CPUs (cgroup quota)`;
  }
  const peakGflops = estimatePeak({
    core: facts.core,
    clockMHz: facts.clockMHz,
    clockSource: facts.clockSource,
    cores,
    coresBasis
  });
  if (peakGflops === null) {
    notes.push(
      facts.core === null ? "peak GFLOP/s unknown: FLOP/cycle of this core is not known" : "peak GFLOP/s unknown: clock not found"
    );
  }
  const cpuModel = normalizeCpuModel(facts.cpuModel) || "unknown";
  const base = {
    os: ctx.os,
    arch: ctx.arch,
    cpuModel,
    logicalCpus: Math.max(1, facts.logicalCpus),
    availableCpus,
    physicalCores
  };
  const fingerprint2 = computeFingerprint({ ...base, onnxruntime: ctx.onnxruntime });
  const numa = facts.numaNodes ?? null;
  if (numa !== null && numa.length > 1) {
    notes.push(
      `${numa.length} NUMA nodes: ` + numa.map((n) => `node${n.node} ${n.cpus.length} CPUs (${formatCpuList(n.cpus)})`).join(", ")
    );
  }
  return {
    ...base,
    fingerprint: fingerprint2,
    affinityCpus: affinity,
    cgroupQuotaCpus: quotaCpus,
    peakGflops,
    ...facts.affinityCpuList ? { affinityCpuList: formatCpuList(facts.affinityCpuList) } : {},
    ...numa !== null ? {
      numaNodes: numa.map((n) => ({
        node: n.node,
        cpus: n.cpus.length,
        cpuList: formatCpuList(n.cpus)
      }))
    } : {},
    cgroupQuotaSource: facts.quota?.source ?? null,
    onnxruntime: ctx.onnxruntime,
    notes
  };
}
function safeCpuList(text2) {
  if (text2 === null) return null;
  try {
    return parseCpuList(text2);
  } catch {
    return null;
  }
}
function safeStatusAffinity(statusText) {
  if (statusText === null) return null;
  try {
    return parseStatusAffinity(statusText);
  } catch {
    return null;
  }
}
function readNumaNodes(read, cpusInMask) {
  const ids = safeCpuList(read(`${NODE_DIR}/online`)) ?? safeCpuList(read(`${NODE_DIR}/possible`));
  if (ids === null || ids.length === 0) return null;
  const inMask = new Set(cpusInMask);
  const out = [];
  let readable = 0;
  for (const node of ids.slice(0, MAX_NUMA_NODES)) {
    const cpus2 = safeCpuList(read(`${NODE_DIR}/node${node}/cpulist`));
    if (cpus2 === null) continue;
    readable++;
    const usable = cpus2.filter((c) => inMask.has(c));
    if (usable.length > 0) out.push({ node, cpus: usable });
  }
  return readable === 0 || out.length === 0 ? null : out;
}
function readInt(read, path8) {
  const text2 = read(path8);
  return text2 === null ? null : parseSysfsInt(text2);
}
function probeLinux(read, node) {
  const notes = [];
  const cpuinfoText = read("/proc/cpuinfo");
  const cpuinfo = cpuinfoText === null ? [] : parseCpuInfo(cpuinfoText);
  if (cpuinfoText === null) notes.push("/proc/cpuinfo unreadable");
  let online = safeCpuList(read(`${CPU_DIR}/online`));
  if (online === null || online.length === 0) {
    online = cpuinfo.length > 0 ? cpuinfo.map((e) => e.processor) : null;
  }
  const logicalCpus = online?.length ?? node.cpus.length;
  const statusText = read("/proc/self/status");
  let allowed = safeStatusAffinity(statusText);
  if (allowed !== null && online !== null) {
    const onlineSet = new Set(online);
    const both = allowed.filter((c) => onlineSet.has(c));
    if (both.length > 0) allowed = both;
  }
  let affinityCpus;
  if (allowed !== null && allowed.length > 0) {
    affinityCpus = allowed.length;
  } else {
    affinityCpus = node.availableParallelism;
    allowed = null;
    notes.push(
      `Cpus_allowed_list not found in /proc/self/status: affinity assumed from os.availableParallelism() = ${affinityCpus}`
    );
  }
  const cpusInMask = allowed ?? online ?? [];
  const inMask = new Set(cpusInMask);
  const maskEntries = cpuinfo.filter((e) => inMask.has(e.processor));
  const entries = maskEntries.length > 0 ? maskEntries : cpuinfo;
  const quota = readCgroupQuota(read);
  const topo = cpusInMask.map((cpu) => {
    const dir = `${CPU_DIR}/cpu${cpu}/topology`;
    return {
      cpu,
      packageId: readInt(read, `${dir}/physical_package_id`),
      dieId: readInt(read, `${dir}/die_id`),
      coreId: readInt(read, `${dir}/core_id`),
      siblings: read(`${dir}/thread_siblings_list`) ?? read(`${dir}/core_cpus_list`)
    };
  });
  let physical = countPhysicalCores(topo);
  if (physical === null) {
    physical = countPhysicalCores(topologyFromCpuInfo(entries));
    if (physical !== null) notes.push("physical cores from /proc/cpuinfo (no sysfs topology)");
  }
  const { cpuModel, core, modelNote } = describeLinuxCore(entries, node);
  if (modelNote) notes.push(modelNote);
  const clock = linuxClock(read, cpusInMask, entries, cpuModel, node);
  return {
    cpuModel,
    logicalCpus,
    affinityCpuList: allowed,
    affinityCpus,
    quota,
    physicalCores: physical?.cores ?? null,
    numaNodes: readNumaNodes(read, cpusInMask),
    core,
    clockMHz: clock.mhz,
    clockSource: clock.source,
    notes
  };
}
function describeLinuxCore(entries, node) {
  const first = entries[0];
  if (first === void 0) {
    const model = node.cpus[0]?.model ?? "unknown";
    return { cpuModel: model, core: null, modelNote: "CPU model from os.cpus()" };
  }
  if (first.fields.has("CPU implementer") && first.fields.has("CPU part")) {
    const parts = /* @__PURE__ */ new Map();
    for (const e of entries) {
      const imp = e.fields.get("CPU implementer") ?? "";
      const part = e.fields.get("CPU part") ?? "";
      const name = armCpuName(imp, part) ?? e.fields.get("model name") ?? "unknown arm64";
      parts.set(`${imp}/${part}`, { imp, part, name });
    }
    const distinct = [...parts.values()];
    const only = distinct.length === 1 ? distinct[0] : void 0;
    const cpuModel = distinct.map((p) => p.name).join(" + ");
    if (only === void 0) {
      return {
        cpuModel,
        core: null,
        modelNote: `heterogeneous cores (${cpuModel}): no single FLOP/cycle`
      };
    }
    return { cpuModel, core: armCoreFlops(only.imp, only.part), modelNote: null };
  }
  const modelName = first.fields.get("model name") ?? node.cpus[0]?.model ?? "unknown";
  const flagsText = first.fields.get("flags");
  if (flagsText === void 0) return { cpuModel: modelName, core: null, modelNote: null };
  const core = x86CoreFlops({
    vendor: first.fields.get("vendor_id") ?? "",
    family: cpuInfoNumber(first.fields.get("cpu family")),
    model: cpuInfoNumber(first.fields.get("model")),
    flags: new Set(flagsText.split(/\s+/)),
    modelName
  });
  return { cpuModel: modelName, core, modelNote: null };
}
function linuxClock(read, cpus2, entries, cpuModel, node) {
  const freqs = cpus2.map((c) => readInt(read, `${CPU_DIR}/cpu${c}/cpufreq/cpuinfo_max_freq`)).filter((f) => f !== null && f > 0);
  if (freqs.length > 0) {
    return { mhz: Math.max(...freqs) / 1e3, source: "cpufreq cpuinfo_max_freq" };
  }
  const mhz = entries.map((e) => Number(e.fields.get("cpu MHz"))).filter((f) => Number.isFinite(f) && f > 0);
  if (mhz.length > 0) return { mhz: Math.max(...mhz), source: '/proc/cpuinfo "cpu MHz"' };
  const named = parseModelNameClockMHz(cpuModel);
  if (named !== null) return { mhz: named, source: "model name" };
  const speeds = node.cpus.map((c) => c.speed).filter((s) => s > 0);
  if (speeds.length > 0) return { mhz: Math.max(...speeds), source: "os.cpus() speed" };
  return { mhz: null, source: "unknown" };
}
function probeDarwin(sysctl, node) {
  const notes = [
    `macOS has no CPU affinity mask or cgroup quota: availableCpus = os.availableParallelism() = ${node.availableParallelism}`
  ];
  const int = (name) => {
    const v = sysctl(name);
    return v === null ? null : parseSysfsInt(v);
  };
  const cpuModel = sysctl("machdep.cpu.brand_string") ?? node.cpus[0]?.model ?? "unknown";
  const physical = int("hw.physicalcpu");
  const apple = appleCoreFlops(cpuModel);
  let peakCores = null;
  let clockMHz = null;
  let clockSource = "unknown";
  if (apple) {
    clockMHz = apple.clockMHz;
    clockSource = "published P-core max clock";
    const pCores = int("hw.perflevel0.physicalcpu");
    if (pCores !== null && pCores > 0) {
      peakCores = { count: pCores, label: "P-cores (E-cores not counted)" };
    } else {
      notes.push("P-core count unknown (no hw.perflevel0.physicalcpu): peak counts every core");
    }
  } else {
    const hz = int("hw.cpufrequency_max");
    const named = parseModelNameClockMHz(cpuModel);
    if (hz !== null && hz > 0) {
      clockMHz = hz / 1e6;
      clockSource = "hw.cpufrequency_max";
    } else if (named !== null) {
      clockMHz = named;
      clockSource = "model name";
    }
  }
  return {
    cpuModel,
    logicalCpus: int("hw.logicalcpu_max") ?? node.cpus.length,
    affinityCpuList: null,
    affinityCpus: node.availableParallelism,
    quota: null,
    physicalCores: physical,
    peakCores,
    core: apple,
    clockMHz,
    clockSource,
    notes
  };
}
function probeOther(platform, node) {
  const cpuModel = node.cpus[0]?.model ?? "unknown";
  const named = parseModelNameClockMHz(cpuModel);
  return {
    cpuModel,
    logicalCpus: node.cpus.length,
    affinityCpuList: null,
    affinityCpus: node.availableParallelism,
    quota: null,
    physicalCores: null,
    core: null,
    clockMHz: named,
    clockSource: named === null ? "unknown" : "model name",
    notes: [
      `${platform}: affinity and quotas not read: availableCpus = os.availableParallelism() = ${node.availableParallelism}`
    ]
  };
}
var round2, CPU_DIR, NODE_DIR, MAX_NUMA_NODES;
var init_probe = __esm({
  "src/cpu/probe.ts"() {
    "use strict";
    init_child_env();
    init_cgroup();
    init_fingerprint();
    init_microarch();
    init_parse();
    init_peak();
    init_topology();
    round2 = (x) => Number(x.toFixed(3));
    CPU_DIR = "/sys/devices/system/cpu";
    NODE_DIR = "/sys/devices/system/node";
    MAX_NUMA_NODES = 1024;
  }
});

// src/cpu/affinity.ts
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync as readFileSync2 } from "node:fs";
import path from "node:path";
function findTaskset(envPath = process.env["PATH"] ?? "") {
  const dirs = [...envPath.split(path.delimiter).filter((d) => d !== ""), "/usr/bin", "/bin"];
  for (const dir of dirs) {
    const file = path.join(dir, "taskset");
    if (path.isAbsolute(file) && existsSync(file)) return file;
  }
  return null;
}
function spreadOverCores(cpus2, siblings) {
  const cores = /* @__PURE__ */ new Map();
  for (const cpu of cpus2) {
    const list3 = siblings(cpu);
    const key = list3 === null || list3.length === 0 ? `cpu${cpu}` : [...list3].sort((a, b) => a - b).join(",");
    const core = cores.get(key) ?? [];
    core.push(cpu);
    cores.set(key, core);
  }
  const out = [];
  const queues = [...cores.values()];
  for (let i = 0; out.length < cpus2.length; i++) {
    for (const q of queues) if (q[i] !== void 0) out.push(q[i]);
  }
  return out;
}
function sysfsSiblings(cpu) {
  try {
    return parseCpuList(
      readFileSync2(`/sys/devices/system/cpu/cpu${cpu}/topology/thread_siblings_list`, "utf8")
    );
  } catch {
    return null;
  }
}
function tasksetRefused(taskset, cpu) {
  const r = spawnSync(taskset, ["-c", String(cpu), "true"], {
    env: childEnv(),
    stdio: ["ignore", "ignore", "pipe"],
    timeout: 5e3,
    encoding: "utf8"
  });
  if (r.status === 0) return null;
  const why = r.error ? r.error.message : (r.stderr ?? "").trim().split("\n")[0] || `exit ${r.status}`;
  return `taskset could not pin a process here (${why.slice(0, 200)})`;
}
function probeAffinity(platform = process.platform, lookup = {}) {
  if (platform !== "linux") {
    return {
      kind: "none",
      reason: platform === "darwin" ? "macOS has no CPU affinity masks" : `CPU pinning is not supported on ${platform}`
    };
  }
  const taskset = lookup.taskset !== void 0 ? lookup.taskset : findTaskset();
  if (taskset === null) return { kind: "none", reason: "taskset (util-linux) was not found" };
  let cpus2;
  try {
    cpus2 = parseStatusAffinity(lookup.statusText ?? readFileSync2("/proc/self/status", "utf8"));
  } catch {
    cpus2 = null;
  }
  if (cpus2 === null || cpus2.length === 0) {
    return { kind: "none", reason: "the affinity mask (/proc/self/status) could not be read" };
  }
  const refused = lookup.refused !== void 0 ? lookup.refused : tasksetRefused(taskset, cpus2[0]);
  if (refused !== null) return { kind: "none", reason: refused };
  return {
    kind: "taskset",
    taskset,
    cpus: spreadOverCores(cpus2, lookup.siblings ?? sysfsSiblings)
  };
}
function pinnedArgv(pin, file, args) {
  return { file: pin.taskset, args: ["-c", pin.cpus.join(","), file, ...args] };
}
function pinnedShell(pin, command) {
  return pinnedArgv(pin, "/bin/sh", ["-c", command]);
}
var init_affinity = __esm({
  "src/cpu/affinity.ts"() {
    "use strict";
    init_child_env();
    init_parse();
  }
});

// src/cpu/index.ts
var init_cpu = __esm({
  "src/cpu/index.ts"() {
    "use strict";
    init_parse();
    init_cgroup();
    init_topology();
    init_microarch();
    init_peak();
    init_fingerprint();
    init_probe();
    init_affinity();
  }
});

// src/stats/random.ts
function mulberry32(seed) {
  if (!Number.isFinite(seed)) {
    throw new RangeError(`mulberry32: seed must be a finite number; got ${String(seed)}`);
  }
  let state = seed >>> 0;
  return () => {
    state = state + 1831565813 | 0;
    let z2 = Math.imul(state ^ state >>> 15, state | 1);
    z2 ^= z2 + Math.imul(z2 ^ z2 >>> 7, z2 | 61);
    return ((z2 ^ z2 >>> 14) >>> 0) / 4294967296;
  };
}
var init_random = __esm({
  "src/stats/random.ts"() {
    "use strict";
  }
});

// node_modules/simple-statistics/dist/simple-statistics.mjs
function sum(x) {
  if (x.length === 0) {
    return 0;
  }
  var sum2 = x[0];
  var correction = 0;
  var transition;
  if (typeof sum2 !== "number") {
    return Number.NaN;
  }
  for (var i = 1; i < x.length; i++) {
    if (typeof x[i] !== "number") {
      return Number.NaN;
    }
    transition = sum2 + x[i];
    if (Math.abs(sum2) >= Math.abs(x[i])) {
      correction += sum2 - transition + x[i];
    } else {
      correction += x[i] - transition + sum2;
    }
    sum2 = transition;
  }
  return sum2 + correction;
}
function mean(x) {
  if (x.length === 0) {
    throw new Error("mean requires at least one data point");
  }
  return sum(x) / x.length;
}
function sumNthPowerDeviations(x, n) {
  var meanValue = mean(x);
  var sum2 = 0;
  var tempValue;
  var i;
  if (n === 2) {
    for (i = 0; i < x.length; i++) {
      tempValue = x[i] - meanValue;
      sum2 += tempValue * tempValue;
    }
  } else {
    for (i = 0; i < x.length; i++) {
      sum2 += Math.pow(x[i] - meanValue, n);
    }
  }
  return sum2;
}
function sampleVariance(x) {
  if (x.length < 2) {
    throw new Error("sampleVariance requires at least two data points");
  }
  var sumSquaredDeviationsValue = sumNthPowerDeviations(x, 2);
  var besselsCorrection = x.length - 1;
  return sumSquaredDeviationsValue / besselsCorrection;
}
function sampleStandardDeviation(x) {
  var sampleVarianceX = sampleVariance(x);
  return Math.sqrt(sampleVarianceX);
}
function quantileSorted(x, p) {
  var idx = (x.length - 1) * p;
  if (x.length === 0) {
    throw new Error("quantile requires at least one data point.");
  } else if (p < 0 || p > 1) {
    throw new Error("quantiles must be between 0 and 1");
  } else if (p === 1) {
    return x[x.length - 1];
  } else if (p === 0) {
    return x[0];
  } else if (idx % 1 !== 0) {
    var lower = Math.floor(idx);
    var upper = Math.ceil(idx);
    var fraction2 = idx - lower;
    return x[lower] + fraction2 * (x[upper] - x[lower]);
  } else {
    return x[idx];
  }
}
function quickselect(arr, k, left, right) {
  left = left || 0;
  right = right || arr.length - 1;
  while (right > left) {
    if (right - left > 600) {
      var n = right - left + 1;
      var m = k - left + 1;
      var z2 = Math.log(n);
      var s = 0.5 * Math.exp(2 * z2 / 3);
      var sd = 0.5 * Math.sqrt(z2 * s * (n - s) / n);
      if (m - n / 2 < 0) {
        sd *= -1;
      }
      var newLeft = Math.max(left, Math.floor(k - m * s / n + sd));
      var newRight = Math.min(
        right,
        Math.floor(k + (n - m) * s / n + sd)
      );
      quickselect(arr, k, newLeft, newRight);
    }
    var t = arr[k];
    var i = left;
    var j = right;
    swap(arr, left, k);
    if (arr[right] > t) {
      swap(arr, left, right);
    }
    while (i < j) {
      swap(arr, i, j);
      i++;
      j--;
      while (arr[i] < t) {
        i++;
      }
      while (arr[j] > t) {
        j--;
      }
    }
    if (arr[left] === t) {
      swap(arr, left, j);
    } else {
      j++;
      swap(arr, j, right);
    }
    if (j <= k) {
      left = j + 1;
    }
    if (k <= j) {
      right = j - 1;
    }
  }
}
function swap(arr, i, j) {
  var tmp = arr[i];
  arr[i] = arr[j];
  arr[j] = tmp;
}
function quantile(x, p) {
  var copy = x.slice();
  if (Array.isArray(p)) {
    multiQuantileSelect(copy, p);
    var results = [];
    for (var i = 0; i < p.length; i++) {
      results[i] = quantileSorted(copy, p[i]);
    }
    return results;
  } else {
    var idx = quantileIndex(copy.length, p);
    quantileSelect(copy, idx, 0, copy.length - 1);
    return quantileSorted(copy, p);
  }
}
function quantileSelect(arr, k, left, right) {
  if (k % 1 === 0) {
    quickselect(arr, k, left, right);
  } else {
    k = Math.floor(k);
    quickselect(arr, k, left, right);
    quickselect(arr, k + 1, k + 1, right);
  }
}
function multiQuantileSelect(arr, p) {
  var positions = /* @__PURE__ */ new Set();
  for (var i = 0; i < p.length; i++) {
    var idx = quantileIndex(arr.length, p[i]);
    positions.add(Math.floor(idx));
    positions.add(Math.ceil(idx));
  }
  var indices = Array.from(positions).sort(compare);
  multiselect(arr, indices, 0, indices.length - 1, 0, arr.length - 1);
}
function multiselect(arr, indices, lo, hi, left, right) {
  if (lo > hi) {
    return;
  }
  var mid = lo + hi >> 1;
  quickselect(arr, indices[mid], left, right);
  multiselect(arr, indices, lo, mid - 1, left, indices[mid] - 1);
  multiselect(arr, indices, mid + 1, hi, indices[mid] + 1, right);
}
function compare(a, b) {
  return a - b;
}
function quantileIndex(len, p) {
  var idx = (len - 1) * p;
  if (p === 1) {
    return len - 1;
  } else if (p === 0) {
    return 0;
  } else if (idx % 1 !== 0) {
    return idx;
  } else {
    return idx;
  }
}
function logAverage(x) {
  if (x.length === 0) {
    throw new Error("logAverage requires at least one data point");
  }
  var value = 0;
  for (var i = 0; i < x.length; i++) {
    if (x[i] < 0) {
      throw new Error(
        "logAverage requires only non-negative numbers as input"
      );
    }
    value += Math.log(x[i]);
  }
  return Math.exp(value / x.length);
}
function median(x) {
  return +quantile(x, 0.5);
}
function cumulativeDistribution(z2) {
  var sum2 = z2;
  var tmp = z2;
  for (var i = 1; i < 30; i++) {
    tmp *= z2 * z2 / (2 * i + 1);
    sum2 += tmp;
  }
  return Math.round((0.5 + sum2 / SQRT_2PI$1 * Math.exp(-z2 * z2 / 2)) * 1e4) / 1e4;
}
var BayesianClassifier, g, LOGSQRT2PI, SQRT_2PI$1, standardNormalTable, z, SQRT_2PI, PerceptronModel;
var init_simple_statistics = __esm({
  "node_modules/simple-statistics/dist/simple-statistics.mjs"() {
    BayesianClassifier = function BayesianClassifier2() {
      this.totalCount = 0;
      this.data = {};
    };
    BayesianClassifier.prototype.train = function train(item, category) {
      if (!this.data[category]) {
        this.data[category] = {};
      }
      for (var k in item) {
        var v = item[k];
        if (this.data[category][k] === void 0) {
          this.data[category][k] = {};
        }
        if (this.data[category][k][v] === void 0) {
          this.data[category][k][v] = 0;
        }
        this.data[category][k][v]++;
      }
      this.totalCount++;
    };
    BayesianClassifier.prototype.score = function score(item) {
      var odds = {};
      var category;
      for (var k in item) {
        var v = item[k];
        for (category in this.data) {
          if (odds[category] === void 0) {
            odds[category] = {};
          }
          if (this.data[category][k]) {
            odds[category][k + "_" + v] = (this.data[category][k][v] || 0) / this.totalCount;
          } else {
            odds[category][k + "_" + v] = 0;
          }
        }
      }
      var oddsSums = {};
      for (category in odds) {
        oddsSums[category] = 0;
        for (var combination in odds[category]) {
          oddsSums[category] += odds[category][combination];
        }
      }
      return oddsSums;
    };
    g = 607 / 128;
    LOGSQRT2PI = Math.log(Math.sqrt(2 * Math.PI));
    SQRT_2PI$1 = Math.sqrt(2 * Math.PI);
    standardNormalTable = [];
    for (z = 0; z <= 3.09; z += 0.01) {
      standardNormalTable.push(cumulativeDistribution(z));
    }
    SQRT_2PI = Math.sqrt(2 * Math.PI);
    PerceptronModel = function PerceptronModel2() {
      this.weights = [];
      this.bias = 0;
    };
    PerceptronModel.prototype.predict = function predict(features) {
      if (features.length !== this.weights.length) {
        return null;
      }
      var score2 = 0;
      for (var i = 0; i < this.weights.length; i++) {
        score2 += this.weights[i] * features[i];
      }
      score2 += this.bias;
      if (score2 > 0) {
        return 1;
      } else {
        return 0;
      }
    };
    PerceptronModel.prototype.train = function train2(features, label) {
      if (label !== 0 && label !== 1) {
        return null;
      }
      if (features.length !== this.weights.length) {
        this.weights = features.slice();
        this.bias = 1;
      }
      var prediction = this.predict(features);
      if (typeof prediction === "number" && prediction !== label) {
        var gradient = label - prediction;
        for (var i = 0; i < this.weights.length; i++) {
          this.weights[i] += gradient * features[i];
        }
        this.bias += gradient;
      }
      return this;
    };
  }
});

// src/stats/internal.ts
function assertFiniteSample(xs, fn, name = "xs") {
  if (xs.length === 0) throw new RangeError(`${fn}: ${name} must not be empty`);
  for (let i = 0; i < xs.length; i++) {
    const v = xs[i];
    if (!Number.isFinite(v)) {
      throw new RangeError(`${fn}: ${name}[${i}] must be a finite number; got ${String(v)}`);
    }
  }
}
function assertPositiveSample(xs, fn, name = "xs") {
  assertFiniteSample(xs, fn, name);
  for (let i = 0; i < xs.length; i++) {
    if (!(xs[i] > 0)) {
      throw new RangeError(`${fn}: ${name}[${i}] must be > 0; got ${String(xs[i])}`);
    }
  }
}
function assertConfidence(confidence, fn) {
  if (!(confidence > 0 && confidence < 1)) {
    throw new RangeError(`${fn}: confidence must be in (0, 1); got ${String(confidence)}`);
  }
}
function selectInPlace(a, k, left = 0, right = a.length - 1) {
  let lo = left;
  let hi = right;
  while (lo < hi) {
    const mid = lo + hi >>> 1;
    const x0 = a[lo];
    const x1 = a[mid];
    const x2 = a[hi];
    const pivot = x0 < x1 ? x1 < x2 ? x1 : x0 < x2 ? x2 : x0 : x0 < x2 ? x0 : x1 < x2 ? x2 : x1;
    let i = lo;
    let j = hi;
    do {
      while (a[i] < pivot) i++;
      while (pivot < a[j]) j--;
      if (i <= j) {
        const t = a[i];
        a[i] = a[j];
        a[j] = t;
        i++;
        j--;
      }
    } while (i <= j);
    if (j < k) lo = i;
    if (k < i) hi = j;
  }
  return a[k];
}
function quantileOfSorted(sorted2, p) {
  const n = sorted2.length;
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const frac = h - lo;
  const a = sorted2[lo];
  if (frac === 0 || lo + 1 >= n) return a;
  return a + frac * (sorted2[lo + 1] - a);
}
function resampledMedianOfSorted(sorted2, counts, rand) {
  const n = sorted2.length;
  counts.fill(0);
  for (let d = 0; d < n; d++) counts[Math.floor(rand() * n)]++;
  const kLo = n - 1 >>> 1;
  const kHi = n >>> 1;
  let i = 0;
  let seen = counts[0];
  while (seen <= kLo) seen += counts[++i];
  const lo = sorted2[i];
  while (seen <= kHi) seen += counts[++i];
  return (lo + sorted2[i]) / 2;
}
var init_internal = __esm({
  "src/stats/internal.ts"() {
    "use strict";
  }
});

// src/stats/describe.ts
function median2(xs) {
  assertFiniteSample(xs, "median");
  return median(xs);
}
function quantile2(xs, p) {
  assertFiniteSample(xs, "quantile");
  if (!(p >= 0 && p <= 1)) {
    throw new RangeError(`quantile: p must be in [0, 1]; got ${String(p)}`);
  }
  return quantile(xs, p);
}
function mean2(xs) {
  assertFiniteSample(xs, "mean");
  return mean(xs);
}
function sampleStdDev(xs) {
  assertFiniteSample(xs, "sampleStdDev");
  if (xs.length < 2) {
    throw new RangeError(`sampleStdDev: needs at least 2 values; got ${xs.length}`);
  }
  return sampleStandardDeviation(xs);
}
function geometricMean(xs) {
  assertFiniteSample(xs, "geometricMean");
  for (let i = 0; i < xs.length; i++) {
    if (xs[i] < 0) {
      throw new RangeError(`geometricMean: xs[${i}] must be \u2265 0; got ${String(xs[i])}`);
    }
  }
  return logAverage(xs);
}
var init_describe = __esm({
  "src/stats/describe.ts"() {
    "use strict";
    init_simple_statistics();
    init_internal();
  }
});

// src/stats/ci.ts
function resolveOptions(options, fn) {
  const confidence = options.confidence ?? DEFAULT_CONFIDENCE;
  const resamples = options.resamples ?? DEFAULT_RESAMPLES2;
  assertConfidence(confidence, fn);
  if (!Number.isInteger(resamples) || resamples < 1) {
    throw new RangeError(`${fn}: resamples must be an integer \u2265 1; got ${String(resamples)}`);
  }
  if (!Number.isFinite(options.seed)) {
    throw new RangeError(`${fn}: seed must be a finite number; got ${String(options.seed)}`);
  }
  return { confidence, resamples, seed: options.seed };
}
function percentileInterval(stats, confidence) {
  stats.sort();
  const alpha = 1 - confidence;
  return [quantileOfSorted(stats, alpha / 2), quantileOfSorted(stats, 1 - alpha / 2)];
}
function medianOfSorted(sorted2) {
  const n = sorted2.length;
  return (sorted2[n - 1 >>> 1] + sorted2[n >>> 1]) / 2;
}
function orderStatRank(n, confidence) {
  const tail = (1 - confidence) / 2 * (1 + 1e-12);
  let logPmf = -n * Math.LN2;
  let cdf = 0;
  let k = 0;
  for (let j = 0; j < n; j++) {
    cdf += Math.exp(logPmf);
    if (cdf > tail) break;
    k = j + 1;
    logPmf += Math.log(n - j) - Math.log(j + 1);
  }
  return Math.min(k, Math.floor((n + 1) / 2));
}
function medianCIOrderStat(xs, confidence = DEFAULT_CONFIDENCE) {
  assertFiniteSample(xs, "medianCIOrderStat");
  assertConfidence(confidence, "medianCIOrderStat");
  const n = xs.length;
  const k = Math.max(1, orderStatRank(n, confidence));
  const buf = Float64Array.from(xs);
  const lo = selectInPlace(buf, k - 1, 0, n - 1);
  const hi = n - k === k - 1 ? lo : selectInPlace(buf, n - k, k, n - 1);
  return [lo, hi];
}
function bootstrapRatioOfMediansCI(base, cur, options) {
  const fn = "bootstrapRatioOfMediansCI";
  assertPositiveSample(base, fn, "base");
  assertPositiveSample(cur, fn, "cur");
  const { confidence, resamples, seed } = resolveOptions(options, fn);
  const baseSorted = Float64Array.from(base).sort();
  const curSorted = Float64Array.from(cur).sort();
  const baseCounts = new Uint32Array(baseSorted.length);
  const curCounts = new Uint32Array(curSorted.length);
  const ratio = medianOfSorted(curSorted) / medianOfSorted(baseSorted);
  const stats = new Float64Array(resamples);
  const rand = mulberry32(seed);
  for (let b = 0; b < resamples; b++) {
    const baseMedian = resampledMedianOfSorted(baseSorted, baseCounts, rand);
    const curMedian = resampledMedianOfSorted(curSorted, curCounts, rand);
    stats[b] = curMedian / baseMedian;
  }
  return { ratio, ci: percentileInterval(stats, confidence) };
}
var DEFAULT_CONFIDENCE, DEFAULT_RESAMPLES2;
var init_ci = __esm({
  "src/stats/ci.ts"() {
    "use strict";
    init_internal();
    init_random();
    DEFAULT_CONFIDENCE = 0.95;
    DEFAULT_RESAMPLES2 = 2e3;
  }
});

// node_modules/jstat/dist/jstat.js
var require_jstat = __commonJS({
  "node_modules/jstat/dist/jstat.js"(exports, module) {
    (function(window2, factory) {
      if (typeof exports === "object") {
        module.exports = factory();
      } else if (typeof define === "function" && define.amd) {
        define(factory);
      } else {
        window2.jStat = factory();
      }
    })(exports, function() {
      var jStat2 = (function(Math2, undefined2) {
        var concat = Array.prototype.concat;
        var slice = Array.prototype.slice;
        var toString = Object.prototype.toString;
        function calcRdx(n, m) {
          var val = n > m ? n : m;
          return Math2.pow(
            10,
            17 - ~~(Math2.log(val > 0 ? val : -val) * Math2.LOG10E)
          );
        }
        var isArray = Array.isArray || function isArray2(arg) {
          return toString.call(arg) === "[object Array]";
        };
        function isFunction(arg) {
          return toString.call(arg) === "[object Function]";
        }
        function isNumber(num2) {
          return typeof num2 === "number" ? num2 - num2 === 0 : false;
        }
        function toVector(arr) {
          return concat.apply([], arr);
        }
        function jStat3() {
          return new jStat3._init(arguments);
        }
        jStat3.fn = jStat3.prototype;
        jStat3._init = function _init(args) {
          if (isArray(args[0])) {
            if (isArray(args[0][0])) {
              if (isFunction(args[1]))
                args[0] = jStat3.map(args[0], args[1]);
              for (var i = 0; i < args[0].length; i++)
                this[i] = args[0][i];
              this.length = args[0].length;
            } else {
              this[0] = isFunction(args[1]) ? jStat3.map(args[0], args[1]) : args[0];
              this.length = 1;
            }
          } else if (isNumber(args[0])) {
            this[0] = jStat3.seq.apply(null, args);
            this.length = 1;
          } else if (args[0] instanceof jStat3) {
            return jStat3(args[0].toArray());
          } else {
            this[0] = [];
            this.length = 1;
          }
          return this;
        };
        jStat3._init.prototype = jStat3.prototype;
        jStat3._init.constructor = jStat3;
        jStat3.utils = {
          calcRdx,
          isArray,
          isFunction,
          isNumber,
          toVector
        };
        jStat3._random_fn = Math2.random;
        jStat3.setRandom = function setRandom(fn) {
          if (typeof fn !== "function")
            throw new TypeError("fn is not a function");
          jStat3._random_fn = fn;
        };
        jStat3.extend = function extend(obj) {
          var i, j;
          if (arguments.length === 1) {
            for (j in obj)
              jStat3[j] = obj[j];
            return this;
          }
          for (i = 1; i < arguments.length; i++) {
            for (j in arguments[i])
              obj[j] = arguments[i][j];
          }
          return obj;
        };
        jStat3.rows = function rows(arr) {
          return arr.length || 1;
        };
        jStat3.cols = function cols(arr) {
          return arr[0].length || 1;
        };
        jStat3.dimensions = function dimensions(arr) {
          return {
            rows: jStat3.rows(arr),
            cols: jStat3.cols(arr)
          };
        };
        jStat3.row = function row(arr, index2) {
          if (isArray(index2)) {
            return index2.map(function(i) {
              return jStat3.row(arr, i);
            });
          }
          return arr[index2];
        };
        jStat3.rowa = function rowa(arr, i) {
          return jStat3.row(arr, i);
        };
        jStat3.col = function col(arr, index2) {
          if (isArray(index2)) {
            var submat = jStat3.arange(arr.length).map(function() {
              return new Array(index2.length);
            });
            index2.forEach(function(ind, i2) {
              jStat3.arange(arr.length).forEach(function(j) {
                submat[j][i2] = arr[j][ind];
              });
            });
            return submat;
          }
          var column = new Array(arr.length);
          for (var i = 0; i < arr.length; i++)
            column[i] = [arr[i][index2]];
          return column;
        };
        jStat3.cola = function cola(arr, i) {
          return jStat3.col(arr, i).map(function(a) {
            return a[0];
          });
        };
        jStat3.diag = function diag(arr) {
          var nrow = jStat3.rows(arr);
          var res = new Array(nrow);
          for (var row = 0; row < nrow; row++)
            res[row] = [arr[row][row]];
          return res;
        };
        jStat3.antidiag = function antidiag(arr) {
          var nrow = jStat3.rows(arr) - 1;
          var res = new Array(nrow);
          for (var i = 0; nrow >= 0; nrow--, i++)
            res[i] = [arr[i][nrow]];
          return res;
        };
        jStat3.transpose = function transpose(arr) {
          var obj = [];
          var objArr, rows, cols, j, i;
          if (!isArray(arr[0]))
            arr = [arr];
          rows = arr.length;
          cols = arr[0].length;
          for (i = 0; i < cols; i++) {
            objArr = new Array(rows);
            for (j = 0; j < rows; j++)
              objArr[j] = arr[j][i];
            obj.push(objArr);
          }
          return obj.length === 1 ? obj[0] : obj;
        };
        jStat3.map = function map(arr, func, toAlter) {
          var row, nrow, ncol, res, col;
          if (!isArray(arr[0]))
            arr = [arr];
          nrow = arr.length;
          ncol = arr[0].length;
          res = toAlter ? arr : new Array(nrow);
          for (row = 0; row < nrow; row++) {
            if (!res[row])
              res[row] = new Array(ncol);
            for (col = 0; col < ncol; col++)
              res[row][col] = func(arr[row][col], row, col);
          }
          return res.length === 1 ? res[0] : res;
        };
        jStat3.cumreduce = function cumreduce(arr, func, toAlter) {
          var row, nrow, ncol, res, col;
          if (!isArray(arr[0]))
            arr = [arr];
          nrow = arr.length;
          ncol = arr[0].length;
          res = toAlter ? arr : new Array(nrow);
          for (row = 0; row < nrow; row++) {
            if (!res[row])
              res[row] = new Array(ncol);
            if (ncol > 0)
              res[row][0] = arr[row][0];
            for (col = 1; col < ncol; col++)
              res[row][col] = func(res[row][col - 1], arr[row][col]);
          }
          return res.length === 1 ? res[0] : res;
        };
        jStat3.alter = function alter(arr, func) {
          return jStat3.map(arr, func, true);
        };
        jStat3.create = function create(rows, cols, func) {
          var res = new Array(rows);
          var i, j;
          if (isFunction(cols)) {
            func = cols;
            cols = rows;
          }
          for (i = 0; i < rows; i++) {
            res[i] = new Array(cols);
            for (j = 0; j < cols; j++)
              res[i][j] = func(i, j);
          }
          return res;
        };
        function retZero() {
          return 0;
        }
        jStat3.zeros = function zeros(rows, cols) {
          if (!isNumber(cols))
            cols = rows;
          return jStat3.create(rows, cols, retZero);
        };
        function retOne() {
          return 1;
        }
        jStat3.ones = function ones(rows, cols) {
          if (!isNumber(cols))
            cols = rows;
          return jStat3.create(rows, cols, retOne);
        };
        jStat3.rand = function rand(rows, cols) {
          if (!isNumber(cols))
            cols = rows;
          return jStat3.create(rows, cols, jStat3._random_fn);
        };
        function retIdent(i, j) {
          return i === j ? 1 : 0;
        }
        jStat3.identity = function identity(rows, cols) {
          if (!isNumber(cols))
            cols = rows;
          return jStat3.create(rows, cols, retIdent);
        };
        jStat3.symmetric = function symmetric(arr) {
          var size = arr.length;
          var row, col;
          if (arr.length !== arr[0].length)
            return false;
          for (row = 0; row < size; row++) {
            for (col = 0; col < size; col++)
              if (arr[col][row] !== arr[row][col])
                return false;
          }
          return true;
        };
        jStat3.clear = function clear(arr) {
          return jStat3.alter(arr, retZero);
        };
        jStat3.seq = function seq(min, max, length, func) {
          if (!isFunction(func))
            func = false;
          var arr = [];
          var hival = calcRdx(min, max);
          var step = (max * hival - min * hival) / ((length - 1) * hival);
          var current = min;
          var cnt;
          for (cnt = 0; current <= max && cnt < length; cnt++, current = (min * hival + step * hival * cnt) / hival) {
            arr.push(func ? func(current, cnt) : current);
          }
          return arr;
        };
        jStat3.arange = function arange(start, end, step) {
          var rl = [];
          var i;
          step = step || 1;
          if (end === undefined2) {
            end = start;
            start = 0;
          }
          if (start === end || step === 0) {
            return [];
          }
          if (start < end && step < 0) {
            return [];
          }
          if (start > end && step > 0) {
            return [];
          }
          if (step > 0) {
            for (i = start; i < end; i += step) {
              rl.push(i);
            }
          } else {
            for (i = start; i > end; i += step) {
              rl.push(i);
            }
          }
          return rl;
        };
        jStat3.slice = /* @__PURE__ */ (function() {
          function _slice(list3, start, end, step) {
            var i;
            var rl = [];
            var length = list3.length;
            if (start === undefined2 && end === undefined2 && step === undefined2) {
              return jStat3.copy(list3);
            }
            start = start || 0;
            end = end || list3.length;
            start = start >= 0 ? start : length + start;
            end = end >= 0 ? end : length + end;
            step = step || 1;
            if (start === end || step === 0) {
              return [];
            }
            if (start < end && step < 0) {
              return [];
            }
            if (start > end && step > 0) {
              return [];
            }
            if (step > 0) {
              for (i = start; i < end; i += step) {
                rl.push(list3[i]);
              }
            } else {
              for (i = start; i > end; i += step) {
                rl.push(list3[i]);
              }
            }
            return rl;
          }
          function slice2(list3, rcSlice) {
            var colSlice, rowSlice;
            rcSlice = rcSlice || {};
            if (isNumber(rcSlice.row)) {
              if (isNumber(rcSlice.col))
                return list3[rcSlice.row][rcSlice.col];
              var row = jStat3.rowa(list3, rcSlice.row);
              colSlice = rcSlice.col || {};
              return _slice(row, colSlice.start, colSlice.end, colSlice.step);
            }
            if (isNumber(rcSlice.col)) {
              var col = jStat3.cola(list3, rcSlice.col);
              rowSlice = rcSlice.row || {};
              return _slice(col, rowSlice.start, rowSlice.end, rowSlice.step);
            }
            rowSlice = rcSlice.row || {};
            colSlice = rcSlice.col || {};
            var rows = _slice(list3, rowSlice.start, rowSlice.end, rowSlice.step);
            return rows.map(function(row2) {
              return _slice(row2, colSlice.start, colSlice.end, colSlice.step);
            });
          }
          return slice2;
        })();
        jStat3.sliceAssign = function sliceAssign(A, rcSlice, B) {
          var nl, ml;
          if (isNumber(rcSlice.row)) {
            if (isNumber(rcSlice.col))
              return A[rcSlice.row][rcSlice.col] = B;
            rcSlice.col = rcSlice.col || {};
            rcSlice.col.start = rcSlice.col.start || 0;
            rcSlice.col.end = rcSlice.col.end || A[0].length;
            rcSlice.col.step = rcSlice.col.step || 1;
            nl = jStat3.arange(
              rcSlice.col.start,
              Math2.min(A.length, rcSlice.col.end),
              rcSlice.col.step
            );
            var m = rcSlice.row;
            nl.forEach(function(n2, i) {
              A[m][n2] = B[i];
            });
            return A;
          }
          if (isNumber(rcSlice.col)) {
            rcSlice.row = rcSlice.row || {};
            rcSlice.row.start = rcSlice.row.start || 0;
            rcSlice.row.end = rcSlice.row.end || A.length;
            rcSlice.row.step = rcSlice.row.step || 1;
            ml = jStat3.arange(
              rcSlice.row.start,
              Math2.min(A[0].length, rcSlice.row.end),
              rcSlice.row.step
            );
            var n = rcSlice.col;
            ml.forEach(function(m2, j) {
              A[m2][n] = B[j];
            });
            return A;
          }
          if (B[0].length === undefined2) {
            B = [B];
          }
          rcSlice.row.start = rcSlice.row.start || 0;
          rcSlice.row.end = rcSlice.row.end || A.length;
          rcSlice.row.step = rcSlice.row.step || 1;
          rcSlice.col.start = rcSlice.col.start || 0;
          rcSlice.col.end = rcSlice.col.end || A[0].length;
          rcSlice.col.step = rcSlice.col.step || 1;
          ml = jStat3.arange(
            rcSlice.row.start,
            Math2.min(A.length, rcSlice.row.end),
            rcSlice.row.step
          );
          nl = jStat3.arange(
            rcSlice.col.start,
            Math2.min(A[0].length, rcSlice.col.end),
            rcSlice.col.step
          );
          ml.forEach(function(m2, i) {
            nl.forEach(function(n2, j) {
              A[m2][n2] = B[i][j];
            });
          });
          return A;
        };
        jStat3.diagonal = function diagonal(diagArray) {
          var mat = jStat3.zeros(diagArray.length, diagArray.length);
          diagArray.forEach(function(t, i) {
            mat[i][i] = t;
          });
          return mat;
        };
        jStat3.copy = function copy(A) {
          return A.map(function(row) {
            if (isNumber(row))
              return row;
            return row.map(function(t) {
              return t;
            });
          });
        };
        var jProto = jStat3.prototype;
        jProto.length = 0;
        jProto.push = Array.prototype.push;
        jProto.sort = Array.prototype.sort;
        jProto.splice = Array.prototype.splice;
        jProto.slice = Array.prototype.slice;
        jProto.toArray = function toArray() {
          return this.length > 1 ? slice.call(this) : slice.call(this)[0];
        };
        jProto.map = function map(func, toAlter) {
          return jStat3(jStat3.map(this, func, toAlter));
        };
        jProto.cumreduce = function cumreduce(func, toAlter) {
          return jStat3(jStat3.cumreduce(this, func, toAlter));
        };
        jProto.alter = function alter(func) {
          jStat3.alter(this, func);
          return this;
        };
        (function(funcs) {
          for (var i = 0; i < funcs.length; i++) (function(passfunc) {
            jProto[passfunc] = function(func) {
              var self2 = this, results;
              if (func) {
                setTimeout(function() {
                  func.call(self2, jProto[passfunc].call(self2));
                });
                return this;
              }
              results = jStat3[passfunc](this);
              return isArray(results) ? jStat3(results) : results;
            };
          })(funcs[i]);
        })("transpose clear symmetric rows cols dimensions diag antidiag".split(" "));
        (function(funcs) {
          for (var i = 0; i < funcs.length; i++) (function(passfunc) {
            jProto[passfunc] = function(index2, func) {
              var self2 = this;
              if (func) {
                setTimeout(function() {
                  func.call(self2, jProto[passfunc].call(self2, index2));
                });
                return this;
              }
              return jStat3(jStat3[passfunc](this, index2));
            };
          })(funcs[i]);
        })("row col".split(" "));
        (function(funcs) {
          for (var i = 0; i < funcs.length; i++) (function(passfunc) {
            jProto[passfunc] = function() {
              return jStat3(jStat3[passfunc].apply(null, arguments));
            };
          })(funcs[i]);
        })("create zeros ones rand identity".split(" "));
        return jStat3;
      })(Math);
      (function(jStat3, Math2) {
        var isFunction = jStat3.utils.isFunction;
        function ascNum(a, b) {
          return a - b;
        }
        function clip(arg, min, max) {
          return Math2.max(min, Math2.min(arg, max));
        }
        jStat3.sum = function sum2(arr) {
          var sum3 = 0;
          var i = arr.length;
          while (--i >= 0)
            sum3 += arr[i];
          return sum3;
        };
        jStat3.sumsqrd = function sumsqrd(arr) {
          var sum2 = 0;
          var i = arr.length;
          while (--i >= 0)
            sum2 += arr[i] * arr[i];
          return sum2;
        };
        jStat3.sumsqerr = function sumsqerr(arr) {
          var mean3 = jStat3.mean(arr);
          var sum2 = 0;
          var i = arr.length;
          var tmp;
          while (--i >= 0) {
            tmp = arr[i] - mean3;
            sum2 += tmp * tmp;
          }
          return sum2;
        };
        jStat3.sumrow = function sumrow(arr) {
          var sum2 = 0;
          var i = arr.length;
          while (--i >= 0)
            sum2 += arr[i];
          return sum2;
        };
        jStat3.product = function product(arr) {
          var prod = 1;
          var i = arr.length;
          while (--i >= 0)
            prod *= arr[i];
          return prod;
        };
        jStat3.min = function min(arr) {
          var low = arr[0];
          var i = 0;
          while (++i < arr.length)
            if (arr[i] < low)
              low = arr[i];
          return low;
        };
        jStat3.max = function max(arr) {
          var high = arr[0];
          var i = 0;
          while (++i < arr.length)
            if (arr[i] > high)
              high = arr[i];
          return high;
        };
        jStat3.unique = function unique(arr) {
          var hash = {}, _arr = [];
          for (var i = 0; i < arr.length; i++) {
            if (!hash[arr[i]]) {
              hash[arr[i]] = true;
              _arr.push(arr[i]);
            }
          }
          return _arr;
        };
        jStat3.mean = function mean3(arr) {
          return jStat3.sum(arr) / arr.length;
        };
        jStat3.meansqerr = function meansqerr(arr) {
          return jStat3.sumsqerr(arr) / arr.length;
        };
        jStat3.geomean = function geomean(arr) {
          var logs = arr.map(Math2.log);
          var meanOfLogs = jStat3.mean(logs);
          return Math2.exp(meanOfLogs);
        };
        jStat3.median = function median3(arr) {
          var arrlen = arr.length;
          var _arr = arr.slice().sort(ascNum);
          return !(arrlen & 1) ? (_arr[arrlen / 2 - 1] + _arr[arrlen / 2]) / 2 : _arr[arrlen / 2 | 0];
        };
        jStat3.cumsum = function cumsum(arr) {
          return jStat3.cumreduce(arr, function(a, b) {
            return a + b;
          });
        };
        jStat3.cumprod = function cumprod(arr) {
          return jStat3.cumreduce(arr, function(a, b) {
            return a * b;
          });
        };
        jStat3.diff = function diff(arr) {
          var diffs = [];
          var arrLen = arr.length;
          var i;
          for (i = 1; i < arrLen; i++)
            diffs.push(arr[i] - arr[i - 1]);
          return diffs;
        };
        jStat3.rank = function(arr) {
          var i;
          var distinctNumbers = [];
          var numberCounts = {};
          for (i = 0; i < arr.length; i++) {
            var number2 = arr[i];
            if (numberCounts[number2]) {
              numberCounts[number2]++;
            } else {
              numberCounts[number2] = 1;
              distinctNumbers.push(number2);
            }
          }
          var sortedDistinctNumbers = distinctNumbers.sort(ascNum);
          var numberRanks = {};
          var currentRank = 1;
          for (i = 0; i < sortedDistinctNumbers.length; i++) {
            var number2 = sortedDistinctNumbers[i];
            var count2 = numberCounts[number2];
            var first = currentRank;
            var last = currentRank + count2 - 1;
            var rank = (first + last) / 2;
            numberRanks[number2] = rank;
            currentRank += count2;
          }
          return arr.map(function(number3) {
            return numberRanks[number3];
          });
        };
        jStat3.mode = function mode(arr) {
          var arrLen = arr.length;
          var _arr = arr.slice().sort(ascNum);
          var count2 = 1;
          var maxCount = 0;
          var numMaxCount = 0;
          var mode_arr = [];
          var i;
          for (i = 0; i < arrLen; i++) {
            if (_arr[i] === _arr[i + 1]) {
              count2++;
            } else {
              if (count2 > maxCount) {
                mode_arr = [_arr[i]];
                maxCount = count2;
                numMaxCount = 0;
              } else if (count2 === maxCount) {
                mode_arr.push(_arr[i]);
                numMaxCount++;
              }
              count2 = 1;
            }
          }
          return numMaxCount === 0 ? mode_arr[0] : mode_arr;
        };
        jStat3.range = function range(arr) {
          return jStat3.max(arr) - jStat3.min(arr);
        };
        jStat3.variance = function variance(arr, flag) {
          return jStat3.sumsqerr(arr) / (arr.length - (flag ? 1 : 0));
        };
        jStat3.pooledvariance = function pooledvariance(arr) {
          var sumsqerr = arr.reduce(function(a, samples) {
            return a + jStat3.sumsqerr(samples);
          }, 0);
          var count2 = arr.reduce(function(a, samples) {
            return a + samples.length;
          }, 0);
          return sumsqerr / (count2 - arr.length);
        };
        jStat3.deviation = function(arr) {
          var mean3 = jStat3.mean(arr);
          var arrlen = arr.length;
          var dev = new Array(arrlen);
          for (var i = 0; i < arrlen; i++) {
            dev[i] = arr[i] - mean3;
          }
          return dev;
        };
        jStat3.stdev = function stdev(arr, flag) {
          return Math2.sqrt(jStat3.variance(arr, flag));
        };
        jStat3.pooledstdev = function pooledstdev(arr) {
          return Math2.sqrt(jStat3.pooledvariance(arr));
        };
        jStat3.meandev = function meandev(arr) {
          var mean3 = jStat3.mean(arr);
          var a = [];
          for (var i = arr.length - 1; i >= 0; i--) {
            a.push(Math2.abs(arr[i] - mean3));
          }
          return jStat3.mean(a);
        };
        jStat3.meddev = function meddev(arr) {
          var median3 = jStat3.median(arr);
          var a = [];
          for (var i = arr.length - 1; i >= 0; i--) {
            a.push(Math2.abs(arr[i] - median3));
          }
          return jStat3.median(a);
        };
        jStat3.coeffvar = function coeffvar(arr) {
          return jStat3.stdev(arr) / jStat3.mean(arr);
        };
        jStat3.quartiles = function quartiles(arr) {
          var arrlen = arr.length;
          var _arr = arr.slice().sort(ascNum);
          return [
            _arr[Math2.round(arrlen / 4) - 1],
            _arr[Math2.round(arrlen / 2) - 1],
            _arr[Math2.round(arrlen * 3 / 4) - 1]
          ];
        };
        jStat3.quantiles = function quantiles(arr, quantilesArray, alphap, betap) {
          var sortedArray = arr.slice().sort(ascNum);
          var quantileVals = [quantilesArray.length];
          var n = arr.length;
          var i, p, m, aleph, k, gamma;
          if (typeof alphap === "undefined")
            alphap = 3 / 8;
          if (typeof betap === "undefined")
            betap = 3 / 8;
          for (i = 0; i < quantilesArray.length; i++) {
            p = quantilesArray[i];
            m = alphap + p * (1 - alphap - betap);
            aleph = n * p + m;
            k = Math2.floor(clip(aleph, 1, n - 1));
            gamma = clip(aleph - k, 0, 1);
            quantileVals[i] = (1 - gamma) * sortedArray[k - 1] + gamma * sortedArray[k];
          }
          return quantileVals;
        };
        jStat3.percentile = function percentile(arr, k, exclusive) {
          var _arr = arr.slice().sort(ascNum);
          var realIndex = k * (_arr.length + (exclusive ? 1 : -1)) + (exclusive ? 0 : 1);
          var index2 = parseInt(realIndex);
          var frac = realIndex - index2;
          if (index2 + 1 < _arr.length) {
            return _arr[index2 - 1] + frac * (_arr[index2] - _arr[index2 - 1]);
          } else {
            return _arr[index2 - 1];
          }
        };
        jStat3.percentileOfScore = function percentileOfScore(arr, score2, kind) {
          var counter = 0;
          var len = arr.length;
          var strict = false;
          var value, i;
          if (kind === "strict")
            strict = true;
          for (i = 0; i < len; i++) {
            value = arr[i];
            if (strict && value < score2 || !strict && value <= score2) {
              counter++;
            }
          }
          return counter / len;
        };
        jStat3.histogram = function histogram(arr, binCnt) {
          binCnt = binCnt || 4;
          var first = jStat3.min(arr);
          var binWidth = (jStat3.max(arr) - first) / binCnt;
          var len = arr.length;
          var bins = [];
          var i;
          for (i = 0; i < binCnt; i++)
            bins[i] = 0;
          for (i = 0; i < len; i++)
            bins[Math2.min(Math2.floor((arr[i] - first) / binWidth), binCnt - 1)] += 1;
          return bins;
        };
        jStat3.covariance = function covariance(arr1, arr2) {
          var u = jStat3.mean(arr1);
          var v = jStat3.mean(arr2);
          var arr1Len = arr1.length;
          var sq_dev = new Array(arr1Len);
          var i;
          for (i = 0; i < arr1Len; i++)
            sq_dev[i] = (arr1[i] - u) * (arr2[i] - v);
          return jStat3.sum(sq_dev) / (arr1Len - 1);
        };
        jStat3.corrcoeff = function corrcoeff(arr1, arr2) {
          return jStat3.covariance(arr1, arr2) / jStat3.stdev(arr1, 1) / jStat3.stdev(arr2, 1);
        };
        jStat3.spearmancoeff = function(arr1, arr2) {
          arr1 = jStat3.rank(arr1);
          arr2 = jStat3.rank(arr2);
          return jStat3.corrcoeff(arr1, arr2);
        };
        jStat3.stanMoment = function stanMoment(arr, n) {
          var mu = jStat3.mean(arr);
          var sigma = jStat3.stdev(arr);
          var len = arr.length;
          var skewSum = 0;
          for (var i = 0; i < len; i++)
            skewSum += Math2.pow((arr[i] - mu) / sigma, n);
          return skewSum / arr.length;
        };
        jStat3.skewness = function skewness(arr) {
          return jStat3.stanMoment(arr, 3);
        };
        jStat3.kurtosis = function kurtosis(arr) {
          return jStat3.stanMoment(arr, 4) - 3;
        };
        var jProto = jStat3.prototype;
        (function(funcs) {
          for (var i = 0; i < funcs.length; i++) (function(passfunc) {
            jProto[passfunc] = function(fullbool, func) {
              var arr = [];
              var i2 = 0;
              var tmpthis = this;
              if (isFunction(fullbool)) {
                func = fullbool;
                fullbool = false;
              }
              if (func) {
                setTimeout(function() {
                  func.call(tmpthis, jProto[passfunc].call(tmpthis, fullbool));
                });
                return this;
              }
              if (this.length > 1) {
                tmpthis = fullbool === true ? this : this.transpose();
                for (; i2 < tmpthis.length; i2++)
                  arr[i2] = jStat3[passfunc](tmpthis[i2]);
                return arr;
              }
              return jStat3[passfunc](this[0], fullbool);
            };
          })(funcs[i]);
        })("cumsum cumprod".split(" "));
        (function(funcs) {
          for (var i = 0; i < funcs.length; i++) (function(passfunc) {
            jProto[passfunc] = function(fullbool, func) {
              var arr = [];
              var i2 = 0;
              var tmpthis = this;
              if (isFunction(fullbool)) {
                func = fullbool;
                fullbool = false;
              }
              if (func) {
                setTimeout(function() {
                  func.call(tmpthis, jProto[passfunc].call(tmpthis, fullbool));
                });
                return this;
              }
              if (this.length > 1) {
                if (passfunc !== "sumrow")
                  tmpthis = fullbool === true ? this : this.transpose();
                for (; i2 < tmpthis.length; i2++)
                  arr[i2] = jStat3[passfunc](tmpthis[i2]);
                return fullbool === true ? jStat3[passfunc](jStat3.utils.toVector(arr)) : arr;
              }
              return jStat3[passfunc](this[0], fullbool);
            };
          })(funcs[i]);
        })("sum sumsqrd sumsqerr sumrow product min max unique mean meansqerr geomean median diff rank mode range variance deviation stdev meandev meddev coeffvar quartiles histogram skewness kurtosis".split(" "));
        (function(funcs) {
          for (var i = 0; i < funcs.length; i++) (function(passfunc) {
            jProto[passfunc] = function() {
              var arr = [];
              var i2 = 0;
              var tmpthis = this;
              var args = Array.prototype.slice.call(arguments);
              var callbackFunction;
              if (isFunction(args[args.length - 1])) {
                callbackFunction = args[args.length - 1];
                var argsToPass = args.slice(0, args.length - 1);
                setTimeout(function() {
                  callbackFunction.call(
                    tmpthis,
                    jProto[passfunc].apply(tmpthis, argsToPass)
                  );
                });
                return this;
              } else {
                callbackFunction = void 0;
                var curriedFunction = function curriedFunction2(vector) {
                  return jStat3[passfunc].apply(tmpthis, [vector].concat(args));
                };
              }
              if (this.length > 1) {
                tmpthis = tmpthis.transpose();
                for (; i2 < tmpthis.length; i2++)
                  arr[i2] = curriedFunction(tmpthis[i2]);
                return arr;
              }
              return curriedFunction(this[0]);
            };
          })(funcs[i]);
        })("quantiles percentileOfScore".split(" "));
      })(jStat2, Math);
      (function(jStat3, Math2) {
        jStat3.gammaln = function gammaln(x) {
          var j = 0;
          var cof = [
            76.18009172947146,
            -86.50532032941678,
            24.01409824083091,
            -1.231739572450155,
            0.001208650973866179,
            -5395239384953e-18
          ];
          var ser = 1.000000000190015;
          var xx, y, tmp;
          tmp = (y = xx = x) + 5.5;
          tmp -= (xx + 0.5) * Math2.log(tmp);
          for (; j < 6; j++)
            ser += cof[j] / ++y;
          return Math2.log(2.5066282746310007 * ser / xx) - tmp;
        };
        jStat3.loggam = function loggam(x) {
          var x0, x2, xp, gl, gl0;
          var k, n;
          var a = [
            0.08333333333333333,
            -0.002777777777777778,
            7936507936507937e-19,
            -5952380952380952e-19,
            8417508417508418e-19,
            -0.001917526917526918,
            0.00641025641025641,
            -0.02955065359477124,
            0.1796443723688307,
            -1.3924322169059
          ];
          x0 = x;
          n = 0;
          if (x == 1 || x == 2) {
            return 0;
          }
          if (x <= 7) {
            n = Math2.floor(7 - x);
            x0 = x + n;
          }
          x2 = 1 / (x0 * x0);
          xp = 2 * Math2.PI;
          gl0 = a[9];
          for (k = 8; k >= 0; k--) {
            gl0 *= x2;
            gl0 += a[k];
          }
          gl = gl0 / x0 + 0.5 * Math2.log(xp) + (x0 - 0.5) * Math2.log(x0) - x0;
          if (x <= 7) {
            for (k = 1; k <= n; k++) {
              gl -= Math2.log(x0 - 1);
              x0 -= 1;
            }
          }
          return gl;
        };
        jStat3.gammafn = function gammafn(x) {
          var p = [
            -1.716185138865495,
            24.76565080557592,
            -379.80425647094563,
            629.3311553128184,
            866.9662027904133,
            -31451.272968848367,
            -36144.413418691176,
            66456.14382024054
          ];
          var q = [
            -30.8402300119739,
            315.35062697960416,
            -1015.1563674902192,
            -3107.771671572311,
            22538.11842098015,
            4755.846277527881,
            -134659.9598649693,
            -115132.2596755535
          ];
          var fact = false;
          var n = 0;
          var xden = 0;
          var xnum = 0;
          var y = x;
          var i, z2, yi, res;
          if (x > 171.6243769536076) {
            return Infinity;
          }
          if (y <= 0) {
            res = y % 1 + 36e-17;
            if (res) {
              fact = (!(y & 1) ? 1 : -1) * Math2.PI / Math2.sin(Math2.PI * res);
              y = 1 - y;
            } else {
              return Infinity;
            }
          }
          yi = y;
          if (y < 1) {
            z2 = y++;
          } else {
            z2 = (y -= n = (y | 0) - 1) - 1;
          }
          for (i = 0; i < 8; ++i) {
            xnum = (xnum + p[i]) * z2;
            xden = xden * z2 + q[i];
          }
          res = xnum / xden + 1;
          if (yi < y) {
            res /= yi;
          } else if (yi > y) {
            for (i = 0; i < n; ++i) {
              res *= y;
              y++;
            }
          }
          if (fact) {
            res = fact / res;
          }
          return res;
        };
        jStat3.gammap = function gammap(a, x) {
          return jStat3.lowRegGamma(a, x) * jStat3.gammafn(a);
        };
        jStat3.lowRegGamma = function lowRegGamma(a, x) {
          var aln = jStat3.gammaln(a);
          var ap = a;
          var sum2 = 1 / a;
          var del = sum2;
          var b = x + 1 - a;
          var c = 1 / 1e-30;
          var d = 1 / b;
          var h = d;
          var i = 1;
          var ITMAX = -~(Math2.log(a >= 1 ? a : 1 / a) * 8.5 + a * 0.4 + 17);
          var an;
          if (x < 0 || a <= 0) {
            return NaN;
          } else if (x < a + 1) {
            for (; i <= ITMAX; i++) {
              sum2 += del *= x / ++ap;
            }
            return sum2 * Math2.exp(-x + a * Math2.log(x) - aln);
          }
          for (; i <= ITMAX; i++) {
            an = -i * (i - a);
            b += 2;
            d = an * d + b;
            c = b + an / c;
            d = 1 / d;
            h *= d * c;
          }
          return 1 - h * Math2.exp(-x + a * Math2.log(x) - aln);
        };
        jStat3.factorialln = function factorialln(n) {
          return n < 0 ? NaN : jStat3.gammaln(n + 1);
        };
        jStat3.factorial = function factorial(n) {
          return n < 0 ? NaN : jStat3.gammafn(n + 1);
        };
        jStat3.combination = function combination(n, m) {
          return n > 170 || m > 170 ? Math2.exp(jStat3.combinationln(n, m)) : jStat3.factorial(n) / jStat3.factorial(m) / jStat3.factorial(n - m);
        };
        jStat3.combinationln = function combinationln(n, m) {
          return jStat3.factorialln(n) - jStat3.factorialln(m) - jStat3.factorialln(n - m);
        };
        jStat3.permutation = function permutation(n, m) {
          return jStat3.factorial(n) / jStat3.factorial(n - m);
        };
        jStat3.betafn = function betafn(x, y) {
          if (x <= 0 || y <= 0)
            return void 0;
          return x + y > 170 ? Math2.exp(jStat3.betaln(x, y)) : jStat3.gammafn(x) * jStat3.gammafn(y) / jStat3.gammafn(x + y);
        };
        jStat3.betaln = function betaln(x, y) {
          return jStat3.gammaln(x) + jStat3.gammaln(y) - jStat3.gammaln(x + y);
        };
        jStat3.betacf = function betacf(x, a, b) {
          var fpmin = 1e-30;
          var m = 1;
          var qab = a + b;
          var qap = a + 1;
          var qam = a - 1;
          var c = 1;
          var d = 1 - qab * x / qap;
          var m2, aa, del, h;
          if (Math2.abs(d) < fpmin)
            d = fpmin;
          d = 1 / d;
          h = d;
          for (; m <= 100; m++) {
            m2 = 2 * m;
            aa = m * (b - m) * x / ((qam + m2) * (a + m2));
            d = 1 + aa * d;
            if (Math2.abs(d) < fpmin)
              d = fpmin;
            c = 1 + aa / c;
            if (Math2.abs(c) < fpmin)
              c = fpmin;
            d = 1 / d;
            h *= d * c;
            aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2));
            d = 1 + aa * d;
            if (Math2.abs(d) < fpmin)
              d = fpmin;
            c = 1 + aa / c;
            if (Math2.abs(c) < fpmin)
              c = fpmin;
            d = 1 / d;
            del = d * c;
            h *= del;
            if (Math2.abs(del - 1) < 3e-7)
              break;
          }
          return h;
        };
        jStat3.gammapinv = function gammapinv(p, a) {
          var j = 0;
          var a1 = a - 1;
          var EPS = 1e-8;
          var gln = jStat3.gammaln(a);
          var x, err, t, u, pp, lna1, afac;
          if (p >= 1)
            return Math2.max(100, a + 100 * Math2.sqrt(a));
          if (p <= 0)
            return 0;
          if (a > 1) {
            lna1 = Math2.log(a1);
            afac = Math2.exp(a1 * (lna1 - 1) - gln);
            pp = p < 0.5 ? p : 1 - p;
            t = Math2.sqrt(-2 * Math2.log(pp));
            x = (2.30753 + t * 0.27061) / (1 + t * (0.99229 + t * 0.04481)) - t;
            if (p < 0.5)
              x = -x;
            x = Math2.max(
              1e-3,
              a * Math2.pow(1 - 1 / (9 * a) - x / (3 * Math2.sqrt(a)), 3)
            );
          } else {
            t = 1 - a * (0.253 + a * 0.12);
            if (p < t)
              x = Math2.pow(p / t, 1 / a);
            else
              x = 1 - Math2.log(1 - (p - t) / (1 - t));
          }
          for (; j < 12; j++) {
            if (x <= 0)
              return 0;
            err = jStat3.lowRegGamma(a, x) - p;
            if (a > 1)
              t = afac * Math2.exp(-(x - a1) + a1 * (Math2.log(x) - lna1));
            else
              t = Math2.exp(-x + a1 * Math2.log(x) - gln);
            u = err / t;
            x -= t = u / (1 - 0.5 * Math2.min(1, u * ((a - 1) / x - 1)));
            if (x <= 0)
              x = 0.5 * (x + t);
            if (Math2.abs(t) < EPS * x)
              break;
          }
          return x;
        };
        jStat3.erf = function erf(x) {
          var cof = [
            -1.3026537197817094,
            0.6419697923564902,
            0.019476473204185836,
            -0.00956151478680863,
            -946595344482036e-18,
            366839497852761e-18,
            42523324806907e-18,
            -20278578112534e-18,
            -1624290004647e-18,
            130365583558e-17,
            15626441722e-18,
            -85238095915e-18,
            6529054439e-18,
            5059343495e-18,
            -991364156e-18,
            -227365122e-18,
            96467911e-18,
            2394038e-18,
            -6886027e-18,
            894487e-18,
            313092e-18,
            -112708e-18,
            381e-18,
            7106e-18,
            -1523e-18,
            -94e-18,
            121e-18,
            -28e-18
          ];
          var j = cof.length - 1;
          var isneg = false;
          var d = 0;
          var dd = 0;
          var t, ty, tmp, res;
          if (x < 0) {
            x = -x;
            isneg = true;
          }
          t = 2 / (2 + x);
          ty = 4 * t - 2;
          for (; j > 0; j--) {
            tmp = d;
            d = ty * d - dd + cof[j];
            dd = tmp;
          }
          res = t * Math2.exp(-x * x + 0.5 * (cof[0] + ty * d) - dd);
          return isneg ? res - 1 : 1 - res;
        };
        jStat3.erfc = function erfc(x) {
          return 1 - jStat3.erf(x);
        };
        jStat3.erfcinv = function erfcinv(p) {
          var j = 0;
          var x, err, t, pp;
          if (p >= 2)
            return -100;
          if (p <= 0)
            return 100;
          pp = p < 1 ? p : 2 - p;
          t = Math2.sqrt(-2 * Math2.log(pp / 2));
          x = -0.70711 * ((2.30753 + t * 0.27061) / (1 + t * (0.99229 + t * 0.04481)) - t);
          for (; j < 2; j++) {
            err = jStat3.erfc(x) - pp;
            x += err / (1.1283791670955126 * Math2.exp(-x * x) - x * err);
          }
          return p < 1 ? x : -x;
        };
        jStat3.ibetainv = function ibetainv(p, a, b) {
          var EPS = 1e-8;
          var a1 = a - 1;
          var b1 = b - 1;
          var j = 0;
          var lna, lnb, pp, t, u, err, x, al, h, w, afac;
          if (p <= 0)
            return 0;
          if (p >= 1)
            return 1;
          if (a >= 1 && b >= 1) {
            pp = p < 0.5 ? p : 1 - p;
            t = Math2.sqrt(-2 * Math2.log(pp));
            x = (2.30753 + t * 0.27061) / (1 + t * (0.99229 + t * 0.04481)) - t;
            if (p < 0.5)
              x = -x;
            al = (x * x - 3) / 6;
            h = 2 / (1 / (2 * a - 1) + 1 / (2 * b - 1));
            w = x * Math2.sqrt(al + h) / h - (1 / (2 * b - 1) - 1 / (2 * a - 1)) * (al + 5 / 6 - 2 / (3 * h));
            x = a / (a + b * Math2.exp(2 * w));
          } else {
            lna = Math2.log(a / (a + b));
            lnb = Math2.log(b / (a + b));
            t = Math2.exp(a * lna) / a;
            u = Math2.exp(b * lnb) / b;
            w = t + u;
            if (p < t / w)
              x = Math2.pow(a * w * p, 1 / a);
            else
              x = 1 - Math2.pow(b * w * (1 - p), 1 / b);
          }
          afac = -jStat3.gammaln(a) - jStat3.gammaln(b) + jStat3.gammaln(a + b);
          for (; j < 10; j++) {
            if (x === 0 || x === 1)
              return x;
            err = jStat3.ibeta(x, a, b) - p;
            t = Math2.exp(a1 * Math2.log(x) + b1 * Math2.log(1 - x) + afac);
            u = err / t;
            x -= t = u / (1 - 0.5 * Math2.min(1, u * (a1 / x - b1 / (1 - x))));
            if (x <= 0)
              x = 0.5 * (x + t);
            if (x >= 1)
              x = 0.5 * (x + t + 1);
            if (Math2.abs(t) < EPS * x && j > 0)
              break;
          }
          return x;
        };
        jStat3.ibeta = function ibeta(x, a, b) {
          var bt = x === 0 || x === 1 ? 0 : Math2.exp(jStat3.gammaln(a + b) - jStat3.gammaln(a) - jStat3.gammaln(b) + a * Math2.log(x) + b * Math2.log(1 - x));
          if (x < 0 || x > 1)
            return false;
          if (x < (a + 1) / (a + b + 2))
            return bt * jStat3.betacf(x, a, b) / a;
          return 1 - bt * jStat3.betacf(1 - x, b, a) / b;
        };
        jStat3.randn = function randn(n, m) {
          var u, v, x, y, q;
          if (!m)
            m = n;
          if (n)
            return jStat3.create(n, m, function() {
              return jStat3.randn();
            });
          do {
            u = jStat3._random_fn();
            v = 1.7156 * (jStat3._random_fn() - 0.5);
            x = u - 0.449871;
            y = Math2.abs(v) + 0.386595;
            q = x * x + y * (0.196 * y - 0.25472 * x);
          } while (q > 0.27597 && (q > 0.27846 || v * v > -4 * Math2.log(u) * u * u));
          return v / u;
        };
        jStat3.randg = function randg(shape, n, m) {
          var oalph = shape;
          var a1, a2, u, v, x, mat;
          if (!m)
            m = n;
          if (!shape)
            shape = 1;
          if (n) {
            mat = jStat3.zeros(n, m);
            mat.alter(function() {
              return jStat3.randg(shape);
            });
            return mat;
          }
          if (shape < 1)
            shape += 1;
          a1 = shape - 1 / 3;
          a2 = 1 / Math2.sqrt(9 * a1);
          do {
            do {
              x = jStat3.randn();
              v = 1 + a2 * x;
            } while (v <= 0);
            v = v * v * v;
            u = jStat3._random_fn();
          } while (u > 1 - 0.331 * Math2.pow(x, 4) && Math2.log(u) > 0.5 * x * x + a1 * (1 - v + Math2.log(v)));
          if (shape == oalph)
            return a1 * v;
          do {
            u = jStat3._random_fn();
          } while (u === 0);
          return Math2.pow(u, 1 / oalph) * a1 * v;
        };
        (function(funcs) {
          for (var i = 0; i < funcs.length; i++) (function(passfunc) {
            jStat3.fn[passfunc] = function() {
              return jStat3(
                jStat3.map(this, function(value) {
                  return jStat3[passfunc](value);
                })
              );
            };
          })(funcs[i]);
        })("gammaln gammafn factorial factorialln".split(" "));
        (function(funcs) {
          for (var i = 0; i < funcs.length; i++) (function(passfunc) {
            jStat3.fn[passfunc] = function() {
              return jStat3(jStat3[passfunc].apply(null, arguments));
            };
          })(funcs[i]);
        })("randn".split(" "));
      })(jStat2, Math);
      (function(jStat3, Math2) {
        (function(list3) {
          for (var i = 0; i < list3.length; i++) (function(func) {
            jStat3[func] = function f(a, b, c) {
              if (!(this instanceof f))
                return new f(a, b, c);
              this._a = a;
              this._b = b;
              this._c = c;
              return this;
            };
            jStat3.fn[func] = function(a, b, c) {
              var newthis = jStat3[func](a, b, c);
              newthis.data = this;
              return newthis;
            };
            jStat3[func].prototype.sample = function(arr) {
              var a = this._a;
              var b = this._b;
              var c = this._c;
              if (arr)
                return jStat3.alter(arr, function() {
                  return jStat3[func].sample(a, b, c);
                });
              else
                return jStat3[func].sample(a, b, c);
            };
            (function(vals) {
              for (var i2 = 0; i2 < vals.length; i2++) (function(fnfunc) {
                jStat3[func].prototype[fnfunc] = function(x) {
                  var a = this._a;
                  var b = this._b;
                  var c = this._c;
                  if (!x && x !== 0)
                    x = this.data;
                  if (typeof x !== "number") {
                    return jStat3.fn.map.call(x, function(x2) {
                      return jStat3[func][fnfunc](x2, a, b, c);
                    });
                  }
                  return jStat3[func][fnfunc](x, a, b, c);
                };
              })(vals[i2]);
            })("pdf cdf inv".split(" "));
            (function(vals) {
              for (var i2 = 0; i2 < vals.length; i2++) (function(fnfunc) {
                jStat3[func].prototype[fnfunc] = function() {
                  return jStat3[func][fnfunc](this._a, this._b, this._c);
                };
              })(vals[i2]);
            })("mean median mode variance".split(" "));
          })(list3[i]);
        })("beta centralF cauchy chisquare exponential gamma invgamma kumaraswamy laplace lognormal noncentralt normal pareto studentt weibull uniform binomial negbin hypgeom poisson triangular tukey arcsine".split(" "));
        jStat3.extend(jStat3.beta, {
          pdf: function pdf(x, alpha, beta) {
            if (x > 1 || x < 0)
              return 0;
            if (alpha == 1 && beta == 1)
              return 1;
            if (alpha < 512 && beta < 512) {
              return Math2.pow(x, alpha - 1) * Math2.pow(1 - x, beta - 1) / jStat3.betafn(alpha, beta);
            } else {
              return Math2.exp((alpha - 1) * Math2.log(x) + (beta - 1) * Math2.log(1 - x) - jStat3.betaln(alpha, beta));
            }
          },
          cdf: function cdf(x, alpha, beta) {
            return x > 1 || x < 0 ? (x > 1) * 1 : jStat3.ibeta(x, alpha, beta);
          },
          inv: function inv(x, alpha, beta) {
            return jStat3.ibetainv(x, alpha, beta);
          },
          mean: function mean3(alpha, beta) {
            return alpha / (alpha + beta);
          },
          median: function median3(alpha, beta) {
            return jStat3.ibetainv(0.5, alpha, beta);
          },
          mode: function mode(alpha, beta) {
            return (alpha - 1) / (alpha + beta - 2);
          },
          // return a random sample
          sample: function sample(alpha, beta) {
            var u = jStat3.randg(alpha);
            return u / (u + jStat3.randg(beta));
          },
          variance: function variance(alpha, beta) {
            return alpha * beta / (Math2.pow(alpha + beta, 2) * (alpha + beta + 1));
          }
        });
        jStat3.extend(jStat3.centralF, {
          // This implementation of the pdf function avoids float overflow
          // See the way that R calculates this value:
          // https://svn.r-project.org/R/trunk/src/nmath/df.c
          pdf: function pdf(x, df1, df2) {
            var p, q, f;
            if (x < 0)
              return 0;
            if (df1 <= 2) {
              if (x === 0 && df1 < 2) {
                return Infinity;
              }
              if (x === 0 && df1 === 2) {
                return 1;
              }
              return 1 / jStat3.betafn(df1 / 2, df2 / 2) * Math2.pow(df1 / df2, df1 / 2) * Math2.pow(x, df1 / 2 - 1) * Math2.pow(1 + df1 / df2 * x, -(df1 + df2) / 2);
            }
            p = df1 * x / (df2 + x * df1);
            q = df2 / (df2 + x * df1);
            f = df1 * q / 2;
            return f * jStat3.binomial.pdf((df1 - 2) / 2, (df1 + df2 - 2) / 2, p);
          },
          cdf: function cdf(x, df1, df2) {
            if (x < 0)
              return 0;
            return jStat3.ibeta(df1 * x / (df1 * x + df2), df1 / 2, df2 / 2);
          },
          inv: function inv(x, df1, df2) {
            return df2 / (df1 * (1 / jStat3.ibetainv(x, df1 / 2, df2 / 2) - 1));
          },
          mean: function mean3(df1, df2) {
            return df2 > 2 ? df2 / (df2 - 2) : void 0;
          },
          mode: function mode(df1, df2) {
            return df1 > 2 ? df2 * (df1 - 2) / (df1 * (df2 + 2)) : void 0;
          },
          // return a random sample
          sample: function sample(df1, df2) {
            var x1 = jStat3.randg(df1 / 2) * 2;
            var x2 = jStat3.randg(df2 / 2) * 2;
            return x1 / df1 / (x2 / df2);
          },
          variance: function variance(df1, df2) {
            if (df2 <= 4)
              return void 0;
            return 2 * df2 * df2 * (df1 + df2 - 2) / (df1 * (df2 - 2) * (df2 - 2) * (df2 - 4));
          }
        });
        jStat3.extend(jStat3.cauchy, {
          pdf: function pdf(x, local, scale) {
            if (scale < 0) {
              return 0;
            }
            return scale / (Math2.pow(x - local, 2) + Math2.pow(scale, 2)) / Math2.PI;
          },
          cdf: function cdf(x, local, scale) {
            return Math2.atan((x - local) / scale) / Math2.PI + 0.5;
          },
          inv: function(p, local, scale) {
            return local + scale * Math2.tan(Math2.PI * (p - 0.5));
          },
          median: function median3(local) {
            return local;
          },
          mode: function mode(local) {
            return local;
          },
          sample: function sample(local, scale) {
            return jStat3.randn() * Math2.sqrt(1 / (2 * jStat3.randg(0.5))) * scale + local;
          }
        });
        jStat3.extend(jStat3.chisquare, {
          pdf: function pdf(x, dof) {
            if (x < 0)
              return 0;
            return x === 0 && dof === 2 ? 0.5 : Math2.exp((dof / 2 - 1) * Math2.log(x) - x / 2 - dof / 2 * Math2.log(2) - jStat3.gammaln(dof / 2));
          },
          cdf: function cdf(x, dof) {
            if (x < 0)
              return 0;
            return jStat3.lowRegGamma(dof / 2, x / 2);
          },
          inv: function(p, dof) {
            return 2 * jStat3.gammapinv(p, 0.5 * dof);
          },
          mean: function(dof) {
            return dof;
          },
          // TODO: this is an approximation (is there a better way?)
          median: function median3(dof) {
            return dof * Math2.pow(1 - 2 / (9 * dof), 3);
          },
          mode: function mode(dof) {
            return dof - 2 > 0 ? dof - 2 : 0;
          },
          sample: function sample(dof) {
            return jStat3.randg(dof / 2) * 2;
          },
          variance: function variance(dof) {
            return 2 * dof;
          }
        });
        jStat3.extend(jStat3.exponential, {
          pdf: function pdf(x, rate2) {
            return x < 0 ? 0 : rate2 * Math2.exp(-rate2 * x);
          },
          cdf: function cdf(x, rate2) {
            return x < 0 ? 0 : 1 - Math2.exp(-rate2 * x);
          },
          inv: function(p, rate2) {
            return -Math2.log(1 - p) / rate2;
          },
          mean: function(rate2) {
            return 1 / rate2;
          },
          median: function(rate2) {
            return 1 / rate2 * Math2.log(2);
          },
          mode: function mode() {
            return 0;
          },
          sample: function sample(rate2) {
            return -1 / rate2 * Math2.log(jStat3._random_fn());
          },
          variance: function(rate2) {
            return Math2.pow(rate2, -2);
          }
        });
        jStat3.extend(jStat3.gamma, {
          pdf: function pdf(x, shape, scale) {
            if (x < 0)
              return 0;
            return x === 0 && shape === 1 ? 1 / scale : Math2.exp((shape - 1) * Math2.log(x) - x / scale - jStat3.gammaln(shape) - shape * Math2.log(scale));
          },
          cdf: function cdf(x, shape, scale) {
            if (x < 0)
              return 0;
            return jStat3.lowRegGamma(shape, x / scale);
          },
          inv: function(p, shape, scale) {
            return jStat3.gammapinv(p, shape) * scale;
          },
          mean: function(shape, scale) {
            return shape * scale;
          },
          mode: function mode(shape, scale) {
            if (shape > 1) return (shape - 1) * scale;
            return void 0;
          },
          sample: function sample(shape, scale) {
            return jStat3.randg(shape) * scale;
          },
          variance: function variance(shape, scale) {
            return shape * scale * scale;
          }
        });
        jStat3.extend(jStat3.invgamma, {
          pdf: function pdf(x, shape, scale) {
            if (x <= 0)
              return 0;
            return Math2.exp(-(shape + 1) * Math2.log(x) - scale / x - jStat3.gammaln(shape) + shape * Math2.log(scale));
          },
          cdf: function cdf(x, shape, scale) {
            if (x <= 0)
              return 0;
            return 1 - jStat3.lowRegGamma(shape, scale / x);
          },
          inv: function(p, shape, scale) {
            return scale / jStat3.gammapinv(1 - p, shape);
          },
          mean: function(shape, scale) {
            return shape > 1 ? scale / (shape - 1) : void 0;
          },
          mode: function mode(shape, scale) {
            return scale / (shape + 1);
          },
          sample: function sample(shape, scale) {
            return scale / jStat3.randg(shape);
          },
          variance: function variance(shape, scale) {
            if (shape <= 2)
              return void 0;
            return scale * scale / ((shape - 1) * (shape - 1) * (shape - 2));
          }
        });
        jStat3.extend(jStat3.kumaraswamy, {
          pdf: function pdf(x, alpha, beta) {
            if (x === 0 && alpha === 1)
              return beta;
            else if (x === 1 && beta === 1)
              return alpha;
            return Math2.exp(Math2.log(alpha) + Math2.log(beta) + (alpha - 1) * Math2.log(x) + (beta - 1) * Math2.log(1 - Math2.pow(x, alpha)));
          },
          cdf: function cdf(x, alpha, beta) {
            if (x < 0)
              return 0;
            else if (x > 1)
              return 1;
            return 1 - Math2.pow(1 - Math2.pow(x, alpha), beta);
          },
          inv: function inv(p, alpha, beta) {
            return Math2.pow(1 - Math2.pow(1 - p, 1 / beta), 1 / alpha);
          },
          mean: function(alpha, beta) {
            return beta * jStat3.gammafn(1 + 1 / alpha) * jStat3.gammafn(beta) / jStat3.gammafn(1 + 1 / alpha + beta);
          },
          median: function median3(alpha, beta) {
            return Math2.pow(1 - Math2.pow(2, -1 / beta), 1 / alpha);
          },
          mode: function mode(alpha, beta) {
            if (!(alpha >= 1 && beta >= 1 && (alpha !== 1 && beta !== 1)))
              return void 0;
            return Math2.pow((alpha - 1) / (alpha * beta - 1), 1 / alpha);
          },
          variance: function variance() {
            throw new Error("variance not yet implemented");
          }
        });
        jStat3.extend(jStat3.lognormal, {
          pdf: function pdf(x, mu, sigma) {
            if (x <= 0)
              return 0;
            return Math2.exp(-Math2.log(x) - 0.5 * Math2.log(2 * Math2.PI) - Math2.log(sigma) - Math2.pow(Math2.log(x) - mu, 2) / (2 * sigma * sigma));
          },
          cdf: function cdf(x, mu, sigma) {
            if (x < 0)
              return 0;
            return 0.5 + 0.5 * jStat3.erf((Math2.log(x) - mu) / Math2.sqrt(2 * sigma * sigma));
          },
          inv: function(p, mu, sigma) {
            return Math2.exp(-1.4142135623730951 * sigma * jStat3.erfcinv(2 * p) + mu);
          },
          mean: function mean3(mu, sigma) {
            return Math2.exp(mu + sigma * sigma / 2);
          },
          median: function median3(mu) {
            return Math2.exp(mu);
          },
          mode: function mode(mu, sigma) {
            return Math2.exp(mu - sigma * sigma);
          },
          sample: function sample(mu, sigma) {
            return Math2.exp(jStat3.randn() * sigma + mu);
          },
          variance: function variance(mu, sigma) {
            return (Math2.exp(sigma * sigma) - 1) * Math2.exp(2 * mu + sigma * sigma);
          }
        });
        jStat3.extend(jStat3.noncentralt, {
          pdf: function pdf(x, dof, ncp) {
            var tol = 1e-14;
            if (Math2.abs(ncp) < tol)
              return jStat3.studentt.pdf(x, dof);
            if (Math2.abs(x) < tol) {
              return Math2.exp(jStat3.gammaln((dof + 1) / 2) - ncp * ncp / 2 - 0.5 * Math2.log(Math2.PI * dof) - jStat3.gammaln(dof / 2));
            }
            return dof / x * (jStat3.noncentralt.cdf(x * Math2.sqrt(1 + 2 / dof), dof + 2, ncp) - jStat3.noncentralt.cdf(x, dof, ncp));
          },
          cdf: function cdf(x, dof, ncp) {
            var tol = 1e-14;
            var min_iterations = 200;
            if (Math2.abs(ncp) < tol)
              return jStat3.studentt.cdf(x, dof);
            var flip = false;
            if (x < 0) {
              flip = true;
              ncp = -ncp;
            }
            var prob = jStat3.normal.cdf(-ncp, 0, 1);
            var value = tol + 1;
            var lastvalue = value;
            var y = x * x / (x * x + dof);
            var j = 0;
            var p = Math2.exp(-ncp * ncp / 2);
            var q = Math2.exp(-ncp * ncp / 2 - 0.5 * Math2.log(2) - jStat3.gammaln(3 / 2)) * ncp;
            while (j < min_iterations || lastvalue > tol || value > tol) {
              lastvalue = value;
              if (j > 0) {
                p *= ncp * ncp / (2 * j);
                q *= ncp * ncp / (2 * (j + 1 / 2));
              }
              value = p * jStat3.beta.cdf(y, j + 0.5, dof / 2) + q * jStat3.beta.cdf(y, j + 1, dof / 2);
              prob += 0.5 * value;
              j++;
            }
            return flip ? 1 - prob : prob;
          }
        });
        jStat3.extend(jStat3.normal, {
          pdf: function pdf(x, mean3, std) {
            return Math2.exp(-0.5 * Math2.log(2 * Math2.PI) - Math2.log(std) - Math2.pow(x - mean3, 2) / (2 * std * std));
          },
          cdf: function cdf(x, mean3, std) {
            return 0.5 * (1 + jStat3.erf((x - mean3) / Math2.sqrt(2 * std * std)));
          },
          inv: function(p, mean3, std) {
            return -1.4142135623730951 * std * jStat3.erfcinv(2 * p) + mean3;
          },
          mean: function(mean3) {
            return mean3;
          },
          median: function median3(mean3) {
            return mean3;
          },
          mode: function(mean3) {
            return mean3;
          },
          sample: function sample(mean3, std) {
            return jStat3.randn() * std + mean3;
          },
          variance: function(mean3, std) {
            return std * std;
          }
        });
        jStat3.extend(jStat3.pareto, {
          pdf: function pdf(x, scale, shape) {
            if (x < scale)
              return 0;
            return shape * Math2.pow(scale, shape) / Math2.pow(x, shape + 1);
          },
          cdf: function cdf(x, scale, shape) {
            if (x < scale)
              return 0;
            return 1 - Math2.pow(scale / x, shape);
          },
          inv: function inv(p, scale, shape) {
            return scale / Math2.pow(1 - p, 1 / shape);
          },
          mean: function mean3(scale, shape) {
            if (shape <= 1)
              return void 0;
            return shape * Math2.pow(scale, shape) / (shape - 1);
          },
          median: function median3(scale, shape) {
            return scale * (shape * Math2.SQRT2);
          },
          mode: function mode(scale) {
            return scale;
          },
          variance: function(scale, shape) {
            if (shape <= 2)
              return void 0;
            return scale * scale * shape / (Math2.pow(shape - 1, 2) * (shape - 2));
          }
        });
        jStat3.extend(jStat3.studentt, {
          pdf: function pdf(x, dof) {
            dof = dof > 1e100 ? 1e100 : dof;
            return 1 / (Math2.sqrt(dof) * jStat3.betafn(0.5, dof / 2)) * Math2.pow(1 + x * x / dof, -((dof + 1) / 2));
          },
          cdf: function cdf(x, dof) {
            var dof2 = dof / 2;
            return jStat3.ibeta((x + Math2.sqrt(x * x + dof)) / (2 * Math2.sqrt(x * x + dof)), dof2, dof2);
          },
          inv: function(p, dof) {
            var x = jStat3.ibetainv(2 * Math2.min(p, 1 - p), 0.5 * dof, 0.5);
            x = Math2.sqrt(dof * (1 - x) / x);
            return p > 0.5 ? x : -x;
          },
          mean: function mean3(dof) {
            return dof > 1 ? 0 : void 0;
          },
          median: function median3() {
            return 0;
          },
          mode: function mode() {
            return 0;
          },
          sample: function sample(dof) {
            return jStat3.randn() * Math2.sqrt(dof / (2 * jStat3.randg(dof / 2)));
          },
          variance: function variance(dof) {
            return dof > 2 ? dof / (dof - 2) : dof > 1 ? Infinity : void 0;
          }
        });
        jStat3.extend(jStat3.weibull, {
          pdf: function pdf(x, scale, shape) {
            if (x < 0 || scale < 0 || shape < 0)
              return 0;
            return shape / scale * Math2.pow(x / scale, shape - 1) * Math2.exp(-Math2.pow(x / scale, shape));
          },
          cdf: function cdf(x, scale, shape) {
            return x < 0 ? 0 : 1 - Math2.exp(-Math2.pow(x / scale, shape));
          },
          inv: function(p, scale, shape) {
            return scale * Math2.pow(-Math2.log(1 - p), 1 / shape);
          },
          mean: function(scale, shape) {
            return scale * jStat3.gammafn(1 + 1 / shape);
          },
          median: function median3(scale, shape) {
            return scale * Math2.pow(Math2.log(2), 1 / shape);
          },
          mode: function mode(scale, shape) {
            if (shape <= 1)
              return 0;
            return scale * Math2.pow((shape - 1) / shape, 1 / shape);
          },
          sample: function sample(scale, shape) {
            return scale * Math2.pow(-Math2.log(jStat3._random_fn()), 1 / shape);
          },
          variance: function variance(scale, shape) {
            return scale * scale * jStat3.gammafn(1 + 2 / shape) - Math2.pow(jStat3.weibull.mean(scale, shape), 2);
          }
        });
        jStat3.extend(jStat3.uniform, {
          pdf: function pdf(x, a, b) {
            return x < a || x > b ? 0 : 1 / (b - a);
          },
          cdf: function cdf(x, a, b) {
            if (x < a)
              return 0;
            else if (x < b)
              return (x - a) / (b - a);
            return 1;
          },
          inv: function(p, a, b) {
            return a + p * (b - a);
          },
          mean: function mean3(a, b) {
            return 0.5 * (a + b);
          },
          median: function median3(a, b) {
            return jStat3.mean(a, b);
          },
          mode: function mode() {
            throw new Error("mode is not yet implemented");
          },
          sample: function sample(a, b) {
            return a / 2 + b / 2 + (b / 2 - a / 2) * (2 * jStat3._random_fn() - 1);
          },
          variance: function variance(a, b) {
            return Math2.pow(b - a, 2) / 12;
          }
        });
        function betinc(x, a, b, eps) {
          var a0 = 0;
          var b0 = 1;
          var a1 = 1;
          var b1 = 1;
          var m9 = 0;
          var a2 = 0;
          var c9;
          while (Math2.abs((a1 - a2) / a1) > eps) {
            a2 = a1;
            c9 = -(a + m9) * (a + b + m9) * x / (a + 2 * m9) / (a + 2 * m9 + 1);
            a0 = a1 + c9 * a0;
            b0 = b1 + c9 * b0;
            m9 = m9 + 1;
            c9 = m9 * (b - m9) * x / (a + 2 * m9 - 1) / (a + 2 * m9);
            a1 = a0 + c9 * a1;
            b1 = b0 + c9 * b1;
            a0 = a0 / b1;
            b0 = b0 / b1;
            a1 = a1 / b1;
            b1 = 1;
          }
          return a1 / a;
        }
        jStat3.extend(jStat3.binomial, {
          pdf: function pdf(k, n, p) {
            return p === 0 || p === 1 ? n * p === k ? 1 : 0 : jStat3.combination(n, k) * Math2.pow(p, k) * Math2.pow(1 - p, n - k);
          },
          cdf: function cdf(x, n, p) {
            var betacdf;
            var eps = 1e-10;
            if (x < 0)
              return 0;
            if (x >= n)
              return 1;
            if (p < 0 || p > 1 || n <= 0)
              return NaN;
            x = Math2.floor(x);
            var z2 = p;
            var a = x + 1;
            var b = n - x;
            var s = a + b;
            var bt = Math2.exp(jStat3.gammaln(s) - jStat3.gammaln(b) - jStat3.gammaln(a) + a * Math2.log(z2) + b * Math2.log(1 - z2));
            if (z2 < (a + 1) / (s + 2))
              betacdf = bt * betinc(z2, a, b, eps);
            else
              betacdf = 1 - bt * betinc(1 - z2, b, a, eps);
            return Math2.round((1 - betacdf) * (1 / eps)) / (1 / eps);
          }
        });
        jStat3.extend(jStat3.negbin, {
          pdf: function pdf(k, r, p) {
            if (k !== k >>> 0)
              return false;
            if (k < 0)
              return 0;
            return jStat3.combination(k + r - 1, r - 1) * Math2.pow(1 - p, k) * Math2.pow(p, r);
          },
          cdf: function cdf(x, r, p) {
            var sum2 = 0, k = 0;
            if (x < 0) return 0;
            for (; k <= x; k++) {
              sum2 += jStat3.negbin.pdf(k, r, p);
            }
            return sum2;
          }
        });
        jStat3.extend(jStat3.hypgeom, {
          pdf: function pdf(k, N, m, n) {
            if (k !== k | 0) {
              return false;
            } else if (k < 0 || k < m - (N - n)) {
              return 0;
            } else if (k > n || k > m) {
              return 0;
            } else if (m * 2 > N) {
              if (n * 2 > N) {
                return jStat3.hypgeom.pdf(N - m - n + k, N, N - m, N - n);
              } else {
                return jStat3.hypgeom.pdf(n - k, N, N - m, n);
              }
            } else if (n * 2 > N) {
              return jStat3.hypgeom.pdf(m - k, N, m, N - n);
            } else if (m < n) {
              return jStat3.hypgeom.pdf(k, N, n, m);
            } else {
              var scaledPDF = 1;
              var samplesDone = 0;
              for (var i = 0; i < k; i++) {
                while (scaledPDF > 1 && samplesDone < n) {
                  scaledPDF *= 1 - m / (N - samplesDone);
                  samplesDone++;
                }
                scaledPDF *= (n - i) * (m - i) / ((i + 1) * (N - m - n + i + 1));
              }
              for (; samplesDone < n; samplesDone++) {
                scaledPDF *= 1 - m / (N - samplesDone);
              }
              return Math2.min(1, Math2.max(0, scaledPDF));
            }
          },
          cdf: function cdf(x, N, m, n) {
            if (x < 0 || x < m - (N - n)) {
              return 0;
            } else if (x >= n || x >= m) {
              return 1;
            } else if (m * 2 > N) {
              if (n * 2 > N) {
                return jStat3.hypgeom.cdf(N - m - n + x, N, N - m, N - n);
              } else {
                return 1 - jStat3.hypgeom.cdf(n - x - 1, N, N - m, n);
              }
            } else if (n * 2 > N) {
              return 1 - jStat3.hypgeom.cdf(m - x - 1, N, m, N - n);
            } else if (m < n) {
              return jStat3.hypgeom.cdf(x, N, n, m);
            } else {
              var scaledCDF = 1;
              var scaledPDF = 1;
              var samplesDone = 0;
              for (var i = 0; i < x; i++) {
                while (scaledCDF > 1 && samplesDone < n) {
                  var factor = 1 - m / (N - samplesDone);
                  scaledPDF *= factor;
                  scaledCDF *= factor;
                  samplesDone++;
                }
                scaledPDF *= (n - i) * (m - i) / ((i + 1) * (N - m - n + i + 1));
                scaledCDF += scaledPDF;
              }
              for (; samplesDone < n; samplesDone++) {
                scaledCDF *= 1 - m / (N - samplesDone);
              }
              return Math2.min(1, Math2.max(0, scaledCDF));
            }
          }
        });
        jStat3.extend(jStat3.poisson, {
          pdf: function pdf(k, l) {
            if (l < 0 || k % 1 !== 0 || k < 0) {
              return 0;
            }
            return Math2.pow(l, k) * Math2.exp(-l) / jStat3.factorial(k);
          },
          cdf: function cdf(x, l) {
            var sumarr = [], k = 0;
            if (x < 0) return 0;
            for (; k <= x; k++) {
              sumarr.push(jStat3.poisson.pdf(k, l));
            }
            return jStat3.sum(sumarr);
          },
          mean: function(l) {
            return l;
          },
          variance: function(l) {
            return l;
          },
          sampleSmall: function sampleSmall(l) {
            var p = 1, k = 0, L = Math2.exp(-l);
            do {
              k++;
              p *= jStat3._random_fn();
            } while (p > L);
            return k - 1;
          },
          sampleLarge: function sampleLarge(l) {
            var lam = l;
            var k;
            var U, V, slam, loglam, a, b, invalpha, vr, us;
            slam = Math2.sqrt(lam);
            loglam = Math2.log(lam);
            b = 0.931 + 2.53 * slam;
            a = -0.059 + 0.02483 * b;
            invalpha = 1.1239 + 1.1328 / (b - 3.4);
            vr = 0.9277 - 3.6224 / (b - 2);
            while (1) {
              U = Math2.random() - 0.5;
              V = Math2.random();
              us = 0.5 - Math2.abs(U);
              k = Math2.floor((2 * a / us + b) * U + lam + 0.43);
              if (us >= 0.07 && V <= vr) {
                return k;
              }
              if (k < 0 || us < 0.013 && V > us) {
                continue;
              }
              if (Math2.log(V) + Math2.log(invalpha) - Math2.log(a / (us * us) + b) <= -lam + k * loglam - jStat3.loggam(k + 1)) {
                return k;
              }
            }
          },
          sample: function sample(l) {
            if (l < 10)
              return this.sampleSmall(l);
            else
              return this.sampleLarge(l);
          }
        });
        jStat3.extend(jStat3.triangular, {
          pdf: function pdf(x, a, b, c) {
            if (b <= a || c < a || c > b) {
              return NaN;
            } else {
              if (x < a || x > b) {
                return 0;
              } else if (x < c) {
                return 2 * (x - a) / ((b - a) * (c - a));
              } else if (x === c) {
                return 2 / (b - a);
              } else {
                return 2 * (b - x) / ((b - a) * (b - c));
              }
            }
          },
          cdf: function cdf(x, a, b, c) {
            if (b <= a || c < a || c > b)
              return NaN;
            if (x <= a)
              return 0;
            else if (x >= b)
              return 1;
            if (x <= c)
              return Math2.pow(x - a, 2) / ((b - a) * (c - a));
            else
              return 1 - Math2.pow(b - x, 2) / ((b - a) * (b - c));
          },
          inv: function inv(p, a, b, c) {
            if (b <= a || c < a || c > b) {
              return NaN;
            } else {
              if (p <= (c - a) / (b - a)) {
                return a + (b - a) * Math2.sqrt(p * ((c - a) / (b - a)));
              } else {
                return a + (b - a) * (1 - Math2.sqrt((1 - p) * (1 - (c - a) / (b - a))));
              }
            }
          },
          mean: function mean3(a, b, c) {
            return (a + b + c) / 3;
          },
          median: function median3(a, b, c) {
            if (c <= (a + b) / 2) {
              return b - Math2.sqrt((b - a) * (b - c)) / Math2.sqrt(2);
            } else if (c > (a + b) / 2) {
              return a + Math2.sqrt((b - a) * (c - a)) / Math2.sqrt(2);
            }
          },
          mode: function mode(a, b, c) {
            return c;
          },
          sample: function sample(a, b, c) {
            var u = jStat3._random_fn();
            if (u < (c - a) / (b - a))
              return a + Math2.sqrt(u * (b - a) * (c - a));
            return b - Math2.sqrt((1 - u) * (b - a) * (b - c));
          },
          variance: function variance(a, b, c) {
            return (a * a + b * b + c * c - a * b - a * c - b * c) / 18;
          }
        });
        jStat3.extend(jStat3.arcsine, {
          pdf: function pdf(x, a, b) {
            if (b <= a) return NaN;
            return x <= a || x >= b ? 0 : 2 / Math2.PI * Math2.pow(Math2.pow(b - a, 2) - Math2.pow(2 * x - a - b, 2), -0.5);
          },
          cdf: function cdf(x, a, b) {
            if (x < a)
              return 0;
            else if (x < b)
              return 2 / Math2.PI * Math2.asin(Math2.sqrt((x - a) / (b - a)));
            return 1;
          },
          inv: function(p, a, b) {
            return a + (0.5 - 0.5 * Math2.cos(Math2.PI * p)) * (b - a);
          },
          mean: function mean3(a, b) {
            if (b <= a) return NaN;
            return (a + b) / 2;
          },
          median: function median3(a, b) {
            if (b <= a) return NaN;
            return (a + b) / 2;
          },
          mode: function mode() {
            throw new Error("mode is not yet implemented");
          },
          sample: function sample(a, b) {
            return (a + b) / 2 + (b - a) / 2 * Math2.sin(2 * Math2.PI * jStat3.uniform.sample(0, 1));
          },
          variance: function variance(a, b) {
            if (b <= a) return NaN;
            return Math2.pow(b - a, 2) / 8;
          }
        });
        function laplaceSign(x) {
          return x / Math2.abs(x);
        }
        jStat3.extend(jStat3.laplace, {
          pdf: function pdf(x, mu, b) {
            return b <= 0 ? 0 : Math2.exp(-Math2.abs(x - mu) / b) / (2 * b);
          },
          cdf: function cdf(x, mu, b) {
            if (b <= 0) {
              return 0;
            }
            if (x < mu) {
              return 0.5 * Math2.exp((x - mu) / b);
            } else {
              return 1 - 0.5 * Math2.exp(-(x - mu) / b);
            }
          },
          mean: function(mu) {
            return mu;
          },
          median: function(mu) {
            return mu;
          },
          mode: function(mu) {
            return mu;
          },
          variance: function(mu, b) {
            return 2 * b * b;
          },
          sample: function sample(mu, b) {
            var u = jStat3._random_fn() - 0.5;
            return mu - b * laplaceSign(u) * Math2.log(1 - 2 * Math2.abs(u));
          }
        });
        function tukeyWprob(w, rr, cc) {
          var nleg = 12;
          var ihalf = 6;
          var C1 = -30;
          var C2 = -50;
          var C3 = 60;
          var bb = 8;
          var wlar = 3;
          var wincr1 = 2;
          var wincr2 = 3;
          var xleg = [
            0.9815606342467192,
            0.9041172563704749,
            0.7699026741943047,
            0.5873179542866175,
            0.3678314989981802,
            0.1252334085114689
          ];
          var aleg = [
            0.04717533638651183,
            0.10693932599531843,
            0.16007832854334622,
            0.20316742672306592,
            0.2334925365383548,
            0.24914704581340277
          ];
          var qsqz = w * 0.5;
          if (qsqz >= bb)
            return 1;
          var pr_w = 2 * jStat3.normal.cdf(qsqz, 0, 1, 1, 0) - 1;
          if (pr_w >= Math2.exp(C2 / cc))
            pr_w = Math2.pow(pr_w, cc);
          else
            pr_w = 0;
          var wincr;
          if (w > wlar)
            wincr = wincr1;
          else
            wincr = wincr2;
          var blb = qsqz;
          var binc = (bb - qsqz) / wincr;
          var bub = blb + binc;
          var einsum = 0;
          var cc1 = cc - 1;
          for (var wi = 1; wi <= wincr; wi++) {
            var elsum = 0;
            var a = 0.5 * (bub + blb);
            var b = 0.5 * (bub - blb);
            for (var jj = 1; jj <= nleg; jj++) {
              var j, xx;
              if (ihalf < jj) {
                j = nleg - jj + 1;
                xx = xleg[j - 1];
              } else {
                j = jj;
                xx = -xleg[j - 1];
              }
              var c = b * xx;
              var ac = a + c;
              var qexpo = ac * ac;
              if (qexpo > C3)
                break;
              var pplus = 2 * jStat3.normal.cdf(ac, 0, 1, 1, 0);
              var pminus = 2 * jStat3.normal.cdf(ac, w, 1, 1, 0);
              var rinsum = pplus * 0.5 - pminus * 0.5;
              if (rinsum >= Math2.exp(C1 / cc1)) {
                rinsum = aleg[j - 1] * Math2.exp(-(0.5 * qexpo)) * Math2.pow(rinsum, cc1);
                elsum += rinsum;
              }
            }
            elsum *= 2 * b * cc / Math2.sqrt(2 * Math2.PI);
            einsum += elsum;
            blb = bub;
            bub += binc;
          }
          pr_w += einsum;
          if (pr_w <= Math2.exp(C1 / rr))
            return 0;
          pr_w = Math2.pow(pr_w, rr);
          if (pr_w >= 1)
            return 1;
          return pr_w;
        }
        function tukeyQinv(p, c, v) {
          var p0 = 0.322232421088;
          var q0 = 0.099348462606;
          var p1 = -1;
          var q1 = 0.588581570495;
          var p2 = -0.342242088547;
          var q2 = 0.531103462366;
          var p3 = -0.204231210125;
          var q3 = 0.10353775285;
          var p4 = -453642210148e-16;
          var q4 = 0.0038560700634;
          var c1 = 0.8832;
          var c2 = 0.2368;
          var c3 = 1.214;
          var c4 = 1.208;
          var c5 = 1.4142;
          var vmax = 120;
          var ps = 0.5 - 0.5 * p;
          var yi = Math2.sqrt(Math2.log(1 / (ps * ps)));
          var t = yi + ((((yi * p4 + p3) * yi + p2) * yi + p1) * yi + p0) / ((((yi * q4 + q3) * yi + q2) * yi + q1) * yi + q0);
          if (v < vmax) t += (t * t * t + t) / v / 4;
          var q = c1 - c2 * t;
          if (v < vmax) q += -c3 / v + c4 * t / v;
          return t * (q * Math2.log(c - 1) + c5);
        }
        jStat3.extend(jStat3.tukey, {
          cdf: function cdf(q, nmeans, df) {
            var rr = 1;
            var cc = nmeans;
            var nlegq = 16;
            var ihalfq = 8;
            var eps1 = -30;
            var eps2 = 1e-14;
            var dhaf = 100;
            var dquar = 800;
            var deigh = 5e3;
            var dlarg = 25e3;
            var ulen1 = 1;
            var ulen2 = 0.5;
            var ulen3 = 0.25;
            var ulen4 = 0.125;
            var xlegq = [
              0.9894009349916499,
              0.9445750230732326,
              0.8656312023878318,
              0.755404408355003,
              0.6178762444026438,
              0.45801677765722737,
              0.2816035507792589,
              0.09501250983763744
            ];
            var alegq = [
              0.027152459411754096,
              0.062253523938647894,
              0.09515851168249279,
              0.12462897125553388,
              0.14959598881657674,
              0.16915651939500254,
              0.18260341504492358,
              0.1894506104550685
            ];
            if (q <= 0)
              return 0;
            if (df < 2 || rr < 1 || cc < 2) return NaN;
            if (!Number.isFinite(q))
              return 1;
            if (df > dlarg)
              return tukeyWprob(q, rr, cc);
            var f2 = df * 0.5;
            var f2lf = f2 * Math2.log(df) - df * Math2.log(2) - jStat3.gammaln(f2);
            var f21 = f2 - 1;
            var ff4 = df * 0.25;
            var ulen;
            if (df <= dhaf) ulen = ulen1;
            else if (df <= dquar) ulen = ulen2;
            else if (df <= deigh) ulen = ulen3;
            else ulen = ulen4;
            f2lf += Math2.log(ulen);
            var ans = 0;
            for (var i = 1; i <= 50; i++) {
              var otsum = 0;
              var twa1 = (2 * i - 1) * ulen;
              for (var jj = 1; jj <= nlegq; jj++) {
                var j, t1;
                if (ihalfq < jj) {
                  j = jj - ihalfq - 1;
                  t1 = f2lf + f21 * Math2.log(twa1 + xlegq[j] * ulen) - (xlegq[j] * ulen + twa1) * ff4;
                } else {
                  j = jj - 1;
                  t1 = f2lf + f21 * Math2.log(twa1 - xlegq[j] * ulen) + (xlegq[j] * ulen - twa1) * ff4;
                }
                var qsqz;
                if (t1 >= eps1) {
                  if (ihalfq < jj) {
                    qsqz = q * Math2.sqrt((xlegq[j] * ulen + twa1) * 0.5);
                  } else {
                    qsqz = q * Math2.sqrt((-(xlegq[j] * ulen) + twa1) * 0.5);
                  }
                  var wprb = tukeyWprob(qsqz, rr, cc);
                  var rotsum = wprb * alegq[j] * Math2.exp(t1);
                  otsum += rotsum;
                }
              }
              if (i * ulen >= 1 && otsum <= eps2)
                break;
              ans += otsum;
            }
            if (otsum > eps2) {
              throw new Error("tukey.cdf failed to converge");
            }
            if (ans > 1)
              ans = 1;
            return ans;
          },
          inv: function(p, nmeans, df) {
            var rr = 1;
            var cc = nmeans;
            var eps = 1e-4;
            var maxiter = 50;
            if (df < 2 || rr < 1 || cc < 2) return NaN;
            if (p < 0 || p > 1) return NaN;
            if (p === 0) return 0;
            if (p === 1) return Infinity;
            var x0 = tukeyQinv(p, cc, df);
            var valx0 = jStat3.tukey.cdf(x0, nmeans, df) - p;
            var x1;
            if (valx0 > 0)
              x1 = Math2.max(0, x0 - 1);
            else
              x1 = x0 + 1;
            var valx1 = jStat3.tukey.cdf(x1, nmeans, df) - p;
            var ans;
            for (var iter = 1; iter < maxiter; iter++) {
              ans = x1 - valx1 * (x1 - x0) / (valx1 - valx0);
              valx0 = valx1;
              x0 = x1;
              if (ans < 0) {
                ans = 0;
                valx1 = -p;
              }
              valx1 = jStat3.tukey.cdf(ans, nmeans, df) - p;
              x1 = ans;
              var xabs = Math2.abs(x1 - x0);
              if (xabs < eps)
                return ans;
            }
            throw new Error("tukey.inv failed to converge");
          }
        });
      })(jStat2, Math);
      (function(jStat3, Math2) {
        var push = Array.prototype.push;
        var isArray = jStat3.utils.isArray;
        function isUsable(arg) {
          return isArray(arg) || arg instanceof jStat3;
        }
        jStat3.extend({
          // add a vector/matrix to a vector/matrix or scalar
          add: function add(arr, arg) {
            if (isUsable(arg)) {
              if (!isUsable(arg[0])) arg = [arg];
              return jStat3.map(arr, function(value, row, col) {
                return value + arg[row][col];
              });
            }
            return jStat3.map(arr, function(value) {
              return value + arg;
            });
          },
          // subtract a vector or scalar from the vector
          subtract: function subtract(arr, arg) {
            if (isUsable(arg)) {
              if (!isUsable(arg[0])) arg = [arg];
              return jStat3.map(arr, function(value, row, col) {
                return value - arg[row][col] || 0;
              });
            }
            return jStat3.map(arr, function(value) {
              return value - arg;
            });
          },
          // matrix division
          divide: function divide(arr, arg) {
            if (isUsable(arg)) {
              if (!isUsable(arg[0])) arg = [arg];
              return jStat3.multiply(arr, jStat3.inv(arg));
            }
            return jStat3.map(arr, function(value) {
              return value / arg;
            });
          },
          // matrix multiplication
          multiply: function multiply(arr, arg) {
            var row, col, nrescols, sum2, nrow, ncol, res, rescols;
            if (arr.length === void 0 && arg.length === void 0) {
              return arr * arg;
            }
            nrow = arr.length, ncol = arr[0].length, res = jStat3.zeros(nrow, nrescols = isUsable(arg) ? arg[0].length : ncol), rescols = 0;
            if (isUsable(arg)) {
              for (; rescols < nrescols; rescols++) {
                for (row = 0; row < nrow; row++) {
                  sum2 = 0;
                  for (col = 0; col < ncol; col++)
                    sum2 += arr[row][col] * arg[col][rescols];
                  res[row][rescols] = sum2;
                }
              }
              return nrow === 1 && rescols === 1 ? res[0][0] : res;
            }
            return jStat3.map(arr, function(value) {
              return value * arg;
            });
          },
          // outer([1,2,3],[4,5,6])
          // ===
          // [[1],[2],[3]] times [[4,5,6]]
          // ->
          // [[4,5,6],[8,10,12],[12,15,18]]
          outer: function outer(A, B) {
            return jStat3.multiply(A.map(function(t) {
              return [t];
            }), [B]);
          },
          // Returns the dot product of two matricies
          dot: function dot(arr, arg) {
            if (!isUsable(arr[0])) arr = [arr];
            if (!isUsable(arg[0])) arg = [arg];
            var left = arr[0].length === 1 && arr.length !== 1 ? jStat3.transpose(arr) : arr, right = arg[0].length === 1 && arg.length !== 1 ? jStat3.transpose(arg) : arg, res = [], row = 0, nrow = left.length, ncol = left[0].length, sum2, col;
            for (; row < nrow; row++) {
              res[row] = [];
              sum2 = 0;
              for (col = 0; col < ncol; col++)
                sum2 += left[row][col] * right[row][col];
              res[row] = sum2;
            }
            return res.length === 1 ? res[0] : res;
          },
          // raise every element by a scalar
          pow: function pow(arr, arg) {
            return jStat3.map(arr, function(value) {
              return Math2.pow(value, arg);
            });
          },
          // exponentiate every element
          exp: function exp(arr) {
            return jStat3.map(arr, function(value) {
              return Math2.exp(value);
            });
          },
          // generate the natural log of every element
          log: function exp(arr) {
            return jStat3.map(arr, function(value) {
              return Math2.log(value);
            });
          },
          // generate the absolute values of the vector
          abs: function abs(arr) {
            return jStat3.map(arr, function(value) {
              return Math2.abs(value);
            });
          },
          // computes the p-norm of the vector
          // In the case that a matrix is passed, uses the first row as the vector
          norm: function norm(arr, p) {
            var nnorm = 0, i = 0;
            if (isNaN(p)) p = 2;
            if (isUsable(arr[0])) arr = arr[0];
            for (; i < arr.length; i++) {
              nnorm += Math2.pow(Math2.abs(arr[i]), p);
            }
            return Math2.pow(nnorm, 1 / p);
          },
          // computes the angle between two vectors in rads
          // In case a matrix is passed, this uses the first row as the vector
          angle: function angle(arr, arg) {
            return Math2.acos(jStat3.dot(arr, arg) / (jStat3.norm(arr) * jStat3.norm(arg)));
          },
          // augment one matrix by another
          // Note: this function returns a matrix, not a jStat object
          aug: function aug(a, b) {
            var newarr = [];
            var i;
            for (i = 0; i < a.length; i++) {
              newarr.push(a[i].slice());
            }
            for (i = 0; i < newarr.length; i++) {
              push.apply(newarr[i], b[i]);
            }
            return newarr;
          },
          // The inv() function calculates the inverse of a matrix
          // Create the inverse by augmenting the matrix by the identity matrix of the
          // appropriate size, and then use G-J elimination on the augmented matrix.
          inv: function inv(a) {
            var rows = a.length;
            var cols = a[0].length;
            var b = jStat3.identity(rows, cols);
            var c = jStat3.gauss_jordan(a, b);
            var result = [];
            var i = 0;
            var j;
            for (; i < rows; i++) {
              result[i] = [];
              for (j = cols; j < c[0].length; j++)
                result[i][j - cols] = c[i][j];
            }
            return result;
          },
          // calculate the determinant of a matrix
          det: function det(a) {
            if (a.length === 2) {
              return a[0][0] * a[1][1] - a[0][1] * a[1][0];
            }
            var determinant = 0;
            for (var i = 0; i < a.length; i++) {
              var submatrix = [];
              for (var row = 1; row < a.length; row++) {
                submatrix[row - 1] = [];
                for (var col = 0; col < a.length; col++) {
                  if (col < i) {
                    submatrix[row - 1][col] = a[row][col];
                  } else if (col > i) {
                    submatrix[row - 1][col - 1] = a[row][col];
                  }
                }
              }
              var sign = i % 2 ? -1 : 1;
              determinant += det(submatrix) * a[0][i] * sign;
            }
            return determinant;
          },
          gauss_elimination: function gauss_elimination(a, b) {
            var i = 0, j = 0, n = a.length, m = a[0].length, factor = 1, sum2 = 0, x = [], maug, pivot, temp, k;
            a = jStat3.aug(a, b);
            maug = a[0].length;
            for (i = 0; i < n; i++) {
              pivot = a[i][i];
              j = i;
              for (k = i + 1; k < m; k++) {
                if (pivot < Math2.abs(a[k][i])) {
                  pivot = a[k][i];
                  j = k;
                }
              }
              if (j != i) {
                for (k = 0; k < maug; k++) {
                  temp = a[i][k];
                  a[i][k] = a[j][k];
                  a[j][k] = temp;
                }
              }
              for (j = i + 1; j < n; j++) {
                factor = a[j][i] / a[i][i];
                for (k = i; k < maug; k++) {
                  a[j][k] = a[j][k] - factor * a[i][k];
                }
              }
            }
            for (i = n - 1; i >= 0; i--) {
              sum2 = 0;
              for (j = i + 1; j <= n - 1; j++) {
                sum2 = sum2 + x[j] * a[i][j];
              }
              x[i] = (a[i][maug - 1] - sum2) / a[i][i];
            }
            return x;
          },
          gauss_jordan: function gauss_jordan(a, b) {
            var m = jStat3.aug(a, b);
            var h = m.length;
            var w = m[0].length;
            var c = 0;
            var x, y, y2;
            for (y = 0; y < h; y++) {
              var maxrow = y;
              for (y2 = y + 1; y2 < h; y2++) {
                if (Math2.abs(m[y2][y]) > Math2.abs(m[maxrow][y]))
                  maxrow = y2;
              }
              var tmp = m[y];
              m[y] = m[maxrow];
              m[maxrow] = tmp;
              for (y2 = y + 1; y2 < h; y2++) {
                c = m[y2][y] / m[y][y];
                for (x = y; x < w; x++) {
                  m[y2][x] -= m[y][x] * c;
                }
              }
            }
            for (y = h - 1; y >= 0; y--) {
              c = m[y][y];
              for (y2 = 0; y2 < y; y2++) {
                for (x = w - 1; x > y - 1; x--) {
                  m[y2][x] -= m[y][x] * m[y2][y] / c;
                }
              }
              m[y][y] /= c;
              for (x = h; x < w; x++) {
                m[y][x] /= c;
              }
            }
            return m;
          },
          // solve equation
          // Ax=b
          // A is upper triangular matrix
          // A=[[1,2,3],[0,4,5],[0,6,7]]
          // b=[1,2,3]
          // triaUpSolve(A,b) // -> [2.666,0.1666,1.666]
          // if you use matrix style
          // A=[[1,2,3],[0,4,5],[0,6,7]]
          // b=[[1],[2],[3]]
          // will return [[2.666],[0.1666],[1.666]]
          triaUpSolve: function triaUpSolve(A, b) {
            var size = A[0].length;
            var x = jStat3.zeros(1, size)[0];
            var parts;
            var matrix_mode = false;
            if (b[0].length != void 0) {
              b = b.map(function(i) {
                return i[0];
              });
              matrix_mode = true;
            }
            jStat3.arange(size - 1, -1, -1).forEach(function(i) {
              parts = jStat3.arange(i + 1, size).map(function(j) {
                return x[j] * A[i][j];
              });
              x[i] = (b[i] - jStat3.sum(parts)) / A[i][i];
            });
            if (matrix_mode)
              return x.map(function(i) {
                return [i];
              });
            return x;
          },
          triaLowSolve: function triaLowSolve(A, b) {
            var size = A[0].length;
            var x = jStat3.zeros(1, size)[0];
            var parts;
            var matrix_mode = false;
            if (b[0].length != void 0) {
              b = b.map(function(i) {
                return i[0];
              });
              matrix_mode = true;
            }
            jStat3.arange(size).forEach(function(i) {
              parts = jStat3.arange(i).map(function(j) {
                return A[i][j] * x[j];
              });
              x[i] = (b[i] - jStat3.sum(parts)) / A[i][i];
            });
            if (matrix_mode)
              return x.map(function(i) {
                return [i];
              });
            return x;
          },
          // A -> [L,U]
          // A=LU
          // L is lower triangular matrix
          // U is upper triangular matrix
          lu: function lu(A) {
            var size = A.length;
            var L = jStat3.identity(size);
            var R = jStat3.zeros(A.length, A[0].length);
            var parts;
            jStat3.arange(size).forEach(function(t) {
              R[0][t] = A[0][t];
            });
            jStat3.arange(1, size).forEach(function(l) {
              jStat3.arange(l).forEach(function(i) {
                parts = jStat3.arange(i).map(function(jj) {
                  return L[l][jj] * R[jj][i];
                });
                L[l][i] = (A[l][i] - jStat3.sum(parts)) / R[i][i];
              });
              jStat3.arange(l, size).forEach(function(j) {
                parts = jStat3.arange(l).map(function(jj) {
                  return L[l][jj] * R[jj][j];
                });
                R[l][j] = A[parts.length][j] - jStat3.sum(parts);
              });
            });
            return [L, R];
          },
          // A -> T
          // A=TT'
          // T is lower triangular matrix
          cholesky: function cholesky(A) {
            var size = A.length;
            var T = jStat3.zeros(A.length, A[0].length);
            var parts;
            jStat3.arange(size).forEach(function(i) {
              parts = jStat3.arange(i).map(function(t) {
                return Math2.pow(T[i][t], 2);
              });
              T[i][i] = Math2.sqrt(A[i][i] - jStat3.sum(parts));
              jStat3.arange(i + 1, size).forEach(function(j) {
                parts = jStat3.arange(i).map(function(t) {
                  return T[i][t] * T[j][t];
                });
                T[j][i] = (A[i][j] - jStat3.sum(parts)) / T[i][i];
              });
            });
            return T;
          },
          gauss_jacobi: function gauss_jacobi(a, b, x, r) {
            var i = 0;
            var j = 0;
            var n = a.length;
            var l = [];
            var u = [];
            var d = [];
            var xv, c, h, xk;
            for (; i < n; i++) {
              l[i] = [];
              u[i] = [];
              d[i] = [];
              for (j = 0; j < n; j++) {
                if (i > j) {
                  l[i][j] = a[i][j];
                  u[i][j] = d[i][j] = 0;
                } else if (i < j) {
                  u[i][j] = a[i][j];
                  l[i][j] = d[i][j] = 0;
                } else {
                  d[i][j] = a[i][j];
                  l[i][j] = u[i][j] = 0;
                }
              }
            }
            h = jStat3.multiply(jStat3.multiply(jStat3.inv(d), jStat3.add(l, u)), -1);
            c = jStat3.multiply(jStat3.inv(d), b);
            xv = x;
            xk = jStat3.add(jStat3.multiply(h, x), c);
            i = 2;
            while (Math2.abs(jStat3.norm(jStat3.subtract(xk, xv))) > r) {
              xv = xk;
              xk = jStat3.add(jStat3.multiply(h, xv), c);
              i++;
            }
            return xk;
          },
          gauss_seidel: function gauss_seidel(a, b, x, r) {
            var i = 0;
            var n = a.length;
            var l = [];
            var u = [];
            var d = [];
            var j, xv, c, h, xk;
            for (; i < n; i++) {
              l[i] = [];
              u[i] = [];
              d[i] = [];
              for (j = 0; j < n; j++) {
                if (i > j) {
                  l[i][j] = a[i][j];
                  u[i][j] = d[i][j] = 0;
                } else if (i < j) {
                  u[i][j] = a[i][j];
                  l[i][j] = d[i][j] = 0;
                } else {
                  d[i][j] = a[i][j];
                  l[i][j] = u[i][j] = 0;
                }
              }
            }
            h = jStat3.multiply(jStat3.multiply(jStat3.inv(jStat3.add(d, l)), u), -1);
            c = jStat3.multiply(jStat3.inv(jStat3.add(d, l)), b);
            xv = x;
            xk = jStat3.add(jStat3.multiply(h, x), c);
            i = 2;
            while (Math2.abs(jStat3.norm(jStat3.subtract(xk, xv))) > r) {
              xv = xk;
              xk = jStat3.add(jStat3.multiply(h, xv), c);
              i = i + 1;
            }
            return xk;
          },
          SOR: function SOR(a, b, x, r, w) {
            var i = 0;
            var n = a.length;
            var l = [];
            var u = [];
            var d = [];
            var j, xv, c, h, xk;
            for (; i < n; i++) {
              l[i] = [];
              u[i] = [];
              d[i] = [];
              for (j = 0; j < n; j++) {
                if (i > j) {
                  l[i][j] = a[i][j];
                  u[i][j] = d[i][j] = 0;
                } else if (i < j) {
                  u[i][j] = a[i][j];
                  l[i][j] = d[i][j] = 0;
                } else {
                  d[i][j] = a[i][j];
                  l[i][j] = u[i][j] = 0;
                }
              }
            }
            h = jStat3.multiply(
              jStat3.inv(jStat3.add(d, jStat3.multiply(l, w))),
              jStat3.subtract(
                jStat3.multiply(d, 1 - w),
                jStat3.multiply(u, w)
              )
            );
            c = jStat3.multiply(jStat3.multiply(jStat3.inv(jStat3.add(
              d,
              jStat3.multiply(l, w)
            )), b), w);
            xv = x;
            xk = jStat3.add(jStat3.multiply(h, x), c);
            i = 2;
            while (Math2.abs(jStat3.norm(jStat3.subtract(xk, xv))) > r) {
              xv = xk;
              xk = jStat3.add(jStat3.multiply(h, xv), c);
              i++;
            }
            return xk;
          },
          householder: function householder(a) {
            var m = a.length;
            var n = a[0].length;
            var i = 0;
            var w = [];
            var p = [];
            var alpha, r, k, j, factor;
            for (; i < m - 1; i++) {
              alpha = 0;
              for (j = i + 1; j < n; j++)
                alpha += a[j][i] * a[j][i];
              factor = a[i + 1][i] > 0 ? -1 : 1;
              alpha = factor * Math2.sqrt(alpha);
              r = Math2.sqrt((alpha * alpha - a[i + 1][i] * alpha) / 2);
              w = jStat3.zeros(m, 1);
              w[i + 1][0] = (a[i + 1][i] - alpha) / (2 * r);
              for (k = i + 2; k < m; k++) w[k][0] = a[k][i] / (2 * r);
              p = jStat3.subtract(
                jStat3.identity(m, n),
                jStat3.multiply(jStat3.multiply(w, jStat3.transpose(w)), 2)
              );
              a = jStat3.multiply(p, jStat3.multiply(a, p));
            }
            return a;
          },
          // A -> [Q,R]
          // Q is orthogonal matrix
          // R is upper triangular
          QR: (function() {
            var sum2 = jStat3.sum;
            var range = jStat3.arange;
            function qr2(x) {
              var n = x.length;
              var p = x[0].length;
              var r = jStat3.zeros(p, p);
              x = jStat3.copy(x);
              var i, j, k;
              for (j = 0; j < p; j++) {
                r[j][j] = Math2.sqrt(sum2(range(n).map(function(i2) {
                  return x[i2][j] * x[i2][j];
                })));
                for (i = 0; i < n; i++) {
                  x[i][j] = x[i][j] / r[j][j];
                }
                for (k = j + 1; k < p; k++) {
                  r[j][k] = sum2(range(n).map(function(i2) {
                    return x[i2][j] * x[i2][k];
                  }));
                  for (i = 0; i < n; i++) {
                    x[i][k] = x[i][k] - x[i][j] * r[j][k];
                  }
                }
              }
              return [x, r];
            }
            return qr2;
          })(),
          lstsq: /* @__PURE__ */ (function() {
            function R_I(A) {
              A = jStat3.copy(A);
              var size = A.length;
              var I = jStat3.identity(size);
              jStat3.arange(size - 1, -1, -1).forEach(function(i) {
                jStat3.sliceAssign(
                  I,
                  { row: i },
                  jStat3.divide(jStat3.slice(I, { row: i }), A[i][i])
                );
                jStat3.sliceAssign(
                  A,
                  { row: i },
                  jStat3.divide(jStat3.slice(A, { row: i }), A[i][i])
                );
                jStat3.arange(i).forEach(function(j) {
                  var c = jStat3.multiply(A[j][i], -1);
                  var Aj = jStat3.slice(A, { row: j });
                  var cAi = jStat3.multiply(jStat3.slice(A, { row: i }), c);
                  jStat3.sliceAssign(A, { row: j }, jStat3.add(Aj, cAi));
                  var Ij = jStat3.slice(I, { row: j });
                  var cIi = jStat3.multiply(jStat3.slice(I, { row: i }), c);
                  jStat3.sliceAssign(I, { row: j }, jStat3.add(Ij, cIi));
                });
              });
              return I;
            }
            function qr_solve(A, b) {
              var array_mode = false;
              if (b[0].length === void 0) {
                b = b.map(function(x2) {
                  return [x2];
                });
                array_mode = true;
              }
              var QR = jStat3.QR(A);
              var Q = QR[0];
              var R = QR[1];
              var attrs = A[0].length;
              var Q1 = jStat3.slice(Q, { col: { end: attrs } });
              var R1 = jStat3.slice(R, { row: { end: attrs } });
              var RI = R_I(R1);
              var Q2 = jStat3.transpose(Q1);
              if (Q2[0].length === void 0) {
                Q2 = [Q2];
              }
              var x = jStat3.multiply(jStat3.multiply(RI, Q2), b);
              if (x.length === void 0) {
                x = [[x]];
              }
              if (array_mode)
                return x.map(function(i) {
                  return i[0];
                });
              return x;
            }
            return qr_solve;
          })(),
          jacobi: function jacobi(a) {
            var condition = 1;
            var n = a.length;
            var e = jStat3.identity(n, n);
            var ev = [];
            var b, i, j, p, q, maxim, theta, s;
            while (condition === 1) {
              maxim = a[0][1];
              p = 0;
              q = 1;
              for (i = 0; i < n; i++) {
                for (j = 0; j < n; j++) {
                  if (i != j) {
                    if (maxim < Math2.abs(a[i][j])) {
                      maxim = Math2.abs(a[i][j]);
                      p = i;
                      q = j;
                    }
                  }
                }
              }
              if (a[p][p] === a[q][q])
                theta = a[p][q] > 0 ? Math2.PI / 4 : -Math2.PI / 4;
              else
                theta = Math2.atan(2 * a[p][q] / (a[p][p] - a[q][q])) / 2;
              s = jStat3.identity(n, n);
              s[p][p] = Math2.cos(theta);
              s[p][q] = -Math2.sin(theta);
              s[q][p] = Math2.sin(theta);
              s[q][q] = Math2.cos(theta);
              e = jStat3.multiply(e, s);
              b = jStat3.multiply(jStat3.multiply(jStat3.inv(s), a), s);
              a = b;
              condition = 0;
              for (i = 1; i < n; i++) {
                for (j = 1; j < n; j++) {
                  if (i != j && Math2.abs(a[i][j]) > 1e-3) {
                    condition = 1;
                  }
                }
              }
            }
            for (i = 0; i < n; i++) ev.push(a[i][i]);
            return [e, ev];
          },
          rungekutta: function rungekutta(f, h, p, t_j, u_j, order) {
            var k1, k2, u_j1, k3, k4;
            if (order === 2) {
              while (t_j <= p) {
                k1 = h * f(t_j, u_j);
                k2 = h * f(t_j + h, u_j + k1);
                u_j1 = u_j + (k1 + k2) / 2;
                u_j = u_j1;
                t_j = t_j + h;
              }
            }
            if (order === 4) {
              while (t_j <= p) {
                k1 = h * f(t_j, u_j);
                k2 = h * f(t_j + h / 2, u_j + k1 / 2);
                k3 = h * f(t_j + h / 2, u_j + k2 / 2);
                k4 = h * f(t_j + h, u_j + k3);
                u_j1 = u_j + (k1 + 2 * k2 + 2 * k3 + k4) / 6;
                u_j = u_j1;
                t_j = t_j + h;
              }
            }
            return u_j;
          },
          romberg: function romberg(f, a, b, order) {
            var i = 0;
            var h = (b - a) / 2;
            var x = [];
            var h1 = [];
            var g2 = [];
            var m, a1, j, k, I;
            while (i < order / 2) {
              I = f(a);
              for (j = a, k = 0; j <= b; j = j + h, k++) x[k] = j;
              m = x.length;
              for (j = 1; j < m - 1; j++) {
                I += (j % 2 !== 0 ? 4 : 2) * f(x[j]);
              }
              I = h / 3 * (I + f(b));
              g2[i] = I;
              h /= 2;
              i++;
            }
            a1 = g2.length;
            m = 1;
            while (a1 !== 1) {
              for (j = 0; j < a1 - 1; j++)
                h1[j] = (Math2.pow(4, m) * g2[j + 1] - g2[j]) / (Math2.pow(4, m) - 1);
              a1 = h1.length;
              g2 = h1;
              h1 = [];
              m++;
            }
            return g2;
          },
          richardson: function richardson(X, f, x, h) {
            function pos(X2, x2) {
              var i2 = 0;
              var n = X2.length;
              var p;
              for (; i2 < n; i2++)
                if (X2[i2] === x2) p = i2;
              return p;
            }
            var h_min = Math2.abs(x - X[pos(X, x) + 1]);
            var i = 0;
            var g2 = [];
            var h1 = [];
            var y1, y2, m, a, j;
            while (h >= h_min) {
              y1 = pos(X, x + h);
              y2 = pos(X, x);
              g2[i] = (f[y1] - 2 * f[y2] + f[2 * y2 - y1]) / (h * h);
              h /= 2;
              i++;
            }
            a = g2.length;
            m = 1;
            while (a != 1) {
              for (j = 0; j < a - 1; j++)
                h1[j] = (Math2.pow(4, m) * g2[j + 1] - g2[j]) / (Math2.pow(4, m) - 1);
              a = h1.length;
              g2 = h1;
              h1 = [];
              m++;
            }
            return g2;
          },
          simpson: function simpson(f, a, b, n) {
            var h = (b - a) / n;
            var I = f(a);
            var x = [];
            var j = a;
            var k = 0;
            var i = 1;
            var m;
            for (; j <= b; j = j + h, k++)
              x[k] = j;
            m = x.length;
            for (; i < m - 1; i++) {
              I += (i % 2 !== 0 ? 4 : 2) * f(x[i]);
            }
            return h / 3 * (I + f(b));
          },
          hermite: function hermite(X, F, dF, value) {
            var n = X.length;
            var p = 0;
            var i = 0;
            var l = [];
            var dl = [];
            var A = [];
            var B = [];
            var j;
            for (; i < n; i++) {
              l[i] = 1;
              for (j = 0; j < n; j++) {
                if (i != j) l[i] *= (value - X[j]) / (X[i] - X[j]);
              }
              dl[i] = 0;
              for (j = 0; j < n; j++) {
                if (i != j) dl[i] += 1 / (X[i] - X[j]);
              }
              A[i] = (1 - 2 * (value - X[i]) * dl[i]) * (l[i] * l[i]);
              B[i] = (value - X[i]) * (l[i] * l[i]);
              p += A[i] * F[i] + B[i] * dF[i];
            }
            return p;
          },
          lagrange: function lagrange(X, F, value) {
            var p = 0;
            var i = 0;
            var j, l;
            var n = X.length;
            for (; i < n; i++) {
              l = F[i];
              for (j = 0; j < n; j++) {
                if (i != j) l *= (value - X[j]) / (X[i] - X[j]);
              }
              p += l;
            }
            return p;
          },
          cubic_spline: function cubic_spline(X, F, value) {
            var n = X.length;
            var i = 0, j;
            var A = [];
            var B = [];
            var alpha = [];
            var c = [];
            var h = [];
            var b = [];
            var d = [];
            for (; i < n - 1; i++)
              h[i] = X[i + 1] - X[i];
            alpha[0] = 0;
            for (i = 1; i < n - 1; i++) {
              alpha[i] = 3 / h[i] * (F[i + 1] - F[i]) - 3 / h[i - 1] * (F[i] - F[i - 1]);
            }
            for (i = 1; i < n - 1; i++) {
              A[i] = [];
              B[i] = [];
              A[i][i - 1] = h[i - 1];
              A[i][i] = 2 * (h[i - 1] + h[i]);
              A[i][i + 1] = h[i];
              B[i][0] = alpha[i];
            }
            c = jStat3.multiply(jStat3.inv(A), B);
            for (j = 0; j < n - 1; j++) {
              b[j] = (F[j + 1] - F[j]) / h[j] - h[j] * (c[j + 1][0] + 2 * c[j][0]) / 3;
              d[j] = (c[j + 1][0] - c[j][0]) / (3 * h[j]);
            }
            for (j = 0; j < n; j++) {
              if (X[j] > value) break;
            }
            j -= 1;
            return F[j] + (value - X[j]) * b[j] + jStat3.sq(value - X[j]) * c[j] + (value - X[j]) * jStat3.sq(value - X[j]) * d[j];
          },
          gauss_quadrature: function gauss_quadrature() {
            throw new Error("gauss_quadrature not yet implemented");
          },
          PCA: function PCA(X) {
            var m = X.length;
            var n = X[0].length;
            var i = 0;
            var j, temp1;
            var u = [];
            var D = [];
            var result = [];
            var temp2 = [];
            var Y = [];
            var Bt = [];
            var B = [];
            var C = [];
            var V = [];
            var Vt = [];
            for (i = 0; i < m; i++) {
              u[i] = jStat3.sum(X[i]) / n;
            }
            for (i = 0; i < n; i++) {
              B[i] = [];
              for (j = 0; j < m; j++) {
                B[i][j] = X[j][i] - u[j];
              }
            }
            B = jStat3.transpose(B);
            for (i = 0; i < m; i++) {
              C[i] = [];
              for (j = 0; j < m; j++) {
                C[i][j] = jStat3.dot([B[i]], [B[j]]) / (n - 1);
              }
            }
            result = jStat3.jacobi(C);
            V = result[0];
            D = result[1];
            Vt = jStat3.transpose(V);
            for (i = 0; i < D.length; i++) {
              for (j = i; j < D.length; j++) {
                if (D[i] < D[j]) {
                  temp1 = D[i];
                  D[i] = D[j];
                  D[j] = temp1;
                  temp2 = Vt[i];
                  Vt[i] = Vt[j];
                  Vt[j] = temp2;
                }
              }
            }
            Bt = jStat3.transpose(B);
            for (i = 0; i < m; i++) {
              Y[i] = [];
              for (j = 0; j < Bt.length; j++) {
                Y[i][j] = jStat3.dot([Vt[i]], [Bt[j]]);
              }
            }
            return [X, D, Vt, Y];
          }
        });
        (function(funcs) {
          for (var i = 0; i < funcs.length; i++) (function(passfunc) {
            jStat3.fn[passfunc] = function(arg, func) {
              var tmpthis = this;
              if (func) {
                setTimeout(function() {
                  func.call(tmpthis, jStat3.fn[passfunc].call(tmpthis, arg));
                }, 15);
                return this;
              }
              if (typeof jStat3[passfunc](this, arg) === "number")
                return jStat3[passfunc](this, arg);
              else
                return jStat3(jStat3[passfunc](this, arg));
            };
          })(funcs[i]);
        })("add divide multiply subtract dot pow exp log abs norm angle".split(" "));
      })(jStat2, Math);
      (function(jStat3, Math2) {
        var slice = [].slice;
        var isNumber = jStat3.utils.isNumber;
        var isArray = jStat3.utils.isArray;
        jStat3.extend({
          // 2 different parameter lists:
          // (value, mean, sd)
          // (value, array, flag)
          zscore: function zscore() {
            var args = slice.call(arguments);
            if (isNumber(args[1])) {
              return (args[0] - args[1]) / args[2];
            }
            return (args[0] - jStat3.mean(args[1])) / jStat3.stdev(args[1], args[2]);
          },
          // 3 different paramter lists:
          // (value, mean, sd, sides)
          // (zscore, sides)
          // (value, array, sides, flag)
          ztest: function ztest() {
            var args = slice.call(arguments);
            var z2;
            if (isArray(args[1])) {
              z2 = jStat3.zscore(args[0], args[1], args[3]);
              return args[2] === 1 ? jStat3.normal.cdf(-Math2.abs(z2), 0, 1) : jStat3.normal.cdf(-Math2.abs(z2), 0, 1) * 2;
            } else {
              if (args.length > 2) {
                z2 = jStat3.zscore(args[0], args[1], args[2]);
                return args[3] === 1 ? jStat3.normal.cdf(-Math2.abs(z2), 0, 1) : jStat3.normal.cdf(-Math2.abs(z2), 0, 1) * 2;
              } else {
                z2 = args[0];
                return args[1] === 1 ? jStat3.normal.cdf(-Math2.abs(z2), 0, 1) : jStat3.normal.cdf(-Math2.abs(z2), 0, 1) * 2;
              }
            }
          }
        });
        jStat3.extend(jStat3.fn, {
          zscore: function zscore(value, flag) {
            return (value - this.mean()) / this.stdev(flag);
          },
          ztest: function ztest(value, sides, flag) {
            var zscore = Math2.abs(this.zscore(value, flag));
            return sides === 1 ? jStat3.normal.cdf(-zscore, 0, 1) : jStat3.normal.cdf(-zscore, 0, 1) * 2;
          }
        });
        jStat3.extend({
          // 2 parameter lists
          // (value, mean, sd, n)
          // (value, array)
          tscore: function tscore() {
            var args = slice.call(arguments);
            return args.length === 4 ? (args[0] - args[1]) / (args[2] / Math2.sqrt(args[3])) : (args[0] - jStat3.mean(args[1])) / (jStat3.stdev(args[1], true) / Math2.sqrt(args[1].length));
          },
          // 3 different paramter lists:
          // (value, mean, sd, n, sides)
          // (tscore, n, sides)
          // (value, array, sides)
          ttest: function ttest() {
            var args = slice.call(arguments);
            var tscore;
            if (args.length === 5) {
              tscore = Math2.abs(jStat3.tscore(args[0], args[1], args[2], args[3]));
              return args[4] === 1 ? jStat3.studentt.cdf(-tscore, args[3] - 1) : jStat3.studentt.cdf(-tscore, args[3] - 1) * 2;
            }
            if (isNumber(args[1])) {
              tscore = Math2.abs(args[0]);
              return args[2] == 1 ? jStat3.studentt.cdf(-tscore, args[1] - 1) : jStat3.studentt.cdf(-tscore, args[1] - 1) * 2;
            }
            tscore = Math2.abs(jStat3.tscore(args[0], args[1]));
            return args[2] == 1 ? jStat3.studentt.cdf(-tscore, args[1].length - 1) : jStat3.studentt.cdf(-tscore, args[1].length - 1) * 2;
          }
        });
        jStat3.extend(jStat3.fn, {
          tscore: function tscore(value) {
            return (value - this.mean()) / (this.stdev(true) / Math2.sqrt(this.cols()));
          },
          ttest: function ttest(value, sides) {
            return sides === 1 ? 1 - jStat3.studentt.cdf(Math2.abs(this.tscore(value)), this.cols() - 1) : jStat3.studentt.cdf(-Math2.abs(this.tscore(value)), this.cols() - 1) * 2;
          }
        });
        jStat3.extend({
          // Paramter list is as follows:
          // (array1, array2, array3, ...)
          // or it is an array of arrays
          // array of arrays conversion
          anovafscore: function anovafscore() {
            var args = slice.call(arguments), expVar, sample, sampMean, sampSampMean, tmpargs, unexpVar, i, j;
            if (args.length === 1) {
              tmpargs = new Array(args[0].length);
              for (i = 0; i < args[0].length; i++) {
                tmpargs[i] = args[0][i];
              }
              args = tmpargs;
            }
            sample = new Array();
            for (i = 0; i < args.length; i++) {
              sample = sample.concat(args[i]);
            }
            sampMean = jStat3.mean(sample);
            expVar = 0;
            for (i = 0; i < args.length; i++) {
              expVar = expVar + args[i].length * Math2.pow(jStat3.mean(args[i]) - sampMean, 2);
            }
            expVar /= args.length - 1;
            unexpVar = 0;
            for (i = 0; i < args.length; i++) {
              sampSampMean = jStat3.mean(args[i]);
              for (j = 0; j < args[i].length; j++) {
                unexpVar += Math2.pow(args[i][j] - sampSampMean, 2);
              }
            }
            unexpVar /= sample.length - args.length;
            return expVar / unexpVar;
          },
          // 2 different paramter setups
          // (array1, array2, array3, ...)
          // (anovafscore, df1, df2)
          anovaftest: function anovaftest() {
            var args = slice.call(arguments), df1, df2, n, i;
            if (isNumber(args[0])) {
              return 1 - jStat3.centralF.cdf(args[0], args[1], args[2]);
            }
            var anovafscore = jStat3.anovafscore(args);
            df1 = args.length - 1;
            n = 0;
            for (i = 0; i < args.length; i++) {
              n = n + args[i].length;
            }
            df2 = n - df1 - 1;
            return 1 - jStat3.centralF.cdf(anovafscore, df1, df2);
          },
          ftest: function ftest(fscore, df1, df2) {
            return 1 - jStat3.centralF.cdf(fscore, df1, df2);
          }
        });
        jStat3.extend(jStat3.fn, {
          anovafscore: function anovafscore() {
            return jStat3.anovafscore(this.toArray());
          },
          anovaftes: function anovaftes() {
            var n = 0;
            var i;
            for (i = 0; i < this.length; i++) {
              n = n + this[i].length;
            }
            return jStat3.ftest(this.anovafscore(), this.length - 1, n - this.length);
          }
        });
        jStat3.extend({
          // 2 parameter lists
          // (mean1, mean2, n1, n2, sd)
          // (array1, array2, sd)
          qscore: function qscore() {
            var args = slice.call(arguments);
            var mean1, mean22, n1, n2, sd;
            if (isNumber(args[0])) {
              mean1 = args[0];
              mean22 = args[1];
              n1 = args[2];
              n2 = args[3];
              sd = args[4];
            } else {
              mean1 = jStat3.mean(args[0]);
              mean22 = jStat3.mean(args[1]);
              n1 = args[0].length;
              n2 = args[1].length;
              sd = args[2];
            }
            return Math2.abs(mean1 - mean22) / (sd * Math2.sqrt((1 / n1 + 1 / n2) / 2));
          },
          // 3 different parameter lists:
          // (qscore, n, k)
          // (mean1, mean2, n1, n2, sd, n, k)
          // (array1, array2, sd, n, k)
          qtest: function qtest() {
            var args = slice.call(arguments);
            var qscore;
            if (args.length === 3) {
              qscore = args[0];
              args = args.slice(1);
            } else if (args.length === 7) {
              qscore = jStat3.qscore(args[0], args[1], args[2], args[3], args[4]);
              args = args.slice(5);
            } else {
              qscore = jStat3.qscore(args[0], args[1], args[2]);
              args = args.slice(3);
            }
            var n = args[0];
            var k = args[1];
            return 1 - jStat3.tukey.cdf(qscore, k, n - k);
          },
          tukeyhsd: function tukeyhsd(arrays) {
            var sd = jStat3.pooledstdev(arrays);
            var means = arrays.map(function(arr) {
              return jStat3.mean(arr);
            });
            var n = arrays.reduce(function(n2, arr) {
              return n2 + arr.length;
            }, 0);
            var results = [];
            for (var i = 0; i < arrays.length; ++i) {
              for (var j = i + 1; j < arrays.length; ++j) {
                var p = jStat3.qtest(means[i], means[j], arrays[i].length, arrays[j].length, sd, n, arrays.length);
                results.push([[i, j], p]);
              }
            }
            return results;
          }
        });
        jStat3.extend({
          // 2 different parameter setups
          // (value, alpha, sd, n)
          // (value, alpha, array)
          normalci: function normalci() {
            var args = slice.call(arguments), ans = new Array(2), change;
            if (args.length === 4) {
              change = Math2.abs(jStat3.normal.inv(args[1] / 2, 0, 1) * args[2] / Math2.sqrt(args[3]));
            } else {
              change = Math2.abs(jStat3.normal.inv(args[1] / 2, 0, 1) * jStat3.stdev(args[2]) / Math2.sqrt(args[2].length));
            }
            ans[0] = args[0] - change;
            ans[1] = args[0] + change;
            return ans;
          },
          // 2 different parameter setups
          // (value, alpha, sd, n)
          // (value, alpha, array)
          tci: function tci() {
            var args = slice.call(arguments), ans = new Array(2), change;
            if (args.length === 4) {
              change = Math2.abs(jStat3.studentt.inv(args[1] / 2, args[3] - 1) * args[2] / Math2.sqrt(args[3]));
            } else {
              change = Math2.abs(jStat3.studentt.inv(args[1] / 2, args[2].length - 1) * jStat3.stdev(args[2], true) / Math2.sqrt(args[2].length));
            }
            ans[0] = args[0] - change;
            ans[1] = args[0] + change;
            return ans;
          },
          significant: function significant(pvalue, alpha) {
            return pvalue < alpha;
          }
        });
        jStat3.extend(jStat3.fn, {
          normalci: function normalci(value, alpha) {
            return jStat3.normalci(value, alpha, this.toArray());
          },
          tci: function tci(value, alpha) {
            return jStat3.tci(value, alpha, this.toArray());
          }
        });
        function differenceOfProportions(p1, n1, p2, n2) {
          if (p1 > 1 || p2 > 1 || p1 <= 0 || p2 <= 0) {
            throw new Error("Proportions should be greater than 0 and less than 1");
          }
          var pooled = (p1 * n1 + p2 * n2) / (n1 + n2);
          var se = Math2.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
          return (p1 - p2) / se;
        }
        jStat3.extend(jStat3.fn, {
          oneSidedDifferenceOfProportions: function oneSidedDifferenceOfProportions(p1, n1, p2, n2) {
            var z2 = differenceOfProportions(p1, n1, p2, n2);
            return jStat3.ztest(z2, 1);
          },
          twoSidedDifferenceOfProportions: function twoSidedDifferenceOfProportions(p1, n1, p2, n2) {
            var z2 = differenceOfProportions(p1, n1, p2, n2);
            return jStat3.ztest(z2, 2);
          }
        });
      })(jStat2, Math);
      jStat2.models = /* @__PURE__ */ (function() {
        function sub_regress(exog) {
          var var_count = exog[0].length;
          var modelList = jStat2.arange(var_count).map(function(endog_index) {
            var exog_index = jStat2.arange(var_count).filter(function(i) {
              return i !== endog_index;
            });
            return ols(
              jStat2.col(exog, endog_index).map(function(x) {
                return x[0];
              }),
              jStat2.col(exog, exog_index)
            );
          });
          return modelList;
        }
        function ols(endog, exog) {
          var nobs = endog.length;
          var df_model = exog[0].length - 1;
          var df_resid = nobs - df_model - 1;
          var coef = jStat2.lstsq(exog, endog);
          var predict2 = jStat2.multiply(exog, coef.map(function(x) {
            return [x];
          })).map(function(p) {
            return p[0];
          });
          var resid = jStat2.subtract(endog, predict2);
          var ybar = jStat2.mean(endog);
          var SSE = jStat2.sum(predict2.map(function(f) {
            return Math.pow(f - ybar, 2);
          }));
          var SSR = jStat2.sum(endog.map(function(y, i) {
            return Math.pow(y - predict2[i], 2);
          }));
          var SST = SSE + SSR;
          var R2 = SSE / SST;
          return {
            exog,
            endog,
            nobs,
            df_model,
            df_resid,
            coef,
            predict: predict2,
            resid,
            ybar,
            SST,
            SSE,
            SSR,
            R2
          };
        }
        function t_test(model) {
          var subModelList = sub_regress(model.exog);
          var sigmaHat = Math.sqrt(model.SSR / model.df_resid);
          var seBetaHat = subModelList.map(function(mod) {
            var SST = mod.SST;
            var R2 = mod.R2;
            return sigmaHat / Math.sqrt(SST * (1 - R2));
          });
          var tStatistic = model.coef.map(function(coef, i) {
            return (coef - 0) / seBetaHat[i];
          });
          var pValue = tStatistic.map(function(t) {
            var leftppf = jStat2.studentt.cdf(t, model.df_resid);
            return (leftppf > 0.5 ? 1 - leftppf : leftppf) * 2;
          });
          var c = jStat2.studentt.inv(0.975, model.df_resid);
          var interval95 = model.coef.map(function(coef, i) {
            var d = c * seBetaHat[i];
            return [coef - d, coef + d];
          });
          return {
            se: seBetaHat,
            t: tStatistic,
            p: pValue,
            sigmaHat,
            interval95
          };
        }
        function F_test(model) {
          var F_statistic = model.R2 / model.df_model / ((1 - model.R2) / model.df_resid);
          var fcdf = function(x, n1, n2) {
            return jStat2.beta.cdf(x / (n2 / n1 + x), n1 / 2, n2 / 2);
          };
          var pvalue = 1 - fcdf(F_statistic, model.df_model, model.df_resid);
          return { F_statistic, pvalue };
        }
        function ols_wrap(endog, exog) {
          var model = ols(endog, exog);
          var ttest = t_test(model);
          var ftest = F_test(model);
          var adjust_R2 = 1 - (1 - model.R2) * ((model.nobs - 1) / model.df_resid);
          model.t = ttest;
          model.f = ftest;
          model.adjust_R2 = adjust_R2;
          return model;
        }
        return { ols: ols_wrap };
      })();
      jStat2.extend({
        buildxmatrix: function buildxmatrix() {
          var matrixRows = new Array(arguments.length);
          for (var i = 0; i < arguments.length; i++) {
            var array2 = [1];
            matrixRows[i] = array2.concat(arguments[i]);
          }
          return jStat2(matrixRows);
        },
        builddxmatrix: function builddxmatrix() {
          var matrixRows = new Array(arguments[0].length);
          for (var i = 0; i < arguments[0].length; i++) {
            var array2 = [1];
            matrixRows[i] = array2.concat(arguments[0][i]);
          }
          return jStat2(matrixRows);
        },
        buildjxmatrix: function buildjxmatrix(jMat) {
          var pass = new Array(jMat.length);
          for (var i = 0; i < jMat.length; i++) {
            pass[i] = jMat[i];
          }
          return jStat2.builddxmatrix(pass);
        },
        buildymatrix: function buildymatrix(array2) {
          return jStat2(array2).transpose();
        },
        buildjymatrix: function buildjymatrix(jMat) {
          return jMat.transpose();
        },
        matrixmult: function matrixmult(A, B) {
          var i, j, k, result, sum2;
          if (A.cols() == B.rows()) {
            if (B.rows() > 1) {
              result = [];
              for (i = 0; i < A.rows(); i++) {
                result[i] = [];
                for (j = 0; j < B.cols(); j++) {
                  sum2 = 0;
                  for (k = 0; k < A.cols(); k++) {
                    sum2 += A.toArray()[i][k] * B.toArray()[k][j];
                  }
                  result[i][j] = sum2;
                }
              }
              return jStat2(result);
            }
            result = [];
            for (i = 0; i < A.rows(); i++) {
              result[i] = [];
              for (j = 0; j < B.cols(); j++) {
                sum2 = 0;
                for (k = 0; k < A.cols(); k++) {
                  sum2 += A.toArray()[i][k] * B.toArray()[j];
                }
                result[i][j] = sum2;
              }
            }
            return jStat2(result);
          }
        },
        //regress and regresst to be fixed
        regress: function regress(jMatX, jMatY) {
          var innerinv = jStat2.xtranspxinv(jMatX);
          var xtransp = jMatX.transpose();
          var next = jStat2.matrixmult(jStat2(innerinv), xtransp);
          return jStat2.matrixmult(next, jMatY);
        },
        regresst: function regresst(jMatX, jMatY, sides) {
          var beta = jStat2.regress(jMatX, jMatY);
          var compile = {};
          compile.anova = {};
          var jMatYBar = jStat2.jMatYBar(jMatX, beta);
          compile.yBar = jMatYBar;
          var yAverage = jMatY.mean();
          compile.anova.residuals = jStat2.residuals(jMatY, jMatYBar);
          compile.anova.ssr = jStat2.ssr(jMatYBar, yAverage);
          compile.anova.msr = compile.anova.ssr / (jMatX[0].length - 1);
          compile.anova.sse = jStat2.sse(jMatY, jMatYBar);
          compile.anova.mse = compile.anova.sse / (jMatY.length - (jMatX[0].length - 1) - 1);
          compile.anova.sst = jStat2.sst(jMatY, yAverage);
          compile.anova.mst = compile.anova.sst / (jMatY.length - 1);
          compile.anova.r2 = 1 - compile.anova.sse / compile.anova.sst;
          if (compile.anova.r2 < 0) compile.anova.r2 = 0;
          compile.anova.fratio = compile.anova.msr / compile.anova.mse;
          compile.anova.pvalue = jStat2.anovaftest(
            compile.anova.fratio,
            jMatX[0].length - 1,
            jMatY.length - (jMatX[0].length - 1) - 1
          );
          compile.anova.rmse = Math.sqrt(compile.anova.mse);
          compile.anova.r2adj = 1 - compile.anova.mse / compile.anova.mst;
          if (compile.anova.r2adj < 0) compile.anova.r2adj = 0;
          compile.stats = new Array(jMatX[0].length);
          var covar = jStat2.xtranspxinv(jMatX);
          var sds, ts, ps;
          for (var i = 0; i < beta.length; i++) {
            sds = Math.sqrt(compile.anova.mse * Math.abs(covar[i][i]));
            ts = Math.abs(beta[i] / sds);
            ps = jStat2.ttest(ts, jMatY.length - jMatX[0].length - 1, sides);
            compile.stats[i] = [beta[i], sds, ts, ps];
          }
          compile.regress = beta;
          return compile;
        },
        xtranspx: function xtranspx(jMatX) {
          return jStat2.matrixmult(jMatX.transpose(), jMatX);
        },
        xtranspxinv: function xtranspxinv(jMatX) {
          var inner = jStat2.matrixmult(jMatX.transpose(), jMatX);
          var innerinv = jStat2.inv(inner);
          return innerinv;
        },
        jMatYBar: function jMatYBar(jMatX, beta) {
          var yBar = jStat2.matrixmult(jMatX, beta);
          return new jStat2(yBar);
        },
        residuals: function residuals(jMatY, jMatYBar) {
          return jStat2.matrixsubtract(jMatY, jMatYBar);
        },
        ssr: function ssr(jMatYBar, yAverage) {
          var ssr2 = 0;
          for (var i = 0; i < jMatYBar.length; i++) {
            ssr2 += Math.pow(jMatYBar[i] - yAverage, 2);
          }
          return ssr2;
        },
        sse: function sse(jMatY, jMatYBar) {
          var sse2 = 0;
          for (var i = 0; i < jMatY.length; i++) {
            sse2 += Math.pow(jMatY[i] - jMatYBar[i], 2);
          }
          return sse2;
        },
        sst: function sst(jMatY, yAverage) {
          var sst2 = 0;
          for (var i = 0; i < jMatY.length; i++) {
            sst2 += Math.pow(jMatY[i] - yAverage, 2);
          }
          return sst2;
        },
        matrixsubtract: function matrixsubtract(A, B) {
          var ans = new Array(A.length);
          for (var i = 0; i < A.length; i++) {
            ans[i] = new Array(A[i].length);
            for (var j = 0; j < A[i].length; j++) {
              ans[i][j] = A[i][j] - B[i][j];
            }
          }
          return jStat2(ans);
        }
      });
      jStat2.jStat = jStat2;
      return jStat2;
    });
  }
});

// src/stats/robust-limit-table.ts
var N_GRID, ALPHA_GRID, K_TABLE;
var init_robust_limit_table = __esm({
  "src/stats/robust-limit-table.ts"() {
    "use strict";
    N_GRID = [
      2,
      3,
      4,
      5,
      6,
      7,
      8,
      9,
      10,
      11,
      12,
      13,
      14,
      15,
      16,
      17,
      18,
      19,
      20,
      22,
      24,
      26,
      28,
      30,
      35,
      40,
      50,
      60,
      80,
      100,
      150,
      200
    ];
    ALPHA_GRID = [
      0.2,
      0.1,
      0.05,
      0.025,
      0.01,
      5e-3,
      25e-4,
      1e-3,
      5e-4,
      25e-5,
      1e-4,
      5e-5,
      25e-6,
      1e-5,
      5e-6,
      1e-6
    ];
    K_TABLE = [
      [
        1.61411,
        3.60797,
        7.37954,
        14.8696,
        37.6437,
        75.6901,
        152.994,
        394.902,
        811.266,
        1618.98,
        4046.19,
        7863.38,
        18909.8,
        58732.1,
        124318,
        354734
      ],
      // n = 2 (200000 histories)
      [
        2.08033,
        4.94067,
        10.5542,
        21.7189,
        55.3244,
        111.519,
        219.549,
        552.156,
        1120.97,
        2196.22,
        5457.9,
        10901.4,
        19429,
        36786.2,
        52093.9,
        84033.3
      ],
      // n = 3 (200000 histories)
      [
        1.49245,
        2.73352,
        4.3487,
        6.55015,
        10.8444,
        15.6806,
        22.5883,
        36.6874,
        52.9317,
        75.5906,
        120.154,
        170.555,
        236.7,
        349.888,
        460.002,
        798.197
      ],
      // n = 4 (200000 histories)
      [
        1.33482,
        2.45775,
        3.93688,
        5.9625,
        9.89589,
        14.3143,
        20.6209,
        33.3612,
        47.676,
        67.949,
        110.394,
        161.387,
        248.606,
        484.13,
        687.846,
        1151.36
      ],
      // n = 5 (200000 histories)
      [
        1.20306,
        2.0677,
        3.04963,
        4.22569,
        6.20923,
        8.15313,
        10.6062,
        14.8901,
        19.1783,
        24.6083,
        33.7977,
        42.377,
        52.4724,
        68.0862,
        81.1867,
        116.487
      ],
      // n = 6 (200000 histories)
      [
        1.15249,
        1.97773,
        2.9176,
        4.04624,
        5.94487,
        7.78581,
        10.0786,
        13.9983,
        17.7973,
        22.488,
        30.5305,
        38.7131,
        49.6203,
        69.1432,
        86.8113,
        128.479
      ],
      // n = 7 (200000 histories)
      [
        1.09512,
        1.81857,
        2.57862,
        3.42175,
        4.7228,
        5.89235,
        7.26516,
        9.47182,
        11.5071,
        13.9327,
        17.897,
        21.5943,
        25.9523,
        32.6871,
        38.4595,
        53.6742
      ],
      // n = 8 (200000 histories)
      [
        1.06781,
        1.77406,
        2.5198,
        3.353,
        4.64955,
        5.82358,
        7.21101,
        9.45955,
        11.5423,
        14.0065,
        17.9385,
        21.5056,
        25.6634,
        32.3787,
        39.0795,
        68.4499
      ],
      // n = 9 (200000 histories)
      [
        1.03546,
        1.68797,
        2.34358,
        3.0398,
        4.06261,
        4.93929,
        5.92643,
        7.43758,
        8.76843,
        10.2914,
        12.6428,
        14.6969,
        16.9943,
        20.4355,
        23.398,
        31.6352
      ],
      // n = 10 (200000 histories)
      [
        1.02144,
        1.66496,
        2.3117,
        2.99888,
        4.00887,
        4.87376,
        5.8451,
        7.32463,
        8.6197,
        10.0973,
        12.3985,
        14.4708,
        16.9008,
        20.8099,
        24.4763,
        36.7657
      ],
      // n = 11 (200000 histories)
      [
        1.0012,
        1.61197,
        2.20639,
        2.81833,
        3.68683,
        4.40688,
        5.19498,
        6.36236,
        7.35606,
        8.45681,
        10.0884,
        11.4579,
        12.9356,
        15.0319,
        16.7137,
        20.9698
      ],
      // n = 12 (200000 histories)
      [
        0.989481,
        1.59361,
        2.18173,
        2.7876,
        3.64876,
        4.3645,
        5.14992,
        6.31531,
        7.30658,
        8.4025,
        10.0276,
        11.4075,
        12.9406,
        15.2549,
        17.2653,
        22.8443
      ],
      // n = 13 (200000 histories)
      [
        0.972812,
        1.55357,
        2.10582,
        2.6614,
        3.42992,
        4.05149,
        4.71725,
        5.67766,
        6.4733,
        7.33417,
        8.57799,
        9.60109,
        10.6954,
        12.2529,
        13.5227,
        16.9079
      ],
      // n = 14 (200000 histories)
      [
        0.971266,
        1.55046,
        2.10197,
        2.65757,
        3.42758,
        4.05196,
        4.72216,
        5.69074,
        6.49466,
        7.3678,
        8.64307,
        9.71579,
        10.9054,
        12.7226,
        14.3629,
        19.4518
      ],
      // n = 15 (200000 histories)
      [
        0.956628,
        1.51844,
        2.04378,
        2.56333,
        3.26842,
        3.82903,
        4.42201,
        5.26758,
        5.96289,
        6.71437,
        7.80789,
        8.72239,
        9.7225,
        11.1906,
        12.4188,
        15.6485
      ],
      // n = 16 (200000 histories)
      [
        0.951825,
        1.51067,
        2.03357,
        2.55109,
        3.25397,
        3.8132,
        4.40504,
        5.24968,
        5.94462,
        6.69506,
        7.78115,
        8.67733,
        9.63617,
        10.9883,
        12.0612,
        14.6504
      ],
      // n = 17 (200000 histories)
      [
        0.943165,
        1.4897,
        1.99423,
        2.48678,
        3.14568,
        3.6627,
        4.20396,
        4.96747,
        5.5892,
        6.25628,
        7.22181,
        8.02997,
        8.92197,
        10.2624,
        11.4241,
        14.6809
      ],
      // n = 18 (200000 histories)
      [
        0.940393,
        1.48407,
        1.98541,
        2.47416,
        3.12649,
        3.63667,
        4.16867,
        4.91442,
        5.51658,
        6.15612,
        7.06561,
        7.80702,
        8.5985,
        9.72765,
        10.6499,
        13.0598
      ],
      // n = 19 (200000 histories)
      [
        0.932231,
        1.46691,
        1.95501,
        2.42577,
        3.04626,
        3.52573,
        4.02082,
        4.70729,
        5.25561,
        5.83226,
        6.64219,
        7.29371,
        7.98093,
        8.94709,
        9.72235,
        11.6554
      ],
      // n = 20 (200000 histories)
      [
        0.924437,
        1.44981,
        1.92509,
        2.37923,
        2.97127,
        3.42363,
        3.88625,
        4.52136,
        5.02538,
        5.55527,
        6.30621,
        6.92301,
        7.59326,
        8.58164,
        9.42099,
        11.7022
      ],
      // n = 22 (200000 histories)
      [
        0.916096,
        1.43356,
        1.89826,
        2.33907,
        2.90913,
        3.34143,
        3.78071,
        4.37881,
        4.84834,
        5.33523,
        6.00841,
        6.54133,
        7.09496,
        7.85789,
        8.45735,
        9.91675
      ],
      // n = 24 (200000 histories)
      [
        0.909464,
        1.42011,
        1.87566,
        2.30477,
        2.85521,
        3.26943,
        3.68785,
        4.25437,
        4.69744,
        5.15645,
        5.79303,
        6.30161,
        6.83829,
        7.60126,
        8.23027,
        9.94487
      ],
      // n = 26 (200000 histories)
      [
        0.904792,
        1.41004,
        1.85847,
        2.27862,
        2.81419,
        3.21465,
        3.61688,
        4.15763,
        4.57734,
        5.00911,
        5.60287,
        6.07332,
        6.56647,
        7.26272,
        7.83265,
        9.35132
      ],
      // n = 28 (200000 histories)
      [
        0.901322,
        1.40249,
        1.84532,
        2.25829,
        2.78188,
        3.17124,
        3.5604,
        4.08043,
        4.4814,
        4.89132,
        5.45023,
        5.88835,
        6.34171,
        6.96743,
        7.46272,
        8.68999
      ],
      // n = 30 (200000 histories)
      [
        0.892255,
        1.38478,
        1.81645,
        2.21557,
        2.7165,
        3.08529,
        3.45081,
        3.9347,
        4.30452,
        4.6798,
        5.18706,
        5.58103,
        5.98514,
        6.53639,
        6.96699,
        8.01133
      ],
      // n = 35 (200000 histories)
      [
        0.885117,
        1.36997,
        1.79128,
        2.17736,
        2.65693,
        3.00639,
        3.34984,
        3.80018,
        4.14116,
        4.48447,
        4.9444,
        5.29865,
        5.65983,
        6.15059,
        6.53442,
        7.48346
      ],
      // n = 40 (200000 histories)
      [
        0.876925,
        1.35232,
        1.76108,
        2.13142,
        2.58521,
        2.91131,
        3.22795,
        3.63738,
        3.94313,
        4.24737,
        4.64949,
        4.95503,
        5.2627,
        5.67388,
        5.98896,
        6.73533
      ],
      // n = 50 (200000 histories)
      [
        0.870994,
        1.34046,
        1.74148,
        2.10223,
        2.54051,
        2.85273,
        3.1536,
        3.53923,
        3.8247,
        4.10664,
        4.47612,
        4.75455,
        5.03301,
        5.40239,
        5.68357,
        6.34504
      ],
      // n = 60 (166666 histories)
      [
        0.862936,
        1.32455,
        1.71565,
        2.06444,
        2.48379,
        2.77939,
        3.06167,
        3.41972,
        3.68203,
        3.93883,
        4.27202,
        4.52065,
        4.76732,
        5.0917,
        5.33671,
        5.90828
      ],
      // n = 80 (125000 histories)
      [
        0.85857,
        1.31595,
        1.70145,
        2.04335,
        2.45174,
        2.7377,
        3.00923,
        3.35141,
        3.60045,
        3.8429,
        4.15539,
        4.387,
        4.61537,
        4.91343,
        5.1367,
        5.65058
      ],
      // n = 100 (100000 histories)
      [
        0.852527,
        1.30408,
        1.68216,
        2.01505,
        2.40923,
        2.68275,
        2.94045,
        3.26221,
        3.49423,
        3.71829,
        4.00437,
        4.21438,
        4.41971,
        4.685,
        4.88169,
        5.32744
      ],
      // n = 150 (66666 histories)
      [
        0.849945,
        1.29847,
        1.6727,
        2.00096,
        2.38792,
        2.65521,
        2.90606,
        3.21791,
        3.44181,
        3.65727,
        3.93129,
        4.1317,
        4.32706,
        4.57869,
        4.76471,
        5.18477
      ]
      // n = 200 (50000 histories)
    ];
  }
});

// src/stats/tests.ts
function erfcNonNegative(z2) {
  const t = 2 / (2 + z2);
  const ty = 4 * t - 2;
  let d = 0;
  let dd = 0;
  for (let j = ERFC_COF.length - 1; j > 0; j--) {
    const tmp = d;
    d = ty * d - dd + ERFC_COF[j];
    dd = tmp;
  }
  return t * Math.exp(-z2 * z2 + 0.5 * (ERFC_COF[0] + ty * d) - dd);
}
function normalSf(z2) {
  if (Number.isNaN(z2)) return NaN;
  if (z2 >= 0) return 0.5 * erfcNonNegative(z2 / Math.SQRT2);
  return 1 - 0.5 * erfcNonNegative(-z2 / Math.SQRT2);
}
function sortedCopy(xs) {
  return Float64Array.from(xs).sort();
}
function mannWhitneyU(x, y, alternative = "two-sided") {
  const fn = "mannWhitneyU";
  assertFiniteSample(x, fn, "x");
  assertFiniteSample(y, fn, "y");
  if (alternative !== "two-sided" && alternative !== "less" && alternative !== "greater") {
    throw new RangeError(
      `${fn}: alternative must be 'two-sided', 'less' or 'greater'; got ${String(alternative)}`
    );
  }
  const sx = sortedCopy(x);
  const sy = sortedCopy(y);
  const n1 = sx.length;
  const n2 = sy.length;
  const n = n1 + n2;
  let i = 0;
  let j = 0;
  let passed = 0;
  let rankSumX = 0;
  let tieTerm = 0;
  while (i < n1 || j < n2) {
    const v = j >= n2 || i < n1 && sx[i] <= sy[j] ? sx[i] : sy[j];
    let cx = 0;
    let cy = 0;
    while (i < n1 && sx[i] === v) {
      i++;
      cx++;
    }
    while (j < n2 && sy[j] === v) {
      j++;
      cy++;
    }
    const t = cx + cy;
    rankSumX += cx * (passed + (t + 1) / 2);
    tieTerm += t * t * t - t;
    passed += t;
  }
  const u1 = rankSumX - n1 * (n1 + 1) / 2;
  const u2 = n1 * n2 - u1;
  const u = alternative === "greater" ? u1 : alternative === "less" ? u2 : Math.max(u1, u2);
  const factor = alternative === "two-sided" ? 2 : 1;
  const sigma = Math.sqrt(n1 * n2 / 12 * (n + 1 - tieTerm / (n * (n - 1))));
  if (!(sigma > 0)) return { u: u1, p: 1 };
  const z2 = (u - n1 * n2 / 2 - 0.5) / sigma;
  const p = Math.min(1, Math.max(0, factor * normalSf(z2)));
  return { u: u1, p };
}
function studentTQuantile(p, df) {
  if (!(p > 0 && p < 1)) {
    throw new RangeError(`studentTQuantile: p must be in (0, 1); got ${String(p)}`);
  }
  if (!(df > 0) || !Number.isFinite(df)) {
    throw new RangeError(`studentTQuantile: df must be a finite number > 0; got ${String(df)}`);
  }
  const q = import_jstat.default.studentt.inv(p, df);
  return q === 0 ? 0 : q;
}
function studentTCdf(t, df) {
  if (!Number.isFinite(t)) return t > 0 ? 1 : 0;
  if (!(df > 0) || !Number.isFinite(df)) {
    throw new RangeError(`studentTCdf: df must be a finite number > 0; got ${String(df)}`);
  }
  return import_jstat.default.studentt.cdf(t, df);
}
function tInterval(xs, confidence) {
  const fn = "tInterval";
  assertFiniteSample(xs, fn);
  assertConfidence(confidence, fn);
  if (xs.length < 2) throw new RangeError(`${fn}: needs at least 2 values; got ${xs.length}`);
  const m = mean2(xs);
  const se = sampleStdDev(xs) / Math.sqrt(xs.length);
  const df = xs.length - 1;
  const half = se === 0 ? 0 : studentTQuantile(1 - (1 - confidence) / 2, df) * se;
  return { mean: m, se, df, ci: [m - half, m + half] };
}
function tTestGreater(xs) {
  const { mean: m, se, df } = tInterval(xs, 0.95);
  if (se === 0) return m > 0 ? 0 : 1;
  return 1 - studentTCdf(m / se, df);
}
function robustLimitMultiplier(n, alpha) {
  const fn = "robustLimitMultiplier";
  if (!Number.isInteger(n) || n < 2)
    throw new RangeError(`${fn}: n must be an integer \u2265 2; got ${n}`);
  if (!(alpha > 0 && alpha < 1))
    throw new RangeError(`${fn}: alpha must be in (0, 1); got ${alpha}`);
  const la = Math.log(alpha);
  const grid = ALPHA_GRID.map(Math.log);
  let j = grid.findIndex((g2, idx) => idx < grid.length - 1 && la >= grid[idx + 1]);
  if (j === -1) j = grid.length - 2;
  const w = (la - grid[j]) / (grid[j + 1] - grid[j]);
  const logK = (row) => (1 - w) * Math.log(row[j]) + w * Math.log(row[j + 1]);
  const i = N_GRID.indexOf(n);
  if (i !== -1) return Math.exp(logK(K_TABLE[i]));
  const last = N_GRID.length - 1;
  if (n > N_GRID[last]) return Math.exp(logK(K_TABLE[last]));
  const hi = N_GRID.findIndex((g2) => g2 > n);
  const [n0, n1] = [N_GRID[hi - 1], N_GRID[hi]];
  const wn = (1 / n - 1 / n0) / (1 / n1 - 1 / n0);
  return Math.exp((1 - wn) * logK(K_TABLE[hi - 1]) + wn * logK(K_TABLE[hi]));
}
function robustPredictionUpperLimit(history, confidence = 0.95) {
  const fn = "robustPredictionUpperLimit";
  assertFiniteSample(history, fn, "history");
  assertConfidence(confidence, fn);
  const n = history.length;
  if (n < 2) throw new RangeError(`${fn}: history needs at least 2 values; got ${n}`);
  const center = median2(history);
  const scale = 1.482602218505602 * median2(history.map((x) => Math.abs(x - center)));
  if (!(scale > 0)) return null;
  const k = robustLimitMultiplier(n, 1 - confidence);
  return { limit: center + k * scale, center, scale, k };
}
function holm(pValues) {
  const m = pValues.length;
  for (let i = 0; i < m; i++) {
    const p = pValues[i];
    if (!(p >= 0 && p <= 1)) {
      throw new RangeError(`holm: pValues[${i}] must be in [0, 1]; got ${String(p)}`);
    }
  }
  const order = Array.from({ length: m }, (_, i) => i).sort(
    (a, b) => pValues[a] - pValues[b] || a - b
  );
  const adjusted = new Array(m);
  let running = 0;
  for (let rank = 0; rank < m; rank++) {
    const idx = order[rank];
    running = Math.max(running, Math.min(1, (m - rank) * pValues[idx]));
    adjusted[idx] = running;
  }
  return adjusted;
}
var import_jstat, ERFC_COF;
var init_tests = __esm({
  "src/stats/tests.ts"() {
    "use strict";
    import_jstat = __toESM(require_jstat(), 1);
    init_robust_limit_table();
    init_describe();
    init_internal();
    ERFC_COF = [
      -1.3026537197817094,
      0.6419697923564902,
      0.019476473204185836,
      -0.00956151478680863,
      -946595344482036e-18,
      366839497852761e-18,
      42523324806907e-18,
      -20278578112534e-18,
      -1624290004647e-18,
      130365583558e-17,
      15626441722e-18,
      -85238095915e-18,
      6529054439e-18,
      5059343495e-18,
      -991364156e-18,
      -227365122e-18,
      96467911e-18,
      2394038e-18,
      -6886027e-18,
      894487e-18,
      313092e-18,
      -112708e-18,
      381e-18,
      7106e-18,
      -1523e-18,
      -94e-18,
      121e-18,
      -28e-18
    ];
  }
});

// src/stats/changepoint.ts
function eDivisive(xs, options = {}) {
  const fn = "eDivisive";
  assertFiniteSample(xs, fn);
  const significance = options.significance ?? E_DIVISIVE_DEFAULTS.significance;
  const permutations = options.permutations ?? E_DIVISIVE_DEFAULTS.permutations;
  const minSize = options.minSize ?? E_DIVISIVE_DEFAULTS.minSize;
  const seed = options.seed ?? E_DIVISIVE_DEFAULTS.seed;
  if (!(significance > 0 && significance < 1)) {
    throw new RangeError(`${fn}: significance must be in (0, 1); got ${String(significance)}`);
  }
  if (!Number.isInteger(permutations) || permutations < 1) {
    throw new RangeError(`${fn}: permutations must be an integer \u2265 1; got ${String(permutations)}`);
  }
  if (!Number.isInteger(minSize) || minSize < 2) {
    throw new RangeError(`${fn}: minSize must be an integer \u2265 2; got ${String(minSize)}`);
  }
  if (1 / (permutations + 1) > significance) {
    throw new RangeError(
      `${fn}: ${permutations} permutations cannot reach a p-value of ${significance} (needs \u2265 ${Math.ceil(1 / significance) - 1})`
    );
  }
  const x = Float64Array.from(xs);
  const n = x.length;
  const rand = mulberry32(seed);
  const q = new Float64Array(n);
  const scratch = new Float64Array(n);
  const memo = /* @__PURE__ */ new Map();
  const bestOf = (a, b) => {
    const key = `${a}:${b}`;
    let hit = memo.get(key);
    if (hit === void 0) {
      hit = bestSplit(x, a, b, minSize, q);
      memo.set(key, hit);
    }
    return hit;
  };
  const bounds = [0, n];
  const found = [];
  for (; ; ) {
    let best = null;
    for (let s = 0; s + 1 < bounds.length; s++) {
      const c = bestOf(bounds[s], bounds[s + 1]);
      if (c !== null && (best === null || c.q > best.q)) best = c;
    }
    if (best === null) return { changePoints: sorted(found), stoppedAt: null };
    const allowed = Math.floor(significance * (permutations + 1)) - 1;
    let exceed = 0;
    let done = 0;
    for (; done < permutations && exceed <= allowed; done++) {
      scratch.set(x);
      let maxQ = -Infinity;
      for (let s = 0; s + 1 < bounds.length; s++) {
        const a = bounds[s];
        const b = bounds[s + 1];
        shuffle(scratch, a, b, rand);
        const c = bestSplit(scratch, a, b, minSize, q);
        if (c !== null && c.q > maxQ) maxQ = c.q;
      }
      if (maxQ >= best.q) exceed++;
    }
    const pValue = (1 + exceed) / (1 + done);
    if (exceed > allowed) return { changePoints: sorted(found), stoppedAt: pValue };
    found.push({ index: best.index, q: best.q, pValue });
    bounds.push(best.index);
    bounds.sort((u, v) => u - v);
  }
}
function sorted(points) {
  return [...points].sort((u, v) => u.index - v.index);
}
function shuffle(x, a, b, rand) {
  for (let i = b - 1; i > a; i--) {
    const j = a + Math.floor(rand() * (i - a + 1));
    const t = x[i];
    x[i] = x[j];
    x[j] = t;
  }
}
function bestSplit(x, a, b, minSize, q) {
  if (b - a < 2 * minSize) return null;
  segmentQ(x, a, b, q);
  let index2 = a + minSize;
  for (let t = index2 + 1; t <= b - minSize; t++) if (q[t] > q[index2]) index2 = t;
  return { index: index2, q: q[index2] };
}
function segmentQ(x, a, b, q) {
  let withinX = 0;
  let withinY = 0;
  for (let j = a; j < b; j++) for (let k = j + 1; k < b; k++) withinY += Math.abs(x[j] - x[k]);
  let between = 0;
  for (let t = a; t < b; t++) {
    const n = t - a;
    const m = b - t;
    const e = (n > 0 ? 2 * between / (n * m) : 0) - (n > 1 ? withinX / (n * (n - 1) / 2) : 0) - (m > 1 ? withinY / (m * (m - 1) / 2) : 0);
    q[t] = n > 0 ? n * m / (n + m) * e : 0;
    let toX = 0;
    for (let i = a; i < t; i++) toX += Math.abs(x[t] - x[i]);
    let toY = 0;
    for (let k = t + 1; k < b; k++) toY += Math.abs(x[t] - x[k]);
    withinX += toX;
    withinY -= toY;
    between += toY - toX;
  }
}
var E_DIVISIVE_DEFAULTS;
var init_changepoint = __esm({
  "src/stats/changepoint.ts"() {
    "use strict";
    init_internal();
    init_random();
    E_DIVISIVE_DEFAULTS = {
      significance: 0.05,
      permutations: 199,
      minSize: 3,
      seed: 24301
    };
  }
});

// src/stats/index.ts
var init_stats = __esm({
  "src/stats/index.ts"() {
    "use strict";
    init_random();
    init_describe();
    init_ci();
    init_tests();
    init_changepoint();
  }
});

// src/analysis/recommend.ts
function pairedPick(eligible, all, fastest, tolerance) {
  if (!all.every((p) => p.visits !== void 0 && p.visits.size > 0)) return null;
  const rounds = [...all[0].visits.keys()].filter((r) => all.every((p) => p.visits.has(r)));
  const odd = rounds.filter((r) => r % 2 === 1);
  const even = rounds.filter((r) => r % 2 === 0);
  if (odd.length < MIN_HALF_ROUNDS || even.length < MIN_HALF_ROUNDS) return null;
  const lowestOn = (half) => {
    const m = (p) => median2(half.map((r) => p.visits.get(r)));
    return all.reduce((best, p) => m(p) < m(best) ? p : best);
  };
  const refForOdd = lowestOn(even);
  const refForEven = lowestOn(odd);
  const against = (c) => {
    const logs = rounds.map((r) => {
      const ref = r % 2 === 1 ? refForOdd : refForEven;
      return Math.log(c.visits.get(r) / ref.visits.get(r));
    });
    const [, hi] = medianCIOrderStat(logs, 0.95);
    return { ratio: Math.exp(median2(logs)), upper: Math.exp(hi) };
  };
  const sorted2 = [...eligible].sort((a, b) => a.threads - b.threads);
  for (const c of sorted2) {
    if (c.threads > fastest.threads) break;
    if (c === fastest) break;
    const r = against(c);
    if (r.upper <= 1 + tolerance)
      return { reference: fastest, pick: c, ...r, rounds: rounds.length };
  }
  return eligible.includes(fastest) ? { reference: fastest, pick: fastest, ratio: 1, upper: 1, rounds: rounds.length } : null;
}
function recommendForWorkload(points, tolerance = DEFAULT_TOLERANCE, maxThreads = Infinity) {
  if (points.length === 0) throw new RangeError("no points to recommend from");
  const pct = (x) => `${(x * 100).toFixed(1)} %`;
  const plural = (n) => `${n} thread${n === 1 ? "" : "s"}`;
  const lowest = (ps) => ps.reduce((best, p) => p.medianNs < best.medianNs ? p : best);
  const fastest = lowest(points);
  const sorted2 = [...points].sort((a, b) => a.threads - b.threads);
  const eligible = sorted2.filter((p) => p.threads <= maxThreads);
  if (eligible.length === 0) {
    const cap = Math.max(1, Math.floor(maxThreads));
    return {
      fastest: fastest.threads,
      recommended: cap,
      reason: `every measured count is above the ${cap} usable CPUs: ${plural(cap)} (not measured), never more`
    };
  }
  const paired = pairedPick(eligible, points, fastest, tolerance);
  if (paired !== null) {
    const { reference, pick: pick2, ratio, upper, rounds } = paired;
    const ref = plural(reference.threads);
    return {
      fastest: fastest.threads,
      recommended: pick2.threads,
      reason: pick2 === reference ? `${plural(pick2.threads)} is fastest` + (sorted2.some((p) => p.threads < pick2.threads) ? `; fewer threads are more than ${pct(tolerance)} slower (paired 95 % CI over ${rounds} rounds)` : "") : `${plural(pick2.threads)} is within ${pct(tolerance)} of the fastest (${ref}): ${ratio >= 1 ? "+" : "\u2212"}${pct(Math.abs(ratio - 1))} paired, 95 % CI up to +${pct(upper - 1)} over ${rounds} rounds`
    };
  }
  const limit = fastest.medianNs * (1 + tolerance);
  const within = eligible.find((p) => p.threads <= fastest.threads && p.ci95Ns[1] <= limit);
  const pick = within ?? lowest(eligible);
  const over = fastest.threads > maxThreads ? `${plural(fastest.threads)} measured fastest but oversubscribes the ${Math.floor(maxThreads)} usable CPUs; ` : "";
  let reason;
  if (pick.threads === fastest.threads) {
    reason = `${plural(fastest.threads)} is fastest` + (sorted2.some((p) => p.threads < fastest.threads) ? `; fewer threads are more than ${pct(tolerance)} slower (95 % CI)` : "");
  } else if (within) {
    reason = over + `${plural(pick.threads)} is within ${pct(tolerance)} of the fastest (${fastest.threads} threads) at 95 % confidence (+${pct(pick.medianNs / fastest.medianNs - 1)} median)`;
  } else {
    reason = over + `${plural(pick.threads)} is the fastest within them (+${pct(pick.medianNs / fastest.medianNs - 1)} median)`;
  }
  return { fastest: fastest.threads, recommended: pick.threads, reason };
}
function recommendOverall(workloads, tolerance = DEFAULT_TOLERANCE, maxThreads = Infinity) {
  if (workloads.length === 0) throw new RangeError("no workloads to recommend from");
  const common = workloads.map((pts) => new Set(pts.map((p) => p.threads))).reduce((a, b) => new Set([...a].filter((t) => b.has(t))));
  const threads2 = [...common].sort((a, b) => a - b);
  if (threads2.length === 0) throw new RangeError("no thread count is common to all workloads");
  const score2 = /* @__PURE__ */ new Map();
  for (const t of threads2) {
    const normalized = workloads.map((pts) => {
      const best = Math.min(...pts.map((p) => p.medianNs));
      return pts.find((p) => p.threads === t).medianNs / best;
    });
    score2.set(t, geometricMean(normalized));
  }
  const eligible = threads2.filter((t) => t <= maxThreads);
  if (eligible.length === 0) {
    const cap = Math.max(1, Math.floor(maxThreads));
    return {
      threads: cap,
      score: score2,
      basis: `every measured count is above the ${cap} usable CPUs: ${cap} (not measured), never more`
    };
  }
  const bestScore = Math.min(...score2.values());
  const argmin = threads2.find((t) => score2.get(t) === bestScore);
  const within = eligible.find((t) => score2.get(t) <= bestScore * (1 + tolerance));
  const pick = within ?? eligible.reduce((a, b) => score2.get(b) < score2.get(a) ? b : a);
  const above = (s) => `${((s - 1) * 100).toFixed(1)} %`;
  const basis = within === void 0 ? `${argmin} threads has the best geometric-mean latency but oversubscribes the ${Math.floor(maxThreads)} usable CPUs; ${pick} is the best within them (${above(score2.get(pick) / bestScore)} above)` : workloads.length === 1 ? "the recommended thread count of the only workload" : pick === argmin ? `minimizes the geometric mean of latency relative to each workload's best (${above(bestScore)} above the per-workload optimum)` : `fewest threads within ${(tolerance * 100).toFixed(0)} % of the best geometric-mean latency (${argmin} threads)`;
  return { threads: pick, score: score2, basis };
}
var DEFAULT_TOLERANCE, MIN_HALF_ROUNDS;
var init_recommend = __esm({
  "src/analysis/recommend.ts"() {
    "use strict";
    init_stats();
    DEFAULT_TOLERANCE = 0.05;
    MIN_HALF_ROUNDS = 6;
  }
});

// src/analysis/comparison.ts
function isGateMode(x) {
  return GATE_MODES.includes(x);
}
function parseGateMode(text2, input) {
  const v = text2.trim();
  if (!isGateMode(v)) throw invalid(input, text2, `one of ${GATE_MODES.join(", ")}`);
  return v;
}
function cellSeed(seed, workload, threads2) {
  let h = 2166136261;
  for (const ch of `${workload}@${threads2}`) {
    h ^= ch.codePointAt(0);
    h = Math.imul(h, 16777619);
  }
  return (h ^ seed) >>> 0;
}
function holmWhere(cells, pick, familySize = null) {
  const idx = cells.flatMap((c, i) => pick(c) && c.pValue !== null ? [i] : []);
  const adjusted = familySize !== null && familySize > idx.length ? idx.map((i) => Math.min(1, cells[i].pValue * familySize)) : holm(idx.map((i) => cells[i].pValue));
  const out = new Array(cells.length).fill(void 0);
  idx.forEach((cellIndex, k) => {
    out[cellIndex] = adjusted[k];
  });
  return out;
}
function cellName(workload, threads2) {
  return `${workload} @ ${threads2} thread${threads2 === 1 ? "" : "s"}`;
}
function formatLevel(level) {
  return `${Number((level * 100).toPrecision(4))} %`;
}
var init_comparison = __esm({
  "src/analysis/comparison.ts"() {
    "use strict";
    init_errors();
    init_stats();
    init_limits();
    init_limits();
  }
});

// src/analysis/changes.ts
function cellSeries(history, workload, threads2) {
  const runIndex = [];
  const medians = [];
  history.runs.forEach((run2, i) => {
    const point = run2.workloads.find((w) => w.id === workload)?.points.find((p) => p.threads === threads2);
    if (point !== void 0 && point.medianNs > 0 && Number.isFinite(point.medianNs)) {
      runIndex.push(i);
      medians.push(point.medianNs);
    }
  });
  const skip = Math.max(0, medians.length - MAX_CHANGE_RUNS);
  return { runIndex: runIndex.slice(skip), medians: medians.slice(skip) };
}
function seriesChangePoints(medians, seed, opts = {}) {
  const minSize = opts.minSize ?? CHANGE_MIN_SIZE;
  if (medians.length < 2 * minSize) return [];
  return eDivisive(medians.map(Math.log), {
    significance: opts.significance ?? CHANGE_SIGNIFICANCE,
    permutations: opts.permutations ?? CHANGE_PERMUTATIONS,
    minSize,
    seed
  }).changePoints.map((c) => c.index);
}
function cellChanges(history, workload, threads2, opts = {}) {
  const series = cellSeries(history, workload, threads2);
  const seed = cellSeed(opts.seed ?? DEFAULT_COMPARE_SEED, workload, threads2);
  const points = seriesChangePoints(series.medians, seed, opts);
  const edges = [0, ...points, series.medians.length];
  return points.map((at, k) => {
    const before = series.medians.slice(edges[k], at);
    const after = series.medians.slice(at, edges[k + 2]);
    const { ratio, ci } = bootstrapRatioOfMediansCI(before, after, {
      confidence: CHANGE_CI_LEVEL,
      resamples: opts.resamples ?? DEFAULT_RESAMPLES,
      seed: seed + k + 1 >>> 0
    });
    const index2 = series.runIndex[at];
    const run2 = history.runs[index2];
    return {
      workload,
      threads: threads2,
      index: index2,
      createdAt: run2.createdAt,
      sha: run2.sha ?? null,
      ratio,
      ci: [ci[0], ci[1]]
    };
  });
}
function historyCells(history) {
  const seen = /* @__PURE__ */ new Set();
  const cells = [];
  for (const run2 of history.runs) {
    for (const w of run2.workloads) {
      for (const p of w.points) {
        const key = JSON.stringify([w.id, p.threads]);
        if (seen.has(key)) continue;
        seen.add(key);
        cells.push({ workload: w.id, threads: p.threads });
      }
    }
  }
  return cells;
}
function historyChanges(history, cells = historyCells(history), opts = {}) {
  return cells.flatMap((c) => cellChanges(history, c.workload, c.threads, opts));
}
function describeChange(c) {
  const pct = Math.abs(c.ratio - 1) * 100;
  const size = pct >= 10 ? pct.toFixed(0) : pct.toFixed(1);
  const dir = c.ratio >= 1 ? "slower" : "faster";
  const since = c.sha === null ? "the run" : `commit ${c.sha.slice(0, 7)} (run`;
  const date2 = c.createdAt.slice(0, 10);
  const ci = `95 % CI \xD7${c.ci[0].toFixed(3)} \u2026 \xD7${c.ci[1].toFixed(3)}`;
  return `${c.workload} @ ${c.threads} thread${c.threads === 1 ? "" : "s"} has been ${size} % ${dir} since ${since} of ${date2}${c.sha === null ? "" : ")"}; ${ci}`;
}
var CHANGE_SIGNIFICANCE, CHANGE_PERMUTATIONS, CHANGE_MIN_SIZE, MAX_CHANGE_RUNS, CHANGE_CI_LEVEL;
var init_changes = __esm({
  "src/analysis/changes.ts"() {
    "use strict";
    init_stats();
    init_comparison();
    init_limits();
    CHANGE_SIGNIFICANCE = 0.05;
    CHANGE_PERMUTATIONS = 199;
    CHANGE_MIN_SIZE = 3;
    MAX_CHANGE_RUNS = 200;
    CHANGE_CI_LEVEL = 0.95;
  }
});

// src/analysis/throughput.ts
function recommendSplit(points, tolerance = DEFAULT_TOLERANCE) {
  if (points.length === 0) throw new RangeError("no throughput points to recommend from");
  const best = points.reduce((a, b) => b.requestsPerSec > a.requestsPerSec ? b : a);
  const byWorkers = [...points].sort((a, b) => a.workers - b.workers);
  const pick = byWorkers.find((p) => p === best || p.ci95[0] * (1 + tolerance) >= best.requestsPerSec) ?? best;
  const single = byWorkers[0];
  const gain = pick.requestsPerSec / single.requestsPerSec;
  const vs = pick === single ? "one request at a time with every thread is as fast as any split here" : `${gain.toFixed(1)}\xD7 the throughput of ${single.workers} \xD7 ${single.threadsPerWorker}`;
  const within = pick === best ? "" : ` (within ${(tolerance * 100).toFixed(0)} % of the best, ${splitText(best)}, with fewer workers)`;
  return {
    workers: pick.workers,
    threadsPerWorker: pick.threadsPerWorker,
    reason: `${splitText(pick)}: ${vs}${within}`
  };
}
function recommendSplitOverall(workloads, tolerance = DEFAULT_TOLERANCE) {
  const usable = workloads.filter((w) => w.length > 0);
  if (usable.length === 0) return null;
  if (usable.length === 1) return recommendSplit(usable[0], tolerance);
  const keys = usable.map((w) => new Set(w.map((p) => p.workers))).reduce((a, b) => new Set([...a].filter((x) => b.has(x))));
  const workers = [...keys].sort((a, b) => a - b);
  if (workers.length === 0) return null;
  const score2 = new Map(
    workers.map((n) => [
      n,
      geometricMean(
        usable.map((w) => {
          const best = Math.max(...w.map((p) => p.requestsPerSec));
          return w.find((p) => p.workers === n).requestsPerSec / best;
        })
      )
    ])
  );
  const top = Math.max(...score2.values());
  const pick = workers.find((n) => score2.get(n) * (1 + tolerance) >= top);
  const point = usable[0].find((p) => p.workers === pick);
  return {
    workers: pick,
    threadsPerWorker: point.threadsPerWorker,
    reason: `${splitText(point)}: the fewest workers within ${(tolerance * 100).toFixed(0)} % of the best geometric-mean throughput across the workloads`
  };
}
function throughputAsWorkloads(result) {
  return result.workloads.flatMap((w) => {
    const t = w.throughput;
    if (t === void 0 || t.points.length === 0) return [];
    return [
      {
        id: `${w.id} \xB7 throughput`,
        kind: w.kind,
        label: `${w.label}, throughput`,
        metric: { name: "time per request, all workers", unit: "ns" },
        contentHash: w.contentHash ?? null,
        points: t.points.map((p) => ({
          threads: p.threadsPerWorker,
          samplesNs: (p.windows ?? [p.requestsPerSec]).map((r) => 1e9 / r),
          ...p.rounds !== void 0 ? { rounds: p.rounds } : {},
          medianNs: 1e9 / p.requestsPerSec,
          ci95Ns: [1e9 / p.ci95[1], 1e9 / p.ci95[0]]
        })),
        fastest: {
          threads: t.points.reduce((a, b) => b.requestsPerSec > a.requestsPerSec ? b : a).threadsPerWorker
        },
        recommended: { threads: t.recommended.threadsPerWorker }
      }
    ];
  });
}
function gatedWorkloads(result) {
  return [...result.workloads, ...throughputAsWorkloads(result)];
}
var splitText;
var init_throughput = __esm({
  "src/analysis/throughput.ts"() {
    "use strict";
    init_stats();
    init_recommend();
    splitText = (p) => `${p.workers} worker${p.workers === 1 ? "" : "s"} \xD7 OMP_NUM_THREADS=${p.threadsPerWorker}`;
  }
});

// src/analysis/visits.ts
function visitSummary(samplesNs, rounds) {
  if (samplesNs.length === 0) throw new RangeError("visitSummary: no samples");
  const groups = /* @__PURE__ */ new Map();
  samplesNs.forEach((x, i) => {
    const r = rounds !== void 0 && rounds.length === samplesNs.length ? rounds[i] : i;
    const g2 = groups.get(r);
    if (g2 === void 0) groups.set(r, [x]);
    else g2.push(x);
  });
  const order = [...groups.keys()].sort((a, b) => a - b);
  const byRound = /* @__PURE__ */ new Map();
  for (const r of order) byRound.set(r, median2(groups.get(r)));
  const medians = order.map((r) => byRound.get(r));
  const [lo, hi] = medianCIOrderStat(medians, 0.95);
  return { byRound, medians, medianNs: median2(medians), ci95Ns: [lo, hi] };
}
var init_visits = __esm({
  "src/analysis/visits.ts"() {
    "use strict";
    init_stats();
  }
});

// src/analysis/normalize.ts
function gateView(history, current, mode, minHistory) {
  const latestRef = history.latest.reference;
  const currentRef = current.reference;
  const runnerRatio = latestRef && currentRef ? currentRef.point.medianNs / latestRef.point.medianNs : null;
  const raw = (reason) => ({
    history,
    current,
    normalization: { reference: REFERENCE_NAME, used: false, reason, runnerRatio },
    rawRatio: () => null
  });
  if (mode === "none") return raw("normalize is none: run medians compared as measured");
  if (!currentRef) {
    return raw(
      "this run has no reference cell (measured with normalize: none, or the budget ran out before it); compared as measured"
    );
  }
  if (!latestRef) {
    return raw(
      "the baseline's newest run has no reference cell (an older threadgate, or normalize: none); compared as measured"
    );
  }
  const gateRuns = history.runs.filter((r) => r.kept === void 0);
  const withRef = gateRuns.filter((r) => r.reference !== void 0).length;
  if (withRef < minHistory) {
    return raw(
      `only ${withRef} of the history's ${gateRuns.length} runs have a reference cell (normalization needs ${minHistory}); compared as measured`
    );
  }
  const anchor = latestRef.point.medianNs;
  const latency = new Set([...history.latest.workloads, ...current.workloads].map((w) => w.id));
  const scaled = (id, threads2) => latency.has(id) && !(id === REFERENCE_CELL.id && threads2 === REFERENCE_CELL.threads);
  const normalized = {
    ...history,
    runs: history.runs.map((run2) => {
      const ref = run2.reference?.medianNs;
      return {
        ...run2,
        // A run without a reference cannot be put on the same scale: its cells are left out of
        // the normalized series (its place in the list is kept, so run indices stay the same).
        workloads: ref === void 0 ? [] : run2.workloads.map((w) => ({
          ...w,
          points: w.points.map(
            (p) => scaled(w.id, p.threads) ? { ...p, medianNs: p.medianNs * anchor / ref } : p
          )
        }))
      };
    }),
    latest: normalizeResult(history.latest, anchor, scaled)
  };
  const view = normalizeResult(current, anchor, scaled);
  const medianOf = (r, id, threads2) => r.workloads.find((w) => w.id === id)?.points.find((p) => p.threads === threads2)?.medianNs;
  return {
    history: normalized,
    current: view,
    normalization: {
      reference: REFERENCE_NAME,
      used: true,
      reason: `each cell divided by ${REFERENCE_NAME} of its own run and round`,
      runnerRatio
    },
    rawRatio: (id, threads2) => {
      if (!scaled(id, threads2)) return null;
      const c = medianOf(current, id, threads2);
      const b = medianOf(history.latest, id, threads2);
      return c !== void 0 && b !== void 0 ? c / b : null;
    }
  };
}
function normalizeResult(result, anchor, scaled) {
  const ref = result.reference.point;
  const byRound = visitSummary(ref.samplesNs, ref.rounds).byRound;
  const rounds = [...byRound.keys()];
  const refAt = (round3) => {
    if (round3 === void 0 || ref.rounds === void 0) return ref.medianNs;
    const exact = byRound.get(round3);
    if (exact !== void 0) return exact;
    const nearest = rounds.reduce((a, b) => Math.abs(b - round3) < Math.abs(a - round3) ? b : a);
    return byRound.get(nearest);
  };
  const point = (id, p) => {
    if (!scaled(id, p.threads)) return p;
    const samplesNs = p.samplesNs.map((x, i) => x * anchor / refAt(p.rounds?.[i]));
    const v = visitSummary(samplesNs, p.rounds);
    return { ...p, samplesNs, medianNs: v.medianNs, ci95Ns: v.ci95Ns };
  };
  const workloads = result.workloads.map((w) => ({
    ...w,
    points: w.points.map((p) => point(w.id, p))
  }));
  return { ...result, workloads };
}
function describeNormalization(n) {
  const speed = n.runnerRatio === null ? "" : `; this run's reference took \xD7${n.runnerRatio.toFixed(3)} the baseline run's time (${n.runnerRatio >= 1 ? "a slower" : "a faster"} runner)`;
  return n.used ? `normalized by the runner-speed reference ${n.reference}: ${n.reason}, so cells are compared at the baseline run's speed${speed}` : `compared as measured, not normalized: ${n.reason}${speed}`;
}
var REFERENCE_CELL, REFERENCE_VISIT_MS, REFERENCE_NAME;
var init_normalize = __esm({
  "src/analysis/normalize.ts"() {
    "use strict";
    init_visits();
    REFERENCE_CELL = { id: "matmul:256", size: "256", threads: 1 };
    REFERENCE_VISIT_MS = 10;
    REFERENCE_NAME = `${REFERENCE_CELL.id} @ ${REFERENCE_CELL.threads}`;
  }
});

// src/analysis/compare.ts
function compareResults(baseline, current, opts = {}) {
  const settings = resolveSettings(opts);
  const cur = {
    fingerprint: current.machine.fingerprint,
    createdAt: current.createdAt
  };
  const base = {
    settings,
    current: cur,
    machineDifferences: [],
    changes: [],
    normalization: null
  };
  if (baseline === null) {
    return {
      kind: "no-baseline",
      ...base,
      baseline: null,
      reason: "no baseline is stored yet",
      notes: []
    };
  }
  const doc = baseline.document;
  const summary = {
    source: baseline.source,
    fingerprint: doc.fingerprint,
    runs: doc.runs.length,
    latestCreatedAt: doc.latest.createdAt
  };
  const notes = [...baseline.notes];
  const mismatch = doc.fingerprint !== current.machine.fingerprint;
  const differences = mismatch ? fingerprintDifferences(doc.machine, current.machine) : [];
  if (mismatch) {
    const what = describeMismatch(doc, current, differences);
    if (!settings.force) {
      return {
        kind: "no-baseline",
        ...base,
        baseline: summary,
        machineDifferences: differences,
        reason: `the baseline is from another kind of machine: ${what}; not compared (--force, or the force option, compares anyway)`,
        notes
      };
    }
    notes.push(`forced: comparing with a baseline from another kind of machine (${what})`);
  }
  const view = gateView(doc, current, settings.normalize, settings.minHistory);
  const history = view.history;
  base.normalization = view.normalization;
  const curWorkloads = gatedWorkloads(view.current);
  const baseWorkloads = gatedWorkloads(history.latest);
  const pairs = curWorkloads.flatMap((c) => {
    const b = baseWorkloads.find((w) => w.id === c.id);
    return b === void 0 ? [] : [{ base: b, cur: c }];
  });
  const onlyBase = baseWorkloads.filter((w) => !curWorkloads.some((c) => c.id === w.id));
  const onlyCur = curWorkloads.filter((w) => !baseWorkloads.some((b) => b.id === w.id));
  const noBaselineHere = (reason) => ({
    kind: "no-baseline",
    ...base,
    baseline: summary,
    machineDifferences: differences,
    reason,
    notes
  });
  if (pairs.length === 0) {
    return noBaselineHere(
      `no workload in common: the baseline has ${listIds(doc.latest.workloads)}, this run has ${listIds(current.workloads)}`
    );
  }
  const measured = pairs.flatMap((pair2) => measurePair(pair2, history, settings, notes)).map((c) => ({ ...c, rawRatio: view.rawRatio(c.workload, c.threads) }));
  if (!measured.some((c) => isGated(c, settings.gate))) {
    return noBaselineHere(
      `the baseline has none of the cells to gate (${settings.gate === "deployed" ? "each workload's recommended and fastest thread counts" : "common cells"})`
    );
  }
  const changes = measured.filter((c) => isGated(c, settings.gate)).flatMap((c) => c.changes);
  for (const c of measured.filter((m) => m.changes.length > 0 && isGated(m, settings.gate))) {
    const last = c.changes[c.changes.length - 1];
    notes.push(
      `${cellName(c.workload, c.threads)}: judged against the ${c.historyRuns} run${c.historyRuns === 1 ? "" : "s"} of history since its last change point (run ${last.index} of ${last.createdAt.slice(0, 10)}, \xD7${last.ratio.toFixed(3)})`
    );
  }
  const cells = adjustAndDecide(measured, settings);
  if (cells.some((c) => c.unit === "samples")) {
    notes.push(
      "a results file without visit rounds (an older threadgate): its within-run checks count single calls, which overstates their certainty"
    );
  }
  const gated = cells.filter((c) => c.gated);
  const compared = {
    ...base,
    baseline: summary,
    forced: mismatch,
    machineDifferences: differences,
    reason: "",
    notes,
    changes,
    cells,
    maxSlowdown: Math.max(...gated.map((c) => c.ratio - 1)),
    workloadsOnlyInBaseline: onlyBase.map((w) => w.id),
    workloadsOnlyInCurrent: onlyCur.map((w) => w.id)
  };
  return decide(compared, gated);
}
function resolveSettings(opts) {
  const s = {
    threshold: opts.threshold ?? DEFAULT_THRESHOLD,
    confidence: opts.confidence ?? DEFAULT_CONFIDENCE2,
    minHistory: opts.minHistory ?? DEFAULT_MIN_HISTORY,
    coldStartThreshold: opts.coldStartThreshold ?? DEFAULT_COLD_START_THRESHOLD,
    gate: opts.gate ?? DEFAULT_GATE,
    force: opts.force ?? false,
    seed: opts.seed ?? DEFAULT_COMPARE_SEED,
    resamples: opts.resamples ?? DEFAULT_RESAMPLES,
    familySize: opts.familySize ?? null,
    normalize: opts.normalize ?? "auto"
  };
  if (!(s.threshold >= 0 && Number.isFinite(s.threshold))) {
    throw new RangeError(`threshold must be a finite number \u2265 0; got ${String(s.threshold)}`);
  }
  if (!(s.confidence > 0 && s.confidence < 1)) {
    throw new RangeError(`confidence must be in (0, 1); got ${String(s.confidence)}`);
  }
  if (!Number.isInteger(s.minHistory) || s.minHistory < 2) {
    throw new RangeError(`minHistory must be an integer \u2265 2; got ${String(s.minHistory)}`);
  }
  if (s.familySize !== null && !(Number.isInteger(s.familySize) && s.familySize >= 1)) {
    throw new RangeError(`familySize must be an integer \u2265 1; got ${String(s.familySize)}`);
  }
  if (!isGateMode(s.gate)) throw new RangeError(`gate must be one of ${GATE_MODES.join(", ")}`);
  return s;
}
function describeMismatch(doc, current, differences) {
  if (differences.length === 0) {
    return `fingerprint ${doc.fingerprint} \u2260 ${current.machine.fingerprint}, although the recorded machine fields match (the baseline was probably written by another threadgate version)`;
  }
  return differences.map((d) => `${d.field} ${JSON.stringify(d.a)} (baseline) \u2260 ${JSON.stringify(d.b)} (this run)`).join(", ");
}
function listIds(workloads) {
  return workloads.length === 0 ? "none" : workloads.map((w) => w.id).join(", ");
}
function cellHistory(history, workloadId, threads2, from = 0) {
  const medians = [];
  for (const run2 of history.runs.slice(from)) {
    if (run2.kept !== void 0) continue;
    const point = run2.workloads.find((w) => w.id === workloadId)?.points.find((p) => p.threads === threads2);
    if (point !== void 0 && point.medianNs > 0) medians.push(point.medianNs);
  }
  return medians;
}
function deployedRoles(cur, threads2) {
  const roles = [];
  if (cur.recommended.threads === threads2) roles.push("recommended");
  if (cur.fastest.threads === threads2) roles.push("fastest");
  return roles;
}
function isGated(cell, gate) {
  return gate === "all" || cell.gatedAs.length > 0;
}
function measurePair({ base, cur }, doc, settings, notes) {
  const contentChanged = base.contentHash != null && cur.contentHash != null && base.contentHash !== cur.contentHash;
  if (contentChanged) {
    notes.push(`${cur.id}: its content changed since the baseline (compared by name anyway)`);
  }
  const cells = [];
  for (const cp of cur.points) {
    const bp = base.points.find((p) => p.threads === cp.threads);
    if (bp === void 0) continue;
    cells.push({
      ...measureCell(base.id, cp.threads, bp, cp, doc, settings),
      gatedAs: deployedRoles(cur, cp.threads),
      contentChanged
    });
  }
  const missing = base.points.filter((b) => !cur.points.some((c) => c.threads === b.threads));
  if (missing.length > 0) {
    notes.push(
      `${cur.id}: thread counts ${missing.map((p) => p.threads).join(", ")} are in the baseline only`
    );
  }
  return cells;
}
function measureCell(workload, threads2, bp, cp, doc, settings) {
  const bv = visitSummary(bp.samplesNs, bp.rounds);
  const cv = visitSummary(cp.samplesNs, cp.rounds);
  const unit = bp.rounds !== void 0 && cp.rounds !== void 0 ? "visits" : "samples";
  let ci95 = null;
  let pValue = null;
  if (bv.medians.length >= MIN_UNITS && cv.medians.length >= MIN_UNITS) {
    ci95 = bootstrapRatioOfMediansCI(bv.medians, cv.medians, {
      confidence: settings.confidence,
      resamples: settings.resamples,
      seed: cellSeed(settings.seed, workload, threads2)
    }).ci;
    pValue = mannWhitneyU(cv.medians, bv.medians, "greater").p;
  }
  const changes = cellChanges(doc, workload, threads2, { seed: settings.seed });
  const since = changes.length === 0 ? 0 : changes[changes.length - 1].index;
  const history = cellHistory(doc, workload, threads2, since);
  return {
    workload,
    threads: threads2,
    baselineMedianNs: bv.medianNs,
    currentMedianNs: cv.medianNs,
    ratio: cv.medianNs / bv.medianNs,
    ci95,
    ciLevel: settings.confidence,
    unit,
    pValue,
    historyRuns: history.length,
    ciAboveOne: ci95 === null ? null : ci95[0] > 1,
    changes,
    historyLogs: history.length >= settings.minHistory ? history.map(Math.log) : null
  };
}
function adjustAndDecide(measured, s) {
  const gatedAdj = holmWhere(measured, (c) => isGated(c, s.gate), s.familySize);
  const allAdj = holmWhere(measured, () => true);
  const alpha = 1 - s.confidence;
  const withHistory = measured.filter((c) => isGated(c, s.gate) && c.historyLogs).length;
  const family = Math.max(1, s.familySize ?? withHistory);
  return measured.map((c, i) => {
    const gated = isGated(c, s.gate);
    const pAdjusted = (gated ? gatedAdj[i] : allAdj[i]) ?? null;
    const { ciAboveOne, historyLogs, changes, ...rest } = c;
    const level = 1 - alpha / (gated ? family : 1);
    const limit = historyLogs ? robustPredictionUpperLimit(historyLogs, level) : null;
    const predictionLimitRatio = limit === null ? null : Math.exp(limit.limit) / c.baselineMedianNs;
    const beyondHistory = limit === null ? null : Math.log(c.currentMedianNs) > limit.limit;
    const slowdown = c.ratio - 1 >= s.threshold - 1e-12;
    const checks = {
      slowdown,
      ciAboveOne,
      significant: pAdjusted === null ? null : pAdjusted < alpha,
      beyondHistory,
      beyondColdStart: beyondHistory === null ? c.ratio - 1 >= Math.max(s.threshold, s.coldStartThreshold) - 1e-12 : null
    };
    const withinRun = ciAboveOne === true && checks.significant === true;
    let status;
    if (!slowdown) status = "pass";
    else if (beyondHistory === false)
      status = "pass";
    else if (withinRun && (beyondHistory === true || checks.beyondColdStart === true)) {
      status = "regression";
    } else status = "inconclusive";
    return {
      ...rest,
      predictionLimitRatio,
      pAdjusted,
      gated,
      checks,
      status,
      regression: gated && status === "regression"
    };
  });
}
function decide(compared, gated) {
  const s = compared.settings;
  const pct = (x) => `${(x * 100).toFixed(1)} %`;
  const regressions = gated.filter((c) => c.regression);
  const withinNoise = gated.filter((c) => c.checks.slowdown && c.checks.beyondHistory === false);
  const notes = [...compared.notes];
  if (withinNoise.length > 0) {
    notes.push(
      `slower by ${pct(s.threshold)} or more but within the run-to-run noise of the history, so passed: ` + withNoise(withinNoise)
    );
  }
  if (regressions.length > 0) {
    const list3 = regressions.map((c) => `${cellName(c.workload, c.threads)} +${pct(c.ratio - 1)}`).join(", ");
    return {
      ...compared,
      notes,
      kind: "regression",
      regressions,
      reason: `slower beyond the noise: ${list3}`
    };
  }
  const unresolved = gated.filter((c) => c.status === "inconclusive");
  if (unresolved.length > 0) {
    const list3 = unresolved.map((c) => `${cellName(c.workload, c.threads)} +${pct(c.ratio - 1)} (${whyNot(c, s)})`).join("; ");
    return {
      ...compared,
      notes,
      kind: "inconclusive",
      unresolved,
      reason: `slower by at least ${pct(s.threshold)} but not clearly beyond the noise: ${list3}`
    };
  }
  return {
    ...compared,
    notes,
    kind: "pass",
    reason: `no gated cell is ${pct(s.threshold)} or more slower beyond the noise (largest change ${compared.maxSlowdown >= 0 ? "+" : "\u2212"}${pct(Math.abs(compared.maxSlowdown))})`
  };
}
function withNoise(cells) {
  return cells.map(
    (c) => `${cellName(c.workload, c.threads)} +${((c.ratio - 1) * 100).toFixed(1)} % (limit \xD7${c.predictionLimitRatio?.toFixed(3) ?? "?"} from ${c.historyRuns} runs)`
  ).join(", ");
}
function whyNot(c, s) {
  const reasons = [];
  if (c.checks.ciAboveOne === null) reasons.push(`fewer than ${MIN_UNITS} ${c.unit} per side`);
  else if (!c.checks.ciAboveOne)
    reasons.push(`the ${formatLevel(c.ciLevel)} CI of the ratio includes 1`);
  if (c.checks.significant === false) {
    reasons.push(
      `adjusted p = ${c.pAdjusted?.toPrecision(2) ?? "?"} \u2265 ${(1 - s.confidence).toPrecision(2)}`
    );
  }
  if (c.checks.beyondHistory === false && c.predictionLimitRatio !== null) {
    reasons.push(
      `within the spread of ${c.historyRuns} baseline runs: limit \xD7${c.predictionLimitRatio.toFixed(3)}`
    );
  }
  if (c.checks.beyondColdStart === false) {
    const why = c.historyRuns >= s.minHistory ? `the ${c.historyRuns} runs of history have no spread (more than half gave the same median)` : `only ${c.historyRuns} run${c.historyRuns === 1 ? "" : "s"} of history`;
    reasons.push(
      `${why}: below ${s.minHistory} usable runs only a slowdown \u2265 ${(Math.max(s.threshold, s.coldStartThreshold) * 100).toFixed(0)} % counts`
    );
  }
  return reasons.join(", ") || "all conditions met";
}
var DEFAULT_THRESHOLD, DEFAULT_CONFIDENCE2, DEFAULT_MIN_HISTORY, DEFAULT_COLD_START_THRESHOLD, MIN_UNITS, DEFAULT_GATE;
var init_compare = __esm({
  "src/analysis/compare.ts"() {
    "use strict";
    init_fingerprint();
    init_stats();
    init_comparison();
    init_changes();
    init_throughput();
    init_normalize();
    init_visits();
    init_comparison();
    init_limits();
    DEFAULT_THRESHOLD = 0.15;
    DEFAULT_CONFIDENCE2 = 0.99;
    DEFAULT_MIN_HISTORY = 5;
    DEFAULT_COLD_START_THRESHOLD = 0.25;
    MIN_UNITS = 5;
    DEFAULT_GATE = "all";
  }
});

// src/analysis/same-job.ts
function cellKey(workload, threads2) {
  return `${workload}@${threads2}`;
}
function resolve(opts) {
  const threshold = opts.threshold ?? DEFAULT_SAME_JOB_THRESHOLD;
  const confidence = opts.confidence ?? DEFAULT_SAME_JOB_CONFIDENCE;
  const gate = opts.gate ?? DEFAULT_SAME_JOB_GATE;
  if (!(threshold >= 0 && Number.isFinite(threshold))) {
    throw new RangeError(`threshold must be a finite number \u2265 0; got ${String(threshold)}`);
  }
  if (!(confidence > 0 && confidence < 1)) {
    throw new RangeError(`confidence must be in (0, 1); got ${String(confidence)}`);
  }
  if (!isGateMode(gate)) throw new RangeError(`gate must be one of ${GATE_MODES.join(", ")}`);
  if (!(opts.spend > 0 && opts.spend <= 1)) {
    throw new RangeError(`spend must be in (0, 1]; got ${String(opts.spend)}`);
  }
  return { threshold, confidence, gate, tolerance: opts.tolerance ?? DEFAULT_TOLERANCE };
}
function pooledDeployed(pooled, tolerance, maxThreads = Infinity) {
  if (pooled.length === 0) return null;
  const r = recommendForWorkload(pooled, tolerance, maxThreads);
  return { recommended: r.recommended, fastest: r.fastest };
}
function decideLook(workloads, opts) {
  const { threshold, confidence, gate, tolerance } = resolve(opts);
  const rows = workloads.flatMap((w) => {
    const deployed = pooledDeployed(w.pooled, tolerance, opts.maxThreads);
    return w.cells.map((c) => {
      const gatedAs = [];
      if (deployed?.recommended === c.threads) gatedAs.push("recommended");
      if (deployed?.fastest === c.threads) gatedAs.push("fastest");
      const pairs = c.blocks.filter((b) => b !== null);
      return {
        workload: w.id,
        threads: c.threads,
        duet: c.duet === true,
        gatedAs,
        gated: gate === "all" || gatedAs.length > 0,
        logs: pairs.map(([b, h]) => Math.log(h / b)),
        baseMedianNs: pairs.length ? median2(pairs.map((p) => p[0])) : NaN,
        headMedianNs: pairs.length ? median2(pairs.map((p) => p[1])) : NaN
      };
    });
  });
  const gatedCount = rows.filter((r) => r.gated).length;
  const alpha = (1 - confidence) * opts.spend;
  const gatedCiLevel = 1 - alpha / Math.max(1, gatedCount);
  const bar = Math.log(1 + threshold);
  const warnings = [];
  const notes = [];
  let decided = true;
  const cells = rows.map((r) => {
    const earlier = opts.decidedAt?.get(cellKey(r.workload, r.threads));
    const cellAlpha = earlier === void 0 ? alpha : (1 - confidence) * earlier;
    const ciLevel = r.gated ? 1 - cellAlpha / Math.max(1, gatedCount) : 1 - cellAlpha;
    const n = r.logs.length;
    const mean3 = n > 0 ? r.logs.reduce((a, b) => a + b, 0) / n : NaN;
    let ci = null;
    let pValue = null;
    let status = "inconclusive";
    if (n >= MIN_BLOCKS) {
      const t = tInterval(r.logs, ciLevel);
      ci = [Math.exp(t.ci[0]), Math.exp(t.ci[1])];
      pValue = tTestGreater(r.logs);
      if (t.ci[0] > bar && mean3 >= bar - 1e-12) status = "regression";
      else if (t.ci[1] < bar) status = "pass";
    }
    let undecided = false;
    if (r.gated && status === "inconclusive") {
      decided = false;
      if (opts.final) {
        status = "pass";
        undecided = true;
        const line = undecidedText(
          r.workload,
          r.threads,
          n,
          Math.exp(mean3),
          ci,
          ciLevel,
          threshold
        );
        if (ci !== null && ci[0] <= 1) notes.push(`${line}; no evidence of a slowdown: passed`);
        else warnings.push(`${line}; passed with a warning`);
      }
    }
    return {
      workload: r.workload,
      threads: r.threads,
      duet: r.duet,
      gated: r.gated,
      gatedAs: r.gatedAs,
      blocks: n,
      ratio: Math.exp(mean3),
      ci,
      ciLevel,
      pValue,
      status,
      undecided,
      baseMedianNs: r.baseMedianNs,
      headMedianNs: r.headMedianNs
    };
  });
  return { cells, decided, gatedCount, gatedCiLevel, warnings, notes };
}
function undecidedText(workload, threads2, blocks, ratio, ci, level, threshold) {
  const what = ci === null ? `only ${blocks} block${blocks === 1 ? "" : "s"} of sessions (fewer than ${MIN_BLOCKS}), no CI` : `ratio \xD7${ratio.toFixed(3)}, ${formatLevel(level)} CI \xD7${ci[0].toFixed(3)}\u2013\xD7${ci[1].toFixed(3)} includes the threshold \xD7${(1 + threshold).toFixed(3)}`;
  return `${cellName(workload, threads2)}: undecided after ${blocks} block${blocks === 1 ? "" : "s"} of sessions (${what})`;
}
function compareSameJob(workloads, opts) {
  const { threshold, confidence, gate } = resolve(opts);
  const settings = {
    threshold,
    confidence,
    minHistory: DEFAULT_MIN_HISTORY,
    coldStartThreshold: threshold,
    gate,
    force: false,
    seed: DEFAULT_COMPARE_SEED,
    resamples: DEFAULT_RESAMPLES,
    familySize: null,
    normalize: "none"
    // base and head share the runner
  };
  const decision = decideLook(workloads, opts);
  const notes = [
    `the baseline (${opts.baseDescription}) was measured in this job, interleaved with the head` + (opts.blocks !== void 0 ? ` in ${opts.blocks} block${opts.blocks === 1 ? "" : "s"} of freshly opened sessions` : "") + (opts.looks !== void 0 ? `, decided at look ${opts.looks}` : "") + "; each ratio is the mean over blocks of log(head / base), with a t interval over blocks"
  ];
  for (const w of workloads) {
    if (w.baseId !== void 0 && w.baseId !== w.id) {
      notes.push(`${w.id}: the base was measured as ${w.baseId}`);
    }
    if (w.headContentHash != null && w.baseContentHash != null && w.headContentHash !== w.baseContentHash) {
      notes.push(`${w.id}: the base and the head differ in content`);
    }
  }
  if (decision.gatedCount > 0) {
    notes.push(
      `the gated cells' intervals are at ${formatLevel(decision.gatedCiLevel)}: ${formatLevel(confidence)} for all gated cells and looks together (Bonferroni over ${decision.gatedCount} cell${decision.gatedCount === 1 ? "" : "s"}, \u03B1 spent over the planned looks)`
    );
  }
  const duets = decision.cells.filter((c) => c.duet);
  if (duets.length > 0) {
    notes.push(
      `${duetText(duets.map((c) => c.threads))} (base and head at the same time on disjoint pinned CPU sets, sides swapped at random per block; per block the median over paired windows of log(head / base))`
    );
  } else if (opts.noDuet !== void 0) {
    notes.push(`no cell measured as a duet: ${opts.noDuet}`);
  }
  if (opts.decidedAt !== void 0 && opts.decidedAt.size > 0 && decision.cells.length > 1) {
    notes.push(
      "after a look, later blocks measured only the cells still undecided (a decided cell keeps its decision)"
    );
  }
  notes.push(...decision.notes);
  notes.push(...decision.warnings.map((w) => `warning: ${w}`));
  const baseline = {
    source: `same job: ${opts.baseDescription}`,
    fingerprint: opts.fingerprint,
    runs: 1,
    latestCreatedAt: opts.createdAt
  };
  const common = {
    settings,
    current: { fingerprint: opts.fingerprint, createdAt: opts.createdAt },
    machineDifferences: [],
    notes,
    changes: []
  };
  if (decision.gatedCount === 0) {
    return {
      decision,
      comparison: {
        kind: "no-baseline",
        ...common,
        baseline,
        reason: "the base and the head have no thread count in common to gate"
      }
    };
  }
  const pAdj = holmWhere(decision.cells, (c) => c.gated);
  const pAll = holmWhere(decision.cells, () => true);
  const contentChanged = new Set(
    workloads.filter(
      (w) => w.headContentHash != null && w.baseContentHash != null && w.headContentHash !== w.baseContentHash
    ).map((w) => w.id)
  );
  const cells = decision.cells.map((d, i) => {
    const checks = {
      slowdown: d.ratio - 1 >= threshold - 1e-12,
      ciAboveOne: d.ci === null ? null : d.ci[0] > 1,
      significant: d.pValue === null ? null : (d.gated ? pAdj[i] : pAll[i]) < 1 - confidence,
      beyondHistory: null,
      beyondColdStart: null
    };
    return {
      workload: d.workload,
      threads: d.threads,
      baselineMedianNs: d.baseMedianNs,
      currentMedianNs: d.headMedianNs,
      ratio: d.ratio,
      ci95: d.ci,
      ciLevel: d.ciLevel,
      unit: "sessions",
      pValue: d.pValue,
      pAdjusted: (d.gated ? pAdj[i] : pAll[i]) ?? null,
      historyRuns: 1,
      predictionLimitRatio: null,
      gated: d.gated,
      gatedAs: d.gatedAs,
      checks,
      status: d.status,
      regression: d.gated && d.status === "regression",
      contentChanged: contentChanged.has(d.workload),
      ...d.duet ? { duet: true } : {}
    };
  });
  const gated = cells.filter((c) => c.gated);
  const compared = {
    ...common,
    baseline,
    forced: false,
    cells,
    maxSlowdown: Math.max(...gated.map((c) => c.ratio - 1)),
    workloadsOnlyInBaseline: [],
    workloadsOnlyInCurrent: []
  };
  const pct = (x) => `${(x * 100).toFixed(1)} %`;
  const regressions = gated.filter((c) => c.regression);
  if (regressions.length > 0) {
    const list3 = regressions.map((c) => `${cellName(c.workload, c.threads)} +${pct(c.ratio - 1)}`).join(", ");
    return {
      decision,
      comparison: {
        ...compared,
        kind: "regression",
        regressions,
        reason: `slower than the base by more than ${pct(threshold)} (measured in the same job): ${list3}`
      }
    };
  }
  const unresolved = gated.filter((c) => c.status === "inconclusive");
  if (unresolved.length > 0) {
    const list3 = unresolved.map(
      (c) => c.ci95 === null ? `${cellName(c.workload, c.threads)} \xD7${c.ratio.toFixed(3)} (too few blocks for a CI)` : `${cellName(c.workload, c.threads)} \xD7${c.ratio.toFixed(3)} (CI \xD7${c.ci95[0].toFixed(3)}\u2013\xD7${c.ci95[1].toFixed(3)})`
    ).join("; ");
    return {
      decision,
      comparison: {
        ...compared,
        kind: "inconclusive",
        unresolved,
        reason: `not yet clear whether slower than the base by ${pct(threshold)}: ${list3}`
      }
    };
  }
  const undecided = decision.cells.filter((d) => d.undecided);
  const warned = undecided.filter((d) => d.ci === null || d.ci[0] > 1).length;
  const noted = undecided.length - warned;
  const cellsWere = (n) => `${n} cell${n === 1 ? " was" : "s were"}`;
  const largest = compared.maxSlowdown;
  return {
    decision,
    comparison: {
      ...compared,
      kind: "pass",
      reason: `no gated cell is ${pct(threshold)} or more slower than the base measured in this job (largest change ${largest >= 0 ? "+" : "\u2212"}${pct(Math.abs(largest))})` + (warned > 0 ? `; ${cellsWere(warned)} still undecided and passed with a warning` : "") + (noted > 0 ? `; ${cellsWere(noted)} undecided inside the noise (no evidence of a slowdown): see the notes` : "")
    }
  };
}
function lookSchedule(maxBlocks) {
  const last = Math.max(MIN_BLOCKS, Math.floor(maxBlocks));
  const at = [];
  for (let b = MIN_BLOCKS; b < last; b = Math.max(b + 1, Math.round(b * 1.4))) at.push(b);
  at.push(last);
  return at.map((b, j) => ({ blocks: b, spend: (b - (j === 0 ? 0 : at[j - 1])) / last }));
}
function duetText(threads2) {
  const t = [...new Set(threads2)].sort((a, b) => a - b);
  const list3 = t.length <= 1 ? t.join("") : `${t.slice(0, -1).join(", ")} and ${t.at(-1)}`;
  return `measured as duets: ${list3} thread${t.length === 1 && t[0] === 1 ? "" : "s"}`;
}
function replanLooks(done, spent, maxBlocks) {
  const left = Math.max(0, 1 - spent);
  const rest = lookSchedule(Math.max(maxBlocks, done + 1)).filter((l) => l.blocks > done);
  const total = rest.reduce((a, l) => a + l.spend, 0);
  return rest.map((l) => ({ blocks: l.blocks, spend: Math.max(1e-12, l.spend / total * left) }));
}
var DEFAULT_SAME_JOB_THRESHOLD, DEFAULT_SAME_JOB_CONFIDENCE, DEFAULT_SAME_JOB_GATE, MIN_BLOCKS;
var init_same_job = __esm({
  "src/analysis/same-job.ts"() {
    "use strict";
    init_recommend();
    init_comparison();
    init_compare();
    init_stats();
    DEFAULT_SAME_JOB_THRESHOLD = 0.05;
    DEFAULT_SAME_JOB_CONFIDENCE = 0.95;
    DEFAULT_SAME_JOB_GATE = "all";
    MIN_BLOCKS = 4;
  }
});

// src/measure/sweep.ts
function threadsOf(workload, threads2) {
  return workload.threadCounts ?? threads2;
}
function relativeHalfWidth(samples) {
  if (samples.length < 2) return Infinity;
  const [lo, hi] = medianCIOrderStat(samples, 0.95);
  const m = median2(samples);
  return m > 0 ? (hi - lo) / 2 / m : Infinity;
}
async function sweep(workloads, options) {
  const now = options.now ?? (() => performance.now());
  const start = options.startMs ?? now();
  const budgetMs = options.maxTimeSec * 1e3;
  const deadline = start + budgetMs;
  const minVisits = options.minVisits ?? DEFAULT_MIN_VISITS;
  const maxSamples = options.maxSamples ?? 5e3;
  const visitNs = (options.visitMs ?? 30) * 1e6;
  const rand = mulberry32(options.seed);
  const minWarmupMs = options.minWarmupMs ?? MIN_WARMUP_MS;
  const cells = workloads.flatMap(
    (workload) => threadsOf(workload, options.threads).map((threads2) => ({ workload, threads: threads2 }))
  ).map(({ workload, threads: threads2 }, i) => ({
    workload,
    threads: threads2,
    runner: null,
    samples: [],
    rounds: [],
    callNs: options.callNsHints?.[i] ?? 0,
    warmupCalls: 0,
    visitMedians: [],
    converged: false,
    skipped: null
  }));
  let round3 = 0;
  const left = () => deadline - now();
  const visitPlan = (cell) => {
    const ns2 = cell.workload.visitMs !== void 0 ? cell.workload.visitMs * 1e6 : visitNs;
    const calls = Math.max(1, Math.min(50, Math.round(ns2 / Math.max(1, cell.callNs))));
    const discard = cell.callNs < SHORT_CALL_NS ? 1 : 0;
    return { calls, discard, ms: (calls + discard) * cell.callNs / 1e6 };
  };
  const progress = (phase) => options.onProgress?.({
    phase,
    elapsedSec: (now() - start) / 1e3,
    budgetSec: options.maxTimeSec,
    cellsDone: cells.filter((c) => c.converged).length,
    cellsTotal: cells.length,
    round: round3
  });
  const skip = (cell, reason) => {
    cell.skipped ??= reason;
  };
  try {
    progress("warmup");
    const openOrder = [...cells];
    for (let i = openOrder.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [openOrder[i], openOrder[j]] = [openOrder[j], openOrder[i]];
    }
    for (const [i, cell] of openOrder.entries()) {
      if (left() <= 0) {
        skip(cell, "the budget ran out before its session was opened");
        continue;
      }
      progress("open");
      cell.runner = await cell.workload.open(cell.threads);
      const warmCapMs = Math.max(50, left() / 4 / (cells.length - i));
      if (cell.workload.warmupCalls !== void 0) {
        if (cell.callNs > 0) continue;
        const calls = Math.max(1, cell.workload.warmupCalls);
        const t = now();
        for (let j = 0; j < calls; j++) {
          if (j > 0 && left() < cell.callNs / 1e6) break;
          await cell.runner.call();
          cell.warmupCalls++;
          cell.callNs = (now() - t) * 1e6 / cell.warmupCalls;
        }
        continue;
      }
      const cellStart = now();
      let previous = Infinity;
      let out = false;
      while (!out) {
        const block = [];
        const t = now();
        for (let j = 0; j < WARMUP_BLOCK; j++) {
          if (cell.warmupCalls > 0 && left() < cell.callNs / 1e6) {
            out = true;
            break;
          }
          block.push(await cell.runner.call());
          cell.warmupCalls++;
          cell.callNs = (now() - t) * 1e6 / block.length;
        }
        if (out || block.length < WARMUP_BLOCK) break;
        const m = median2(block);
        const steady = Math.abs(m - previous) / previous <= 0.05;
        previous = m;
        const spent = now() - cellStart;
        if (steady && spent >= Math.min(minWarmupMs, warmCapMs) || spent >= warmCapMs) break;
      }
    }
    progress("measure");
    let stoppedBy = "precision";
    for (; ; ) {
      const live2 = cells.filter(
        (c) => c.runner !== null && c.skipped === null && c.samples.length < maxSamples
      );
      const done = (c) => c.converged || c.workload.alongside === true && c.visitMedians.length >= minVisits;
      if (live2.length === 0 || !options.stopWhen && live2.every(done)) break;
      const active = [...live2];
      const roundMs = active.reduce((sum2, c) => sum2 + visitPlan(c).ms, 0);
      if (round3 > 0 && now() + roundMs > deadline) {
        stoppedBy = "budget";
        break;
      }
      round3++;
      for (let i = active.length - 1; i > 0; i--) {
        const j = Math.floor(rand() * (i + 1));
        [active[i], active[j]] = [active[j], active[i]];
      }
      let overran = false;
      for (const cell of active) {
        const { calls, discard, ms } = visitPlan(cell);
        if (now() + ms > deadline) {
          overran = true;
          if (cell.samples.length === 0) skip(cell, "the budget ran out before its first visit");
          continue;
        }
        const t = now();
        for (let i = 0; i < discard; i++) await cell.runner.call();
        const ops = cell.workload.opsPerCall;
        const runner = cell.runner;
        if (runner.callMany) {
          for (const ns2 of await runner.callMany(calls)) {
            cell.samples.push(ns2 / ops);
            cell.rounds.push(round3);
          }
        } else {
          for (let i = 0; i < calls; i++) {
            const ns2 = await runner.call();
            cell.samples.push(ns2 / ops);
            cell.rounds.push(round3);
          }
        }
        cell.callNs = (now() - t) * 1e6 / (calls + discard);
        cell.visitMedians.push(median2(cell.samples.slice(-calls)));
      }
      for (const cell of active) {
        if (!cell.converged && cell.visitMedians.length >= minVisits && relativeHalfWidth(cell.visitMedians) <= options.targetPrecision) {
          cell.converged = true;
        }
      }
      progress("measure");
      if (overran) {
        stoppedBy = "budget";
        break;
      }
      if (options.stopWhen?.(snapshot(), round3)) break;
    }
    for (const cell of cells) {
      if (cell.samples.length === 0) skip(cell, "the budget ran out before its first visit");
    }
    return {
      workloads: snapshot(),
      elapsedSec: (now() - start) / 1e3,
      rounds: round3,
      stoppedBy,
      callNs: cells.map((c) => c.callNs),
      skipped: cells.filter((c) => c.skipped !== null).map((c) => ({ workload: c.workload.id, threads: c.threads, reason: c.skipped }))
    };
  } finally {
    progress("done");
    for (const cell of cells) await cell.runner?.close();
  }
  function snapshot() {
    return workloads.map((workload) => ({
      workload,
      cells: cells.filter((c) => c.workload === workload).map((c) => ({
        threads: c.threads,
        samplesNs: c.samples,
        rounds: c.rounds,
        converged: c.converged,
        warmupCalls: c.warmupCalls,
        visits: c.visitMedians.length
      }))
    }));
  }
}
var WARMUP_BLOCK, MIN_WARMUP_MS, SHORT_CALL_NS, DEFAULT_MIN_VISITS;
var init_sweep = __esm({
  "src/measure/sweep.ts"() {
    "use strict";
    init_stats();
    init_random();
    WARMUP_BLOCK = 5;
    MIN_WARMUP_MS = 200;
    SHORT_CALL_NS = 1e7;
    DEFAULT_MIN_VISITS = 8;
  }
});

// src/workloads/child-process.ts
import { spawnSync as spawnSync2 } from "node:child_process";
import { readdirSync, readFileSync as readFileSync3 } from "node:fs";
function nextMarker() {
  return `${process.pid}.${++runCounter}`;
}
function killMarked(marker) {
  if (process.platform !== "linux") return;
  const needle = Buffer.from(`${MARKER_ENV}=${marker}\0`);
  let pids;
  try {
    pids = readdirSync("/proc").filter((p) => /^\d+$/.test(p) && Number(p) !== process.pid);
  } catch {
    return;
  }
  for (const pid of pids) {
    try {
      if (readFileSync3(`/proc/${pid}/environ`).includes(needle))
        process.kill(Number(pid), "SIGKILL");
    } catch {
    }
  }
}
function lastLines(text2, n = TAIL_LINES) {
  const lines = text2.replace(/\s+$/, "").split(/\r?\n/);
  return lines.slice(-n).map((line) => {
    const clean = plainText(line, Infinity);
    if (clean.length <= MAX_LINE_CHARS) return clean;
    const half = Math.floor((MAX_LINE_CHARS - 20) / 2);
    return `${clean.slice(0, half)} \u2026 [${clean.length - 2 * half} characters cut] \u2026 ${clean.slice(-half)}`;
  }).join("\n");
}
function untrack(child) {
  live.delete(child);
}
function killTree(child, signal) {
  const pid = child.pid;
  if (pid === void 0) return;
  try {
    if (process.platform === "win32") {
      spawnSync2("taskkill", ["/pid", String(pid), "/T", "/F"], {
        stdio: "ignore",
        env: childEnv()
      });
    } else {
      process.kill(-pid, signal);
    }
  } catch {
  }
}
function track(child) {
  live.add(child);
  if (!exitHookInstalled) {
    exitHookInstalled = true;
    process.once("exit", () => {
      for (const c of live) killTree(c, "SIGKILL");
    });
  }
}
var TAIL_LINES, KEEP_BYTES, MARKER_ENV, runCounter, MAX_LINE_CHARS, Tail, live, exitHookInstalled;
var init_child_process = __esm({
  "src/workloads/child-process.ts"() {
    "use strict";
    init_child_env();
    init_text();
    TAIL_LINES = 20;
    KEEP_BYTES = 1 << 20;
    MARKER_ENV = "THREADGATE_RUN";
    runCounter = 0;
    MAX_LINE_CHARS = 300;
    Tail = class {
      chunks = [];
      size = 0;
      push(chunk) {
        this.chunks.push(chunk);
        this.size += chunk.length;
        while (this.size - this.chunks[0].length >= KEEP_BYTES) {
          this.size -= this.chunks.shift().length;
        }
      }
      text() {
        return Buffer.concat(this.chunks).toString("utf8");
      }
    };
    live = /* @__PURE__ */ new Set();
    exitHookInstalled = false;
  }
});

// src/workloads/command.ts
import { spawn } from "node:child_process";
function parseThreadEnv(text2, input = "--thread-env") {
  const expected = "a comma-separated list of environment variable names, e.g. OMP_NUM_THREADS,MKL_NUM_THREADS";
  const names = text2.split(/[,\s]+/).map((s) => s.trim()).filter((s) => s.length > 0);
  if (names.length === 0) throw invalid(input, text2, expected);
  const bad = names.find((n) => !ENV_NAME.test(n));
  if (bad !== void 0) {
    throw new InputError(
      `${input}: got ${JSON.stringify(text2)}; "${bad}" is not an environment variable name; expected ${expected}`
    );
  }
  return [...new Set(names)];
}
function groupCount(re) {
  return new RegExp(`${re.source}|`, re.flags).exec("").length - 1;
}
function parseMetric(regex2, unit, input = "--metric", unitInput = `${input}-unit`) {
  if (!METRIC_UNITS.includes(unit)) {
    throw invalid(unitInput, unit, `one of ${METRIC_UNITS.join(", ")}`);
  }
  const expected = "a regular expression whose first capture group is the number, e.g. latency_ms=([0-9.]+)";
  if (regex2.trim().length === 0) throw invalid(input, regex2, expected);
  let re;
  try {
    re = new RegExp(regex2);
  } catch (e) {
    throw new InputError(
      `${input}: got ${JSON.stringify(regex2)}; it does not compile (${describeError(e)}); expected ${expected}`
    );
  }
  if (groupCount(re) < 1) {
    throw new InputError(
      `${input}: got ${JSON.stringify(regex2)}; it has no capture group; expected ${expected}`
    );
  }
  return { regex: regex2, unit };
}
function metricName(regex2) {
  const named = /\(\?<([A-Za-z_$][\w$]*)>/.exec(regex2)?.[1];
  if (named) return named;
  const prefix2 = /^\^?([A-Za-z_][\w .-]*?)\s*[:=]?\s*(?:\\s[*+]?)?\(/.exec(regex2)?.[1]?.trim();
  return prefix2 ? prefix2 : `/${regex2}/`;
}
function createCommandWorkload(spec) {
  const command = spec.command.trim();
  if (command.length === 0) throw invalid("--command", spec.command, "a command to run");
  if (`command:${command}`.length > LIMITS.idChars) {
    throw invalid(
      "--command",
      `${command.slice(0, 60)}\u2026`,
      `a command of at most ${LIMITS.idChars - "command:".length} characters (it names the workload in every results file)`
    );
  }
  const threadEnv2 = spec.threadEnv ?? DEFAULT_THREAD_ENV;
  if (threadEnv2.length === 0 || threadEnv2.some((n) => !ENV_NAME.test(n))) {
    throw invalid(
      "--thread-env",
      threadEnv2.join(","),
      "a comma-separated list of environment variable names"
    );
  }
  const timeoutSec = spec.timeoutSec ?? DEFAULT_TIMEOUT_SEC;
  if (!(timeoutSec > 0))
    throw invalid("--timeout", String(timeoutSec), "a positive number of seconds");
  const warmupRuns = spec.warmupRuns ?? DEFAULT_WARMUP_RUNS;
  if (!Number.isInteger(warmupRuns) || warmupRuns < 0) {
    throw invalid("--warmup-runs", String(warmupRuns), "a non-negative integer");
  }
  const metric = spec.metric;
  const metricRe = metric ? new RegExp(metric.regex, "gm") : void 0;
  const baseEnv = childEnv(spec.env ?? process.env);
  function run2(threads2, pin) {
    const where = `${threadEnv2[0]}=${threads2}`;
    const fail = (why, detail = "") => new WorkloadError(`command "${command}" failed at ${where}: ${why}${detail}`);
    const env = { ...baseEnv };
    for (const name of threadEnv2) env[name] = String(threads2);
    const marker = nextMarker();
    env[MARKER_ENV] = marker;
    return new Promise((resolve2, reject) => {
      const stdout = new Tail();
      const stderr = new Tail();
      let timedOut = false;
      let settled = false;
      let killTimer;
      let pipeTimer;
      const t0 = process.hrtime.bigint();
      let t1;
      const pinned = pin ? pinnedShell(pin, command) : null;
      const child = spawn(pinned ? pinned.file : command, pinned ? pinned.args : [], {
        shell: pinned === null,
        cwd: spec.cwd,
        env,
        stdio: ["ignore", "pipe", "pipe"],
        detached: process.platform !== "win32",
        windowsHide: true
      });
      track(child);
      child.stdout.on("data", (c) => stdout.push(c));
      child.stderr.on("data", (c) => stderr.push(c));
      const timer = setTimeout(() => {
        timedOut = true;
        killTree(child, "SIGTERM");
        killTimer = setTimeout(() => killTree(child, "SIGKILL"), KILL_GRACE_MS);
      }, timeoutSec * 1e3);
      const done = () => {
        clearTimeout(timer);
        if (killTimer) clearTimeout(killTimer);
        if (pipeTimer) clearTimeout(pipeTimer);
        untrack(child);
      };
      const finish = (code, signal) => {
        if (settled) return;
        settled = true;
        const end = t1 ?? process.hrtime.bigint();
        done();
        if (process.platform !== "win32" || timedOut) killTree(child, "SIGKILL");
        killMarked(marker);
        const err = lastLines(stderr.text());
        const detail = err ? `
last lines of stderr:
${err}` : "";
        if (timedOut) {
          reject(fail(`timed out after ${timeoutSec} s (process group killed)`, detail));
        } else if (signal) {
          reject(fail(`killed by signal ${signal}`, detail));
        } else if (code !== 0) {
          reject(fail(`exit code ${code}`, detail));
        } else {
          resolve2({ wallNs: Number(end - t0), stdout: stdout.text() });
        }
      };
      child.once("exit", (code, signal) => {
        t1 = process.hrtime.bigint();
        pipeTimer = setTimeout(() => {
          killMarked(marker);
          child.stdout?.destroy();
          child.stderr?.destroy();
          finish(code, signal);
        }, PIPE_GRACE_MS);
      });
      child.once("error", (e) => {
        if (settled) return;
        settled = true;
        done();
        reject(fail(`could not start: ${describeError(e)}`));
      });
      child.once("close", (code, signal) => finish(code, signal));
    });
  }
  function sample(threads2, out) {
    if (!metric || !metricRe) return out.wallNs;
    const where = `${threadEnv2[0]}=${threads2}`;
    let last;
    metricRe.lastIndex = 0;
    for (const m of out.stdout.matchAll(metricRe)) last = m;
    const text2 = last?.[1];
    const shownOut = lastLines(out.stdout);
    const outTail = shownOut ? `
last lines of stdout:
${shownOut}` : " (stdout was empty)";
    if (last === void 0 || text2 === void 0) {
      throw new WorkloadError(
        `command "${command}" at ${where}: the metric regex /${metric.regex}/ matched nothing in its output${outTail}`
      );
    }
    const value = Number(text2.trim());
    if (!Number.isFinite(value) || value <= 0 || text2.trim() === "") {
      throw new WorkloadError(
        `command "${command}" at ${where}: the metric regex /${metric.regex}/ captured ${JSON.stringify(text2.slice(0, 80))}, which is not a positive number (a latency)${outTail}`
      );
    }
    const ns2 = value * NS_PER[metric.unit];
    if (!(ns2 <= LIMITS.maxNs)) {
      throw new WorkloadError(
        `command "${command}" at ${where}: the metric regex /${metric.regex}/ captured ${JSON.stringify(text2.slice(0, 80))} ${metric.unit}, which is over ${LIMITS.maxNs} ns (11.6 days); expected a latency in ${metric.unit}${outTail}`
      );
    }
    return ns2;
  }
  return {
    id: `command:${command}`,
    kind: "command",
    label: command,
    opsPerCall: 1,
    flopsPerOp: null,
    metric: {
      name: metric ? metricName(metric.regex) : "wall time per run",
      unit: "ns"
    },
    contentHash: null,
    warmupCalls: warmupRuns,
    details: {
      command,
      threadEnv: [...threadEnv2],
      timeoutSec,
      warmupRuns,
      ...metric ? { metric: { regex: metric.regex, unit: metric.unit } } : {},
      ...spec.cwd !== void 0 ? { cwd: spec.cwd } : {}
    },
    open(threads2) {
      if (!Number.isInteger(threads2) || threads2 < 1) {
        return Promise.reject(new RangeError(`threads must be an integer \u2265 1, got ${threads2}`));
      }
      return Promise.resolve({
        call: async () => sample(threads2, await run2(threads2)),
        close: () => Promise.resolve()
      });
    },
    openPinned(threads2, pin) {
      if (!Number.isInteger(threads2) || threads2 < 1) {
        return Promise.reject(new RangeError(`threads must be an integer \u2265 1, got ${threads2}`));
      }
      return Promise.resolve({
        call: async () => sample(threads2, await run2(threads2, pin)),
        close: () => Promise.resolve()
      });
    }
  };
}
var DEFAULT_THREAD_ENV, DEFAULT_TIMEOUT_SEC, DEFAULT_WARMUP_RUNS, METRIC_UNITS, NS_PER, KILL_GRACE_MS, PIPE_GRACE_MS, ENV_NAME;
var init_command = __esm({
  "src/workloads/command.ts"() {
    "use strict";
    init_limits();
    init_affinity();
    init_errors();
    init_child_env();
    init_child_process();
    DEFAULT_THREAD_ENV = [
      "OMP_NUM_THREADS",
      "MKL_NUM_THREADS",
      "OPENBLAS_NUM_THREADS",
      "ORT_INTRA_OP_NUM_THREADS"
    ];
    DEFAULT_TIMEOUT_SEC = 120;
    DEFAULT_WARMUP_RUNS = 1;
    METRIC_UNITS = ["ns", "us", "ms", "s"];
    NS_PER = { ns: 1, us: 1e3, ms: 1e6, s: 1e9 };
    KILL_GRACE_MS = 2e3;
    PIPE_GRACE_MS = 500;
    ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
  }
});

// src/workloads/worker.ts
import { spawn as spawn2 } from "node:child_process";
import { existsSync as existsSync2 } from "node:fs";
import path2 from "node:path";
import { fileURLToPath } from "node:url";
function helperDir() {
  let dir = path2.dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++) {
    if (existsSync2(path2.join(dir, "python", "threadgate_worker.py")))
      return path2.join(dir, "python");
    dir = path2.dirname(dir);
  }
  throw new WorkloadError(
    "the Python worker helper (python/threadgate_worker.py) is missing from this threadgate installation"
  );
}
function createWorkerWorkload(spec, identity) {
  const command = spec.command.trim();
  if (command.length === 0)
    throw invalid("--worker", spec.command, "a command that starts a worker");
  if (`worker:${command}`.length > LIMITS.idChars) {
    throw invalid(
      "--worker",
      `${command.slice(0, 60)}\u2026`,
      `a command of at most ${LIMITS.idChars - "worker:".length} characters (it names the workload in every results file)`
    );
  }
  const threadEnv2 = spec.threadEnv ?? DEFAULT_THREAD_ENV;
  const timeoutSec = spec.timeoutSec ?? DEFAULT_WORKER_TIMEOUT_SEC;
  if (!(timeoutSec > 0))
    throw invalid("--timeout", String(timeoutSec), "a positive number of seconds");
  const baseEnv = childEnv(spec.env ?? process.env);
  const shown = identity ? identity.label : `worker "${command}"`;
  let engine = null;
  const reported = /* @__PURE__ */ new Map();
  const workload = {
    id: identity?.id ?? `worker:${command}`,
    kind: identity?.kind ?? "worker",
    label: identity?.label ?? command,
    opsPerCall: identity?.opsPerCall ?? 1,
    flopsPerOp: identity?.flopsPerOp ?? null,
    metric: { name: "time per call, timed by the worker", unit: "ns" },
    visitMs: WORKER_VISIT_MS,
    contentHash: null,
    details: {
      worker: command,
      protocol: WORKER_PROTOCOL,
      threadEnv: [...threadEnv2],
      timeoutSec,
      ...spec.cwd !== void 0 ? { cwd: spec.cwd } : {}
    },
    get engine() {
      return engine;
    },
    runtimeThreads: reported,
    open: (threads2) => openSession(threads2),
    openPinned: (threads2, pin) => openSession(threads2, pin)
  };
  return workload;
  async function openSession(threads2, pin) {
    if (!Number.isInteger(threads2) || threads2 < 1) {
      throw new RangeError(`threads must be an integer \u2265 1, got ${threads2}`);
    }
    const session = await startWorker(threads2, pin);
    const want = identity?.engine ?? null;
    if (want !== null && session.ready.engine?.name !== want) {
      await session.close();
      throw new WorkloadError(
        `${shown} at ${threadEnv2[0]}=${threads2}: the worker reported the engine ${JSON.stringify(session.ready.engine?.name ?? null)}; expected ${JSON.stringify(want)}`
      );
    }
    if (session.ready.threads !== null && session.ready.threads !== threads2) {
      await session.close();
      throw new WorkloadError(
        `${shown} at ${threadEnv2[0]}=${threads2}: the runtime reports ${session.ready.threads} threads; expected ${threads2} (something in the worker or its environment overrides the thread count, so the measurement would be of another count than the one named)`
      );
    }
    reported.set(threads2, session.ready.threads);
    engine ??= session.ready.engine;
    return session.runner;
  }
  function startWorker(threads2, pin) {
    const env = { ...baseEnv };
    for (const name of threadEnv2) env[name] = String(threads2);
    env["THREADGATE_THREADS"] = String(threads2);
    const pythonPath = env["PYTHONPATH"];
    env["PYTHONPATH"] = pythonPath ? `${helperDir()}${path2.delimiter}${pythonPath}` : helperDir();
    env["PYTHONDONTWRITEBYTECODE"] ??= "1";
    const pinned = pin ? pinnedShell(pin, command) : null;
    return startProtocolProcess({
      file: pinned ? pinned.file : command,
      args: pinned ? pinned.args : [],
      shell: pinned === null,
      ...spec.cwd !== void 0 ? { cwd: spec.cwd } : {},
      env,
      timeoutSec,
      shown,
      where: `${threadEnv2[0]}=${threads2}`
    });
  }
}
async function startProtocolProcess(l) {
  const marker = nextMarker();
  const env = { ...l.env, [MARKER_ENV]: marker };
  const child = spawn2(l.file, [...l.args], {
    shell: l.shell,
    ...l.cwd !== void 0 ? { cwd: l.cwd } : {},
    env,
    stdio: l.setup === void 0 ? ["pipe", "pipe", "pipe"] : ["pipe", "pipe", "pipe", "ipc"],
    ...l.setup === void 0 ? {} : { serialization: "advanced" },
    detached: process.platform !== "win32",
    windowsHide: true
  });
  track(child);
  const channel = new Channel(child, (why) => fail(why));
  function fail(why) {
    const err = lastLines(channel.stderr.text());
    return new WorkloadError(
      `${l.shown} at ${l.where}: ${why}${err ? `
last lines of its stderr:
${err}` : " (its stderr was empty)"}`
    );
  }
  const stop = async () => {
    await channel.quit();
    killMarked(marker);
    untrack(child);
  };
  let line;
  try {
    if (l.setup !== void 0) {
      child.send(l.setup, (e) => {
        if (e) killTree(child, "SIGKILL");
      });
      child.channel?.unref();
    }
    line = await channel.next(l.timeoutSec, "to become ready");
  } catch (e) {
    await stop();
    throw e;
  }
  const ready = parseReady(line);
  if (typeof ready === "string") {
    await stop();
    throw fail(ready);
  }
  let closed = false;
  const runner = {
    async call() {
      return (await request(1))[0];
    },
    callMany: (n) => request(n),
    async close() {
      if (closed) return;
      closed = true;
      await stop();
    }
  };
  async function request(n) {
    if (!Number.isInteger(n) || n < 1 || n > MAX_CALLS_PER_REQUEST) {
      throw new RangeError(`calls per request must be 1 to ${MAX_CALLS_PER_REQUEST}, got ${n}`);
    }
    channel.send(`run ${n}`);
    const answer = await channel.next(l.timeoutSec, `to answer "run ${n}"`);
    return parseTimes(answer, n, (why) => fail(why));
  }
  return {
    ready,
    runner,
    pid: child.pid,
    async ask(line2, what) {
      channel.send(line2);
      return channel.next(l.timeoutSec, what);
    },
    close: () => runner.close()
  };
}
function parseReady(line) {
  const quoted = JSON.stringify(plainText(line, 200));
  if (line.startsWith(`${WORKER_PROTOCOL} error `)) {
    const message = (() => {
      try {
        const m = JSON.parse(line.slice(WORKER_PROTOCOL.length + 7)).message;
        return typeof m === "string" ? m : line;
      } catch {
        return line;
      }
    })();
    return `its set-up failed: ${plainText(message, 2e3)}`;
  }
  const other = /^threadgate-worker\/(\S+) /.exec(line);
  if (other && other[1] !== "1") {
    return `it speaks protocol version ${JSON.stringify(other[1].slice(0, 20))}; this threadgate speaks ${WORKER_PROTOCOL} (update threadgate or the worker helper)`;
  }
  if (!line.startsWith(`${WORKER_PROTOCOL} ready`)) {
    return `it printed ${quoted} before it was ready; expected "${WORKER_PROTOCOL} ready {\u2026}" (print to stderr, not stdout: stdout carries the protocol)`;
  }
  const rest = line.slice(`${WORKER_PROTOCOL} ready`.length).trim();
  let info = {};
  if (rest !== "") {
    try {
      info = JSON.parse(rest);
    } catch {
      return `its ready line ${quoted} does not end in a JSON object`;
    }
  }
  if (typeof info !== "object" || info === null || Array.isArray(info)) {
    return `its ready line ${quoted} does not end in a JSON object`;
  }
  const o = info;
  const threads2 = o["threads"] ?? null;
  if (threads2 !== null && !(Number.isInteger(threads2) && threads2 >= 1 && threads2 <= LIMITS.threads)) {
    return `its ready line says "threads": ${JSON.stringify(threads2)}; expected null or the thread count its runtime uses`;
  }
  const e = o["engine"] ?? null;
  let engine = null;
  if (e !== null) {
    if (typeof e !== "object" || Array.isArray(e))
      return `its ready line's "engine" is not an object`;
    const r = e;
    const text2 = (key, max) => typeof r[key] === "string" ? plainText(r[key], max) : void 0;
    const name = text2("name", 100);
    if (!name) return `its ready line's "engine" has no "name"`;
    const version = text2("version", 100) ?? "";
    const parallelBackend = text2("parallelBackend", 200);
    const parallelInfo = typeof r["parallelInfo"] === "string" ? r["parallelInfo"].slice(0, 2e3) : void 0;
    engine = {
      name,
      version,
      ...parallelBackend ? { parallelBackend } : {},
      ...parallelInfo ? { parallelInfo } : {}
    };
  }
  return { threads: threads2, engine };
}
function parseTimes(line, n, fail) {
  if (line.startsWith("error")) {
    throw fail(`it answered with an error: ${plainText(line.slice(5).trim(), 2e3)}`);
  }
  if (!line.startsWith("ok")) {
    throw fail(
      `it printed ${JSON.stringify(plainText(line, 200))}; expected "ok" and ${n} timings in ns`
    );
  }
  const fields = line.slice(2).trim().split(/\s+/).filter((f) => f !== "");
  if (fields.length !== n) {
    throw fail(`it answered ${fields.length} timings to "run ${n}"; expected ${n}`);
  }
  return fields.map((f) => {
    const ns2 = /^\d{1,16}(\.\d+)?$/.test(f) ? Number(f) : NaN;
    if (!(ns2 > 0 && ns2 <= LIMITS.maxNs)) {
      throw fail(
        `it timed a call at ${JSON.stringify(f.slice(0, 30))}; expected a duration in ns greater than 0 and at most ${LIMITS.maxNs}`
      );
    }
    return ns2;
  });
}
var WORKER_PROTOCOL, DEFAULT_WORKER_TIMEOUT_SEC, MAX_CALLS_PER_REQUEST, MAX_LINE_BYTES, WORKER_VISIT_MS, QUIT_GRACE_MS, EXIT_DRAIN_MS, Channel;
var init_worker = __esm({
  "src/workloads/worker.ts"() {
    "use strict";
    init_limits();
    init_affinity();
    init_errors();
    init_child_env();
    init_text();
    init_child_process();
    init_command();
    WORKER_PROTOCOL = "threadgate-worker/1";
    DEFAULT_WORKER_TIMEOUT_SEC = 120;
    MAX_CALLS_PER_REQUEST = 1e5;
    MAX_LINE_BYTES = 4 * 1024 * 1024;
    WORKER_VISIT_MS = 200;
    QUIT_GRACE_MS = 3e3;
    EXIT_DRAIN_MS = 500;
    Channel = class {
      constructor(child, fail) {
        this.child = child;
        this.fail = fail;
        child.stdout.setEncoding("utf8");
        child.stdout.on("data", (chunk) => this.onData(chunk));
        child.stderr.on("data", (c) => this.stderr.push(c));
        child.stdin.on("error", () => void 0);
        this.exitedPromise = new Promise((resolve2) => {
          child.once("exit", (code, signal) => {
            this.exited = { code, signal };
            let drained = false;
            const done = () => {
              if (drained) return;
              drained = true;
              clearTimeout(timer);
              this.settle();
              resolve2();
            };
            const timer = setTimeout(done, EXIT_DRAIN_MS);
            child.once("close", done);
          });
          child.once("error", (e) => {
            this.problem ??= this.fail(`it could not be started: ${describeError(e)}`);
            this.exited ??= { code: null, signal: null };
            this.settle();
            resolve2();
          });
        });
      }
      child;
      fail;
      stderr = new Tail();
      buffer = "";
      lines = [];
      waiter = null;
      exited = null;
      problem = null;
      /** A wait for its answer ran out: it is not listening. */
      unresponsive = false;
      exitedPromise;
      send(line) {
        if (this.exited || this.problem) return;
        this.child.stdin.write(`${line}
`);
      }
      /** The next line, within `timeoutSec`; a dead or silent worker is an error. */
      next(timeoutSec, what) {
        const queued = this.lines.shift();
        if (queued !== void 0) return Promise.resolve(queued);
        if (this.problem) return Promise.reject(this.problem);
        if (this.exited) return Promise.reject(this.gone());
        return new Promise((resolve2, reject) => {
          const timer = setTimeout(() => {
            this.waiter = null;
            this.unresponsive = true;
            reject(this.fail(`it took more than ${timeoutSec} s ${what} (--timeout)`));
          }, timeoutSec * 1e3);
          this.waiter = (line) => {
            clearTimeout(timer);
            this.waiter = null;
            if (line instanceof Error) reject(line);
            else resolve2(line);
          };
        });
      }
      /**
       * Ask the worker to quit; after a grace, kill its process group. A worker that has already
       * let a wait run out gets no grace: it is killed at once.
       */
      async quit() {
        if (!this.exited && !this.unresponsive) {
          this.send("quit");
          this.child.stdin.end();
          let timer;
          await Promise.race([
            this.exitedPromise,
            new Promise((r) => timer = setTimeout(r, QUIT_GRACE_MS))
          ]);
          clearTimeout(timer);
        }
        killTree(this.child, "SIGKILL");
        this.child.stdout?.destroy();
        this.child.stderr?.destroy();
      }
      onData(chunk) {
        this.buffer += chunk;
        for (; ; ) {
          const nl = this.buffer.indexOf("\n");
          if (nl < 0) break;
          const line = this.buffer.slice(0, nl).replace(/\r$/, "");
          this.buffer = this.buffer.slice(nl + 1);
          this.push(line);
        }
        if (this.buffer.length > MAX_LINE_BYTES) {
          this.problem ??= this.fail(
            `it printed a line of more than ${MAX_LINE_BYTES} bytes on stdout`
          );
          this.buffer = "";
          killTree(this.child, "SIGKILL");
          this.settle();
        }
      }
      push(line) {
        if (this.waiter) this.waiter(line);
        else if (this.lines.length < 16) this.lines.push(line);
        else {
          this.problem ??= this.fail(
            `it printed more lines than it was asked for (the last: ${JSON.stringify(plainText(line, 120))})`
          );
          killTree(this.child, "SIGKILL");
        }
      }
      settle() {
        if (!this.waiter) return;
        if (this.lines.length > 0) this.waiter(this.lines.shift());
        else this.waiter(this.problem ?? this.gone());
      }
      gone() {
        const e = this.exited;
        const how = e?.signal ? `was killed by signal ${e.signal}` : `exited with code ${e?.code ?? "unknown"}`;
        return this.fail(`it ${how} before it answered`);
      }
    };
  }
});

// src/measure/duet.ts
async function runWindow(r, n) {
  if (r.callMany) return r.callMany(n);
  const out = [];
  for (let i = 0; i < n; i++) out.push(await r.call());
  return out;
}
function callsFor(ms, callNs) {
  return Math.max(1, Math.min(MAX_CALLS_PER_REQUEST, Math.round(ms * 1e6 / Math.max(1, callNs))));
}
async function measureDuetBlock(head, base, opts) {
  const t = opts.threads;
  if (opts.pin.cpus.length < 2 * t) {
    throw new RangeError(`a duet at ${t} threads needs ${2 * t} CPUs; got ${opts.pin.cpus.length}`);
  }
  const first = opts.pin.cpus.slice(0, t);
  const second = opts.pin.cpus.slice(t, 2 * t);
  const headFirst = opts.rand() < 0.5;
  const headCpus = headFirst ? first : second;
  const baseCpus = headFirst ? second : first;
  const sides = [
    {
      side: head,
      pin: { taskset: opts.pin.taskset, cpus: headCpus },
      hint: opts.hintsNs?.[0] ?? 0
    },
    {
      side: base,
      pin: { taskset: opts.pin.taskset, cpus: baseCpus },
      hint: opts.hintsNs?.[1] ?? 0
    }
  ];
  const opened = await Promise.allSettled(sides.map((s) => s.side.open(t, s.pin)));
  const runners = opened.map((o) => o.status === "fulfilled" ? o.value : null);
  try {
    const failed = opened.find((o) => o.status === "rejected");
    if (failed) throw failed.reason;
    const [h, b] = runners;
    const warmed = await Promise.all([warm(h, sides[0]), warm(b, sides[1])]);
    const callNs = [warmed[0].callNs, warmed[1].callNs];
    const fixed = head.warmupCalls !== void 0 || base.warmupCalls !== void 0;
    const samples = [
      { samplesNs: [], windows: [], warmupCalls: warmed[0].calls, callNs: callNs[0] },
      { samplesNs: [], windows: [], warmupCalls: warmed[1].calls, callNs: callNs[1] }
    ];
    const logRatios = [];
    const baseValues = [];
    for (let w = 0; w < opts.windows; w++) {
      const n = fixed ? [1, 1] : [callsFor(opts.visitMs, callNs[0]), callsFor(opts.visitMs, callNs[1])];
      const expectMs = Math.max(n[0] * callNs[0], n[1] * callNs[1]) / 1e6;
      if (opts.now() + expectMs > opts.deadline) break;
      const [hs, bs] = await Promise.all([runWindow(h, n[0]), runWindow(b, n[1])]);
      callNs[0] = median2(hs);
      callNs[1] = median2(bs);
      const hv = callNs[0] / head.opsPerCall;
      const bv = callNs[1] / base.opsPerCall;
      for (const x of hs) {
        samples[0].samplesNs.push(x / head.opsPerCall);
        samples[0].windows.push(w);
      }
      for (const x of bs) {
        samples[1].samplesNs.push(x / base.opsPerCall);
        samples[1].windows.push(w);
      }
      logRatios.push(Math.log(hv / bv));
      baseValues.push(bv);
    }
    const enough = logRatios.length > 0 && logRatios.length >= Math.ceil(opts.windows / 2);
    const base0 = enough ? median2(baseValues) : NaN;
    return {
      head: { ...samples[0], callNs: callNs[0] },
      base: { ...samples[1], callNs: callNs[1] },
      pair: enough ? [base0, base0 * Math.exp(median2(logRatios))] : null,
      logRatios,
      headCpus,
      baseCpus
    };
  } finally {
    await Promise.allSettled(runners.map((r) => r?.close()));
  }
  async function warm(r, s) {
    if (s.side.warmupCalls !== void 0) {
      const count2 = opts.skipFixedWarmup && s.hint > 0 ? 0 : s.side.warmupCalls;
      let last = s.hint;
      for (let i = 0; i < count2; i++) last = await r.call();
      if (last <= 0) return { calls: count2 + 1, callNs: await r.call() };
      return { calls: count2, callNs: last };
    }
    const start = opts.now();
    let calls = 0;
    let callNs = s.hint > 0 ? s.hint : 0;
    do {
      const n = callNs > 0 ? callsFor(25, callNs) : 1;
      const times = await runWindow(r, n);
      calls += n;
      callNs = median2(times);
    } while (opts.now() - start < opts.warmupMs && opts.now() + 25 < opts.deadline);
    return { calls, callNs };
  }
}
var DUET_WINDOWS;
var init_duet = __esm({
  "src/measure/duet.ts"() {
    "use strict";
    init_stats();
    init_worker();
    DUET_WINDOWS = 5;
  }
});

// src/workloads/ort.ts
import { createRequire } from "node:module";
function loadOrt(packageDir) {
  if (loaded && (packageDir === void 0 || packageDir === loadedFrom)) return loaded;
  const require2 = createRequire(import.meta.url);
  loaded = require2(packageDir ?? "onnxruntime-node");
  loadedFrom = packageDir;
  return loaded;
}
function ortModulePath() {
  const require2 = createRequire(import.meta.url);
  return require2.resolve(loadedFrom ?? "onnxruntime-node");
}
function ortVersion(ort = loadOrt()) {
  return ort.env.versions.node ?? ort.env.versions.common ?? "unknown";
}
function sessionOptions(threads2, config = {}) {
  const oversubscribed = config.usableCpus !== void 0 && threads2 > config.usableCpus;
  return {
    intraOpNumThreads: threads2,
    interOpNumThreads: 1,
    executionMode: "sequential",
    graphOptimizationLevel: "all",
    executionProviders: ["cpu"],
    logSeverityLevel: 3,
    ...oversubscribed || config.spinning === false ? { extra: { session: { intra_op: { allow_spinning: "0" } } } } : {}
  };
}
async function createSession(ort, model, threads2, config = {}) {
  if (!Number.isInteger(threads2) || threads2 < 1) {
    throw new RangeError(`intraOpNumThreads must be an integer \u2265 1, got ${threads2}`);
  }
  const options = sessionOptions(threads2, config);
  return typeof model === "string" ? ort.InferenceSession.create(model, options) : ort.InferenceSession.create(model, options);
}
async function timedRun(session, feeds) {
  const t0 = process.hrtime.bigint();
  await session.run(feeds);
  return Number(process.hrtime.bigint() - t0);
}
var loaded, loadedFrom, BUILD_FEEDS_SOURCE;
var init_ort = __esm({
  "src/workloads/ort.ts"() {
    "use strict";
    BUILD_FEEDS_SOURCE = `
function buildFeeds(ort, list) {
  const feeds = {};
  for (const f of list) {
    const t = new ort.Tensor(f.type, f.data, f.dims);
    if (f.type === 'float16' && !(t.data instanceof Uint16Array)) t.cpuData = f.data;
    feeds[f.name] = t;
  }
  return feeds;
}
`;
  }
});

// src/workloads/ort-child.ts
import { spawnSync as spawnSync3 } from "node:child_process";
function repin(child, pin, label) {
  if (child.pid === void 0) throw new WorkloadError(`${label}: its duet child has no process`);
  const r = spawnSync3(pin.taskset, ["-a", "-p", "-c", pin.cpus.join(","), String(child.pid)], {
    env: childEnv(),
    stdio: ["ignore", "ignore", "pipe"],
    timeout: 1e4,
    encoding: "utf8"
  });
  if (r.status !== 0) {
    const why = r.error ? r.error.message : plainText((r.stderr ?? "").trim(), 300);
    throw new WorkloadError(
      `${label}: could not pin its duet child to CPUs ${pin.cpus.join(",")} (taskset: ${why || `exit ${r.status}`})`
    );
  }
}
function expectOk(answer, label, where) {
  if (answer !== "ok") {
    throw new WorkloadError(
      `${label} (a duet's ONNX Runtime child) at ${where}: it answered ${JSON.stringify(plainText(answer, 300))}; expected "ok"`
    );
  }
}
var ORT_CHILD_TIMEOUT_SEC, CHILD_SOURCE, OrtChildPool;
var init_ort_child = __esm({
  "src/workloads/ort-child.ts"() {
    "use strict";
    init_affinity();
    init_errors();
    init_child_env();
    init_text();
    init_ort();
    init_worker();
    ORT_CHILD_TIMEOUT_SEC = 120;
    CHILD_SOURCE = `
'use strict';
const P = 'threadgate-worker/1';
const out = (line) => process.stdout.write(line + '\\n');
${BUILD_FEEDS_SOURCE}
process.once('message', (spec) => {
  process.disconnect();
  let ort, feeds, session = null;
  try {
    ort = require(spec.ortPath);
    feeds = buildFeeds(ort, spec.feeds);
  } catch (e) {
    out(P + ' error ' + JSON.stringify({ message: String((e && e.message) || e) }));
    process.exit(1);
  }
  out(P + ' ready ' + JSON.stringify({ threads: null, engine: null }));
  const release = async () => { if (session) { const s = session; session = null; await s.release(); } };
  const handle = async (line) => {
    if (line === 'quit') { await release(); process.exit(0); }
    let m = /^open (\\{.*\\})$/.exec(line);
    if (m) {
      await release();
      session = await ort.InferenceSession.create(spec.model, JSON.parse(m[1]));
      return 'ok';
    }
    if (line === 'close') { await release(); return 'ok'; }
    m = /^run (\\d+)$/.exec(line);
    if (!m) return 'error unknown request ' + JSON.stringify(line.slice(0, 80));
    if (!session) return 'error no session is open';
    const n = Number(m[1]);
    const times = new Array(n);
    for (let i = 0; i < n; i++) {
      const t0 = process.hrtime.bigint();
      await session.run(feeds);
      times[i] = String(process.hrtime.bigint() - t0);
    }
    return 'ok ' + times.join(' ');
  };
  let buffer = '';
  let busy = Promise.resolve();
  process.stdin.setEncoding('utf8');
  process.stdin.on('data', (chunk) => {
    buffer += chunk;
    let nl;
    while ((nl = buffer.indexOf('\\n')) >= 0) {
      const line = buffer.slice(0, nl).replace(/\\r$/, '');
      buffer = buffer.slice(nl + 1);
      busy = busy
        .then(() => handle(line))
        .then((answer) => out(answer), (e) => out('error ' + String((e && e.message) || e).replace(/\\s+/g, ' ')));
    }
  });
  process.stdin.on('end', () => busy.then(release).then(() => process.exit(0)));
});
`;
    OrtChildPool = class {
      constructor(spec, opts) {
        this.spec = spec;
        this.opts = opts;
      }
      spec;
      opts;
      idle = [];
      all = /* @__PURE__ */ new Set();
      disposed = false;
      async open(threads2, pin) {
        if (!Number.isInteger(threads2) || threads2 < 1) {
          throw new RangeError(`intraOpNumThreads must be an integer \u2265 1, got ${threads2}`);
        }
        if (this.disposed) throw new Error("this pool of ONNX Runtime children was disposed");
        const where = `${threads2} thread${threads2 === 1 ? "" : "s"} on CPUs ${pin.cpus.join(",")}`;
        const child = this.idle.pop() ?? await this.start(pin, where);
        try {
          repin(child, pin, this.opts.label);
          const options = JSON.stringify(sessionOptions(threads2));
          expectOk(await child.ask(`open ${options}`, "to open a session"), this.opts.label, where);
        } catch (e) {
          await this.kill(child);
          throw e;
        }
        let closed = false;
        return {
          call: () => child.runner.call(),
          callMany: (n) => child.runner.callMany(n),
          close: async () => {
            if (closed) return;
            closed = true;
            try {
              expectOk(await child.ask("close", "to close its session"), this.opts.label, where);
            } catch {
              await this.kill(child);
              return;
            }
            if (this.disposed) await this.kill(child);
            else this.idle.push(child);
          }
        };
      }
      /** Kill every child, idle or not. */
      async dispose() {
        this.disposed = true;
        this.idle.length = 0;
        await Promise.allSettled([...this.all].map((c) => this.kill(c)));
      }
      async start(pin, where) {
        const argv = pinnedArgv(pin, process.execPath, ["-e", CHILD_SOURCE]);
        const session = await startProtocolProcess({
          file: argv.file,
          args: argv.args,
          shell: false,
          env: childEnv(this.opts.env ?? process.env),
          timeoutSec: this.opts.timeoutSec ?? ORT_CHILD_TIMEOUT_SEC,
          shown: `${this.opts.label} (a duet's ONNX Runtime child)`,
          where,
          setup: {
            ortPath: ortModulePath(),
            model: this.spec.model,
            feeds: this.spec.feeds.map((f) => ({ ...f, data: f.data, dims: [...f.dims] }))
          }
        });
        this.all.add(session);
        return session;
      }
      async kill(child) {
        this.all.delete(child);
        await child.close();
      }
    };
  }
});

// src/pipeline/same-job.ts
async function runSameJob(head, base, opts) {
  const report = opts.onProgress;
  if (report === void 0) return measureSameJob(head, base, opts);
  let last;
  try {
    return await measureSameJob(head, base, {
      ...opts,
      onProgress: (p) => {
        last = p;
        report(p);
      }
    });
  } finally {
    if (last !== void 0) report({ ...last, phase: "done" });
  }
}
async function measureSameJob(head, base, opts) {
  if (head === base) {
    throw new RangeError("the head and the base must be two Workload objects, not the same one");
  }
  const plan = planDuets(head, base, opts);
  try {
    return await measureBlocks(head, base, opts, plan);
  } finally {
    await plan.dispose();
  }
}
async function measureBlocks(head, base, opts, duetPlan) {
  const now = opts.now ?? (() => performance.now());
  const start = opts.startMs ?? now();
  const deadline = start + opts.maxTimeSec * 1e3;
  const fixedWarmup = head.warmupCalls !== void 0 || base.warmupCalls !== void 0;
  const roundsPerBlock = opts.roundsPerBlock ?? (fixedWarmup ? 1 : 3);
  const maxBlocks = opts.maxBlocks ?? DEFAULT_MAX_BLOCKS;
  const targetPrecision = opts.targetPrecision ?? 0.02;
  const createdAt = opts.createdAt ?? (/* @__PURE__ */ new Date()).toISOString();
  const look = {
    threshold: opts.threshold,
    ...opts.confidence !== void 0 ? { confidence: opts.confidence } : {},
    ...opts.gate !== void 0 ? { gate: opts.gate } : {},
    ...opts.tolerance !== void 0 ? { tolerance: opts.tolerance } : {},
    ...opts.maxThreads !== void 0 ? { maxThreads: opts.maxThreads } : {}
  };
  decideLook([], { ...look, spend: 1, final: false });
  const side = () => opts.threads.map((threads2) => ({
    threads: threads2,
    samplesNs: [],
    rounds: [],
    warmupCalls: 0,
    visits: 0
  }));
  const headCells = side();
  const baseCells = side();
  const blocks = opts.threads.map(() => []);
  const duetCells = new Set(duetPlan.threads);
  const duetWindows = opts.duetWindows ?? (fixedWarmup ? 1 : DUET_WINDOWS);
  const duetRand = mulberry32((opts.seed ^ 24301) >>> 0);
  let roundOffset = 0;
  const duetMs = /* @__PURE__ */ new Map();
  const hintNs = /* @__PURE__ */ new Map();
  let schedule = null;
  let replan = false;
  let lookIndex = 0;
  let spent = 0;
  let lastBlockMs;
  let stoppedBy = "budget";
  let verdictSpend = 0;
  let blockCount = 0;
  const skipped = /* @__PURE__ */ new Map();
  const decidedAt = /* @__PURE__ */ new Map();
  const dropDecided = (opts.gate ?? "all") === "all";
  const report = opts.onProgress;
  const onProgress = report && ((p, b, offset) => {
    if (p.phase === "done") return;
    report({
      ...p,
      elapsedSec: (now() - start) / 1e3,
      budgetSec: opts.maxTimeSec,
      round: offset + p.round,
      block: b + 1
    });
  });
  for (let b = 0; ; b++) {
    const blockStart = now();
    const remainingSec = (deadline - blockStart) / 1e3;
    if (remainingSec <= 0) break;
    const active = opts.threads.map((threads2, ti) => ({ threads: threads2, ti })).filter((c) => !decidedAt.has(cellKey(head.id, c.threads)));
    const inBlocks = active.filter((c) => !duetCells.has(c.threads));
    const inDuets = active.filter((c) => duetCells.has(c.threads));
    let budgetEnded = false;
    let blockRounds = 0;
    if (inBlocks.length > 0) {
      const threads2 = inBlocks.map((c) => c.threads);
      const known = threads2.map((t) => hintNs.get(t));
      const hints = known.every((k) => k !== void 0) ? [...known.map((k) => k[0]), ...known.map((k) => k[1])] : void 0;
      const out = await sweep([head, base], {
        threads: threads2,
        maxTimeSec: remainingSec,
        targetPrecision,
        seed: opts.seed + b * 7919 >>> 0,
        startMs: blockStart,
        ...b > 0 ? { minWarmupMs: 50 } : {},
        ...hints ? { callNsHints: hints } : {},
        ...opts.visitMs !== void 0 ? { visitMs: opts.visitMs } : {},
        ...opts.now ? { now: opts.now } : {},
        ...onProgress ? { onProgress: (p) => onProgress(p, b, roundOffset) } : {},
        stopWhen: (_cells, round3) => round3 >= roundsPerBlock
      });
      threads2.forEach((t, i) => hintNs.set(t, [out.callNs[i], out.callNs[threads2.length + i]]));
      for (const s of out.skipped) skipped.set(`${s.workload}@${s.threads}`, s);
      const [h, bs] = out.workloads;
      inBlocks.forEach(({ ti }, i) => {
        const hc = h.cells[i];
        const bc = bs.cells[i];
        absorb(headCells[ti], hc, roundOffset);
        absorb(baseCells[ti], bc, roundOffset);
        blocks[ti].push(
          hc.samplesNs.length > 0 && bc.samplesNs.length > 0 ? [blockMedian(bc), blockMedian(hc)] : null
        );
      });
      blockRounds = out.rounds;
      budgetEnded = out.stoppedBy === "budget";
    }
    for (const { threads: threads2, ti } of shuffled(inDuets, duetRand)) {
      const lastMs = duetMs.get(threads2);
      if (budgetEnded || lastMs !== void 0 && now() + 0.9 * lastMs > deadline) {
        blocks[ti].push(null);
        budgetEnded = true;
        continue;
      }
      const duetStart = now();
      const duet = await measureDuetBlock(duetPlan.head, duetPlan.base, {
        threads: threads2,
        pin: duetPlan.pin,
        rand: duetRand,
        warmupMs: b > 0 ? 50 : 200,
        skipFixedWarmup: b > 0,
        windows: duetWindows,
        visitMs: opts.visitMs ?? head.visitMs ?? base.visitMs ?? 30,
        now,
        deadline,
        ...hintNs.has(threads2) ? { hintsNs: hintNs.get(threads2) } : {}
      });
      hintNs.set(threads2, [duet.head.callNs, duet.base.callNs]);
      duetMs.set(threads2, now() - duetStart);
      absorbDuet(headCells[ti], duet.head, roundOffset);
      absorbDuet(baseCells[ti], duet.base, roundOffset);
      blocks[ti].push(duet.pair);
      blockRounds = Math.max(blockRounds, duetWindows);
      if (duet.pair === null) budgetEnded = true;
      report?.({
        phase: "measure",
        elapsedSec: (now() - start) / 1e3,
        budgetSec: opts.maxTimeSec,
        cellsDone: 0,
        cellsTotal: 2 * opts.threads.length,
        round: roundOffset + duetWindows,
        block: b + 1
      });
    }
    lastBlockMs = now() - blockStart;
    roundOffset += blockRounds;
    const done = ++blockCount;
    const fit2 = () => done + Math.floor((deadline - now()) / Math.max(1, lastBlockMs));
    if (schedule === null && done >= Math.min(2, MIN_BLOCKS)) {
      schedule = lookSchedule(Math.min(maxBlocks, Math.max(MIN_BLOCKS, fit2())));
    } else if (schedule !== null && replan) {
      replan = false;
      schedule = [
        ...schedule.slice(0, lookIndex),
        ...replanLooks(done, spent, Math.min(maxBlocks, Math.max(MIN_BLOCKS, fit2())))
      ];
    }
    const planned = schedule?.[lookIndex];
    if (planned !== void 0 && planned.blocks === done) {
      lookIndex++;
      spent += planned.spend;
      verdictSpend = planned.spend;
      const seen = decideLook(workloadBlocks(), {
        ...look,
        spend: planned.spend,
        final: false,
        decidedAt
      });
      if (seen.decided) {
        stoppedBy = "decided";
        break;
      }
      if (dropDecided) {
        for (const c of seen.cells) {
          const key = cellKey(c.workload, c.threads);
          if (c.gated && c.status !== "inconclusive" && !decidedAt.has(key)) {
            decidedAt.set(key, planned.spend);
            replan = true;
          }
        }
      }
      if (lookIndex === schedule.length) {
        stoppedBy = "max-blocks";
        break;
      }
    }
    if (budgetEnded || deadline - now() < lastBlockMs * 0.9) {
      if (planned === void 0 || planned.blocks !== done) {
        verdictSpend = Math.max(1e-12, 1 - spent);
        lookIndex++;
      }
      stoppedBy = "budget";
      break;
    }
  }
  if (verdictSpend === 0) verdictSpend = 1;
  const looks = lookIndex;
  const { comparison, decision } = compareSameJob(workloadBlocks(), {
    ...look,
    spend: verdictSpend,
    final: stoppedBy !== "decided",
    decidedAt,
    baseDescription: opts.baseDescription ?? `base ${base.label}`,
    fingerprint: opts.fingerprint ?? "unknown",
    createdAt,
    blocks: blockCount,
    looks,
    ...duetPlan.none !== void 0 ? { noDuet: duetPlan.none } : {}
  });
  const elapsedSec = (now() - start) / 1e3;
  const asSweep = (workload, cells) => ({
    workloads: [{ workload, cells: cells.map((c) => toCellResult(c, targetPrecision)) }],
    elapsedSec,
    rounds: roundOffset,
    stoppedBy: stoppedBy === "budget" ? "budget" : "precision",
    skipped: [...skipped.values()].filter(
      (s) => s.workload === workload.id && cells.find((c) => c.threads === s.threads)?.samplesNs.length === 0
    ),
    callNs: [
      ...opts.threads.map((t) => hintNs.get(t)?.[0] ?? 0),
      ...opts.threads.map((t) => hintNs.get(t)?.[1] ?? 0)
    ]
  });
  return {
    headSweep: asSweep(head, headCells),
    baseSweep: asSweep(base, baseCells),
    comparison,
    decision,
    blocks: blockCount,
    looks,
    elapsedSec,
    stoppedBy,
    warnings: decision.warnings,
    duetThreads: duetPlan.threads,
    cells: workloadBlocks()[0].cells
  };
  function workloadBlocks() {
    const cells = opts.threads.map((threads2, ti) => ({
      threads: threads2,
      blocks: blocks[ti],
      ...duetCells.has(threads2) ? { duet: true } : {}
    }));
    return [
      {
        id: head.id,
        ...base.id !== head.id ? { baseId: base.id } : {},
        headContentHash: head.contentHash ?? null,
        baseContentHash: base.contentHash ?? null,
        cells,
        pooled: pooledPoints(headCells, baseCells)
      }
    ];
  }
}
function planDuets(head, base, opts) {
  const mode = opts.duet ?? DEFAULT_DUET;
  if (!DUET_MODES.includes(mode)) {
    throw new RangeError(`duet must be one of ${DUET_MODES.join(", ")}; got ${String(mode)}`);
  }
  const none = (why) => ({
    threads: [],
    none: why,
    dispose: () => Promise.resolve()
  });
  if (mode === "off") return none("duets are off (duet: off)");
  if (!canPin(head) || !canPin(base)) {
    return none("this workload cannot run pinned in a child process");
  }
  const affinity = opts.affinity ?? probeAffinity();
  if (affinity.kind === "none") {
    return none(`${affinity.reason}: no CPU pinning, so sequential blocks`);
  }
  const cpus2 = Math.min(affinity.cpus.length, opts.maxThreads ?? affinity.cpus.length);
  const threads2 = opts.threads.filter((t) => 2 * t <= cpus2);
  if (threads2.length === 0) {
    return none(`no cell's twice the threads fits the ${cpus2} usable CPU${cpus2 === 1 ? "" : "s"}`);
  }
  const h = duetSide(head);
  const b = duetSide(base);
  return {
    threads: threads2,
    head: h.side,
    base: b.side,
    pin: { taskset: affinity.taskset, cpus: affinity.cpus.slice(0, cpus2) },
    dispose: async () => {
      await Promise.allSettled([h.dispose(), b.dispose()]);
    }
  };
}
function canPin(w) {
  return w.openPinned !== void 0 || w.parallel !== void 0;
}
function duetSide(w) {
  const common = {
    opsPerCall: w.opsPerCall,
    ...w.warmupCalls !== void 0 ? { warmupCalls: w.warmupCalls } : {}
  };
  if (w.openPinned) {
    return {
      side: { ...common, open: (t, pin) => w.openPinned(t, pin) },
      dispose: () => Promise.resolve()
    };
  }
  const pool = new OrtChildPool(w.parallel, { label: w.label });
  return {
    side: { ...common, open: (t, pin) => pool.open(t, pin) },
    dispose: () => pool.dispose()
  };
}
function shuffled(items, rand) {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}
function absorbDuet(into, side, roundOffset) {
  into.samplesNs.push(...side.samplesNs);
  into.rounds.push(...side.windows.map((w) => w + roundOffset));
  into.warmupCalls += side.warmupCalls;
  into.visits += new Set(side.windows).size;
}
function absorb(into, cell, roundOffset) {
  into.samplesNs.push(...cell.samplesNs);
  into.rounds.push(...cell.rounds.map((r) => r + roundOffset));
  into.warmupCalls += cell.warmupCalls;
  into.visits += cell.visits;
}
function blockMedian(cell) {
  return visitSummary(cell.samplesNs, cell.rounds).medianNs;
}
function toCellResult(c, targetPrecision) {
  return {
    threads: c.threads,
    samplesNs: c.samplesNs,
    rounds: c.rounds,
    converged: c.visits >= DEFAULT_MIN_VISITS && relativeHalfWidth(visitSummary(c.samplesNs, c.rounds).medians) <= targetPrecision,
    warmupCalls: c.warmupCalls,
    visits: c.visits
  };
}
function pooledPoints(head, base) {
  return head.flatMap((hc, i) => {
    const bc = base[i];
    if (hc.samplesNs.length === 0 || bc.samplesNs.length === 0) return [];
    const h = visitSummary(hc.samplesNs, hc.rounds);
    const b = visitSummary(bc.samplesNs, bc.rounds);
    const visits = /* @__PURE__ */ new Map();
    for (const [r, hv] of h.byRound) {
      const bv = b.byRound.get(r);
      if (bv !== void 0) visits.set(r, Math.sqrt(hv * bv));
    }
    const gm = (x, y) => Math.sqrt(x * y);
    return [
      {
        threads: hc.threads,
        medianNs: gm(h.medianNs, b.medianNs),
        ci95Ns: [gm(h.ci95Ns[0], b.ci95Ns[0]), gm(h.ci95Ns[1], b.ci95Ns[1])],
        visits
      }
    ];
  });
}
var DEFAULT_MAX_BLOCKS;
var init_same_job2 = __esm({
  "src/pipeline/same-job.ts"() {
    "use strict";
    init_same_job();
    init_affinity();
    init_duet();
    init_random();
    init_ort_child();
    init_limits();
    init_visits();
    init_sweep();
    DEFAULT_MAX_BLOCKS = 120;
  }
});

// src/measure/plan.ts
function cellCostMs(cost = PLAN_COST) {
  return cost.sessionOpenMs + Math.max(cost.warmupMs / cost.warmupShare, cost.warmupMs + cost.visits * cost.visitMs);
}
function threadGrid(cpu) {
  const shape = typeof cpu === "number" ? { availableCpus: cpu } : cpu;
  const max = Math.max(1, Math.floor(shape.availableCpus));
  const roles = /* @__PURE__ */ new Map();
  const add = (t, role) => {
    if (!Number.isFinite(t) || t < 1) return;
    const n = Math.min(max, Math.floor(t));
    roles.set(n, [...roles.get(n) ?? [], role]);
  };
  add(1, "one");
  for (let t = 2; t < max; t *= 2) add(t, "power-of-two");
  if (shape.physicalCores !== void 0) add(shape.physicalCores, "physical");
  add(max, "logical");
  const nodes = shape.numaNodes ?? [];
  if (nodes.length > 1) add(Math.max(...nodes.map((n) => n.cpus)), "numa-node");
  return [...roles.entries()].sort((a, b) => a[0] - b[0]).map(([threads2, r]) => ({ threads: threads2, roles: r }));
}
function defaultThreadCounts(cpu) {
  return threadGrid(cpu).map((g2) => g2.threads);
}
function chooseCounts(grid, k) {
  const kept = [];
  for (const role of ROLE_PRIORITY) {
    for (const g2 of grid) {
      if (kept.length < k && g2.roles.includes(role) && !kept.includes(g2.threads)) {
        kept.push(g2.threads);
      }
    }
  }
  const rest = grid.map((g2) => g2.threads).filter((t) => !kept.includes(t));
  while (kept.length < k && rest.length > 0) {
    let bestIndex = 0;
    let bestGap = -1;
    for (const [i, t] of rest.entries()) {
      const gap = kept.length === 0 ? Infinity : Math.min(...kept.map((u) => Math.abs(Math.log2(t / u))));
      if (gap > bestGap + 1e-12) [bestIndex, bestGap] = [i, gap];
    }
    kept.push(rest.splice(bestIndex, 1)[0]);
  }
  return kept.sort((a, b) => a - b);
}
function affordableCounts(options) {
  const cost = options.cost ?? PLAN_COST;
  const cells = Math.floor((options.maxTimeSec * 1e3 - cost.setupMs) / cellCostMs(cost));
  return Math.max(1, Math.floor(cells / Math.max(1, options.workloads)));
}
function planThreadCounts(cpu, options) {
  const grid = threadGrid(cpu);
  const affordable = affordableCounts(options);
  const k = Math.min(grid.length, Math.max(affordable, MIN_PLANNED_COUNTS));
  const threads2 = chooseCounts(grid, k);
  const dropped = grid.map((g2) => g2.threads).filter((t) => !threads2.includes(t));
  let note = null;
  if (dropped.length > 0) {
    const w = options.workloads;
    const floor = affordable < MIN_PLANNED_COUNTS ? ` (below its floor: ${k} kept)` : "";
    note = `Thread counts: the ${options.maxTimeSec} s budget affords ${affordable} count${affordable === 1 ? "" : "s"} for ${w} workload${w === 1 ? "" : "s"}${floor} at \u2265 ${(cellCostMs(options.cost) / 1e3).toFixed(2)} s per cell (session, \u2265 200 ms warm-up within a quarter of the budget, \u2265 3 visits of ~30 ms); sweeping ${threads2.join(", ")}, dropped ${dropped.join(", ")}. Raise the time budget, or list the counts to sweep.`;
  }
  return { threads: threads2, dropped, grid, affordable, note };
}
function plannedWorkloads(settings) {
  const one = settings.workload.kind === "matmul" ? settings.workload.sizes.length : 1;
  return settings.baselineWorkload ? 2 * one : one;
}
function parseThreadCounts(text2, usableCpus, logicalCpus, input = "--threads") {
  const trimmed = text2.trim().toLowerCase();
  if (trimmed === "" || trimmed === "auto") return defaultThreadCounts(usableCpus);
  const limit = Math.min(Math.max(4 * logicalCpus, 8), LIMITS.threads);
  const expected = `"auto" or a comma-separated list of integers from 1 to ${limit} (4\xD7 this machine's ${logicalCpus} logical CPUs), e.g. 1,2,4`;
  const items = trimmed.split(/[,\s]+/).filter((s) => s.length > 0);
  const counts = /* @__PURE__ */ new Set();
  for (const item of items) {
    if (!/^-?\d+$/.test(item)) throw invalid(input, text2, expected);
    const n = Number(item);
    if (n < 1 || n > limit) throw invalid(input, text2, expected);
    counts.add(n);
  }
  if (counts.size === 0) throw invalid(input, text2, expected);
  return [...counts].sort((a, b) => a - b);
}
var PLAN_COST, MIN_PLANNED_COUNTS, ROLE_PRIORITY;
var init_plan = __esm({
  "src/measure/plan.ts"() {
    "use strict";
    init_limits();
    init_errors();
    PLAN_COST = {
      sessionOpenMs: 100,
      warmupMs: 200,
      warmupShare: 0.25,
      visits: 3,
      visitMs: 30,
      setupMs: 1e3
    };
    MIN_PLANNED_COUNTS = 2;
    ROLE_PRIORITY = ["one", "physical", "logical", "numa-node"];
  }
});

// src/results/build.ts
function buildResult(input) {
  const { machine, settings, overhead } = input;
  const perCore = machine.peakGflops?.perCoreGflops ?? null;
  const workloads = input.sweep.workloads.map(({ workload, cells }) => {
    const measured = cells.flatMap((cell) => cell.samplesNs.length > 0 ? [{ cell }] : []);
    if (measured.length === 0) {
      throw new WorkloadError(
        `the time budget (${Number(settings.maxTimeSec.toPrecision(3))} s of max-time for the sweep) ran out before any cell of ${workload.id} was measured; expected a budget that fits at least one visit of each workload: raise max-time`
      );
    }
    const summaries = measured.map(({ cell }) => {
      const v = visitSummary(cell.samplesNs, cell.rounds);
      return { cell, medianNs: v.medianNs, ci95Ns: v.ci95Ns, visits: v.byRound };
    });
    const oneThread = summaries.find((s) => s.cell.threads === 1)?.medianNs ?? null;
    const points = summaries.map(
      ({ cell, medianNs, ci95Ns, visits }) => {
        const gflops = workload.flopsPerOp ? workload.flopsPerOp / medianNs : null;
        const peak = perCore && gflops ? perCore * Math.min(cell.threads, machine.physicalCores) : null;
        return {
          threads: cell.threads,
          samplesNs: cell.samplesNs,
          rounds: cell.rounds,
          visits,
          medianNs,
          ci95Ns,
          ciHalfWidthRel: (ci95Ns[1] - ci95Ns[0]) / 2 / medianNs,
          gflops,
          peakFraction: peak && gflops ? gflops / peak : null,
          speedup: oneThread ? oneThread / medianNs : null,
          overheadShare: overhead ? overhead.perCallNs / (medianNs * workload.opsPerCall) : null,
          converged: cell.converged,
          ...workload.runtimeThreads?.has(cell.threads) ? { runtimeThreads: workload.runtimeThreads.get(cell.threads) ?? null } : {}
        };
      }
    );
    const rec = recommendForWorkload(points, settings.tolerance, machine.availableCpus);
    return {
      id: workload.id,
      kind: workload.kind,
      label: workload.label,
      // The visit map served the recommendation; the file holds the rounds instead.
      points: points.map(({ visits: _visits, ...p }) => p),
      fastest: { threads: rec.fastest },
      recommended: { threads: rec.recommended, reason: rec.reason },
      ...workload.mlasMaxThreads !== void 0 ? { mlasMaxThreads: workload.mlasMaxThreads } : {},
      flopsPerOp: workload.flopsPerOp,
      opsPerCall: workload.opsPerCall,
      metric: workload.metric,
      contentHash: workload.contentHash ?? null,
      ...workload.details ? { details: workload.details } : {},
      ...workload.engine ? { engine: workload.engine } : {},
      ...throughputOf(workload, input.throughput, settings.tolerance)
    };
  });
  const split = recommendSplitOverall(
    workloads.map((w) => w.throughput?.points ?? []),
    settings.tolerance
  );
  const overall = workloads.length === 1 ? {
    threads: workloads[0].recommended.threads,
    basis: "the recommended thread count of the only workload"
  } : recommendOverall(
    workloads.map((w) => w.points),
    settings.tolerance,
    machine.availableCpus
  );
  const reference = referenceOf(input.reference);
  return {
    schemaVersion: 1,
    tool: { name: TOOL_NAME, version: TOOL_VERSION },
    createdAt: input.createdAt ?? (/* @__PURE__ */ new Date()).toISOString(),
    machine,
    runtime: input.runtime,
    settings,
    overhead,
    workloads,
    recommendation: {
      ompNumThreads: overall.threads,
      ortIntraOpNumThreads: overall.threads,
      basis: overall.basis,
      ...split ? {
        throughput: {
          workers: split.workers,
          threadsPerWorker: split.threadsPerWorker,
          basis: split.reason
        }
      } : {}
    },
    ...reference ? { reference } : {},
    elapsedSec: input.elapsedSec,
    ...input.sweep.skipped.length > 0 ? { skipped: input.sweep.skipped } : {}
  };
}
function referenceOf(ref) {
  const cell = ref?.sweep.cells.find((c) => c.threads === ref.threads);
  if (!ref || !cell || cell.samplesNs.length === 0) return void 0;
  const v = visitSummary(cell.samplesNs, cell.rounds);
  return {
    id: ref.sweep.workload.id,
    measured: ref.measured,
    point: {
      threads: cell.threads,
      samplesNs: cell.samplesNs,
      rounds: cell.rounds,
      medianNs: v.medianNs,
      ci95Ns: v.ci95Ns,
      ciHalfWidthRel: (v.ci95Ns[1] - v.ci95Ns[0]) / 2 / v.medianNs,
      converged: cell.converged
    }
  };
}
function throughputOf(workload, output, tolerance) {
  const measured = output?.workloads.find((w) => w.workload === workload);
  if (measured === void 0 || measured.points.length === 0) return {};
  const rec = recommendSplit(measured.points, tolerance);
  return {
    throughput: {
      points: measured.points.map((p) => ({
        workers: p.workers,
        threadsPerWorker: p.threadsPerWorker,
        requestsPerSec: p.requestsPerSec,
        ci95: p.ci95,
        p50Ns: p.p50Ns,
        p99Ns: p.p99Ns,
        windows: p.windows,
        rounds: p.rounds
      })),
      recommended: {
        workers: rec.workers,
        threadsPerWorker: rec.threadsPerWorker,
        reason: rec.reason
      }
    }
  };
}
var init_build = __esm({
  "src/results/build.ts"() {
    "use strict";
    init_recommend();
    init_throughput();
    init_visits();
    init_version();
    init_errors();
  }
});

// node_modules/@protobufjs/aspromise/index.js
var require_aspromise = __commonJS({
  "node_modules/@protobufjs/aspromise/index.js"(exports, module) {
    "use strict";
    module.exports = asPromise;
    function asPromise(fn, ctx) {
      var params = new Array(arguments.length - 1), offset = 0, index2 = 2, pending = true;
      while (index2 < arguments.length)
        params[offset++] = arguments[index2++];
      return new Promise(function executor(resolve2, reject) {
        params[offset] = function callback(err) {
          if (pending) {
            pending = false;
            if (err)
              reject(err);
            else {
              var params2 = new Array(arguments.length - 1), offset2 = 0;
              while (offset2 < params2.length)
                params2[offset2++] = arguments[offset2];
              resolve2.apply(null, params2);
            }
          }
        };
        try {
          fn.apply(ctx || null, params);
        } catch (err) {
          if (pending) {
            pending = false;
            reject(err);
          }
        }
      });
    }
  }
});

// node_modules/@protobufjs/base64/index.js
var require_base64 = __commonJS({
  "node_modules/@protobufjs/base64/index.js"(exports) {
    "use strict";
    var base64 = exports;
    base64.length = function length(string2) {
      var p = string2.length;
      if (!p)
        return 0;
      var n = 0;
      while (--p % 4 > 1 && string2.charAt(p) === "=")
        ++n;
      return Math.ceil(string2.length * 3) / 4 - n;
    };
    var b64 = new Array(64);
    var s64 = new Array(123);
    for (i = 0; i < 64; )
      s64[b64[i] = i < 26 ? i + 65 : i < 52 ? i + 71 : i < 62 ? i - 4 : i - 59 | 43] = i++;
    var i;
    base64.encode = function encode(buffer, start, end) {
      var parts = null, chunk = [];
      var i2 = 0, j = 0, t;
      while (start < end) {
        var b = buffer[start++];
        switch (j) {
          case 0:
            chunk[i2++] = b64[b >> 2];
            t = (b & 3) << 4;
            j = 1;
            break;
          case 1:
            chunk[i2++] = b64[t | b >> 4];
            t = (b & 15) << 2;
            j = 2;
            break;
          case 2:
            chunk[i2++] = b64[t | b >> 6];
            chunk[i2++] = b64[b & 63];
            j = 0;
            break;
        }
        if (i2 > 8191) {
          (parts || (parts = [])).push(String.fromCharCode.apply(String, chunk));
          i2 = 0;
        }
      }
      if (j) {
        chunk[i2++] = b64[t];
        chunk[i2++] = 61;
        if (j === 1)
          chunk[i2++] = 61;
      }
      if (parts) {
        if (i2)
          parts.push(String.fromCharCode.apply(String, chunk.slice(0, i2)));
        return parts.join("");
      }
      return String.fromCharCode.apply(String, chunk.slice(0, i2));
    };
    var invalidEncoding = "invalid encoding";
    base64.decode = function decode2(string2, buffer, offset) {
      var start = offset;
      var j = 0, t;
      for (var i2 = 0; i2 < string2.length; ) {
        var c = string2.charCodeAt(i2++);
        if (c === 61 && j > 1)
          break;
        if ((c = s64[c]) === void 0)
          throw Error(invalidEncoding);
        switch (j) {
          case 0:
            t = c;
            j = 1;
            break;
          case 1:
            buffer[offset++] = t << 2 | (c & 48) >> 4;
            t = c;
            j = 2;
            break;
          case 2:
            buffer[offset++] = (t & 15) << 4 | (c & 60) >> 2;
            t = c;
            j = 3;
            break;
          case 3:
            buffer[offset++] = (t & 3) << 6 | c;
            j = 0;
            break;
        }
      }
      if (j === 1)
        throw Error(invalidEncoding);
      return offset - start;
    };
    base64.test = function test(string2) {
      return /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(string2);
    };
  }
});

// node_modules/@protobufjs/eventemitter/index.js
var require_eventemitter = __commonJS({
  "node_modules/@protobufjs/eventemitter/index.js"(exports, module) {
    "use strict";
    module.exports = EventEmitter;
    function EventEmitter() {
      this._listeners = /* @__PURE__ */ Object.create(null);
    }
    EventEmitter.prototype.on = function on(evt, fn, ctx) {
      (this._listeners[evt] || (this._listeners[evt] = [])).push({
        fn,
        ctx: ctx || this
      });
      return this;
    };
    EventEmitter.prototype.off = function off(evt, fn) {
      if (evt === void 0)
        this._listeners = /* @__PURE__ */ Object.create(null);
      else {
        if (fn === void 0)
          this._listeners[evt] = [];
        else {
          var listeners = this._listeners[evt];
          if (!listeners)
            return this;
          for (var i = 0; i < listeners.length; )
            if (listeners[i].fn === fn)
              listeners.splice(i, 1);
            else
              ++i;
        }
      }
      return this;
    };
    EventEmitter.prototype.emit = function emit(evt) {
      var listeners = this._listeners[evt];
      if (listeners) {
        var args = [], i = 1;
        for (; i < arguments.length; )
          args.push(arguments[i++]);
        for (i = 0; i < listeners.length; )
          listeners[i].fn.apply(listeners[i++].ctx, args);
      }
      return this;
    };
  }
});

// node_modules/@protobufjs/float/index.js
var require_float = __commonJS({
  "node_modules/@protobufjs/float/index.js"(exports, module) {
    "use strict";
    module.exports = factory(factory);
    function factory(exports2) {
      if (typeof Float32Array !== "undefined") (function() {
        var f322 = new Float32Array([-0]), f8b = new Uint8Array(f322.buffer), le = f8b[3] === 128;
        function writeFloat_f32_cpy(val, buf, pos) {
          f322[0] = val;
          buf[pos] = f8b[0];
          buf[pos + 1] = f8b[1];
          buf[pos + 2] = f8b[2];
          buf[pos + 3] = f8b[3];
        }
        function writeFloat_f32_rev(val, buf, pos) {
          f322[0] = val;
          buf[pos] = f8b[3];
          buf[pos + 1] = f8b[2];
          buf[pos + 2] = f8b[1];
          buf[pos + 3] = f8b[0];
        }
        exports2.writeFloatLE = le ? writeFloat_f32_cpy : writeFloat_f32_rev;
        exports2.writeFloatBE = le ? writeFloat_f32_rev : writeFloat_f32_cpy;
        function readFloat_f32_cpy(buf, pos) {
          f8b[0] = buf[pos];
          f8b[1] = buf[pos + 1];
          f8b[2] = buf[pos + 2];
          f8b[3] = buf[pos + 3];
          return f322[0];
        }
        function readFloat_f32_rev(buf, pos) {
          f8b[3] = buf[pos];
          f8b[2] = buf[pos + 1];
          f8b[1] = buf[pos + 2];
          f8b[0] = buf[pos + 3];
          return f322[0];
        }
        exports2.readFloatLE = le ? readFloat_f32_cpy : readFloat_f32_rev;
        exports2.readFloatBE = le ? readFloat_f32_rev : readFloat_f32_cpy;
      })();
      else (function() {
        function writeFloat_ieee754(writeUint, val, buf, pos) {
          var sign = val < 0 ? 1 : 0;
          if (sign)
            val = -val;
          if (val === 0)
            writeUint(1 / val > 0 ? (
              /* positive */
              0
            ) : (
              /* negative 0 */
              2147483648
            ), buf, pos);
          else if (isNaN(val))
            writeUint(2143289344, buf, pos);
          else if (val > 34028234663852886e22)
            writeUint((sign << 31 | 2139095040) >>> 0, buf, pos);
          else if (val < 11754943508222875e-54)
            writeUint((sign << 31 | Math.round(val / 1401298464324817e-60)) >>> 0, buf, pos);
          else {
            var exponent = Math.floor(Math.log(val) / Math.LN2), mantissa = Math.round(val * Math.pow(2, -exponent) * 8388608) & 8388607;
            writeUint((sign << 31 | exponent + 127 << 23 | mantissa) >>> 0, buf, pos);
          }
        }
        exports2.writeFloatLE = writeFloat_ieee754.bind(null, writeUintLE);
        exports2.writeFloatBE = writeFloat_ieee754.bind(null, writeUintBE);
        function readFloat_ieee754(readUint, buf, pos) {
          var uint = readUint(buf, pos), sign = (uint >> 31) * 2 + 1, exponent = uint >>> 23 & 255, mantissa = uint & 8388607;
          return exponent === 255 ? mantissa ? NaN : sign * Infinity : exponent === 0 ? sign * 1401298464324817e-60 * mantissa : sign * Math.pow(2, exponent - 150) * (mantissa + 8388608);
        }
        exports2.readFloatLE = readFloat_ieee754.bind(null, readUintLE);
        exports2.readFloatBE = readFloat_ieee754.bind(null, readUintBE);
      })();
      if (typeof Float64Array !== "undefined") (function() {
        var f64 = new Float64Array([-0]), f8b = new Uint8Array(f64.buffer), le = f8b[7] === 128;
        function writeDouble_f64_cpy(val, buf, pos) {
          f64[0] = val;
          buf[pos] = f8b[0];
          buf[pos + 1] = f8b[1];
          buf[pos + 2] = f8b[2];
          buf[pos + 3] = f8b[3];
          buf[pos + 4] = f8b[4];
          buf[pos + 5] = f8b[5];
          buf[pos + 6] = f8b[6];
          buf[pos + 7] = f8b[7];
        }
        function writeDouble_f64_rev(val, buf, pos) {
          f64[0] = val;
          buf[pos] = f8b[7];
          buf[pos + 1] = f8b[6];
          buf[pos + 2] = f8b[5];
          buf[pos + 3] = f8b[4];
          buf[pos + 4] = f8b[3];
          buf[pos + 5] = f8b[2];
          buf[pos + 6] = f8b[1];
          buf[pos + 7] = f8b[0];
        }
        exports2.writeDoubleLE = le ? writeDouble_f64_cpy : writeDouble_f64_rev;
        exports2.writeDoubleBE = le ? writeDouble_f64_rev : writeDouble_f64_cpy;
        function readDouble_f64_cpy(buf, pos) {
          f8b[0] = buf[pos];
          f8b[1] = buf[pos + 1];
          f8b[2] = buf[pos + 2];
          f8b[3] = buf[pos + 3];
          f8b[4] = buf[pos + 4];
          f8b[5] = buf[pos + 5];
          f8b[6] = buf[pos + 6];
          f8b[7] = buf[pos + 7];
          return f64[0];
        }
        function readDouble_f64_rev(buf, pos) {
          f8b[7] = buf[pos];
          f8b[6] = buf[pos + 1];
          f8b[5] = buf[pos + 2];
          f8b[4] = buf[pos + 3];
          f8b[3] = buf[pos + 4];
          f8b[2] = buf[pos + 5];
          f8b[1] = buf[pos + 6];
          f8b[0] = buf[pos + 7];
          return f64[0];
        }
        exports2.readDoubleLE = le ? readDouble_f64_cpy : readDouble_f64_rev;
        exports2.readDoubleBE = le ? readDouble_f64_rev : readDouble_f64_cpy;
      })();
      else (function() {
        function writeDouble_ieee754(writeUint, off0, off1, val, buf, pos) {
          var sign = val < 0 ? 1 : 0;
          if (sign)
            val = -val;
          if (val === 0) {
            writeUint(0, buf, pos + off0);
            writeUint(1 / val > 0 ? (
              /* positive */
              0
            ) : (
              /* negative 0 */
              2147483648
            ), buf, pos + off1);
          } else if (isNaN(val)) {
            writeUint(0, buf, pos + off0);
            writeUint(2146959360, buf, pos + off1);
          } else if (val > 17976931348623157e292) {
            writeUint(0, buf, pos + off0);
            writeUint((sign << 31 | 2146435072) >>> 0, buf, pos + off1);
          } else {
            var mantissa;
            if (val < 22250738585072014e-324) {
              mantissa = val / 5e-324;
              writeUint(mantissa >>> 0, buf, pos + off0);
              writeUint((sign << 31 | mantissa / 4294967296) >>> 0, buf, pos + off1);
            } else {
              var exponent = Math.floor(Math.log(val) / Math.LN2);
              if (exponent === 1024)
                exponent = 1023;
              mantissa = val * Math.pow(2, -exponent);
              writeUint(mantissa * 4503599627370496 >>> 0, buf, pos + off0);
              writeUint((sign << 31 | exponent + 1023 << 20 | mantissa * 1048576 & 1048575) >>> 0, buf, pos + off1);
            }
          }
        }
        exports2.writeDoubleLE = writeDouble_ieee754.bind(null, writeUintLE, 0, 4);
        exports2.writeDoubleBE = writeDouble_ieee754.bind(null, writeUintBE, 4, 0);
        function readDouble_ieee754(readUint, off0, off1, buf, pos) {
          var lo = readUint(buf, pos + off0), hi = readUint(buf, pos + off1);
          var sign = (hi >> 31) * 2 + 1, exponent = hi >>> 20 & 2047, mantissa = 4294967296 * (hi & 1048575) + lo;
          return exponent === 2047 ? mantissa ? NaN : sign * Infinity : exponent === 0 ? sign * 5e-324 * mantissa : sign * Math.pow(2, exponent - 1075) * (mantissa + 4503599627370496);
        }
        exports2.readDoubleLE = readDouble_ieee754.bind(null, readUintLE, 0, 4);
        exports2.readDoubleBE = readDouble_ieee754.bind(null, readUintBE, 4, 0);
      })();
      return exports2;
    }
    function writeUintLE(val, buf, pos) {
      buf[pos] = val & 255;
      buf[pos + 1] = val >>> 8 & 255;
      buf[pos + 2] = val >>> 16 & 255;
      buf[pos + 3] = val >>> 24;
    }
    function writeUintBE(val, buf, pos) {
      buf[pos] = val >>> 24;
      buf[pos + 1] = val >>> 16 & 255;
      buf[pos + 2] = val >>> 8 & 255;
      buf[pos + 3] = val & 255;
    }
    function readUintLE(buf, pos) {
      return (buf[pos] | buf[pos + 1] << 8 | buf[pos + 2] << 16 | buf[pos + 3] << 24) >>> 0;
    }
    function readUintBE(buf, pos) {
      return (buf[pos] << 24 | buf[pos + 1] << 16 | buf[pos + 2] << 8 | buf[pos + 3]) >>> 0;
    }
  }
});

// node_modules/@protobufjs/inquire/index.js
var require_inquire = __commonJS({
  "node_modules/@protobufjs/inquire/index.js"(exports, module) {
    "use strict";
    module.exports = inquire;
    function inquire(moduleName) {
      try {
        if (typeof __require !== "function") {
          return null;
        }
        var mod = __require(moduleName);
        if (mod && (mod.length || Object.keys(mod).length)) return mod;
        return null;
      } catch (err) {
        return null;
      }
    }
  }
});

// node_modules/@protobufjs/utf8/index.js
var require_utf8 = __commonJS({
  "node_modules/@protobufjs/utf8/index.js"(exports) {
    "use strict";
    var utf8 = exports;
    var replacementCharCode = 65533;
    utf8.length = function utf8_length(string2) {
      var len = 0, c = 0;
      for (var i = 0; i < string2.length; ++i) {
        c = string2.charCodeAt(i);
        if (c < 128)
          len += 1;
        else if (c < 2048)
          len += 2;
        else if ((c & 64512) === 55296 && (string2.charCodeAt(i + 1) & 64512) === 56320) {
          ++i;
          len += 4;
        } else
          len += 3;
      }
      return len;
    };
    utf8.read = function utf8_read(buffer, start, end) {
      if (end - start < 1)
        return "";
      var parts = null, chunk = [], i = 0, t, t2, c2, c3;
      while (start < end) {
        t = buffer[start++];
        if (t <= 127) {
          chunk[i++] = t;
        } else if (t >= 192 && t < 224) {
          c2 = (t & 31) << 6 | buffer[start++] & 63;
          chunk[i++] = c2 >= 128 ? c2 : replacementCharCode;
        } else if (t >= 224 && t < 240) {
          c3 = (t & 15) << 12 | (buffer[start++] & 63) << 6 | buffer[start++] & 63;
          chunk[i++] = c3 >= 2048 ? c3 : replacementCharCode;
        } else if (t >= 240) {
          t2 = (t & 7) << 18 | (buffer[start++] & 63) << 12 | (buffer[start++] & 63) << 6 | buffer[start++] & 63;
          if (t2 < 65536 || t2 > 1114111)
            chunk[i++] = replacementCharCode;
          else {
            t2 -= 65536;
            chunk[i++] = 55296 + (t2 >> 10);
            chunk[i++] = 56320 + (t2 & 1023);
          }
        }
        if (i > 8191) {
          (parts || (parts = [])).push(String.fromCharCode.apply(String, chunk.slice(0, i)));
          i = 0;
        }
      }
      if (parts) {
        if (i)
          parts.push(String.fromCharCode.apply(String, chunk.slice(0, i)));
        return parts.join("");
      }
      return String.fromCharCode.apply(String, chunk.slice(0, i));
    };
    utf8.write = function utf8_write(string2, buffer, offset) {
      var start = offset, c1, c2;
      for (var i = 0; i < string2.length; ++i) {
        c1 = string2.charCodeAt(i);
        if (c1 < 128) {
          buffer[offset++] = c1;
        } else if (c1 < 2048) {
          buffer[offset++] = c1 >> 6 | 192;
          buffer[offset++] = c1 & 63 | 128;
        } else if ((c1 & 64512) === 55296 && ((c2 = string2.charCodeAt(i + 1)) & 64512) === 56320) {
          c1 = 65536 + ((c1 & 1023) << 10) + (c2 & 1023);
          ++i;
          buffer[offset++] = c1 >> 18 | 240;
          buffer[offset++] = c1 >> 12 & 63 | 128;
          buffer[offset++] = c1 >> 6 & 63 | 128;
          buffer[offset++] = c1 & 63 | 128;
        } else {
          buffer[offset++] = c1 >> 12 | 224;
          buffer[offset++] = c1 >> 6 & 63 | 128;
          buffer[offset++] = c1 & 63 | 128;
        }
      }
      return offset - start;
    };
  }
});

// node_modules/@protobufjs/pool/index.js
var require_pool = __commonJS({
  "node_modules/@protobufjs/pool/index.js"(exports, module) {
    "use strict";
    module.exports = pool;
    function pool(alloc, slice, size) {
      var SIZE = size || 8192;
      var MAX = SIZE >>> 1;
      var slab = null;
      var offset = SIZE;
      return function pool_alloc(size2) {
        if (size2 < 1 || size2 > MAX)
          return alloc(size2);
        if (offset + size2 > SIZE) {
          slab = alloc(SIZE);
          offset = 0;
        }
        var buf = slice.call(slab, offset, offset += size2);
        if (offset & 7)
          offset = (offset | 7) + 1;
        return buf;
      };
    }
  }
});

// node_modules/protobufjs/src/util/longbits.js
var require_longbits = __commonJS({
  "node_modules/protobufjs/src/util/longbits.js"(exports, module) {
    "use strict";
    module.exports = LongBits;
    var util = require_minimal();
    function LongBits(lo, hi) {
      this.lo = lo >>> 0;
      this.hi = hi >>> 0;
    }
    var zero = LongBits.zero = new LongBits(0, 0);
    zero.toNumber = function() {
      return 0;
    };
    zero.zzEncode = zero.zzDecode = function() {
      return this;
    };
    zero.length = function() {
      return 1;
    };
    var zeroHash = LongBits.zeroHash = "\0\0\0\0\0\0\0\0";
    LongBits.fromNumber = function fromNumber(value) {
      if (value === 0)
        return zero;
      var sign = value < 0;
      if (sign)
        value = -value;
      var lo = value >>> 0, hi = (value - lo) / 4294967296 >>> 0;
      if (sign) {
        hi = ~hi >>> 0;
        lo = ~lo >>> 0;
        if (++lo > 4294967295) {
          lo = 0;
          if (++hi > 4294967295)
            hi = 0;
        }
      }
      return new LongBits(lo, hi);
    };
    LongBits.from = function from(value) {
      if (typeof value === "number")
        return LongBits.fromNumber(value);
      if (util.isString(value)) {
        if (util.Long)
          value = util.Long.fromString(value);
        else
          return LongBits.fromNumber(parseInt(value, 10));
      }
      return value.low || value.high ? new LongBits(value.low >>> 0, value.high >>> 0) : zero;
    };
    LongBits.prototype.toNumber = function toNumber(unsigned) {
      if (!unsigned && this.hi >>> 31) {
        var lo = ~this.lo + 1 >>> 0, hi = ~this.hi >>> 0;
        if (!lo)
          hi = hi + 1 >>> 0;
        return -(lo + hi * 4294967296);
      }
      return this.lo + this.hi * 4294967296;
    };
    LongBits.prototype.toLong = function toLong(unsigned) {
      return util.Long ? new util.Long(this.lo | 0, this.hi | 0, Boolean(unsigned)) : { low: this.lo | 0, high: this.hi | 0, unsigned: Boolean(unsigned) };
    };
    var charCodeAt = String.prototype.charCodeAt;
    LongBits.fromHash = function fromHash(hash) {
      if (hash === zeroHash)
        return zero;
      return new LongBits(
        (charCodeAt.call(hash, 0) | charCodeAt.call(hash, 1) << 8 | charCodeAt.call(hash, 2) << 16 | charCodeAt.call(hash, 3) << 24) >>> 0,
        (charCodeAt.call(hash, 4) | charCodeAt.call(hash, 5) << 8 | charCodeAt.call(hash, 6) << 16 | charCodeAt.call(hash, 7) << 24) >>> 0
      );
    };
    LongBits.prototype.toHash = function toHash() {
      return String.fromCharCode(
        this.lo & 255,
        this.lo >>> 8 & 255,
        this.lo >>> 16 & 255,
        this.lo >>> 24,
        this.hi & 255,
        this.hi >>> 8 & 255,
        this.hi >>> 16 & 255,
        this.hi >>> 24
      );
    };
    LongBits.prototype.zzEncode = function zzEncode() {
      var mask = this.hi >> 31;
      this.hi = ((this.hi << 1 | this.lo >>> 31) ^ mask) >>> 0;
      this.lo = (this.lo << 1 ^ mask) >>> 0;
      return this;
    };
    LongBits.prototype.zzDecode = function zzDecode() {
      var mask = -(this.lo & 1);
      this.lo = ((this.lo >>> 1 | this.hi << 31) ^ mask) >>> 0;
      this.hi = (this.hi >>> 1 ^ mask) >>> 0;
      return this;
    };
    LongBits.prototype.length = function length() {
      var part0 = this.lo, part1 = (this.lo >>> 28 | this.hi << 4) >>> 0, part2 = this.hi >>> 24;
      return part2 === 0 ? part1 === 0 ? part0 < 16384 ? part0 < 128 ? 1 : 2 : part0 < 2097152 ? 3 : 4 : part1 < 16384 ? part1 < 128 ? 5 : 6 : part1 < 2097152 ? 7 : 8 : part2 < 128 ? 9 : 10;
    };
  }
});

// node_modules/protobufjs/src/util/minimal.js
var require_minimal = __commonJS({
  "node_modules/protobufjs/src/util/minimal.js"(exports) {
    "use strict";
    var util = exports;
    util.asPromise = require_aspromise();
    util.base64 = require_base64();
    util.EventEmitter = require_eventemitter();
    util.float = require_float();
    util.inquire = require_inquire();
    util.utf8 = require_utf8();
    util.pool = require_pool();
    util.LongBits = require_longbits();
    util.isNode = Boolean(typeof global !== "undefined" && global && global.process && global.process.versions && global.process.versions.node);
    util.global = util.isNode && global || typeof window !== "undefined" && window || typeof self !== "undefined" && self || exports;
    util.emptyArray = Object.freeze ? Object.freeze([]) : (
      /* istanbul ignore next */
      []
    );
    util.emptyObject = Object.freeze ? Object.freeze({}) : (
      /* istanbul ignore next */
      {}
    );
    util.isInteger = Number.isInteger || /* istanbul ignore next */
    function isInteger(value) {
      return typeof value === "number" && isFinite(value) && Math.floor(value) === value;
    };
    util.isString = function isString(value) {
      return typeof value === "string" || value instanceof String;
    };
    util.isObject = function isObject2(value) {
      return value && typeof value === "object";
    };
    util.isset = /**
     * Checks if a property on a message is considered to be present.
     * @param {Object} obj Plain object or message instance
     * @param {string} prop Property name
     * @returns {boolean} `true` if considered to be present, otherwise `false`
     */
    util.isSet = function isSet(obj, prop) {
      var value = obj[prop];
      if (value != null && obj.hasOwnProperty(prop))
        return typeof value !== "object" || (Array.isArray(value) ? value.length : Object.keys(value).length) > 0;
      return false;
    };
    util.Buffer = (function() {
      try {
        var Buffer2 = util.inquire("buffer").Buffer;
        return Buffer2.prototype.utf8Write ? Buffer2 : (
          /* istanbul ignore next */
          null
        );
      } catch (e) {
        return null;
      }
    })();
    util._Buffer_from = null;
    util._Buffer_allocUnsafe = null;
    util.newBuffer = function newBuffer(sizeOrArray) {
      return typeof sizeOrArray === "number" ? util.Buffer ? util._Buffer_allocUnsafe(sizeOrArray) : new util.Array(sizeOrArray) : util.Buffer ? util._Buffer_from(sizeOrArray) : typeof Uint8Array === "undefined" ? sizeOrArray : new Uint8Array(sizeOrArray);
    };
    util.Array = typeof Uint8Array !== "undefined" ? Uint8Array : Array;
    util.Long = /* istanbul ignore next */
    util.global.dcodeIO && /* istanbul ignore next */
    util.global.dcodeIO.Long || /* istanbul ignore next */
    util.global.Long || util.inquire("long");
    util.key2Re = /^true|false|0|1$/;
    util.key32Re = /^-?(?:0|[1-9][0-9]*)$/;
    util.key64Re = /^(?:[\\x00-\\xff]{8}|-?(?:0|[1-9][0-9]*))$/;
    util.longToHash = function longToHash(value) {
      return value ? util.LongBits.from(value).toHash() : util.LongBits.zeroHash;
    };
    util.longFromHash = function longFromHash(hash, unsigned) {
      var bits = util.LongBits.fromHash(hash);
      if (util.Long)
        return util.Long.fromBits(bits.lo, bits.hi, unsigned);
      return bits.toNumber(Boolean(unsigned));
    };
    function merge(dst, src, ifNotSet) {
      for (var keys = Object.keys(src), i = 0; i < keys.length; ++i)
        if (dst[keys[i]] === void 0 || !ifNotSet)
          dst[keys[i]] = src[keys[i]];
      return dst;
    }
    util.merge = merge;
    util.lcFirst = function lcFirst(str) {
      return str.charAt(0).toLowerCase() + str.substring(1);
    };
    function newError(name) {
      function CustomError(message, properties) {
        if (!(this instanceof CustomError))
          return new CustomError(message, properties);
        Object.defineProperty(this, "message", { get: function() {
          return message;
        } });
        if (Error.captureStackTrace)
          Error.captureStackTrace(this, CustomError);
        else
          Object.defineProperty(this, "stack", { value: new Error().stack || "" });
        if (properties)
          merge(this, properties);
      }
      (CustomError.prototype = Object.create(Error.prototype)).constructor = CustomError;
      Object.defineProperty(CustomError.prototype, "name", { get: function() {
        return name;
      } });
      CustomError.prototype.toString = function toString() {
        return this.name + ": " + this.message;
      };
      return CustomError;
    }
    util.newError = newError;
    util.ProtocolError = newError("ProtocolError");
    util.oneOfGetter = function getOneOf(fieldNames) {
      var fieldMap = {};
      for (var i = 0; i < fieldNames.length; ++i)
        fieldMap[fieldNames[i]] = 1;
      return function() {
        for (var keys = Object.keys(this), i2 = keys.length - 1; i2 > -1; --i2)
          if (fieldMap[keys[i2]] === 1 && this[keys[i2]] !== void 0 && this[keys[i2]] !== null)
            return keys[i2];
      };
    };
    util.oneOfSetter = function setOneOf(fieldNames) {
      return function(name) {
        for (var i = 0; i < fieldNames.length; ++i)
          if (fieldNames[i] !== name)
            delete this[fieldNames[i]];
      };
    };
    util.toJSONOptions = {
      longs: String,
      enums: String,
      bytes: String,
      json: true
    };
    util._configure = function() {
      var Buffer2 = util.Buffer;
      if (!Buffer2) {
        util._Buffer_from = util._Buffer_allocUnsafe = null;
        return;
      }
      util._Buffer_from = Buffer2.from !== Uint8Array.from && Buffer2.from || /* istanbul ignore next */
      function Buffer_from(value, encoding) {
        return new Buffer2(value, encoding);
      };
      util._Buffer_allocUnsafe = Buffer2.allocUnsafe || /* istanbul ignore next */
      function Buffer_allocUnsafe(size) {
        return new Buffer2(size);
      };
    };
  }
});

// node_modules/protobufjs/src/writer.js
var require_writer = __commonJS({
  "node_modules/protobufjs/src/writer.js"(exports, module) {
    "use strict";
    module.exports = Writer;
    var util = require_minimal();
    var BufferWriter;
    var LongBits = util.LongBits;
    var base64 = util.base64;
    var utf8 = util.utf8;
    function Op(fn, len, val) {
      this.fn = fn;
      this.len = len;
      this.next = void 0;
      this.val = val;
    }
    function noop() {
    }
    function State(writer) {
      this.head = writer.head;
      this.tail = writer.tail;
      this.len = writer.len;
      this.next = writer.states;
    }
    function Writer() {
      this.len = 0;
      this.head = new Op(noop, 0, 0);
      this.tail = this.head;
      this.states = null;
    }
    var create = function create2() {
      return util.Buffer ? function create_buffer_setup() {
        return (Writer.create = function create_buffer() {
          return new BufferWriter();
        })();
      } : function create_array() {
        return new Writer();
      };
    };
    Writer.create = create();
    Writer.alloc = function alloc(size) {
      return new util.Array(size);
    };
    if (util.Array !== Array)
      Writer.alloc = util.pool(Writer.alloc, util.Array.prototype.subarray);
    Writer.prototype._push = function push(fn, len, val) {
      this.tail = this.tail.next = new Op(fn, len, val);
      this.len += len;
      return this;
    };
    function writeByte(val, buf, pos) {
      buf[pos] = val & 255;
    }
    function writeVarint32(val, buf, pos) {
      while (val > 127) {
        buf[pos++] = val & 127 | 128;
        val >>>= 7;
      }
      buf[pos] = val;
    }
    function VarintOp(len, val) {
      this.len = len;
      this.next = void 0;
      this.val = val;
    }
    VarintOp.prototype = Object.create(Op.prototype);
    VarintOp.prototype.fn = writeVarint32;
    Writer.prototype.uint32 = function write_uint32(value) {
      this.len += (this.tail = this.tail.next = new VarintOp(
        (value = value >>> 0) < 128 ? 1 : value < 16384 ? 2 : value < 2097152 ? 3 : value < 268435456 ? 4 : 5,
        value
      )).len;
      return this;
    };
    Writer.prototype.int32 = function write_int32(value) {
      return value < 0 ? this._push(writeVarint64, 10, LongBits.fromNumber(value)) : this.uint32(value);
    };
    Writer.prototype.sint32 = function write_sint32(value) {
      return this.uint32((value << 1 ^ value >> 31) >>> 0);
    };
    function writeVarint64(val, buf, pos) {
      while (val.hi) {
        buf[pos++] = val.lo & 127 | 128;
        val.lo = (val.lo >>> 7 | val.hi << 25) >>> 0;
        val.hi >>>= 7;
      }
      while (val.lo > 127) {
        buf[pos++] = val.lo & 127 | 128;
        val.lo = val.lo >>> 7;
      }
      buf[pos++] = val.lo;
    }
    Writer.prototype.uint64 = function write_uint64(value) {
      var bits = LongBits.from(value);
      return this._push(writeVarint64, bits.length(), bits);
    };
    Writer.prototype.int64 = Writer.prototype.uint64;
    Writer.prototype.sint64 = function write_sint64(value) {
      var bits = LongBits.from(value).zzEncode();
      return this._push(writeVarint64, bits.length(), bits);
    };
    Writer.prototype.bool = function write_bool(value) {
      return this._push(writeByte, 1, value ? 1 : 0);
    };
    function writeFixed32(val, buf, pos) {
      buf[pos] = val & 255;
      buf[pos + 1] = val >>> 8 & 255;
      buf[pos + 2] = val >>> 16 & 255;
      buf[pos + 3] = val >>> 24;
    }
    Writer.prototype.fixed32 = function write_fixed32(value) {
      return this._push(writeFixed32, 4, value >>> 0);
    };
    Writer.prototype.sfixed32 = Writer.prototype.fixed32;
    Writer.prototype.fixed64 = function write_fixed64(value) {
      var bits = LongBits.from(value);
      return this._push(writeFixed32, 4, bits.lo)._push(writeFixed32, 4, bits.hi);
    };
    Writer.prototype.sfixed64 = Writer.prototype.fixed64;
    Writer.prototype.float = function write_float(value) {
      return this._push(util.float.writeFloatLE, 4, value);
    };
    Writer.prototype.double = function write_double(value) {
      return this._push(util.float.writeDoubleLE, 8, value);
    };
    var writeBytes = util.Array.prototype.set ? function writeBytes_set(val, buf, pos) {
      buf.set(val, pos);
    } : function writeBytes_for(val, buf, pos) {
      for (var i = 0; i < val.length; ++i)
        buf[pos + i] = val[i];
    };
    Writer.prototype.bytes = function write_bytes(value) {
      var len = value.length >>> 0;
      if (!len)
        return this._push(writeByte, 1, 0);
      if (util.isString(value)) {
        var buf = Writer.alloc(len = base64.length(value));
        base64.decode(value, buf, 0);
        value = buf;
      }
      return this.uint32(len)._push(writeBytes, len, value);
    };
    Writer.prototype.string = function write_string(value) {
      var len = utf8.length(value);
      return len ? this.uint32(len)._push(utf8.write, len, value) : this._push(writeByte, 1, 0);
    };
    Writer.prototype.fork = function fork() {
      this.states = new State(this);
      this.head = this.tail = new Op(noop, 0, 0);
      this.len = 0;
      return this;
    };
    Writer.prototype.reset = function reset() {
      if (this.states) {
        this.head = this.states.head;
        this.tail = this.states.tail;
        this.len = this.states.len;
        this.states = this.states.next;
      } else {
        this.head = this.tail = new Op(noop, 0, 0);
        this.len = 0;
      }
      return this;
    };
    Writer.prototype.ldelim = function ldelim() {
      var head = this.head, tail = this.tail, len = this.len;
      this.reset().uint32(len);
      if (len) {
        this.tail.next = head.next;
        this.tail = tail;
        this.len += len;
      }
      return this;
    };
    Writer.prototype.finish = function finish() {
      var head = this.head.next, buf = this.constructor.alloc(this.len), pos = 0;
      while (head) {
        head.fn(head.val, buf, pos);
        pos += head.len;
        head = head.next;
      }
      return buf;
    };
    Writer._configure = function(BufferWriter_) {
      BufferWriter = BufferWriter_;
      Writer.create = create();
      BufferWriter._configure();
    };
  }
});

// node_modules/protobufjs/src/writer_buffer.js
var require_writer_buffer = __commonJS({
  "node_modules/protobufjs/src/writer_buffer.js"(exports, module) {
    "use strict";
    module.exports = BufferWriter;
    var Writer = require_writer();
    (BufferWriter.prototype = Object.create(Writer.prototype)).constructor = BufferWriter;
    var util = require_minimal();
    function BufferWriter() {
      Writer.call(this);
    }
    BufferWriter._configure = function() {
      BufferWriter.alloc = util._Buffer_allocUnsafe;
      BufferWriter.writeBytesBuffer = util.Buffer && util.Buffer.prototype instanceof Uint8Array && util.Buffer.prototype.set.name === "set" ? function writeBytesBuffer_set(val, buf, pos) {
        buf.set(val, pos);
      } : function writeBytesBuffer_copy(val, buf, pos) {
        if (val.copy)
          val.copy(buf, pos, 0, val.length);
        else for (var i = 0; i < val.length; )
          buf[pos++] = val[i++];
      };
    };
    BufferWriter.prototype.bytes = function write_bytes_buffer(value) {
      if (util.isString(value))
        value = util._Buffer_from(value, "base64");
      var len = value.length >>> 0;
      this.uint32(len);
      if (len)
        this._push(BufferWriter.writeBytesBuffer, len, value);
      return this;
    };
    function writeStringBuffer(val, buf, pos) {
      if (val.length < 40)
        util.utf8.write(val, buf, pos);
      else if (buf.utf8Write)
        buf.utf8Write(val, pos);
      else
        buf.write(val, pos);
    }
    BufferWriter.prototype.string = function write_string_buffer(value) {
      var len = util.Buffer.byteLength(value);
      this.uint32(len);
      if (len)
        this._push(writeStringBuffer, len, value);
      return this;
    };
    BufferWriter._configure();
  }
});

// node_modules/protobufjs/src/reader.js
var require_reader = __commonJS({
  "node_modules/protobufjs/src/reader.js"(exports, module) {
    "use strict";
    module.exports = Reader;
    var util = require_minimal();
    var BufferReader;
    var LongBits = util.LongBits;
    var utf8 = util.utf8;
    function indexOutOfRange(reader, writeLength) {
      return RangeError("index out of range: " + reader.pos + " + " + (writeLength || 1) + " > " + reader.len);
    }
    function Reader(buffer) {
      this.buf = buffer;
      this.pos = 0;
      this.len = buffer.length;
    }
    var create_array = typeof Uint8Array !== "undefined" ? function create_typed_array(buffer) {
      if (buffer instanceof Uint8Array || Array.isArray(buffer))
        return new Reader(buffer);
      throw Error("illegal buffer");
    } : function create_array2(buffer) {
      if (Array.isArray(buffer))
        return new Reader(buffer);
      throw Error("illegal buffer");
    };
    var create = function create2() {
      return util.Buffer ? function create_buffer_setup(buffer) {
        return (Reader.create = function create_buffer(buffer2) {
          return util.Buffer.isBuffer(buffer2) ? new BufferReader(buffer2) : create_array(buffer2);
        })(buffer);
      } : create_array;
    };
    Reader.create = create();
    Reader.prototype._slice = util.Array.prototype.subarray || /* istanbul ignore next */
    util.Array.prototype.slice;
    Reader.prototype.uint32 = /* @__PURE__ */ (function read_uint32_setup() {
      var value = 4294967295;
      return function read_uint32() {
        value = (this.buf[this.pos] & 127) >>> 0;
        if (this.buf[this.pos++] < 128) return value;
        value = (value | (this.buf[this.pos] & 127) << 7) >>> 0;
        if (this.buf[this.pos++] < 128) return value;
        value = (value | (this.buf[this.pos] & 127) << 14) >>> 0;
        if (this.buf[this.pos++] < 128) return value;
        value = (value | (this.buf[this.pos] & 127) << 21) >>> 0;
        if (this.buf[this.pos++] < 128) return value;
        value = (value | (this.buf[this.pos] & 15) << 28) >>> 0;
        if (this.buf[this.pos++] < 128) return value;
        if ((this.pos += 5) > this.len) {
          this.pos = this.len;
          throw indexOutOfRange(this, 10);
        }
        return value;
      };
    })();
    Reader.prototype.int32 = function read_int32() {
      return this.uint32() | 0;
    };
    Reader.prototype.sint32 = function read_sint32() {
      var value = this.uint32();
      return value >>> 1 ^ -(value & 1) | 0;
    };
    function readLongVarint() {
      var bits = new LongBits(0, 0);
      var i = 0;
      if (this.len - this.pos > 4) {
        for (; i < 4; ++i) {
          bits.lo = (bits.lo | (this.buf[this.pos] & 127) << i * 7) >>> 0;
          if (this.buf[this.pos++] < 128)
            return bits;
        }
        bits.lo = (bits.lo | (this.buf[this.pos] & 127) << 28) >>> 0;
        bits.hi = (bits.hi | (this.buf[this.pos] & 127) >> 4) >>> 0;
        if (this.buf[this.pos++] < 128)
          return bits;
        i = 0;
      } else {
        for (; i < 3; ++i) {
          if (this.pos >= this.len)
            throw indexOutOfRange(this);
          bits.lo = (bits.lo | (this.buf[this.pos] & 127) << i * 7) >>> 0;
          if (this.buf[this.pos++] < 128)
            return bits;
        }
        bits.lo = (bits.lo | (this.buf[this.pos++] & 127) << i * 7) >>> 0;
        return bits;
      }
      if (this.len - this.pos > 4) {
        for (; i < 5; ++i) {
          bits.hi = (bits.hi | (this.buf[this.pos] & 127) << i * 7 + 3) >>> 0;
          if (this.buf[this.pos++] < 128)
            return bits;
        }
      } else {
        for (; i < 5; ++i) {
          if (this.pos >= this.len)
            throw indexOutOfRange(this);
          bits.hi = (bits.hi | (this.buf[this.pos] & 127) << i * 7 + 3) >>> 0;
          if (this.buf[this.pos++] < 128)
            return bits;
        }
      }
      throw Error("invalid varint encoding");
    }
    Reader.prototype.bool = function read_bool() {
      return this.uint32() !== 0;
    };
    function readFixed32_end(buf, end) {
      return (buf[end - 4] | buf[end - 3] << 8 | buf[end - 2] << 16 | buf[end - 1] << 24) >>> 0;
    }
    Reader.prototype.fixed32 = function read_fixed32() {
      if (this.pos + 4 > this.len)
        throw indexOutOfRange(this, 4);
      return readFixed32_end(this.buf, this.pos += 4);
    };
    Reader.prototype.sfixed32 = function read_sfixed32() {
      if (this.pos + 4 > this.len)
        throw indexOutOfRange(this, 4);
      return readFixed32_end(this.buf, this.pos += 4) | 0;
    };
    function readFixed64() {
      if (this.pos + 8 > this.len)
        throw indexOutOfRange(this, 8);
      return new LongBits(readFixed32_end(this.buf, this.pos += 4), readFixed32_end(this.buf, this.pos += 4));
    }
    Reader.prototype.float = function read_float() {
      if (this.pos + 4 > this.len)
        throw indexOutOfRange(this, 4);
      var value = util.float.readFloatLE(this.buf, this.pos);
      this.pos += 4;
      return value;
    };
    Reader.prototype.double = function read_double() {
      if (this.pos + 8 > this.len)
        throw indexOutOfRange(this, 4);
      var value = util.float.readDoubleLE(this.buf, this.pos);
      this.pos += 8;
      return value;
    };
    Reader.prototype.bytes = function read_bytes() {
      var length = this.uint32(), start = this.pos, end = this.pos + length;
      if (end > this.len)
        throw indexOutOfRange(this, length);
      this.pos += length;
      if (Array.isArray(this.buf))
        return this.buf.slice(start, end);
      return start === end ? new this.buf.constructor(0) : this._slice.call(this.buf, start, end);
    };
    Reader.prototype.string = function read_string() {
      var bytes = this.bytes();
      return utf8.read(bytes, 0, bytes.length);
    };
    Reader.prototype.skip = function skip(length) {
      if (typeof length === "number") {
        if (this.pos + length > this.len)
          throw indexOutOfRange(this, length);
        this.pos += length;
      } else {
        do {
          if (this.pos >= this.len)
            throw indexOutOfRange(this);
        } while (this.buf[this.pos++] & 128);
      }
      return this;
    };
    Reader.prototype.skipType = function(wireType) {
      switch (wireType) {
        case 0:
          this.skip();
          break;
        case 1:
          this.skip(8);
          break;
        case 2:
          this.skip(this.uint32());
          break;
        case 3:
          while ((wireType = this.uint32() & 7) !== 4) {
            this.skipType(wireType);
          }
          break;
        case 5:
          this.skip(4);
          break;
        /* istanbul ignore next */
        default:
          throw Error("invalid wire type " + wireType + " at offset " + this.pos);
      }
      return this;
    };
    Reader._configure = function(BufferReader_) {
      BufferReader = BufferReader_;
      Reader.create = create();
      BufferReader._configure();
      var fn = util.Long ? "toLong" : (
        /* istanbul ignore next */
        "toNumber"
      );
      util.merge(Reader.prototype, {
        int64: function read_int64() {
          return readLongVarint.call(this)[fn](false);
        },
        uint64: function read_uint64() {
          return readLongVarint.call(this)[fn](true);
        },
        sint64: function read_sint64() {
          return readLongVarint.call(this).zzDecode()[fn](false);
        },
        fixed64: function read_fixed64() {
          return readFixed64.call(this)[fn](true);
        },
        sfixed64: function read_sfixed64() {
          return readFixed64.call(this)[fn](false);
        }
      });
    };
  }
});

// node_modules/protobufjs/src/reader_buffer.js
var require_reader_buffer = __commonJS({
  "node_modules/protobufjs/src/reader_buffer.js"(exports, module) {
    "use strict";
    module.exports = BufferReader;
    var Reader = require_reader();
    (BufferReader.prototype = Object.create(Reader.prototype)).constructor = BufferReader;
    var util = require_minimal();
    function BufferReader(buffer) {
      Reader.call(this, buffer);
    }
    BufferReader._configure = function() {
      if (util.Buffer)
        BufferReader.prototype._slice = util.Buffer.prototype.slice;
    };
    BufferReader.prototype.string = function read_string_buffer() {
      var len = this.uint32();
      return this.buf.utf8Slice ? this.buf.utf8Slice(this.pos, this.pos = Math.min(this.pos + len, this.len)) : this.buf.toString("utf-8", this.pos, this.pos = Math.min(this.pos + len, this.len));
    };
    BufferReader._configure();
  }
});

// node_modules/protobufjs/src/rpc/service.js
var require_service = __commonJS({
  "node_modules/protobufjs/src/rpc/service.js"(exports, module) {
    "use strict";
    module.exports = Service;
    var util = require_minimal();
    (Service.prototype = Object.create(util.EventEmitter.prototype)).constructor = Service;
    function Service(rpcImpl, requestDelimited, responseDelimited) {
      if (typeof rpcImpl !== "function")
        throw TypeError("rpcImpl must be a function");
      util.EventEmitter.call(this);
      this.rpcImpl = rpcImpl;
      this.requestDelimited = Boolean(requestDelimited);
      this.responseDelimited = Boolean(responseDelimited);
    }
    Service.prototype.rpcCall = function rpcCall(method, requestCtor, responseCtor, request, callback) {
      if (!request)
        throw TypeError("request must be specified");
      var self2 = this;
      if (!callback)
        return util.asPromise(rpcCall, self2, method, requestCtor, responseCtor, request);
      if (!self2.rpcImpl) {
        setTimeout(function() {
          callback(Error("already ended"));
        }, 0);
        return void 0;
      }
      try {
        return self2.rpcImpl(
          method,
          requestCtor[self2.requestDelimited ? "encodeDelimited" : "encode"](request).finish(),
          function rpcCallback(err, response) {
            if (err) {
              self2.emit("error", err, method);
              return callback(err);
            }
            if (response === null) {
              self2.end(
                /* endedByRPC */
                true
              );
              return void 0;
            }
            if (!(response instanceof responseCtor)) {
              try {
                response = responseCtor[self2.responseDelimited ? "decodeDelimited" : "decode"](response);
              } catch (err2) {
                self2.emit("error", err2, method);
                return callback(err2);
              }
            }
            self2.emit("data", response, method);
            return callback(null, response);
          }
        );
      } catch (err) {
        self2.emit("error", err, method);
        setTimeout(function() {
          callback(err);
        }, 0);
        return void 0;
      }
    };
    Service.prototype.end = function end(endedByRPC) {
      if (this.rpcImpl) {
        if (!endedByRPC)
          this.rpcImpl(null, null, null);
        this.rpcImpl = null;
        this.emit("end").off();
      }
      return this;
    };
  }
});

// node_modules/protobufjs/src/rpc.js
var require_rpc = __commonJS({
  "node_modules/protobufjs/src/rpc.js"(exports) {
    "use strict";
    var rpc = exports;
    rpc.Service = require_service();
  }
});

// node_modules/protobufjs/src/roots.js
var require_roots = __commonJS({
  "node_modules/protobufjs/src/roots.js"(exports, module) {
    "use strict";
    module.exports = {};
  }
});

// node_modules/protobufjs/src/index-minimal.js
var require_index_minimal = __commonJS({
  "node_modules/protobufjs/src/index-minimal.js"(exports) {
    "use strict";
    var protobuf = exports;
    protobuf.build = "minimal";
    protobuf.Writer = require_writer();
    protobuf.BufferWriter = require_writer_buffer();
    protobuf.Reader = require_reader();
    protobuf.BufferReader = require_reader_buffer();
    protobuf.util = require_minimal();
    protobuf.rpc = require_rpc();
    protobuf.roots = require_roots();
    protobuf.configure = configure;
    function configure() {
      protobuf.util._configure();
      protobuf.Writer._configure(protobuf.BufferWriter);
      protobuf.Reader._configure(protobuf.BufferReader);
    }
    configure();
  }
});

// node_modules/protobufjs/minimal.js
var require_minimal2 = __commonJS({
  "node_modules/protobufjs/minimal.js"(exports, module) {
    "use strict";
    module.exports = require_index_minimal();
  }
});

// node_modules/onnx-proto/dist/onnx.js
var require_onnx = __commonJS({
  "node_modules/onnx-proto/dist/onnx.js"(exports, module) {
    "use strict";
    var $protobuf = require_minimal2();
    var $Reader = $protobuf.Reader;
    var $Writer = $protobuf.Writer;
    var $util = $protobuf.util;
    var $root = $protobuf.roots["default"] || ($protobuf.roots["default"] = {});
    $root.onnx = (function() {
      var onnx2 = {};
      onnx2.Version = (function() {
        var valuesById = {}, values = Object.create(valuesById);
        values[valuesById[0] = "_START_VERSION"] = 0;
        values[valuesById[1] = "IR_VERSION_2017_10_10"] = 1;
        values[valuesById[2] = "IR_VERSION_2017_10_30"] = 2;
        values[valuesById[3] = "IR_VERSION_2017_11_3"] = 3;
        values[valuesById[4] = "IR_VERSION_2019_1_22"] = 4;
        values[valuesById[5] = "IR_VERSION_2019_3_18"] = 5;
        values[valuesById[6] = "IR_VERSION_2019_9_19"] = 6;
        values[valuesById[7] = "IR_VERSION_2020_5_8"] = 7;
        values[valuesById[8] = "IR_VERSION"] = 8;
        return values;
      })();
      onnx2.AttributeProto = (function() {
        function AttributeProto(properties) {
          this.floats = [];
          this.ints = [];
          this.strings = [];
          this.tensors = [];
          this.graphs = [];
          this.sparseTensors = [];
          this.typeProtos = [];
          if (properties) {
            for (var keys = Object.keys(properties), i = 0; i < keys.length; ++i)
              if (properties[keys[i]] != null)
                this[keys[i]] = properties[keys[i]];
          }
        }
        AttributeProto.prototype.name = "";
        AttributeProto.prototype.refAttrName = "";
        AttributeProto.prototype.docString = "";
        AttributeProto.prototype.type = 0;
        AttributeProto.prototype.f = 0;
        AttributeProto.prototype.i = $util.Long ? $util.Long.fromBits(0, 0, false) : 0;
        AttributeProto.prototype.s = $util.newBuffer([]);
        AttributeProto.prototype.t = null;
        AttributeProto.prototype.g = null;
        AttributeProto.prototype.sparseTensor = null;
        AttributeProto.prototype.tp = null;
        AttributeProto.prototype.floats = $util.emptyArray;
        AttributeProto.prototype.ints = $util.emptyArray;
        AttributeProto.prototype.strings = $util.emptyArray;
        AttributeProto.prototype.tensors = $util.emptyArray;
        AttributeProto.prototype.graphs = $util.emptyArray;
        AttributeProto.prototype.sparseTensors = $util.emptyArray;
        AttributeProto.prototype.typeProtos = $util.emptyArray;
        AttributeProto.create = function create(properties) {
          return new AttributeProto(properties);
        };
        AttributeProto.encode = function encode(message, writer) {
          if (!writer)
            writer = $Writer.create();
          if (message.name != null && Object.hasOwnProperty.call(message, "name"))
            writer.uint32(
              /* id 1, wireType 2 =*/
              10
            ).string(message.name);
          if (message.f != null && Object.hasOwnProperty.call(message, "f"))
            writer.uint32(
              /* id 2, wireType 5 =*/
              21
            ).float(message.f);
          if (message.i != null && Object.hasOwnProperty.call(message, "i"))
            writer.uint32(
              /* id 3, wireType 0 =*/
              24
            ).int64(message.i);
          if (message.s != null && Object.hasOwnProperty.call(message, "s"))
            writer.uint32(
              /* id 4, wireType 2 =*/
              34
            ).bytes(message.s);
          if (message.t != null && Object.hasOwnProperty.call(message, "t"))
            $root.onnx.TensorProto.encode(message.t, writer.uint32(
              /* id 5, wireType 2 =*/
              42
            ).fork()).ldelim();
          if (message.g != null && Object.hasOwnProperty.call(message, "g"))
            $root.onnx.GraphProto.encode(message.g, writer.uint32(
              /* id 6, wireType 2 =*/
              50
            ).fork()).ldelim();
          if (message.floats != null && message.floats.length) {
            writer.uint32(
              /* id 7, wireType 2 =*/
              58
            ).fork();
            for (var i = 0; i < message.floats.length; ++i)
              writer.float(message.floats[i]);
            writer.ldelim();
          }
          if (message.ints != null && message.ints.length) {
            writer.uint32(
              /* id 8, wireType 2 =*/
              66
            ).fork();
            for (var i = 0; i < message.ints.length; ++i)
              writer.int64(message.ints[i]);
            writer.ldelim();
          }
          if (message.strings != null && message.strings.length)
            for (var i = 0; i < message.strings.length; ++i)
              writer.uint32(
                /* id 9, wireType 2 =*/
                74
              ).bytes(message.strings[i]);
          if (message.tensors != null && message.tensors.length)
            for (var i = 0; i < message.tensors.length; ++i)
              $root.onnx.TensorProto.encode(message.tensors[i], writer.uint32(
                /* id 10, wireType 2 =*/
                82
              ).fork()).ldelim();
          if (message.graphs != null && message.graphs.length)
            for (var i = 0; i < message.graphs.length; ++i)
              $root.onnx.GraphProto.encode(message.graphs[i], writer.uint32(
                /* id 11, wireType 2 =*/
                90
              ).fork()).ldelim();
          if (message.docString != null && Object.hasOwnProperty.call(message, "docString"))
            writer.uint32(
              /* id 13, wireType 2 =*/
              106
            ).string(message.docString);
          if (message.tp != null && Object.hasOwnProperty.call(message, "tp"))
            $root.onnx.TypeProto.encode(message.tp, writer.uint32(
              /* id 14, wireType 2 =*/
              114
            ).fork()).ldelim();
          if (message.typeProtos != null && message.typeProtos.length)
            for (var i = 0; i < message.typeProtos.length; ++i)
              $root.onnx.TypeProto.encode(message.typeProtos[i], writer.uint32(
                /* id 15, wireType 2 =*/
                122
              ).fork()).ldelim();
          if (message.type != null && Object.hasOwnProperty.call(message, "type"))
            writer.uint32(
              /* id 20, wireType 0 =*/
              160
            ).int32(message.type);
          if (message.refAttrName != null && Object.hasOwnProperty.call(message, "refAttrName"))
            writer.uint32(
              /* id 21, wireType 2 =*/
              170
            ).string(message.refAttrName);
          if (message.sparseTensor != null && Object.hasOwnProperty.call(message, "sparseTensor"))
            $root.onnx.SparseTensorProto.encode(message.sparseTensor, writer.uint32(
              /* id 22, wireType 2 =*/
              178
            ).fork()).ldelim();
          if (message.sparseTensors != null && message.sparseTensors.length)
            for (var i = 0; i < message.sparseTensors.length; ++i)
              $root.onnx.SparseTensorProto.encode(message.sparseTensors[i], writer.uint32(
                /* id 23, wireType 2 =*/
                186
              ).fork()).ldelim();
          return writer;
        };
        AttributeProto.encodeDelimited = function encodeDelimited(message, writer) {
          return this.encode(message, writer).ldelim();
        };
        AttributeProto.decode = function decode2(reader, length) {
          if (!(reader instanceof $Reader))
            reader = $Reader.create(reader);
          var end = length === void 0 ? reader.len : reader.pos + length, message = new $root.onnx.AttributeProto();
          while (reader.pos < end) {
            var tag = reader.uint32();
            switch (tag >>> 3) {
              case 1:
                message.name = reader.string();
                break;
              case 21:
                message.refAttrName = reader.string();
                break;
              case 13:
                message.docString = reader.string();
                break;
              case 20:
                message.type = reader.int32();
                break;
              case 2:
                message.f = reader.float();
                break;
              case 3:
                message.i = reader.int64();
                break;
              case 4:
                message.s = reader.bytes();
                break;
              case 5:
                message.t = $root.onnx.TensorProto.decode(reader, reader.uint32());
                break;
              case 6:
                message.g = $root.onnx.GraphProto.decode(reader, reader.uint32());
                break;
              case 22:
                message.sparseTensor = $root.onnx.SparseTensorProto.decode(reader, reader.uint32());
                break;
              case 14:
                message.tp = $root.onnx.TypeProto.decode(reader, reader.uint32());
                break;
              case 7:
                if (!(message.floats && message.floats.length))
                  message.floats = [];
                if ((tag & 7) === 2) {
                  var end2 = reader.uint32() + reader.pos;
                  while (reader.pos < end2)
                    message.floats.push(reader.float());
                } else
                  message.floats.push(reader.float());
                break;
              case 8:
                if (!(message.ints && message.ints.length))
                  message.ints = [];
                if ((tag & 7) === 2) {
                  var end2 = reader.uint32() + reader.pos;
                  while (reader.pos < end2)
                    message.ints.push(reader.int64());
                } else
                  message.ints.push(reader.int64());
                break;
              case 9:
                if (!(message.strings && message.strings.length))
                  message.strings = [];
                message.strings.push(reader.bytes());
                break;
              case 10:
                if (!(message.tensors && message.tensors.length))
                  message.tensors = [];
                message.tensors.push($root.onnx.TensorProto.decode(reader, reader.uint32()));
                break;
              case 11:
                if (!(message.graphs && message.graphs.length))
                  message.graphs = [];
                message.graphs.push($root.onnx.GraphProto.decode(reader, reader.uint32()));
                break;
              case 23:
                if (!(message.sparseTensors && message.sparseTensors.length))
                  message.sparseTensors = [];
                message.sparseTensors.push($root.onnx.SparseTensorProto.decode(reader, reader.uint32()));
                break;
              case 15:
                if (!(message.typeProtos && message.typeProtos.length))
                  message.typeProtos = [];
                message.typeProtos.push($root.onnx.TypeProto.decode(reader, reader.uint32()));
                break;
              default:
                reader.skipType(tag & 7);
                break;
            }
          }
          return message;
        };
        AttributeProto.decodeDelimited = function decodeDelimited(reader) {
          if (!(reader instanceof $Reader))
            reader = new $Reader(reader);
          return this.decode(reader, reader.uint32());
        };
        AttributeProto.verify = function verify(message) {
          if (typeof message !== "object" || message === null)
            return "object expected";
          if (message.name != null && message.hasOwnProperty("name")) {
            if (!$util.isString(message.name))
              return "name: string expected";
          }
          if (message.refAttrName != null && message.hasOwnProperty("refAttrName")) {
            if (!$util.isString(message.refAttrName))
              return "refAttrName: string expected";
          }
          if (message.docString != null && message.hasOwnProperty("docString")) {
            if (!$util.isString(message.docString))
              return "docString: string expected";
          }
          if (message.type != null && message.hasOwnProperty("type"))
            switch (message.type) {
              default:
                return "type: enum value expected";
              case 0:
              case 1:
              case 2:
              case 3:
              case 4:
              case 5:
              case 11:
              case 13:
              case 6:
              case 7:
              case 8:
              case 9:
              case 10:
              case 12:
              case 14:
                break;
            }
          if (message.f != null && message.hasOwnProperty("f")) {
            if (typeof message.f !== "number")
              return "f: number expected";
          }
          if (message.i != null && message.hasOwnProperty("i")) {
            if (!$util.isInteger(message.i) && !(message.i && $util.isInteger(message.i.low) && $util.isInteger(message.i.high)))
              return "i: integer|Long expected";
          }
          if (message.s != null && message.hasOwnProperty("s")) {
            if (!(message.s && typeof message.s.length === "number" || $util.isString(message.s)))
              return "s: buffer expected";
          }
          if (message.t != null && message.hasOwnProperty("t")) {
            var error2 = $root.onnx.TensorProto.verify(message.t);
            if (error2)
              return "t." + error2;
          }
          if (message.g != null && message.hasOwnProperty("g")) {
            var error2 = $root.onnx.GraphProto.verify(message.g);
            if (error2)
              return "g." + error2;
          }
          if (message.sparseTensor != null && message.hasOwnProperty("sparseTensor")) {
            var error2 = $root.onnx.SparseTensorProto.verify(message.sparseTensor);
            if (error2)
              return "sparseTensor." + error2;
          }
          if (message.tp != null && message.hasOwnProperty("tp")) {
            var error2 = $root.onnx.TypeProto.verify(message.tp);
            if (error2)
              return "tp." + error2;
          }
          if (message.floats != null && message.hasOwnProperty("floats")) {
            if (!Array.isArray(message.floats))
              return "floats: array expected";
            for (var i = 0; i < message.floats.length; ++i)
              if (typeof message.floats[i] !== "number")
                return "floats: number[] expected";
          }
          if (message.ints != null && message.hasOwnProperty("ints")) {
            if (!Array.isArray(message.ints))
              return "ints: array expected";
            for (var i = 0; i < message.ints.length; ++i)
              if (!$util.isInteger(message.ints[i]) && !(message.ints[i] && $util.isInteger(message.ints[i].low) && $util.isInteger(message.ints[i].high)))
                return "ints: integer|Long[] expected";
          }
          if (message.strings != null && message.hasOwnProperty("strings")) {
            if (!Array.isArray(message.strings))
              return "strings: array expected";
            for (var i = 0; i < message.strings.length; ++i)
              if (!(message.strings[i] && typeof message.strings[i].length === "number" || $util.isString(message.strings[i])))
                return "strings: buffer[] expected";
          }
          if (message.tensors != null && message.hasOwnProperty("tensors")) {
            if (!Array.isArray(message.tensors))
              return "tensors: array expected";
            for (var i = 0; i < message.tensors.length; ++i) {
              var error2 = $root.onnx.TensorProto.verify(message.tensors[i]);
              if (error2)
                return "tensors." + error2;
            }
          }
          if (message.graphs != null && message.hasOwnProperty("graphs")) {
            if (!Array.isArray(message.graphs))
              return "graphs: array expected";
            for (var i = 0; i < message.graphs.length; ++i) {
              var error2 = $root.onnx.GraphProto.verify(message.graphs[i]);
              if (error2)
                return "graphs." + error2;
            }
          }
          if (message.sparseTensors != null && message.hasOwnProperty("sparseTensors")) {
            if (!Array.isArray(message.sparseTensors))
              return "sparseTensors: array expected";
            for (var i = 0; i < message.sparseTensors.length; ++i) {
              var error2 = $root.onnx.SparseTensorProto.verify(message.sparseTensors[i]);
              if (error2)
                return "sparseTensors." + error2;
            }
          }
          if (message.typeProtos != null && message.hasOwnProperty("typeProtos")) {
            if (!Array.isArray(message.typeProtos))
              return "typeProtos: array expected";
            for (var i = 0; i < message.typeProtos.length; ++i) {
              var error2 = $root.onnx.TypeProto.verify(message.typeProtos[i]);
              if (error2)
                return "typeProtos." + error2;
            }
          }
          return null;
        };
        AttributeProto.fromObject = function fromObject(object2) {
          if (object2 instanceof $root.onnx.AttributeProto)
            return object2;
          var message = new $root.onnx.AttributeProto();
          if (object2.name != null)
            message.name = String(object2.name);
          if (object2.refAttrName != null)
            message.refAttrName = String(object2.refAttrName);
          if (object2.docString != null)
            message.docString = String(object2.docString);
          switch (object2.type) {
            case "UNDEFINED":
            case 0:
              message.type = 0;
              break;
            case "FLOAT":
            case 1:
              message.type = 1;
              break;
            case "INT":
            case 2:
              message.type = 2;
              break;
            case "STRING":
            case 3:
              message.type = 3;
              break;
            case "TENSOR":
            case 4:
              message.type = 4;
              break;
            case "GRAPH":
            case 5:
              message.type = 5;
              break;
            case "SPARSE_TENSOR":
            case 11:
              message.type = 11;
              break;
            case "TYPE_PROTO":
            case 13:
              message.type = 13;
              break;
            case "FLOATS":
            case 6:
              message.type = 6;
              break;
            case "INTS":
            case 7:
              message.type = 7;
              break;
            case "STRINGS":
            case 8:
              message.type = 8;
              break;
            case "TENSORS":
            case 9:
              message.type = 9;
              break;
            case "GRAPHS":
            case 10:
              message.type = 10;
              break;
            case "SPARSE_TENSORS":
            case 12:
              message.type = 12;
              break;
            case "TYPE_PROTOS":
            case 14:
              message.type = 14;
              break;
          }
          if (object2.f != null)
            message.f = Number(object2.f);
          if (object2.i != null) {
            if ($util.Long)
              (message.i = $util.Long.fromValue(object2.i)).unsigned = false;
            else if (typeof object2.i === "string")
              message.i = parseInt(object2.i, 10);
            else if (typeof object2.i === "number")
              message.i = object2.i;
            else if (typeof object2.i === "object")
              message.i = new $util.LongBits(object2.i.low >>> 0, object2.i.high >>> 0).toNumber();
          }
          if (object2.s != null) {
            if (typeof object2.s === "string")
              $util.base64.decode(object2.s, message.s = $util.newBuffer($util.base64.length(object2.s)), 0);
            else if (object2.s.length)
              message.s = object2.s;
          }
          if (object2.t != null) {
            if (typeof object2.t !== "object")
              throw TypeError(".onnx.AttributeProto.t: object expected");
            message.t = $root.onnx.TensorProto.fromObject(object2.t);
          }
          if (object2.g != null) {
            if (typeof object2.g !== "object")
              throw TypeError(".onnx.AttributeProto.g: object expected");
            message.g = $root.onnx.GraphProto.fromObject(object2.g);
          }
          if (object2.sparseTensor != null) {
            if (typeof object2.sparseTensor !== "object")
              throw TypeError(".onnx.AttributeProto.sparseTensor: object expected");
            message.sparseTensor = $root.onnx.SparseTensorProto.fromObject(object2.sparseTensor);
          }
          if (object2.tp != null) {
            if (typeof object2.tp !== "object")
              throw TypeError(".onnx.AttributeProto.tp: object expected");
            message.tp = $root.onnx.TypeProto.fromObject(object2.tp);
          }
          if (object2.floats) {
            if (!Array.isArray(object2.floats))
              throw TypeError(".onnx.AttributeProto.floats: array expected");
            message.floats = [];
            for (var i = 0; i < object2.floats.length; ++i)
              message.floats[i] = Number(object2.floats[i]);
          }
          if (object2.ints) {
            if (!Array.isArray(object2.ints))
              throw TypeError(".onnx.AttributeProto.ints: array expected");
            message.ints = [];
            for (var i = 0; i < object2.ints.length; ++i)
              if ($util.Long)
                (message.ints[i] = $util.Long.fromValue(object2.ints[i])).unsigned = false;
              else if (typeof object2.ints[i] === "string")
                message.ints[i] = parseInt(object2.ints[i], 10);
              else if (typeof object2.ints[i] === "number")
                message.ints[i] = object2.ints[i];
              else if (typeof object2.ints[i] === "object")
                message.ints[i] = new $util.LongBits(object2.ints[i].low >>> 0, object2.ints[i].high >>> 0).toNumber();
          }
          if (object2.strings) {
            if (!Array.isArray(object2.strings))
              throw TypeError(".onnx.AttributeProto.strings: array expected");
            message.strings = [];
            for (var i = 0; i < object2.strings.length; ++i)
              if (typeof object2.strings[i] === "string")
                $util.base64.decode(object2.strings[i], message.strings[i] = $util.newBuffer($util.base64.length(object2.strings[i])), 0);
              else if (object2.strings[i].length)
                message.strings[i] = object2.strings[i];
          }
          if (object2.tensors) {
            if (!Array.isArray(object2.tensors))
              throw TypeError(".onnx.AttributeProto.tensors: array expected");
            message.tensors = [];
            for (var i = 0; i < object2.tensors.length; ++i) {
              if (typeof object2.tensors[i] !== "object")
                throw TypeError(".onnx.AttributeProto.tensors: object expected");
              message.tensors[i] = $root.onnx.TensorProto.fromObject(object2.tensors[i]);
            }
          }
          if (object2.graphs) {
            if (!Array.isArray(object2.graphs))
              throw TypeError(".onnx.AttributeProto.graphs: array expected");
            message.graphs = [];
            for (var i = 0; i < object2.graphs.length; ++i) {
              if (typeof object2.graphs[i] !== "object")
                throw TypeError(".onnx.AttributeProto.graphs: object expected");
              message.graphs[i] = $root.onnx.GraphProto.fromObject(object2.graphs[i]);
            }
          }
          if (object2.sparseTensors) {
            if (!Array.isArray(object2.sparseTensors))
              throw TypeError(".onnx.AttributeProto.sparseTensors: array expected");
            message.sparseTensors = [];
            for (var i = 0; i < object2.sparseTensors.length; ++i) {
              if (typeof object2.sparseTensors[i] !== "object")
                throw TypeError(".onnx.AttributeProto.sparseTensors: object expected");
              message.sparseTensors[i] = $root.onnx.SparseTensorProto.fromObject(object2.sparseTensors[i]);
            }
          }
          if (object2.typeProtos) {
            if (!Array.isArray(object2.typeProtos))
              throw TypeError(".onnx.AttributeProto.typeProtos: array expected");
            message.typeProtos = [];
            for (var i = 0; i < object2.typeProtos.length; ++i) {
              if (typeof object2.typeProtos[i] !== "object")
                throw TypeError(".onnx.AttributeProto.typeProtos: object expected");
              message.typeProtos[i] = $root.onnx.TypeProto.fromObject(object2.typeProtos[i]);
            }
          }
          return message;
        };
        AttributeProto.toObject = function toObject(message, options) {
          if (!options)
            options = {};
          var object2 = {};
          if (options.arrays || options.defaults) {
            object2.floats = [];
            object2.ints = [];
            object2.strings = [];
            object2.tensors = [];
            object2.graphs = [];
            object2.typeProtos = [];
            object2.sparseTensors = [];
          }
          if (options.defaults) {
            object2.name = "";
            object2.f = 0;
            if ($util.Long) {
              var long = new $util.Long(0, 0, false);
              object2.i = options.longs === String ? long.toString() : options.longs === Number ? long.toNumber() : long;
            } else
              object2.i = options.longs === String ? "0" : 0;
            if (options.bytes === String)
              object2.s = "";
            else {
              object2.s = [];
              if (options.bytes !== Array)
                object2.s = $util.newBuffer(object2.s);
            }
            object2.t = null;
            object2.g = null;
            object2.docString = "";
            object2.tp = null;
            object2.type = options.enums === String ? "UNDEFINED" : 0;
            object2.refAttrName = "";
            object2.sparseTensor = null;
          }
          if (message.name != null && message.hasOwnProperty("name"))
            object2.name = message.name;
          if (message.f != null && message.hasOwnProperty("f"))
            object2.f = options.json && !isFinite(message.f) ? String(message.f) : message.f;
          if (message.i != null && message.hasOwnProperty("i"))
            if (typeof message.i === "number")
              object2.i = options.longs === String ? String(message.i) : message.i;
            else
              object2.i = options.longs === String ? $util.Long.prototype.toString.call(message.i) : options.longs === Number ? new $util.LongBits(message.i.low >>> 0, message.i.high >>> 0).toNumber() : message.i;
          if (message.s != null && message.hasOwnProperty("s"))
            object2.s = options.bytes === String ? $util.base64.encode(message.s, 0, message.s.length) : options.bytes === Array ? Array.prototype.slice.call(message.s) : message.s;
          if (message.t != null && message.hasOwnProperty("t"))
            object2.t = $root.onnx.TensorProto.toObject(message.t, options);
          if (message.g != null && message.hasOwnProperty("g"))
            object2.g = $root.onnx.GraphProto.toObject(message.g, options);
          if (message.floats && message.floats.length) {
            object2.floats = [];
            for (var j = 0; j < message.floats.length; ++j)
              object2.floats[j] = options.json && !isFinite(message.floats[j]) ? String(message.floats[j]) : message.floats[j];
          }
          if (message.ints && message.ints.length) {
            object2.ints = [];
            for (var j = 0; j < message.ints.length; ++j)
              if (typeof message.ints[j] === "number")
                object2.ints[j] = options.longs === String ? String(message.ints[j]) : message.ints[j];
              else
                object2.ints[j] = options.longs === String ? $util.Long.prototype.toString.call(message.ints[j]) : options.longs === Number ? new $util.LongBits(message.ints[j].low >>> 0, message.ints[j].high >>> 0).toNumber() : message.ints[j];
          }
          if (message.strings && message.strings.length) {
            object2.strings = [];
            for (var j = 0; j < message.strings.length; ++j)
              object2.strings[j] = options.bytes === String ? $util.base64.encode(message.strings[j], 0, message.strings[j].length) : options.bytes === Array ? Array.prototype.slice.call(message.strings[j]) : message.strings[j];
          }
          if (message.tensors && message.tensors.length) {
            object2.tensors = [];
            for (var j = 0; j < message.tensors.length; ++j)
              object2.tensors[j] = $root.onnx.TensorProto.toObject(message.tensors[j], options);
          }
          if (message.graphs && message.graphs.length) {
            object2.graphs = [];
            for (var j = 0; j < message.graphs.length; ++j)
              object2.graphs[j] = $root.onnx.GraphProto.toObject(message.graphs[j], options);
          }
          if (message.docString != null && message.hasOwnProperty("docString"))
            object2.docString = message.docString;
          if (message.tp != null && message.hasOwnProperty("tp"))
            object2.tp = $root.onnx.TypeProto.toObject(message.tp, options);
          if (message.typeProtos && message.typeProtos.length) {
            object2.typeProtos = [];
            for (var j = 0; j < message.typeProtos.length; ++j)
              object2.typeProtos[j] = $root.onnx.TypeProto.toObject(message.typeProtos[j], options);
          }
          if (message.type != null && message.hasOwnProperty("type"))
            object2.type = options.enums === String ? $root.onnx.AttributeProto.AttributeType[message.type] : message.type;
          if (message.refAttrName != null && message.hasOwnProperty("refAttrName"))
            object2.refAttrName = message.refAttrName;
          if (message.sparseTensor != null && message.hasOwnProperty("sparseTensor"))
            object2.sparseTensor = $root.onnx.SparseTensorProto.toObject(message.sparseTensor, options);
          if (message.sparseTensors && message.sparseTensors.length) {
            object2.sparseTensors = [];
            for (var j = 0; j < message.sparseTensors.length; ++j)
              object2.sparseTensors[j] = $root.onnx.SparseTensorProto.toObject(message.sparseTensors[j], options);
          }
          return object2;
        };
        AttributeProto.prototype.toJSON = function toJSON() {
          return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
        };
        AttributeProto.AttributeType = (function() {
          var valuesById = {}, values = Object.create(valuesById);
          values[valuesById[0] = "UNDEFINED"] = 0;
          values[valuesById[1] = "FLOAT"] = 1;
          values[valuesById[2] = "INT"] = 2;
          values[valuesById[3] = "STRING"] = 3;
          values[valuesById[4] = "TENSOR"] = 4;
          values[valuesById[5] = "GRAPH"] = 5;
          values[valuesById[11] = "SPARSE_TENSOR"] = 11;
          values[valuesById[13] = "TYPE_PROTO"] = 13;
          values[valuesById[6] = "FLOATS"] = 6;
          values[valuesById[7] = "INTS"] = 7;
          values[valuesById[8] = "STRINGS"] = 8;
          values[valuesById[9] = "TENSORS"] = 9;
          values[valuesById[10] = "GRAPHS"] = 10;
          values[valuesById[12] = "SPARSE_TENSORS"] = 12;
          values[valuesById[14] = "TYPE_PROTOS"] = 14;
          return values;
        })();
        return AttributeProto;
      })();
      onnx2.ValueInfoProto = (function() {
        function ValueInfoProto(properties) {
          if (properties) {
            for (var keys = Object.keys(properties), i = 0; i < keys.length; ++i)
              if (properties[keys[i]] != null)
                this[keys[i]] = properties[keys[i]];
          }
        }
        ValueInfoProto.prototype.name = "";
        ValueInfoProto.prototype.type = null;
        ValueInfoProto.prototype.docString = "";
        ValueInfoProto.create = function create(properties) {
          return new ValueInfoProto(properties);
        };
        ValueInfoProto.encode = function encode(message, writer) {
          if (!writer)
            writer = $Writer.create();
          if (message.name != null && Object.hasOwnProperty.call(message, "name"))
            writer.uint32(
              /* id 1, wireType 2 =*/
              10
            ).string(message.name);
          if (message.type != null && Object.hasOwnProperty.call(message, "type"))
            $root.onnx.TypeProto.encode(message.type, writer.uint32(
              /* id 2, wireType 2 =*/
              18
            ).fork()).ldelim();
          if (message.docString != null && Object.hasOwnProperty.call(message, "docString"))
            writer.uint32(
              /* id 3, wireType 2 =*/
              26
            ).string(message.docString);
          return writer;
        };
        ValueInfoProto.encodeDelimited = function encodeDelimited(message, writer) {
          return this.encode(message, writer).ldelim();
        };
        ValueInfoProto.decode = function decode2(reader, length) {
          if (!(reader instanceof $Reader))
            reader = $Reader.create(reader);
          var end = length === void 0 ? reader.len : reader.pos + length, message = new $root.onnx.ValueInfoProto();
          while (reader.pos < end) {
            var tag = reader.uint32();
            switch (tag >>> 3) {
              case 1:
                message.name = reader.string();
                break;
              case 2:
                message.type = $root.onnx.TypeProto.decode(reader, reader.uint32());
                break;
              case 3:
                message.docString = reader.string();
                break;
              default:
                reader.skipType(tag & 7);
                break;
            }
          }
          return message;
        };
        ValueInfoProto.decodeDelimited = function decodeDelimited(reader) {
          if (!(reader instanceof $Reader))
            reader = new $Reader(reader);
          return this.decode(reader, reader.uint32());
        };
        ValueInfoProto.verify = function verify(message) {
          if (typeof message !== "object" || message === null)
            return "object expected";
          if (message.name != null && message.hasOwnProperty("name")) {
            if (!$util.isString(message.name))
              return "name: string expected";
          }
          if (message.type != null && message.hasOwnProperty("type")) {
            var error2 = $root.onnx.TypeProto.verify(message.type);
            if (error2)
              return "type." + error2;
          }
          if (message.docString != null && message.hasOwnProperty("docString")) {
            if (!$util.isString(message.docString))
              return "docString: string expected";
          }
          return null;
        };
        ValueInfoProto.fromObject = function fromObject(object2) {
          if (object2 instanceof $root.onnx.ValueInfoProto)
            return object2;
          var message = new $root.onnx.ValueInfoProto();
          if (object2.name != null)
            message.name = String(object2.name);
          if (object2.type != null) {
            if (typeof object2.type !== "object")
              throw TypeError(".onnx.ValueInfoProto.type: object expected");
            message.type = $root.onnx.TypeProto.fromObject(object2.type);
          }
          if (object2.docString != null)
            message.docString = String(object2.docString);
          return message;
        };
        ValueInfoProto.toObject = function toObject(message, options) {
          if (!options)
            options = {};
          var object2 = {};
          if (options.defaults) {
            object2.name = "";
            object2.type = null;
            object2.docString = "";
          }
          if (message.name != null && message.hasOwnProperty("name"))
            object2.name = message.name;
          if (message.type != null && message.hasOwnProperty("type"))
            object2.type = $root.onnx.TypeProto.toObject(message.type, options);
          if (message.docString != null && message.hasOwnProperty("docString"))
            object2.docString = message.docString;
          return object2;
        };
        ValueInfoProto.prototype.toJSON = function toJSON() {
          return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
        };
        return ValueInfoProto;
      })();
      onnx2.NodeProto = (function() {
        function NodeProto(properties) {
          this.input = [];
          this.output = [];
          this.attribute = [];
          if (properties) {
            for (var keys = Object.keys(properties), i = 0; i < keys.length; ++i)
              if (properties[keys[i]] != null)
                this[keys[i]] = properties[keys[i]];
          }
        }
        NodeProto.prototype.input = $util.emptyArray;
        NodeProto.prototype.output = $util.emptyArray;
        NodeProto.prototype.name = "";
        NodeProto.prototype.opType = "";
        NodeProto.prototype.domain = "";
        NodeProto.prototype.attribute = $util.emptyArray;
        NodeProto.prototype.docString = "";
        NodeProto.create = function create(properties) {
          return new NodeProto(properties);
        };
        NodeProto.encode = function encode(message, writer) {
          if (!writer)
            writer = $Writer.create();
          if (message.input != null && message.input.length)
            for (var i = 0; i < message.input.length; ++i)
              writer.uint32(
                /* id 1, wireType 2 =*/
                10
              ).string(message.input[i]);
          if (message.output != null && message.output.length)
            for (var i = 0; i < message.output.length; ++i)
              writer.uint32(
                /* id 2, wireType 2 =*/
                18
              ).string(message.output[i]);
          if (message.name != null && Object.hasOwnProperty.call(message, "name"))
            writer.uint32(
              /* id 3, wireType 2 =*/
              26
            ).string(message.name);
          if (message.opType != null && Object.hasOwnProperty.call(message, "opType"))
            writer.uint32(
              /* id 4, wireType 2 =*/
              34
            ).string(message.opType);
          if (message.attribute != null && message.attribute.length)
            for (var i = 0; i < message.attribute.length; ++i)
              $root.onnx.AttributeProto.encode(message.attribute[i], writer.uint32(
                /* id 5, wireType 2 =*/
                42
              ).fork()).ldelim();
          if (message.docString != null && Object.hasOwnProperty.call(message, "docString"))
            writer.uint32(
              /* id 6, wireType 2 =*/
              50
            ).string(message.docString);
          if (message.domain != null && Object.hasOwnProperty.call(message, "domain"))
            writer.uint32(
              /* id 7, wireType 2 =*/
              58
            ).string(message.domain);
          return writer;
        };
        NodeProto.encodeDelimited = function encodeDelimited(message, writer) {
          return this.encode(message, writer).ldelim();
        };
        NodeProto.decode = function decode2(reader, length) {
          if (!(reader instanceof $Reader))
            reader = $Reader.create(reader);
          var end = length === void 0 ? reader.len : reader.pos + length, message = new $root.onnx.NodeProto();
          while (reader.pos < end) {
            var tag = reader.uint32();
            switch (tag >>> 3) {
              case 1:
                if (!(message.input && message.input.length))
                  message.input = [];
                message.input.push(reader.string());
                break;
              case 2:
                if (!(message.output && message.output.length))
                  message.output = [];
                message.output.push(reader.string());
                break;
              case 3:
                message.name = reader.string();
                break;
              case 4:
                message.opType = reader.string();
                break;
              case 7:
                message.domain = reader.string();
                break;
              case 5:
                if (!(message.attribute && message.attribute.length))
                  message.attribute = [];
                message.attribute.push($root.onnx.AttributeProto.decode(reader, reader.uint32()));
                break;
              case 6:
                message.docString = reader.string();
                break;
              default:
                reader.skipType(tag & 7);
                break;
            }
          }
          return message;
        };
        NodeProto.decodeDelimited = function decodeDelimited(reader) {
          if (!(reader instanceof $Reader))
            reader = new $Reader(reader);
          return this.decode(reader, reader.uint32());
        };
        NodeProto.verify = function verify(message) {
          if (typeof message !== "object" || message === null)
            return "object expected";
          if (message.input != null && message.hasOwnProperty("input")) {
            if (!Array.isArray(message.input))
              return "input: array expected";
            for (var i = 0; i < message.input.length; ++i)
              if (!$util.isString(message.input[i]))
                return "input: string[] expected";
          }
          if (message.output != null && message.hasOwnProperty("output")) {
            if (!Array.isArray(message.output))
              return "output: array expected";
            for (var i = 0; i < message.output.length; ++i)
              if (!$util.isString(message.output[i]))
                return "output: string[] expected";
          }
          if (message.name != null && message.hasOwnProperty("name")) {
            if (!$util.isString(message.name))
              return "name: string expected";
          }
          if (message.opType != null && message.hasOwnProperty("opType")) {
            if (!$util.isString(message.opType))
              return "opType: string expected";
          }
          if (message.domain != null && message.hasOwnProperty("domain")) {
            if (!$util.isString(message.domain))
              return "domain: string expected";
          }
          if (message.attribute != null && message.hasOwnProperty("attribute")) {
            if (!Array.isArray(message.attribute))
              return "attribute: array expected";
            for (var i = 0; i < message.attribute.length; ++i) {
              var error2 = $root.onnx.AttributeProto.verify(message.attribute[i]);
              if (error2)
                return "attribute." + error2;
            }
          }
          if (message.docString != null && message.hasOwnProperty("docString")) {
            if (!$util.isString(message.docString))
              return "docString: string expected";
          }
          return null;
        };
        NodeProto.fromObject = function fromObject(object2) {
          if (object2 instanceof $root.onnx.NodeProto)
            return object2;
          var message = new $root.onnx.NodeProto();
          if (object2.input) {
            if (!Array.isArray(object2.input))
              throw TypeError(".onnx.NodeProto.input: array expected");
            message.input = [];
            for (var i = 0; i < object2.input.length; ++i)
              message.input[i] = String(object2.input[i]);
          }
          if (object2.output) {
            if (!Array.isArray(object2.output))
              throw TypeError(".onnx.NodeProto.output: array expected");
            message.output = [];
            for (var i = 0; i < object2.output.length; ++i)
              message.output[i] = String(object2.output[i]);
          }
          if (object2.name != null)
            message.name = String(object2.name);
          if (object2.opType != null)
            message.opType = String(object2.opType);
          if (object2.domain != null)
            message.domain = String(object2.domain);
          if (object2.attribute) {
            if (!Array.isArray(object2.attribute))
              throw TypeError(".onnx.NodeProto.attribute: array expected");
            message.attribute = [];
            for (var i = 0; i < object2.attribute.length; ++i) {
              if (typeof object2.attribute[i] !== "object")
                throw TypeError(".onnx.NodeProto.attribute: object expected");
              message.attribute[i] = $root.onnx.AttributeProto.fromObject(object2.attribute[i]);
            }
          }
          if (object2.docString != null)
            message.docString = String(object2.docString);
          return message;
        };
        NodeProto.toObject = function toObject(message, options) {
          if (!options)
            options = {};
          var object2 = {};
          if (options.arrays || options.defaults) {
            object2.input = [];
            object2.output = [];
            object2.attribute = [];
          }
          if (options.defaults) {
            object2.name = "";
            object2.opType = "";
            object2.docString = "";
            object2.domain = "";
          }
          if (message.input && message.input.length) {
            object2.input = [];
            for (var j = 0; j < message.input.length; ++j)
              object2.input[j] = message.input[j];
          }
          if (message.output && message.output.length) {
            object2.output = [];
            for (var j = 0; j < message.output.length; ++j)
              object2.output[j] = message.output[j];
          }
          if (message.name != null && message.hasOwnProperty("name"))
            object2.name = message.name;
          if (message.opType != null && message.hasOwnProperty("opType"))
            object2.opType = message.opType;
          if (message.attribute && message.attribute.length) {
            object2.attribute = [];
            for (var j = 0; j < message.attribute.length; ++j)
              object2.attribute[j] = $root.onnx.AttributeProto.toObject(message.attribute[j], options);
          }
          if (message.docString != null && message.hasOwnProperty("docString"))
            object2.docString = message.docString;
          if (message.domain != null && message.hasOwnProperty("domain"))
            object2.domain = message.domain;
          return object2;
        };
        NodeProto.prototype.toJSON = function toJSON() {
          return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
        };
        return NodeProto;
      })();
      onnx2.TrainingInfoProto = (function() {
        function TrainingInfoProto(properties) {
          this.initializationBinding = [];
          this.updateBinding = [];
          if (properties) {
            for (var keys = Object.keys(properties), i = 0; i < keys.length; ++i)
              if (properties[keys[i]] != null)
                this[keys[i]] = properties[keys[i]];
          }
        }
        TrainingInfoProto.prototype.initialization = null;
        TrainingInfoProto.prototype.algorithm = null;
        TrainingInfoProto.prototype.initializationBinding = $util.emptyArray;
        TrainingInfoProto.prototype.updateBinding = $util.emptyArray;
        TrainingInfoProto.create = function create(properties) {
          return new TrainingInfoProto(properties);
        };
        TrainingInfoProto.encode = function encode(message, writer) {
          if (!writer)
            writer = $Writer.create();
          if (message.initialization != null && Object.hasOwnProperty.call(message, "initialization"))
            $root.onnx.GraphProto.encode(message.initialization, writer.uint32(
              /* id 1, wireType 2 =*/
              10
            ).fork()).ldelim();
          if (message.algorithm != null && Object.hasOwnProperty.call(message, "algorithm"))
            $root.onnx.GraphProto.encode(message.algorithm, writer.uint32(
              /* id 2, wireType 2 =*/
              18
            ).fork()).ldelim();
          if (message.initializationBinding != null && message.initializationBinding.length)
            for (var i = 0; i < message.initializationBinding.length; ++i)
              $root.onnx.StringStringEntryProto.encode(message.initializationBinding[i], writer.uint32(
                /* id 3, wireType 2 =*/
                26
              ).fork()).ldelim();
          if (message.updateBinding != null && message.updateBinding.length)
            for (var i = 0; i < message.updateBinding.length; ++i)
              $root.onnx.StringStringEntryProto.encode(message.updateBinding[i], writer.uint32(
                /* id 4, wireType 2 =*/
                34
              ).fork()).ldelim();
          return writer;
        };
        TrainingInfoProto.encodeDelimited = function encodeDelimited(message, writer) {
          return this.encode(message, writer).ldelim();
        };
        TrainingInfoProto.decode = function decode2(reader, length) {
          if (!(reader instanceof $Reader))
            reader = $Reader.create(reader);
          var end = length === void 0 ? reader.len : reader.pos + length, message = new $root.onnx.TrainingInfoProto();
          while (reader.pos < end) {
            var tag = reader.uint32();
            switch (tag >>> 3) {
              case 1:
                message.initialization = $root.onnx.GraphProto.decode(reader, reader.uint32());
                break;
              case 2:
                message.algorithm = $root.onnx.GraphProto.decode(reader, reader.uint32());
                break;
              case 3:
                if (!(message.initializationBinding && message.initializationBinding.length))
                  message.initializationBinding = [];
                message.initializationBinding.push($root.onnx.StringStringEntryProto.decode(reader, reader.uint32()));
                break;
              case 4:
                if (!(message.updateBinding && message.updateBinding.length))
                  message.updateBinding = [];
                message.updateBinding.push($root.onnx.StringStringEntryProto.decode(reader, reader.uint32()));
                break;
              default:
                reader.skipType(tag & 7);
                break;
            }
          }
          return message;
        };
        TrainingInfoProto.decodeDelimited = function decodeDelimited(reader) {
          if (!(reader instanceof $Reader))
            reader = new $Reader(reader);
          return this.decode(reader, reader.uint32());
        };
        TrainingInfoProto.verify = function verify(message) {
          if (typeof message !== "object" || message === null)
            return "object expected";
          if (message.initialization != null && message.hasOwnProperty("initialization")) {
            var error2 = $root.onnx.GraphProto.verify(message.initialization);
            if (error2)
              return "initialization." + error2;
          }
          if (message.algorithm != null && message.hasOwnProperty("algorithm")) {
            var error2 = $root.onnx.GraphProto.verify(message.algorithm);
            if (error2)
              return "algorithm." + error2;
          }
          if (message.initializationBinding != null && message.hasOwnProperty("initializationBinding")) {
            if (!Array.isArray(message.initializationBinding))
              return "initializationBinding: array expected";
            for (var i = 0; i < message.initializationBinding.length; ++i) {
              var error2 = $root.onnx.StringStringEntryProto.verify(message.initializationBinding[i]);
              if (error2)
                return "initializationBinding." + error2;
            }
          }
          if (message.updateBinding != null && message.hasOwnProperty("updateBinding")) {
            if (!Array.isArray(message.updateBinding))
              return "updateBinding: array expected";
            for (var i = 0; i < message.updateBinding.length; ++i) {
              var error2 = $root.onnx.StringStringEntryProto.verify(message.updateBinding[i]);
              if (error2)
                return "updateBinding." + error2;
            }
          }
          return null;
        };
        TrainingInfoProto.fromObject = function fromObject(object2) {
          if (object2 instanceof $root.onnx.TrainingInfoProto)
            return object2;
          var message = new $root.onnx.TrainingInfoProto();
          if (object2.initialization != null) {
            if (typeof object2.initialization !== "object")
              throw TypeError(".onnx.TrainingInfoProto.initialization: object expected");
            message.initialization = $root.onnx.GraphProto.fromObject(object2.initialization);
          }
          if (object2.algorithm != null) {
            if (typeof object2.algorithm !== "object")
              throw TypeError(".onnx.TrainingInfoProto.algorithm: object expected");
            message.algorithm = $root.onnx.GraphProto.fromObject(object2.algorithm);
          }
          if (object2.initializationBinding) {
            if (!Array.isArray(object2.initializationBinding))
              throw TypeError(".onnx.TrainingInfoProto.initializationBinding: array expected");
            message.initializationBinding = [];
            for (var i = 0; i < object2.initializationBinding.length; ++i) {
              if (typeof object2.initializationBinding[i] !== "object")
                throw TypeError(".onnx.TrainingInfoProto.initializationBinding: object expected");
              message.initializationBinding[i] = $root.onnx.StringStringEntryProto.fromObject(object2.initializationBinding[i]);
            }
          }
          if (object2.updateBinding) {
            if (!Array.isArray(object2.updateBinding))
              throw TypeError(".onnx.TrainingInfoProto.updateBinding: array expected");
            message.updateBinding = [];
            for (var i = 0; i < object2.updateBinding.length; ++i) {
              if (typeof object2.updateBinding[i] !== "object")
                throw TypeError(".onnx.TrainingInfoProto.updateBinding: object expected");
              message.updateBinding[i] = $root.onnx.StringStringEntryProto.fromObject(object2.updateBinding[i]);
            }
          }
          return message;
        };
        TrainingInfoProto.toObject = function toObject(message, options) {
          if (!options)
            options = {};
          var object2 = {};
          if (options.arrays || options.defaults) {
            object2.initializationBinding = [];
            object2.updateBinding = [];
          }
          if (options.defaults) {
            object2.initialization = null;
            object2.algorithm = null;
          }
          if (message.initialization != null && message.hasOwnProperty("initialization"))
            object2.initialization = $root.onnx.GraphProto.toObject(message.initialization, options);
          if (message.algorithm != null && message.hasOwnProperty("algorithm"))
            object2.algorithm = $root.onnx.GraphProto.toObject(message.algorithm, options);
          if (message.initializationBinding && message.initializationBinding.length) {
            object2.initializationBinding = [];
            for (var j = 0; j < message.initializationBinding.length; ++j)
              object2.initializationBinding[j] = $root.onnx.StringStringEntryProto.toObject(message.initializationBinding[j], options);
          }
          if (message.updateBinding && message.updateBinding.length) {
            object2.updateBinding = [];
            for (var j = 0; j < message.updateBinding.length; ++j)
              object2.updateBinding[j] = $root.onnx.StringStringEntryProto.toObject(message.updateBinding[j], options);
          }
          return object2;
        };
        TrainingInfoProto.prototype.toJSON = function toJSON() {
          return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
        };
        return TrainingInfoProto;
      })();
      onnx2.ModelProto = (function() {
        function ModelProto(properties) {
          this.opsetImport = [];
          this.metadataProps = [];
          this.trainingInfo = [];
          this.functions = [];
          if (properties) {
            for (var keys = Object.keys(properties), i = 0; i < keys.length; ++i)
              if (properties[keys[i]] != null)
                this[keys[i]] = properties[keys[i]];
          }
        }
        ModelProto.prototype.irVersion = $util.Long ? $util.Long.fromBits(0, 0, false) : 0;
        ModelProto.prototype.opsetImport = $util.emptyArray;
        ModelProto.prototype.producerName = "";
        ModelProto.prototype.producerVersion = "";
        ModelProto.prototype.domain = "";
        ModelProto.prototype.modelVersion = $util.Long ? $util.Long.fromBits(0, 0, false) : 0;
        ModelProto.prototype.docString = "";
        ModelProto.prototype.graph = null;
        ModelProto.prototype.metadataProps = $util.emptyArray;
        ModelProto.prototype.trainingInfo = $util.emptyArray;
        ModelProto.prototype.functions = $util.emptyArray;
        ModelProto.create = function create(properties) {
          return new ModelProto(properties);
        };
        ModelProto.encode = function encode(message, writer) {
          if (!writer)
            writer = $Writer.create();
          if (message.irVersion != null && Object.hasOwnProperty.call(message, "irVersion"))
            writer.uint32(
              /* id 1, wireType 0 =*/
              8
            ).int64(message.irVersion);
          if (message.producerName != null && Object.hasOwnProperty.call(message, "producerName"))
            writer.uint32(
              /* id 2, wireType 2 =*/
              18
            ).string(message.producerName);
          if (message.producerVersion != null && Object.hasOwnProperty.call(message, "producerVersion"))
            writer.uint32(
              /* id 3, wireType 2 =*/
              26
            ).string(message.producerVersion);
          if (message.domain != null && Object.hasOwnProperty.call(message, "domain"))
            writer.uint32(
              /* id 4, wireType 2 =*/
              34
            ).string(message.domain);
          if (message.modelVersion != null && Object.hasOwnProperty.call(message, "modelVersion"))
            writer.uint32(
              /* id 5, wireType 0 =*/
              40
            ).int64(message.modelVersion);
          if (message.docString != null && Object.hasOwnProperty.call(message, "docString"))
            writer.uint32(
              /* id 6, wireType 2 =*/
              50
            ).string(message.docString);
          if (message.graph != null && Object.hasOwnProperty.call(message, "graph"))
            $root.onnx.GraphProto.encode(message.graph, writer.uint32(
              /* id 7, wireType 2 =*/
              58
            ).fork()).ldelim();
          if (message.opsetImport != null && message.opsetImport.length)
            for (var i = 0; i < message.opsetImport.length; ++i)
              $root.onnx.OperatorSetIdProto.encode(message.opsetImport[i], writer.uint32(
                /* id 8, wireType 2 =*/
                66
              ).fork()).ldelim();
          if (message.metadataProps != null && message.metadataProps.length)
            for (var i = 0; i < message.metadataProps.length; ++i)
              $root.onnx.StringStringEntryProto.encode(message.metadataProps[i], writer.uint32(
                /* id 14, wireType 2 =*/
                114
              ).fork()).ldelim();
          if (message.trainingInfo != null && message.trainingInfo.length)
            for (var i = 0; i < message.trainingInfo.length; ++i)
              $root.onnx.TrainingInfoProto.encode(message.trainingInfo[i], writer.uint32(
                /* id 20, wireType 2 =*/
                162
              ).fork()).ldelim();
          if (message.functions != null && message.functions.length)
            for (var i = 0; i < message.functions.length; ++i)
              $root.onnx.FunctionProto.encode(message.functions[i], writer.uint32(
                /* id 25, wireType 2 =*/
                202
              ).fork()).ldelim();
          return writer;
        };
        ModelProto.encodeDelimited = function encodeDelimited(message, writer) {
          return this.encode(message, writer).ldelim();
        };
        ModelProto.decode = function decode2(reader, length) {
          if (!(reader instanceof $Reader))
            reader = $Reader.create(reader);
          var end = length === void 0 ? reader.len : reader.pos + length, message = new $root.onnx.ModelProto();
          while (reader.pos < end) {
            var tag = reader.uint32();
            switch (tag >>> 3) {
              case 1:
                message.irVersion = reader.int64();
                break;
              case 8:
                if (!(message.opsetImport && message.opsetImport.length))
                  message.opsetImport = [];
                message.opsetImport.push($root.onnx.OperatorSetIdProto.decode(reader, reader.uint32()));
                break;
              case 2:
                message.producerName = reader.string();
                break;
              case 3:
                message.producerVersion = reader.string();
                break;
              case 4:
                message.domain = reader.string();
                break;
              case 5:
                message.modelVersion = reader.int64();
                break;
              case 6:
                message.docString = reader.string();
                break;
              case 7:
                message.graph = $root.onnx.GraphProto.decode(reader, reader.uint32());
                break;
              case 14:
                if (!(message.metadataProps && message.metadataProps.length))
                  message.metadataProps = [];
                message.metadataProps.push($root.onnx.StringStringEntryProto.decode(reader, reader.uint32()));
                break;
              case 20:
                if (!(message.trainingInfo && message.trainingInfo.length))
                  message.trainingInfo = [];
                message.trainingInfo.push($root.onnx.TrainingInfoProto.decode(reader, reader.uint32()));
                break;
              case 25:
                if (!(message.functions && message.functions.length))
                  message.functions = [];
                message.functions.push($root.onnx.FunctionProto.decode(reader, reader.uint32()));
                break;
              default:
                reader.skipType(tag & 7);
                break;
            }
          }
          return message;
        };
        ModelProto.decodeDelimited = function decodeDelimited(reader) {
          if (!(reader instanceof $Reader))
            reader = new $Reader(reader);
          return this.decode(reader, reader.uint32());
        };
        ModelProto.verify = function verify(message) {
          if (typeof message !== "object" || message === null)
            return "object expected";
          if (message.irVersion != null && message.hasOwnProperty("irVersion")) {
            if (!$util.isInteger(message.irVersion) && !(message.irVersion && $util.isInteger(message.irVersion.low) && $util.isInteger(message.irVersion.high)))
              return "irVersion: integer|Long expected";
          }
          if (message.opsetImport != null && message.hasOwnProperty("opsetImport")) {
            if (!Array.isArray(message.opsetImport))
              return "opsetImport: array expected";
            for (var i = 0; i < message.opsetImport.length; ++i) {
              var error2 = $root.onnx.OperatorSetIdProto.verify(message.opsetImport[i]);
              if (error2)
                return "opsetImport." + error2;
            }
          }
          if (message.producerName != null && message.hasOwnProperty("producerName")) {
            if (!$util.isString(message.producerName))
              return "producerName: string expected";
          }
          if (message.producerVersion != null && message.hasOwnProperty("producerVersion")) {
            if (!$util.isString(message.producerVersion))
              return "producerVersion: string expected";
          }
          if (message.domain != null && message.hasOwnProperty("domain")) {
            if (!$util.isString(message.domain))
              return "domain: string expected";
          }
          if (message.modelVersion != null && message.hasOwnProperty("modelVersion")) {
            if (!$util.isInteger(message.modelVersion) && !(message.modelVersion && $util.isInteger(message.modelVersion.low) && $util.isInteger(message.modelVersion.high)))
              return "modelVersion: integer|Long expected";
          }
          if (message.docString != null && message.hasOwnProperty("docString")) {
            if (!$util.isString(message.docString))
              return "docString: string expected";
          }
          if (message.graph != null && message.hasOwnProperty("graph")) {
            var error2 = $root.onnx.GraphProto.verify(message.graph);
            if (error2)
              return "graph." + error2;
          }
          if (message.metadataProps != null && message.hasOwnProperty("metadataProps")) {
            if (!Array.isArray(message.metadataProps))
              return "metadataProps: array expected";
            for (var i = 0; i < message.metadataProps.length; ++i) {
              var error2 = $root.onnx.StringStringEntryProto.verify(message.metadataProps[i]);
              if (error2)
                return "metadataProps." + error2;
            }
          }
          if (message.trainingInfo != null && message.hasOwnProperty("trainingInfo")) {
            if (!Array.isArray(message.trainingInfo))
              return "trainingInfo: array expected";
            for (var i = 0; i < message.trainingInfo.length; ++i) {
              var error2 = $root.onnx.TrainingInfoProto.verify(message.trainingInfo[i]);
              if (error2)
                return "trainingInfo." + error2;
            }
          }
          if (message.functions != null && message.hasOwnProperty("functions")) {
            if (!Array.isArray(message.functions))
              return "functions: array expected";
            for (var i = 0; i < message.functions.length; ++i) {
              var error2 = $root.onnx.FunctionProto.verify(message.functions[i]);
              if (error2)
                return "functions." + error2;
            }
          }
          return null;
        };
        ModelProto.fromObject = function fromObject(object2) {
          if (object2 instanceof $root.onnx.ModelProto)
            return object2;
          var message = new $root.onnx.ModelProto();
          if (object2.irVersion != null) {
            if ($util.Long)
              (message.irVersion = $util.Long.fromValue(object2.irVersion)).unsigned = false;
            else if (typeof object2.irVersion === "string")
              message.irVersion = parseInt(object2.irVersion, 10);
            else if (typeof object2.irVersion === "number")
              message.irVersion = object2.irVersion;
            else if (typeof object2.irVersion === "object")
              message.irVersion = new $util.LongBits(object2.irVersion.low >>> 0, object2.irVersion.high >>> 0).toNumber();
          }
          if (object2.opsetImport) {
            if (!Array.isArray(object2.opsetImport))
              throw TypeError(".onnx.ModelProto.opsetImport: array expected");
            message.opsetImport = [];
            for (var i = 0; i < object2.opsetImport.length; ++i) {
              if (typeof object2.opsetImport[i] !== "object")
                throw TypeError(".onnx.ModelProto.opsetImport: object expected");
              message.opsetImport[i] = $root.onnx.OperatorSetIdProto.fromObject(object2.opsetImport[i]);
            }
          }
          if (object2.producerName != null)
            message.producerName = String(object2.producerName);
          if (object2.producerVersion != null)
            message.producerVersion = String(object2.producerVersion);
          if (object2.domain != null)
            message.domain = String(object2.domain);
          if (object2.modelVersion != null) {
            if ($util.Long)
              (message.modelVersion = $util.Long.fromValue(object2.modelVersion)).unsigned = false;
            else if (typeof object2.modelVersion === "string")
              message.modelVersion = parseInt(object2.modelVersion, 10);
            else if (typeof object2.modelVersion === "number")
              message.modelVersion = object2.modelVersion;
            else if (typeof object2.modelVersion === "object")
              message.modelVersion = new $util.LongBits(object2.modelVersion.low >>> 0, object2.modelVersion.high >>> 0).toNumber();
          }
          if (object2.docString != null)
            message.docString = String(object2.docString);
          if (object2.graph != null) {
            if (typeof object2.graph !== "object")
              throw TypeError(".onnx.ModelProto.graph: object expected");
            message.graph = $root.onnx.GraphProto.fromObject(object2.graph);
          }
          if (object2.metadataProps) {
            if (!Array.isArray(object2.metadataProps))
              throw TypeError(".onnx.ModelProto.metadataProps: array expected");
            message.metadataProps = [];
            for (var i = 0; i < object2.metadataProps.length; ++i) {
              if (typeof object2.metadataProps[i] !== "object")
                throw TypeError(".onnx.ModelProto.metadataProps: object expected");
              message.metadataProps[i] = $root.onnx.StringStringEntryProto.fromObject(object2.metadataProps[i]);
            }
          }
          if (object2.trainingInfo) {
            if (!Array.isArray(object2.trainingInfo))
              throw TypeError(".onnx.ModelProto.trainingInfo: array expected");
            message.trainingInfo = [];
            for (var i = 0; i < object2.trainingInfo.length; ++i) {
              if (typeof object2.trainingInfo[i] !== "object")
                throw TypeError(".onnx.ModelProto.trainingInfo: object expected");
              message.trainingInfo[i] = $root.onnx.TrainingInfoProto.fromObject(object2.trainingInfo[i]);
            }
          }
          if (object2.functions) {
            if (!Array.isArray(object2.functions))
              throw TypeError(".onnx.ModelProto.functions: array expected");
            message.functions = [];
            for (var i = 0; i < object2.functions.length; ++i) {
              if (typeof object2.functions[i] !== "object")
                throw TypeError(".onnx.ModelProto.functions: object expected");
              message.functions[i] = $root.onnx.FunctionProto.fromObject(object2.functions[i]);
            }
          }
          return message;
        };
        ModelProto.toObject = function toObject(message, options) {
          if (!options)
            options = {};
          var object2 = {};
          if (options.arrays || options.defaults) {
            object2.opsetImport = [];
            object2.metadataProps = [];
            object2.trainingInfo = [];
            object2.functions = [];
          }
          if (options.defaults) {
            if ($util.Long) {
              var long = new $util.Long(0, 0, false);
              object2.irVersion = options.longs === String ? long.toString() : options.longs === Number ? long.toNumber() : long;
            } else
              object2.irVersion = options.longs === String ? "0" : 0;
            object2.producerName = "";
            object2.producerVersion = "";
            object2.domain = "";
            if ($util.Long) {
              var long = new $util.Long(0, 0, false);
              object2.modelVersion = options.longs === String ? long.toString() : options.longs === Number ? long.toNumber() : long;
            } else
              object2.modelVersion = options.longs === String ? "0" : 0;
            object2.docString = "";
            object2.graph = null;
          }
          if (message.irVersion != null && message.hasOwnProperty("irVersion"))
            if (typeof message.irVersion === "number")
              object2.irVersion = options.longs === String ? String(message.irVersion) : message.irVersion;
            else
              object2.irVersion = options.longs === String ? $util.Long.prototype.toString.call(message.irVersion) : options.longs === Number ? new $util.LongBits(message.irVersion.low >>> 0, message.irVersion.high >>> 0).toNumber() : message.irVersion;
          if (message.producerName != null && message.hasOwnProperty("producerName"))
            object2.producerName = message.producerName;
          if (message.producerVersion != null && message.hasOwnProperty("producerVersion"))
            object2.producerVersion = message.producerVersion;
          if (message.domain != null && message.hasOwnProperty("domain"))
            object2.domain = message.domain;
          if (message.modelVersion != null && message.hasOwnProperty("modelVersion"))
            if (typeof message.modelVersion === "number")
              object2.modelVersion = options.longs === String ? String(message.modelVersion) : message.modelVersion;
            else
              object2.modelVersion = options.longs === String ? $util.Long.prototype.toString.call(message.modelVersion) : options.longs === Number ? new $util.LongBits(message.modelVersion.low >>> 0, message.modelVersion.high >>> 0).toNumber() : message.modelVersion;
          if (message.docString != null && message.hasOwnProperty("docString"))
            object2.docString = message.docString;
          if (message.graph != null && message.hasOwnProperty("graph"))
            object2.graph = $root.onnx.GraphProto.toObject(message.graph, options);
          if (message.opsetImport && message.opsetImport.length) {
            object2.opsetImport = [];
            for (var j = 0; j < message.opsetImport.length; ++j)
              object2.opsetImport[j] = $root.onnx.OperatorSetIdProto.toObject(message.opsetImport[j], options);
          }
          if (message.metadataProps && message.metadataProps.length) {
            object2.metadataProps = [];
            for (var j = 0; j < message.metadataProps.length; ++j)
              object2.metadataProps[j] = $root.onnx.StringStringEntryProto.toObject(message.metadataProps[j], options);
          }
          if (message.trainingInfo && message.trainingInfo.length) {
            object2.trainingInfo = [];
            for (var j = 0; j < message.trainingInfo.length; ++j)
              object2.trainingInfo[j] = $root.onnx.TrainingInfoProto.toObject(message.trainingInfo[j], options);
          }
          if (message.functions && message.functions.length) {
            object2.functions = [];
            for (var j = 0; j < message.functions.length; ++j)
              object2.functions[j] = $root.onnx.FunctionProto.toObject(message.functions[j], options);
          }
          return object2;
        };
        ModelProto.prototype.toJSON = function toJSON() {
          return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
        };
        return ModelProto;
      })();
      onnx2.StringStringEntryProto = (function() {
        function StringStringEntryProto(properties) {
          if (properties) {
            for (var keys = Object.keys(properties), i = 0; i < keys.length; ++i)
              if (properties[keys[i]] != null)
                this[keys[i]] = properties[keys[i]];
          }
        }
        StringStringEntryProto.prototype.key = "";
        StringStringEntryProto.prototype.value = "";
        StringStringEntryProto.create = function create(properties) {
          return new StringStringEntryProto(properties);
        };
        StringStringEntryProto.encode = function encode(message, writer) {
          if (!writer)
            writer = $Writer.create();
          if (message.key != null && Object.hasOwnProperty.call(message, "key"))
            writer.uint32(
              /* id 1, wireType 2 =*/
              10
            ).string(message.key);
          if (message.value != null && Object.hasOwnProperty.call(message, "value"))
            writer.uint32(
              /* id 2, wireType 2 =*/
              18
            ).string(message.value);
          return writer;
        };
        StringStringEntryProto.encodeDelimited = function encodeDelimited(message, writer) {
          return this.encode(message, writer).ldelim();
        };
        StringStringEntryProto.decode = function decode2(reader, length) {
          if (!(reader instanceof $Reader))
            reader = $Reader.create(reader);
          var end = length === void 0 ? reader.len : reader.pos + length, message = new $root.onnx.StringStringEntryProto();
          while (reader.pos < end) {
            var tag = reader.uint32();
            switch (tag >>> 3) {
              case 1:
                message.key = reader.string();
                break;
              case 2:
                message.value = reader.string();
                break;
              default:
                reader.skipType(tag & 7);
                break;
            }
          }
          return message;
        };
        StringStringEntryProto.decodeDelimited = function decodeDelimited(reader) {
          if (!(reader instanceof $Reader))
            reader = new $Reader(reader);
          return this.decode(reader, reader.uint32());
        };
        StringStringEntryProto.verify = function verify(message) {
          if (typeof message !== "object" || message === null)
            return "object expected";
          if (message.key != null && message.hasOwnProperty("key")) {
            if (!$util.isString(message.key))
              return "key: string expected";
          }
          if (message.value != null && message.hasOwnProperty("value")) {
            if (!$util.isString(message.value))
              return "value: string expected";
          }
          return null;
        };
        StringStringEntryProto.fromObject = function fromObject(object2) {
          if (object2 instanceof $root.onnx.StringStringEntryProto)
            return object2;
          var message = new $root.onnx.StringStringEntryProto();
          if (object2.key != null)
            message.key = String(object2.key);
          if (object2.value != null)
            message.value = String(object2.value);
          return message;
        };
        StringStringEntryProto.toObject = function toObject(message, options) {
          if (!options)
            options = {};
          var object2 = {};
          if (options.defaults) {
            object2.key = "";
            object2.value = "";
          }
          if (message.key != null && message.hasOwnProperty("key"))
            object2.key = message.key;
          if (message.value != null && message.hasOwnProperty("value"))
            object2.value = message.value;
          return object2;
        };
        StringStringEntryProto.prototype.toJSON = function toJSON() {
          return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
        };
        return StringStringEntryProto;
      })();
      onnx2.TensorAnnotation = (function() {
        function TensorAnnotation(properties) {
          this.quantParameterTensorNames = [];
          if (properties) {
            for (var keys = Object.keys(properties), i = 0; i < keys.length; ++i)
              if (properties[keys[i]] != null)
                this[keys[i]] = properties[keys[i]];
          }
        }
        TensorAnnotation.prototype.tensorName = "";
        TensorAnnotation.prototype.quantParameterTensorNames = $util.emptyArray;
        TensorAnnotation.create = function create(properties) {
          return new TensorAnnotation(properties);
        };
        TensorAnnotation.encode = function encode(message, writer) {
          if (!writer)
            writer = $Writer.create();
          if (message.tensorName != null && Object.hasOwnProperty.call(message, "tensorName"))
            writer.uint32(
              /* id 1, wireType 2 =*/
              10
            ).string(message.tensorName);
          if (message.quantParameterTensorNames != null && message.quantParameterTensorNames.length)
            for (var i = 0; i < message.quantParameterTensorNames.length; ++i)
              $root.onnx.StringStringEntryProto.encode(message.quantParameterTensorNames[i], writer.uint32(
                /* id 2, wireType 2 =*/
                18
              ).fork()).ldelim();
          return writer;
        };
        TensorAnnotation.encodeDelimited = function encodeDelimited(message, writer) {
          return this.encode(message, writer).ldelim();
        };
        TensorAnnotation.decode = function decode2(reader, length) {
          if (!(reader instanceof $Reader))
            reader = $Reader.create(reader);
          var end = length === void 0 ? reader.len : reader.pos + length, message = new $root.onnx.TensorAnnotation();
          while (reader.pos < end) {
            var tag = reader.uint32();
            switch (tag >>> 3) {
              case 1:
                message.tensorName = reader.string();
                break;
              case 2:
                if (!(message.quantParameterTensorNames && message.quantParameterTensorNames.length))
                  message.quantParameterTensorNames = [];
                message.quantParameterTensorNames.push($root.onnx.StringStringEntryProto.decode(reader, reader.uint32()));
                break;
              default:
                reader.skipType(tag & 7);
                break;
            }
          }
          return message;
        };
        TensorAnnotation.decodeDelimited = function decodeDelimited(reader) {
          if (!(reader instanceof $Reader))
            reader = new $Reader(reader);
          return this.decode(reader, reader.uint32());
        };
        TensorAnnotation.verify = function verify(message) {
          if (typeof message !== "object" || message === null)
            return "object expected";
          if (message.tensorName != null && message.hasOwnProperty("tensorName")) {
            if (!$util.isString(message.tensorName))
              return "tensorName: string expected";
          }
          if (message.quantParameterTensorNames != null && message.hasOwnProperty("quantParameterTensorNames")) {
            if (!Array.isArray(message.quantParameterTensorNames))
              return "quantParameterTensorNames: array expected";
            for (var i = 0; i < message.quantParameterTensorNames.length; ++i) {
              var error2 = $root.onnx.StringStringEntryProto.verify(message.quantParameterTensorNames[i]);
              if (error2)
                return "quantParameterTensorNames." + error2;
            }
          }
          return null;
        };
        TensorAnnotation.fromObject = function fromObject(object2) {
          if (object2 instanceof $root.onnx.TensorAnnotation)
            return object2;
          var message = new $root.onnx.TensorAnnotation();
          if (object2.tensorName != null)
            message.tensorName = String(object2.tensorName);
          if (object2.quantParameterTensorNames) {
            if (!Array.isArray(object2.quantParameterTensorNames))
              throw TypeError(".onnx.TensorAnnotation.quantParameterTensorNames: array expected");
            message.quantParameterTensorNames = [];
            for (var i = 0; i < object2.quantParameterTensorNames.length; ++i) {
              if (typeof object2.quantParameterTensorNames[i] !== "object")
                throw TypeError(".onnx.TensorAnnotation.quantParameterTensorNames: object expected");
              message.quantParameterTensorNames[i] = $root.onnx.StringStringEntryProto.fromObject(object2.quantParameterTensorNames[i]);
            }
          }
          return message;
        };
        TensorAnnotation.toObject = function toObject(message, options) {
          if (!options)
            options = {};
          var object2 = {};
          if (options.arrays || options.defaults)
            object2.quantParameterTensorNames = [];
          if (options.defaults)
            object2.tensorName = "";
          if (message.tensorName != null && message.hasOwnProperty("tensorName"))
            object2.tensorName = message.tensorName;
          if (message.quantParameterTensorNames && message.quantParameterTensorNames.length) {
            object2.quantParameterTensorNames = [];
            for (var j = 0; j < message.quantParameterTensorNames.length; ++j)
              object2.quantParameterTensorNames[j] = $root.onnx.StringStringEntryProto.toObject(message.quantParameterTensorNames[j], options);
          }
          return object2;
        };
        TensorAnnotation.prototype.toJSON = function toJSON() {
          return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
        };
        return TensorAnnotation;
      })();
      onnx2.GraphProto = (function() {
        function GraphProto(properties) {
          this.node = [];
          this.initializer = [];
          this.sparseInitializer = [];
          this.input = [];
          this.output = [];
          this.valueInfo = [];
          this.quantizationAnnotation = [];
          if (properties) {
            for (var keys = Object.keys(properties), i = 0; i < keys.length; ++i)
              if (properties[keys[i]] != null)
                this[keys[i]] = properties[keys[i]];
          }
        }
        GraphProto.prototype.node = $util.emptyArray;
        GraphProto.prototype.name = "";
        GraphProto.prototype.initializer = $util.emptyArray;
        GraphProto.prototype.sparseInitializer = $util.emptyArray;
        GraphProto.prototype.docString = "";
        GraphProto.prototype.input = $util.emptyArray;
        GraphProto.prototype.output = $util.emptyArray;
        GraphProto.prototype.valueInfo = $util.emptyArray;
        GraphProto.prototype.quantizationAnnotation = $util.emptyArray;
        GraphProto.create = function create(properties) {
          return new GraphProto(properties);
        };
        GraphProto.encode = function encode(message, writer) {
          if (!writer)
            writer = $Writer.create();
          if (message.node != null && message.node.length)
            for (var i = 0; i < message.node.length; ++i)
              $root.onnx.NodeProto.encode(message.node[i], writer.uint32(
                /* id 1, wireType 2 =*/
                10
              ).fork()).ldelim();
          if (message.name != null && Object.hasOwnProperty.call(message, "name"))
            writer.uint32(
              /* id 2, wireType 2 =*/
              18
            ).string(message.name);
          if (message.initializer != null && message.initializer.length)
            for (var i = 0; i < message.initializer.length; ++i)
              $root.onnx.TensorProto.encode(message.initializer[i], writer.uint32(
                /* id 5, wireType 2 =*/
                42
              ).fork()).ldelim();
          if (message.docString != null && Object.hasOwnProperty.call(message, "docString"))
            writer.uint32(
              /* id 10, wireType 2 =*/
              82
            ).string(message.docString);
          if (message.input != null && message.input.length)
            for (var i = 0; i < message.input.length; ++i)
              $root.onnx.ValueInfoProto.encode(message.input[i], writer.uint32(
                /* id 11, wireType 2 =*/
                90
              ).fork()).ldelim();
          if (message.output != null && message.output.length)
            for (var i = 0; i < message.output.length; ++i)
              $root.onnx.ValueInfoProto.encode(message.output[i], writer.uint32(
                /* id 12, wireType 2 =*/
                98
              ).fork()).ldelim();
          if (message.valueInfo != null && message.valueInfo.length)
            for (var i = 0; i < message.valueInfo.length; ++i)
              $root.onnx.ValueInfoProto.encode(message.valueInfo[i], writer.uint32(
                /* id 13, wireType 2 =*/
                106
              ).fork()).ldelim();
          if (message.quantizationAnnotation != null && message.quantizationAnnotation.length)
            for (var i = 0; i < message.quantizationAnnotation.length; ++i)
              $root.onnx.TensorAnnotation.encode(message.quantizationAnnotation[i], writer.uint32(
                /* id 14, wireType 2 =*/
                114
              ).fork()).ldelim();
          if (message.sparseInitializer != null && message.sparseInitializer.length)
            for (var i = 0; i < message.sparseInitializer.length; ++i)
              $root.onnx.SparseTensorProto.encode(message.sparseInitializer[i], writer.uint32(
                /* id 15, wireType 2 =*/
                122
              ).fork()).ldelim();
          return writer;
        };
        GraphProto.encodeDelimited = function encodeDelimited(message, writer) {
          return this.encode(message, writer).ldelim();
        };
        GraphProto.decode = function decode2(reader, length) {
          if (!(reader instanceof $Reader))
            reader = $Reader.create(reader);
          var end = length === void 0 ? reader.len : reader.pos + length, message = new $root.onnx.GraphProto();
          while (reader.pos < end) {
            var tag = reader.uint32();
            switch (tag >>> 3) {
              case 1:
                if (!(message.node && message.node.length))
                  message.node = [];
                message.node.push($root.onnx.NodeProto.decode(reader, reader.uint32()));
                break;
              case 2:
                message.name = reader.string();
                break;
              case 5:
                if (!(message.initializer && message.initializer.length))
                  message.initializer = [];
                message.initializer.push($root.onnx.TensorProto.decode(reader, reader.uint32()));
                break;
              case 15:
                if (!(message.sparseInitializer && message.sparseInitializer.length))
                  message.sparseInitializer = [];
                message.sparseInitializer.push($root.onnx.SparseTensorProto.decode(reader, reader.uint32()));
                break;
              case 10:
                message.docString = reader.string();
                break;
              case 11:
                if (!(message.input && message.input.length))
                  message.input = [];
                message.input.push($root.onnx.ValueInfoProto.decode(reader, reader.uint32()));
                break;
              case 12:
                if (!(message.output && message.output.length))
                  message.output = [];
                message.output.push($root.onnx.ValueInfoProto.decode(reader, reader.uint32()));
                break;
              case 13:
                if (!(message.valueInfo && message.valueInfo.length))
                  message.valueInfo = [];
                message.valueInfo.push($root.onnx.ValueInfoProto.decode(reader, reader.uint32()));
                break;
              case 14:
                if (!(message.quantizationAnnotation && message.quantizationAnnotation.length))
                  message.quantizationAnnotation = [];
                message.quantizationAnnotation.push($root.onnx.TensorAnnotation.decode(reader, reader.uint32()));
                break;
              default:
                reader.skipType(tag & 7);
                break;
            }
          }
          return message;
        };
        GraphProto.decodeDelimited = function decodeDelimited(reader) {
          if (!(reader instanceof $Reader))
            reader = new $Reader(reader);
          return this.decode(reader, reader.uint32());
        };
        GraphProto.verify = function verify(message) {
          if (typeof message !== "object" || message === null)
            return "object expected";
          if (message.node != null && message.hasOwnProperty("node")) {
            if (!Array.isArray(message.node))
              return "node: array expected";
            for (var i = 0; i < message.node.length; ++i) {
              var error2 = $root.onnx.NodeProto.verify(message.node[i]);
              if (error2)
                return "node." + error2;
            }
          }
          if (message.name != null && message.hasOwnProperty("name")) {
            if (!$util.isString(message.name))
              return "name: string expected";
          }
          if (message.initializer != null && message.hasOwnProperty("initializer")) {
            if (!Array.isArray(message.initializer))
              return "initializer: array expected";
            for (var i = 0; i < message.initializer.length; ++i) {
              var error2 = $root.onnx.TensorProto.verify(message.initializer[i]);
              if (error2)
                return "initializer." + error2;
            }
          }
          if (message.sparseInitializer != null && message.hasOwnProperty("sparseInitializer")) {
            if (!Array.isArray(message.sparseInitializer))
              return "sparseInitializer: array expected";
            for (var i = 0; i < message.sparseInitializer.length; ++i) {
              var error2 = $root.onnx.SparseTensorProto.verify(message.sparseInitializer[i]);
              if (error2)
                return "sparseInitializer." + error2;
            }
          }
          if (message.docString != null && message.hasOwnProperty("docString")) {
            if (!$util.isString(message.docString))
              return "docString: string expected";
          }
          if (message.input != null && message.hasOwnProperty("input")) {
            if (!Array.isArray(message.input))
              return "input: array expected";
            for (var i = 0; i < message.input.length; ++i) {
              var error2 = $root.onnx.ValueInfoProto.verify(message.input[i]);
              if (error2)
                return "input." + error2;
            }
          }
          if (message.output != null && message.hasOwnProperty("output")) {
            if (!Array.isArray(message.output))
              return "output: array expected";
            for (var i = 0; i < message.output.length; ++i) {
              var error2 = $root.onnx.ValueInfoProto.verify(message.output[i]);
              if (error2)
                return "output." + error2;
            }
          }
          if (message.valueInfo != null && message.hasOwnProperty("valueInfo")) {
            if (!Array.isArray(message.valueInfo))
              return "valueInfo: array expected";
            for (var i = 0; i < message.valueInfo.length; ++i) {
              var error2 = $root.onnx.ValueInfoProto.verify(message.valueInfo[i]);
              if (error2)
                return "valueInfo." + error2;
            }
          }
          if (message.quantizationAnnotation != null && message.hasOwnProperty("quantizationAnnotation")) {
            if (!Array.isArray(message.quantizationAnnotation))
              return "quantizationAnnotation: array expected";
            for (var i = 0; i < message.quantizationAnnotation.length; ++i) {
              var error2 = $root.onnx.TensorAnnotation.verify(message.quantizationAnnotation[i]);
              if (error2)
                return "quantizationAnnotation." + error2;
            }
          }
          return null;
        };
        GraphProto.fromObject = function fromObject(object2) {
          if (object2 instanceof $root.onnx.GraphProto)
            return object2;
          var message = new $root.onnx.GraphProto();
          if (object2.node) {
            if (!Array.isArray(object2.node))
              throw TypeError(".onnx.GraphProto.node: array expected");
            message.node = [];
            for (var i = 0; i < object2.node.length; ++i) {
              if (typeof object2.node[i] !== "object")
                throw TypeError(".onnx.GraphProto.node: object expected");
              message.node[i] = $root.onnx.NodeProto.fromObject(object2.node[i]);
            }
          }
          if (object2.name != null)
            message.name = String(object2.name);
          if (object2.initializer) {
            if (!Array.isArray(object2.initializer))
              throw TypeError(".onnx.GraphProto.initializer: array expected");
            message.initializer = [];
            for (var i = 0; i < object2.initializer.length; ++i) {
              if (typeof object2.initializer[i] !== "object")
                throw TypeError(".onnx.GraphProto.initializer: object expected");
              message.initializer[i] = $root.onnx.TensorProto.fromObject(object2.initializer[i]);
            }
          }
          if (object2.sparseInitializer) {
            if (!Array.isArray(object2.sparseInitializer))
              throw TypeError(".onnx.GraphProto.sparseInitializer: array expected");
            message.sparseInitializer = [];
            for (var i = 0; i < object2.sparseInitializer.length; ++i) {
              if (typeof object2.sparseInitializer[i] !== "object")
                throw TypeError(".onnx.GraphProto.sparseInitializer: object expected");
              message.sparseInitializer[i] = $root.onnx.SparseTensorProto.fromObject(object2.sparseInitializer[i]);
            }
          }
          if (object2.docString != null)
            message.docString = String(object2.docString);
          if (object2.input) {
            if (!Array.isArray(object2.input))
              throw TypeError(".onnx.GraphProto.input: array expected");
            message.input = [];
            for (var i = 0; i < object2.input.length; ++i) {
              if (typeof object2.input[i] !== "object")
                throw TypeError(".onnx.GraphProto.input: object expected");
              message.input[i] = $root.onnx.ValueInfoProto.fromObject(object2.input[i]);
            }
          }
          if (object2.output) {
            if (!Array.isArray(object2.output))
              throw TypeError(".onnx.GraphProto.output: array expected");
            message.output = [];
            for (var i = 0; i < object2.output.length; ++i) {
              if (typeof object2.output[i] !== "object")
                throw TypeError(".onnx.GraphProto.output: object expected");
              message.output[i] = $root.onnx.ValueInfoProto.fromObject(object2.output[i]);
            }
          }
          if (object2.valueInfo) {
            if (!Array.isArray(object2.valueInfo))
              throw TypeError(".onnx.GraphProto.valueInfo: array expected");
            message.valueInfo = [];
            for (var i = 0; i < object2.valueInfo.length; ++i) {
              if (typeof object2.valueInfo[i] !== "object")
                throw TypeError(".onnx.GraphProto.valueInfo: object expected");
              message.valueInfo[i] = $root.onnx.ValueInfoProto.fromObject(object2.valueInfo[i]);
            }
          }
          if (object2.quantizationAnnotation) {
            if (!Array.isArray(object2.quantizationAnnotation))
              throw TypeError(".onnx.GraphProto.quantizationAnnotation: array expected");
            message.quantizationAnnotation = [];
            for (var i = 0; i < object2.quantizationAnnotation.length; ++i) {
              if (typeof object2.quantizationAnnotation[i] !== "object")
                throw TypeError(".onnx.GraphProto.quantizationAnnotation: object expected");
              message.quantizationAnnotation[i] = $root.onnx.TensorAnnotation.fromObject(object2.quantizationAnnotation[i]);
            }
          }
          return message;
        };
        GraphProto.toObject = function toObject(message, options) {
          if (!options)
            options = {};
          var object2 = {};
          if (options.arrays || options.defaults) {
            object2.node = [];
            object2.initializer = [];
            object2.input = [];
            object2.output = [];
            object2.valueInfo = [];
            object2.quantizationAnnotation = [];
            object2.sparseInitializer = [];
          }
          if (options.defaults) {
            object2.name = "";
            object2.docString = "";
          }
          if (message.node && message.node.length) {
            object2.node = [];
            for (var j = 0; j < message.node.length; ++j)
              object2.node[j] = $root.onnx.NodeProto.toObject(message.node[j], options);
          }
          if (message.name != null && message.hasOwnProperty("name"))
            object2.name = message.name;
          if (message.initializer && message.initializer.length) {
            object2.initializer = [];
            for (var j = 0; j < message.initializer.length; ++j)
              object2.initializer[j] = $root.onnx.TensorProto.toObject(message.initializer[j], options);
          }
          if (message.docString != null && message.hasOwnProperty("docString"))
            object2.docString = message.docString;
          if (message.input && message.input.length) {
            object2.input = [];
            for (var j = 0; j < message.input.length; ++j)
              object2.input[j] = $root.onnx.ValueInfoProto.toObject(message.input[j], options);
          }
          if (message.output && message.output.length) {
            object2.output = [];
            for (var j = 0; j < message.output.length; ++j)
              object2.output[j] = $root.onnx.ValueInfoProto.toObject(message.output[j], options);
          }
          if (message.valueInfo && message.valueInfo.length) {
            object2.valueInfo = [];
            for (var j = 0; j < message.valueInfo.length; ++j)
              object2.valueInfo[j] = $root.onnx.ValueInfoProto.toObject(message.valueInfo[j], options);
          }
          if (message.quantizationAnnotation && message.quantizationAnnotation.length) {
            object2.quantizationAnnotation = [];
            for (var j = 0; j < message.quantizationAnnotation.length; ++j)
              object2.quantizationAnnotation[j] = $root.onnx.TensorAnnotation.toObject(message.quantizationAnnotation[j], options);
          }
          if (message.sparseInitializer && message.sparseInitializer.length) {
            object2.sparseInitializer = [];
            for (var j = 0; j < message.sparseInitializer.length; ++j)
              object2.sparseInitializer[j] = $root.onnx.SparseTensorProto.toObject(message.sparseInitializer[j], options);
          }
          return object2;
        };
        GraphProto.prototype.toJSON = function toJSON() {
          return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
        };
        return GraphProto;
      })();
      onnx2.TensorProto = (function() {
        function TensorProto(properties) {
          this.dims = [];
          this.floatData = [];
          this.int32Data = [];
          this.stringData = [];
          this.int64Data = [];
          this.externalData = [];
          this.doubleData = [];
          this.uint64Data = [];
          if (properties) {
            for (var keys = Object.keys(properties), i = 0; i < keys.length; ++i)
              if (properties[keys[i]] != null)
                this[keys[i]] = properties[keys[i]];
          }
        }
        TensorProto.prototype.dims = $util.emptyArray;
        TensorProto.prototype.dataType = 0;
        TensorProto.prototype.segment = null;
        TensorProto.prototype.floatData = $util.emptyArray;
        TensorProto.prototype.int32Data = $util.emptyArray;
        TensorProto.prototype.stringData = $util.emptyArray;
        TensorProto.prototype.int64Data = $util.emptyArray;
        TensorProto.prototype.name = "";
        TensorProto.prototype.docString = "";
        TensorProto.prototype.rawData = $util.newBuffer([]);
        TensorProto.prototype.externalData = $util.emptyArray;
        TensorProto.prototype.dataLocation = 0;
        TensorProto.prototype.doubleData = $util.emptyArray;
        TensorProto.prototype.uint64Data = $util.emptyArray;
        TensorProto.create = function create(properties) {
          return new TensorProto(properties);
        };
        TensorProto.encode = function encode(message, writer) {
          if (!writer)
            writer = $Writer.create();
          if (message.dims != null && message.dims.length) {
            writer.uint32(
              /* id 1, wireType 2 =*/
              10
            ).fork();
            for (var i = 0; i < message.dims.length; ++i)
              writer.int64(message.dims[i]);
            writer.ldelim();
          }
          if (message.dataType != null && Object.hasOwnProperty.call(message, "dataType"))
            writer.uint32(
              /* id 2, wireType 0 =*/
              16
            ).int32(message.dataType);
          if (message.segment != null && Object.hasOwnProperty.call(message, "segment"))
            $root.onnx.TensorProto.Segment.encode(message.segment, writer.uint32(
              /* id 3, wireType 2 =*/
              26
            ).fork()).ldelim();
          if (message.floatData != null && message.floatData.length) {
            writer.uint32(
              /* id 4, wireType 2 =*/
              34
            ).fork();
            for (var i = 0; i < message.floatData.length; ++i)
              writer.float(message.floatData[i]);
            writer.ldelim();
          }
          if (message.int32Data != null && message.int32Data.length) {
            writer.uint32(
              /* id 5, wireType 2 =*/
              42
            ).fork();
            for (var i = 0; i < message.int32Data.length; ++i)
              writer.int32(message.int32Data[i]);
            writer.ldelim();
          }
          if (message.stringData != null && message.stringData.length)
            for (var i = 0; i < message.stringData.length; ++i)
              writer.uint32(
                /* id 6, wireType 2 =*/
                50
              ).bytes(message.stringData[i]);
          if (message.int64Data != null && message.int64Data.length) {
            writer.uint32(
              /* id 7, wireType 2 =*/
              58
            ).fork();
            for (var i = 0; i < message.int64Data.length; ++i)
              writer.int64(message.int64Data[i]);
            writer.ldelim();
          }
          if (message.name != null && Object.hasOwnProperty.call(message, "name"))
            writer.uint32(
              /* id 8, wireType 2 =*/
              66
            ).string(message.name);
          if (message.rawData != null && Object.hasOwnProperty.call(message, "rawData"))
            writer.uint32(
              /* id 9, wireType 2 =*/
              74
            ).bytes(message.rawData);
          if (message.doubleData != null && message.doubleData.length) {
            writer.uint32(
              /* id 10, wireType 2 =*/
              82
            ).fork();
            for (var i = 0; i < message.doubleData.length; ++i)
              writer.double(message.doubleData[i]);
            writer.ldelim();
          }
          if (message.uint64Data != null && message.uint64Data.length) {
            writer.uint32(
              /* id 11, wireType 2 =*/
              90
            ).fork();
            for (var i = 0; i < message.uint64Data.length; ++i)
              writer.uint64(message.uint64Data[i]);
            writer.ldelim();
          }
          if (message.docString != null && Object.hasOwnProperty.call(message, "docString"))
            writer.uint32(
              /* id 12, wireType 2 =*/
              98
            ).string(message.docString);
          if (message.externalData != null && message.externalData.length)
            for (var i = 0; i < message.externalData.length; ++i)
              $root.onnx.StringStringEntryProto.encode(message.externalData[i], writer.uint32(
                /* id 13, wireType 2 =*/
                106
              ).fork()).ldelim();
          if (message.dataLocation != null && Object.hasOwnProperty.call(message, "dataLocation"))
            writer.uint32(
              /* id 14, wireType 0 =*/
              112
            ).int32(message.dataLocation);
          return writer;
        };
        TensorProto.encodeDelimited = function encodeDelimited(message, writer) {
          return this.encode(message, writer).ldelim();
        };
        TensorProto.decode = function decode2(reader, length) {
          if (!(reader instanceof $Reader))
            reader = $Reader.create(reader);
          var end = length === void 0 ? reader.len : reader.pos + length, message = new $root.onnx.TensorProto();
          while (reader.pos < end) {
            var tag = reader.uint32();
            switch (tag >>> 3) {
              case 1:
                if (!(message.dims && message.dims.length))
                  message.dims = [];
                if ((tag & 7) === 2) {
                  var end2 = reader.uint32() + reader.pos;
                  while (reader.pos < end2)
                    message.dims.push(reader.int64());
                } else
                  message.dims.push(reader.int64());
                break;
              case 2:
                message.dataType = reader.int32();
                break;
              case 3:
                message.segment = $root.onnx.TensorProto.Segment.decode(reader, reader.uint32());
                break;
              case 4:
                if (!(message.floatData && message.floatData.length))
                  message.floatData = [];
                if ((tag & 7) === 2) {
                  var end2 = reader.uint32() + reader.pos;
                  while (reader.pos < end2)
                    message.floatData.push(reader.float());
                } else
                  message.floatData.push(reader.float());
                break;
              case 5:
                if (!(message.int32Data && message.int32Data.length))
                  message.int32Data = [];
                if ((tag & 7) === 2) {
                  var end2 = reader.uint32() + reader.pos;
                  while (reader.pos < end2)
                    message.int32Data.push(reader.int32());
                } else
                  message.int32Data.push(reader.int32());
                break;
              case 6:
                if (!(message.stringData && message.stringData.length))
                  message.stringData = [];
                message.stringData.push(reader.bytes());
                break;
              case 7:
                if (!(message.int64Data && message.int64Data.length))
                  message.int64Data = [];
                if ((tag & 7) === 2) {
                  var end2 = reader.uint32() + reader.pos;
                  while (reader.pos < end2)
                    message.int64Data.push(reader.int64());
                } else
                  message.int64Data.push(reader.int64());
                break;
              case 8:
                message.name = reader.string();
                break;
              case 12:
                message.docString = reader.string();
                break;
              case 9:
                message.rawData = reader.bytes();
                break;
              case 13:
                if (!(message.externalData && message.externalData.length))
                  message.externalData = [];
                message.externalData.push($root.onnx.StringStringEntryProto.decode(reader, reader.uint32()));
                break;
              case 14:
                message.dataLocation = reader.int32();
                break;
              case 10:
                if (!(message.doubleData && message.doubleData.length))
                  message.doubleData = [];
                if ((tag & 7) === 2) {
                  var end2 = reader.uint32() + reader.pos;
                  while (reader.pos < end2)
                    message.doubleData.push(reader.double());
                } else
                  message.doubleData.push(reader.double());
                break;
              case 11:
                if (!(message.uint64Data && message.uint64Data.length))
                  message.uint64Data = [];
                if ((tag & 7) === 2) {
                  var end2 = reader.uint32() + reader.pos;
                  while (reader.pos < end2)
                    message.uint64Data.push(reader.uint64());
                } else
                  message.uint64Data.push(reader.uint64());
                break;
              default:
                reader.skipType(tag & 7);
                break;
            }
          }
          return message;
        };
        TensorProto.decodeDelimited = function decodeDelimited(reader) {
          if (!(reader instanceof $Reader))
            reader = new $Reader(reader);
          return this.decode(reader, reader.uint32());
        };
        TensorProto.verify = function verify(message) {
          if (typeof message !== "object" || message === null)
            return "object expected";
          if (message.dims != null && message.hasOwnProperty("dims")) {
            if (!Array.isArray(message.dims))
              return "dims: array expected";
            for (var i = 0; i < message.dims.length; ++i)
              if (!$util.isInteger(message.dims[i]) && !(message.dims[i] && $util.isInteger(message.dims[i].low) && $util.isInteger(message.dims[i].high)))
                return "dims: integer|Long[] expected";
          }
          if (message.dataType != null && message.hasOwnProperty("dataType")) {
            if (!$util.isInteger(message.dataType))
              return "dataType: integer expected";
          }
          if (message.segment != null && message.hasOwnProperty("segment")) {
            var error2 = $root.onnx.TensorProto.Segment.verify(message.segment);
            if (error2)
              return "segment." + error2;
          }
          if (message.floatData != null && message.hasOwnProperty("floatData")) {
            if (!Array.isArray(message.floatData))
              return "floatData: array expected";
            for (var i = 0; i < message.floatData.length; ++i)
              if (typeof message.floatData[i] !== "number")
                return "floatData: number[] expected";
          }
          if (message.int32Data != null && message.hasOwnProperty("int32Data")) {
            if (!Array.isArray(message.int32Data))
              return "int32Data: array expected";
            for (var i = 0; i < message.int32Data.length; ++i)
              if (!$util.isInteger(message.int32Data[i]))
                return "int32Data: integer[] expected";
          }
          if (message.stringData != null && message.hasOwnProperty("stringData")) {
            if (!Array.isArray(message.stringData))
              return "stringData: array expected";
            for (var i = 0; i < message.stringData.length; ++i)
              if (!(message.stringData[i] && typeof message.stringData[i].length === "number" || $util.isString(message.stringData[i])))
                return "stringData: buffer[] expected";
          }
          if (message.int64Data != null && message.hasOwnProperty("int64Data")) {
            if (!Array.isArray(message.int64Data))
              return "int64Data: array expected";
            for (var i = 0; i < message.int64Data.length; ++i)
              if (!$util.isInteger(message.int64Data[i]) && !(message.int64Data[i] && $util.isInteger(message.int64Data[i].low) && $util.isInteger(message.int64Data[i].high)))
                return "int64Data: integer|Long[] expected";
          }
          if (message.name != null && message.hasOwnProperty("name")) {
            if (!$util.isString(message.name))
              return "name: string expected";
          }
          if (message.docString != null && message.hasOwnProperty("docString")) {
            if (!$util.isString(message.docString))
              return "docString: string expected";
          }
          if (message.rawData != null && message.hasOwnProperty("rawData")) {
            if (!(message.rawData && typeof message.rawData.length === "number" || $util.isString(message.rawData)))
              return "rawData: buffer expected";
          }
          if (message.externalData != null && message.hasOwnProperty("externalData")) {
            if (!Array.isArray(message.externalData))
              return "externalData: array expected";
            for (var i = 0; i < message.externalData.length; ++i) {
              var error2 = $root.onnx.StringStringEntryProto.verify(message.externalData[i]);
              if (error2)
                return "externalData." + error2;
            }
          }
          if (message.dataLocation != null && message.hasOwnProperty("dataLocation"))
            switch (message.dataLocation) {
              default:
                return "dataLocation: enum value expected";
              case 0:
              case 1:
                break;
            }
          if (message.doubleData != null && message.hasOwnProperty("doubleData")) {
            if (!Array.isArray(message.doubleData))
              return "doubleData: array expected";
            for (var i = 0; i < message.doubleData.length; ++i)
              if (typeof message.doubleData[i] !== "number")
                return "doubleData: number[] expected";
          }
          if (message.uint64Data != null && message.hasOwnProperty("uint64Data")) {
            if (!Array.isArray(message.uint64Data))
              return "uint64Data: array expected";
            for (var i = 0; i < message.uint64Data.length; ++i)
              if (!$util.isInteger(message.uint64Data[i]) && !(message.uint64Data[i] && $util.isInteger(message.uint64Data[i].low) && $util.isInteger(message.uint64Data[i].high)))
                return "uint64Data: integer|Long[] expected";
          }
          return null;
        };
        TensorProto.fromObject = function fromObject(object2) {
          if (object2 instanceof $root.onnx.TensorProto)
            return object2;
          var message = new $root.onnx.TensorProto();
          if (object2.dims) {
            if (!Array.isArray(object2.dims))
              throw TypeError(".onnx.TensorProto.dims: array expected");
            message.dims = [];
            for (var i = 0; i < object2.dims.length; ++i)
              if ($util.Long)
                (message.dims[i] = $util.Long.fromValue(object2.dims[i])).unsigned = false;
              else if (typeof object2.dims[i] === "string")
                message.dims[i] = parseInt(object2.dims[i], 10);
              else if (typeof object2.dims[i] === "number")
                message.dims[i] = object2.dims[i];
              else if (typeof object2.dims[i] === "object")
                message.dims[i] = new $util.LongBits(object2.dims[i].low >>> 0, object2.dims[i].high >>> 0).toNumber();
          }
          if (object2.dataType != null)
            message.dataType = object2.dataType | 0;
          if (object2.segment != null) {
            if (typeof object2.segment !== "object")
              throw TypeError(".onnx.TensorProto.segment: object expected");
            message.segment = $root.onnx.TensorProto.Segment.fromObject(object2.segment);
          }
          if (object2.floatData) {
            if (!Array.isArray(object2.floatData))
              throw TypeError(".onnx.TensorProto.floatData: array expected");
            message.floatData = [];
            for (var i = 0; i < object2.floatData.length; ++i)
              message.floatData[i] = Number(object2.floatData[i]);
          }
          if (object2.int32Data) {
            if (!Array.isArray(object2.int32Data))
              throw TypeError(".onnx.TensorProto.int32Data: array expected");
            message.int32Data = [];
            for (var i = 0; i < object2.int32Data.length; ++i)
              message.int32Data[i] = object2.int32Data[i] | 0;
          }
          if (object2.stringData) {
            if (!Array.isArray(object2.stringData))
              throw TypeError(".onnx.TensorProto.stringData: array expected");
            message.stringData = [];
            for (var i = 0; i < object2.stringData.length; ++i)
              if (typeof object2.stringData[i] === "string")
                $util.base64.decode(object2.stringData[i], message.stringData[i] = $util.newBuffer($util.base64.length(object2.stringData[i])), 0);
              else if (object2.stringData[i].length)
                message.stringData[i] = object2.stringData[i];
          }
          if (object2.int64Data) {
            if (!Array.isArray(object2.int64Data))
              throw TypeError(".onnx.TensorProto.int64Data: array expected");
            message.int64Data = [];
            for (var i = 0; i < object2.int64Data.length; ++i)
              if ($util.Long)
                (message.int64Data[i] = $util.Long.fromValue(object2.int64Data[i])).unsigned = false;
              else if (typeof object2.int64Data[i] === "string")
                message.int64Data[i] = parseInt(object2.int64Data[i], 10);
              else if (typeof object2.int64Data[i] === "number")
                message.int64Data[i] = object2.int64Data[i];
              else if (typeof object2.int64Data[i] === "object")
                message.int64Data[i] = new $util.LongBits(object2.int64Data[i].low >>> 0, object2.int64Data[i].high >>> 0).toNumber();
          }
          if (object2.name != null)
            message.name = String(object2.name);
          if (object2.docString != null)
            message.docString = String(object2.docString);
          if (object2.rawData != null) {
            if (typeof object2.rawData === "string")
              $util.base64.decode(object2.rawData, message.rawData = $util.newBuffer($util.base64.length(object2.rawData)), 0);
            else if (object2.rawData.length)
              message.rawData = object2.rawData;
          }
          if (object2.externalData) {
            if (!Array.isArray(object2.externalData))
              throw TypeError(".onnx.TensorProto.externalData: array expected");
            message.externalData = [];
            for (var i = 0; i < object2.externalData.length; ++i) {
              if (typeof object2.externalData[i] !== "object")
                throw TypeError(".onnx.TensorProto.externalData: object expected");
              message.externalData[i] = $root.onnx.StringStringEntryProto.fromObject(object2.externalData[i]);
            }
          }
          switch (object2.dataLocation) {
            case "DEFAULT":
            case 0:
              message.dataLocation = 0;
              break;
            case "EXTERNAL":
            case 1:
              message.dataLocation = 1;
              break;
          }
          if (object2.doubleData) {
            if (!Array.isArray(object2.doubleData))
              throw TypeError(".onnx.TensorProto.doubleData: array expected");
            message.doubleData = [];
            for (var i = 0; i < object2.doubleData.length; ++i)
              message.doubleData[i] = Number(object2.doubleData[i]);
          }
          if (object2.uint64Data) {
            if (!Array.isArray(object2.uint64Data))
              throw TypeError(".onnx.TensorProto.uint64Data: array expected");
            message.uint64Data = [];
            for (var i = 0; i < object2.uint64Data.length; ++i)
              if ($util.Long)
                (message.uint64Data[i] = $util.Long.fromValue(object2.uint64Data[i])).unsigned = true;
              else if (typeof object2.uint64Data[i] === "string")
                message.uint64Data[i] = parseInt(object2.uint64Data[i], 10);
              else if (typeof object2.uint64Data[i] === "number")
                message.uint64Data[i] = object2.uint64Data[i];
              else if (typeof object2.uint64Data[i] === "object")
                message.uint64Data[i] = new $util.LongBits(object2.uint64Data[i].low >>> 0, object2.uint64Data[i].high >>> 0).toNumber(true);
          }
          return message;
        };
        TensorProto.toObject = function toObject(message, options) {
          if (!options)
            options = {};
          var object2 = {};
          if (options.arrays || options.defaults) {
            object2.dims = [];
            object2.floatData = [];
            object2.int32Data = [];
            object2.stringData = [];
            object2.int64Data = [];
            object2.doubleData = [];
            object2.uint64Data = [];
            object2.externalData = [];
          }
          if (options.defaults) {
            object2.dataType = 0;
            object2.segment = null;
            object2.name = "";
            if (options.bytes === String)
              object2.rawData = "";
            else {
              object2.rawData = [];
              if (options.bytes !== Array)
                object2.rawData = $util.newBuffer(object2.rawData);
            }
            object2.docString = "";
            object2.dataLocation = options.enums === String ? "DEFAULT" : 0;
          }
          if (message.dims && message.dims.length) {
            object2.dims = [];
            for (var j = 0; j < message.dims.length; ++j)
              if (typeof message.dims[j] === "number")
                object2.dims[j] = options.longs === String ? String(message.dims[j]) : message.dims[j];
              else
                object2.dims[j] = options.longs === String ? $util.Long.prototype.toString.call(message.dims[j]) : options.longs === Number ? new $util.LongBits(message.dims[j].low >>> 0, message.dims[j].high >>> 0).toNumber() : message.dims[j];
          }
          if (message.dataType != null && message.hasOwnProperty("dataType"))
            object2.dataType = message.dataType;
          if (message.segment != null && message.hasOwnProperty("segment"))
            object2.segment = $root.onnx.TensorProto.Segment.toObject(message.segment, options);
          if (message.floatData && message.floatData.length) {
            object2.floatData = [];
            for (var j = 0; j < message.floatData.length; ++j)
              object2.floatData[j] = options.json && !isFinite(message.floatData[j]) ? String(message.floatData[j]) : message.floatData[j];
          }
          if (message.int32Data && message.int32Data.length) {
            object2.int32Data = [];
            for (var j = 0; j < message.int32Data.length; ++j)
              object2.int32Data[j] = message.int32Data[j];
          }
          if (message.stringData && message.stringData.length) {
            object2.stringData = [];
            for (var j = 0; j < message.stringData.length; ++j)
              object2.stringData[j] = options.bytes === String ? $util.base64.encode(message.stringData[j], 0, message.stringData[j].length) : options.bytes === Array ? Array.prototype.slice.call(message.stringData[j]) : message.stringData[j];
          }
          if (message.int64Data && message.int64Data.length) {
            object2.int64Data = [];
            for (var j = 0; j < message.int64Data.length; ++j)
              if (typeof message.int64Data[j] === "number")
                object2.int64Data[j] = options.longs === String ? String(message.int64Data[j]) : message.int64Data[j];
              else
                object2.int64Data[j] = options.longs === String ? $util.Long.prototype.toString.call(message.int64Data[j]) : options.longs === Number ? new $util.LongBits(message.int64Data[j].low >>> 0, message.int64Data[j].high >>> 0).toNumber() : message.int64Data[j];
          }
          if (message.name != null && message.hasOwnProperty("name"))
            object2.name = message.name;
          if (message.rawData != null && message.hasOwnProperty("rawData"))
            object2.rawData = options.bytes === String ? $util.base64.encode(message.rawData, 0, message.rawData.length) : options.bytes === Array ? Array.prototype.slice.call(message.rawData) : message.rawData;
          if (message.doubleData && message.doubleData.length) {
            object2.doubleData = [];
            for (var j = 0; j < message.doubleData.length; ++j)
              object2.doubleData[j] = options.json && !isFinite(message.doubleData[j]) ? String(message.doubleData[j]) : message.doubleData[j];
          }
          if (message.uint64Data && message.uint64Data.length) {
            object2.uint64Data = [];
            for (var j = 0; j < message.uint64Data.length; ++j)
              if (typeof message.uint64Data[j] === "number")
                object2.uint64Data[j] = options.longs === String ? String(message.uint64Data[j]) : message.uint64Data[j];
              else
                object2.uint64Data[j] = options.longs === String ? $util.Long.prototype.toString.call(message.uint64Data[j]) : options.longs === Number ? new $util.LongBits(message.uint64Data[j].low >>> 0, message.uint64Data[j].high >>> 0).toNumber(true) : message.uint64Data[j];
          }
          if (message.docString != null && message.hasOwnProperty("docString"))
            object2.docString = message.docString;
          if (message.externalData && message.externalData.length) {
            object2.externalData = [];
            for (var j = 0; j < message.externalData.length; ++j)
              object2.externalData[j] = $root.onnx.StringStringEntryProto.toObject(message.externalData[j], options);
          }
          if (message.dataLocation != null && message.hasOwnProperty("dataLocation"))
            object2.dataLocation = options.enums === String ? $root.onnx.TensorProto.DataLocation[message.dataLocation] : message.dataLocation;
          return object2;
        };
        TensorProto.prototype.toJSON = function toJSON() {
          return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
        };
        TensorProto.DataType = (function() {
          var valuesById = {}, values = Object.create(valuesById);
          values[valuesById[0] = "UNDEFINED"] = 0;
          values[valuesById[1] = "FLOAT"] = 1;
          values[valuesById[2] = "UINT8"] = 2;
          values[valuesById[3] = "INT8"] = 3;
          values[valuesById[4] = "UINT16"] = 4;
          values[valuesById[5] = "INT16"] = 5;
          values[valuesById[6] = "INT32"] = 6;
          values[valuesById[7] = "INT64"] = 7;
          values[valuesById[8] = "STRING"] = 8;
          values[valuesById[9] = "BOOL"] = 9;
          values[valuesById[10] = "FLOAT16"] = 10;
          values[valuesById[11] = "DOUBLE"] = 11;
          values[valuesById[12] = "UINT32"] = 12;
          values[valuesById[13] = "UINT64"] = 13;
          values[valuesById[14] = "COMPLEX64"] = 14;
          values[valuesById[15] = "COMPLEX128"] = 15;
          values[valuesById[16] = "BFLOAT16"] = 16;
          return values;
        })();
        TensorProto.Segment = (function() {
          function Segment(properties) {
            if (properties) {
              for (var keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                if (properties[keys[i]] != null)
                  this[keys[i]] = properties[keys[i]];
            }
          }
          Segment.prototype.begin = $util.Long ? $util.Long.fromBits(0, 0, false) : 0;
          Segment.prototype.end = $util.Long ? $util.Long.fromBits(0, 0, false) : 0;
          Segment.create = function create(properties) {
            return new Segment(properties);
          };
          Segment.encode = function encode(message, writer) {
            if (!writer)
              writer = $Writer.create();
            if (message.begin != null && Object.hasOwnProperty.call(message, "begin"))
              writer.uint32(
                /* id 1, wireType 0 =*/
                8
              ).int64(message.begin);
            if (message.end != null && Object.hasOwnProperty.call(message, "end"))
              writer.uint32(
                /* id 2, wireType 0 =*/
                16
              ).int64(message.end);
            return writer;
          };
          Segment.encodeDelimited = function encodeDelimited(message, writer) {
            return this.encode(message, writer).ldelim();
          };
          Segment.decode = function decode2(reader, length) {
            if (!(reader instanceof $Reader))
              reader = $Reader.create(reader);
            var end = length === void 0 ? reader.len : reader.pos + length, message = new $root.onnx.TensorProto.Segment();
            while (reader.pos < end) {
              var tag = reader.uint32();
              switch (tag >>> 3) {
                case 1:
                  message.begin = reader.int64();
                  break;
                case 2:
                  message.end = reader.int64();
                  break;
                default:
                  reader.skipType(tag & 7);
                  break;
              }
            }
            return message;
          };
          Segment.decodeDelimited = function decodeDelimited(reader) {
            if (!(reader instanceof $Reader))
              reader = new $Reader(reader);
            return this.decode(reader, reader.uint32());
          };
          Segment.verify = function verify(message) {
            if (typeof message !== "object" || message === null)
              return "object expected";
            if (message.begin != null && message.hasOwnProperty("begin")) {
              if (!$util.isInteger(message.begin) && !(message.begin && $util.isInteger(message.begin.low) && $util.isInteger(message.begin.high)))
                return "begin: integer|Long expected";
            }
            if (message.end != null && message.hasOwnProperty("end")) {
              if (!$util.isInteger(message.end) && !(message.end && $util.isInteger(message.end.low) && $util.isInteger(message.end.high)))
                return "end: integer|Long expected";
            }
            return null;
          };
          Segment.fromObject = function fromObject(object2) {
            if (object2 instanceof $root.onnx.TensorProto.Segment)
              return object2;
            var message = new $root.onnx.TensorProto.Segment();
            if (object2.begin != null) {
              if ($util.Long)
                (message.begin = $util.Long.fromValue(object2.begin)).unsigned = false;
              else if (typeof object2.begin === "string")
                message.begin = parseInt(object2.begin, 10);
              else if (typeof object2.begin === "number")
                message.begin = object2.begin;
              else if (typeof object2.begin === "object")
                message.begin = new $util.LongBits(object2.begin.low >>> 0, object2.begin.high >>> 0).toNumber();
            }
            if (object2.end != null) {
              if ($util.Long)
                (message.end = $util.Long.fromValue(object2.end)).unsigned = false;
              else if (typeof object2.end === "string")
                message.end = parseInt(object2.end, 10);
              else if (typeof object2.end === "number")
                message.end = object2.end;
              else if (typeof object2.end === "object")
                message.end = new $util.LongBits(object2.end.low >>> 0, object2.end.high >>> 0).toNumber();
            }
            return message;
          };
          Segment.toObject = function toObject(message, options) {
            if (!options)
              options = {};
            var object2 = {};
            if (options.defaults) {
              if ($util.Long) {
                var long = new $util.Long(0, 0, false);
                object2.begin = options.longs === String ? long.toString() : options.longs === Number ? long.toNumber() : long;
              } else
                object2.begin = options.longs === String ? "0" : 0;
              if ($util.Long) {
                var long = new $util.Long(0, 0, false);
                object2.end = options.longs === String ? long.toString() : options.longs === Number ? long.toNumber() : long;
              } else
                object2.end = options.longs === String ? "0" : 0;
            }
            if (message.begin != null && message.hasOwnProperty("begin"))
              if (typeof message.begin === "number")
                object2.begin = options.longs === String ? String(message.begin) : message.begin;
              else
                object2.begin = options.longs === String ? $util.Long.prototype.toString.call(message.begin) : options.longs === Number ? new $util.LongBits(message.begin.low >>> 0, message.begin.high >>> 0).toNumber() : message.begin;
            if (message.end != null && message.hasOwnProperty("end"))
              if (typeof message.end === "number")
                object2.end = options.longs === String ? String(message.end) : message.end;
              else
                object2.end = options.longs === String ? $util.Long.prototype.toString.call(message.end) : options.longs === Number ? new $util.LongBits(message.end.low >>> 0, message.end.high >>> 0).toNumber() : message.end;
            return object2;
          };
          Segment.prototype.toJSON = function toJSON() {
            return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
          };
          return Segment;
        })();
        TensorProto.DataLocation = (function() {
          var valuesById = {}, values = Object.create(valuesById);
          values[valuesById[0] = "DEFAULT"] = 0;
          values[valuesById[1] = "EXTERNAL"] = 1;
          return values;
        })();
        return TensorProto;
      })();
      onnx2.SparseTensorProto = (function() {
        function SparseTensorProto(properties) {
          this.dims = [];
          if (properties) {
            for (var keys = Object.keys(properties), i = 0; i < keys.length; ++i)
              if (properties[keys[i]] != null)
                this[keys[i]] = properties[keys[i]];
          }
        }
        SparseTensorProto.prototype.values = null;
        SparseTensorProto.prototype.indices = null;
        SparseTensorProto.prototype.dims = $util.emptyArray;
        SparseTensorProto.create = function create(properties) {
          return new SparseTensorProto(properties);
        };
        SparseTensorProto.encode = function encode(message, writer) {
          if (!writer)
            writer = $Writer.create();
          if (message.values != null && Object.hasOwnProperty.call(message, "values"))
            $root.onnx.TensorProto.encode(message.values, writer.uint32(
              /* id 1, wireType 2 =*/
              10
            ).fork()).ldelim();
          if (message.indices != null && Object.hasOwnProperty.call(message, "indices"))
            $root.onnx.TensorProto.encode(message.indices, writer.uint32(
              /* id 2, wireType 2 =*/
              18
            ).fork()).ldelim();
          if (message.dims != null && message.dims.length) {
            writer.uint32(
              /* id 3, wireType 2 =*/
              26
            ).fork();
            for (var i = 0; i < message.dims.length; ++i)
              writer.int64(message.dims[i]);
            writer.ldelim();
          }
          return writer;
        };
        SparseTensorProto.encodeDelimited = function encodeDelimited(message, writer) {
          return this.encode(message, writer).ldelim();
        };
        SparseTensorProto.decode = function decode2(reader, length) {
          if (!(reader instanceof $Reader))
            reader = $Reader.create(reader);
          var end = length === void 0 ? reader.len : reader.pos + length, message = new $root.onnx.SparseTensorProto();
          while (reader.pos < end) {
            var tag = reader.uint32();
            switch (tag >>> 3) {
              case 1:
                message.values = $root.onnx.TensorProto.decode(reader, reader.uint32());
                break;
              case 2:
                message.indices = $root.onnx.TensorProto.decode(reader, reader.uint32());
                break;
              case 3:
                if (!(message.dims && message.dims.length))
                  message.dims = [];
                if ((tag & 7) === 2) {
                  var end2 = reader.uint32() + reader.pos;
                  while (reader.pos < end2)
                    message.dims.push(reader.int64());
                } else
                  message.dims.push(reader.int64());
                break;
              default:
                reader.skipType(tag & 7);
                break;
            }
          }
          return message;
        };
        SparseTensorProto.decodeDelimited = function decodeDelimited(reader) {
          if (!(reader instanceof $Reader))
            reader = new $Reader(reader);
          return this.decode(reader, reader.uint32());
        };
        SparseTensorProto.verify = function verify(message) {
          if (typeof message !== "object" || message === null)
            return "object expected";
          if (message.values != null && message.hasOwnProperty("values")) {
            var error2 = $root.onnx.TensorProto.verify(message.values);
            if (error2)
              return "values." + error2;
          }
          if (message.indices != null && message.hasOwnProperty("indices")) {
            var error2 = $root.onnx.TensorProto.verify(message.indices);
            if (error2)
              return "indices." + error2;
          }
          if (message.dims != null && message.hasOwnProperty("dims")) {
            if (!Array.isArray(message.dims))
              return "dims: array expected";
            for (var i = 0; i < message.dims.length; ++i)
              if (!$util.isInteger(message.dims[i]) && !(message.dims[i] && $util.isInteger(message.dims[i].low) && $util.isInteger(message.dims[i].high)))
                return "dims: integer|Long[] expected";
          }
          return null;
        };
        SparseTensorProto.fromObject = function fromObject(object2) {
          if (object2 instanceof $root.onnx.SparseTensorProto)
            return object2;
          var message = new $root.onnx.SparseTensorProto();
          if (object2.values != null) {
            if (typeof object2.values !== "object")
              throw TypeError(".onnx.SparseTensorProto.values: object expected");
            message.values = $root.onnx.TensorProto.fromObject(object2.values);
          }
          if (object2.indices != null) {
            if (typeof object2.indices !== "object")
              throw TypeError(".onnx.SparseTensorProto.indices: object expected");
            message.indices = $root.onnx.TensorProto.fromObject(object2.indices);
          }
          if (object2.dims) {
            if (!Array.isArray(object2.dims))
              throw TypeError(".onnx.SparseTensorProto.dims: array expected");
            message.dims = [];
            for (var i = 0; i < object2.dims.length; ++i)
              if ($util.Long)
                (message.dims[i] = $util.Long.fromValue(object2.dims[i])).unsigned = false;
              else if (typeof object2.dims[i] === "string")
                message.dims[i] = parseInt(object2.dims[i], 10);
              else if (typeof object2.dims[i] === "number")
                message.dims[i] = object2.dims[i];
              else if (typeof object2.dims[i] === "object")
                message.dims[i] = new $util.LongBits(object2.dims[i].low >>> 0, object2.dims[i].high >>> 0).toNumber();
          }
          return message;
        };
        SparseTensorProto.toObject = function toObject(message, options) {
          if (!options)
            options = {};
          var object2 = {};
          if (options.arrays || options.defaults)
            object2.dims = [];
          if (options.defaults) {
            object2.values = null;
            object2.indices = null;
          }
          if (message.values != null && message.hasOwnProperty("values"))
            object2.values = $root.onnx.TensorProto.toObject(message.values, options);
          if (message.indices != null && message.hasOwnProperty("indices"))
            object2.indices = $root.onnx.TensorProto.toObject(message.indices, options);
          if (message.dims && message.dims.length) {
            object2.dims = [];
            for (var j = 0; j < message.dims.length; ++j)
              if (typeof message.dims[j] === "number")
                object2.dims[j] = options.longs === String ? String(message.dims[j]) : message.dims[j];
              else
                object2.dims[j] = options.longs === String ? $util.Long.prototype.toString.call(message.dims[j]) : options.longs === Number ? new $util.LongBits(message.dims[j].low >>> 0, message.dims[j].high >>> 0).toNumber() : message.dims[j];
          }
          return object2;
        };
        SparseTensorProto.prototype.toJSON = function toJSON() {
          return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
        };
        return SparseTensorProto;
      })();
      onnx2.TensorShapeProto = (function() {
        function TensorShapeProto(properties) {
          this.dim = [];
          if (properties) {
            for (var keys = Object.keys(properties), i = 0; i < keys.length; ++i)
              if (properties[keys[i]] != null)
                this[keys[i]] = properties[keys[i]];
          }
        }
        TensorShapeProto.prototype.dim = $util.emptyArray;
        TensorShapeProto.create = function create(properties) {
          return new TensorShapeProto(properties);
        };
        TensorShapeProto.encode = function encode(message, writer) {
          if (!writer)
            writer = $Writer.create();
          if (message.dim != null && message.dim.length)
            for (var i = 0; i < message.dim.length; ++i)
              $root.onnx.TensorShapeProto.Dimension.encode(message.dim[i], writer.uint32(
                /* id 1, wireType 2 =*/
                10
              ).fork()).ldelim();
          return writer;
        };
        TensorShapeProto.encodeDelimited = function encodeDelimited(message, writer) {
          return this.encode(message, writer).ldelim();
        };
        TensorShapeProto.decode = function decode2(reader, length) {
          if (!(reader instanceof $Reader))
            reader = $Reader.create(reader);
          var end = length === void 0 ? reader.len : reader.pos + length, message = new $root.onnx.TensorShapeProto();
          while (reader.pos < end) {
            var tag = reader.uint32();
            switch (tag >>> 3) {
              case 1:
                if (!(message.dim && message.dim.length))
                  message.dim = [];
                message.dim.push($root.onnx.TensorShapeProto.Dimension.decode(reader, reader.uint32()));
                break;
              default:
                reader.skipType(tag & 7);
                break;
            }
          }
          return message;
        };
        TensorShapeProto.decodeDelimited = function decodeDelimited(reader) {
          if (!(reader instanceof $Reader))
            reader = new $Reader(reader);
          return this.decode(reader, reader.uint32());
        };
        TensorShapeProto.verify = function verify(message) {
          if (typeof message !== "object" || message === null)
            return "object expected";
          if (message.dim != null && message.hasOwnProperty("dim")) {
            if (!Array.isArray(message.dim))
              return "dim: array expected";
            for (var i = 0; i < message.dim.length; ++i) {
              var error2 = $root.onnx.TensorShapeProto.Dimension.verify(message.dim[i]);
              if (error2)
                return "dim." + error2;
            }
          }
          return null;
        };
        TensorShapeProto.fromObject = function fromObject(object2) {
          if (object2 instanceof $root.onnx.TensorShapeProto)
            return object2;
          var message = new $root.onnx.TensorShapeProto();
          if (object2.dim) {
            if (!Array.isArray(object2.dim))
              throw TypeError(".onnx.TensorShapeProto.dim: array expected");
            message.dim = [];
            for (var i = 0; i < object2.dim.length; ++i) {
              if (typeof object2.dim[i] !== "object")
                throw TypeError(".onnx.TensorShapeProto.dim: object expected");
              message.dim[i] = $root.onnx.TensorShapeProto.Dimension.fromObject(object2.dim[i]);
            }
          }
          return message;
        };
        TensorShapeProto.toObject = function toObject(message, options) {
          if (!options)
            options = {};
          var object2 = {};
          if (options.arrays || options.defaults)
            object2.dim = [];
          if (message.dim && message.dim.length) {
            object2.dim = [];
            for (var j = 0; j < message.dim.length; ++j)
              object2.dim[j] = $root.onnx.TensorShapeProto.Dimension.toObject(message.dim[j], options);
          }
          return object2;
        };
        TensorShapeProto.prototype.toJSON = function toJSON() {
          return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
        };
        TensorShapeProto.Dimension = (function() {
          function Dimension(properties) {
            if (properties) {
              for (var keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                if (properties[keys[i]] != null)
                  this[keys[i]] = properties[keys[i]];
            }
          }
          Dimension.prototype.dimValue = null;
          Dimension.prototype.dimParam = null;
          Dimension.prototype.denotation = "";
          var $oneOfFields;
          Object.defineProperty(Dimension.prototype, "value", {
            get: $util.oneOfGetter($oneOfFields = ["dimValue", "dimParam"]),
            set: $util.oneOfSetter($oneOfFields)
          });
          Dimension.create = function create(properties) {
            return new Dimension(properties);
          };
          Dimension.encode = function encode(message, writer) {
            if (!writer)
              writer = $Writer.create();
            if (message.dimValue != null && Object.hasOwnProperty.call(message, "dimValue"))
              writer.uint32(
                /* id 1, wireType 0 =*/
                8
              ).int64(message.dimValue);
            if (message.dimParam != null && Object.hasOwnProperty.call(message, "dimParam"))
              writer.uint32(
                /* id 2, wireType 2 =*/
                18
              ).string(message.dimParam);
            if (message.denotation != null && Object.hasOwnProperty.call(message, "denotation"))
              writer.uint32(
                /* id 3, wireType 2 =*/
                26
              ).string(message.denotation);
            return writer;
          };
          Dimension.encodeDelimited = function encodeDelimited(message, writer) {
            return this.encode(message, writer).ldelim();
          };
          Dimension.decode = function decode2(reader, length) {
            if (!(reader instanceof $Reader))
              reader = $Reader.create(reader);
            var end = length === void 0 ? reader.len : reader.pos + length, message = new $root.onnx.TensorShapeProto.Dimension();
            while (reader.pos < end) {
              var tag = reader.uint32();
              switch (tag >>> 3) {
                case 1:
                  message.dimValue = reader.int64();
                  break;
                case 2:
                  message.dimParam = reader.string();
                  break;
                case 3:
                  message.denotation = reader.string();
                  break;
                default:
                  reader.skipType(tag & 7);
                  break;
              }
            }
            return message;
          };
          Dimension.decodeDelimited = function decodeDelimited(reader) {
            if (!(reader instanceof $Reader))
              reader = new $Reader(reader);
            return this.decode(reader, reader.uint32());
          };
          Dimension.verify = function verify(message) {
            if (typeof message !== "object" || message === null)
              return "object expected";
            var properties = {};
            if (message.dimValue != null && message.hasOwnProperty("dimValue")) {
              properties.value = 1;
              if (!$util.isInteger(message.dimValue) && !(message.dimValue && $util.isInteger(message.dimValue.low) && $util.isInteger(message.dimValue.high)))
                return "dimValue: integer|Long expected";
            }
            if (message.dimParam != null && message.hasOwnProperty("dimParam")) {
              if (properties.value === 1)
                return "value: multiple values";
              properties.value = 1;
              if (!$util.isString(message.dimParam))
                return "dimParam: string expected";
            }
            if (message.denotation != null && message.hasOwnProperty("denotation")) {
              if (!$util.isString(message.denotation))
                return "denotation: string expected";
            }
            return null;
          };
          Dimension.fromObject = function fromObject(object2) {
            if (object2 instanceof $root.onnx.TensorShapeProto.Dimension)
              return object2;
            var message = new $root.onnx.TensorShapeProto.Dimension();
            if (object2.dimValue != null) {
              if ($util.Long)
                (message.dimValue = $util.Long.fromValue(object2.dimValue)).unsigned = false;
              else if (typeof object2.dimValue === "string")
                message.dimValue = parseInt(object2.dimValue, 10);
              else if (typeof object2.dimValue === "number")
                message.dimValue = object2.dimValue;
              else if (typeof object2.dimValue === "object")
                message.dimValue = new $util.LongBits(object2.dimValue.low >>> 0, object2.dimValue.high >>> 0).toNumber();
            }
            if (object2.dimParam != null)
              message.dimParam = String(object2.dimParam);
            if (object2.denotation != null)
              message.denotation = String(object2.denotation);
            return message;
          };
          Dimension.toObject = function toObject(message, options) {
            if (!options)
              options = {};
            var object2 = {};
            if (options.defaults)
              object2.denotation = "";
            if (message.dimValue != null && message.hasOwnProperty("dimValue")) {
              if (typeof message.dimValue === "number")
                object2.dimValue = options.longs === String ? String(message.dimValue) : message.dimValue;
              else
                object2.dimValue = options.longs === String ? $util.Long.prototype.toString.call(message.dimValue) : options.longs === Number ? new $util.LongBits(message.dimValue.low >>> 0, message.dimValue.high >>> 0).toNumber() : message.dimValue;
              if (options.oneofs)
                object2.value = "dimValue";
            }
            if (message.dimParam != null && message.hasOwnProperty("dimParam")) {
              object2.dimParam = message.dimParam;
              if (options.oneofs)
                object2.value = "dimParam";
            }
            if (message.denotation != null && message.hasOwnProperty("denotation"))
              object2.denotation = message.denotation;
            return object2;
          };
          Dimension.prototype.toJSON = function toJSON() {
            return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
          };
          return Dimension;
        })();
        return TensorShapeProto;
      })();
      onnx2.TypeProto = (function() {
        function TypeProto(properties) {
          if (properties) {
            for (var keys = Object.keys(properties), i = 0; i < keys.length; ++i)
              if (properties[keys[i]] != null)
                this[keys[i]] = properties[keys[i]];
          }
        }
        TypeProto.prototype.tensorType = null;
        TypeProto.prototype.sequenceType = null;
        TypeProto.prototype.mapType = null;
        TypeProto.prototype.optionalType = null;
        TypeProto.prototype.sparseTensorType = null;
        TypeProto.prototype.denotation = "";
        var $oneOfFields;
        Object.defineProperty(TypeProto.prototype, "value", {
          get: $util.oneOfGetter($oneOfFields = ["tensorType", "sequenceType", "mapType", "optionalType", "sparseTensorType"]),
          set: $util.oneOfSetter($oneOfFields)
        });
        TypeProto.create = function create(properties) {
          return new TypeProto(properties);
        };
        TypeProto.encode = function encode(message, writer) {
          if (!writer)
            writer = $Writer.create();
          if (message.tensorType != null && Object.hasOwnProperty.call(message, "tensorType"))
            $root.onnx.TypeProto.Tensor.encode(message.tensorType, writer.uint32(
              /* id 1, wireType 2 =*/
              10
            ).fork()).ldelim();
          if (message.sequenceType != null && Object.hasOwnProperty.call(message, "sequenceType"))
            $root.onnx.TypeProto.Sequence.encode(message.sequenceType, writer.uint32(
              /* id 4, wireType 2 =*/
              34
            ).fork()).ldelim();
          if (message.mapType != null && Object.hasOwnProperty.call(message, "mapType"))
            $root.onnx.TypeProto.Map.encode(message.mapType, writer.uint32(
              /* id 5, wireType 2 =*/
              42
            ).fork()).ldelim();
          if (message.denotation != null && Object.hasOwnProperty.call(message, "denotation"))
            writer.uint32(
              /* id 6, wireType 2 =*/
              50
            ).string(message.denotation);
          if (message.sparseTensorType != null && Object.hasOwnProperty.call(message, "sparseTensorType"))
            $root.onnx.TypeProto.SparseTensor.encode(message.sparseTensorType, writer.uint32(
              /* id 8, wireType 2 =*/
              66
            ).fork()).ldelim();
          if (message.optionalType != null && Object.hasOwnProperty.call(message, "optionalType"))
            $root.onnx.TypeProto.Optional.encode(message.optionalType, writer.uint32(
              /* id 9, wireType 2 =*/
              74
            ).fork()).ldelim();
          return writer;
        };
        TypeProto.encodeDelimited = function encodeDelimited(message, writer) {
          return this.encode(message, writer).ldelim();
        };
        TypeProto.decode = function decode2(reader, length) {
          if (!(reader instanceof $Reader))
            reader = $Reader.create(reader);
          var end = length === void 0 ? reader.len : reader.pos + length, message = new $root.onnx.TypeProto();
          while (reader.pos < end) {
            var tag = reader.uint32();
            switch (tag >>> 3) {
              case 1:
                message.tensorType = $root.onnx.TypeProto.Tensor.decode(reader, reader.uint32());
                break;
              case 4:
                message.sequenceType = $root.onnx.TypeProto.Sequence.decode(reader, reader.uint32());
                break;
              case 5:
                message.mapType = $root.onnx.TypeProto.Map.decode(reader, reader.uint32());
                break;
              case 9:
                message.optionalType = $root.onnx.TypeProto.Optional.decode(reader, reader.uint32());
                break;
              case 8:
                message.sparseTensorType = $root.onnx.TypeProto.SparseTensor.decode(reader, reader.uint32());
                break;
              case 6:
                message.denotation = reader.string();
                break;
              default:
                reader.skipType(tag & 7);
                break;
            }
          }
          return message;
        };
        TypeProto.decodeDelimited = function decodeDelimited(reader) {
          if (!(reader instanceof $Reader))
            reader = new $Reader(reader);
          return this.decode(reader, reader.uint32());
        };
        TypeProto.verify = function verify(message) {
          if (typeof message !== "object" || message === null)
            return "object expected";
          var properties = {};
          if (message.tensorType != null && message.hasOwnProperty("tensorType")) {
            properties.value = 1;
            {
              var error2 = $root.onnx.TypeProto.Tensor.verify(message.tensorType);
              if (error2)
                return "tensorType." + error2;
            }
          }
          if (message.sequenceType != null && message.hasOwnProperty("sequenceType")) {
            if (properties.value === 1)
              return "value: multiple values";
            properties.value = 1;
            {
              var error2 = $root.onnx.TypeProto.Sequence.verify(message.sequenceType);
              if (error2)
                return "sequenceType." + error2;
            }
          }
          if (message.mapType != null && message.hasOwnProperty("mapType")) {
            if (properties.value === 1)
              return "value: multiple values";
            properties.value = 1;
            {
              var error2 = $root.onnx.TypeProto.Map.verify(message.mapType);
              if (error2)
                return "mapType." + error2;
            }
          }
          if (message.optionalType != null && message.hasOwnProperty("optionalType")) {
            if (properties.value === 1)
              return "value: multiple values";
            properties.value = 1;
            {
              var error2 = $root.onnx.TypeProto.Optional.verify(message.optionalType);
              if (error2)
                return "optionalType." + error2;
            }
          }
          if (message.sparseTensorType != null && message.hasOwnProperty("sparseTensorType")) {
            if (properties.value === 1)
              return "value: multiple values";
            properties.value = 1;
            {
              var error2 = $root.onnx.TypeProto.SparseTensor.verify(message.sparseTensorType);
              if (error2)
                return "sparseTensorType." + error2;
            }
          }
          if (message.denotation != null && message.hasOwnProperty("denotation")) {
            if (!$util.isString(message.denotation))
              return "denotation: string expected";
          }
          return null;
        };
        TypeProto.fromObject = function fromObject(object2) {
          if (object2 instanceof $root.onnx.TypeProto)
            return object2;
          var message = new $root.onnx.TypeProto();
          if (object2.tensorType != null) {
            if (typeof object2.tensorType !== "object")
              throw TypeError(".onnx.TypeProto.tensorType: object expected");
            message.tensorType = $root.onnx.TypeProto.Tensor.fromObject(object2.tensorType);
          }
          if (object2.sequenceType != null) {
            if (typeof object2.sequenceType !== "object")
              throw TypeError(".onnx.TypeProto.sequenceType: object expected");
            message.sequenceType = $root.onnx.TypeProto.Sequence.fromObject(object2.sequenceType);
          }
          if (object2.mapType != null) {
            if (typeof object2.mapType !== "object")
              throw TypeError(".onnx.TypeProto.mapType: object expected");
            message.mapType = $root.onnx.TypeProto.Map.fromObject(object2.mapType);
          }
          if (object2.optionalType != null) {
            if (typeof object2.optionalType !== "object")
              throw TypeError(".onnx.TypeProto.optionalType: object expected");
            message.optionalType = $root.onnx.TypeProto.Optional.fromObject(object2.optionalType);
          }
          if (object2.sparseTensorType != null) {
            if (typeof object2.sparseTensorType !== "object")
              throw TypeError(".onnx.TypeProto.sparseTensorType: object expected");
            message.sparseTensorType = $root.onnx.TypeProto.SparseTensor.fromObject(object2.sparseTensorType);
          }
          if (object2.denotation != null)
            message.denotation = String(object2.denotation);
          return message;
        };
        TypeProto.toObject = function toObject(message, options) {
          if (!options)
            options = {};
          var object2 = {};
          if (options.defaults)
            object2.denotation = "";
          if (message.tensorType != null && message.hasOwnProperty("tensorType")) {
            object2.tensorType = $root.onnx.TypeProto.Tensor.toObject(message.tensorType, options);
            if (options.oneofs)
              object2.value = "tensorType";
          }
          if (message.sequenceType != null && message.hasOwnProperty("sequenceType")) {
            object2.sequenceType = $root.onnx.TypeProto.Sequence.toObject(message.sequenceType, options);
            if (options.oneofs)
              object2.value = "sequenceType";
          }
          if (message.mapType != null && message.hasOwnProperty("mapType")) {
            object2.mapType = $root.onnx.TypeProto.Map.toObject(message.mapType, options);
            if (options.oneofs)
              object2.value = "mapType";
          }
          if (message.denotation != null && message.hasOwnProperty("denotation"))
            object2.denotation = message.denotation;
          if (message.sparseTensorType != null && message.hasOwnProperty("sparseTensorType")) {
            object2.sparseTensorType = $root.onnx.TypeProto.SparseTensor.toObject(message.sparseTensorType, options);
            if (options.oneofs)
              object2.value = "sparseTensorType";
          }
          if (message.optionalType != null && message.hasOwnProperty("optionalType")) {
            object2.optionalType = $root.onnx.TypeProto.Optional.toObject(message.optionalType, options);
            if (options.oneofs)
              object2.value = "optionalType";
          }
          return object2;
        };
        TypeProto.prototype.toJSON = function toJSON() {
          return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
        };
        TypeProto.Tensor = (function() {
          function Tensor(properties) {
            if (properties) {
              for (var keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                if (properties[keys[i]] != null)
                  this[keys[i]] = properties[keys[i]];
            }
          }
          Tensor.prototype.elemType = 0;
          Tensor.prototype.shape = null;
          Tensor.create = function create(properties) {
            return new Tensor(properties);
          };
          Tensor.encode = function encode(message, writer) {
            if (!writer)
              writer = $Writer.create();
            if (message.elemType != null && Object.hasOwnProperty.call(message, "elemType"))
              writer.uint32(
                /* id 1, wireType 0 =*/
                8
              ).int32(message.elemType);
            if (message.shape != null && Object.hasOwnProperty.call(message, "shape"))
              $root.onnx.TensorShapeProto.encode(message.shape, writer.uint32(
                /* id 2, wireType 2 =*/
                18
              ).fork()).ldelim();
            return writer;
          };
          Tensor.encodeDelimited = function encodeDelimited(message, writer) {
            return this.encode(message, writer).ldelim();
          };
          Tensor.decode = function decode2(reader, length) {
            if (!(reader instanceof $Reader))
              reader = $Reader.create(reader);
            var end = length === void 0 ? reader.len : reader.pos + length, message = new $root.onnx.TypeProto.Tensor();
            while (reader.pos < end) {
              var tag = reader.uint32();
              switch (tag >>> 3) {
                case 1:
                  message.elemType = reader.int32();
                  break;
                case 2:
                  message.shape = $root.onnx.TensorShapeProto.decode(reader, reader.uint32());
                  break;
                default:
                  reader.skipType(tag & 7);
                  break;
              }
            }
            return message;
          };
          Tensor.decodeDelimited = function decodeDelimited(reader) {
            if (!(reader instanceof $Reader))
              reader = new $Reader(reader);
            return this.decode(reader, reader.uint32());
          };
          Tensor.verify = function verify(message) {
            if (typeof message !== "object" || message === null)
              return "object expected";
            if (message.elemType != null && message.hasOwnProperty("elemType")) {
              if (!$util.isInteger(message.elemType))
                return "elemType: integer expected";
            }
            if (message.shape != null && message.hasOwnProperty("shape")) {
              var error2 = $root.onnx.TensorShapeProto.verify(message.shape);
              if (error2)
                return "shape." + error2;
            }
            return null;
          };
          Tensor.fromObject = function fromObject(object2) {
            if (object2 instanceof $root.onnx.TypeProto.Tensor)
              return object2;
            var message = new $root.onnx.TypeProto.Tensor();
            if (object2.elemType != null)
              message.elemType = object2.elemType | 0;
            if (object2.shape != null) {
              if (typeof object2.shape !== "object")
                throw TypeError(".onnx.TypeProto.Tensor.shape: object expected");
              message.shape = $root.onnx.TensorShapeProto.fromObject(object2.shape);
            }
            return message;
          };
          Tensor.toObject = function toObject(message, options) {
            if (!options)
              options = {};
            var object2 = {};
            if (options.defaults) {
              object2.elemType = 0;
              object2.shape = null;
            }
            if (message.elemType != null && message.hasOwnProperty("elemType"))
              object2.elemType = message.elemType;
            if (message.shape != null && message.hasOwnProperty("shape"))
              object2.shape = $root.onnx.TensorShapeProto.toObject(message.shape, options);
            return object2;
          };
          Tensor.prototype.toJSON = function toJSON() {
            return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
          };
          return Tensor;
        })();
        TypeProto.Sequence = (function() {
          function Sequence(properties) {
            if (properties) {
              for (var keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                if (properties[keys[i]] != null)
                  this[keys[i]] = properties[keys[i]];
            }
          }
          Sequence.prototype.elemType = null;
          Sequence.create = function create(properties) {
            return new Sequence(properties);
          };
          Sequence.encode = function encode(message, writer) {
            if (!writer)
              writer = $Writer.create();
            if (message.elemType != null && Object.hasOwnProperty.call(message, "elemType"))
              $root.onnx.TypeProto.encode(message.elemType, writer.uint32(
                /* id 1, wireType 2 =*/
                10
              ).fork()).ldelim();
            return writer;
          };
          Sequence.encodeDelimited = function encodeDelimited(message, writer) {
            return this.encode(message, writer).ldelim();
          };
          Sequence.decode = function decode2(reader, length) {
            if (!(reader instanceof $Reader))
              reader = $Reader.create(reader);
            var end = length === void 0 ? reader.len : reader.pos + length, message = new $root.onnx.TypeProto.Sequence();
            while (reader.pos < end) {
              var tag = reader.uint32();
              switch (tag >>> 3) {
                case 1:
                  message.elemType = $root.onnx.TypeProto.decode(reader, reader.uint32());
                  break;
                default:
                  reader.skipType(tag & 7);
                  break;
              }
            }
            return message;
          };
          Sequence.decodeDelimited = function decodeDelimited(reader) {
            if (!(reader instanceof $Reader))
              reader = new $Reader(reader);
            return this.decode(reader, reader.uint32());
          };
          Sequence.verify = function verify(message) {
            if (typeof message !== "object" || message === null)
              return "object expected";
            if (message.elemType != null && message.hasOwnProperty("elemType")) {
              var error2 = $root.onnx.TypeProto.verify(message.elemType);
              if (error2)
                return "elemType." + error2;
            }
            return null;
          };
          Sequence.fromObject = function fromObject(object2) {
            if (object2 instanceof $root.onnx.TypeProto.Sequence)
              return object2;
            var message = new $root.onnx.TypeProto.Sequence();
            if (object2.elemType != null) {
              if (typeof object2.elemType !== "object")
                throw TypeError(".onnx.TypeProto.Sequence.elemType: object expected");
              message.elemType = $root.onnx.TypeProto.fromObject(object2.elemType);
            }
            return message;
          };
          Sequence.toObject = function toObject(message, options) {
            if (!options)
              options = {};
            var object2 = {};
            if (options.defaults)
              object2.elemType = null;
            if (message.elemType != null && message.hasOwnProperty("elemType"))
              object2.elemType = $root.onnx.TypeProto.toObject(message.elemType, options);
            return object2;
          };
          Sequence.prototype.toJSON = function toJSON() {
            return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
          };
          return Sequence;
        })();
        TypeProto.Map = (function() {
          function Map2(properties) {
            if (properties) {
              for (var keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                if (properties[keys[i]] != null)
                  this[keys[i]] = properties[keys[i]];
            }
          }
          Map2.prototype.keyType = 0;
          Map2.prototype.valueType = null;
          Map2.create = function create(properties) {
            return new Map2(properties);
          };
          Map2.encode = function encode(message, writer) {
            if (!writer)
              writer = $Writer.create();
            if (message.keyType != null && Object.hasOwnProperty.call(message, "keyType"))
              writer.uint32(
                /* id 1, wireType 0 =*/
                8
              ).int32(message.keyType);
            if (message.valueType != null && Object.hasOwnProperty.call(message, "valueType"))
              $root.onnx.TypeProto.encode(message.valueType, writer.uint32(
                /* id 2, wireType 2 =*/
                18
              ).fork()).ldelim();
            return writer;
          };
          Map2.encodeDelimited = function encodeDelimited(message, writer) {
            return this.encode(message, writer).ldelim();
          };
          Map2.decode = function decode2(reader, length) {
            if (!(reader instanceof $Reader))
              reader = $Reader.create(reader);
            var end = length === void 0 ? reader.len : reader.pos + length, message = new $root.onnx.TypeProto.Map();
            while (reader.pos < end) {
              var tag = reader.uint32();
              switch (tag >>> 3) {
                case 1:
                  message.keyType = reader.int32();
                  break;
                case 2:
                  message.valueType = $root.onnx.TypeProto.decode(reader, reader.uint32());
                  break;
                default:
                  reader.skipType(tag & 7);
                  break;
              }
            }
            return message;
          };
          Map2.decodeDelimited = function decodeDelimited(reader) {
            if (!(reader instanceof $Reader))
              reader = new $Reader(reader);
            return this.decode(reader, reader.uint32());
          };
          Map2.verify = function verify(message) {
            if (typeof message !== "object" || message === null)
              return "object expected";
            if (message.keyType != null && message.hasOwnProperty("keyType")) {
              if (!$util.isInteger(message.keyType))
                return "keyType: integer expected";
            }
            if (message.valueType != null && message.hasOwnProperty("valueType")) {
              var error2 = $root.onnx.TypeProto.verify(message.valueType);
              if (error2)
                return "valueType." + error2;
            }
            return null;
          };
          Map2.fromObject = function fromObject(object2) {
            if (object2 instanceof $root.onnx.TypeProto.Map)
              return object2;
            var message = new $root.onnx.TypeProto.Map();
            if (object2.keyType != null)
              message.keyType = object2.keyType | 0;
            if (object2.valueType != null) {
              if (typeof object2.valueType !== "object")
                throw TypeError(".onnx.TypeProto.Map.valueType: object expected");
              message.valueType = $root.onnx.TypeProto.fromObject(object2.valueType);
            }
            return message;
          };
          Map2.toObject = function toObject(message, options) {
            if (!options)
              options = {};
            var object2 = {};
            if (options.defaults) {
              object2.keyType = 0;
              object2.valueType = null;
            }
            if (message.keyType != null && message.hasOwnProperty("keyType"))
              object2.keyType = message.keyType;
            if (message.valueType != null && message.hasOwnProperty("valueType"))
              object2.valueType = $root.onnx.TypeProto.toObject(message.valueType, options);
            return object2;
          };
          Map2.prototype.toJSON = function toJSON() {
            return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
          };
          return Map2;
        })();
        TypeProto.Optional = (function() {
          function Optional(properties) {
            if (properties) {
              for (var keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                if (properties[keys[i]] != null)
                  this[keys[i]] = properties[keys[i]];
            }
          }
          Optional.prototype.elemType = null;
          Optional.create = function create(properties) {
            return new Optional(properties);
          };
          Optional.encode = function encode(message, writer) {
            if (!writer)
              writer = $Writer.create();
            if (message.elemType != null && Object.hasOwnProperty.call(message, "elemType"))
              $root.onnx.TypeProto.encode(message.elemType, writer.uint32(
                /* id 1, wireType 2 =*/
                10
              ).fork()).ldelim();
            return writer;
          };
          Optional.encodeDelimited = function encodeDelimited(message, writer) {
            return this.encode(message, writer).ldelim();
          };
          Optional.decode = function decode2(reader, length) {
            if (!(reader instanceof $Reader))
              reader = $Reader.create(reader);
            var end = length === void 0 ? reader.len : reader.pos + length, message = new $root.onnx.TypeProto.Optional();
            while (reader.pos < end) {
              var tag = reader.uint32();
              switch (tag >>> 3) {
                case 1:
                  message.elemType = $root.onnx.TypeProto.decode(reader, reader.uint32());
                  break;
                default:
                  reader.skipType(tag & 7);
                  break;
              }
            }
            return message;
          };
          Optional.decodeDelimited = function decodeDelimited(reader) {
            if (!(reader instanceof $Reader))
              reader = new $Reader(reader);
            return this.decode(reader, reader.uint32());
          };
          Optional.verify = function verify(message) {
            if (typeof message !== "object" || message === null)
              return "object expected";
            if (message.elemType != null && message.hasOwnProperty("elemType")) {
              var error2 = $root.onnx.TypeProto.verify(message.elemType);
              if (error2)
                return "elemType." + error2;
            }
            return null;
          };
          Optional.fromObject = function fromObject(object2) {
            if (object2 instanceof $root.onnx.TypeProto.Optional)
              return object2;
            var message = new $root.onnx.TypeProto.Optional();
            if (object2.elemType != null) {
              if (typeof object2.elemType !== "object")
                throw TypeError(".onnx.TypeProto.Optional.elemType: object expected");
              message.elemType = $root.onnx.TypeProto.fromObject(object2.elemType);
            }
            return message;
          };
          Optional.toObject = function toObject(message, options) {
            if (!options)
              options = {};
            var object2 = {};
            if (options.defaults)
              object2.elemType = null;
            if (message.elemType != null && message.hasOwnProperty("elemType"))
              object2.elemType = $root.onnx.TypeProto.toObject(message.elemType, options);
            return object2;
          };
          Optional.prototype.toJSON = function toJSON() {
            return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
          };
          return Optional;
        })();
        TypeProto.SparseTensor = (function() {
          function SparseTensor(properties) {
            if (properties) {
              for (var keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                if (properties[keys[i]] != null)
                  this[keys[i]] = properties[keys[i]];
            }
          }
          SparseTensor.prototype.elemType = 0;
          SparseTensor.prototype.shape = null;
          SparseTensor.create = function create(properties) {
            return new SparseTensor(properties);
          };
          SparseTensor.encode = function encode(message, writer) {
            if (!writer)
              writer = $Writer.create();
            if (message.elemType != null && Object.hasOwnProperty.call(message, "elemType"))
              writer.uint32(
                /* id 1, wireType 0 =*/
                8
              ).int32(message.elemType);
            if (message.shape != null && Object.hasOwnProperty.call(message, "shape"))
              $root.onnx.TensorShapeProto.encode(message.shape, writer.uint32(
                /* id 2, wireType 2 =*/
                18
              ).fork()).ldelim();
            return writer;
          };
          SparseTensor.encodeDelimited = function encodeDelimited(message, writer) {
            return this.encode(message, writer).ldelim();
          };
          SparseTensor.decode = function decode2(reader, length) {
            if (!(reader instanceof $Reader))
              reader = $Reader.create(reader);
            var end = length === void 0 ? reader.len : reader.pos + length, message = new $root.onnx.TypeProto.SparseTensor();
            while (reader.pos < end) {
              var tag = reader.uint32();
              switch (tag >>> 3) {
                case 1:
                  message.elemType = reader.int32();
                  break;
                case 2:
                  message.shape = $root.onnx.TensorShapeProto.decode(reader, reader.uint32());
                  break;
                default:
                  reader.skipType(tag & 7);
                  break;
              }
            }
            return message;
          };
          SparseTensor.decodeDelimited = function decodeDelimited(reader) {
            if (!(reader instanceof $Reader))
              reader = new $Reader(reader);
            return this.decode(reader, reader.uint32());
          };
          SparseTensor.verify = function verify(message) {
            if (typeof message !== "object" || message === null)
              return "object expected";
            if (message.elemType != null && message.hasOwnProperty("elemType")) {
              if (!$util.isInteger(message.elemType))
                return "elemType: integer expected";
            }
            if (message.shape != null && message.hasOwnProperty("shape")) {
              var error2 = $root.onnx.TensorShapeProto.verify(message.shape);
              if (error2)
                return "shape." + error2;
            }
            return null;
          };
          SparseTensor.fromObject = function fromObject(object2) {
            if (object2 instanceof $root.onnx.TypeProto.SparseTensor)
              return object2;
            var message = new $root.onnx.TypeProto.SparseTensor();
            if (object2.elemType != null)
              message.elemType = object2.elemType | 0;
            if (object2.shape != null) {
              if (typeof object2.shape !== "object")
                throw TypeError(".onnx.TypeProto.SparseTensor.shape: object expected");
              message.shape = $root.onnx.TensorShapeProto.fromObject(object2.shape);
            }
            return message;
          };
          SparseTensor.toObject = function toObject(message, options) {
            if (!options)
              options = {};
            var object2 = {};
            if (options.defaults) {
              object2.elemType = 0;
              object2.shape = null;
            }
            if (message.elemType != null && message.hasOwnProperty("elemType"))
              object2.elemType = message.elemType;
            if (message.shape != null && message.hasOwnProperty("shape"))
              object2.shape = $root.onnx.TensorShapeProto.toObject(message.shape, options);
            return object2;
          };
          SparseTensor.prototype.toJSON = function toJSON() {
            return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
          };
          return SparseTensor;
        })();
        return TypeProto;
      })();
      onnx2.OperatorSetIdProto = (function() {
        function OperatorSetIdProto(properties) {
          if (properties) {
            for (var keys = Object.keys(properties), i = 0; i < keys.length; ++i)
              if (properties[keys[i]] != null)
                this[keys[i]] = properties[keys[i]];
          }
        }
        OperatorSetIdProto.prototype.domain = "";
        OperatorSetIdProto.prototype.version = $util.Long ? $util.Long.fromBits(0, 0, false) : 0;
        OperatorSetIdProto.create = function create(properties) {
          return new OperatorSetIdProto(properties);
        };
        OperatorSetIdProto.encode = function encode(message, writer) {
          if (!writer)
            writer = $Writer.create();
          if (message.domain != null && Object.hasOwnProperty.call(message, "domain"))
            writer.uint32(
              /* id 1, wireType 2 =*/
              10
            ).string(message.domain);
          if (message.version != null && Object.hasOwnProperty.call(message, "version"))
            writer.uint32(
              /* id 2, wireType 0 =*/
              16
            ).int64(message.version);
          return writer;
        };
        OperatorSetIdProto.encodeDelimited = function encodeDelimited(message, writer) {
          return this.encode(message, writer).ldelim();
        };
        OperatorSetIdProto.decode = function decode2(reader, length) {
          if (!(reader instanceof $Reader))
            reader = $Reader.create(reader);
          var end = length === void 0 ? reader.len : reader.pos + length, message = new $root.onnx.OperatorSetIdProto();
          while (reader.pos < end) {
            var tag = reader.uint32();
            switch (tag >>> 3) {
              case 1:
                message.domain = reader.string();
                break;
              case 2:
                message.version = reader.int64();
                break;
              default:
                reader.skipType(tag & 7);
                break;
            }
          }
          return message;
        };
        OperatorSetIdProto.decodeDelimited = function decodeDelimited(reader) {
          if (!(reader instanceof $Reader))
            reader = new $Reader(reader);
          return this.decode(reader, reader.uint32());
        };
        OperatorSetIdProto.verify = function verify(message) {
          if (typeof message !== "object" || message === null)
            return "object expected";
          if (message.domain != null && message.hasOwnProperty("domain")) {
            if (!$util.isString(message.domain))
              return "domain: string expected";
          }
          if (message.version != null && message.hasOwnProperty("version")) {
            if (!$util.isInteger(message.version) && !(message.version && $util.isInteger(message.version.low) && $util.isInteger(message.version.high)))
              return "version: integer|Long expected";
          }
          return null;
        };
        OperatorSetIdProto.fromObject = function fromObject(object2) {
          if (object2 instanceof $root.onnx.OperatorSetIdProto)
            return object2;
          var message = new $root.onnx.OperatorSetIdProto();
          if (object2.domain != null)
            message.domain = String(object2.domain);
          if (object2.version != null) {
            if ($util.Long)
              (message.version = $util.Long.fromValue(object2.version)).unsigned = false;
            else if (typeof object2.version === "string")
              message.version = parseInt(object2.version, 10);
            else if (typeof object2.version === "number")
              message.version = object2.version;
            else if (typeof object2.version === "object")
              message.version = new $util.LongBits(object2.version.low >>> 0, object2.version.high >>> 0).toNumber();
          }
          return message;
        };
        OperatorSetIdProto.toObject = function toObject(message, options) {
          if (!options)
            options = {};
          var object2 = {};
          if (options.defaults) {
            object2.domain = "";
            if ($util.Long) {
              var long = new $util.Long(0, 0, false);
              object2.version = options.longs === String ? long.toString() : options.longs === Number ? long.toNumber() : long;
            } else
              object2.version = options.longs === String ? "0" : 0;
          }
          if (message.domain != null && message.hasOwnProperty("domain"))
            object2.domain = message.domain;
          if (message.version != null && message.hasOwnProperty("version"))
            if (typeof message.version === "number")
              object2.version = options.longs === String ? String(message.version) : message.version;
            else
              object2.version = options.longs === String ? $util.Long.prototype.toString.call(message.version) : options.longs === Number ? new $util.LongBits(message.version.low >>> 0, message.version.high >>> 0).toNumber() : message.version;
          return object2;
        };
        OperatorSetIdProto.prototype.toJSON = function toJSON() {
          return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
        };
        return OperatorSetIdProto;
      })();
      onnx2.OperatorStatus = (function() {
        var valuesById = {}, values = Object.create(valuesById);
        values[valuesById[0] = "EXPERIMENTAL"] = 0;
        values[valuesById[1] = "STABLE"] = 1;
        return values;
      })();
      onnx2.FunctionProto = (function() {
        function FunctionProto(properties) {
          this.input = [];
          this.output = [];
          this.attribute = [];
          this.node = [];
          this.opsetImport = [];
          if (properties) {
            for (var keys = Object.keys(properties), i = 0; i < keys.length; ++i)
              if (properties[keys[i]] != null)
                this[keys[i]] = properties[keys[i]];
          }
        }
        FunctionProto.prototype.name = "";
        FunctionProto.prototype.input = $util.emptyArray;
        FunctionProto.prototype.output = $util.emptyArray;
        FunctionProto.prototype.attribute = $util.emptyArray;
        FunctionProto.prototype.node = $util.emptyArray;
        FunctionProto.prototype.docString = "";
        FunctionProto.prototype.opsetImport = $util.emptyArray;
        FunctionProto.prototype.domain = "";
        FunctionProto.create = function create(properties) {
          return new FunctionProto(properties);
        };
        FunctionProto.encode = function encode(message, writer) {
          if (!writer)
            writer = $Writer.create();
          if (message.name != null && Object.hasOwnProperty.call(message, "name"))
            writer.uint32(
              /* id 1, wireType 2 =*/
              10
            ).string(message.name);
          if (message.input != null && message.input.length)
            for (var i = 0; i < message.input.length; ++i)
              writer.uint32(
                /* id 4, wireType 2 =*/
                34
              ).string(message.input[i]);
          if (message.output != null && message.output.length)
            for (var i = 0; i < message.output.length; ++i)
              writer.uint32(
                /* id 5, wireType 2 =*/
                42
              ).string(message.output[i]);
          if (message.attribute != null && message.attribute.length)
            for (var i = 0; i < message.attribute.length; ++i)
              writer.uint32(
                /* id 6, wireType 2 =*/
                50
              ).string(message.attribute[i]);
          if (message.node != null && message.node.length)
            for (var i = 0; i < message.node.length; ++i)
              $root.onnx.NodeProto.encode(message.node[i], writer.uint32(
                /* id 7, wireType 2 =*/
                58
              ).fork()).ldelim();
          if (message.docString != null && Object.hasOwnProperty.call(message, "docString"))
            writer.uint32(
              /* id 8, wireType 2 =*/
              66
            ).string(message.docString);
          if (message.opsetImport != null && message.opsetImport.length)
            for (var i = 0; i < message.opsetImport.length; ++i)
              $root.onnx.OperatorSetIdProto.encode(message.opsetImport[i], writer.uint32(
                /* id 9, wireType 2 =*/
                74
              ).fork()).ldelim();
          if (message.domain != null && Object.hasOwnProperty.call(message, "domain"))
            writer.uint32(
              /* id 10, wireType 2 =*/
              82
            ).string(message.domain);
          return writer;
        };
        FunctionProto.encodeDelimited = function encodeDelimited(message, writer) {
          return this.encode(message, writer).ldelim();
        };
        FunctionProto.decode = function decode2(reader, length) {
          if (!(reader instanceof $Reader))
            reader = $Reader.create(reader);
          var end = length === void 0 ? reader.len : reader.pos + length, message = new $root.onnx.FunctionProto();
          while (reader.pos < end) {
            var tag = reader.uint32();
            switch (tag >>> 3) {
              case 1:
                message.name = reader.string();
                break;
              case 4:
                if (!(message.input && message.input.length))
                  message.input = [];
                message.input.push(reader.string());
                break;
              case 5:
                if (!(message.output && message.output.length))
                  message.output = [];
                message.output.push(reader.string());
                break;
              case 6:
                if (!(message.attribute && message.attribute.length))
                  message.attribute = [];
                message.attribute.push(reader.string());
                break;
              case 7:
                if (!(message.node && message.node.length))
                  message.node = [];
                message.node.push($root.onnx.NodeProto.decode(reader, reader.uint32()));
                break;
              case 8:
                message.docString = reader.string();
                break;
              case 9:
                if (!(message.opsetImport && message.opsetImport.length))
                  message.opsetImport = [];
                message.opsetImport.push($root.onnx.OperatorSetIdProto.decode(reader, reader.uint32()));
                break;
              case 10:
                message.domain = reader.string();
                break;
              default:
                reader.skipType(tag & 7);
                break;
            }
          }
          return message;
        };
        FunctionProto.decodeDelimited = function decodeDelimited(reader) {
          if (!(reader instanceof $Reader))
            reader = new $Reader(reader);
          return this.decode(reader, reader.uint32());
        };
        FunctionProto.verify = function verify(message) {
          if (typeof message !== "object" || message === null)
            return "object expected";
          if (message.name != null && message.hasOwnProperty("name")) {
            if (!$util.isString(message.name))
              return "name: string expected";
          }
          if (message.input != null && message.hasOwnProperty("input")) {
            if (!Array.isArray(message.input))
              return "input: array expected";
            for (var i = 0; i < message.input.length; ++i)
              if (!$util.isString(message.input[i]))
                return "input: string[] expected";
          }
          if (message.output != null && message.hasOwnProperty("output")) {
            if (!Array.isArray(message.output))
              return "output: array expected";
            for (var i = 0; i < message.output.length; ++i)
              if (!$util.isString(message.output[i]))
                return "output: string[] expected";
          }
          if (message.attribute != null && message.hasOwnProperty("attribute")) {
            if (!Array.isArray(message.attribute))
              return "attribute: array expected";
            for (var i = 0; i < message.attribute.length; ++i)
              if (!$util.isString(message.attribute[i]))
                return "attribute: string[] expected";
          }
          if (message.node != null && message.hasOwnProperty("node")) {
            if (!Array.isArray(message.node))
              return "node: array expected";
            for (var i = 0; i < message.node.length; ++i) {
              var error2 = $root.onnx.NodeProto.verify(message.node[i]);
              if (error2)
                return "node." + error2;
            }
          }
          if (message.docString != null && message.hasOwnProperty("docString")) {
            if (!$util.isString(message.docString))
              return "docString: string expected";
          }
          if (message.opsetImport != null && message.hasOwnProperty("opsetImport")) {
            if (!Array.isArray(message.opsetImport))
              return "opsetImport: array expected";
            for (var i = 0; i < message.opsetImport.length; ++i) {
              var error2 = $root.onnx.OperatorSetIdProto.verify(message.opsetImport[i]);
              if (error2)
                return "opsetImport." + error2;
            }
          }
          if (message.domain != null && message.hasOwnProperty("domain")) {
            if (!$util.isString(message.domain))
              return "domain: string expected";
          }
          return null;
        };
        FunctionProto.fromObject = function fromObject(object2) {
          if (object2 instanceof $root.onnx.FunctionProto)
            return object2;
          var message = new $root.onnx.FunctionProto();
          if (object2.name != null)
            message.name = String(object2.name);
          if (object2.input) {
            if (!Array.isArray(object2.input))
              throw TypeError(".onnx.FunctionProto.input: array expected");
            message.input = [];
            for (var i = 0; i < object2.input.length; ++i)
              message.input[i] = String(object2.input[i]);
          }
          if (object2.output) {
            if (!Array.isArray(object2.output))
              throw TypeError(".onnx.FunctionProto.output: array expected");
            message.output = [];
            for (var i = 0; i < object2.output.length; ++i)
              message.output[i] = String(object2.output[i]);
          }
          if (object2.attribute) {
            if (!Array.isArray(object2.attribute))
              throw TypeError(".onnx.FunctionProto.attribute: array expected");
            message.attribute = [];
            for (var i = 0; i < object2.attribute.length; ++i)
              message.attribute[i] = String(object2.attribute[i]);
          }
          if (object2.node) {
            if (!Array.isArray(object2.node))
              throw TypeError(".onnx.FunctionProto.node: array expected");
            message.node = [];
            for (var i = 0; i < object2.node.length; ++i) {
              if (typeof object2.node[i] !== "object")
                throw TypeError(".onnx.FunctionProto.node: object expected");
              message.node[i] = $root.onnx.NodeProto.fromObject(object2.node[i]);
            }
          }
          if (object2.docString != null)
            message.docString = String(object2.docString);
          if (object2.opsetImport) {
            if (!Array.isArray(object2.opsetImport))
              throw TypeError(".onnx.FunctionProto.opsetImport: array expected");
            message.opsetImport = [];
            for (var i = 0; i < object2.opsetImport.length; ++i) {
              if (typeof object2.opsetImport[i] !== "object")
                throw TypeError(".onnx.FunctionProto.opsetImport: object expected");
              message.opsetImport[i] = $root.onnx.OperatorSetIdProto.fromObject(object2.opsetImport[i]);
            }
          }
          if (object2.domain != null)
            message.domain = String(object2.domain);
          return message;
        };
        FunctionProto.toObject = function toObject(message, options) {
          if (!options)
            options = {};
          var object2 = {};
          if (options.arrays || options.defaults) {
            object2.input = [];
            object2.output = [];
            object2.attribute = [];
            object2.node = [];
            object2.opsetImport = [];
          }
          if (options.defaults) {
            object2.name = "";
            object2.docString = "";
            object2.domain = "";
          }
          if (message.name != null && message.hasOwnProperty("name"))
            object2.name = message.name;
          if (message.input && message.input.length) {
            object2.input = [];
            for (var j = 0; j < message.input.length; ++j)
              object2.input[j] = message.input[j];
          }
          if (message.output && message.output.length) {
            object2.output = [];
            for (var j = 0; j < message.output.length; ++j)
              object2.output[j] = message.output[j];
          }
          if (message.attribute && message.attribute.length) {
            object2.attribute = [];
            for (var j = 0; j < message.attribute.length; ++j)
              object2.attribute[j] = message.attribute[j];
          }
          if (message.node && message.node.length) {
            object2.node = [];
            for (var j = 0; j < message.node.length; ++j)
              object2.node[j] = $root.onnx.NodeProto.toObject(message.node[j], options);
          }
          if (message.docString != null && message.hasOwnProperty("docString"))
            object2.docString = message.docString;
          if (message.opsetImport && message.opsetImport.length) {
            object2.opsetImport = [];
            for (var j = 0; j < message.opsetImport.length; ++j)
              object2.opsetImport[j] = $root.onnx.OperatorSetIdProto.toObject(message.opsetImport[j], options);
          }
          if (message.domain != null && message.hasOwnProperty("domain"))
            object2.domain = message.domain;
          return object2;
        };
        FunctionProto.prototype.toJSON = function toJSON() {
          return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
        };
        return FunctionProto;
      })();
      return onnx2;
    })();
    module.exports = $root;
  }
});

// src/workloads/matmul-model.ts
function matmulFlops({ m, k, n }) {
  return 2 * m * k * n;
}
function mlasMaxThreads({ m, k, n }) {
  return Math.floor(m * n * k / 65536) + 1;
}
function matmulBytes({ m, k, n }, ops) {
  const weights = ops * k * n;
  const activations = m * k + (ops + 1) * m * n;
  return 4 * (weights + activations);
}
function formatShape({ m, k, n }) {
  return m === k && k === n ? `${n}` : `${m}x${k}x${n}`;
}
function seededData(count2, fanIn, seed) {
  const rand = mulberry32(seed);
  const scale = Math.sqrt(3 / Math.max(1, fanIn));
  const out = new Float32Array(count2);
  for (let i = 0; i < count2; i++) out[i] = (rand() * 2 - 1) * scale;
  return out;
}
function valueInfo(name, dims) {
  return {
    name,
    type: {
      tensorType: {
        elemType: onnx.TensorProto.DataType.FLOAT,
        shape: { dim: dims.map((d) => ({ dimValue: d })) }
      }
    }
  };
}
function buildMatMulModel(shape, ops, seed = 1) {
  if (!Number.isInteger(ops) || ops < 1) throw new RangeError(`ops must be a positive integer`);
  const { m, k, n } = shape;
  const layout = k === n && ops > 1 ? "chain" : "parallel";
  const nodes = [];
  const initializers = [];
  const outputs = [];
  for (let i = 0; i < ops; i++) {
    const weight = `B${i}`;
    const data = seededData(k * n, k, seed + 1 + i);
    initializers.push({
      name: weight,
      dims: [k, n],
      dataType: onnx.TensorProto.DataType.FLOAT,
      rawData: new Uint8Array(data.buffer, data.byteOffset, data.byteLength)
    });
    const input = layout === "chain" && i > 0 ? `X${i}` : "A";
    const output = layout === "chain" && i < ops - 1 ? `X${i + 1}` : `Y${i}`;
    nodes.push({ opType: "MatMul", name: `matmul${i}`, input: [input, weight], output: [output] });
    if (output.startsWith("Y")) outputs.push(valueInfo(output, [m, n]));
  }
  const model = onnx.ModelProto.create({
    irVersion: 8,
    producerName: "threadgate",
    opsetImport: [{ domain: "", version: 13 }],
    graph: {
      name: `matmul_${formatShape(shape)}_x${ops}`,
      node: nodes,
      initializer: initializers,
      input: [valueInfo("A", [m, k])],
      output: outputs
    }
  });
  return {
    bytes: onnx.ModelProto.encode(model).finish(),
    inputName: "A",
    outputNames: outputs.map((o) => o.name ?? ""),
    ops,
    layout
  };
}
function buildIdentityModel() {
  const model = onnx.ModelProto.create({
    irVersion: 8,
    producerName: "threadgate",
    opsetImport: [{ domain: "", version: 13 }],
    graph: {
      name: "overhead_probe",
      node: [{ opType: "Identity", input: ["x"], output: ["y"] }],
      input: [valueInfo("x", [1])],
      output: [valueInfo("y", [1])]
    }
  });
  return onnx.ModelProto.encode(model).finish();
}
var import_onnx_proto, onnx;
var init_matmul_model = __esm({
  "src/workloads/matmul-model.ts"() {
    "use strict";
    import_onnx_proto = __toESM(require_onnx(), 1);
    init_random();
    ({ onnx } = import_onnx_proto.default);
  }
});

// src/workloads/overhead.ts
async function measureCallOverhead(ort, samples = 300) {
  const session = await createSession(ort, buildIdentityModel(), 1);
  try {
    const feeds = { x: new ort.Tensor("float32", new Float32Array([1]), [1]) };
    for (let i = 0; i < 100; i++) await timedRun(session, feeds);
    const out = [];
    for (let i = 0; i < samples; i++) out.push(await timedRun(session, feeds));
    const sorted2 = [...out].sort((a, b) => a - b);
    return { perCallNs: sorted2[Math.floor(sorted2.length / 2)], samplesNs: out };
  } finally {
    await session.release();
  }
}
var init_overhead = __esm({
  "src/workloads/overhead.ts"() {
    "use strict";
    init_matmul_model();
    init_ort();
  }
});

// src/workloads/matmul.ts
function parseShape(text2, input = "--sizes") {
  const expected = "a positive integer N (square) or MxKxN, e.g. 256 or 1x4096x4096";
  const parts = text2.trim().toLowerCase().split("x");
  if (parts.length !== 1 && parts.length !== 3) throw invalid(input, text2, expected);
  const dims = parts.map((p) => /^\d+$/.test(p) ? Number(p) : NaN);
  if (dims.some((d) => !Number.isSafeInteger(d) || d < 1)) throw invalid(input, text2, expected);
  if (dims.some((d) => d > MAX_DIM)) {
    throw invalid(input, text2, `dimensions of at most ${MAX_DIM}`);
  }
  const [m, k, n] = dims.length === 1 ? [dims[0], dims[0], dims[0]] : dims;
  return { m, k, n };
}
function parseShapes(text2, input = "--sizes") {
  const items = text2.split(/[,\s]+/).map((s) => s.trim()).filter((s) => s.length > 0);
  if (items.length === 0) throw invalid(input, text2, "a comma-separated list of N or MxKxN");
  const shapes = items.map((s) => parseShape(s, input));
  const ids = /* @__PURE__ */ new Set();
  return shapes.filter((s) => {
    const id = formatShape(s);
    if (ids.has(id)) return false;
    ids.add(id);
    return true;
  });
}
function planMatMulMemory(shapes, cells, freeBytes, input = "--sizes") {
  const budget = freeBytes * 0.5;
  const gib = (b) => `${(b / 2 ** 30).toFixed(1)} GiB`;
  const need = (shape, ops) => matmulBytes(shape, ops) * (cells + 1);
  const minimum = shapes.reduce((sum2, s) => sum2 + need(s, 1), 0);
  if (minimum > budget) {
    const list3 = shapes.map(formatShape).join(",");
    throw new InputError(
      `${input}: got "${list3}"; ${shapes.length === 1 ? "it needs" : "together they need"} about ${gib(minimum)} for ${cells} sessions each but only ${gib(freeBytes)} of memory is free; expected shapes that fit in half of the free memory (fewer or smaller shapes, or fewer thread counts)`
    );
  }
  return shapes.map((shape) => {
    const share = budget * need(shape, 1) / minimum;
    let ops = 1;
    while (ops < MAX_OPS_PER_CALL && need(shape, ops * 2) <= share) ops *= 2;
    return ops;
  });
}
function matmulId(shape) {
  return `matmul:${formatShape(shape)}`;
}
function matmulLabel(shape) {
  return `MatMul ${shape.m}\xD7${shape.k}\xD7${shape.n} float32`;
}
function pow2AtLeast(x, cap) {
  let p = 1;
  while (p < x && p < cap) p *= 2;
  return p;
}
async function fastestCall(run2, warm, timed) {
  for (let i = 0; i < warm; i++) await run2();
  let best = Infinity;
  for (let i = 0; i < timed; i++) best = Math.min(best, await run2());
  return best;
}
async function createMatMulWorkload(ort, shape, options) {
  const seed = options.seed ?? 1;
  const share = options.targetOverheadShare ?? 0.02;
  const input = new ort.Tensor("float32", seededData(shape.m * shape.k, 1, seed), [
    shape.m,
    shape.k
  ]);
  const probe2 = await createSession(
    ort,
    buildMatMulModel(shape, 1, seed).bytes,
    options.maxThreads,
    options.session
  );
  let perOpNs;
  try {
    perOpNs = await fastestCall(() => timedRun(probe2, { A: input }), 10, 9);
  } finally {
    await probe2.release();
  }
  const workNs = Math.max(1, perOpNs - options.overheadNs);
  const ops = pow2AtLeast(
    3 * options.overheadNs / (share * workNs),
    Math.min(MAX_OPS_PER_CALL, options.maxOpsPerCall ?? MAX_OPS_PER_CALL)
  );
  const model = buildMatMulModel(shape, ops, seed);
  return {
    id: matmulId(shape),
    kind: "matmul",
    label: matmulLabel(shape),
    opsPerCall: ops,
    flopsPerOp: matmulFlops(shape),
    mlasMaxThreads: mlasMaxThreads(shape),
    metric: { name: "latency per MatMul", unit: "ns" },
    contentHash: null,
    details: { shape, opsPerCall: ops, layout: model.layout, calibrationNsPerOp: perOpNs },
    parallel: {
      model: model.bytes,
      feeds: [
        {
          name: model.inputName,
          type: "float32",
          data: input.data,
          dims: [shape.m, shape.k]
        }
      ]
    },
    async open(threads2) {
      const session = await createSession(ort, model.bytes, threads2, options.session);
      const feeds = { [model.inputName]: input };
      return {
        call: () => timedRun(session, feeds),
        close: () => session.release()
      };
    }
  };
}
var MAX_DIM, MAX_OPS_PER_CALL;
var init_matmul = __esm({
  "src/workloads/matmul.ts"() {
    "use strict";
    init_errors();
    init_matmul_model();
    init_ort();
    MAX_DIM = 1 << 16;
    MAX_OPS_PER_CALL = 64;
  }
});

// src/io/bounded-read.ts
import { constants } from "node:fs";
import { open, realpath, stat } from "node:fs/promises";
import path3 from "node:path";
async function readBounded(file, opts) {
  const bytes = await readBoundedIfExists(file, opts);
  if (bytes === null) throw error(opts, file, "file not found");
  return bytes;
}
async function readBoundedTextIfExists(file, opts) {
  const bytes = await readBoundedIfExists(file, opts);
  return bytes === null ? null : toText(bytes, file, opts);
}
async function readBoundedIfExists(file, opts) {
  let handle;
  try {
    const noFollow = opts.followLinks === false ? constants.O_NOFOLLOW ?? 0 : 0;
    handle = await open(file, constants.O_RDONLY | constants.O_NONBLOCK | noFollow);
  } catch (e) {
    const code = e.code;
    if (code === "ENOENT") return null;
    if (code === "ELOOP" && opts.followLinks === false) {
      throw error(opts, file, "is a symbolic link; links are not followed here");
    }
    throw error(opts, file, `cannot be opened (${code ?? describe(e)})`);
  }
  try {
    const info = await handle.stat();
    if (info.isDirectory()) throw error(opts, file, "is a directory");
    if (!info.isFile()) throw error(opts, file, "is not a regular file (a device, FIFO or socket)");
    if (opts.within !== void 0) await checkWithin(file, info, opts);
    if (info.size > opts.maxBytes) {
      throw error(opts, file, `is ${info.size} bytes`, ` of at most ${opts.maxBytes} bytes`);
    }
    const buf = Buffer.alloc(Math.min(info.size, opts.maxBytes) + 1);
    let got = 0;
    for (; ; ) {
      const { bytesRead } = await handle.read(buf, got, buf.length - got, got);
      if (bytesRead === 0) break;
      got += bytesRead;
      if (got > opts.maxBytes) {
        throw error(opts, file, "grew while it was read", ` of at most ${opts.maxBytes} bytes`);
      }
      if (got === buf.length) break;
    }
    return buf.subarray(0, got);
  } finally {
    await handle.close();
  }
}
function isInside(parent, child) {
  const rel = path3.relative(parent, child);
  return rel === "" || !rel.startsWith("..") && !path3.isAbsolute(rel);
}
async function checkWithin(file, opened, opts) {
  const root = await realpath(opts.within).catch(
    () => path3.resolve(opts.within)
  );
  const given = path3.resolve(file);
  const lexicallyInside = isInside(path3.resolve(opts.within), given) || isInside(root, given);
  if (!lexicallyInside) return;
  let real;
  try {
    real = await realpath(given);
  } catch (e) {
    throw error(
      opts,
      file,
      `cannot be resolved (${e.code ?? describe(e)})`
    );
  }
  if (!isInside(root, real)) {
    throw error(
      opts,
      file,
      "is a symbolic link (or lies under one) that leads outside the workspace"
    );
  }
  const now = await stat(real);
  if (now.dev !== opened.dev || now.ino !== opened.ino) {
    throw error(opts, file, "changed while it was opened");
  }
}
function toText(bytes, file, opts) {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes).replace(/^\uFEFF/, "");
  } catch {
    throw error(opts, file, "is not UTF-8 text");
  }
}
function error(opts, file, what, limit = "") {
  const message = opts.shownAs === void 0 ? `${opts.input} ${file}: ${what}; expected ${opts.expected}${limit}` : `${opts.shownAs}: ${what}; expected ${opts.expected}${limit}`;
  return opts.fail ? opts.fail(message) : new InputError(message);
}
function describe(e) {
  return e instanceof Error ? e.message : String(e);
}
var init_bounded_read = __esm({
  "src/io/bounded-read.ts"() {
    "use strict";
    init_errors();
  }
});

// src/workloads/tensor-data.ts
function isGeneratedType(type) {
  return GENERATED_TYPES.includes(type);
}
function bytesPerElement(type) {
  switch (type) {
    case "float64":
    case "int64":
    case "uint64":
      return 8;
    case "float32":
    case "int32":
    case "uint32":
      return 4;
    case "float16":
    case "int16":
    case "uint16":
      return 2;
    default:
      return 1;
  }
}
function inputSeed(seed, name) {
  let h = 2166136261 ^ seed >>> 0;
  for (let i = 0; i < name.length; i++) {
    h ^= name.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  return h >>> 0;
}
function toFloat16Bits(value) {
  f32[0] = value;
  const x = u32[0];
  const sign = x >>> 16 & 32768;
  const exp = x >>> 23 & 255;
  let mant = x & 8388607;
  if (exp === 255) return sign | 31744 | (mant ? 512 : 0);
  let e = exp - 127 + 15;
  if (e >= 31) return sign | 31744;
  if (e <= 0) {
    if (e < -10) return sign;
    mant |= 8388608;
    const shift = 14 - e;
    let half2 = mant >>> shift;
    const rest2 = mant & (1 << shift) - 1;
    const halfway = 1 << shift - 1;
    if (rest2 > halfway || rest2 === halfway && half2 & 1) half2++;
    return sign | half2;
  }
  let half = e << 10 | mant >>> 13;
  const rest = mant & 8191;
  if (rest > 4096 || rest === 4096 && half & 1) half++;
  e = half >>> 10;
  return sign | (e >= 31 ? 31744 : half);
}
function allocate(type, count2) {
  switch (type) {
    case "float32":
      return new Float32Array(count2);
    case "float64":
      return new Float64Array(count2);
    case "float16":
    case "uint16":
      return new Uint16Array(count2);
    case "int8":
      return new Int8Array(count2);
    case "uint8":
    case "bool":
      return new Uint8Array(count2);
    case "int16":
      return new Int16Array(count2);
    case "int32":
      return new Int32Array(count2);
    case "uint32":
      return new Uint32Array(count2);
    case "int64":
      return new BigInt64Array(count2);
    case "uint64":
      return new BigUint64Array(count2);
  }
}
function generateData(type, count2, seed) {
  const rand = mulberry32(seed);
  const out = allocate(type, count2);
  if (out instanceof BigInt64Array || out instanceof BigUint64Array) {
    for (let i = 0; i < count2; i++) out[i] = BigInt(Math.floor(rand() * MAX_GENERATED_INT));
    return out;
  }
  const next = type === "float32" || type === "float64" ? () => rand() * 2 - 1 : type === "float16" ? () => toFloat16Bits(rand() * 2 - 1) : type === "bool" ? () => rand() < 0.5 ? 0 : 1 : () => Math.floor(rand() * MAX_GENERATED_INT);
  for (let i = 0; i < count2; i++) out[i] = next();
  return out;
}
function intRange(type) {
  switch (type) {
    case "int8":
      return [-128n, 127n];
    case "uint8":
      return [0n, 255n];
    case "int16":
      return [-32768n, 32767n];
    case "uint16":
      return [0n, 65535n];
    case "int32":
      return [-(2n ** 31n), 2n ** 31n - 1n];
    case "uint32":
      return [0n, 2n ** 32n - 1n];
    case "int64":
      return [-(2n ** 63n), 2n ** 63n - 1n];
    case "uint64":
      return [0n, 2n ** 64n - 1n];
    default:
      return void 0;
  }
}
function valuesData(type, text2, count2) {
  const tokens = splitValues(text2);
  if (tokens.length === 0) return "no values";
  const bad = tokens.find((t) => !VALUE_TOKEN.test(t));
  if (bad !== void 0) return `"${bad}" is not a number`;
  if (tokens.length > count2) {
    return `${tokens.length} values for a tensor of ${count2} element${count2 === 1 ? "" : "s"}`;
  }
  const out = allocate(type, count2);
  const range = intRange(type);
  let values;
  if (type === "bool") {
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
      values.push(type === "float16" ? toFloat16Bits(v) : v);
    }
  }
  const n = values.length;
  if (out instanceof BigInt64Array || out instanceof BigUint64Array) {
    for (let i = 0; i < count2; i++) out[i] = values[i % n];
  } else {
    for (let i = 0; i < count2; i++) out[i] = values[i % n];
  }
  return out;
}
function splitValues(text2) {
  return text2.split(/[,\s]+/).map((t) => t.trim()).filter((t) => t.length > 0);
}
var GENERATED_TYPES, MAX_GENERATED_INT, f32, u32, VALUE_TOKEN;
var init_tensor_data = __esm({
  "src/workloads/tensor-data.ts"() {
    "use strict";
    init_random();
    GENERATED_TYPES = [
      "float32",
      "float16",
      "float64",
      "int8",
      "uint8",
      "int16",
      "uint16",
      "int32",
      "uint32",
      "int64",
      "uint64",
      "bool"
    ];
    MAX_GENERATED_INT = 100;
    f32 = new Float32Array(1);
    u32 = new Uint32Array(f32.buffer);
    VALUE_TOKEN = /^(?:[-+]?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?|true|false)$/i;
  }
});

// src/workloads/model.ts
import { createHash as createHash2 } from "node:crypto";
import { stat as stat2 } from "node:fs/promises";
import { basename } from "node:path";
function splitItems(items) {
  return items.flatMap((item) => item.split(/[,;\r\n]+/)).map((s) => s.trim()).filter((s) => s.length > 0);
}
function parseInputShapes(items, input = "--input-shape") {
  const out = {};
  for (const item of splitItems(items)) {
    const eq = item.indexOf("=");
    const name = eq < 0 ? "" : item.slice(0, eq).trim();
    const dimsText = eq < 0 ? "" : item.slice(eq + 1).trim();
    if (name.length === 0 || dimsText.length === 0) throw invalid(input, item, SHAPE_FORM);
    const parts = dimsText.split(/[x×]/i).map((p) => p.trim());
    const dims = parts.map((p) => /^\d+$/.test(p) ? Number(p) : NaN);
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
function parseInputValues(items, input = "--input-value") {
  const out = {};
  const lists = [];
  for (const line of items.flatMap((i) => i.split(/[;\r\n]+/))) {
    for (const raw of line.split(",")) {
      const token = raw.trim();
      if (token.length === 0) continue;
      const eq = token.indexOf("=");
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
  for (const [name, values, text2] of lists) {
    if (values.length === 0) throw invalid(input, text2, VALUE_FORM);
    const bad = values.find((v) => !VALUE_TOKEN.test(v));
    if (bad !== void 0) throw invalid(input, text2, `numbers or true/false: ${VALUE_FORM}`);
    if (Object.hasOwn(out, name)) {
      throw new InputError(`${input}: "${name}" is given twice; expected each input once`);
    }
    out[name] = values.join(",");
  }
  return out;
}
function oneLine(text2) {
  return text2.replace(/\s*[\r\n]+\s*/g, " ").trim();
}
function formatDeclaredShape(shape) {
  return `[${shape.map((d) => d === "" ? "?" : String(d)).join(", ")}]`;
}
function formatDims(shape, sep = "\xD7") {
  return shape.length === 0 ? "scalar" : shape.join(sep);
}
function describeInputs(inputs) {
  return inputs.map((i) => `${i.name}: ${i.type ?? "non-tensor"} ${formatDeclaredShape(i.shape)}`).join(", ");
}
function exampleShape(input) {
  const dims = input.shape.map((d) => typeof d === "number" && d > 0 ? d : 8);
  return `${input.name}=${dims.length ? dims.join("x") : "1"}`;
}
function declaredInputs(session) {
  return session.inputMetadata.map(
    (m) => m.isTensor ? { name: m.name, type: m.type, shape: [...m.shape] } : { name: m.name, type: null, shape: [] }
  );
}
function resolveInputs(declared, inputShapes, inputValues = {}, modelName = "the model") {
  const inputNames = new Set(declared.map((i) => i.name));
  const symbols = new Set(
    declared.flatMap((i) => i.shape.filter((d) => typeof d === "string" && d !== ""))
  );
  const known = () => {
    const dims = [...symbols];
    return `its inputs are ${describeInputs(declared)}` + (dims.length ? `; its symbolic dimensions are ${dims.join(", ")}` : "");
  };
  const shown = (name, dims) => `${name}=${dims.join("x")}`;
  for (const i of declared) {
    if (i.type === null) {
      throw new InputError(
        `--model: input "${i.name}" of ${modelName} is not a tensor (a sequence, map or optional); expected a model whose inputs are all tensors`
      );
    }
    if (!isGeneratedType(i.type)) {
      throw new InputError(
        `--model: input "${i.name}" of ${modelName} has type ${i.type}, which threadgate cannot generate; expected inputs of type ${GENERATED_TYPES.join(", ")}`
      );
    }
  }
  const dimValues = /* @__PURE__ */ new Map();
  for (const [name, dims] of Object.entries(inputShapes)) {
    if (inputNames.has(name)) continue;
    if (!symbols.has(name)) {
      throw new InputError(
        `--input-shape: got "${shown(name, dims)}"; "${name}" is neither an input nor a symbolic dimension of ${modelName}; ${known()}`
      );
    }
    if (dims.length !== 1) {
      throw new InputError(
        `--input-shape: got "${shown(name, dims)}"; "${name}" is a symbolic dimension of ${modelName}; expected one value, e.g. ${name}=8`
      );
    }
    dimValues.set(name, dims[0]);
  }
  for (const i of declared) {
    const full = inputShapes[i.name];
    if (!full) continue;
    if (i.shape.length > 0 && full.length !== i.shape.length) {
      throw new InputError(
        `--input-shape: got "${shown(i.name, full)}"; input "${i.name}" of ${modelName} has ${i.shape.length} dimension${i.shape.length === 1 ? "" : "s"} ${formatDeclaredShape(i.shape)}; expected e.g. ${exampleShape(i)}`
      );
    }
    i.shape.forEach((d, k) => {
      if (typeof d === "number" && d >= 0 && full[k] !== d) {
        throw new InputError(
          `--input-shape: got "${shown(i.name, full)}"; input "${i.name}" of ${modelName} has shape ${formatDeclaredShape(i.shape)}, whose dimension ${k + 1} is fixed at ${d}; expected e.g. ${exampleShape(i)}`
        );
      }
    });
  }
  const bound = /* @__PURE__ */ new Map();
  for (const i of declared) {
    const full = inputShapes[i.name];
    if (!full) continue;
    i.shape.forEach((d, k) => {
      if (typeof d === "string" && d !== "" && !bound.has(d)) bound.set(d, full[k]);
    });
  }
  const resolved = declared.map((i) => {
    const type = i.type;
    const full = inputShapes[i.name];
    const shape = full !== void 0 ? [...full] : i.shape.map((d, k) => {
      if (typeof d === "number" && d >= 0) return d;
      const v = typeof d === "string" && d !== "" ? dimValues.get(d) ?? bound.get(d) : void 0;
      if (v !== void 0) return v;
      const example = `--input-shape ${i.name}=DIMS (e.g. ${exampleShape(i)})`;
      throw new InputError(
        typeof d === "string" && d !== "" ? `--input-shape: input "${i.name}" has a symbolic dimension "${d}" with no value; expected ${example} or --input-shape ${d}=N` : `--input-shape: input "${i.name}" has an unnamed dynamic dimension (dimension ${k + 1} of ${formatDeclaredShape(i.shape)}) with no value; expected ${example}`
      );
    });
    const values = inputValues[i.name];
    return values === void 0 ? { name: i.name, type, shape, declaredShape: i.shape } : { name: i.name, type, shape, declaredShape: i.shape, values };
  });
  for (const name of Object.keys(inputValues)) {
    if (!inputNames.has(name)) {
      throw new InputError(
        `--input-value: got "${name}=${inputValues[name]}"; "${name}" is not an input of ${modelName}; its inputs are ${describeInputs(declared)}`
      );
    }
  }
  const bytes = resolved.reduce(
    (sum2, i) => sum2 + elementCount(i.shape) * bytesPerElement(i.type),
    0
  );
  if (bytes > MAX_INPUT_BYTES) {
    throw new InputError(
      `--input-shape: the inputs of ${modelName} would take ${(bytes / 2 ** 30).toFixed(1)} GiB (${formatInputs(resolved)}); expected shapes whose inputs take under 1 GiB in total`
    );
  }
  return resolved;
}
function elementCount(shape) {
  return shape.reduce((p, d) => p * d, 1);
}
function formatInputs(inputs) {
  return inputs.map((i) => `${i.name}: ${i.type} ${formatDims(i.shape)}`).join(", ");
}
function modelId(path8, inputShapes) {
  const items = Object.keys(inputShapes).sort().map((name) => `${name}=${formatDims(inputShapes[name], "x")}`);
  return `model:${path8}${items.length ? `[${items.join(",")}]` : ""}`;
}
function buildFeeds(ort, inputs, seed) {
  const feeds = {};
  for (const i of inputs) {
    const count2 = elementCount(i.shape);
    let data;
    if (i.values !== void 0) {
      const filled = valuesData(i.type, i.values, count2);
      if (typeof filled === "string") {
        throw new InputError(
          `--input-value: got "${i.name}=${i.values}"; ${filled}; expected values that fit input "${i.name}" (${i.type} ${formatDims(i.shape)})`
        );
      }
      data = filled;
    } else {
      data = generateData(i.type, count2, inputSeed(seed, i.name));
    }
    const tensor = new ort.Tensor(i.type, data, i.shape);
    if (i.type === "float16" && data instanceof Uint16Array && !(tensor.data instanceof Uint16Array)) {
      tensor.cpuData = data;
    }
    feeds[i.name] = tensor;
  }
  return feeds;
}
async function modelFileBytes(path8) {
  try {
    const info = await stat2(path8);
    return info.isFile() ? info.size : 0;
  } catch {
    return 0;
  }
}
async function readModel(path8, input, within) {
  const bytes = await readBounded(path8, {
    input,
    maxBytes: MAX_MODEL_BYTES,
    expected: "a readable .onnx file of at most 2 GiB (the protobuf limit without external data)",
    ...within === void 0 ? {} : { within }
  });
  if (bytes.length === 0) {
    throw new InputError(
      `${input}: ${JSON.stringify(path8)} is empty; expected a readable .onnx file`
    );
  }
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length);
}
async function createModelWorkload(ort, spec, config = {}) {
  const id = modelId(spec.path, spec.inputShapes);
  if (id.length > LIMITS.idChars) {
    throw new InputError(
      `--model ${spec.path.slice(0, 60)}\u2026: the path and input shapes name the workload in every results file; expected at most ${LIMITS.idChars} characters together`
    );
  }
  const bytes = await readModel(spec.path, "--model", spec.within);
  const name = basename(spec.path);
  const contentHash = createHash2("sha256").update(bytes).digest("hex").slice(0, 16);
  let probe2;
  try {
    probe2 = await createSession(ort, bytes, 1);
  } catch (e) {
    throw new InputError(
      `--model: ${spec.path} is not a valid ONNX model: ${oneLine(describeError(e))}`
    );
  }
  let inputs;
  let feeds;
  try {
    inputs = resolveInputs(declaredInputs(probe2), spec.inputShapes, spec.inputValues ?? {}, name);
    feeds = buildFeeds(ort, inputs, spec.seed);
    try {
      await probe2.run(feeds, { logSeverityLevel: 4 });
    } catch (e) {
      throw new WorkloadError(
        `model ${spec.path} failed to run with the generated inputs (${formatInputs(inputs)}): ${oneLine(describeError(e))}; check --input-shape and --input-value`
      );
    }
  } finally {
    await probe2.release();
  }
  return {
    id,
    kind: "model",
    label: `${name} (${formatInputs(inputs)})`,
    opsPerCall: 1,
    flopsPerOp: null,
    metric: { name: "latency per run", unit: "ns" },
    contentHash,
    details: {
      path: spec.path,
      bytes: bytes.length,
      inputs: inputs.map((i) => ({
        name: i.name,
        type: i.type,
        shape: i.shape,
        declaredShape: i.declaredShape,
        ...i.values !== void 0 ? { values: i.values } : {}
      }))
    },
    parallel: {
      model: bytes,
      feeds: Object.entries(feeds).map(([name2, t]) => ({
        name: name2,
        type: t.type,
        // The raw data (float16 as its Uint16Array bits, see buildFeeds).
        data: t.cpuData ?? t.data,
        dims: [...t.dims]
      }))
    },
    async open(threads2) {
      let session;
      try {
        session = await createSession(ort, bytes, threads2, config);
      } catch (e) {
        throw new WorkloadError(
          `model ${spec.path} failed to load with ${threads2} threads: ${oneLine(describeError(e))}`
        );
      }
      return {
        call: () => timedRun(session, feeds),
        close: () => session.release()
      };
    }
  };
}
var MAX_INPUT_DIM, MAX_INPUT_BYTES, SHAPE_FORM, VALUE_FORM, MAX_MODEL_BYTES;
var init_model = __esm({
  "src/workloads/model.ts"() {
    "use strict";
    init_limits();
    init_bounded_read();
    init_errors();
    init_ort();
    init_tensor_data();
    MAX_INPUT_DIM = 2 ** 31 - 1;
    MAX_INPUT_BYTES = 2 ** 30;
    SHAPE_FORM = "NAME=DIMS, e.g. x=8x512 (the full shape of input x) or batch=8 (a symbolic dimension by name)";
    VALUE_FORM = "NAME=VALUES, e.g. ids=1 or ids=101,2023,102 (repeated to fill the input)";
    MAX_MODEL_BYTES = 2 * 1024 ** 3 - 1;
  }
});

// src/workloads/torch-matmul.ts
import { execFile } from "node:child_process";
import path4 from "node:path";
async function findTorchPython(explicit) {
  const candidates = [
    ...explicit ? [explicit] : [],
    ...!explicit && process.env["THREADGATE_PYTHON"] ? [process.env["THREADGATE_PYTHON"]] : [],
    ...!explicit ? ["python3", ...process.platform === "win32" ? ["python"] : ["/usr/bin/python3"]] : []
  ];
  const tried = [];
  for (const python of [...new Set(candidates)]) {
    const out = await probe(python);
    if (typeof out === "string") {
      tried.push(`${python}: ${out}`);
      continue;
    }
    const engine = {
      name: "torch",
      version: out.version,
      ...out.parallelBackend ? { parallelBackend: out.parallelBackend } : {}
    };
    return {
      python,
      engine,
      fingerprint: `torch ${out.version}${out.parallelBackend ? ` ${out.parallelBackend}` : ""}`
    };
  }
  throw new InputError(
    `--engine torch: no Python with PyTorch found (${tried.join("; ")}); expected PyTorch installed for one of them (pip install torch, or on Debian/Ubuntu apt-get install python3-torch), or --python PATH naming the Python that has it`
  );
}
function probe(python) {
  return new Promise((resolve2) => {
    execFile(
      python,
      ["-c", PROBE],
      { env: childEnv(), timeout: PROBE_TIMEOUT_MS, maxBuffer: 1 << 20, windowsHide: true },
      (error2, stdout, stderr) => {
        if (error2) {
          const code = error2.code;
          if (code === "ENOENT") return resolve2("not found");
          const last = plainText(stderr.trim().split("\n").pop() ?? "", 200);
          return resolve2(
            /No module named .?torch/.test(stderr) ? "no module named torch" : last || error2.message
          );
        }
        try {
          const v = JSON.parse(stdout.trim().split("\n").pop() ?? "");
          if (typeof v.version !== "string") return resolve2("printed no torch version");
          resolve2({
            version: plainText(v.version, 100),
            parallelBackend: typeof v.parallelBackend === "string" ? plainText(v.parallelBackend, 100) : ""
          });
        } catch {
          resolve2(`printed ${JSON.stringify(plainText(stdout, 80))}`);
        }
      }
    );
  });
}
function torchOpsPerCall(shape) {
  const target = 1e7;
  let ops = 1;
  while (ops < 1024 && ops * matmulFlops(shape) < target) ops *= 2;
  return ops;
}
function createTorchMatMulWorkloads(shapes, torch, opts) {
  const script = path4.join(helperDir(), "threadgate_matmul.py");
  return shapes.map((shape) => {
    const ops = torchOpsPerCall(shape);
    const seed = (opts.seed >>> 0) % 2 ** 31;
    const command = [torch.python, script, shape.m, shape.k, shape.n, seed, ops].map((a) => shellQuote(String(a))).join(" ");
    return createWorkerWorkload(
      { command, ...opts.timeoutSec !== void 0 ? { timeoutSec: opts.timeoutSec } : {} },
      {
        id: matmulId(shape),
        kind: "matmul",
        label: `${matmulLabel(shape)}, PyTorch ${torch.engine.version}`,
        opsPerCall: ops,
        flopsPerOp: matmulFlops(shape),
        engine: "torch"
      }
    );
  });
}
function shellQuote(s) {
  if (/^[A-Za-z0-9_./:=+-]+$/.test(s)) return s;
  return process.platform === "win32" ? `"${s.replace(/"/g, '""')}"` : `'${s.replace(/'/g, `'\\''`)}'`;
}
var PROBE, PROBE_TIMEOUT_MS;
var init_torch_matmul = __esm({
  "src/workloads/torch-matmul.ts"() {
    "use strict";
    init_errors();
    init_child_env();
    init_text();
    init_matmul_model();
    init_matmul();
    init_worker();
    PROBE = [
      "import json, torch",
      "info = torch.__config__.parallel_info()",
      'backend = next((l.split(":", 1)[1].strip() for l in info.splitlines() if l.startswith("ATen parallel backend:")), "")',
      'print(json.dumps({"version": str(torch.__version__), "parallelBackend": backend}))'
    ].join("\n");
    PROBE_TIMEOUT_MS = 12e4;
  }
});

// src/pipeline/workloads.ts
import os2 from "node:os";
async function buildWorkloads(spec, ctx) {
  const sessions = Math.max(ctx.threads.length * (ctx.sides ?? 1), ctx.concurrentSessions ?? 0);
  const free = ctx.freeBytes ?? os2.freemem();
  switch (spec.kind) {
    case "matmul": {
      if (spec.engine === "torch") {
        if (!ctx.torch) throw new Error("engine torch: no Python with PyTorch was looked for");
        return createTorchMatMulWorkloads(spec.sizes, ctx.torch, { seed: ctx.seed });
      }
      const maxOps = planMatMulMemory(spec.sizes, sessions, free);
      const out = [];
      for (const [i, shape] of spec.sizes.entries()) {
        out.push(
          await createMatMulWorkload(ctx.ort, shape, {
            overheadNs: ctx.overheadNs,
            maxThreads: Math.max(...ctx.threads),
            seed: ctx.seed,
            maxOpsPerCall: maxOps[i],
            ...ctx.session ? { session: ctx.session } : {}
          })
        );
      }
      return out;
    }
    case "model": {
      const bytes = await modelFileBytes(spec.path);
      if (bytes * (sessions + 1) > free * 0.5) {
        const gib = (b) => `${(b / 2 ** 30).toFixed(2)} GiB`;
        throw new InputError(
          `--model: ${spec.path} is ${gib(bytes)}; ${sessions} sessions open at once need about ${gib(bytes * (sessions + 1))} but only ${gib(free)} of memory is free; expected fewer thread counts (--threads) or a machine with more memory`
        );
      }
      return [await createModelWorkload(ctx.ort, { ...spec, seed: ctx.seed }, ctx.session)];
    }
    case "command":
      return [createCommandWorkload(spec)];
    case "worker":
      return [createWorkerWorkload(spec)];
    default: {
      const never = spec;
      return never;
    }
  }
}
var init_workloads = __esm({
  "src/pipeline/workloads.ts"() {
    "use strict";
    init_command();
    init_errors();
    init_matmul();
    init_model();
    init_torch_matmul();
    init_worker();
  }
});

// src/measure/throughput.ts
import { Worker } from "node:worker_threads";
function cpuSplits(cpus2) {
  const n = Math.max(1, Math.floor(cpus2));
  const out = [];
  for (let w = 1; w <= n; w++) if (n % w === 0) out.push({ workers: w, threadsPerWorker: n / w });
  return out;
}
function nextMessage(worker, type, timeoutMs) {
  return new Promise((resolve2, reject) => {
    const timer = setTimeout(() => {
      cleanup();
      reject(new Error(`a throughput worker did not answer "${type}" within ${timeoutMs} ms`));
    }, timeoutMs);
    const onMessage = (m) => {
      if (m.type === "error") {
        cleanup();
        reject(new Error(`a throughput worker failed: ${m.message ?? "unknown error"}`));
      } else if (m.type === type) {
        cleanup();
        resolve2(m);
      }
    };
    const onError = (e) => {
      cleanup();
      reject(e);
    };
    const cleanup = () => {
      clearTimeout(timer);
      worker.off("message", onMessage);
      worker.off("error", onError);
    };
    worker.on("message", onMessage);
    worker.on("error", onError);
  });
}
async function ortCrew(workload, split) {
  const spec = workload.parallel;
  const workers = Array.from(
    { length: split.workers },
    () => new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: {
        ortPath: ortModulePath(),
        model: spec.model,
        feeds: spec.feeds,
        options: sessionOptions(split.threadsPerWorker),
        warmupMs: WARMUP_MS
      }
    })
  );
  try {
    const ready = await Promise.all(
      workers.map((w) => nextMessage(w, "ready", 12e4))
    );
    return {
      warmLatencyNs: Math.max(...ready.map((r) => r.warmLatencyNs)),
      async window(durationMs) {
        const startNs = process.hrtime.bigint() + 20000000n;
        const replies = workers.map(
          (w) => nextMessage(w, "window", durationMs + 12e4)
        );
        for (const w of workers) {
          w.postMessage({
            type: "window",
            startNs: String(startNs),
            durationNs: String(BigInt(Math.round(durationMs * 1e6)))
          });
        }
        return Promise.all(replies);
      },
      async stop() {
        await Promise.all(
          workers.map(async (w) => {
            const stopped = nextMessage(w, "stopped", 1e4).catch(() => void 0);
            w.postMessage({ type: "stop" });
            await stopped;
            await w.terminate();
          })
        );
      }
    };
  } catch (e) {
    await Promise.all(workers.map((w) => w.terminate()));
    throw e;
  }
}
async function processCrew(workload, split) {
  const runners = [];
  for (let i = 0; i < split.workers; i++) runners.push(await workload.open(split.threadsPerWorker));
  const warm = await Promise.all(runners.map((r) => r.call()));
  return {
    warmLatencyNs: Math.max(...warm),
    async window(durationMs) {
      const start = process.hrtime.bigint();
      const end = start + BigInt(Math.round(durationMs * 1e6));
      return Promise.all(
        runners.map(async (r) => {
          const latencies = [];
          let last = start;
          while (process.hrtime.bigint() < end) {
            latencies.push(await r.call());
            last = process.hrtime.bigint();
          }
          return {
            count: latencies.length,
            elapsedNs: Number(last - start),
            latenciesNs: latencies
          };
        })
      );
    },
    async stop() {
      for (const r of runners) await r.close();
    }
  };
}
function startCrew(workload, split) {
  return workload.parallel ? ortCrew(workload, split) : processCrew(workload, split);
}
function windowRate(windows) {
  return windows.reduce(
    (sum2, w) => w.elapsedNs > 0 ? sum2 + w.count / (w.elapsedNs / 1e9) : sum2,
    0
  );
}
async function measureThroughput(workloads, opts) {
  const start = opts.startMs ?? performance.now();
  const deadline = start + opts.maxTimeSec * 1e3;
  const splits = cpuSplits(opts.cpus);
  const maxWindows = opts.maxWindows ?? 12;
  const rand = mulberry32(opts.seed ^ 29808);
  const cells = workloads.flatMap(
    (workload) => splits.map((split) => ({
      workload,
      split,
      windows: [],
      rounds: [],
      latencies: [],
      visitMs: 0,
      windowMs: MIN_WINDOW_MS
    }))
  );
  let round3 = 0;
  for (; ; ) {
    const active = cells.filter((c) => c.windows.length < maxWindows);
    if (active.length === 0) break;
    const roundMs = active.reduce((s, c) => s + (c.visitMs || c.windowMs + 500), 0);
    const enough = cells.every((c) => c.windows.length >= MIN_WINDOWS);
    if (round3 > 0 && enough && performance.now() + roundMs > deadline) break;
    round3++;
    for (let i = active.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [active[i], active[j]] = [active[j], active[i]];
    }
    let visited = 0;
    for (const cell of active) {
      const planned = cell.visitMs || cell.windowMs + 500;
      if (performance.now() + planned > deadline) continue;
      const t0 = performance.now();
      const crew = await startCrew(cell.workload, cell.split);
      try {
        cell.windowMs = Math.max(
          MIN_WINDOW_MS,
          MIN_REQUESTS_PER_WINDOW * crew.warmLatencyNs / 1e6
        );
        if (performance.now() + cell.windowMs > deadline) continue;
        const w = await crew.window(cell.windowMs);
        const ops = cell.workload.opsPerCall;
        cell.windows.push(windowRate(w) * ops);
        cell.rounds.push(round3);
        for (const x of w)
          cell.latencies.push(...x.latenciesNs.slice(0, 1e4).map((l) => l / ops));
        visited++;
      } finally {
        await crew.stop();
        cell.visitMs = performance.now() - t0;
      }
      opts.onProgress?.(
        `throughput \xB7 round ${round3} \xB7 ${cell.workload.id} ${cell.split.workers}\xD7${cell.split.threadsPerWorker}: ${cell.windows.at(-1)?.toFixed(1) ?? "\u2013"} requests/s`
      );
    }
    if (visited === 0) break;
  }
  const out = workloads.map((workload) => ({
    workload,
    points: cells.filter((c) => c.workload === workload && c.windows.length > 0).map((c) => {
      const [lo, hi] = medianCIOrderStat(c.windows, 0.95);
      const sorted2 = [...c.latencies].sort((a, b) => a - b);
      return {
        ...c.split,
        requestsPerSec: median2(c.windows),
        ci95: [lo, hi],
        p50Ns: sorted2.length ? quantile2(sorted2, 0.5) : NaN,
        p99Ns: sorted2.length ? quantile2(sorted2, 0.99) : NaN,
        windows: c.windows,
        rounds: c.rounds
      };
    })
  }));
  return {
    workloads: out,
    elapsedSec: (performance.now() - start) / 1e3,
    rounds: round3,
    skipped: cells.filter((c) => c.windows.length === 0).map((c) => ({ workload: c.workload.id, split: c.split }))
  };
}
var MIN_WINDOW_MS, MIN_REQUESTS_PER_WINDOW, MIN_WINDOWS, WARMUP_MS, WORKER_SOURCE;
var init_throughput2 = __esm({
  "src/measure/throughput.ts"() {
    "use strict";
    init_stats();
    init_ort();
    MIN_WINDOW_MS = 500;
    MIN_REQUESTS_PER_WINDOW = 20;
    MIN_WINDOWS = 6;
    WARMUP_MS = 150;
    WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const ort = require(workerData.ortPath);
${BUILD_FEEDS_SOURCE}
(async () => {
  const session = await ort.InferenceSession.create(workerData.model, workerData.options);
  const feeds = buildFeeds(ort, workerData.feeds);
  const now = () => process.hrtime.bigint();
  const warmEnd = now() + BigInt(workerData.warmupMs) * 1000000n;
  let one = 0n;
  do { const t = now(); await session.run(feeds); one = now() - t; } while (now() < warmEnd);
  parentPort.postMessage({ type: 'ready', warmLatencyNs: Number(one) });
  parentPort.on('message', async (m) => {
    if (m.type === 'window') {
      const start = BigInt(m.startNs);
      const end = start + BigInt(m.durationNs);
      while (now() < start) {}
      const latencies = [];
      let last = start;
      while (now() < end) {
        const t = now();
        await session.run(feeds);
        last = now();
        latencies.push(Number(last - t));
      }
      parentPort.postMessage({ type: 'window', count: latencies.length, elapsedNs: Number(last - start), latenciesNs: latencies });
    } else if (m.type === 'stop') {
      await session.release();
      parentPort.postMessage({ type: 'stopped' });
    }
  });
})().catch((e) => parentPort.postMessage({ type: 'error', message: String(e && e.message || e) }));
`;
  }
});

// src/results/types.ts
var init_types = __esm({
  "src/results/types.ts"() {
    "use strict";
    init_limits();
  }
});

// src/settings/settings.ts
function parseDuet(text2, input) {
  const v = text2.trim();
  if (!DUET_MODES.includes(v)) {
    throw invalid(input, text2, `one of ${DUET_MODES.join(", ")}`);
  }
  return v;
}
function parseNormalize(text2, input) {
  const v = text2.trim();
  if (!NORMALIZE_MODES.includes(v)) {
    throw invalid(input, text2, `one of ${NORMALIZE_MODES.join(", ")}`);
  }
  return v;
}
function parseEngine(text2, input) {
  const v = text2.trim();
  if (!ENGINES.includes(v)) {
    throw invalid(input, text2, `one of ${ENGINES.join(", ")}`);
  }
  return v;
}
function parseObjective(text2, input) {
  const v = text2.trim();
  if (!OBJECTIVES.includes(v)) {
    throw invalid(input, text2, `one of ${OBJECTIVES.join(", ")}`);
  }
  return v;
}
function parseSeconds(text2, input, min = MIN_BUDGET_SEC) {
  const t = text2.trim();
  const n = /^\d+(\.\d+)?$/.test(t) ? Number(t) : NaN;
  if (!Number.isFinite(n) || n < min || n > 86400) {
    throw invalid(input, text2, `a number of seconds from ${min} to 86400, e.g. 60`);
  }
  return n;
}
function parsePercent(text2, input, max = 1e3) {
  const m = /^\s*(\d+(?:\.\d+)?)\s*%?\s*$/.exec(text2);
  const n = m ? Number(m[1]) : NaN;
  if (!Number.isFinite(n) || n <= 0 || n > max) {
    throw invalid(input, text2, `a percentage greater than 0 and at most ${max}, e.g. 10 or 10%`);
  }
  return n / 100;
}
function parseSeed(text2, input) {
  if (!/^\d{1,9}$/.test(text2.trim()))
    throw invalid(input, text2, "a non-negative integer below 10^9");
  return Number(text2);
}
function randomSeed() {
  return Math.floor(Math.random() * 1e9);
}
var DEFAULTS, THROUGHPUT_LATENCY_SHARE, MIN_BUDGET_SEC, MIN_TIMEOUT_SEC;
var init_settings = __esm({
  "src/settings/settings.ts"() {
    "use strict";
    init_errors();
    init_limits();
    init_types();
    DEFAULTS = {
      /**
       * The seed's compute-bound 256² square, a larger square that keeps every core busy, and an
       * LLM-decode-like matrix–vector product (1×4096 · 4096×4096: memory-bound, 64 MiB of weights).
       */
      sizes: "256,1024,1x4096x4096",
      /** Seconds for the whole sweep, set-up included. */
      maxTimeSec: 60,
      /** A cell has converged when the 95 % CI half-width of the median of its visit medians is ≤ 2 % of it. */
      targetPrecision: 0.02,
      /** Recommend the fewest threads within 5 % of the fastest. */
      tolerance: 0.05
    };
    THROUGHPUT_LATENCY_SHARE = 0.4;
    MIN_BUDGET_SEC = 1;
    MIN_TIMEOUT_SEC = 0.1;
  }
});

// src/pipeline/sweep-run.ts
async function runSweep(settings, options = {}) {
  const startMs = options.startMs ?? performance.now();
  const createdAt = options.createdAt ?? (/* @__PURE__ */ new Date()).toISOString();
  const ort = options.ort ?? loadOrt();
  const version = ortVersion(ort);
  const torch = settings.workload.kind === "matmul" && settings.workload.engine === "torch" ? await findTorchPython(settings.workload.python) : void 0;
  const probed = probeCpu({ ortVersion: version });
  const machine = torch ? withEngine(probed, torch.fingerprint) : probed;
  const throughputObjective = settings.objective === "throughput";
  if (throughputObjective && settings.baselineWorkload) {
    throw new InputError(
      'objective: "throughput" with a base measured in the same job; expected objective "latency" for a same-job comparison (it gates latency)'
    );
  }
  const latencySec = settings.maxTimeSec * (throughputObjective ? THROUGHPUT_LATENCY_SHARE : 1);
  const plan = settings.threads === "auto" ? planThreadCounts(machine, { maxTimeSec: latencySec, workloads: plannedWorkloads(settings) }) : null;
  const threads2 = settings.threads === "auto" ? plan.threads : [...settings.threads];
  const overhead = runsInProcess(settings.workload) ? await measureCallOverhead(ort) : null;
  const build = {
    ort,
    threads: threads2,
    overheadNs: overhead?.perCallNs ?? 0,
    seed: settings.seed,
    sides: settings.baselineWorkload ? 2 : 1,
    // The same-job comparison measures with ONNX Runtime's spinning off (SessionConfig.spinning).
    session: {
      usableCpus: machine.availableCpus,
      ...settings.baselineWorkload ? { spinning: false } : {}
    },
    ...torch ? { torch } : {},
    // Throughput workers: one session and one copy of the model each, up to one per CPU.
    ...throughputObjective ? { concurrentSessions: 2 * machine.availableCpus } : {}
  };
  const workloads = await buildWorkloads(settings.workload, build);
  const reference = (settings.normalize ?? "auto") === "auto" && !settings.baselineWorkload ? await referenceFor(workloads, threads2, settings.workload, build) : null;
  const common = {
    threads: threads2,
    maxTimeSec: latencySec,
    targetPrecision: settings.targetPrecision,
    seed: settings.seed,
    startMs,
    ...options.onProgress ? { onProgress: options.onProgress } : {}
  };
  let output;
  let comparison = null;
  let warnings = [];
  if (settings.baselineWorkload) {
    const [base] = await buildWorkloads(settings.baselineWorkload, build);
    if (workloads.length !== 1 || !base) {
      throw new Error("a same-job comparison needs exactly one workload on each side");
    }
    const run2 = await runSameJob(workloads[0], base, {
      ...common,
      threshold: options.threshold ?? DEFAULT_SAME_JOB_THRESHOLD,
      ...options.gate ? { gate: options.gate } : {},
      tolerance: settings.tolerance,
      fingerprint: machine.fingerprint,
      maxThreads: machine.availableCpus,
      duet: settings.duet ?? DEFAULT_DUET,
      baseDescription: options.baseDescription ?? describeSpec(settings.baselineWorkload),
      createdAt
    });
    output = run2.headSweep;
    comparison = run2.comparison;
    warnings = run2.warnings;
  } else {
    const added = reference?.measured === "added" ? [reference.workload] : [];
    output = await sweep([...workloads, ...added], common);
  }
  const referenceSweep = reference ? output.workloads.find((w) => w.workload === reference.workload) : void 0;
  if (reference?.measured === "added") {
    output = {
      ...output,
      workloads: output.workloads.filter((w) => w.workload !== reference.workload)
    };
  }
  const throughput = throughputObjective ? await measureThroughput(workloads, {
    cpus: machine.availableCpus,
    maxTimeSec: Math.max(0, settings.maxTimeSec - (performance.now() - startMs) / 1e3),
    seed: settings.seed,
    ...options.onLine ? { onProgress: options.onLine } : {}
  }) : void 0;
  const result = buildResult({
    sweep: output,
    machine,
    runtime: { onnxruntime: version, node: process.versions.node },
    overhead: overhead && {
      perCallNs: overhead.perCallNs,
      ci95Ns: medianCIOrderStat(overhead.samplesNs, 0.95)
    },
    settings: {
      maxTimeSec: settings.maxTimeSec,
      targetPrecision: settings.targetPrecision,
      tolerance: settings.tolerance,
      seed: settings.seed,
      ...settings.objective ? { objective: settings.objective } : {}
    },
    elapsedSec: (performance.now() - startMs) / 1e3,
    createdAt,
    ...throughput ? { throughput } : {},
    ...reference && referenceSweep ? {
      reference: {
        sweep: referenceSweep,
        threads: REFERENCE_CELL.threads,
        measured: reference.measured
      }
    } : {}
  });
  return { result, comparison, warnings, plan };
}
async function referenceFor(workloads, threads2, spec, build) {
  const own = spec.kind === "matmul" && spec.engine !== "torch" && threads2.includes(REFERENCE_CELL.threads) ? workloads.find((w) => w.id === REFERENCE_CELL.id) : void 0;
  if (own) return { workload: own, measured: "in-run" };
  const [made] = await buildWorkloads(
    { kind: "matmul", sizes: [parseShape(REFERENCE_CELL.size)] },
    { ...build, threads: [REFERENCE_CELL.threads] }
  );
  return {
    workload: {
      ...made,
      threadCounts: [REFERENCE_CELL.threads],
      visitMs: REFERENCE_VISIT_MS,
      alongside: true
    },
    measured: "added"
  };
}
function runsInProcess(spec) {
  return spec.kind === "model" || spec.kind === "matmul" && spec.engine !== "torch";
}
function describeSpec(spec) {
  switch (spec.kind) {
    case "matmul":
      return spec.engine === "torch" ? "MatMul (PyTorch)" : "MatMul";
    case "worker":
      return `worker ${spec.command}${spec.cwd ? ` in ${spec.cwd}` : ""}`;
    case "model":
      return `model ${spec.path}`;
    case "command":
      return `command ${spec.command}${spec.cwd ? ` in ${spec.cwd}` : ""}`;
    default: {
      const never = spec;
      return never;
    }
  }
}
var init_sweep_run = __esm({
  "src/pipeline/sweep-run.ts"() {
    "use strict";
    init_cpu();
    init_same_job();
    init_sweep();
    init_same_job2();
    init_plan();
    init_build();
    init_stats();
    init_overhead();
    init_ort();
    init_workloads();
    init_normalize();
    init_limits();
    init_matmul();
    init_fingerprint();
    init_torch_matmul();
    init_throughput2();
    init_errors();
    init_settings();
  }
});

// src/report/ansi.ts
var sgr, PLAIN, ansiPaint;
var init_ansi = __esm({
  "src/report/ansi.ts"() {
    "use strict";
    sgr = (open3) => (text2) => `\x1B[${open3}m${text2}\x1B[0m`;
    PLAIN = { good: (t) => t, bad: (t) => t, warn: (t) => t };
    ansiPaint = { good: sgr("1;32"), bad: sgr("1;31"), warn: sgr("1;33") };
  }
});

// src/report/compare-terminal.ts
function verdictPaint(kind, paint) {
  switch (kind) {
    case "pass":
      return paint.good;
    case "regression":
      return paint.bad;
    case "inconclusive":
    case "no-baseline":
      return paint.warn;
    default: {
      const never = kind;
      return never;
    }
  }
}
function renderComparison(c, paint = PLAIN) {
  const out = [];
  if (c.baseline !== null) {
    out.push(
      `Baseline: ${c.baseline.source} \u2014 ${c.baseline.runs} run${c.baseline.runs === 1 ? "" : "s"} of history, latest ${c.baseline.latestCreatedAt}`
    );
  }
  if (c.kind !== "no-baseline") {
    const s = c.settings;
    out.push(
      `Gate: ${s.gate === "deployed" ? "recommended and fastest thread counts" : "every cell"}, threshold ${formatSignedPercent(s.threshold)}, ${Math.round(s.confidence * 100)} % confidence, history limit once ${s.minHistory} runs are stored`,
      "",
      renderCells(c.cells)
    );
  }
  if (c.normalization) out.push("", `Runner speed: ${describeNormalization(c.normalization)}`);
  if (c.notes.length > 0) out.push("", ...c.notes.map((n) => `note: ${n}`));
  out.push("", `${verdictPaint(c.kind, paint)(`${HEADLINE[c.kind]}:`)} ${c.reason}`);
  return out.join("\n");
}
function renderCells(cells) {
  const header = [
    "workload",
    "threads",
    "baseline",
    "current",
    "ratio (CI, level)",
    "p (Holm)",
    "history limit",
    "gated",
    "verdict"
  ];
  const rows = cells.map((c) => [
    c.contentChanged ? `${c.workload} (changed)` : c.workload,
    String(c.threads),
    formatNs(c.baselineMedianNs),
    formatNs(c.currentMedianNs),
    formatRatio(c),
    c.pAdjusted === null ? "\u2014" : formatP(c.pAdjusted),
    c.predictionLimitRatio === null ? "\u2014" : `\xD7${c.predictionLimitRatio.toFixed(3)}`,
    c.gated ? c.gatedAs.length > 0 ? c.gatedAs.join("+") : "yes" : "\u2014",
    cellVerdict(c)
  ]);
  return textTable(header, rows, ["l", "r", "r", "r", "r", "r", "r", "l", "l"]);
}
function formatRatio(c) {
  const r = `\xD7${c.ratio.toFixed(3)}`;
  return c.ci95 === null ? `${r} (no CI)` : `${r} (${c.ci95[0].toFixed(3)}\u2013${c.ci95[1].toFixed(3)}, ${Number((c.ciLevel * 100).toPrecision(4))} %)`;
}
function formatP(p) {
  if (p < 1e-4) return "<0.0001";
  return p.toFixed(4);
}
function cellVerdict(c) {
  const faster = c.ci95 !== null && c.ci95[1] < 1;
  const word = c.status === "pass" && faster ? "faster" : c.status;
  return c.gated || c.status === "pass" ? word : `${word} (not gated)`;
}
var HEADLINE;
var init_compare_terminal = __esm({
  "src/report/compare-terminal.ts"() {
    "use strict";
    init_normalize();
    init_ansi();
    init_format();
    HEADLINE = {
      pass: "PASS",
      regression: "REGRESSION",
      inconclusive: "INCONCLUSIVE",
      "no-baseline": "NO BASELINE"
    };
  }
});

// src/report/progress.ts
function progressSeconds(sec) {
  const s = Math.max(0, sec);
  return s < 9.95 ? s.toFixed(1).replace(/\.0$/, "") : s.toFixed(0);
}
function progressText(p) {
  const step = p.phase === "measure" ? `round ${p.round}` : p.phase;
  const where = p.block === void 0 ? `${step} \xB7 ${p.cellsDone}/${p.cellsTotal} cells at target` : `block ${p.block} \xB7 ${step}`;
  return `${where} \xB7 ${progressSeconds(p.elapsedSec)}/${progressSeconds(p.budgetSec)} s`;
}
function fit(line, columns) {
  const room = Math.max(1, columns - 1);
  return line.length <= room ? line : `${line.slice(0, Math.max(0, room - 1))}\u2026`;
}
function createProgressReporter(stream) {
  let lastStep = -1;
  return (p) => {
    const fraction2 = p.budgetSec > 0 ? Math.min(1, Math.max(0, p.elapsedSec / p.budgetSec)) : 1;
    const text2 = progressText(p);
    if (stream.isTTY) {
      if (p.phase === "done") {
        stream.write(CLEAR_LINE);
        return;
      }
      const columns = stream.columns !== void 0 && stream.columns > 0 ? stream.columns : 80;
      const width = Math.min(BAR_WIDTH, columns - 1 - text2.length - 3);
      const filled = Math.round(fraction2 * width);
      const line = width >= MIN_BAR_WIDTH ? `[${"\u2588".repeat(filled)}${"\u2591".repeat(width - filled)}] ${text2}` : text2;
      stream.write(`${CLEAR_LINE}${fit(line, columns)}`);
      return;
    }
    const step = Math.floor(fraction2 * 10);
    if (p.phase === "done" || step > lastStep) {
      lastStep = step;
      stream.write(`threadgate: ${text2}
`);
    }
  };
}
var BAR_WIDTH, MIN_BAR_WIDTH, CLEAR_LINE;
var init_progress = __esm({
  "src/report/progress.ts"() {
    "use strict";
    BAR_WIDTH = 24;
    MIN_BAR_WIDTH = 6;
    CLEAR_LINE = "\r\x1B[2K";
  }
});

// src/report/brief.ts
function machineKind(m) {
  return `${m.os} ${m.arch}, ${m.cpuModel}, ${m.availableCpus} usable CPU${m.availableCpus === 1 ? "" : "s"}`;
}
function machineKindNote(result, fmt = {
  text: (s) => s,
  code: (s) => s
}) {
  return `This recommendation is for this kind of machine: ${fmt.text(machineKind(result.machine))} (fingerprint ${fmt.code(result.machine.fingerprint)}). Another machine may recommend differently.`;
}
function keyPoints(w) {
  const wanted = /* @__PURE__ */ new Set([w.recommended.threads, w.fastest.threads]);
  return w.points.filter((p) => wanted.has(p.threads)).sort((a, b) => a.threads - b.threads);
}
function mlasNote(w) {
  const cap = w.mlasMaxThreads;
  if (cap === void 0 || !w.points.some((p) => p.threads > cap)) return "";
  return `MLAS splits this shape over at most ${cap} thread${cap === 1 ? "" : "s"}: more cannot help.`;
}
function relativeHalfWidth2(p) {
  return p.medianNs > 0 ? (p.ci95Ns[1] - p.ci95Ns[0]) / 2 / p.medianNs : 0;
}
function settledAgainst(q, r, tolerance) {
  if (!overlaps(q, r)) return true;
  return q.threads > r.threads && q.ci95Ns[0] >= r.medianNs * (1 - tolerance);
}
function budgetStops(result) {
  let stopped = 0;
  let total = 0;
  let widest = 0;
  const open3 = [];
  const tolerance = result.settings.tolerance;
  for (const w of result.workloads) {
    const r = w.points.find((p) => p.threads === w.recommended.threads);
    for (const p of w.points) {
      total++;
      if (p.converged !== false) continue;
      stopped++;
      widest = Math.max(widest, relativeHalfWidth2(p));
      if (r === void 0) continue;
      const settled = p === r ? w.points.every((q) => q === r || settledAgainst(q, r, tolerance)) : settledAgainst(p, r, tolerance);
      if (!settled) open3.push({ workload: w.id, threads: p.threads });
    }
  }
  return { stopped, total, widest, open: open3 };
}
function budgetNote(result) {
  const s = budgetStops(result);
  if (s.stopped === 0) return "";
  const head = `${s.stopped} of ${s.total} cells stopped at the ${result.settings.maxTimeSec} s budget at up to \xB1${formatPercent(s.widest, 0)} (target \xB1${formatPercent(result.settings.targetPrecision, 0)})`;
  if (s.open.length === 0) return `${head} \u2014 enough to rank them.`;
  const one = s.open.length === 1;
  return `${head}; ${one ? "one is" : `${s.open.length} are`} within the noise of the recommendation (${cellNames(s.open, 3)}): a longer budget would settle ${one ? "it" : "them"}.`;
}
function stoppedCellsLine(result) {
  const cells = result.workloads.flatMap(
    (w) => w.points.filter((p) => p.converged === false).map((p) => ({ workload: w.id, threads: p.threads }))
  );
  return cells.length > 0 ? `Stopped at the budget: ${cellNames(cells)}.` : "";
}
function abovePeak(result) {
  return result.workloads.some((w) => w.points.some((p) => (p.peakFraction ?? 0) > 1));
}
var overlaps, cellNames, ABOVE_PEAK_NOTE;
var init_brief = __esm({
  "src/report/brief.ts"() {
    "use strict";
    init_format();
    overlaps = (a, b) => a.ci95Ns[0] <= b.ci95Ns[1] && b.ci95Ns[0] <= a.ci95Ns[1];
    cellNames = (cells, max = Infinity) => {
      const shown = cells.slice(0, max).map((c) => `${c.workload} at ${c.threads}`);
      return shown.join(", ") + (cells.length > max ? ` and ${cells.length - max} more` : "");
    };
    ABOVE_PEAK_NOTE = "Above 100 % of peak: the CPU runs faster than the clock the estimate used (boost, or a VM reporting its base clock).";
  }
});

// src/report/terminal.ts
function describeMachine(m) {
  const quota = m.cgroupQuotaCpus === void 0 || m.cgroupQuotaCpus === null ? "no CPU quota" : `CPU quota ${m.cgroupQuotaCpus.toFixed(2)} CPUs`;
  const affinity = m.affinityCpus !== void 0 ? `affinity ${m.affinityCpus} of ${m.logicalCpus}` : `${m.logicalCpus} logical`;
  return `${m.os} ${m.arch}, ${m.cpuModel}: ${m.availableCpus} usable CPUs (${affinity}, ${quota}), ${m.physicalCores} physical cores`;
}
function describePeak(m) {
  return m.peakGflops ? `estimated ${m.peakGflops.gflops.toFixed(0)} GFLOP/s FP32 (${m.peakGflops.basis.replace(/^estimate: /, "")})` : "";
}
function workloadTable(w, usable) {
  const header = ["", "threads", "median", "95 % CI", "GFLOP/s", "% peak", "speedup", ""];
  const rows = w.points.map((p) => [
    p.threads === w.recommended.threads ? "\u25BA" : " ",
    String(p.threads),
    formatNs(p.medianNs),
    formatRange(p.ci95Ns[0], p.ci95Ns[1]),
    p.gflops != null ? p.gflops.toFixed(1) : "\u2013",
    p.peakFraction != null ? formatPercent(p.peakFraction, 0) : "\u2013",
    p.speedup != null ? `${p.speedup.toFixed(2)}\xD7` : "\u2013",
    marks(w, p, usable)
  ]);
  const notes = [w.id];
  if (w.metric && w.kind !== "matmul") notes.push(`metric: ${w.metric.name}`);
  if (w.mlasMaxThreads !== void 0) notes.push(`MLAS \u2264 ${w.mlasMaxThreads} threads`);
  if (w.opsPerCall && w.opsPerCall > 1) notes.push(`${w.opsPerCall} MatMuls per session.run`);
  const shares = w.points.map((p) => p.overheadShare).filter((s) => s != null);
  if (shares.length > 0)
    notes.push(`call overhead \u2264 ${formatPercent(Math.max(...shares))} of a sample`);
  const mlas = mlasNote(w);
  return `${w.label}  (${notes.join("; ")})
${textTable(header, rows, ["l", "r", "r", "r", "r", "r", "r", "l"])}
  \u2192 ${w.recommended.reason ?? ""}` + (mlas ? `
  ${mlas}` : "");
}
function marks(w, p, usable) {
  return [
    p.threads === w.fastest.threads ? "fastest" : "",
    p.threads === w.recommended.threads ? "recommended" : "",
    p.threads > usable ? `oversubscribed (> ${usable} usable CPUs)` : ""
  ].filter(Boolean).join(", ");
}
function keyTable(result) {
  const usable = result.machine.availableCpus;
  const header = ["workload", "", "threads", "median", "95 % CI", "speedup", ""];
  const rows = result.workloads.flatMap(
    (w) => keyPoints(w).map((p) => [
      w.label,
      p.threads === w.recommended.threads ? "\u25BA" : " ",
      String(p.threads),
      formatNs(p.medianNs),
      formatRange(p.ci95Ns[0], p.ci95Ns[1]),
      p.speedup != null ? `${p.speedup.toFixed(2)}\xD7` : "\u2013",
      marks(w, p, usable)
    ])
  );
  const mlas = result.workloads.map((w) => mlasNote(w) ? `  ${w.label}: ${mlasNote(w)}` : "").filter(Boolean);
  return [textTable(header, rows, ["l", "l", "r", "r", "r", "r", "l"]), ...mlas].join("\n");
}
function throughputTable(w) {
  const t = w.throughput;
  if (t === void 0 || t.points.length === 0) return "";
  const header = ["", "workers \xD7 threads", "requests/s", "95 % CI", "p50", "p99", ""];
  const rows = t.points.map((p) => {
    const rec = p.workers === t.recommended.workers;
    return [
      rec ? "\u25BA" : " ",
      `${p.workers} \xD7 ${p.threadsPerWorker}`,
      p.requestsPerSec.toFixed(1),
      `${p.ci95[0].toFixed(1)}\u2013${p.ci95[1].toFixed(1)}`,
      formatNs(p.p50Ns),
      formatNs(p.p99Ns),
      rec ? "recommended" : ""
    ];
  });
  return `${w.label}: throughput by split of the CPUs
${textTable(header, rows, ["l", "r", "r", "r", "r", "r", "l"])}
  \u2192 ${t.recommended.reason ?? ""}`;
}
function renderSweep(result, paint = PLAIN, opts = {}) {
  const usable = result.machine.availableCpus;
  const verbose = opts.verbose === true;
  const parts = verbose ? result.workloads.flatMap((w) => [workloadTable(w, usable), throughputTable(w)]).filter(Boolean) : [keyTable(result)];
  const k = result.recommendation.ompNumThreads;
  const only = result.workloads.length === 1 ? result.workloads[0] : void 0;
  parts.push(
    runsAsProgram(only) ? [
      `${paint.good("Recommendation:")} run it with ${k} thread${k === 1 ? "" : "s"} (${result.recommendation.basis})`,
      `  OMP_NUM_THREADS=${k} ${only.label}`
    ].join("\n") : [
      `${paint.good("Recommendation:")} ${k} thread${k === 1 ? "" : "s"} (${result.recommendation.basis})`,
      `  OMP_NUM_THREADS=${k}            # PyTorch, OpenMP, MKL, OpenBLAS programs`,
      `  ORT_INTRA_OP_NUM_THREADS=${result.recommendation.ortIntraOpNumThreads}   # ONNX Runtime ignores OMP_NUM_THREADS: set intraOpNumThreads`
    ].join("\n")
  );
  const split = result.recommendation.throughput;
  if (split) {
    parts.push(
      [
        `${paint.good("For throughput:")} ${split.workers} worker${split.workers === 1 ? "" : "s"} (processes or sessions serving requests in parallel), each with`,
        `  OMP_NUM_THREADS=${split.threadsPerWorker}  ORT_INTRA_OP_NUM_THREADS=${split.threadsPerWorker}   # ${split.basis ?? ""}`
      ].join("\n")
    );
  }
  const extra = [machineKindNote(result)];
  const budget = budgetNote(result);
  if (budget) extra.push(budget);
  if (verbose && budget) extra.push(stoppedCellsLine(result));
  const skipped = skippedText(result);
  if (skipped) extra.push(skipped);
  if (verbose) {
    extra.push(`Machine: ${describeMachine(result.machine)}`);
    const peak = describePeak(result.machine);
    if (peak) extra.push(`Peak: ${peak}`);
    const engine = engineText(result);
    if (engine) extra.push(`Engine: ${engine}`);
    if (abovePeak(result)) extra.push(ABOVE_PEAK_NOTE);
    if (result.overhead)
      extra.push(`Per-call overhead of session.run: ${formatNs(result.overhead.perCallNs)}`);
  }
  const cells = result.workloads.reduce((n, w) => n + w.points.length, 0);
  extra.push(
    `Measured in ${result.elapsedSec.toFixed(1)} s (budget ${result.settings.maxTimeSec} s, target \xB1${formatPercent(result.settings.targetPrecision, 0)} on each median).` + (verbose ? "" : ` All ${cells} cells, the machine in full and the notes: --verbose.`)
  );
  parts.push(extra.join("\n"));
  return parts.join("\n\n") + "\n";
}
function skippedText(result) {
  const skipped = result.skipped ?? [];
  if (skipped.length === 0) return "";
  const cells = skipped.map((s) => `${s.workload} @ ${s.threads}`).join(", ");
  return `Not measured (the time budget of ${result.settings.maxTimeSec} s ran out): ${cells}. Raise the budget (--max-time, or the max-time input) to measure them.`;
}
var init_terminal = __esm({
  "src/report/terminal.ts"() {
    "use strict";
    init_ansi();
    init_brief();
    init_format();
  }
});

// src/analysis/comparison-json.ts
function toComparisonJson(c) {
  const common = {
    schemaVersion: 1,
    kind: "threadgate-comparison",
    verdict: c.kind,
    reason: c.reason,
    settings: c.settings,
    current: c.current,
    machineDifferences: c.machineDifferences.map((d) => ({
      field: d.field,
      baseline: d.a,
      current: d.b
    })),
    notes: c.notes,
    changes: c.changes,
    normalization: c.normalization ?? null
  };
  if (c.kind === "no-baseline") {
    return {
      ...common,
      baseline: c.baseline,
      forced: false,
      cells: [],
      maxSlowdown: null,
      workloadsOnlyInBaseline: [],
      workloadsOnlyInCurrent: []
    };
  }
  return {
    ...common,
    baseline: c.baseline,
    forced: c.forced,
    cells: c.cells.map(cellJson),
    maxSlowdown: c.maxSlowdown,
    workloadsOnlyInBaseline: c.workloadsOnlyInBaseline,
    workloadsOnlyInCurrent: c.workloadsOnlyInCurrent
  };
}
function cellJson(c) {
  return {
    workload: c.workload,
    threads: c.threads,
    baselineMedianNs: c.baselineMedianNs,
    currentMedianNs: c.currentMedianNs,
    ratio: c.ratio,
    rawRatio: c.rawRatio ?? null,
    ci95: c.ci95,
    ciLevel: c.ciLevel,
    unit: c.unit,
    pValue: c.pValue,
    pAdjusted: c.pAdjusted,
    predictionLimitRatio: c.predictionLimitRatio,
    historyRuns: c.historyRuns,
    gated: c.gated,
    gatedAs: c.gatedAs,
    status: c.status,
    regression: c.regression,
    contentChanged: c.contentChanged,
    duet: c.duet === true,
    checks: c.checks
  };
}
function comparisonFromJson(json) {
  const common = {
    reason: json.reason,
    settings: json.settings,
    current: json.current,
    machineDifferences: json.machineDifferences.map((d) => ({
      field: d.field,
      a: d.baseline,
      b: d.current
    })),
    notes: json.notes,
    changes: json.changes,
    normalization: json.normalization
  };
  if (json.verdict === "no-baseline")
    return { kind: "no-baseline", ...common, baseline: json.baseline };
  const cells = json.cells.map((c) => cellFromJson(c, json.settings));
  const compared = {
    ...common,
    // checkComparisonJson: a verdict other than no-baseline has both.
    baseline: json.baseline,
    forced: json.forced,
    cells,
    maxSlowdown: json.maxSlowdown,
    workloadsOnlyInBaseline: json.workloadsOnlyInBaseline,
    workloadsOnlyInCurrent: json.workloadsOnlyInCurrent
  };
  switch (json.verdict) {
    case "regression":
      return { kind: "regression", regressions: cells.filter((c) => c.regression), ...compared };
    case "inconclusive":
      return {
        kind: "inconclusive",
        unresolved: cells.filter((c) => c.gated && c.status === "inconclusive"),
        ...compared
      };
    case "pass":
      return { kind: "pass", ...compared };
    default: {
      const never = json.verdict;
      return never;
    }
  }
}
function cellFromJson(c, s) {
  const { duet, ...rest } = c;
  return {
    ...rest,
    ...duet ? { duet: true } : {},
    ciLevel: c.ciLevel ?? s.confidence,
    checks: c.checks ?? derivedChecks(c.ratio, c.ci95, s)
  };
}
function derivedChecks(ratio, ci95, s) {
  return {
    slowdown: ratio - 1 >= s.threshold,
    ciAboveOne: ci95 === null ? null : ci95[0] > 1,
    significant: null,
    beyondHistory: null,
    beyondColdStart: null
  };
}
var init_comparison_json = __esm({
  "src/analysis/comparison-json.ts"() {
    "use strict";
  }
});

// src/settings/reader.ts
function readSweepSettings(source, cpus2, options = {}) {
  const text2 = (name) => source.get(name);
  const threads2 = text2("threads")?.trim() ?? "auto";
  const objective = text2("objective");
  const normalize = text2("normalize");
  const duet = text2("duet");
  const precision = text2("precision");
  const tolerance = text2("tolerance");
  const seed = text2("seed");
  const machine = threads2.toLowerCase() === "auto" ? void 0 : cpus2();
  return {
    workload: readWorkload(source, options),
    threads: machine === void 0 ? "auto" : parseThreadCounts(
      threads2,
      machine.availableCpus,
      machine.logicalCpus,
      source.label("threads")
    ),
    maxTimeSec: parseSeconds(
      text2("max-time") ?? String(DEFAULTS.maxTimeSec),
      source.label("max-time")
    ),
    targetPrecision: precision === void 0 ? DEFAULTS.targetPrecision : parsePercent(precision, source.label("precision"), 50),
    tolerance: tolerance === void 0 ? DEFAULTS.tolerance : parsePercent(tolerance, source.label("tolerance"), 100),
    seed: seed === void 0 ? randomSeed() : parseSeed(seed, source.label("seed")),
    ...objective === void 0 ? {} : { objective: parseObjective(objective, source.label("objective")) },
    normalize: normalize === void 0 ? "auto" : parseNormalize(normalize, source.label("normalize")),
    duet: duet === void 0 ? DEFAULT_DUET : parseDuet(duet, source.label("duet"))
  };
}
function onlyWith(source, name, value, what) {
  return invalid(source.label(name), value, `it only with ${what}`);
}
function readWorkload(source, options = {}) {
  const L = (name) => source.label(name);
  const get = (name) => source.get(name);
  const model = get("model");
  const command = get("command");
  const worker = get("worker");
  const sizes = get("sizes");
  const engine = get("engine");
  const python = get("python");
  const chosen = ["sizes", "model", "command", "worker"].filter(
    (n) => get(n) !== void 0
  );
  if (chosen.length > 1) {
    throw new InputError(
      `${chosen.map(L).join(" and ")}: given together; expected one workload: ${L("sizes")} (the built-in MatMul), ${L("model")}, ${L("command")} or ${L("worker")}`
    );
  }
  const program = command !== void 0 || worker !== void 0;
  const builtIn = model === void 0 && !program;
  for (const name of ["thread-env", "timeout"]) {
    const v = get(name);
    if (v !== void 0 && !program) {
      throw onlyWith(
        source,
        name,
        v,
        `${L("command")} or ${L("worker")} (a program threadgate starts)`
      );
    }
  }
  for (const name of ["metric", "metric-unit", "warmup-runs"]) {
    const v = get(name);
    if (v !== void 0 && command === void 0) {
      throw onlyWith(
        source,
        name,
        v,
        `${L("command")}${worker !== void 0 ? " (a worker times its own calls)" : ""}`
      );
    }
  }
  for (const name of ["input-shapes", "input-values"]) {
    const [v] = source.getAll(name);
    if (v !== void 0 && model === void 0) throw onlyWith(source, name, v, L("model"));
  }
  for (const name of ["engine", "python"]) {
    const v = get(name);
    if (v !== void 0 && !builtIn) {
      throw onlyWith(source, name, v, `the built-in MatMul (${L("sizes")})`);
    }
  }
  const engineName = engine === void 0 ? void 0 : parseEngine(engine, L("engine"));
  if (python !== void 0 && engineName !== "torch") {
    throw onlyWith(source, "python", python, `${L("engine")} torch`);
  }
  if (model !== void 0) {
    const values = source.getAll("input-values");
    return {
      kind: "model",
      path: model,
      ...options.within === void 0 ? {} : { within: options.within },
      inputShapes: parseInputShapes(source.getAll("input-shapes"), L("input-shapes")),
      ...values.length === 0 ? {} : { inputValues: parseInputValues(values, L("input-values")) }
    };
  }
  if (command !== void 0) return commandWorkload(source, command);
  if (worker !== void 0) return workerWorkload(source, worker);
  return {
    kind: "matmul",
    sizes: parseShapes(sizes ?? DEFAULTS.sizes, L("sizes")),
    ...engineName ? { engine: engineName } : {},
    ...python !== void 0 ? { python } : {}
  };
}
function commandWorkload(source, command, cwd) {
  const L = (name) => source.label(name);
  if (command.trim() === "") throw invalid(L("command"), command, "a non-empty shell command");
  const metric = source.get("metric");
  const unit = source.get("metric-unit");
  if (unit !== void 0 && metric === void 0)
    throw onlyWith(source, "metric-unit", unit, L("metric"));
  const warmup = source.get("warmup-runs")?.trim();
  if (warmup !== void 0 && !/^\d{1,3}$/.test(warmup)) {
    throw invalid(L("warmup-runs"), warmup, "an integer from 0 to 999");
  }
  const timeout = source.get("timeout");
  return {
    kind: "command",
    command,
    threadEnv: threadEnv(source),
    timeoutSec: timeout === void 0 ? DEFAULT_TIMEOUT_SEC : parseSeconds(timeout, L("timeout"), MIN_TIMEOUT_SEC),
    ...metric !== void 0 ? { metric: parseMetric(metric, unit ?? "ms", L("metric"), L("metric-unit")) } : {},
    warmupRuns: warmup === void 0 ? DEFAULT_WARMUP_RUNS : Number(warmup),
    ...cwd !== void 0 ? { cwd } : {}
  };
}
function workerWorkload(source, command, cwd) {
  const L = (name) => source.label(name);
  if (command.trim() === "") throw invalid(L("worker"), command, "a non-empty shell command");
  const timeout = source.get("timeout");
  return {
    kind: "worker",
    command,
    threadEnv: threadEnv(source),
    timeoutSec: timeout === void 0 ? DEFAULT_WORKER_TIMEOUT_SEC : parseSeconds(timeout, L("timeout"), MIN_TIMEOUT_SEC),
    ...cwd !== void 0 ? { cwd } : {}
  };
}
function threadEnv(source) {
  const text2 = source.get("thread-env");
  return text2 === void 0 ? [...DEFAULT_THREAD_ENV] : parseThreadEnv(text2, source.label("thread-env"));
}
var init_reader = __esm({
  "src/settings/reader.ts"() {
    "use strict";
    init_limits();
    init_errors();
    init_plan();
    init_command();
    init_matmul();
    init_model();
    init_worker();
    init_settings();
  }
});

// src/results/io.ts
import { randomBytes } from "node:crypto";
import { constants as constants2 } from "node:fs";
import { access, mkdir, open as open2, readdir, rename, rm, stat as stat3, unlink } from "node:fs/promises";
import path5 from "node:path";
async function ensureDir(dir) {
  const missing = [];
  let at = path5.resolve(dir);
  for (; ; ) {
    try {
      const info = await stat3(at);
      if (!info.isDirectory()) {
        throw Object.assign(new Error(`${at} is not a directory`), { code: "ENOTDIR" });
      }
      break;
    } catch (e) {
      if (e.code !== "ENOENT") throw e;
      missing.push(at);
      const up = path5.dirname(at);
      if (up === at || missing.length > MAX_NEW_LEVELS) {
        throw Object.assign(
          new Error(`no existing parent directory within ${MAX_NEW_LEVELS} levels of ${dir}`),
          {
            code: "ENOENT"
          }
        );
      }
      at = up;
    }
  }
  for (const d of missing.reverse()) {
    await mkdir(d).catch((e) => {
      if (e.code !== "EEXIST") throw e;
    });
  }
}
function tempName(file) {
  return `.${path5.basename(file)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`;
}
function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return e.code === "EPERM";
  }
}
async function removeStaleTemps(file) {
  const dir = path5.dirname(path5.resolve(file));
  const prefix2 = `.${path5.basename(file)}.`;
  const removed = [];
  let names;
  try {
    names = await readdir(dir);
  } catch {
    return removed;
  }
  for (const name of names) {
    const m = /^\.(.+)\.(\d+)\.[0-9a-f]{8}\.tmp$/.exec(name);
    if (!name.startsWith(prefix2) || m === null || `.${m[1]}.` !== prefix2) continue;
    const full = path5.join(dir, name);
    try {
      const pid = Number(m[2]);
      const old = Date.now() - (await stat3(full)).mtimeMs > STALE_TEMP_MS;
      if (old || pid !== process.pid && !isAlive(pid)) {
        await unlink(full);
        removed.push(full);
      }
    } catch {
    }
  }
  return removed;
}
async function writeTextAtomic(file, text2, ops = nodeWriteOps) {
  const dir = path5.dirname(path5.resolve(file));
  const temp = path5.join(dir, tempName(file));
  try {
    await ensureDir(dir);
    await removeStaleTemps(file);
    await ops.writeAndSync(temp, text2);
    await ops.rename(temp, file);
  } catch (e) {
    await rm(temp, { force: true }).catch(() => void 0);
    throw e;
  }
}
async function writeJsonAtomic(file, value) {
  await writeTextAtomic(file, JSON.stringify(value, null, 2) + "\n");
}
function fsWords(e) {
  const code = e.code;
  if (code !== void 0) return `${FS_WORDS[code] ?? "it failed"} (${code})`;
  return e instanceof Error ? e.message : String(e);
}
async function checkOutputPath(file, flag, inputs = [], opts = {}) {
  if (file === void 0) return;
  const fail = (why) => new InputError(`${flag}: got ${JSON.stringify(file)}; ${why}; expected a file path to write`);
  if (file.trim() === "") throw fail("it is empty");
  const resolved = path5.resolve(file);
  for (const input of inputs) {
    if (input.path !== void 0 && path5.resolve(input.path) === resolved) {
      throw fail(`it is the file ${input.flag} reads, which it would overwrite`);
    }
  }
  let parent = path5.dirname(resolved);
  if (opts.createParents) {
    for (let i = 0; i < 16; i++) {
      const exists = await stat3(parent).then(
        () => true,
        (e) => e.code !== "ENOENT"
      );
      if (exists || path5.dirname(parent) === parent) break;
      parent = path5.dirname(parent);
    }
  }
  try {
    const info = await stat3(parent);
    if (!info.isDirectory()) throw fail(`its parent ${parent} is not a directory`);
    await access(parent, constants2.W_OK | constants2.X_OK);
  } catch (e) {
    if (e instanceof InputError) throw e;
    const code = e.code;
    throw fail(
      code === "ENOENT" ? `its directory ${parent} does not exist` : `its directory ${parent} cannot be written: ${fsWords(e)}`
    );
  }
  try {
    const info = await stat3(resolved);
    if (info.isDirectory()) throw fail("it is a directory");
    if (!info.isFile()) throw fail("it exists and is not a regular file");
    await access(resolved, constants2.W_OK);
  } catch (e) {
    if (e instanceof InputError) throw e;
    if (e.code !== "ENOENT")
      throw fail(`it cannot be written: ${fsWords(e)}`);
  }
}
async function writeJsonOutput(file, value, flag) {
  try {
    await writeJsonAtomic(file, value);
  } catch (e) {
    throw new InputError(`${flag}: could not write ${JSON.stringify(file)}: ${fsWords(e)}`);
  }
}
var nodeWriteOps, MAX_NEW_LEVELS, STALE_TEMP_MS, FS_WORDS;
var init_io = __esm({
  "src/results/io.ts"() {
    "use strict";
    init_errors();
    nodeWriteOps = {
      async writeAndSync(file, data) {
        const handle = await open2(file, "wx");
        try {
          await handle.writeFile(data, "utf8");
          await handle.sync();
        } finally {
          await handle.close();
        }
      },
      rename
    };
    MAX_NEW_LEVELS = 16;
    STALE_TEMP_MS = 60 * 60 * 1e3;
    FS_WORDS = {
      ENOENT: "a directory on the way does not exist",
      ENOTDIR: "a parent is not a directory",
      EACCES: "permission denied",
      EPERM: "permission denied",
      EROFS: "the file system is read-only",
      ENOSPC: "the disk is full",
      EDQUOT: "the disk quota is exceeded",
      EISDIR: "it is a directory",
      ENAMETOOLONG: "the name is too long",
      EIO: "an input/output error"
    };
  }
});

// src/cli/colour.ts
function colourEnabled(stream, env = process.env) {
  const force = env["FORCE_COLOR"];
  if (force !== void 0 && force !== "") {
    return !["0", "false"].includes(force.trim().toLowerCase());
  }
  if ((env["NO_COLOR"] ?? "") !== "") return false;
  return stream.isTTY === true && env["TERM"] !== "dumb";
}
var init_colour = __esm({
  "src/cli/colour.ts"() {
    "use strict";
  }
});

// src/cli/output.ts
function sinkOf(stream) {
  return {
    write: (text2) => void stream.write(text2),
    paint: colourEnabled(stream) ? ansiPaint : PLAIN
  };
}
function humanSink(json) {
  return sinkOf(json.some(isStdout) ? process.stderr : process.stdout);
}
function checkOneStdout(flags) {
  const dashed = flags.filter((f) => isStdout(f.path)).map((f) => f.flag);
  if (dashed.length > 1) {
    throw new InputError(
      `${dashed.join(" and ")}: both "-"; expected at most one of them on standard output (give the other a file path)`
    );
  }
}
async function checkJsonOutput(file, flag, inputs = []) {
  if (isStdout(file)) return;
  await checkOutputPath(file, flag, inputs);
}
async function writeJson(file, value, flag) {
  if (isStdout(file)) {
    process.stdout.write(JSON.stringify(value, null, 2) + "\n");
    return;
  }
  await writeJsonOutput(file, value, flag);
}
var STDOUT_PATH, isStdout;
var init_output = __esm({
  "src/cli/output.ts"() {
    "use strict";
    init_errors();
    init_io();
    init_ansi();
    init_colour();
    STDOUT_PATH = "-";
    isStdout = (file) => file === STDOUT_PATH;
  }
});

// src/cli/sweep.ts
var sweep_exports = {};
__export(sweep_exports, {
  SWEEP_HELP: () => SWEEP_HELP,
  SWEEP_OPTIONS: () => SWEEP_OPTIONS,
  flagSource: () => flagSource,
  sweepCommand: () => sweepCommand,
  sweepSettingsFromFlags: () => sweepSettingsFromFlags
});
import { statSync } from "node:fs";
function flagSource(v) {
  const flag = (name) => FLAG_OF[name] ?? name;
  return {
    get: (name) => stringFlag(v, flag(name)),
    getAll: (name) => list(v[flag(name)]),
    label: (name) => `--${flag(name)}`
  };
}
function baselineFromFlags(v, head) {
  const model = stringFlag(v, "baseline-model");
  const command = stringFlag(v, "baseline-command");
  const worker = stringFlag(v, "baseline-worker");
  const cwd = stringFlag(v, "baseline-cwd");
  if (worker !== void 0 || cwd !== void 0 && head.kind === "worker") {
    if (head.kind !== "worker")
      throw new InputError(
        '--baseline-worker: given without --worker; expected --worker "CMD" for the head too'
      );
    if (command !== void 0)
      throw new InputError("--baseline-command: given with --worker; expected --baseline-worker");
    if (cwd !== void 0) checkDirectory(cwd, "--baseline-cwd");
    return workerWorkload(flagSource(v), worker ?? head.command, cwd);
  }
  if (model !== void 0) {
    if (head.kind !== "model")
      throw new InputError(
        "--baseline-model: given without --model; expected --model FILE for the head too"
      );
    return { ...head, path: model };
  }
  if (command !== void 0 || cwd !== void 0) {
    if (head.kind !== "command")
      throw new InputError(
        '--baseline-command/--baseline-cwd: given without --command; expected --command "CMD" for the head too'
      );
    if (cwd !== void 0) checkDirectory(cwd, "--baseline-cwd");
    return commandWorkload(flagSource(v), command ?? head.command, cwd);
  }
  if (v["threshold"] !== void 0 || v["comparison-json"] !== void 0 || v["duet"] !== void 0) {
    const flag = v["threshold"] !== void 0 ? "--threshold" : v["comparison-json"] !== void 0 ? "--comparison-json" : "--duet";
    throw new InputError(
      `${flag}: given without a base to compare with; expected --baseline-model FILE, --baseline-command "CMD" or --baseline-worker "CMD" too (threadgate compare gates against a stored baseline)`
    );
  }
  return void 0;
}
function checkDirectory(dir, flag) {
  let ok;
  try {
    ok = statSync(dir).isDirectory();
  } catch {
    ok = false;
  }
  if (!ok) throw invalid(flag, dir, "an existing directory to run the base command in");
}
function sweepSettingsFromFlags(argv) {
  const v = parseFlags("sweep", argv, SWEEP_OPTIONS);
  const sweep2 = readSweepSettings(flagSource(v), () => probeCpu());
  const baselineWorkload = baselineFromFlags(v, sweep2.workload);
  return {
    ...sweep2,
    ...baselineWorkload ? { baselineWorkload } : {},
    jsonPath: stringFlag(v, "json"),
    comparisonJsonPath: stringFlag(v, "comparison-json"),
    quiet: v.quiet === true,
    verbose: v.verbose === true,
    threshold: v.threshold === void 0 ? DEFAULT_SAME_JOB_THRESHOLD : parsePercent(String(v.threshold), "--threshold")
  };
}
async function sweepCommand(argv) {
  const settings = sweepSettingsFromFlags(argv);
  const inputs = [
    ...settings.workload.kind === "model" ? [{ flag: "--model", path: settings.workload.path }] : [],
    ...settings.baselineWorkload?.kind === "model" ? [{ flag: "--baseline-model", path: settings.baselineWorkload.path }] : []
  ];
  checkOneStdout([
    { flag: "--json", path: settings.jsonPath },
    { flag: "--comparison-json", path: settings.comparisonJsonPath }
  ]);
  await checkJsonOutput(settings.jsonPath, "--json", inputs);
  await checkJsonOutput(settings.comparisonJsonPath, "--comparison-json", [
    ...inputs,
    { flag: "--json", path: settings.jsonPath }
  ]);
  const human = humanSink([settings.jsonPath, settings.comparisonJsonPath]);
  const run2 = await runSweep(settings, {
    ...settings.quiet ? {} : { onProgress: createProgressReporter(process.stderr) },
    ...settings.quiet ? {} : { onLine: (line) => void process.stderr.write(`threadgate: ${line}
`) },
    threshold: settings.threshold
  });
  human.write(renderSweep(run2.result, human.paint, { verbose: settings.verbose }));
  if (run2.plan?.note) human.write(`${run2.plan.note}
`);
  if (settings.jsonPath) {
    await writeJson(settings.jsonPath, run2.result, "--json");
    if (!isStdout(settings.jsonPath)) human.write(`Results written to ${settings.jsonPath}
`);
  }
  if (run2.comparison) {
    human.write("\n" + renderComparison(run2.comparison, human.paint) + "\n");
    if (settings.comparisonJsonPath) {
      await writeJson(
        settings.comparisonJsonPath,
        toComparisonJson(run2.comparison),
        "--comparison-json"
      );
    }
    return decideOutcome(run2.comparison, { failOnRegression: true }).fail ? 1 : 0;
  }
  return 0;
}
var SWEEP_OPTIONS, SWEEP_HELP, list, FLAG_OF;
var init_sweep2 = __esm({
  "src/cli/sweep.ts"() {
    "use strict";
    init_outcome();
    init_cpu();
    init_errors();
    init_sweep_run();
    init_compare_terminal();
    init_progress();
    init_terminal();
    init_comparison_json();
    init_reader();
    init_settings();
    init_command();
    init_worker();
    init_args();
    init_output();
    init_same_job();
    SWEEP_OPTIONS = {
      sizes: { type: "string" },
      threads: { type: "string", short: "t" },
      "max-time": { type: "string" },
      objective: { type: "string" },
      normalize: { type: "string" },
      json: { type: "string", short: "j" },
      seed: { type: "string" },
      precision: { type: "string" },
      tolerance: { type: "string" },
      quiet: { type: "boolean", short: "q" },
      verbose: { type: "boolean" },
      model: { type: "string" },
      "input-shape": { type: "string", multiple: true },
      "input-value": { type: "string", multiple: true },
      command: { type: "string" },
      worker: { type: "string" },
      engine: { type: "string" },
      python: { type: "string" },
      "thread-env": { type: "string" },
      metric: { type: "string" },
      "metric-unit": { type: "string" },
      timeout: { type: "string" },
      "warmup-runs": { type: "string" },
      "baseline-model": { type: "string" },
      "baseline-command": { type: "string" },
      "baseline-worker": { type: "string" },
      "baseline-cwd": { type: "string" },
      threshold: { type: "string" },
      "comparison-json": { type: "string" },
      duet: { type: "string" }
    };
    SWEEP_HELP = `threadgate sweep \u2014 measure latency across thread counts and recommend one

Usage:
  threadgate sweep [--sizes LIST [--engine onnxruntime|torch] | --model FILE \u2026 |
                    --command "CMD" \u2026 | --worker "CMD" \u2026] [-t|--threads LIST|auto]
                   [--max-time SECONDS] [-j|--json FILE|-] [--seed N] [--precision PERCENT]
                   [--tolerance PERCENT] [--objective latency|throughput] [-q|--quiet]
                   [--verbose]

The workload (one of):
  --sizes LIST          built-in MatMul shapes, N (square) or MxKxN, comma-separated
                        (default ${DEFAULTS.sizes})
    --engine NAME       onnxruntime (default) or torch: the MatMul in PyTorch, one warm
                        worker per session, so OMP_NUM_THREADS is measured where it acts
    --python PATH       --engine torch: the Python that has PyTorch (default: looked for:
                        $THREADGATE_PYTHON, python3, /usr/bin/python3)
  --model FILE          your ONNX model; inputs generated from its declared shapes
    --input-shape NAME=DIMS   a symbolic dimension, by input (x=8x512) or by dimension name
                              (batch=1); repeatable
    --input-value NAME=VALUES values for an input (ids=1 or ids=1,2,3); repeatable
  --command "CMD"       your program, run once per sample by the shell
    --thread-env LIST   variables that get the thread count
                        (default ${DEFAULT_THREAD_ENV.join(",")})
    --metric REGEX      time what the program prints: the regex's first group, a number
    --metric-unit UNIT  ns, us, ms or s (default ms; needs --metric)
    --timeout SECONDS   per run (default ${DEFAULT_TIMEOUT_SEC})
    --warmup-runs N     untimed runs per thread count first (default ${DEFAULT_WARMUP_RUNS})
  --worker "CMD"        your program, started once per session and kept warm: it times its
                        own calls over the worker protocol (README; threadgate worker-path
                        prints the Python helper's path, threadgate init-worker copies it)
    --thread-env LIST   as for --command
    --timeout SECONDS   to become ready, and to answer each request (default ${DEFAULT_WORKER_TIMEOUT_SEC})

Same-job comparison (base and head measured interleaved in this sweep):
  --baseline-model FILE     the base version of --model
  --baseline-command "CMD"  the base version of --command
  --baseline-worker "CMD"   the base version of --worker
  --baseline-cwd DIR        run the base command or worker in DIR (e.g. a worktree of the
                            base branch)
  --threshold PERCENT       smallest slowdown that fails (default ${DEFAULT_SAME_JOB_THRESHOLD * 100}%)
  --duet auto|off           auto: a cell whose twice the threads fit the usable CPUs runs
                            base and head at the same time, each pinned to its own CPUs
                            (taskset; Linux), paired window by window; off (default): every
                            cell in sequential blocks of fresh sessions
  --comparison-json FILE    write the comparison JSON (schema/comparison.schema.json);
                            - writes it to standard output (the tables go to standard error)

Measurement:
  -t, --threads LIST|auto
                        thread counts (default auto: 1, 2, 4, \u2026 and the usable CPUs)
  --max-time SECONDS    budget for the whole sweep, set-up included (default ${DEFAULTS.maxTimeSec})
  --precision PERCENT   stop when every cell's median has a 95 % CI within \xB1PERCENT
                        (default ${DEFAULTS.targetPrecision * 100}%)
  --tolerance PERCENT   recommend the fewest threads within PERCENT of the fastest
                        (default ${DEFAULTS.tolerance * 100}%)
  --objective latency|throughput
                        latency (default): threads per request. throughput: also split the
                        usable CPUs into workers \xD7 threads (1\xD7N \u2026 N\xD71), each worker its own
                        session or process, all at once, and recommend the split with the most
                        requests per second (the latency sweep gets 40 % of the budget)
  --normalize auto|none auto (default): also measure the runner-speed reference cell (MatMul
                        256\xB2 at 1 thread) in the rounds, so a stored-baseline comparison can
                        divide by it; none: measure only the workload
  --seed N              the order of the randomized rounds (default random)
  -j, --json FILE       write the results JSON (schema/results.schema.json); - writes it to
                        standard output, and the tables go to standard error
  -q, --quiet           no progress bar
  --verbose             every cell's table, the machine in full and the notes (by default:
                        each workload's recommended and fastest cells, and one line per note)
  -h, --help            this help (also: threadgate help sweep)

Progress goes to standard error: a bar on a terminal, a line per tenth of the budget otherwise.
The verdict and the recommendation are in colour on a terminal (NO_COLOR=1 turns it off,
FORCE_COLOR=1 forces it).

Exit codes: 0 done (a same-job comparison: pass or inconclusive), 1 same-job regression,
2 error.`;
    list = (v) => Array.isArray(v) ? v.map(String) : [];
    FLAG_OF = {
      "input-shapes": "input-shape",
      "input-values": "input-value"
    };
  }
});

// src/baseline/history.ts
function runFromResult(result, ref, sha2) {
  return {
    createdAt: result.createdAt,
    ...ref === void 0 ? {} : { ref },
    ...sha2 === void 0 ? {} : { sha: sha2 },
    ...result.reference ? {
      reference: {
        id: result.reference.id,
        threads: result.reference.point.threads,
        medianNs: result.reference.point.medianNs
      }
    } : {},
    // Latency cells, and the throughput splits as cells (analysis/throughput.ts).
    workloads: gatedWorkloads(result).map((w) => ({
      id: w.id,
      ...w.contentHash == null ? {} : { contentHash: w.contentHash },
      points: w.points.map((p) => ({ threads: p.threads, medianNs: p.medianNs }))
    }))
  };
}
function baselineFromResult(result, opts = {}) {
  return {
    schemaVersion: 1,
    kind: "threadgate-baseline",
    fingerprint: result.machine.fingerprint,
    machine: result.machine,
    runs: [runFromResult(result, opts.ref, opts.sha)],
    latest: result
  };
}
function mergeRun(baseline, result, opts = {}) {
  const maxRuns = opts.maxRuns ?? DEFAULT_MAX_RUNS;
  if (!Number.isInteger(maxRuns) || maxRuns < 1) {
    throw new RangeError(`maxRuns: got ${String(maxRuns)}; expected an integer \u2265 1`);
  }
  if (baseline === null) {
    return { baseline: baselineFromResult(result, opts), notes: [] };
  }
  if (baseline.fingerprint !== result.machine.fingerprint) {
    return {
      baseline: baselineFromResult(result, opts),
      notes: [
        `machine fingerprint changed (${baseline.fingerprint} \u2192 ${result.machine.fingerprint}): started a fresh baseline history; the previous ${baseline.runs.length} run(s) were dropped`
      ]
    };
  }
  const notes = [];
  const previous = baseline.runs.filter((r) => r.createdAt !== result.createdAt);
  if (previous.length !== baseline.runs.length) {
    notes.push(`replaced the stored run of ${result.createdAt} (merged twice)`);
  }
  const newer = Date.parse(result.createdAt) >= Date.parse(baseline.latest.createdAt);
  if (!newer) {
    notes.push(
      `the run of ${result.createdAt} is older than the newest stored run (${baseline.latest.createdAt}): inserted in time order; the newest run stays the one compared with`
    );
  }
  const all = [...previous, runFromResult(result, opts.ref, opts.sha)].sort(
    (a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt)
  );
  const runs = thinRuns(all, maxRuns);
  return {
    baseline: {
      schemaVersion: 1,
      kind: "threadgate-baseline",
      fingerprint: result.machine.fingerprint,
      machine: newer ? result.machine : baseline.machine,
      runs,
      latest: newer ? result : baseline.latest
    },
    notes
  };
}
function thinRuns(runs, keep) {
  const recent = runs.slice(Math.max(0, runs.length - keep)).map(({ kept: _kept, ...r }) => r);
  const older = runs.slice(0, Math.max(0, runs.length - keep)).reverse();
  const days = /* @__PURE__ */ new Set();
  const covered = new Set(recent.map((r) => r.createdAt.slice(0, 10)));
  const weeks = /* @__PURE__ */ new Set();
  const out = [];
  for (const run2 of older) {
    const day = run2.createdAt.slice(0, 10);
    if (days.size < keep) {
      if (!days.has(day) && !covered.has(day)) {
        days.add(day);
        out.push({ ...run2, kept: "daily" });
      }
      continue;
    }
    const week = isoWeek(run2.createdAt);
    if (weeks.size < keep && !weeks.has(week) && !days.has(day) && !covered.has(day)) {
      weeks.add(week);
      out.push({ ...run2, kept: "weekly" });
    }
  }
  return [...out.reverse(), ...recent];
}
function isoWeek(iso) {
  const d = new Date(Date.parse(iso));
  const day = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
  const weekday = day.getUTCDay() || 7;
  day.setUTCDate(day.getUTCDate() + 4 - weekday);
  const year = day.getUTCFullYear();
  const week = Math.ceil(((day.getTime() - Date.UTC(year, 0, 1)) / 864e5 + 1) / 7);
  return `${year}-W${String(week).padStart(2, "0")}`;
}
var DEFAULT_MAX_RUNS;
var init_history = __esm({
  "src/baseline/history.ts"() {
    "use strict";
    init_throughput();
    DEFAULT_MAX_RUNS = 20;
  }
});

// node_modules/valibot/dist/index.mjs
// @__NO_SIDE_EFFECTS__
function getGlobalConfig(config$1) {
  if (!config$1 && !store$4) return DEFAULT_CONFIG;
  return {
    lang: config$1?.lang ?? store$4?.lang,
    message: config$1?.message,
    abortEarly: config$1?.abortEarly ?? store$4?.abortEarly,
    abortPipeEarly: config$1?.abortPipeEarly ?? store$4?.abortPipeEarly
  };
}
// @__NO_SIDE_EFFECTS__
function getGlobalMessage(lang) {
  return store$3?.get(lang);
}
// @__NO_SIDE_EFFECTS__
function getSchemaMessage(lang) {
  return store$2?.get(lang);
}
// @__NO_SIDE_EFFECTS__
function getSpecificMessage(reference, lang) {
  return store$1?.get(reference)?.get(lang);
}
// @__NO_SIDE_EFFECTS__
function _stringify(input) {
  const type = typeof input;
  if (type === "string") return `"${input}"`;
  if (type === "number" || type === "bigint" || type === "boolean") return `${input}`;
  if (type === "object" || type === "function") return (input && Object.getPrototypeOf(input)?.constructor?.name) ?? "null";
  return type;
}
function _addIssue(context, label, dataset, config$1, other) {
  const input = other && "input" in other ? other.input : dataset.value;
  const expected = other?.expected ?? context.expects ?? null;
  const received = other?.received ?? /* @__PURE__ */ _stringify(input);
  const issue = {
    kind: context.kind,
    type: context.type,
    input,
    expected,
    received,
    message: `Invalid ${label}: ${expected ? `Expected ${expected} but r` : "R"}eceived ${received}`,
    requirement: context.requirement,
    path: other?.path,
    issues: other?.issues,
    lang: config$1.lang,
    abortEarly: config$1.abortEarly,
    abortPipeEarly: config$1.abortPipeEarly
  };
  const isSchema = context.kind === "schema";
  const message$1 = other?.message ?? context.message ?? /* @__PURE__ */ getSpecificMessage(context.reference, issue.lang) ?? (isSchema ? /* @__PURE__ */ getSchemaMessage(issue.lang) : null) ?? config$1.message ?? /* @__PURE__ */ getGlobalMessage(issue.lang);
  if (message$1 !== void 0) issue.message = typeof message$1 === "function" ? message$1(issue) : message$1;
  if (isSchema) dataset.typed = false;
  if (dataset.issues) dataset.issues.push(issue);
  else dataset.issues = [issue];
}
// @__NO_SIDE_EFFECTS__
function _isSameValueZero(value1, value2) {
  return value1 === value2 || Number.isNaN(value1) && Number.isNaN(value2);
}
// @__NO_SIDE_EFFECTS__
function _isValidObjectKey(object$1, key) {
  return Object.prototype.hasOwnProperty.call(object$1, key) && key !== "__proto__" && key !== "prototype" && key !== "constructor";
}
// @__NO_SIDE_EFFECTS__
function _joinExpects(values$1, separator) {
  const list3 = [...new Set(values$1)];
  if (list3.length > 1) return `(${list3.join(` ${separator} `)})`;
  return list3[0] ?? "never";
}
function _standardSchema(schema) {
  schema["~standard"] = {
    version: 1,
    vendor: "valibot",
    validate: (value$1) => schema["~run"]({ value: value$1 }, /* @__PURE__ */ getGlobalConfig())
  };
  return schema;
}
// @__NO_SIDE_EFFECTS__
function check(requirement, message$1) {
  return {
    kind: "validation",
    type: "check",
    reference: check,
    async: false,
    expects: null,
    requirement,
    message: message$1,
    "~run"(dataset, config$1) {
      if (dataset.typed && !this.requirement(dataset.value)) _addIssue(this, "input", dataset, config$1);
      return dataset;
    }
  };
}
// @__NO_SIDE_EFFECTS__
function description(description_) {
  return {
    kind: "metadata",
    type: "description",
    reference: description,
    description: description_
  };
}
// @__NO_SIDE_EFFECTS__
function finite(message$1) {
  return {
    kind: "validation",
    type: "finite",
    reference: finite,
    async: false,
    expects: null,
    requirement: Number.isFinite,
    message: message$1,
    "~run"(dataset, config$1) {
      if (dataset.typed && !this.requirement(dataset.value)) _addIssue(this, "finite", dataset, config$1);
      return dataset;
    }
  };
}
// @__NO_SIDE_EFFECTS__
function gtValue(requirement, message$1) {
  return {
    kind: "validation",
    type: "gt_value",
    reference: gtValue,
    async: false,
    expects: `>${requirement instanceof Date ? requirement.toJSON() : /* @__PURE__ */ _stringify(requirement)}`,
    requirement,
    message: message$1,
    "~run"(dataset, config$1) {
      if (dataset.typed && !(dataset.value > this.requirement)) _addIssue(this, "value", dataset, config$1, { received: dataset.value instanceof Date ? dataset.value.toJSON() : /* @__PURE__ */ _stringify(dataset.value) });
      return dataset;
    }
  };
}
// @__NO_SIDE_EFFECTS__
function ltValue(requirement, message$1) {
  return {
    kind: "validation",
    type: "lt_value",
    reference: ltValue,
    async: false,
    expects: `<${requirement instanceof Date ? requirement.toJSON() : /* @__PURE__ */ _stringify(requirement)}`,
    requirement,
    message: message$1,
    "~run"(dataset, config$1) {
      if (dataset.typed && !(dataset.value < this.requirement)) _addIssue(this, "value", dataset, config$1, { received: dataset.value instanceof Date ? dataset.value.toJSON() : /* @__PURE__ */ _stringify(dataset.value) });
      return dataset;
    }
  };
}
// @__NO_SIDE_EFFECTS__
function maxLength(requirement, message$1) {
  return {
    kind: "validation",
    type: "max_length",
    reference: maxLength,
    async: false,
    expects: `<=${requirement}`,
    requirement,
    message: message$1,
    "~run"(dataset, config$1) {
      if (dataset.typed && dataset.value.length > this.requirement) _addIssue(this, "length", dataset, config$1, { received: `${dataset.value.length}` });
      return dataset;
    }
  };
}
// @__NO_SIDE_EFFECTS__
function maxValue(requirement, message$1) {
  return {
    kind: "validation",
    type: "max_value",
    reference: maxValue,
    async: false,
    expects: `<=${requirement instanceof Date ? requirement.toJSON() : /* @__PURE__ */ _stringify(requirement)}`,
    requirement,
    message: message$1,
    "~run"(dataset, config$1) {
      if (dataset.typed && !(dataset.value <= this.requirement)) _addIssue(this, "value", dataset, config$1, { received: dataset.value instanceof Date ? dataset.value.toJSON() : /* @__PURE__ */ _stringify(dataset.value) });
      return dataset;
    }
  };
}
// @__NO_SIDE_EFFECTS__
function minLength(requirement, message$1) {
  return {
    kind: "validation",
    type: "min_length",
    reference: minLength,
    async: false,
    expects: `>=${requirement}`,
    requirement,
    message: message$1,
    "~run"(dataset, config$1) {
      if (dataset.typed && dataset.value.length < this.requirement) _addIssue(this, "length", dataset, config$1, { received: `${dataset.value.length}` });
      return dataset;
    }
  };
}
// @__NO_SIDE_EFFECTS__
function minValue(requirement, message$1) {
  return {
    kind: "validation",
    type: "min_value",
    reference: minValue,
    async: false,
    expects: `>=${requirement instanceof Date ? requirement.toJSON() : /* @__PURE__ */ _stringify(requirement)}`,
    requirement,
    message: message$1,
    "~run"(dataset, config$1) {
      if (dataset.typed && !(dataset.value >= this.requirement)) _addIssue(this, "value", dataset, config$1, { received: dataset.value instanceof Date ? dataset.value.toJSON() : /* @__PURE__ */ _stringify(dataset.value) });
      return dataset;
    }
  };
}
// @__NO_SIDE_EFFECTS__
function readonly() {
  return {
    kind: "transformation",
    type: "readonly",
    reference: readonly,
    async: false,
    "~run"(dataset) {
      return dataset;
    }
  };
}
// @__NO_SIDE_EFFECTS__
function regex(requirement, message$1) {
  return {
    kind: "validation",
    type: "regex",
    reference: regex,
    async: false,
    expects: `${requirement}`,
    requirement,
    message: message$1,
    "~run"(dataset, config$1) {
      if (dataset.typed && !this.requirement.test(dataset.value)) _addIssue(this, "format", dataset, config$1);
      return dataset;
    }
  };
}
// @__NO_SIDE_EFFECTS__
function safeInteger(message$1) {
  return {
    kind: "validation",
    type: "safe_integer",
    reference: safeInteger,
    async: false,
    expects: null,
    requirement: Number.isSafeInteger,
    message: message$1,
    "~run"(dataset, config$1) {
      if (dataset.typed && !this.requirement(dataset.value)) _addIssue(this, "safe integer", dataset, config$1);
      return dataset;
    }
  };
}
// @__NO_SIDE_EFFECTS__
function title(title_) {
  return {
    kind: "metadata",
    type: "title",
    reference: title,
    title: title_
  };
}
// @__NO_SIDE_EFFECTS__
function getFallback(schema, dataset, config$1) {
  return typeof schema.fallback === "function" ? schema.fallback(dataset, config$1) : schema.fallback;
}
// @__NO_SIDE_EFFECTS__
function getDefault(schema, dataset, config$1) {
  return typeof schema.default === "function" ? schema.default(dataset, config$1) : schema.default;
}
// @__NO_SIDE_EFFECTS__
function array(item, message$1) {
  return _standardSchema({
    kind: "schema",
    type: "array",
    reference: array,
    expects: "Array",
    async: false,
    item,
    message: message$1,
    "~run"(dataset, config$1) {
      const input = dataset.value;
      if (Array.isArray(input)) {
        dataset.typed = true;
        dataset.value = [];
        for (let key = 0; key < input.length; key++) {
          const value$1 = input[key];
          const itemDataset = this.item["~run"]({ value: value$1 }, config$1);
          if (itemDataset.issues) {
            const pathItem = {
              type: "array",
              origin: "value",
              input,
              key,
              value: value$1
            };
            for (const issue of itemDataset.issues) {
              if (issue.path) issue.path.unshift(pathItem);
              else issue.path = [pathItem];
              dataset.issues?.push(issue);
            }
            if (!dataset.issues) dataset.issues = itemDataset.issues;
            if (config$1.abortEarly) {
              dataset.typed = false;
              break;
            }
          }
          if (!itemDataset.typed) dataset.typed = false;
          dataset.value.push(itemDataset.value);
        }
      } else _addIssue(this, "type", dataset, config$1);
      return dataset;
    }
  });
}
// @__NO_SIDE_EFFECTS__
function boolean(message$1) {
  return _standardSchema({
    kind: "schema",
    type: "boolean",
    reference: boolean,
    expects: "boolean",
    async: false,
    message: message$1,
    "~run"(dataset, config$1) {
      if (typeof dataset.value === "boolean") dataset.typed = true;
      else _addIssue(this, "type", dataset, config$1);
      return dataset;
    }
  });
}
// @__NO_SIDE_EFFECTS__
function literal(literal_, message$1) {
  return _standardSchema({
    kind: "schema",
    type: "literal",
    reference: literal,
    expects: /* @__PURE__ */ _stringify(literal_),
    async: false,
    literal: literal_,
    message: message$1,
    "~run"(dataset, config$1) {
      if (/* @__PURE__ */ _isSameValueZero(dataset.value, this.literal)) dataset.typed = true;
      else _addIssue(this, "type", dataset, config$1);
      return dataset;
    }
  });
}
// @__NO_SIDE_EFFECTS__
function nullable(wrapped, default_) {
  return _standardSchema({
    kind: "schema",
    type: "nullable",
    reference: nullable,
    expects: `(${wrapped.expects} | null)`,
    async: false,
    wrapped,
    default: default_,
    "~run"(dataset, config$1) {
      if (dataset.value === null) {
        if (this.default !== void 0) dataset.value = /* @__PURE__ */ getDefault(this, dataset, config$1);
        if (dataset.value === null) {
          dataset.typed = true;
          return dataset;
        }
      }
      return this.wrapped["~run"](dataset, config$1);
    }
  });
}
// @__NO_SIDE_EFFECTS__
function number(message$1) {
  return _standardSchema({
    kind: "schema",
    type: "number",
    reference: number,
    expects: "number",
    async: false,
    message: message$1,
    "~run"(dataset, config$1) {
      if (typeof dataset.value === "number" && !isNaN(dataset.value)) dataset.typed = true;
      else _addIssue(this, "type", dataset, config$1);
      return dataset;
    }
  });
}
// @__NO_SIDE_EFFECTS__
function object(entries$1, message$1) {
  return _standardSchema({
    kind: "schema",
    type: "object",
    reference: object,
    expects: "Object",
    async: false,
    entries: entries$1,
    message: message$1,
    "~run"(dataset, config$1) {
      const input = dataset.value;
      if (input && typeof input === "object") {
        dataset.typed = true;
        dataset.value = {};
        for (const key in this.entries) {
          const valueSchema = this.entries[key];
          if (key in input || (valueSchema.type === "exact_optional" || valueSchema.type === "optional" || valueSchema.type === "nullish") && valueSchema.default !== void 0) {
            const value$1 = key in input ? input[key] : /* @__PURE__ */ getDefault(valueSchema);
            const valueDataset = valueSchema["~run"]({ value: value$1 }, config$1);
            if (valueDataset.issues) {
              const pathItem = {
                type: "object",
                origin: "value",
                input,
                key,
                value: value$1
              };
              for (const issue of valueDataset.issues) {
                if (issue.path) issue.path.unshift(pathItem);
                else issue.path = [pathItem];
                dataset.issues?.push(issue);
              }
              if (!dataset.issues) dataset.issues = valueDataset.issues;
              if (config$1.abortEarly) {
                dataset.typed = false;
                break;
              }
            }
            if (!valueDataset.typed) dataset.typed = false;
            dataset.value[key] = valueDataset.value;
          } else if (valueSchema.fallback !== void 0) dataset.value[key] = /* @__PURE__ */ getFallback(valueSchema);
          else if (valueSchema.type !== "exact_optional" && valueSchema.type !== "optional" && valueSchema.type !== "nullish") {
            _addIssue(this, "key", dataset, config$1, {
              input: void 0,
              expected: `"${key}"`,
              path: [{
                type: "object",
                origin: "key",
                input,
                key,
                value: input[key]
              }]
            });
            if (config$1.abortEarly) break;
          }
        }
      } else _addIssue(this, "type", dataset, config$1);
      return dataset;
    }
  });
}
// @__NO_SIDE_EFFECTS__
function optional(wrapped, default_) {
  return _standardSchema({
    kind: "schema",
    type: "optional",
    reference: optional,
    expects: `(${wrapped.expects} | undefined)`,
    async: false,
    wrapped,
    default: default_,
    "~run"(dataset, config$1) {
      if (dataset.value === void 0) {
        if (this.default !== void 0) dataset.value = /* @__PURE__ */ getDefault(this, dataset, config$1);
        if (dataset.value === void 0) {
          dataset.typed = true;
          return dataset;
        }
      }
      return this.wrapped["~run"](dataset, config$1);
    }
  });
}
// @__NO_SIDE_EFFECTS__
function picklist(options, message$1) {
  return _standardSchema({
    kind: "schema",
    type: "picklist",
    reference: picklist,
    expects: /* @__PURE__ */ _joinExpects(options.map(_stringify), "|"),
    async: false,
    options,
    message: message$1,
    "~run"(dataset, config$1) {
      if (this.options.includes(dataset.value)) dataset.typed = true;
      else _addIssue(this, "type", dataset, config$1);
      return dataset;
    }
  });
}
// @__NO_SIDE_EFFECTS__
function record(key, value$1, message$1) {
  return _standardSchema({
    kind: "schema",
    type: "record",
    reference: record,
    expects: "Object",
    async: false,
    key,
    value: value$1,
    message: message$1,
    "~run"(dataset, config$1) {
      const input = dataset.value;
      if (input && typeof input === "object") {
        dataset.typed = true;
        dataset.value = {};
        for (const entryKey in input) if (/* @__PURE__ */ _isValidObjectKey(input, entryKey)) {
          const entryValue = input[entryKey];
          const keyDataset = this.key["~run"]({ value: entryKey }, config$1);
          if (keyDataset.issues) {
            const pathItem = {
              type: "object",
              origin: "key",
              input,
              key: entryKey,
              value: entryValue
            };
            for (const issue of keyDataset.issues) {
              issue.path = [pathItem];
              dataset.issues?.push(issue);
            }
            if (!dataset.issues) dataset.issues = keyDataset.issues;
            if (config$1.abortEarly) {
              dataset.typed = false;
              break;
            }
          }
          const valueDataset = this.value["~run"]({ value: entryValue }, config$1);
          if (valueDataset.issues) {
            const pathItem = {
              type: "object",
              origin: "value",
              input,
              key: entryKey,
              value: entryValue
            };
            for (const issue of valueDataset.issues) {
              if (issue.path) issue.path.unshift(pathItem);
              else issue.path = [pathItem];
              dataset.issues?.push(issue);
            }
            if (!dataset.issues) dataset.issues = valueDataset.issues;
            if (config$1.abortEarly) {
              dataset.typed = false;
              break;
            }
          }
          if (!keyDataset.typed || !valueDataset.typed) dataset.typed = false;
          if (keyDataset.typed) dataset.value[keyDataset.value] = valueDataset.value;
        }
      } else _addIssue(this, "type", dataset, config$1);
      return dataset;
    }
  });
}
// @__NO_SIDE_EFFECTS__
function strictObject(entries$1, message$1) {
  return _standardSchema({
    kind: "schema",
    type: "strict_object",
    reference: strictObject,
    expects: "Object",
    async: false,
    entries: entries$1,
    message: message$1,
    "~run"(dataset, config$1) {
      const input = dataset.value;
      if (input && typeof input === "object") {
        dataset.typed = true;
        dataset.value = {};
        for (const key in this.entries) {
          const valueSchema = this.entries[key];
          if (key in input || (valueSchema.type === "exact_optional" || valueSchema.type === "optional" || valueSchema.type === "nullish") && valueSchema.default !== void 0) {
            const value$1 = key in input ? input[key] : /* @__PURE__ */ getDefault(valueSchema);
            const valueDataset = valueSchema["~run"]({ value: value$1 }, config$1);
            if (valueDataset.issues) {
              const pathItem = {
                type: "object",
                origin: "value",
                input,
                key,
                value: value$1
              };
              for (const issue of valueDataset.issues) {
                if (issue.path) issue.path.unshift(pathItem);
                else issue.path = [pathItem];
                dataset.issues?.push(issue);
              }
              if (!dataset.issues) dataset.issues = valueDataset.issues;
              if (config$1.abortEarly) {
                dataset.typed = false;
                break;
              }
            }
            if (!valueDataset.typed) dataset.typed = false;
            dataset.value[key] = valueDataset.value;
          } else if (valueSchema.fallback !== void 0) dataset.value[key] = /* @__PURE__ */ getFallback(valueSchema);
          else if (valueSchema.type !== "exact_optional" && valueSchema.type !== "optional" && valueSchema.type !== "nullish") {
            _addIssue(this, "key", dataset, config$1, {
              input: void 0,
              expected: `"${key}"`,
              path: [{
                type: "object",
                origin: "key",
                input,
                key,
                value: input[key]
              }]
            });
            if (config$1.abortEarly) break;
          }
        }
        if (!dataset.issues || !config$1.abortEarly) {
          for (const key in input) if (!Object.prototype.hasOwnProperty.call(this.entries, key)) {
            _addIssue(this, "key", dataset, config$1, {
              input: key,
              expected: "never",
              path: [{
                type: "object",
                origin: "key",
                input,
                key,
                value: input[key]
              }]
            });
            break;
          }
        }
      } else _addIssue(this, "type", dataset, config$1);
      return dataset;
    }
  });
}
// @__NO_SIDE_EFFECTS__
function string(message$1) {
  return _standardSchema({
    kind: "schema",
    type: "string",
    reference: string,
    expects: "string",
    async: false,
    message: message$1,
    "~run"(dataset, config$1) {
      if (typeof dataset.value === "string") dataset.typed = true;
      else _addIssue(this, "type", dataset, config$1);
      return dataset;
    }
  });
}
// @__NO_SIDE_EFFECTS__
function tuple(items, message$1) {
  return _standardSchema({
    kind: "schema",
    type: "tuple",
    reference: tuple,
    expects: "Array",
    async: false,
    items,
    message: message$1,
    "~run"(dataset, config$1) {
      const input = dataset.value;
      if (Array.isArray(input)) {
        dataset.typed = true;
        dataset.value = [];
        for (let key = 0; key < this.items.length; key++) {
          const value$1 = input[key];
          const itemDataset = this.items[key]["~run"]({ value: value$1 }, config$1);
          if (itemDataset.issues) {
            const pathItem = {
              type: "array",
              origin: "value",
              input,
              key,
              value: value$1
            };
            for (const issue of itemDataset.issues) {
              if (issue.path) issue.path.unshift(pathItem);
              else issue.path = [pathItem];
              dataset.issues?.push(issue);
            }
            if (!dataset.issues) dataset.issues = itemDataset.issues;
            if (config$1.abortEarly) {
              dataset.typed = false;
              break;
            }
          }
          if (!itemDataset.typed) dataset.typed = false;
          dataset.value.push(itemDataset.value);
        }
      } else _addIssue(this, "type", dataset, config$1);
      return dataset;
    }
  });
}
// @__NO_SIDE_EFFECTS__
function _subIssues(datasets) {
  let issues;
  if (datasets) for (const dataset of datasets) if (issues) for (const issue of dataset.issues) issues.push(issue);
  else issues = dataset.issues;
  return issues;
}
// @__NO_SIDE_EFFECTS__
function union(options, message$1) {
  return _standardSchema({
    kind: "schema",
    type: "union",
    reference: union,
    expects: /* @__PURE__ */ _joinExpects(options.map((option) => option.expects), "|"),
    async: false,
    options,
    message: message$1,
    "~run"(dataset, config$1) {
      let validDataset;
      let typedDatasets;
      let untypedDatasets;
      for (const schema of this.options) {
        const optionDataset = schema["~run"]({ value: dataset.value }, config$1);
        if (optionDataset.typed) if (optionDataset.issues) if (typedDatasets) typedDatasets.push(optionDataset);
        else typedDatasets = [optionDataset];
        else {
          validDataset = optionDataset;
          break;
        }
        else if (untypedDatasets) untypedDatasets.push(optionDataset);
        else untypedDatasets = [optionDataset];
      }
      if (validDataset) return validDataset;
      if (typedDatasets) {
        if (typedDatasets.length === 1) return typedDatasets[0];
        _addIssue(this, "type", dataset, config$1, { issues: /* @__PURE__ */ _subIssues(typedDatasets) });
        dataset.typed = true;
      } else if (untypedDatasets?.length === 1) return untypedDatasets[0];
      else _addIssue(this, "type", dataset, config$1, { issues: /* @__PURE__ */ _subIssues(untypedDatasets) });
      return dataset;
    }
  });
}
// @__NO_SIDE_EFFECTS__
function unknown() {
  return _standardSchema({
    kind: "schema",
    type: "unknown",
    reference: unknown,
    expects: "unknown",
    async: false,
    "~run"(dataset) {
      dataset.typed = true;
      return dataset;
    }
  });
}
// @__NO_SIDE_EFFECTS__
function pipe(...pipe$1) {
  return _standardSchema({
    ...pipe$1[0],
    pipe: pipe$1,
    "~run"(dataset, config$1) {
      for (const item of pipe$1) if (item.kind !== "metadata") {
        if (dataset.issues && (item.kind === "schema" || item.kind === "transformation")) {
          dataset.typed = false;
          break;
        }
        if (!dataset.issues || !config$1.abortEarly && !config$1.abortPipeEarly) dataset = item["~run"](dataset, config$1);
      }
      return dataset;
    }
  });
}
// @__NO_SIDE_EFFECTS__
function safeParse(schema, input, config$1) {
  const dataset = schema["~run"]({ value: input }, /* @__PURE__ */ getGlobalConfig(config$1));
  return {
    typed: dataset.typed,
    success: !dataset.issues,
    output: dataset.value,
    issues: dataset.issues
  };
}
var store$4, DEFAULT_CONFIG, store$3, store$2, store$1, EMOJI_REGEX;
var init_dist = __esm({
  "node_modules/valibot/dist/index.mjs"() {
    DEFAULT_CONFIG = {
      lang: void 0,
      message: void 0,
      abortEarly: void 0,
      abortPipeEarly: void 0
    };
    EMOJI_REGEX = new RegExp("^(?:[\\u{1F1E6}-\\u{1F1FF}]{2}|\\u{1F3F4}[\\u{E0061}-\\u{E007A}]{2}[\\u{E0030}-\\u{E0039}\\u{E0061}-\\u{E007A}]{1,3}\\u{E007F}|(?:\\p{Emoji}\\uFE0F\\u20E3?|\\p{Emoji_Modifier_Base}\\p{Emoji_Modifier}?|(?![\\p{Emoji_Modifier_Base}\\u{1F1E6}-\\u{1F1FF}])\\p{Emoji_Presentation})(?:\\u200D(?:\\p{Emoji}\\uFE0F\\u20E3?|\\p{Emoji_Modifier_Base}\\p{Emoji_Modifier}?|(?![\\p{Emoji_Modifier_Base}\\u{1F1E6}-\\u{1F1FF}])\\p{Emoji_Presentation}))*)+$", "u");
  }
});

// src/json-value.ts
function isObject(x) {
  return typeof x === "object" && x !== null && !Array.isArray(x);
}
function describeValue(x) {
  if (x === null) return "null";
  if (x === void 0) return "missing";
  if (Array.isArray(x)) return `an array of ${x.length}`;
  if (typeof x === "string") {
    return `the string ${JSON.stringify(x.length > 40 ? `${x.slice(0, 40)}\u2026` : x)}`;
  }
  if (typeof x === "number" || typeof x === "boolean") return `${typeof x} ${String(x)}`;
  return "an object";
}
var init_json_value = __esm({
  "src/json-value.ts"() {
    "use strict";
  }
});

// src/contract/schema.ts
function num(expected, range = {}) {
  const checks = [finite(expected)];
  if (range.integer) checks.push(safeInteger(expected));
  if (range.gt !== void 0) checks.push(gtValue(range.gt, expected));
  if (range.min !== void 0) checks.push(minValue(range.min, expected));
  if (range.max !== void 0) checks.push(maxValue(range.max, expected));
  if (range.lt !== void 0) checks.push(ltValue(range.lt, expected));
  return pipe(number(expected), ...checks);
}
function text(max = LIMITS.idChars) {
  const expected = `a string of at most ${max} characters`;
  return pipe(string(expected), maxLength(max, expected));
}
function nonEmpty(max = LIMITS.idChars) {
  const expected = `a string of 1 to ${max} characters`;
  return pipe(string(expected), minLength(1, expected), maxLength(max, expected));
}
function printable(max, pattern, expected) {
  const words = expected ?? `a string of 1 to ${max} printable characters`;
  return pipe(
    string(words),
    minLength(1, words),
    maxLength(max, words),
    regex(PRINTABLE, words),
    regex(pattern ?? PRINTABLE, words)
  );
}
function oneOf(values) {
  return picklist(values, `one of ${values.map((x) => `"${x}"`).join(", ")}`);
}
function literal2(value, expected) {
  return literal(value, expected ?? JSON.stringify(value));
}
function list2(item, max, min = 0) {
  const expected = `an array of ${min > 0 ? `${min} to ` : "at most "}${max} entries`;
  return pipe(
    array(item, "an array"),
    minLength(min, expected),
    maxLength(max, expected),
    readonly()
  );
}
function record2(entries) {
  return pipe(object(entries, "an object"), readonly());
}
function pair(item, expected) {
  return pipe(tuple([item, item], expected), readonly());
}
var NS_EXPECTED, ns, count, threads, positive, nonNegative, index, fraction, probability, rate, PRINTABLE, ISO_DATE, date, FINGERPRINT_EXPECTED, fingerprint, PeakEstimateSchema, NumaNodeSchema, MachineSchema, RuntimeSchema, PointSchema, EngineSchema, ThroughputPointSchema, SplitSchema, ThroughputResultSchema, WorkloadResultSchema, ResultSchema, BaselineRunSchema, BaselineDocumentSchema, triState, CellChecksSchema, ComparisonCellSchema, CompareSettingsSchema, NormalizationSchema, ChangePointSchema, strings, diffValue, ComparisonSchema, SHA_EXPECTED, sha, decimal, BundleManifestSchema;
var init_schema = __esm({
  "src/contract/schema.ts"() {
    "use strict";
    init_dist();
    init_limits();
    NS_EXPECTED = `a duration in ns greater than 0 and at most ${LIMITS.maxNs}`;
    ns = () => num(NS_EXPECTED, { gt: 0, max: LIMITS.maxNs });
    count = (what = "an integer") => num(`${what} from 1 to ${LIMITS.threads}`, { integer: true, min: 1, max: LIMITS.threads });
    threads = () => count();
    positive = (expected = "a finite number > 0") => num(expected, { gt: 0 });
    nonNegative = (expected = "a number \u2265 0") => num(expected, { min: 0 });
    index = () => num("a non-negative integer", { integer: true, min: 0 });
    fraction = () => num("a number between 0 and 1", { gt: 0, lt: 1 });
    probability = () => num("a number from 0 to 1, or null", { min: 0, max: 1 });
    rate = (min) => num(
      `requests per second ${min === "gt" ? "greater than" : "at least"} 0 and below ${LIMITS.maxRate}`,
      {
        [min]: 0,
        lt: LIMITS.maxRate
      }
    );
    PRINTABLE = new RegExp(`^(?:(?!${UNPRINTABLE_SOURCE}).)*$`, "su");
    ISO_DATE = "an ISO 8601 date";
    date = () => pipe(
      string(ISO_DATE),
      maxLength(40, ISO_DATE),
      check((s) => Number.isFinite(Date.parse(s)), ISO_DATE)
    );
    FINGERPRINT_EXPECTED = "16 lowercase hexadecimal digits";
    fingerprint = () => pipe(string(FINGERPRINT_EXPECTED), regex(/^[0-9a-f]{16}$/, FINGERPRINT_EXPECTED));
    PeakEstimateSchema = record2({
      gflops: positive(),
      perCoreGflops: positive(),
      basis: text()
    });
    NumaNodeSchema = record2({
      node: index(),
      cpus: count(),
      cpuList: text()
    });
    MachineSchema = record2({
      os: pipe(text(LIMITS.shortChars), description('process.platform, e.g. "linux"')),
      arch: pipe(text(LIMITS.shortChars), description('process.arch, e.g. "x64"')),
      cpuModel: text(LIMITS.shortChars),
      logicalCpus: pipe(count(), description("CPUs the OS reports for the whole host")),
      availableCpus: pipe(
        count(),
        description("usable CPUs: min(affinity mask, ceil(cgroup quota))")
      ),
      physicalCores: pipe(count(), description("distinct physical cores inside the affinity mask")),
      fingerprint: pipe(
        fingerprint(),
        description("stable hash of the fields that make runs comparable")
      ),
      affinityCpus: optional(count()),
      cgroupQuotaCpus: optional(nullable(positive())),
      peakGflops: optional(nullable(PeakEstimateSchema)),
      affinityCpuList: optional(text()),
      numaNodes: optional(list2(NumaNodeSchema, LIMITS.threads)),
      cgroupQuotaSource: optional(nullable(text())),
      onnxruntime: optional(text(LIMITS.shortChars)),
      engine: optional(
        pipe(
          text(LIMITS.shortChars),
          description("the engine of the built-in MatMul when not ONNX Runtime (in the fingerprint)")
        )
      ),
      notes: optional(list2(text(), LIMITS.listEntries))
    });
    RuntimeSchema = record2({
      onnxruntime: text(LIMITS.shortChars),
      node: text(LIMITS.shortChars)
    });
    PointSchema = record2({
      threads: threads(),
      samplesNs: pipe(
        list2(ns(), LIMITS.samplesPerCell, 1),
        description("raw samples, ns per operation")
      ),
      rounds: optional(
        pipe(list2(index(), LIMITS.samplesPerCell), description("the round of each sample"))
      ),
      medianNs: pipe(ns(), description("median of the visit medians")),
      ci95Ns: pipe(
        pair(ns(), `two durations in ns [lo, hi] with 0 < lo \u2264 hi \u2264 ${LIMITS.maxNs}`),
        description("distribution-free CI of that median, over the visit medians")
      ),
      ciHalfWidthRel: optional(nonNegative()),
      gflops: optional(nullable(nonNegative("null or a number \u2265 0"))),
      peakFraction: optional(nullable(nonNegative("null or a number \u2265 0"))),
      speedup: optional(nullable(positive("null or a number > 0"))),
      overheadShare: optional(nullable(nonNegative("null or a number \u2265 0"))),
      converged: optional(boolean("true or false")),
      runtimeThreads: optional(
        pipe(
          nullable(threads()),
          description(
            "the thread count the runtime reported for this cell (a worker); null: not said"
          )
        )
      )
    });
    EngineSchema = record2({
      name: nonEmpty(100),
      version: text(100),
      parallelBackend: optional(text(LIMITS.shortChars)),
      parallelInfo: optional(text(2e3))
    });
    ThroughputPointSchema = record2({
      workers: count(),
      threadsPerWorker: threads(),
      requestsPerSec: rate("gt"),
      ci95: pair(rate("min"), "two rates [lo, hi] with 0 \u2264 lo \u2264 hi"),
      p50Ns: ns(),
      p99Ns: ns(),
      windows: optional(list2(rate("gt"), LIMITS.samplesPerCell)),
      rounds: optional(list2(index(), LIMITS.samplesPerCell))
    });
    SplitSchema = record2({
      workers: count(),
      threadsPerWorker: threads(),
      reason: optional(text())
    });
    ThroughputResultSchema = record2({
      points: list2(ThroughputPointSchema, LIMITS.pointsPerWorkload),
      recommended: SplitSchema
    });
    WorkloadResultSchema = record2({
      id: nonEmpty(),
      kind: oneOf(WORKLOAD_KINDS),
      label: pipe(text(), description('human description, e.g. "MatMul 256\xD7256\xD7256 (float32)"')),
      points: list2(PointSchema, LIMITS.pointsPerWorkload, 1),
      fastest: record2({ threads: threads() }),
      recommended: record2({ threads: threads(), reason: optional(text()) }),
      mlasMaxThreads: optional(num("a positive integer", { integer: true, min: 1 })),
      flopsPerOp: optional(nullable(nonNegative())),
      opsPerCall: optional(num("an integer \u2265 1", { integer: true, min: 1 })),
      metric: optional(record2({ name: text(), unit: text(LIMITS.shortChars) })),
      contentHash: optional(nullable(text(LIMITS.shortChars))),
      details: optional(record(string(), unknown(), "an object")),
      engine: optional(
        pipe(
          EngineSchema,
          description("the runtime that ran the workload, as it reported itself (a worker)")
        )
      ),
      throughput: optional(ThroughputResultSchema)
    });
    ResultSchema = pipe(
      record2({
        schemaVersion: literal2(1, "1 (a newer threadgate may have written it)"),
        tool: record2({ name: literal2("threadgate"), version: text(64) }),
        createdAt: date(),
        machine: MachineSchema,
        runtime: RuntimeSchema,
        settings: record2({
          maxTimeSec: positive(),
          targetPrecision: positive(),
          tolerance: nonNegative(),
          seed: num("a finite number"),
          objective: optional(oneOf(OBJECTIVES))
        }),
        overhead: optional(
          nullable(
            record2({
              perCallNs: ns(),
              ci95Ns: pair(ns(), "two durations in ns [lo, hi] with 0 < lo \u2264 hi")
            })
          ),
          null
        ),
        workloads: list2(WorkloadResultSchema, LIMITS.workloads, 1),
        recommendation: record2({
          ompNumThreads: threads(),
          ortIntraOpNumThreads: threads(),
          basis: text(),
          throughput: optional(
            record2({ workers: count(), threadsPerWorker: threads(), basis: optional(text()) })
          )
        }),
        reference: optional(
          pipe(
            record2({
              id: nonEmpty(),
              point: PointSchema,
              measured: oneOf(REFERENCE_SOURCES)
            }),
            description(
              "the runner-speed reference cell (the built-in MatMul 256\xB2 at 1 thread) measured in this run's rounds; the stored gate divides by it (normalize: auto)"
            )
          )
        ),
        elapsedSec: nonNegative(),
        skipped: optional(
          list2(
            record2({ workload: text(), threads: threads(), reason: text() }),
            LIMITS.workloads * LIMITS.pointsPerWorkload
          )
        )
      }),
      title("threadgate results (schemaVersion 1)"),
      description(
        "One sweep: the machine, each (workload, threads) cell with its samples and statistics, and the recommendation. Fields may be added; required ones never change within a schemaVersion."
      )
    );
    BaselineRunSchema = record2({
      createdAt: date(),
      ref: optional(text()),
      sha: optional(text()),
      reference: optional(
        pipe(
          record2({ id: nonEmpty(), threads: threads(), medianNs: ns() }),
          description("the run's reference cell median (runner-speed normalization)")
        )
      ),
      kept: optional(
        pipe(
          oneOf(THINNED_TIERS),
          description(
            "an older run kept by thinning (one per day, then one per week); the gate reads only the runs without it"
          )
        )
      ),
      workloads: list2(
        record2({
          id: nonEmpty(),
          contentHash: optional(nullable(text(LIMITS.shortChars))),
          points: list2(record2({ threads: threads(), medianNs: ns() }), LIMITS.pointsPerWorkload)
        }),
        LIMITS.workloads * 2
      )
    });
    BaselineDocumentSchema = pipe(
      record2({
        schemaVersion: literal2(1, "1 (a newer threadgate may have written it)"),
        kind: literal2(DOCUMENT_KINDS.baseline),
        fingerprint: fingerprint(),
        machine: MachineSchema,
        runs: pipe(
          list2(BaselineRunSchema, LIMITS.runs, 1),
          description("run-level medians of the stored runs, oldest first")
        ),
        latest: pipe(ResultSchema, description("the newest run, whole"))
      }),
      title("threadgate baseline history (schemaVersion 1)"),
      description("The history of baseline runs of one machine kind and scope.")
    );
    triState = () => nullable(boolean("true, false or null"));
    CellChecksSchema = record2({
      slowdown: boolean("true or false"),
      ciAboveOne: triState(),
      significant: triState(),
      beyondHistory: triState(),
      beyondColdStart: optional(triState(), null)
    });
    ComparisonCellSchema = record2({
      workload: text(),
      threads: threads(),
      baselineMedianNs: positive(),
      currentMedianNs: positive(),
      ratio: positive(),
      rawRatio: optional(
        pipe(
          nullable(positive()),
          description("the ratio before runner-speed normalization (null: not normalized)")
        ),
        null
      ),
      ci95: nullable(
        pair(
          positive("null or [lo, hi] with 0 < lo \u2264 hi, finite"),
          "null or [lo, hi] with 0 < lo \u2264 hi, finite"
        )
      ),
      /** The level of ci95; absent in older files (then settings.confidence). */
      ciLevel: optional(fraction()),
      unit: optional(oneOf(COMPARISON_UNITS), "samples"),
      pValue: nullable(probability()),
      pAdjusted: nullable(probability()),
      predictionLimitRatio: optional(nullable(positive()), null),
      historyRuns: optional(index(), 0),
      gated: boolean("true or false"),
      gatedAs: optional(list2(oneOf(GATE_ROLES), GATE_ROLES.length), []),
      status: oneOf(CELL_STATUSES),
      regression: boolean("true or false"),
      contentChanged: optional(boolean("true or false"), false),
      duet: optional(
        pipe(
          boolean("true or false"),
          description(
            "same job: measured as duets (base and head at the same time on disjoint pinned CPU sets); false or absent: in sequential blocks"
          )
        ),
        false
      ),
      /** Absent in older files: then derived from the ratio and the CI. */
      checks: optional(CellChecksSchema)
    });
    CompareSettingsSchema = record2({
      threshold: nonNegative(),
      confidence: fraction(),
      minHistory: num("an integer \u2265 2", { integer: true, min: 2 }),
      coldStartThreshold: nonNegative(),
      gate: oneOf(GATE_MODES),
      force: boolean("true or false"),
      seed: optional(num("a finite number"), DEFAULT_COMPARE_SEED),
      resamples: optional(num("an integer \u2265 1", { integer: true, min: 1 }), DEFAULT_RESAMPLES),
      familySize: optional(nullable(num("an integer \u2265 1", { integer: true, min: 1 })), null),
      normalize: optional(oneOf(NORMALIZE_MODES), "none")
    });
    NormalizationSchema = record2({
      reference: pipe(text(), description('the reference cell, e.g. "matmul:256 @ 1"')),
      used: boolean("true or false"),
      reason: text(),
      runnerRatio: pipe(
        nullable(positive()),
        description("this run's reference median / the baseline run's (> 1: a slower runner)")
      )
    });
    ChangePointSchema = record2({
      workload: text(),
      threads: threads(),
      index: pipe(index(), description("the first run of the new segment, oldest run 0")),
      createdAt: date(),
      sha: nullable(text(LIMITS.shortChars)),
      ratio: pipe(positive(), description("median after / median before; > 1 is slower")),
      ci: pipe(
        pair(positive("[lo, hi] with 0 < lo \u2264 hi, finite"), "[lo, hi] with 0 < lo \u2264 hi, finite"),
        description("95 % percentile-bootstrap CI of the ratio")
      )
    });
    strings = () => optional(list2(text(), LIMITS.listEntries), []);
    diffValue = () => union([text(), num("a finite number")], "a string or a finite number");
    ComparisonSchema = pipe(
      record2({
        schemaVersion: literal2(1, "1 (a newer threadgate may have written it)"),
        kind: literal2(
          DOCUMENT_KINDS.comparison,
          `"${DOCUMENT_KINDS.comparison}" (a threadgate compare --json file)`
        ),
        verdict: oneOf(VERDICTS),
        reason: text(),
        settings: CompareSettingsSchema,
        baseline: nullable(
          record2({
            source: text(),
            fingerprint: text(),
            runs: num("an integer \u2265 1", { integer: true, min: 1 }),
            latestCreatedAt: text()
          })
        ),
        current: record2({ fingerprint: text(), createdAt: text() }),
        forced: optional(boolean("true or false"), false),
        machineDifferences: optional(
          list2(
            record2({
              field: oneOf(FINGERPRINT_FIELD_NAMES),
              baseline: diffValue(),
              current: diffValue()
            }),
            FINGERPRINT_FIELD_NAMES.length
          ),
          []
        ),
        cells: list2(ComparisonCellSchema, LIMITS.cells),
        maxSlowdown: nullable(num("a finite number or null")),
        workloadsOnlyInBaseline: strings(),
        workloadsOnlyInCurrent: strings(),
        notes: strings(),
        changes: pipe(
          optional(list2(ChangePointSchema, LIMITS.cells), []),
          description("change points in the stored history of the gated cells")
        ),
        normalization: optional(nullable(NormalizationSchema), null)
      }),
      title("threadgate comparison (schemaVersion 1)"),
      description(
        "The gate's verdict on one run against a baseline (threadgate compare --json). Fields may be added; required ones never change within a schemaVersion."
      )
    );
    SHA_EXPECTED = "null or a commit sha (40 or 64 lowercase hexadecimal digits)";
    sha = () => nullable(
      pipe(string(SHA_EXPECTED), regex(/^[0-9a-f]{40}(?:[0-9a-f]{24})?$/, SHA_EXPECTED))
    );
    decimal = (what) => printable(20, /^[1-9][0-9]{0,19}$/, `${what} (decimal digits)`);
    BundleManifestSchema = pipe(
      strictObject(
        {
          schemaVersion: literal2(1, "1 (a newer threadgate may have written it)"),
          kind: literal2(DOCUMENT_KINDS.manifest),
          tool: strictObject(
            {
              name: literal2("threadgate"),
              version: printable(64, /^[0-9A-Za-z.+-]+$/, 'a version such as "1.2.3"')
            },
            'an object { name: "threadgate", version }'
          ),
          leg: pipe(
            printable(LIMITS.labelChars),
            description("the leg as the report names it: its comment-key, else job and runner")
          ),
          stickyKey: printable(1e3),
          repository: printable(
            201,
            /^[A-Za-z0-9_.-]{1,100}\/[A-Za-z0-9_.-]{1,100}$/,
            'a repository "owner/name"'
          ),
          eventName: printable(100, /^[a-z_]+$/, 'an event name such as "pull_request"'),
          pullNumber: nullable(
            num(`null or a pull request number (an integer from 1 to ${LIMITS.pullNumber})`, {
              integer: true,
              min: 1,
              max: LIMITS.pullNumber
            })
          ),
          headSha: sha(),
          baseSha: sha(),
          workflow: printable(1e3),
          job: printable(200),
          runId: decimal("a run id"),
          runAttempt: decimal("a run attempt"),
          createdAt: pipe(
            printable(40),
            check((s) => Number.isFinite(Date.parse(s)), ISO_DATE)
          ),
          comparison: boolean("true or false")
        },
        "a JSON object"
      ),
      readonly(),
      title("threadgate report bundle manifest (schemaVersion 1)"),
      description("Which run and leg a report bundle is from. No other field is allowed.")
    );
  }
});

// src/contract/parse.ts
function parseJsonText(text2, fail) {
  const trimmed = text2.replace(/^\uFEFF/, "").trim();
  if (trimmed === "") throw fail("is empty");
  try {
    return JSON.parse(trimmed);
  } catch (e) {
    if ((trimmed.startsWith("{") || trimmed.startsWith("[")) && isUnterminated(trimmed)) {
      throw fail(`is truncated (JSON ends after ${trimmed.length} characters, inside a value)`);
    }
    throw fail(`is not valid JSON (${e.message})`);
  }
}
function documentKind(value, fail) {
  if (!isObject(value)) {
    throw fail(`is not a threadgate file (the JSON is ${describeValue(value)}, not an object)`);
  }
  const kind = value["kind"];
  const tool = value["tool"];
  const toolName = isObject(tool) ? tool["name"] : void 0;
  let found;
  if (kind === DOCUMENT_KINDS.baseline) found = "baseline";
  else if (kind === DOCUMENT_KINDS.comparison) found = "comparison";
  else if (kind === DOCUMENT_KINDS.manifest) found = "manifest";
  else if (kind !== void 0 || toolName !== void 0 && toolName !== "threadgate") {
    throw fail(`is not a threadgate file (kind ${describeValue(kind ?? toolName)})`);
  } else if (toolName === "threadgate" || "machine" in value && "workloads" in value) {
    found = "results";
  } else {
    throw fail('is not a threadgate file (no "kind", "tool" or "machine"/"workloads" fields)');
  }
  const version = value["schemaVersion"];
  if (version === void 0) throw fail('has no "schemaVersion" (expected 1)');
  if (version !== 1) {
    throw fail(
      `has schemaVersion ${describeValue(version)}, which this threadgate does not know (it reads schemaVersion 1; a newer threadgate may have written it)`
    );
  }
  return found;
}
function expectKind(found, accepted, fail) {
  if (accepted.includes(found)) return found;
  throw fail(`is ${WHAT[found]}; expected ${accepted.map((k) => WHAT[k]).join(" or ")}`);
}
function decode(schema, value, fail, prefix2 = "") {
  const parsed = safeParse(schema, value, { abortEarly: true });
  if (parsed.success) return parsed.output;
  throw fail(describeIssue(parsed.issues[0], prefix2));
}
function describeIssue(issue, prefix2) {
  const path8 = prefix2 + pathText(issue.path ?? []);
  const objectIssue = issue.type === "object" || issue.type === "strict_object";
  if (objectIssue && issue.input === void 0 && path8 !== "") {
    return `is missing the field "${path8}"`;
  }
  if (issue.type === "strict_object" && issue.expected === "never" && issue.path) {
    const key = issue.path[issue.path.length - 1]?.key;
    return `has the unknown field ${JSON.stringify(String(key).slice(0, 40))}; expected only the fields of ${issue.message}`;
  }
  const shown = Array.isArray(issue.input) && issue.type.endsWith("length") ? `an array of ${issue.input.length} entries` : typeof issue.input === "string" && issue.type === "max_length" ? `${issue.input.length} characters long` : describeValue(issue.input);
  return path8 === "" ? `is ${shown}; expected ${issue.message}` : `"${path8}" is ${shown}; expected ${issue.message}`;
}
function pathText(items) {
  let out = "";
  for (const item of items) {
    const key = item.key;
    if (typeof key === "number") out += `[${key}]`;
    else out += out === "" ? String(key) : `.${String(key)}`;
  }
  return out;
}
function checkResult(value, fail, prefix2 = "") {
  const result = decode(ResultSchema, value, fail, prefix2);
  crossCheckResult(result, fail, prefix2);
  return result;
}
function checkBaseline(value, fail) {
  const doc = decode(BaselineDocumentSchema, value, fail);
  doc.runs.forEach(
    (run2, i) => run2.workloads.forEach(
      (w, j) => uniqueSorted(
        w.points.map((p) => p.threads),
        `runs[${i}].workloads[${j}].points`,
        "thread count",
        fail
      )
    )
  );
  crossCheckResult(doc.latest, fail, "latest.");
  if (doc.latest.machine.fingerprint !== doc.fingerprint) {
    throw fail(
      `is inconsistent: "fingerprint" is ${JSON.stringify(doc.fingerprint)} but "latest.machine.fingerprint" is ${JSON.stringify(doc.latest.machine.fingerprint)}`
    );
  }
  return doc;
}
function checkComparisonJson(value, fail) {
  const c = decode(ComparisonSchema, value, fail);
  c.changes.forEach((change, i) => ordered(change.ci, `changes[${i}].ci`, fail));
  c.cells.forEach((cell, i) => {
    const at = `cells[${i}].`;
    if (cell.ci95 !== null) ordered(cell.ci95, `${at}ci95`, fail);
    const expected2 = cell.gated && cell.status === "regression";
    if (cell.regression !== expected2) {
      throw fail(
        `"${at}regression" is ${describeValue(cell.regression)}; expected ${String(expected2)} (gated and status "regression")`
      );
    }
  });
  if (c.verdict === "no-baseline") {
    if (c.cells.length > 0) {
      throw fail(
        `"cells" is ${c.cells.length} cells; expected no cells with the verdict "no-baseline"`
      );
    }
    return c;
  }
  if (c.baseline === null) {
    throw fail(`"baseline" is null; expected a baseline object with the verdict "${c.verdict}"`);
  }
  if (c.maxSlowdown === null) {
    throw fail(`"maxSlowdown" is null; expected a finite number with the verdict "${c.verdict}"`);
  }
  const gated = c.cells.filter((cell) => cell.gated);
  if (gated.length === 0) {
    throw fail(
      `"cells" is without a gated cell; expected at least one gated cell ("${c.verdict}")`
    );
  }
  const largest = Math.max(...gated.map((cell) => cell.ratio - 1));
  if (Math.abs(largest - c.maxSlowdown) > 1e-9 * Math.max(1, Math.abs(largest))) {
    throw fail(
      `"maxSlowdown" is ${describeValue(c.maxSlowdown)}; expected the largest gated ratio \u2212 1 of the cells (${largest})`
    );
  }
  const expected = gated.some((cell) => cell.regression) ? "regression" : gated.some((cell) => cell.status === "inconclusive") ? "inconclusive" : "pass";
  if (c.verdict !== expected) {
    throw fail(
      `"verdict" is ${describeValue(c.verdict)}; expected "${expected}", the verdict its cells give`
    );
  }
  return c;
}
function crossCheckResult(r, fail, prefix2) {
  const ids = /* @__PURE__ */ new Set();
  r.workloads.forEach((w, i) => {
    const at = `${prefix2}workloads[${i}].`;
    if (ids.has(w.id))
      throw fail(`"${at}id" is ${describeValue(w.id)} again; expected each workload once`);
    ids.add(w.id);
    const measured = w.points.map((p) => p.threads);
    uniqueSorted(measured, `${at}points`, "thread count", fail);
    for (const key of ["fastest", "recommended"]) {
      if (!measured.includes(w[key].threads)) {
        throw fail(
          `"${at}${key}.threads" is ${describeValue(w[key].threads)}; expected one of the measured thread counts (${measured.join(", ")})`
        );
      }
    }
    w.points.forEach((p, j) => checkPoint(p, `${at}points[${j}].`, fail));
    if (w.throughput !== void 0) {
      const tat = `${at}throughput.`;
      uniqueSorted(
        w.throughput.points.map((p) => p.threadsPerWorker),
        `${tat}points`,
        "threadsPerWorker",
        fail,
        false
      );
      w.throughput.points.forEach((p, j) => {
        ordered(p.ci95, `${tat}points[${j}].ci95`, fail);
        if (p.windows !== void 0 && p.rounds !== void 0 && p.rounds.length !== p.windows.length) {
          throw fail(`"${tat}points[${j}].rounds" must hold one round per window`);
        }
      });
    }
  });
  if (r.overhead) ordered(r.overhead.ci95Ns, `${prefix2}overhead.ci95Ns`, fail);
  if (r.reference) checkPoint(r.reference.point, `${prefix2}reference.point.`, fail);
}
function checkPoint(p, at, fail) {
  ordered(p.ci95Ns, `${at}ci95Ns`, fail);
  if (p.rounds !== void 0 && p.rounds.length !== p.samplesNs.length) {
    throw fail(
      `"${at}rounds" is an array of ${p.rounds.length} entries; expected one round per sample (${p.samplesNs.length})`
    );
  }
}
function ordered(pair2, path8, fail) {
  if (pair2[0] > pair2[1]) {
    throw fail(`"${path8}" is [${pair2[0]}, ${pair2[1]}]; expected [lo, hi] with lo \u2264 hi`);
  }
}
function uniqueSorted(xs, path8, what, fail, sorted2 = true) {
  const seen = /* @__PURE__ */ new Set();
  for (const [i, x] of xs.entries()) {
    if (seen.has(x)) throw fail(`"${path8}" has ${what} ${x} twice; expected each once`);
    seen.add(x);
    if (sorted2 && i > 0 && x < xs[i - 1]) {
      throw fail(
        `"${path8}" has ${what} ${x} after ${xs[i - 1]}; expected them in increasing order`
      );
    }
  }
}
function isUnterminated(text2) {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text2.length; i++) {
    const c = text2[i];
    if (inString) {
      if (c === "\\") i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === "{" || c === "[") depth++;
    else if (c === "}" || c === "]") depth--;
  }
  return inString || depth > 0;
}
var WHAT;
var init_parse2 = __esm({
  "src/contract/parse.ts"() {
    "use strict";
    init_dist();
    init_json_value();
    init_limits();
    init_schema();
    WHAT = {
      results: "a results file (threadgate sweep --json FILE)",
      baseline: "a baseline history (threadgate baseline add)",
      comparison: "a comparison file (threadgate compare --json FILE)",
      manifest: "a report bundle manifest"
    };
  }
});

// src/contract/documents.ts
function parseBaselineFile(text2, fileName, label = "baseline") {
  const fail = (m) => new BaselineError(`${label} ${fileName}: ${m}`);
  const value = parseJsonText(text2, fail);
  const kind = expectKind(documentKind(value, fail), ["baseline", "results"], fail);
  if (kind === "baseline") return { document: checkBaseline(value, fail), from: "baseline" };
  return { document: baselineFromResult(checkResult(value, fail)), from: "result" };
}
function parseResultFile(text2, fileName, input) {
  const fail = (m) => new InputError(`${prefix(input, fileName)}${m}`);
  const value = parseJsonText(text2, fail);
  expectKind(documentKind(value, fail), ["results"], fail);
  return checkResult(value, fail);
}
function parseComparisonFile(text2, fileName, input) {
  const fail = (m) => new InputError(`${prefix(input, fileName)}${m}`);
  const value = parseJsonText(text2, fail);
  expectKind(documentKind(value, fail), ["comparison"], fail);
  return comparisonFromJson(checkComparisonJson(value, fail));
}
async function readResultFile(path8, input, place = {}) {
  const text2 = await readText(
    path8,
    input,
    LIMITS.fileBytes,
    "a results JSON file",
    place,
    inputError
  );
  return parseResultFile(text2, path8, input);
}
async function readBaselineFile(path8, label = "baseline", place = {}) {
  const parsed = await readBaselineIfExists(path8, label, place);
  if (parsed === null) throw new BaselineError(`${label} ${path8}: file not found`);
  return parsed;
}
async function readBaselineIfExists(path8, label = "baseline", place = {}) {
  const text2 = await readBoundedTextIfExists(path8, {
    input: label,
    maxBytes: LIMITS.fileBytes,
    expected: "a threadgate baseline or results JSON file",
    fail: (m) => new BaselineError(m),
    ...place
  });
  return text2 === null ? null : parseBaselineFile(text2, path8, label);
}
async function readComparisonFile(path8, input, place = {}) {
  const text2 = await readText(
    path8,
    input,
    LIMITS.comparisonBytes,
    "a comparison JSON file",
    place,
    inputError
  );
  return parseComparisonFile(text2, path8, input);
}
function checkComparisonOf(comparison, current, fail, runName = "the results' run") {
  const c = comparison.current;
  if (c.createdAt !== current.createdAt || c.fingerprint !== current.machine.fingerprint) {
    throw fail(
      `is the comparison of the run of ${JSON.stringify(c.createdAt.slice(0, 40))} (fingerprint ${JSON.stringify(c.fingerprint.slice(0, 40))}); expected the comparison of ${runName}, of ${current.createdAt} (fingerprint ${current.machine.fingerprint})`
    );
  }
  if (comparison.kind === "no-baseline") return;
  const stray = comparison.cells.find(
    (cell) => !current.workloads.some(
      (w) => w.id === cell.workload && w.points.some((p) => p.threads === cell.threads)
    )
  );
  if (stray !== void 0) {
    throw fail(
      `has a cell for ${JSON.stringify(stray.workload.slice(0, 80))} at ${stray.threads} threads, which ${runName} did not measure; expected the comparison of ${runName}`
    );
  }
}
function prefix(input, fileName) {
  return input === "" ? `${fileName}: ` : `${input} ${fileName}: `;
}
async function readText(path8, input, maxBytes, expected, place, fail) {
  const text2 = await readBoundedTextIfExists(path8, {
    input: input || "file",
    maxBytes,
    expected,
    fail,
    ...place
  });
  if (text2 === null) throw fail(`${input || "file"} ${path8}: file not found`);
  return text2;
}
var inputError;
var init_documents = __esm({
  "src/contract/documents.ts"() {
    "use strict";
    init_comparison_json();
    init_history();
    init_errors();
    init_bounded_read();
    init_limits();
    init_parse2();
    inputError = (m) => new InputError(m);
  }
});

// src/cli/compare.ts
var compare_exports = {};
__export(compare_exports, {
  COMPARE_HELP: () => COMPARE_HELP,
  COMPARE_OPTIONS: () => COMPARE_OPTIONS,
  compareCommand: () => compareCommand,
  compareSettingsFromFlags: () => compareSettingsFromFlags
});
function compareSettingsFromFlags(argv) {
  const v = parseFlags("compare", argv, COMPARE_OPTIONS);
  const threshold = stringFlag(v, "threshold");
  const gate = stringFlag(v, "gate");
  const normalize = stringFlag(v, "normalize");
  const accept = stringFlag(v, "accept");
  const reason = accept === void 0 ? null : acceptReason(accept);
  if (accept !== void 0 && reason === null) {
    throw invalid("--accept", accept, 'a reason, e.g. --accept "trades 8 % latency for accuracy"');
  }
  return {
    baselinePath: requiredPath(
      v,
      "baseline",
      "a baseline file or a results file from threadgate sweep --json"
    ),
    currentPath: requiredPath(
      v,
      "current",
      "the results file of the run to check (threadgate sweep --json)"
    ),
    jsonPath: stringFlag(v, "json"),
    options: {
      ...threshold === void 0 ? {} : { threshold: parsePercent(threshold, "--threshold") },
      gate: gate === void 0 ? DEFAULT_GATE : parseGateMode(gate, "--gate"),
      force: v["force"] === true,
      ...normalize === void 0 ? {} : { normalize: parseNormalize(normalize, "--normalize") }
    },
    accepted: reason === null ? null : { by: "--accept", reason }
  };
}
async function compareCommand(argv, io) {
  const settings = compareSettingsFromFlags(argv);
  await checkJsonOutput(settings.jsonPath, "--json", [
    { flag: "--baseline", path: settings.baselinePath },
    { flag: "--current", path: settings.currentPath }
  ]);
  const human = io ? { write: io.out, paint: io.paint ?? PLAIN } : humanSink([settings.jsonPath]);
  const current = await readResultFile(settings.currentPath, "--current");
  const parsed = await readBaselineFile(settings.baselinePath);
  const baseline = {
    document: parsed.document,
    source: `file ${settings.baselinePath}`,
    notes: parsed.from === "result" ? [`${settings.baselinePath} is a results file: used as a baseline history of one run`] : []
  };
  const comparison = compareResults(baseline, current, settings.options);
  human.write(`${renderComparison(comparison, human.paint)}
`);
  if (settings.jsonPath !== void 0) {
    await writeJson(settings.jsonPath, toComparisonJson(comparison), "--json");
    if (!isStdout(settings.jsonPath)) human.write(`Comparison written to ${settings.jsonPath}
`);
  }
  const outcome = decideOutcome(comparison, {
    failOnRegression: true,
    accepted: settings.accepted
  });
  if (outcome.waived) human.write(`Not failing: ${outcome.waived}.
`);
  return outcome.fail ? 1 : 0;
}
var COMPARE_OPTIONS, COMPARE_HELP;
var init_compare2 = __esm({
  "src/cli/compare.ts"() {
    "use strict";
    init_outcome();
    init_errors();
    init_compare();
    init_comparison_json();
    init_documents();
    init_compare_terminal();
    init_ansi();
    init_settings();
    init_args();
    init_output();
    COMPARE_OPTIONS = {
      baseline: { type: "string", short: "b" },
      current: { type: "string", short: "c" },
      threshold: { type: "string" },
      json: { type: "string", short: "j" },
      force: { type: "boolean" },
      gate: { type: "string" },
      normalize: { type: "string" },
      accept: { type: "string" }
    };
    COMPARE_HELP = `threadgate compare \u2014 did the current run get slower than the baseline?

Usage:
  threadgate compare -b|--baseline FILE -c|--current FILE [--threshold PERCENT]
                     [-j|--json FILE|-] [--force] [--gate deployed|all]
                     [--normalize auto|none] [--accept REASON]

  -b, --baseline FILE   a baseline history (threadgate baseline add, or the action's) or a
                        results file (a history of one run)
  -c, --current FILE    the results JSON of the run to check (threadgate sweep --json)
  --threshold PERCENT   smallest slowdown that can fail (default ${DEFAULT_THRESHOLD * 100}%)
  --gate deployed|all   gate every common cell (all, the default) or only each workload's
                        recommended and fastest thread counts (deployed)
  --normalize auto|none auto (default): compare each cell relative to the runner-speed
                        reference cell of its run, where both runs and the history have it;
                        none: compare the medians as measured
  --force               compare even if the baseline is from another kind of machine
  --accept REASON       an intended slowdown: a regression is reported with REASON and exits 0
                        (the action's label threadgate: accept or Threadgate-Accept trailer)
  -j, --json FILE       write the comparison JSON (schema/comparison.schema.json); - writes it
                        to standard output, and the table goes to standard error
  -h, --help            this help (also: threadgate help compare)

The verdict is in colour on a terminal (NO_COLOR=1 turns it off, FORCE_COLOR=1 forces it).

Exit codes: 0 pass, inconclusive or no baseline, 1 regression, 2 error.`;
  }
});

// node_modules/graceful-fs/polyfills.js
var require_polyfills = __commonJS({
  "node_modules/graceful-fs/polyfills.js"(exports, module) {
    var constants3 = __require("constants");
    var origCwd = process.cwd;
    var cwd = null;
    var platform = process.env.GRACEFUL_FS_PLATFORM || process.platform;
    process.cwd = function() {
      if (!cwd)
        cwd = origCwd.call(process);
      return cwd;
    };
    try {
      process.cwd();
    } catch (er) {
    }
    if (typeof process.chdir === "function") {
      chdir = process.chdir;
      process.chdir = function(d) {
        cwd = null;
        chdir.call(process, d);
      };
      if (Object.setPrototypeOf) Object.setPrototypeOf(process.chdir, chdir);
    }
    var chdir;
    module.exports = patch;
    function patch(fs) {
      if (constants3.hasOwnProperty("O_SYMLINK") && process.version.match(/^v0\.6\.[0-2]|^v0\.5\./)) {
        patchLchmod(fs);
      }
      if (!fs.lutimes) {
        patchLutimes(fs);
      }
      fs.chown = chownFix(fs.chown);
      fs.fchown = chownFix(fs.fchown);
      fs.lchown = chownFix(fs.lchown);
      fs.chmod = chmodFix(fs.chmod);
      fs.fchmod = chmodFix(fs.fchmod);
      fs.lchmod = chmodFix(fs.lchmod);
      fs.chownSync = chownFixSync(fs.chownSync);
      fs.fchownSync = chownFixSync(fs.fchownSync);
      fs.lchownSync = chownFixSync(fs.lchownSync);
      fs.chmodSync = chmodFixSync(fs.chmodSync);
      fs.fchmodSync = chmodFixSync(fs.fchmodSync);
      fs.lchmodSync = chmodFixSync(fs.lchmodSync);
      fs.stat = statFix(fs.stat);
      fs.fstat = statFix(fs.fstat);
      fs.lstat = statFix(fs.lstat);
      fs.statSync = statFixSync(fs.statSync);
      fs.fstatSync = statFixSync(fs.fstatSync);
      fs.lstatSync = statFixSync(fs.lstatSync);
      if (fs.chmod && !fs.lchmod) {
        fs.lchmod = function(path8, mode, cb) {
          if (cb) process.nextTick(cb);
        };
        fs.lchmodSync = function() {
        };
      }
      if (fs.chown && !fs.lchown) {
        fs.lchown = function(path8, uid, gid, cb) {
          if (cb) process.nextTick(cb);
        };
        fs.lchownSync = function() {
        };
      }
      if (platform === "win32") {
        fs.rename = typeof fs.rename !== "function" ? fs.rename : (function(fs$rename) {
          function rename2(from, to, cb) {
            var start = Date.now();
            var backoff = 0;
            fs$rename(from, to, function CB(er) {
              if (er && (er.code === "EACCES" || er.code === "EPERM" || er.code === "EBUSY") && Date.now() - start < 6e4) {
                setTimeout(function() {
                  fs.stat(to, function(stater, st) {
                    if (stater && stater.code === "ENOENT")
                      fs$rename(from, to, CB);
                    else
                      cb(er);
                  });
                }, backoff);
                if (backoff < 100)
                  backoff += 10;
                return;
              }
              if (cb) cb(er);
            });
          }
          if (Object.setPrototypeOf) Object.setPrototypeOf(rename2, fs$rename);
          return rename2;
        })(fs.rename);
      }
      fs.read = typeof fs.read !== "function" ? fs.read : (function(fs$read) {
        function read(fd, buffer, offset, length, position, callback_) {
          var callback;
          if (callback_ && typeof callback_ === "function") {
            var eagCounter = 0;
            callback = function(er, _, __) {
              if (er && er.code === "EAGAIN" && eagCounter < 10) {
                eagCounter++;
                return fs$read.call(fs, fd, buffer, offset, length, position, callback);
              }
              callback_.apply(this, arguments);
            };
          }
          return fs$read.call(fs, fd, buffer, offset, length, position, callback);
        }
        if (Object.setPrototypeOf) Object.setPrototypeOf(read, fs$read);
        return read;
      })(fs.read);
      fs.readSync = typeof fs.readSync !== "function" ? fs.readSync : /* @__PURE__ */ (function(fs$readSync) {
        return function(fd, buffer, offset, length, position) {
          var eagCounter = 0;
          while (true) {
            try {
              return fs$readSync.call(fs, fd, buffer, offset, length, position);
            } catch (er) {
              if (er.code === "EAGAIN" && eagCounter < 10) {
                eagCounter++;
                continue;
              }
              throw er;
            }
          }
        };
      })(fs.readSync);
      function patchLchmod(fs2) {
        fs2.lchmod = function(path8, mode, callback) {
          fs2.open(
            path8,
            constants3.O_WRONLY | constants3.O_SYMLINK,
            mode,
            function(err, fd) {
              if (err) {
                if (callback) callback(err);
                return;
              }
              fs2.fchmod(fd, mode, function(err2) {
                fs2.close(fd, function(err22) {
                  if (callback) callback(err2 || err22);
                });
              });
            }
          );
        };
        fs2.lchmodSync = function(path8, mode) {
          var fd = fs2.openSync(path8, constants3.O_WRONLY | constants3.O_SYMLINK, mode);
          var threw = true;
          var ret;
          try {
            ret = fs2.fchmodSync(fd, mode);
            threw = false;
          } finally {
            if (threw) {
              try {
                fs2.closeSync(fd);
              } catch (er) {
              }
            } else {
              fs2.closeSync(fd);
            }
          }
          return ret;
        };
      }
      function patchLutimes(fs2) {
        if (constants3.hasOwnProperty("O_SYMLINK") && fs2.futimes) {
          fs2.lutimes = function(path8, at, mt, cb) {
            fs2.open(path8, constants3.O_SYMLINK, function(er, fd) {
              if (er) {
                if (cb) cb(er);
                return;
              }
              fs2.futimes(fd, at, mt, function(er2) {
                fs2.close(fd, function(er22) {
                  if (cb) cb(er2 || er22);
                });
              });
            });
          };
          fs2.lutimesSync = function(path8, at, mt) {
            var fd = fs2.openSync(path8, constants3.O_SYMLINK);
            var ret;
            var threw = true;
            try {
              ret = fs2.futimesSync(fd, at, mt);
              threw = false;
            } finally {
              if (threw) {
                try {
                  fs2.closeSync(fd);
                } catch (er) {
                }
              } else {
                fs2.closeSync(fd);
              }
            }
            return ret;
          };
        } else if (fs2.futimes) {
          fs2.lutimes = function(_a, _b, _c, cb) {
            if (cb) process.nextTick(cb);
          };
          fs2.lutimesSync = function() {
          };
        }
      }
      function chmodFix(orig) {
        if (!orig) return orig;
        return function(target, mode, cb) {
          return orig.call(fs, target, mode, function(er) {
            if (chownErOk(er)) er = null;
            if (cb) cb.apply(this, arguments);
          });
        };
      }
      function chmodFixSync(orig) {
        if (!orig) return orig;
        return function(target, mode) {
          try {
            return orig.call(fs, target, mode);
          } catch (er) {
            if (!chownErOk(er)) throw er;
          }
        };
      }
      function chownFix(orig) {
        if (!orig) return orig;
        return function(target, uid, gid, cb) {
          return orig.call(fs, target, uid, gid, function(er) {
            if (chownErOk(er)) er = null;
            if (cb) cb.apply(this, arguments);
          });
        };
      }
      function chownFixSync(orig) {
        if (!orig) return orig;
        return function(target, uid, gid) {
          try {
            return orig.call(fs, target, uid, gid);
          } catch (er) {
            if (!chownErOk(er)) throw er;
          }
        };
      }
      function statFix(orig) {
        if (!orig) return orig;
        return function(target, options, cb) {
          if (typeof options === "function") {
            cb = options;
            options = null;
          }
          function callback(er, stats) {
            if (stats) {
              if (stats.uid < 0) stats.uid += 4294967296;
              if (stats.gid < 0) stats.gid += 4294967296;
            }
            if (cb) cb.apply(this, arguments);
          }
          return options ? orig.call(fs, target, options, callback) : orig.call(fs, target, callback);
        };
      }
      function statFixSync(orig) {
        if (!orig) return orig;
        return function(target, options) {
          var stats = options ? orig.call(fs, target, options) : orig.call(fs, target);
          if (stats) {
            if (stats.uid < 0) stats.uid += 4294967296;
            if (stats.gid < 0) stats.gid += 4294967296;
          }
          return stats;
        };
      }
      function chownErOk(er) {
        if (!er)
          return true;
        if (er.code === "ENOSYS")
          return true;
        var nonroot = !process.getuid || process.getuid() !== 0;
        if (nonroot) {
          if (er.code === "EINVAL" || er.code === "EPERM")
            return true;
        }
        return false;
      }
    }
  }
});

// node_modules/graceful-fs/legacy-streams.js
var require_legacy_streams = __commonJS({
  "node_modules/graceful-fs/legacy-streams.js"(exports, module) {
    var Stream = __require("stream").Stream;
    module.exports = legacy;
    function legacy(fs) {
      return {
        ReadStream,
        WriteStream
      };
      function ReadStream(path8, options) {
        if (!(this instanceof ReadStream)) return new ReadStream(path8, options);
        Stream.call(this);
        var self2 = this;
        this.path = path8;
        this.fd = null;
        this.readable = true;
        this.paused = false;
        this.flags = "r";
        this.mode = 438;
        this.bufferSize = 64 * 1024;
        options = options || {};
        var keys = Object.keys(options);
        for (var index2 = 0, length = keys.length; index2 < length; index2++) {
          var key = keys[index2];
          this[key] = options[key];
        }
        if (this.encoding) this.setEncoding(this.encoding);
        if (this.start !== void 0) {
          if ("number" !== typeof this.start) {
            throw TypeError("start must be a Number");
          }
          if (this.end === void 0) {
            this.end = Infinity;
          } else if ("number" !== typeof this.end) {
            throw TypeError("end must be a Number");
          }
          if (this.start > this.end) {
            throw new Error("start must be <= end");
          }
          this.pos = this.start;
        }
        if (this.fd !== null) {
          process.nextTick(function() {
            self2._read();
          });
          return;
        }
        fs.open(this.path, this.flags, this.mode, function(err, fd) {
          if (err) {
            self2.emit("error", err);
            self2.readable = false;
            return;
          }
          self2.fd = fd;
          self2.emit("open", fd);
          self2._read();
        });
      }
      function WriteStream(path8, options) {
        if (!(this instanceof WriteStream)) return new WriteStream(path8, options);
        Stream.call(this);
        this.path = path8;
        this.fd = null;
        this.writable = true;
        this.flags = "w";
        this.encoding = "binary";
        this.mode = 438;
        this.bytesWritten = 0;
        options = options || {};
        var keys = Object.keys(options);
        for (var index2 = 0, length = keys.length; index2 < length; index2++) {
          var key = keys[index2];
          this[key] = options[key];
        }
        if (this.start !== void 0) {
          if ("number" !== typeof this.start) {
            throw TypeError("start must be a Number");
          }
          if (this.start < 0) {
            throw new Error("start must be >= zero");
          }
          this.pos = this.start;
        }
        this.busy = false;
        this._queue = [];
        if (this.fd === null) {
          this._open = fs.open;
          this._queue.push([this._open, this.path, this.flags, this.mode, void 0]);
          this.flush();
        }
      }
    }
  }
});

// node_modules/graceful-fs/clone.js
var require_clone = __commonJS({
  "node_modules/graceful-fs/clone.js"(exports, module) {
    "use strict";
    module.exports = clone;
    var getPrototypeOf = Object.getPrototypeOf || function(obj) {
      return obj.__proto__;
    };
    function clone(obj) {
      if (obj === null || typeof obj !== "object")
        return obj;
      if (obj instanceof Object)
        var copy = { __proto__: getPrototypeOf(obj) };
      else
        var copy = /* @__PURE__ */ Object.create(null);
      Object.getOwnPropertyNames(obj).forEach(function(key) {
        Object.defineProperty(copy, key, Object.getOwnPropertyDescriptor(obj, key));
      });
      return copy;
    }
  }
});

// node_modules/graceful-fs/graceful-fs.js
var require_graceful_fs = __commonJS({
  "node_modules/graceful-fs/graceful-fs.js"(exports, module) {
    var fs = __require("fs");
    var polyfills = require_polyfills();
    var legacy = require_legacy_streams();
    var clone = require_clone();
    var util = __require("util");
    var gracefulQueue;
    var previousSymbol;
    if (typeof Symbol === "function" && typeof Symbol.for === "function") {
      gracefulQueue = /* @__PURE__ */ Symbol.for("graceful-fs.queue");
      previousSymbol = /* @__PURE__ */ Symbol.for("graceful-fs.previous");
    } else {
      gracefulQueue = "___graceful-fs.queue";
      previousSymbol = "___graceful-fs.previous";
    }
    function noop() {
    }
    function publishQueue(context, queue2) {
      Object.defineProperty(context, gracefulQueue, {
        get: function() {
          return queue2;
        }
      });
    }
    var debug = noop;
    if (util.debuglog)
      debug = util.debuglog("gfs4");
    else if (/\bgfs4\b/i.test(process.env.NODE_DEBUG || ""))
      debug = function() {
        var m = util.format.apply(util, arguments);
        m = "GFS4: " + m.split(/\n/).join("\nGFS4: ");
        console.error(m);
      };
    if (!fs[gracefulQueue]) {
      queue = global[gracefulQueue] || [];
      publishQueue(fs, queue);
      fs.close = (function(fs$close) {
        function close(fd, cb) {
          return fs$close.call(fs, fd, function(err) {
            if (!err) {
              resetQueue();
            }
            if (typeof cb === "function")
              cb.apply(this, arguments);
          });
        }
        Object.defineProperty(close, previousSymbol, {
          value: fs$close
        });
        return close;
      })(fs.close);
      fs.closeSync = (function(fs$closeSync) {
        function closeSync(fd) {
          fs$closeSync.apply(fs, arguments);
          resetQueue();
        }
        Object.defineProperty(closeSync, previousSymbol, {
          value: fs$closeSync
        });
        return closeSync;
      })(fs.closeSync);
      if (/\bgfs4\b/i.test(process.env.NODE_DEBUG || "")) {
        process.on("exit", function() {
          debug(fs[gracefulQueue]);
          __require("assert").equal(fs[gracefulQueue].length, 0);
        });
      }
    }
    var queue;
    if (!global[gracefulQueue]) {
      publishQueue(global, fs[gracefulQueue]);
    }
    module.exports = patch(clone(fs));
    if (process.env.TEST_GRACEFUL_FS_GLOBAL_PATCH && !fs.__patched) {
      module.exports = patch(fs);
      fs.__patched = true;
    }
    function patch(fs2) {
      polyfills(fs2);
      fs2.gracefulify = patch;
      fs2.createReadStream = createReadStream;
      fs2.createWriteStream = createWriteStream;
      var fs$readFile = fs2.readFile;
      fs2.readFile = readFile;
      function readFile(path8, options, cb) {
        if (typeof options === "function")
          cb = options, options = null;
        return go$readFile(path8, options, cb);
        function go$readFile(path9, options2, cb2, startTime) {
          return fs$readFile(path9, options2, function(err) {
            if (err && (err.code === "EMFILE" || err.code === "ENFILE"))
              enqueue([go$readFile, [path9, options2, cb2], err, startTime || Date.now(), Date.now()]);
            else {
              if (typeof cb2 === "function")
                cb2.apply(this, arguments);
            }
          });
        }
      }
      var fs$writeFile = fs2.writeFile;
      fs2.writeFile = writeFile;
      function writeFile(path8, data, options, cb) {
        if (typeof options === "function")
          cb = options, options = null;
        return go$writeFile(path8, data, options, cb);
        function go$writeFile(path9, data2, options2, cb2, startTime) {
          return fs$writeFile(path9, data2, options2, function(err) {
            if (err && (err.code === "EMFILE" || err.code === "ENFILE"))
              enqueue([go$writeFile, [path9, data2, options2, cb2], err, startTime || Date.now(), Date.now()]);
            else {
              if (typeof cb2 === "function")
                cb2.apply(this, arguments);
            }
          });
        }
      }
      var fs$appendFile = fs2.appendFile;
      if (fs$appendFile)
        fs2.appendFile = appendFile;
      function appendFile(path8, data, options, cb) {
        if (typeof options === "function")
          cb = options, options = null;
        return go$appendFile(path8, data, options, cb);
        function go$appendFile(path9, data2, options2, cb2, startTime) {
          return fs$appendFile(path9, data2, options2, function(err) {
            if (err && (err.code === "EMFILE" || err.code === "ENFILE"))
              enqueue([go$appendFile, [path9, data2, options2, cb2], err, startTime || Date.now(), Date.now()]);
            else {
              if (typeof cb2 === "function")
                cb2.apply(this, arguments);
            }
          });
        }
      }
      var fs$copyFile = fs2.copyFile;
      if (fs$copyFile)
        fs2.copyFile = copyFile2;
      function copyFile2(src, dest, flags, cb) {
        if (typeof flags === "function") {
          cb = flags;
          flags = 0;
        }
        return go$copyFile(src, dest, flags, cb);
        function go$copyFile(src2, dest2, flags2, cb2, startTime) {
          return fs$copyFile(src2, dest2, flags2, function(err) {
            if (err && (err.code === "EMFILE" || err.code === "ENFILE"))
              enqueue([go$copyFile, [src2, dest2, flags2, cb2], err, startTime || Date.now(), Date.now()]);
            else {
              if (typeof cb2 === "function")
                cb2.apply(this, arguments);
            }
          });
        }
      }
      var fs$readdir = fs2.readdir;
      fs2.readdir = readdir3;
      var noReaddirOptionVersions = /^v[0-5]\./;
      function readdir3(path8, options, cb) {
        if (typeof options === "function")
          cb = options, options = null;
        var go$readdir = noReaddirOptionVersions.test(process.version) ? function go$readdir2(path9, options2, cb2, startTime) {
          return fs$readdir(path9, fs$readdirCallback(
            path9,
            options2,
            cb2,
            startTime
          ));
        } : function go$readdir2(path9, options2, cb2, startTime) {
          return fs$readdir(path9, options2, fs$readdirCallback(
            path9,
            options2,
            cb2,
            startTime
          ));
        };
        return go$readdir(path8, options, cb);
        function fs$readdirCallback(path9, options2, cb2, startTime) {
          return function(err, files) {
            if (err && (err.code === "EMFILE" || err.code === "ENFILE"))
              enqueue([
                go$readdir,
                [path9, options2, cb2],
                err,
                startTime || Date.now(),
                Date.now()
              ]);
            else {
              if (files && files.sort)
                files.sort();
              if (typeof cb2 === "function")
                cb2.call(this, err, files);
            }
          };
        }
      }
      if (process.version.substr(0, 4) === "v0.8") {
        var legStreams = legacy(fs2);
        ReadStream = legStreams.ReadStream;
        WriteStream = legStreams.WriteStream;
      }
      var fs$ReadStream = fs2.ReadStream;
      if (fs$ReadStream) {
        ReadStream.prototype = Object.create(fs$ReadStream.prototype);
        ReadStream.prototype.open = ReadStream$open;
      }
      var fs$WriteStream = fs2.WriteStream;
      if (fs$WriteStream) {
        WriteStream.prototype = Object.create(fs$WriteStream.prototype);
        WriteStream.prototype.open = WriteStream$open;
      }
      Object.defineProperty(fs2, "ReadStream", {
        get: function() {
          return ReadStream;
        },
        set: function(val) {
          ReadStream = val;
        },
        enumerable: true,
        configurable: true
      });
      Object.defineProperty(fs2, "WriteStream", {
        get: function() {
          return WriteStream;
        },
        set: function(val) {
          WriteStream = val;
        },
        enumerable: true,
        configurable: true
      });
      var FileReadStream = ReadStream;
      Object.defineProperty(fs2, "FileReadStream", {
        get: function() {
          return FileReadStream;
        },
        set: function(val) {
          FileReadStream = val;
        },
        enumerable: true,
        configurable: true
      });
      var FileWriteStream = WriteStream;
      Object.defineProperty(fs2, "FileWriteStream", {
        get: function() {
          return FileWriteStream;
        },
        set: function(val) {
          FileWriteStream = val;
        },
        enumerable: true,
        configurable: true
      });
      function ReadStream(path8, options) {
        if (this instanceof ReadStream)
          return fs$ReadStream.apply(this, arguments), this;
        else
          return ReadStream.apply(Object.create(ReadStream.prototype), arguments);
      }
      function ReadStream$open() {
        var that = this;
        open3(that.path, that.flags, that.mode, function(err, fd) {
          if (err) {
            if (that.autoClose)
              that.destroy();
            that.emit("error", err);
          } else {
            that.fd = fd;
            that.emit("open", fd);
            that.read();
          }
        });
      }
      function WriteStream(path8, options) {
        if (this instanceof WriteStream)
          return fs$WriteStream.apply(this, arguments), this;
        else
          return WriteStream.apply(Object.create(WriteStream.prototype), arguments);
      }
      function WriteStream$open() {
        var that = this;
        open3(that.path, that.flags, that.mode, function(err, fd) {
          if (err) {
            that.destroy();
            that.emit("error", err);
          } else {
            that.fd = fd;
            that.emit("open", fd);
          }
        });
      }
      function createReadStream(path8, options) {
        return new fs2.ReadStream(path8, options);
      }
      function createWriteStream(path8, options) {
        return new fs2.WriteStream(path8, options);
      }
      var fs$open = fs2.open;
      fs2.open = open3;
      function open3(path8, flags, mode, cb) {
        if (typeof mode === "function")
          cb = mode, mode = null;
        return go$open(path8, flags, mode, cb);
        function go$open(path9, flags2, mode2, cb2, startTime) {
          return fs$open(path9, flags2, mode2, function(err, fd) {
            if (err && (err.code === "EMFILE" || err.code === "ENFILE"))
              enqueue([go$open, [path9, flags2, mode2, cb2], err, startTime || Date.now(), Date.now()]);
            else {
              if (typeof cb2 === "function")
                cb2.apply(this, arguments);
            }
          });
        }
      }
      return fs2;
    }
    function enqueue(elem) {
      debug("ENQUEUE", elem[0].name, elem[1]);
      fs[gracefulQueue].push(elem);
      retry();
    }
    var retryTimer;
    function resetQueue() {
      var now = Date.now();
      for (var i = 0; i < fs[gracefulQueue].length; ++i) {
        if (fs[gracefulQueue][i].length > 2) {
          fs[gracefulQueue][i][3] = now;
          fs[gracefulQueue][i][4] = now;
        }
      }
      retry();
    }
    function retry() {
      clearTimeout(retryTimer);
      retryTimer = void 0;
      if (fs[gracefulQueue].length === 0)
        return;
      var elem = fs[gracefulQueue].shift();
      var fn = elem[0];
      var args = elem[1];
      var err = elem[2];
      var startTime = elem[3];
      var lastTime = elem[4];
      if (startTime === void 0) {
        debug("RETRY", fn.name, args);
        fn.apply(null, args);
      } else if (Date.now() - startTime >= 6e4) {
        debug("TIMEOUT", fn.name, args);
        var cb = args.pop();
        if (typeof cb === "function")
          cb.call(null, err);
      } else {
        var sinceAttempt = Date.now() - lastTime;
        var sinceStart = Math.max(lastTime - startTime, 1);
        var desiredDelay = Math.min(sinceStart * 1.2, 100);
        if (sinceAttempt >= desiredDelay) {
          debug("RETRY", fn.name, args);
          fn.apply(null, args.concat([startTime]));
        } else {
          fs[gracefulQueue].push(elem);
        }
      }
      if (retryTimer === void 0) {
        retryTimer = setTimeout(retry, 0);
      }
    }
  }
});

// node_modules/retry/lib/retry_operation.js
var require_retry_operation = __commonJS({
  "node_modules/retry/lib/retry_operation.js"(exports, module) {
    function RetryOperation(timeouts, options) {
      if (typeof options === "boolean") {
        options = { forever: options };
      }
      this._originalTimeouts = JSON.parse(JSON.stringify(timeouts));
      this._timeouts = timeouts;
      this._options = options || {};
      this._maxRetryTime = options && options.maxRetryTime || Infinity;
      this._fn = null;
      this._errors = [];
      this._attempts = 1;
      this._operationTimeout = null;
      this._operationTimeoutCb = null;
      this._timeout = null;
      this._operationStart = null;
      if (this._options.forever) {
        this._cachedTimeouts = this._timeouts.slice(0);
      }
    }
    module.exports = RetryOperation;
    RetryOperation.prototype.reset = function() {
      this._attempts = 1;
      this._timeouts = this._originalTimeouts;
    };
    RetryOperation.prototype.stop = function() {
      if (this._timeout) {
        clearTimeout(this._timeout);
      }
      this._timeouts = [];
      this._cachedTimeouts = null;
    };
    RetryOperation.prototype.retry = function(err) {
      if (this._timeout) {
        clearTimeout(this._timeout);
      }
      if (!err) {
        return false;
      }
      var currentTime = (/* @__PURE__ */ new Date()).getTime();
      if (err && currentTime - this._operationStart >= this._maxRetryTime) {
        this._errors.unshift(new Error("RetryOperation timeout occurred"));
        return false;
      }
      this._errors.push(err);
      var timeout = this._timeouts.shift();
      if (timeout === void 0) {
        if (this._cachedTimeouts) {
          this._errors.splice(this._errors.length - 1, this._errors.length);
          this._timeouts = this._cachedTimeouts.slice(0);
          timeout = this._timeouts.shift();
        } else {
          return false;
        }
      }
      var self2 = this;
      var timer = setTimeout(function() {
        self2._attempts++;
        if (self2._operationTimeoutCb) {
          self2._timeout = setTimeout(function() {
            self2._operationTimeoutCb(self2._attempts);
          }, self2._operationTimeout);
          if (self2._options.unref) {
            self2._timeout.unref();
          }
        }
        self2._fn(self2._attempts);
      }, timeout);
      if (this._options.unref) {
        timer.unref();
      }
      return true;
    };
    RetryOperation.prototype.attempt = function(fn, timeoutOps) {
      this._fn = fn;
      if (timeoutOps) {
        if (timeoutOps.timeout) {
          this._operationTimeout = timeoutOps.timeout;
        }
        if (timeoutOps.cb) {
          this._operationTimeoutCb = timeoutOps.cb;
        }
      }
      var self2 = this;
      if (this._operationTimeoutCb) {
        this._timeout = setTimeout(function() {
          self2._operationTimeoutCb();
        }, self2._operationTimeout);
      }
      this._operationStart = (/* @__PURE__ */ new Date()).getTime();
      this._fn(this._attempts);
    };
    RetryOperation.prototype.try = function(fn) {
      console.log("Using RetryOperation.try() is deprecated");
      this.attempt(fn);
    };
    RetryOperation.prototype.start = function(fn) {
      console.log("Using RetryOperation.start() is deprecated");
      this.attempt(fn);
    };
    RetryOperation.prototype.start = RetryOperation.prototype.try;
    RetryOperation.prototype.errors = function() {
      return this._errors;
    };
    RetryOperation.prototype.attempts = function() {
      return this._attempts;
    };
    RetryOperation.prototype.mainError = function() {
      if (this._errors.length === 0) {
        return null;
      }
      var counts = {};
      var mainError = null;
      var mainErrorCount = 0;
      for (var i = 0; i < this._errors.length; i++) {
        var error2 = this._errors[i];
        var message = error2.message;
        var count2 = (counts[message] || 0) + 1;
        counts[message] = count2;
        if (count2 >= mainErrorCount) {
          mainError = error2;
          mainErrorCount = count2;
        }
      }
      return mainError;
    };
  }
});

// node_modules/retry/lib/retry.js
var require_retry = __commonJS({
  "node_modules/retry/lib/retry.js"(exports) {
    var RetryOperation = require_retry_operation();
    exports.operation = function(options) {
      var timeouts = exports.timeouts(options);
      return new RetryOperation(timeouts, {
        forever: options && options.forever,
        unref: options && options.unref,
        maxRetryTime: options && options.maxRetryTime
      });
    };
    exports.timeouts = function(options) {
      if (options instanceof Array) {
        return [].concat(options);
      }
      var opts = {
        retries: 10,
        factor: 2,
        minTimeout: 1 * 1e3,
        maxTimeout: Infinity,
        randomize: false
      };
      for (var key in options) {
        opts[key] = options[key];
      }
      if (opts.minTimeout > opts.maxTimeout) {
        throw new Error("minTimeout is greater than maxTimeout");
      }
      var timeouts = [];
      for (var i = 0; i < opts.retries; i++) {
        timeouts.push(this.createTimeout(i, opts));
      }
      if (options && options.forever && !timeouts.length) {
        timeouts.push(this.createTimeout(i, opts));
      }
      timeouts.sort(function(a, b) {
        return a - b;
      });
      return timeouts;
    };
    exports.createTimeout = function(attempt, opts) {
      var random = opts.randomize ? Math.random() + 1 : 1;
      var timeout = Math.round(random * opts.minTimeout * Math.pow(opts.factor, attempt));
      timeout = Math.min(timeout, opts.maxTimeout);
      return timeout;
    };
    exports.wrap = function(obj, options, methods) {
      if (options instanceof Array) {
        methods = options;
        options = null;
      }
      if (!methods) {
        methods = [];
        for (var key in obj) {
          if (typeof obj[key] === "function") {
            methods.push(key);
          }
        }
      }
      for (var i = 0; i < methods.length; i++) {
        var method = methods[i];
        var original = obj[method];
        obj[method] = function retryWrapper(original2) {
          var op = exports.operation(options);
          var args = Array.prototype.slice.call(arguments, 1);
          var callback = args.pop();
          args.push(function(err) {
            if (op.retry(err)) {
              return;
            }
            if (err) {
              arguments[0] = op.mainError();
            }
            callback.apply(this, arguments);
          });
          op.attempt(function() {
            original2.apply(obj, args);
          });
        }.bind(obj, original);
        obj[method].options = options;
      }
    };
  }
});

// node_modules/retry/index.js
var require_retry2 = __commonJS({
  "node_modules/retry/index.js"(exports, module) {
    module.exports = require_retry();
  }
});

// node_modules/signal-exit/signals.js
var require_signals = __commonJS({
  "node_modules/signal-exit/signals.js"(exports, module) {
    module.exports = [
      "SIGABRT",
      "SIGALRM",
      "SIGHUP",
      "SIGINT",
      "SIGTERM"
    ];
    if (process.platform !== "win32") {
      module.exports.push(
        "SIGVTALRM",
        "SIGXCPU",
        "SIGXFSZ",
        "SIGUSR2",
        "SIGTRAP",
        "SIGSYS",
        "SIGQUIT",
        "SIGIOT"
        // should detect profiler and enable/disable accordingly.
        // see #21
        // 'SIGPROF'
      );
    }
    if (process.platform === "linux") {
      module.exports.push(
        "SIGIO",
        "SIGPOLL",
        "SIGPWR",
        "SIGSTKFLT",
        "SIGUNUSED"
      );
    }
  }
});

// node_modules/signal-exit/index.js
var require_signal_exit = __commonJS({
  "node_modules/signal-exit/index.js"(exports, module) {
    var process2 = global.process;
    var processOk = function(process3) {
      return process3 && typeof process3 === "object" && typeof process3.removeListener === "function" && typeof process3.emit === "function" && typeof process3.reallyExit === "function" && typeof process3.listeners === "function" && typeof process3.kill === "function" && typeof process3.pid === "number" && typeof process3.on === "function";
    };
    if (!processOk(process2)) {
      module.exports = function() {
        return function() {
        };
      };
    } else {
      assert = __require("assert");
      signals = require_signals();
      isWin = /^win/i.test(process2.platform);
      EE = __require("events");
      if (typeof EE !== "function") {
        EE = EE.EventEmitter;
      }
      if (process2.__signal_exit_emitter__) {
        emitter = process2.__signal_exit_emitter__;
      } else {
        emitter = process2.__signal_exit_emitter__ = new EE();
        emitter.count = 0;
        emitter.emitted = {};
      }
      if (!emitter.infinite) {
        emitter.setMaxListeners(Infinity);
        emitter.infinite = true;
      }
      module.exports = function(cb, opts) {
        if (!processOk(global.process)) {
          return function() {
          };
        }
        assert.equal(typeof cb, "function", "a callback must be provided for exit handler");
        if (loaded2 === false) {
          load();
        }
        var ev = "exit";
        if (opts && opts.alwaysLast) {
          ev = "afterexit";
        }
        var remove = function() {
          emitter.removeListener(ev, cb);
          if (emitter.listeners("exit").length === 0 && emitter.listeners("afterexit").length === 0) {
            unload();
          }
        };
        emitter.on(ev, cb);
        return remove;
      };
      unload = function unload2() {
        if (!loaded2 || !processOk(global.process)) {
          return;
        }
        loaded2 = false;
        signals.forEach(function(sig) {
          try {
            process2.removeListener(sig, sigListeners[sig]);
          } catch (er) {
          }
        });
        process2.emit = originalProcessEmit;
        process2.reallyExit = originalProcessReallyExit;
        emitter.count -= 1;
      };
      module.exports.unload = unload;
      emit = function emit2(event, code, signal) {
        if (emitter.emitted[event]) {
          return;
        }
        emitter.emitted[event] = true;
        emitter.emit(event, code, signal);
      };
      sigListeners = {};
      signals.forEach(function(sig) {
        sigListeners[sig] = function listener() {
          if (!processOk(global.process)) {
            return;
          }
          var listeners = process2.listeners(sig);
          if (listeners.length === emitter.count) {
            unload();
            emit("exit", null, sig);
            emit("afterexit", null, sig);
            if (isWin && sig === "SIGHUP") {
              sig = "SIGINT";
            }
            process2.kill(process2.pid, sig);
          }
        };
      });
      module.exports.signals = function() {
        return signals;
      };
      loaded2 = false;
      load = function load2() {
        if (loaded2 || !processOk(global.process)) {
          return;
        }
        loaded2 = true;
        emitter.count += 1;
        signals = signals.filter(function(sig) {
          try {
            process2.on(sig, sigListeners[sig]);
            return true;
          } catch (er) {
            return false;
          }
        });
        process2.emit = processEmit;
        process2.reallyExit = processReallyExit;
      };
      module.exports.load = load;
      originalProcessReallyExit = process2.reallyExit;
      processReallyExit = function processReallyExit2(code) {
        if (!processOk(global.process)) {
          return;
        }
        process2.exitCode = code || /* istanbul ignore next */
        0;
        emit("exit", process2.exitCode, null);
        emit("afterexit", process2.exitCode, null);
        originalProcessReallyExit.call(process2, process2.exitCode);
      };
      originalProcessEmit = process2.emit;
      processEmit = function processEmit2(ev, arg) {
        if (ev === "exit" && processOk(global.process)) {
          if (arg !== void 0) {
            process2.exitCode = arg;
          }
          var ret = originalProcessEmit.apply(this, arguments);
          emit("exit", process2.exitCode, null);
          emit("afterexit", process2.exitCode, null);
          return ret;
        } else {
          return originalProcessEmit.apply(this, arguments);
        }
      };
    }
    var assert;
    var signals;
    var isWin;
    var EE;
    var emitter;
    var unload;
    var emit;
    var sigListeners;
    var loaded2;
    var load;
    var originalProcessReallyExit;
    var processReallyExit;
    var originalProcessEmit;
    var processEmit;
  }
});

// node_modules/proper-lockfile/lib/mtime-precision.js
var require_mtime_precision = __commonJS({
  "node_modules/proper-lockfile/lib/mtime-precision.js"(exports, module) {
    "use strict";
    var cacheSymbol = /* @__PURE__ */ Symbol();
    function probe2(file, fs, callback) {
      const cachedPrecision = fs[cacheSymbol];
      if (cachedPrecision) {
        return fs.stat(file, (err, stat4) => {
          if (err) {
            return callback(err);
          }
          callback(null, stat4.mtime, cachedPrecision);
        });
      }
      const mtime = new Date(Math.ceil(Date.now() / 1e3) * 1e3 + 5);
      fs.utimes(file, mtime, mtime, (err) => {
        if (err) {
          return callback(err);
        }
        fs.stat(file, (err2, stat4) => {
          if (err2) {
            return callback(err2);
          }
          const precision = stat4.mtime.getTime() % 1e3 === 0 ? "s" : "ms";
          Object.defineProperty(fs, cacheSymbol, { value: precision });
          callback(null, stat4.mtime, precision);
        });
      });
    }
    function getMtime(precision) {
      let now = Date.now();
      if (precision === "s") {
        now = Math.ceil(now / 1e3) * 1e3;
      }
      return new Date(now);
    }
    module.exports.probe = probe2;
    module.exports.getMtime = getMtime;
  }
});

// node_modules/proper-lockfile/lib/lockfile.js
var require_lockfile = __commonJS({
  "node_modules/proper-lockfile/lib/lockfile.js"(exports, module) {
    "use strict";
    var path8 = __require("path");
    var fs = require_graceful_fs();
    var retry = require_retry2();
    var onExit = require_signal_exit();
    var mtimePrecision = require_mtime_precision();
    var locks = {};
    function getLockFile(file, options) {
      return options.lockfilePath || `${file}.lock`;
    }
    function resolveCanonicalPath(file, options, callback) {
      if (!options.realpath) {
        return callback(null, path8.resolve(file));
      }
      options.fs.realpath(file, callback);
    }
    function acquireLock(file, options, callback) {
      const lockfilePath = getLockFile(file, options);
      options.fs.mkdir(lockfilePath, (err) => {
        if (!err) {
          return mtimePrecision.probe(lockfilePath, options.fs, (err2, mtime, mtimePrecision2) => {
            if (err2) {
              options.fs.rmdir(lockfilePath, () => {
              });
              return callback(err2);
            }
            callback(null, mtime, mtimePrecision2);
          });
        }
        if (err.code !== "EEXIST") {
          return callback(err);
        }
        if (options.stale <= 0) {
          return callback(Object.assign(new Error("Lock file is already being held"), { code: "ELOCKED", file }));
        }
        options.fs.stat(lockfilePath, (err2, stat4) => {
          if (err2) {
            if (err2.code === "ENOENT") {
              return acquireLock(file, { ...options, stale: 0 }, callback);
            }
            return callback(err2);
          }
          if (!isLockStale(stat4, options)) {
            return callback(Object.assign(new Error("Lock file is already being held"), { code: "ELOCKED", file }));
          }
          removeLock(file, options, (err3) => {
            if (err3) {
              return callback(err3);
            }
            acquireLock(file, { ...options, stale: 0 }, callback);
          });
        });
      });
    }
    function isLockStale(stat4, options) {
      return stat4.mtime.getTime() < Date.now() - options.stale;
    }
    function removeLock(file, options, callback) {
      options.fs.rmdir(getLockFile(file, options), (err) => {
        if (err && err.code !== "ENOENT") {
          return callback(err);
        }
        callback();
      });
    }
    function updateLock(file, options) {
      const lock2 = locks[file];
      if (lock2.updateTimeout) {
        return;
      }
      lock2.updateDelay = lock2.updateDelay || options.update;
      lock2.updateTimeout = setTimeout(() => {
        lock2.updateTimeout = null;
        options.fs.stat(lock2.lockfilePath, (err, stat4) => {
          const isOverThreshold = lock2.lastUpdate + options.stale < Date.now();
          if (err) {
            if (err.code === "ENOENT" || isOverThreshold) {
              return setLockAsCompromised(file, lock2, Object.assign(err, { code: "ECOMPROMISED" }));
            }
            lock2.updateDelay = 1e3;
            return updateLock(file, options);
          }
          const isMtimeOurs = lock2.mtime.getTime() === stat4.mtime.getTime();
          if (!isMtimeOurs) {
            return setLockAsCompromised(
              file,
              lock2,
              Object.assign(
                new Error("Unable to update lock within the stale threshold"),
                { code: "ECOMPROMISED" }
              )
            );
          }
          const mtime = mtimePrecision.getMtime(lock2.mtimePrecision);
          options.fs.utimes(lock2.lockfilePath, mtime, mtime, (err2) => {
            const isOverThreshold2 = lock2.lastUpdate + options.stale < Date.now();
            if (lock2.released) {
              return;
            }
            if (err2) {
              if (err2.code === "ENOENT" || isOverThreshold2) {
                return setLockAsCompromised(file, lock2, Object.assign(err2, { code: "ECOMPROMISED" }));
              }
              lock2.updateDelay = 1e3;
              return updateLock(file, options);
            }
            lock2.mtime = mtime;
            lock2.lastUpdate = Date.now();
            lock2.updateDelay = null;
            updateLock(file, options);
          });
        });
      }, lock2.updateDelay);
      if (lock2.updateTimeout.unref) {
        lock2.updateTimeout.unref();
      }
    }
    function setLockAsCompromised(file, lock2, err) {
      lock2.released = true;
      if (lock2.updateTimeout) {
        clearTimeout(lock2.updateTimeout);
      }
      if (locks[file] === lock2) {
        delete locks[file];
      }
      lock2.options.onCompromised(err);
    }
    function lock(file, options, callback) {
      options = {
        stale: 1e4,
        update: null,
        realpath: true,
        retries: 0,
        fs,
        onCompromised: (err) => {
          throw err;
        },
        ...options
      };
      options.retries = options.retries || 0;
      options.retries = typeof options.retries === "number" ? { retries: options.retries } : options.retries;
      options.stale = Math.max(options.stale || 0, 2e3);
      options.update = options.update == null ? options.stale / 2 : options.update || 0;
      options.update = Math.max(Math.min(options.update, options.stale / 2), 1e3);
      resolveCanonicalPath(file, options, (err, file2) => {
        if (err) {
          return callback(err);
        }
        const operation = retry.operation(options.retries);
        operation.attempt(() => {
          acquireLock(file2, options, (err2, mtime, mtimePrecision2) => {
            if (operation.retry(err2)) {
              return;
            }
            if (err2) {
              return callback(operation.mainError());
            }
            const lock2 = locks[file2] = {
              lockfilePath: getLockFile(file2, options),
              mtime,
              mtimePrecision: mtimePrecision2,
              options,
              lastUpdate: Date.now()
            };
            updateLock(file2, options);
            callback(null, (releasedCallback) => {
              if (lock2.released) {
                return releasedCallback && releasedCallback(Object.assign(new Error("Lock is already released"), { code: "ERELEASED" }));
              }
              unlock(file2, { ...options, realpath: false }, releasedCallback);
            });
          });
        });
      });
    }
    function unlock(file, options, callback) {
      options = {
        fs,
        realpath: true,
        ...options
      };
      resolveCanonicalPath(file, options, (err, file2) => {
        if (err) {
          return callback(err);
        }
        const lock2 = locks[file2];
        if (!lock2) {
          return callback(Object.assign(new Error("Lock is not acquired/owned by you"), { code: "ENOTACQUIRED" }));
        }
        lock2.updateTimeout && clearTimeout(lock2.updateTimeout);
        lock2.released = true;
        delete locks[file2];
        removeLock(file2, options, callback);
      });
    }
    function check2(file, options, callback) {
      options = {
        stale: 1e4,
        realpath: true,
        fs,
        ...options
      };
      options.stale = Math.max(options.stale || 0, 2e3);
      resolveCanonicalPath(file, options, (err, file2) => {
        if (err) {
          return callback(err);
        }
        options.fs.stat(getLockFile(file2, options), (err2, stat4) => {
          if (err2) {
            return err2.code === "ENOENT" ? callback(null, false) : callback(err2);
          }
          return callback(null, !isLockStale(stat4, options));
        });
      });
    }
    function getLocks() {
      return locks;
    }
    onExit(() => {
      for (const file in locks) {
        const options = locks[file].options;
        try {
          options.fs.rmdirSync(getLockFile(file, options));
        } catch (e) {
        }
      }
    });
    module.exports.lock = lock;
    module.exports.unlock = unlock;
    module.exports.check = check2;
    module.exports.getLocks = getLocks;
  }
});

// node_modules/proper-lockfile/lib/adapter.js
var require_adapter = __commonJS({
  "node_modules/proper-lockfile/lib/adapter.js"(exports, module) {
    "use strict";
    var fs = require_graceful_fs();
    function createSyncFs(fs2) {
      const methods = ["mkdir", "realpath", "stat", "rmdir", "utimes"];
      const newFs = { ...fs2 };
      methods.forEach((method) => {
        newFs[method] = (...args) => {
          const callback = args.pop();
          let ret;
          try {
            ret = fs2[`${method}Sync`](...args);
          } catch (err) {
            return callback(err);
          }
          callback(null, ret);
        };
      });
      return newFs;
    }
    function toPromise(method) {
      return (...args) => new Promise((resolve2, reject) => {
        args.push((err, result) => {
          if (err) {
            reject(err);
          } else {
            resolve2(result);
          }
        });
        method(...args);
      });
    }
    function toSync(method) {
      return (...args) => {
        let err;
        let result;
        args.push((_err, _result) => {
          err = _err;
          result = _result;
        });
        method(...args);
        if (err) {
          throw err;
        }
        return result;
      };
    }
    function toSyncOptions(options) {
      options = { ...options };
      options.fs = createSyncFs(options.fs || fs);
      if (typeof options.retries === "number" && options.retries > 0 || options.retries && typeof options.retries.retries === "number" && options.retries.retries > 0) {
        throw Object.assign(new Error("Cannot use retries with the sync api"), { code: "ESYNC" });
      }
      return options;
    }
    module.exports = {
      toPromise,
      toSync,
      toSyncOptions
    };
  }
});

// node_modules/proper-lockfile/index.js
var require_proper_lockfile = __commonJS({
  "node_modules/proper-lockfile/index.js"(exports, module) {
    "use strict";
    var lockfile = require_lockfile();
    var { toPromise, toSync, toSyncOptions } = require_adapter();
    async function lock(file, options) {
      const release = await toPromise(lockfile.lock)(file, options);
      return toPromise(release);
    }
    function lockSync(file, options) {
      const release = toSync(lockfile.lock)(file, toSyncOptions(options));
      return toSync(release);
    }
    function unlock(file, options) {
      return toPromise(lockfile.unlock)(file, options);
    }
    function unlockSync(file, options) {
      return toSync(lockfile.unlock)(file, toSyncOptions(options));
    }
    function check2(file, options) {
      return toPromise(lockfile.check)(file, options);
    }
    function checkSync(file, options) {
      return toSync(lockfile.check)(file, toSyncOptions(options));
    }
    module.exports = lock;
    module.exports.lock = lock;
    module.exports.unlock = unlock;
    module.exports.lockSync = lockSync;
    module.exports.unlockSync = unlockSync;
    module.exports.check = check2;
    module.exports.checkSync = checkSync;
  }
});

// src/io/file-lock.ts
import { lstat, mkdir as mkdir2, readdir as readdir2, rmdir } from "node:fs/promises";
import path6 from "node:path";
function lockPathFor(file) {
  return `${path6.resolve(file)}.lock`;
}
async function withFileLock(file, fn, opts = {}) {
  const target = path6.resolve(file);
  const lock = lockPathFor(target);
  const timeoutMs = opts.timeoutMs ?? DEFAULT_LOCK_TIMEOUT_MS;
  const staleMs = Math.max(opts.staleMs ?? DEFAULT_LOCK_STALE_MS, 2e3);
  const deadline = Date.now() + timeoutMs;
  const { lock: acquire } = await Promise.resolve().then(() => __toESM(require_proper_lockfile(), 1));
  try {
    await ensureDir(path6.dirname(lock));
  } catch (e) {
    throw fsError(lock, "cannot create its folder", e);
  }
  for (let attempt = 0; ; attempt++) {
    await inspect(lock, target);
    let release = null;
    let compromised = null;
    try {
      release = await acquire(target, {
        lockfilePath: lock,
        realpath: false,
        stale: NEVER_STALE,
        update: Math.max(1e3, Math.floor(staleMs / 4)),
        retries: 0,
        onCompromised: (e) => {
          compromised = e;
        }
      });
    } catch (e) {
      if (!isHeld(e)) throw fsError(lock, "cannot be created", e);
    }
    if (release !== null) {
      let value;
      try {
        value = await fn();
      } finally {
        await release().catch(() => void 0);
      }
      const lost = compromised;
      if (lost !== null) {
        throw new LockError(
          "ECOMPROMISED",
          lock,
          `${target} was written after its lock ${lock} was lost (${lost.message}): another writer may have written it meanwhile; expected the update to take less than ${seconds(staleMs)}`
        );
      }
      return value;
    }
    const held = await inspect(lock, target);
    const now = Date.now();
    if (now < deadline && held !== "absent" && now - held.mtimeMs > staleMs) {
      if (await takeOver(lock, target, staleMs)) continue;
    }
    if (now >= deadline) {
      const age = held === "absent" ? "" : `, refreshed ${seconds(now - held.mtimeMs)} ago`;
      throw new LockError(
        "ELOCKED",
        lock,
        `${target} is locked by another writer (${lock}${age}) for more than ${seconds(timeoutMs)}; expected no other writer at the same time (a lock not refreshed for ${seconds(staleMs)} is taken over)`
      );
    }
    const backoff = Math.min(25 * 2 ** Math.min(attempt, 5), 500) * (0.5 + Math.random());
    await sleep(Math.max(1, Math.min(backoff, deadline - now)));
  }
}
function isHeld(e) {
  return e.code === "ELOCKED";
}
async function inspect(lock, target) {
  let info;
  try {
    info = await lstat(lock);
  } catch (e) {
    if (e.code === "ENOENT") return "absent";
    throw fsError(lock, "cannot be read", e);
  }
  let what = null;
  if (info.isSymbolicLink()) what = "a symbolic link";
  else if (info.isFile()) what = "a regular file (older threadgate versions locked with a file)";
  else if (!info.isDirectory()) what = "a device, FIFO or socket";
  else {
    const entries = await readdir2(lock).catch(
      (e) => e.code === "ENOENT" ? [] : null
    );
    if (entries === null) what = "a folder that cannot be read";
    else if (entries.length > 0) {
      what = `a folder holding ${entries.length === 1 ? "an entry" : `${entries.length} entries`}`;
    }
  }
  if (what === null) return { mtimeMs: info.mtimeMs };
  throw new LockError(
    "ENOTLOCK",
    lock,
    `${lock} is ${what}, not threadgate's lock (an empty folder), so ${target} cannot be locked; expected nothing at that path: remove it (threadgate never deletes what it did not make)`
  );
}
async function takeOver(lock, target, staleMs) {
  const guard = `${lock}.takeover`;
  try {
    await mkdir2(guard);
  } catch (e) {
    if (e.code !== "EEXIST")
      throw fsError(guard, "cannot be created", e);
    const other = await inspect(guard, target);
    if (other !== "absent" && Date.now() - other.mtimeMs > staleMs) {
      await rmdir(guard).catch(() => void 0);
    }
    return false;
  }
  try {
    const again = await inspect(lock, target);
    if (again === "absent") return true;
    if (Date.now() - again.mtimeMs <= staleMs) return false;
    await rmdir(lock);
    return true;
  } catch (e) {
    if (e instanceof LockError) throw e;
    const code = e.code;
    if (code === "ENOENT") return true;
    if (code === "ENOTEMPTY" || code === "EEXIST") return false;
    throw fsError(lock, "cannot be removed", e);
  } finally {
    await rmdir(guard).catch(() => void 0);
  }
}
function fsError(at, what, e) {
  const code = e.code;
  const why = e instanceof Error ? e.message : String(e);
  return new LockError("EFS", at, `the lock ${at} ${what}: ${code ?? why}`);
}
function seconds(ms) {
  return `${Math.round(ms / 100) / 10} s`;
}
var LockError, DEFAULT_LOCK_TIMEOUT_MS, DEFAULT_LOCK_STALE_MS, NEVER_STALE, sleep;
var init_file_lock = __esm({
  "src/io/file-lock.ts"() {
    "use strict";
    init_io();
    LockError = class extends Error {
      constructor(code, lockPath, message) {
        super(message);
        this.code = code;
        this.lockPath = lockPath;
      }
      code;
      lockPath;
      name = "LockError";
    };
    DEFAULT_LOCK_TIMEOUT_MS = 3e4;
    DEFAULT_LOCK_STALE_MS = 1e4;
    NEVER_STALE = Number.MAX_SAFE_INTEGER;
    sleep = (ms) => new Promise((r) => setTimeout(r, ms));
  }
});

// src/baseline/atomic-write.ts
function serializeBaseline(doc, fileName) {
  const text2 = `${JSON.stringify(doc, null, 2)}
`;
  try {
    parseBaselineFile(text2, fileName);
  } catch (e) {
    throw new BaselineError(
      `refusing to save ${fileName}: the new baseline is not valid (${e.message})`
    );
  }
  return text2;
}
async function writeBaselineFile(path8, doc, ops = nodeWriteOps) {
  const text2 = serializeBaseline(doc, path8);
  try {
    await writeTextAtomic(path8, text2, ops);
  } catch (e) {
    throw new BaselineError(`cannot save baseline ${path8}: ${e.message}`);
  }
  return Buffer.byteLength(text2);
}
var init_atomic_write = __esm({
  "src/baseline/atomic-write.ts"() {
    "use strict";
    init_errors();
    init_io();
    init_documents();
  }
});

// src/baseline/store.ts
var init_store = __esm({
  "src/baseline/store.ts"() {
    "use strict";
    init_errors();
  }
});

// src/baseline/file-store.ts
var init_file_store = __esm({
  "src/baseline/file-store.ts"() {
    "use strict";
    init_errors();
    init_file_lock();
    init_atomic_write();
    init_documents();
  }
});

// src/baseline/cache-store.ts
var init_cache_store = __esm({
  "src/baseline/cache-store.ts"() {
    "use strict";
    init_errors();
    init_atomic_write();
    init_documents();
  }
});

// src/io/git.ts
import { execFile as execFile2 } from "node:child_process";
import { promisify } from "node:util";
var run;
var init_git = __esm({
  "src/io/git.ts"() {
    "use strict";
    init_errors();
    init_child_env();
    run = promisify(execFile2);
  }
});

// src/baseline/branch-store.ts
var MAX_PAGE_BYTES;
var init_branch_store = __esm({
  "src/baseline/branch-store.ts"() {
    "use strict";
    init_documents();
    init_limits();
    init_errors();
    init_git();
    init_atomic_write();
    init_cache_store();
    MAX_PAGE_BYTES = 16 * 1024 * 1024;
  }
});

// src/baseline/summary.ts
function summarizeHistory(doc) {
  const keys = /* @__PURE__ */ new Map();
  for (const run2 of doc.runs) {
    for (const w of run2.workloads) {
      const threads2 = keys.get(w.id) ?? /* @__PURE__ */ new Set();
      for (const p of w.points) threads2.add(p.threads);
      keys.set(w.id, threads2);
    }
  }
  const cells = [];
  for (const [workload, threads2] of keys) {
    for (const t of [...threads2].sort((a, b) => a - b)) {
      cells.push({
        workload,
        threads: t,
        mediansNs: doc.runs.map(
          (run2) => run2.workloads.find((w) => w.id === workload)?.points.find((p) => p.threads === t)?.medianNs ?? null
        )
      });
    }
  }
  const m = doc.machine;
  return {
    schemaVersion: 1,
    kind: "threadgate-baseline-summary",
    fingerprint: doc.fingerprint,
    machine: {
      os: m.os,
      arch: m.arch,
      cpuModel: m.cpuModel,
      availableCpus: m.availableCpus,
      physicalCores: m.physicalCores,
      ...m.onnxruntime === void 0 ? {} : { onnxruntime: m.onnxruntime }
    },
    runs: doc.runs.map((r) => ({
      createdAt: r.createdAt,
      // Not checked when the file was read (the gate does not use them): strings or nothing.
      ref: typeof r.ref === "string" ? r.ref : null,
      sha: typeof r.sha === "string" ? r.sha : null
    })),
    cells
  };
}
var init_summary = __esm({
  "src/baseline/summary.ts"() {
    "use strict";
  }
});

// src/baseline/index.ts
var init_baseline = __esm({
  "src/baseline/index.ts"() {
    "use strict";
    init_history();
    init_documents();
    init_limits();
    init_atomic_write();
    init_store();
    init_file_store();
    init_cache_store();
    init_branch_store();
    init_summary();
  }
});

// src/report/history-terminal.ts
function terminalText(s) {
  return s.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, " ");
}
function medianRow(medians) {
  const present = medians.filter((m) => m !== null);
  const unit = formatNs(Math.max(...present)).split(" ")[1] ?? "ns";
  const scale = { ns: 1, \u00B5s: 1e3, ms: 1e6, s: 1e9 }[unit] ?? 1;
  const digits = Math.max(...present) / scale >= 100 ? 1 : 2;
  return `${medians.map((m) => m === null ? "\u2013" : (m / scale).toFixed(digits)).join(" ")} ${unit}`;
}
function renderHistory(summary, fileName) {
  const m = summary.machine;
  const n = summary.runs.length;
  const out = [
    `History ${terminalText(fileName)}: ${n} run${n === 1 ? "" : "s"}, oldest first; machine ${terminalText(
      `${m.os} ${m.arch}, ${m.cpuModel}, ${m.availableCpus} usable CPUs, ${m.physicalCores} physical cores${m.onnxruntime ? `, onnxruntime ${m.onnxruntime}` : ""}`
    )}; fingerprint ${terminalText(summary.fingerprint)}`,
    "",
    textTable(
      ["#", "date", "ref", "sha"],
      summary.runs.map((r, i) => [
        String(i + 1),
        terminalText(r.createdAt),
        r.ref === null ? "\u2013" : terminalText(r.ref),
        r.sha === null ? "\u2013" : terminalText(r.sha.slice(0, 12))
      ]),
      ["r", "l", "l", "l"]
    ),
    "",
    "Run medians per cell (runs #1 \u2026 #" + n + ", newest last; range = slowest / fastest \u2212 1):",
    "",
    textTable(
      ["workload", "threads", "runs", "range", "medians"],
      summary.cells.map((c) => {
        const present = c.mediansNs.filter((x) => x !== null);
        return [
          terminalText(c.workload),
          String(c.threads),
          String(present.length),
          formatPercent(Math.max(...present) / Math.min(...present) - 1),
          medianRow(c.mediansNs)
        ];
      }),
      ["l", "r", "r", "r", "l"]
    )
  ];
  return out.join("\n");
}
var init_history_terminal = __esm({
  "src/report/history-terminal.ts"() {
    "use strict";
    init_format();
  }
});

// src/cli/baseline.ts
var baseline_exports = {};
__export(baseline_exports, {
  BASELINE_ADD_OPTIONS: () => BASELINE_ADD_OPTIONS,
  BASELINE_CHANGES_OPTIONS: () => BASELINE_CHANGES_OPTIONS,
  BASELINE_HELP: () => BASELINE_HELP,
  BASELINE_SHOW_OPTIONS: () => BASELINE_SHOW_OPTIONS,
  MAX_KEEP: () => MAX_KEEP,
  baselineAddSettingsFromFlags: () => baselineAddSettingsFromFlags,
  baselineCommand: () => baselineCommand
});
async function baselineCommand(argv, io = stdoutIo) {
  const [sub, ...rest] = argv;
  switch (sub) {
    case "add":
      return addCommand(rest, io);
    case "show":
      return showCommand(rest, io);
    case "changes":
      return changesCommand(rest, io);
    default:
      throw new InputError(
        sub === void 0 ? 'baseline: missing subcommand; expected "threadgate baseline add", "threadgate baseline show" or "threadgate baseline changes" (see threadgate baseline --help)' : `baseline: got ${JSON.stringify(sub)}; expected the subcommand add, show or changes (see threadgate baseline --help)`
      );
  }
}
function baselineAddSettingsFromFlags(argv) {
  const v = parseFlags("baseline add", argv, BASELINE_ADD_OPTIONS);
  const keep = stringFlag(v, "keep");
  const ref = stringFlag(v, "ref");
  const sha2 = stringFlag(v, "sha");
  return {
    historyPath: requiredPath(v, "history", "the baseline history file; created if missing"),
    resultPath: requiredPath(v, "result", "the results file of the run, threadgate sweep --json"),
    keep: keep === void 0 ? DEFAULT_MAX_RUNS : parseKeep(keep),
    ref: ref === void 0 ? void 0 : parseRef(ref),
    sha: sha2 === void 0 ? void 0 : parseSha(sha2),
    force: v["force"] === true
  };
}
function parseKeep(text2) {
  const n = /^\s*\d{1,4}\s*$/.test(text2) ? Number(text2) : NaN;
  if (!(n >= 1 && n <= MAX_KEEP)) {
    throw invalid("--keep", text2, `a whole number of runs from 1 to ${MAX_KEEP}, e.g. 20`);
  }
  return n;
}
function parseRef(text2) {
  if (text2.trim() === "" || text2.length > 255 || /[\u0000-\u001f\u007f\s]/.test(text2)) {
    throw invalid(
      "--ref",
      text2,
      "a git ref name without spaces or control characters, at most 255 characters, e.g. main"
    );
  }
  return text2;
}
function parseSha(text2) {
  if (!/^[0-9a-fA-F]{7,64}$/.test(text2)) {
    throw invalid("--sha", text2, "a commit hash of 7 to 64 hex digits, e.g. $CI_COMMIT_SHA");
  }
  return text2.toLowerCase();
}
async function loadHistory(path8) {
  const parsed = await readBaselineIfExists(path8, "--history");
  if (parsed === null) return null;
  if (parsed.from === "result") {
    throw new InputError(
      `--history ${path8}: is a results file (threadgate sweep --json), not a baseline history; expected a history written by threadgate baseline add, or a path where none exists yet (were --history and --result swapped?)`
    );
  }
  return parsed.document;
}
function refuseOtherMachine(history, result, settings) {
  const diff = fingerprintDifferences(history.machine, result.machine).map((d) => `${d.field} ${JSON.stringify(d.a)} \u2260 ${JSON.stringify(d.b)}`).join(", ");
  throw new InputError(
    `--result ${settings.resultPath}: was measured on another kind of machine than the runs in ${settings.historyPath} (history \u2260 this run: fingerprint ${history.fingerprint} \u2260 ${result.machine.fingerprint}${diff ? `, ${diff}` : ""}); expected a run from the same kind of machine: keep one history per kind of runner, or give --force to start a fresh history with this run`
  );
}
async function addCommand(argv, io) {
  const settings = baselineAddSettingsFromFlags(argv);
  const result = await readResultFile(settings.resultPath, "--result");
  await checkOutputPath(
    settings.historyPath,
    "--history",
    [{ flag: "--result", path: settings.resultPath }],
    { createParents: true }
  );
  const { history, baseline, notes, bytes } = await withFileLock(settings.historyPath, async () => {
    const history2 = await loadHistory(settings.historyPath);
    if (history2 !== null && history2.fingerprint !== result.machine.fingerprint && !settings.force) {
      refuseOtherMachine(history2, result, settings);
    }
    const merged = mergeRun(history2, result, {
      maxRuns: settings.keep,
      ...settings.ref === void 0 ? {} : { ref: settings.ref },
      ...settings.sha === void 0 ? {} : { sha: settings.sha }
    });
    let bytes2;
    try {
      bytes2 = await writeBaselineFile(settings.historyPath, merged.baseline);
    } catch (e) {
      throw new InputError(`--history: ${e.message}`);
    }
    return { history: history2, ...merged, bytes: bytes2 };
  }).catch((e) => {
    if (e instanceof LockError) throw new InputError(`--history: ${e.message}`);
    throw e;
  });
  const kept = baseline.runs.filter((r) => r.kept === void 0).length;
  const thinned = baseline.runs.length - kept;
  const before = history?.fingerprint === baseline.fingerprint ? history.runs.length : 0;
  const replaced = notes.some((n) => n.startsWith("replaced"));
  const dropped = before + (replaced ? 0 : 1) - baseline.runs.length;
  const lines = [
    `${history === null ? "Created" : "Updated"} ${settings.historyPath} with the run of ${result.createdAt}: ${kept} run${kept === 1 ? "" : "s"} (at most ${settings.keep})` + (thinned > 0 ? ` and ${thinned} older one${thinned === 1 ? "" : "s"} kept a day or a week apart` : "") + `, ${bytes} bytes; machine fingerprint ${baseline.fingerprint}`
  ];
  if (dropped > 0) {
    lines.push(
      `Dropped ${dropped} older run${dropped === 1 ? "" : "s"} (--keep ${settings.keep}: the newest ${settings.keep} whole, older ones thinned to one a day, then one a week)`
    );
  }
  for (const note of notes) {
    lines.push(
      note.startsWith("machine fingerprint changed") ? `--force: ${note}` : `Note: ${note}`
    );
  }
  io.out(`${lines.map(terminalText).join("\n")}
`);
  return 0;
}
async function readHistoryOnly(path8) {
  const parsed = await readBaselineFile(path8, "--history");
  if (parsed.from === "result") {
    throw new InputError(
      `--history ${path8}: is a results file (threadgate sweep --json), not a baseline history; expected a history written by threadgate baseline add`
    );
  }
  return parsed.document;
}
async function showCommand(argv, io) {
  const v = parseFlags("baseline show", argv, BASELINE_SHOW_OPTIONS);
  const path8 = requiredPath(v, "history", "a baseline history written by threadgate baseline add");
  const summary = summarizeHistory(await readHistoryOnly(path8));
  io.out(
    v["json"] === true ? `${JSON.stringify(summary, null, 2)}
` : `${renderHistory(summary, path8)}
`
  );
  return 0;
}
async function changesCommand(argv, io) {
  const v = parseFlags("baseline changes", argv, BASELINE_CHANGES_OPTIONS);
  const path8 = requiredPath(v, "history", "a baseline history written by threadgate baseline add");
  const history = await readHistoryOnly(path8);
  const changes = historyChanges(history);
  if (v["json"] === true) {
    io.out(`${JSON.stringify({ changes }, null, 2)}
`);
    return 0;
  }
  const runs = `${history.runs.length} run${history.runs.length === 1 ? "" : "s"}`;
  const lines = changes.length === 0 ? [`No change point in the ${runs} of ${path8}.`] : [
    `${changes.length} change point${changes.length === 1 ? "" : "s"} in the ${runs} of ${path8}:`,
    ...changes.map((c) => `  run ${c.index}: ${describeChange(c)}`)
  ];
  io.out(`${lines.map(terminalText).join("\n")}
`);
  return 0;
}
var BASELINE_ADD_OPTIONS, BASELINE_SHOW_OPTIONS, BASELINE_CHANGES_OPTIONS, MAX_KEEP, BASELINE_HELP, stdoutIo;
var init_baseline2 = __esm({
  "src/cli/baseline.ts"() {
    "use strict";
    init_file_lock();
    init_io();
    init_baseline();
    init_changes();
    init_fingerprint();
    init_errors();
    init_history_terminal();
    init_args();
    BASELINE_ADD_OPTIONS = {
      history: { type: "string" },
      result: { type: "string" },
      keep: { type: "string" },
      ref: { type: "string" },
      sha: { type: "string" },
      force: { type: "boolean" }
    };
    BASELINE_SHOW_OPTIONS = {
      history: { type: "string" },
      json: { type: "boolean", short: "j" }
    };
    BASELINE_CHANGES_OPTIONS = {
      history: { type: "string" },
      json: { type: "boolean" }
    };
    MAX_KEEP = 1e3;
    BASELINE_HELP = `threadgate baseline \u2014 keep a baseline history in a file (for GitLab, Jenkins, Buildkite, \u2026)

Usage:
  threadgate baseline add  --history FILE --result FILE [--keep N] [--ref R] [--sha S] [--force]
  threadgate baseline show --history FILE [-j|--json]
  threadgate baseline changes --history FILE [--json]

add   appends the run in --result (a threadgate sweep --json file) to the history, creating the
      file if there is none; the write is atomic (a reader sees the old history or the new one).
      Run it on the default branch only; pull requests compare against the history with
      threadgate compare --baseline FILE or threadgate report --baseline FILE.
  --history FILE  the baseline history (created if missing)
  --result FILE   the results JSON of the run to add
  --keep N        keep the newest N runs whole (default ${DEFAULT_MAX_RUNS}, at most ${MAX_KEEP}),
                  and older ones thinned: one a day for N days, then one a week for N weeks
  --ref R         the git ref the run measured, e.g. main or refs/heads/main (recorded)
  --sha S         the commit the run measured, 7 to 64 hex digits (recorded)
  --force         the run is from another kind of machine (another fingerprint: OS, arch,
                  CPU model, usable CPUs, physical cores, onnxruntime): start a fresh history
                  with it, dropping the old runs. Without it such a run is refused, because
                  runs from different machines cannot share a history. Keep one history per
                  kind of runner instead (e.g. a cache key per runner tag).

show  lists the history's runs (date, ref, sha) and, per workload and thread count, the run
      medians, newest last.
  --history FILE  the baseline history to show
  -j, --json      print it as JSON (kind "threadgate-baseline-summary") instead of tables,
                  to standard output like the tables (nothing else is written there)

changes  lists the change points of each workload and thread count: where its run median
      stepped to a new level and stayed there (a slowdown no single pull request's gate
      caught, or a change of the runners). Per cell, E-divisive means (Matteson & James 2014)
      on the log run medians of its newest ${MAX_CHANGE_RUNS} runs, each split tested by ${CHANGE_PERMUTATIONS} seeded
      permutations at the ${CHANGE_SIGNIFICANCE * 100} % level, at least ${CHANGE_MIN_SIZE} runs on each side. Each change names
      the first run of the new level (its date and commit) and the ratio of the medians after
      and before, with a 95 % bootstrap CI. The stored gate compares a run with the runs since
      the last change point of each cell.
  --history FILE  the baseline history to search
  --json          print {"changes": [{workload, threads, index, createdAt, sha, ratio,
                  ci: [lo, hi]}, \u2026]} (index: the run, oldest 0; sha null when not recorded;
                  an empty list when there is no change) instead of text

Exit codes: 0 done, 2 error (bad input, a file that cannot be read or written).`;
    stdoutIo = { out: (text2) => void process.stdout.write(text2) };
  }
});

// src/analysis/trend.ts
function trendSeries(history, current, comparison, changes = []) {
  const cells = comparison && comparison.kind !== "no-baseline" ? comparison.cells.filter((c) => c.gated).map((c) => ({ id: c.workload, t: c.threads })) : current.workloads.map((w) => ({ id: w.id, t: w.recommended.threads }));
  const out = [];
  for (const { id, t } of cells.slice(0, TREND_SERIES)) {
    const start = Math.max(0, history.runs.length - TREND_RUNS);
    const points = [];
    const at = [];
    history.runs.slice(start).forEach((run2, i) => {
      const p = run2.workloads.find((w) => w.id === id)?.points.find((x) => x.threads === t);
      if (p === void 0) return;
      at.push(start + i);
      points.push({
        createdAt: run2.createdAt,
        ...run2.sha ? { sha: run2.sha } : {},
        medianNs: p.medianNs,
        current: false
      });
    });
    const now = current.workloads.find((w) => w.id === id)?.points.find((p) => p.threads === t);
    const last = points[points.length - 1];
    if (now && last?.createdAt !== current.createdAt) {
      points.push({ createdAt: current.createdAt, medianNs: now.medianNs, current: true });
    }
    if (points.length < 2) continue;
    const marks2 = changes.filter((c) => c.workload === id && c.threads === t).map((c) => at.indexOf(c.index)).filter((i) => i > 0);
    out.push({
      workload: id,
      threads: t,
      points,
      changes: [...new Set(marks2)].sort((a, b) => a - b)
    });
  }
  return out;
}
function historyRecommendation(history, current, tolerance, runs = 10) {
  const out = [];
  for (const w of current.workloads) {
    const votes = /* @__PURE__ */ new Map();
    let counted = 0;
    for (const run2 of history.runs.slice(-runs)) {
      const points = run2.workloads.find((x) => x.id === w.id)?.points ?? [];
      if (points.length === 0) continue;
      const best = Math.min(...points.map((p) => p.medianNs));
      const pick = [...points].sort((a, b) => a.threads - b.threads).find((p) => p.medianNs <= best * (1 + tolerance));
      votes.set(pick.threads, (votes.get(pick.threads) ?? 0) + 1);
      counted++;
    }
    if (counted < 3) continue;
    const [threads2, agreeing] = [...votes.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0];
    out.push({ workload: w.id, threads: threads2, agreeing, runs: counted, current: w.recommended.threads });
  }
  return out;
}
var TREND_RUNS, TREND_SERIES;
var init_trend = __esm({
  "src/analysis/trend.ts"() {
    "use strict";
    TREND_RUNS = 20;
    TREND_SERIES = 4;
  }
});

// src/report/markdown.ts
function codeSpan(text2) {
  return `\`${plainText(text2, 500).replace(/`/g, "'")}\``;
}
function runnerDefaultThreads(result) {
  const all = result.workloads[0]?.points.map((p) => p.threads) ?? [];
  const wanted = result.machine.availableCpus;
  return all.includes(wanted) ? wanted : Math.max(...all);
}
function speedupOverDefault(result, threads2) {
  const def = runnerDefaultThreads(result);
  const ratios = result.workloads.flatMap((w) => {
    const a = w.points.find((p) => p.threads === def);
    const b = w.points.find((p) => p.threads === threads2);
    return a && b ? [a.medianNs / b.medianNs] : [];
  });
  return ratios.length ? geometricMean(ratios) : null;
}
function headline(result, comparison, ctx = {}) {
  const title2 = `${escapeMarkdown(ctx.title ?? "threadgate")}: `;
  const recommended = `${threadsText(result.recommendation.ompNumThreads)} recommended`;
  if (comparison === null) {
    return `### ${ICON["no-baseline"]} ${title2}${recommended}`;
  }
  switch (comparison.kind) {
    case "pass":
      return `### ${ICON.pass} ${title2}no latency regression (largest change ${formatSignedPercent(comparison.maxSlowdown)})`;
    case "regression": {
      const worst = [...comparison.regressions].sort((a, b) => b.ratio - a.ratio)[0];
      return `### ${ICON.regression} ${title2}latency regression: ${formatSignedPercent(worst.ratio - 1)} at ${worst.threads} thread${worst.threads === 1 ? "" : "s"} (${escapeMarkdown(worst.workload)})`;
    }
    case "inconclusive":
      return `### ${ICON.inconclusive} ${title2}inconclusive: a slowdown of up to ${formatSignedPercent(comparison.maxSlowdown)} is not statistically clear`;
    case "no-baseline":
      return `### ${ICON["no-baseline"]} ${title2}no baseline yet \u2014 ${recommended}`;
    default: {
      const never = comparison;
      return never;
    }
  }
}
function levelText2(level) {
  return `${Number((level * 100).toPrecision(4))} %`;
}
function gateLine(comparison, ctx) {
  if (comparison === null || comparison.kind === "no-baseline") return "";
  const s = comparison.settings;
  const where = ctx.baselineKind === "same-job" ? `the base measured in this job (${escapeMarkdown(comparison.baseline.source.replace(/^same job: /, ""))})` : `the stored baseline (${escapeMarkdown(comparison.baseline.source)}, ${comparison.baseline.runs} run${comparison.baseline.runs === 1 ? "" : "s"} of history)`;
  const gated = comparison.cells.filter((c) => c.gated);
  const cold = gated.filter((c) => c.checks.beyondColdStart !== null).length;
  const why = `without a usable history: fewer than ${s.minHistory} runs, or no spread`;
  const bar = ctx.baselineKind === "same-job" || cold === 0 || s.coldStartThreshold <= s.threshold ? `${formatPercent(s.threshold, 0)} or more` : cold === gated.length ? `${formatPercent(s.coldStartThreshold, 0)} or more (the cold-start bar, ${why}; ${formatPercent(s.threshold, 0)} from then on)` : `${formatPercent(s.threshold, 0)} or more (${formatPercent(s.coldStartThreshold, 0)}, the cold-start bar, for ${cold} of the ${gated.length} cells ${why})`;
  const n = comparison.normalization;
  const speed = n?.used === true ? ` Cells are compared relative to the runner-speed reference ${n.reference}` + (n.runnerRatio === null ? "." : ` (this runner took \xD7${n.runnerRatio.toFixed(2)} the baseline run's time on it).`) : "";
  return `**Gate:** ${where}; a gated cell fails at a slowdown of ${bar} beyond the noise, at ${levelText2(s.confidence)} confidence over the gated cells.${speed}`;
}
function recommendationBlock(result) {
  const k = result.recommendation.ompNumThreads;
  const def = runnerDefaultThreads(result);
  const speedup = speedupOverDefault(result, k);
  const vs = k === def ? `the runner's default of one thread per CPU (${def}) is already the best choice here` : speedup !== null ? `${speedup.toFixed(2)}\xD7 ${speedup >= 1 ? "faster than" : "the speed of"} the default of one thread per CPU (${def})` : "";
  const only = result.workloads.length === 1 ? result.workloads[0] : void 0;
  const target = runsAsProgram(only) ? `Run ${codeSpan(only.label)} with it: paste into the workflow or deployment:` : "Paste into the workflow or deployment:";
  return [
    `**Recommended: ${k} thread${k === 1 ? "" : "s"}**${vs ? ` \u2014 ${vs}` : ""}. ${target}`,
    "",
    "```yaml",
    "env:",
    `  OMP_NUM_THREADS: "${k}"          # PyTorch, OpenMP, MKL, OpenBLAS`,
    `  ORT_INTRA_OP_NUM_THREADS: "${result.recommendation.ortIntraOpNumThreads}" # ONNX Runtime: pass as intraOpNumThreads`,
    "```",
    ...throughputRecommendation(result)
  ].join("\n");
}
function throughputRecommendation(result) {
  const t = result.recommendation.throughput;
  if (t === void 0) return [];
  return [
    "",
    `**For throughput: ${t.workers} worker${t.workers === 1 ? "" : "s"} \xD7 \`OMP_NUM_THREADS=${t.threadsPerWorker}\`** \u2014 ${escapeMarkdown(t.basis ?? "")}.`
  ];
}
function throughputTable2(w) {
  const t = w.throughput;
  if (t === void 0 || t.points.length === 0) return "";
  const rows = [
    "| workers \xD7 threads | requests/s | 95 % CI | p50 | p99 | |",
    "|---:|---:|---:|---:|---:|:---|",
    ...t.points.map(
      (p) => `| ${p.workers} \xD7 ${p.threadsPerWorker} | ${p.requestsPerSec.toFixed(1)} | ${p.ci95[0].toFixed(1)} \u2013 ${p.ci95[1].toFixed(1)} | ${formatNs(p.p50Ns)} | ${formatNs(p.p99Ns)} | ${p.workers === t.recommended.workers ? "**recommended**" : ""} |`
    )
  ];
  return `Throughput by split of the CPUs (each worker its own session or process, all at once):

${rows.join("\n")}`;
}
function noBaselineText(comparison, ctx) {
  if (comparison !== null && comparison.kind !== "no-baseline") return "";
  const reason = comparison?.reason ? `No comparison: ${escapeMarkdown(comparison.reason)}. ` : "";
  return reason + (ctx.noBaselineHint ?? "To get a baseline, run threadgate on pushes to the default branch (`save-baseline: auto` saves them to the Actions cache); pull requests then compare with the latest one.");
}
function cellFor(comparison, workload, threads2) {
  if (comparison === null || comparison.kind === "no-baseline") return void 0;
  return comparison.cells.find((c) => c.workload === workload && c.threads === threads2);
}
function gateMark(c) {
  if (!c.gated) return "";
  if (c.regression) return "\u274C regression";
  if (c.status === "inconclusive") return "\u26A0\uFE0F unclear";
  return "\u2705";
}
function workloadTable2(w, comparison, usable = Infinity) {
  const compared = comparison !== null && comparison.kind !== "no-baseline";
  const marks2 = (t) => roleMarks(w, t, usable);
  const rows = [];
  if (compared) {
    rows.push("| threads | baseline | this run | \u0394 | CI of \u0394 | p (Holm) | gate | |");
    rows.push("|---:|---:|---:|---:|---:|---:|:---|:---|");
    for (const p of w.points) {
      const c = cellFor(comparison, w.id, p.threads);
      const ci = c?.ci95 ? `${formatSignedPercent(c.ci95[0] - 1)} \u2026 ${formatSignedPercent(c.ci95[1] - 1)} (${levelText2(c.ciLevel)})` : "\u2013";
      rows.push(
        `| ${p.threads} | ${c ? formatNs(c.baselineMedianNs) : "\u2013"} | ${formatNs(p.medianNs)} | ${c ? formatSignedPercent(c.ratio - 1) : "\u2013"} | ${ci} | ${c?.pAdjusted != null ? c.pAdjusted.toPrecision(2) : "\u2013"} | ${c ? gateMark(c) : ""} | ${marks2(p.threads)} |`
      );
    }
  } else {
    rows.push("| threads | median | 95 % CI | GFLOP/s | speedup | |");
    rows.push("|---:|---:|---:|---:|---:|:---|");
    for (const p of w.points) {
      rows.push(
        `| ${p.threads} | ${formatNs(p.medianNs)} | ${formatRange(p.ci95Ns[0], p.ci95Ns[1])} | ${p.gflops != null ? p.gflops.toFixed(1) : "\u2013"} | ${p.speedup != null ? `${p.speedup.toFixed(2)}\xD7` : "\u2013"} | ${marks2(p.threads)} |`
      );
    }
  }
  return rows.join("\n");
}
function chartText(s, max = 40) {
  const clean = s.replace(/["[\]`\n\r<>]/g, " ").replace(/%+/g, "%");
  return clean.length > max ? `${clean.slice(0, max - 1)}\u2026` : clean;
}
function chartCaption(w, comparison) {
  const hasBase = w.points.every((p) => cellFor(comparison, w.id, p.threads) !== void 0);
  return hasBase ? "Latency by thread count \u2014 bars: baseline, red line: this run." : "Latency by thread count (red line: this run).";
}
function latencyChart(w, comparison) {
  const maxNs = Math.max(...w.points.map((p) => p.medianNs));
  const [unit, scale] = maxNs >= 1e6 ? ["ms", 1e6] : maxNs >= 1e3 ? ["\xB5s", 1e3] : ["ns", 1];
  const fmt = (ns2) => Number((ns2 / scale).toPrecision(4));
  const base = w.points.map((p) => cellFor(comparison, w.id, p.threads)?.baselineMedianNs ?? null);
  const hasBase = base.every((b) => b !== null);
  const palette = hasBase ? `${BASELINE_COLOUR}, ${CURRENT_COLOUR}` : CURRENT_COLOUR;
  const lines = [
    "```mermaid",
    "---",
    "config:",
    "  themeVariables:",
    "    xyChart:",
    `      plotColorPalette: "${palette}"`,
    "---",
    "xychart-beta",
    `  title "${chartText(w.id)} (${unit})"`,
    `  x-axis "threads" [${w.points.map((p) => p.threads).join(", ")}]`,
    `  y-axis "${unit}" 0 --> ${fmt(Math.max(maxNs, ...base.map((b) => b ?? 0)) * 1.1)}`
  ];
  if (hasBase) lines.push(`  bar [${base.map((b) => fmt(b)).join(", ")}]`);
  lines.push(`  line [${w.points.map((p) => fmt(p.medianNs)).join(", ")}]`, "```");
  return lines.join("\n");
}
function historyAdviceText(advice) {
  const lines = advice.map((a) => {
    const agree = a.current === a.threads;
    return `- ${escapeMarkdown(a.workload)}: the history recommends ${threadsText(a.threads)} (${a.agreeing} of its last ${a.runs} runs)` + (agree ? "; this run agrees." : `; **this run's answer, ${threadsText(a.current)}, differs** \u2014 one run on a busy host can; the history's is the steadier advice.`);
  });
  return lines.length > 0 ? `**From the stored history:**

${lines.join("\n")}` : "";
}
function trendBlock(series) {
  const parts = series.map((s) => {
    const n = s.points.length;
    const changed = s.changes.map((i) => s.points[i]).map((p) => p.sha ? codeSpan(p.sha.slice(0, 7)) : escapeMarkdown(p.createdAt.slice(0, 10)));
    const caption = `${escapeMarkdown(s.workload)} at ${threadsText(s.threads)}, the last ${n} runs (the last: this run) \u2014 ` + (s.changes.length > 0 ? `line: each run's median; bars: the level of each segment between change points (a change at ${changed.join(", ")}).` : "each run's median; no change point.");
    return `${caption}

${trendChart(s)}`;
  });
  return `#### Trend

${parts.join("\n\n")}`;
}
function trendChart(s) {
  const maxNs = Math.max(...s.points.map((p) => p.medianNs));
  const [unit, scale] = maxNs >= 1e6 ? ["ms", 1e6] : maxNs >= 1e3 ? ["\xB5s", 1e3] : ["ns", 1];
  const fmt = (ns2) => Number((ns2 / scale).toPrecision(4));
  const labels = s.points.map(
    (p, i) => p.current ? "this run" : p.sha ? p.sha.slice(0, 7) : `${i + 1}`
  );
  const lines = [
    "```mermaid",
    "---",
    "config:",
    "  themeVariables:",
    "    xyChart:",
    `      plotColorPalette: "${s.changes.length > 0 ? `${BASELINE_COLOUR}, ${CURRENT_COLOUR}` : CURRENT_COLOUR}"`,
    "---",
    "xychart-beta",
    `  title "${chartText(s.workload)} @ ${s.threads} (${unit})"`,
    `  x-axis [${labels.map((l) => `"${chartText(l, 12)}"`).join(", ")}]`,
    `  y-axis "${unit}" 0 --> ${fmt(maxNs * 1.1)}`
  ];
  if (s.changes.length > 0) {
    const bounds = [0, ...s.changes, s.points.length];
    const level = [];
    for (let b = 0; b + 1 < bounds.length; b++) {
      const seg = s.points.slice(bounds[b], bounds[b + 1]).map((p) => p.medianNs);
      const m = median2(seg);
      for (let i = bounds[b]; i < bounds[b + 1]; i++) level.push(m);
    }
    lines.push(`  bar [${level.map(fmt).join(", ")}]`);
  }
  lines.push(`  line [${s.points.map((p) => fmt(p.medianNs)).join(", ")}]`, "```");
  return lines.join("\n");
}
function fold(summary, body) {
  return `<details><summary>${summary}</summary>

${body}

</details>`;
}
function trendSummary(series) {
  const runs = Math.max(...series.map((s) => s.points.length));
  const changes = series.reduce((n, s) => n + s.changes.length, 0);
  return `Trend of the ${series.length} gated cell${series.length === 1 ? "" : "s"} over the last ${runs} runs` + (changes > 0 ? ` (${changes} change point${changes === 1 ? "" : "s"})` : "");
}
function keyCellsBlock(result, comparison) {
  const compared = comparison !== null && comparison.kind !== "no-baseline";
  const rows = compared ? [
    "| workload | threads | baseline | this run | \u0394 | gate | |",
    "|:---|---:|---:|---:|---:|:---|:---|"
  ] : ["| workload | threads | median | 95 % CI | speedup | |", "|:---|---:|---:|---:|---:|:---|"];
  const usable = result.machine.availableCpus;
  for (const w of result.workloads) {
    const keys = new Set(keyPoints(w).map((p) => p.threads));
    const points = w.points.filter((p) => {
      if (keys.has(p.threads)) return true;
      const c = cellFor(comparison, w.id, p.threads);
      return c !== void 0 && (c.regression || c.gated && c.status !== "pass");
    });
    for (const p of points) {
      const role = roleMarks(w, p.threads, usable);
      if (compared) {
        const c = cellFor(comparison, w.id, p.threads);
        rows.push(
          `| ${escapeMarkdown(w.label)} | ${p.threads} | ${c ? formatNs(c.baselineMedianNs) : "\u2013"} | ${formatNs(p.medianNs)} | ${c ? formatSignedPercent(c.ratio - 1) : "\u2013"} | ${c ? gateMark(c) : ""} | ${role} |`
        );
      } else {
        rows.push(
          `| ${escapeMarkdown(w.label)} | ${p.threads} | ${formatNs(p.medianNs)} | ${formatRange(p.ci95Ns[0], p.ci95Ns[1])} | ${p.speedup != null ? `${p.speedup.toFixed(2)}\xD7` : "\u2013"} | ${role} |`
        );
      }
    }
  }
  const notes = [
    budgetNote(result),
    ...result.workloads.map((w) => mlasNote(w) ? `${w.label}: ${mlasNote(w)}` : "")
  ].filter(Boolean).map(escapeMarkdown);
  return [rows.join("\n"), ...notes].join("\n\n");
}
function roleMarks(w, threads2, usable) {
  return [
    threads2 === w.recommended.threads ? "**recommended**" : "",
    threads2 === w.fastest.threads ? "fastest" : "",
    threads2 > usable ? "oversubscribed" : ""
  ].filter(Boolean).join(", ");
}
function changeLines(comparison) {
  return (comparison?.changes ?? []).map(
    (c) => `- Change point: ${escapeMarkdown(describeChange(c))}`
  );
}
function detailsBlock(result, comparison, ctx) {
  const lines = ["<details><summary>Machine, settings and raw statistics</summary>", ""];
  lines.push(`- Machine: ${escapeMarkdown(describeMachine(result.machine))}`);
  const peak = describePeak(result.machine);
  if (peak) lines.push(`- Peak: ${escapeMarkdown(peak)}`);
  if (abovePeak(result)) lines.push(`- ${escapeMarkdown(ABOVE_PEAK_NOTE)}`);
  const engine = engineText(result);
  if (engine) lines.push(`- Engine: ${escapeMarkdown(engine)}`);
  lines.push(
    `- Fingerprint ${codeSpan(result.machine.fingerprint)}; onnxruntime ${escapeMarkdown(result.runtime.onnxruntime)}, Node ${escapeMarkdown(result.runtime.node)}`
  );
  if (result.overhead)
    lines.push(`- Per-call overhead of \`session.run\`: ${formatNs(result.overhead.perCallNs)}`);
  lines.push(
    `- Sweep: ${result.elapsedSec.toFixed(1)} s of a ${result.settings.maxTimeSec} s budget; target \xB1${formatPercent(result.settings.targetPrecision, 0)} on each median; seed ${result.settings.seed}`
  );
  if (comparison && comparison.kind !== "no-baseline") {
    const s = comparison.settings;
    lines.push(
      ctx.baselineKind === "same-job" ? `- Gate: base and head measured in blocks of freshly opened sessions${sameJobDuets(comparison)}; per cell the mean over blocks of log(head/base) with a t interval (Bonferroni over the gated cells, ${formatPercent(1 - s.confidence, 0)} spent over planned looks): above 1 + ${formatPercent(s.threshold, 0)} \u2192 regression, below \u2192 pass; gated cells: ${s.gate === "deployed" ? "recommended and fastest thread count of both sides pooled" : "all"}` : `- Gate: slowdown \u2265 ${formatPercent(s.threshold, 0)}; within this run (over visits): bootstrap CI of the ratio above 1 and Holm-adjusted one-sided Mann\u2013Whitney p < ${(1 - s.confidence).toFixed(2)}; run to run: beyond the calibrated robust prediction limit of the history (${levelText2(s.confidence)} for the gated cells together) once it has \u2265 ${s.minHistory} runs \u2014 a slowdown within it passes \u2014 and \u2265 ${formatPercent(s.coldStartThreshold, 0)} before that; gated cells: ${s.gate === "deployed" ? "recommended and fastest thread count of each workload" : "all"}`
    );
    lines.push(
      `- Baseline: ${escapeMarkdown(comparison.baseline.source)} (${comparison.baseline.runs} run${comparison.baseline.runs === 1 ? "" : "s"} of history, latest ${escapeMarkdown(comparison.baseline.latestCreatedAt)})${ctx.baselineKind === "same-job" ? ", measured in this job" : ""}`
    );
  }
  if (comparison?.normalization)
    lines.push(
      `- Runner speed: ${escapeMarkdown(describeNormalization(comparison.normalization))}`
    );
  for (const note of comparison?.notes ?? []) lines.push(`- Note: ${escapeMarkdown(note)}`);
  lines.push(...changeLines(comparison));
  lines.push(
    "",
    "| workload | threads | n | median | 95 % CI | call overhead share | converged |",
    "|---|---:|---:|---:|---:|---:|:---:|"
  );
  for (const w of result.workloads) {
    for (const p of w.points) {
      lines.push(
        `| ${escapeMarkdown(w.id)} | ${p.threads} | ${p.samplesNs.length} | ${formatNs(p.medianNs)} | ${formatRange(p.ci95Ns[0], p.ci95Ns[1])} | ${p.overheadShare != null ? formatPercent(p.overheadShare) : "\u2013"} | ${p.converged === false ? "no" : "yes"} |`
      );
    }
  }
  if (ctx.resultsPath && !ctx.resultsPathIsTemporary)
    lines.push("", `Results JSON: ${codeSpan(ctx.resultsPath)}`);
  lines.push("", "</details>");
  return lines.join("\n");
}
function renderMarkdown(result, comparison, ctx = {}) {
  const parts = [headline(result, comparison, ctx)];
  const gate = gateLine(comparison, ctx);
  if (gate) parts.push(gate);
  const nb = noBaselineText(comparison, ctx);
  if (nb) parts.push(nb);
  if (ctx.history) parts.push(`Baseline ${escapeMarkdown(ctx.history)}.`);
  if (comparison?.kind === "regression") {
    parts.push(
      comparison.regressions.map(
        (c) => `- ${escapeMarkdown(c.workload)} at ${threadsText(c.threads)}: ${formatNs(c.baselineMedianNs)} \u2192 ${formatNs(c.currentMedianNs)} (${formatSignedPercent(c.ratio - 1)}, ${levelText2(c.ciLevel)} CI ${c.ci95 ? `${formatSignedPercent(c.ci95[0] - 1)} \u2026 ${formatSignedPercent(c.ci95[1] - 1)}` : "\u2013"}, over ${c.unit})`
      ).join("\n")
    );
    if (ctx.waived)
      parts.push(`> [!NOTE]
> Not failing the check: ${escapeMarkdown(ctx.waived)}.`);
    else if (ctx.acceptHint)
      parts.push(
        `If the slowdown is intended (a trade for accuracy, say), add the label \`${ACCEPT_LABEL}\` to the pull request, or end the head commit's message with the trailer \`${ACCEPT_TRAILER}: <reason>\`, and re-run the job: the check then passes, with the acceptance shown here.` + (ctx.acceptNote ? ` (The trailer could not be read: ${escapeMarkdown(ctx.acceptNote)}.)` : "")
      );
  }
  const skipped = skippedText(result);
  const warnings = [...ctx.warnings ?? [], ...skipped ? [skipped] : []];
  for (const w of warnings) parts.push(`> [!WARNING]
> ${escapeMarkdown(w)}`);
  parts.push(recommendationBlock(result));
  parts.push(machineKindNote(result, { text: escapeMarkdown, code: codeSpan }));
  parts.push(keyCellsBlock(result, comparison));
  const advice = historyAdviceText(ctx.historyAdvice ?? []);
  if (advice) parts.push(advice);
  if (ctx.trend && ctx.trend.length > 0)
    parts.push(fold(trendSummary(ctx.trend), trendBlock(ctx.trend)));
  const sections = result.workloads.map((w) => {
    const metric = w.kind !== "matmul" && w.metric ? `Metric: ${escapeMarkdown(w.metric.name)}. ` : "";
    return `#### ${escapeMarkdown(w.label)}

${metric}${w.recommended.reason ? `${escapeMarkdown(w.recommended.reason)}.

` : ""}${workloadTable2(w, comparison, result.machine.availableCpus)}

${chartCaption(w, comparison)}

${latencyChart(w, comparison)}` + (throughputTable2(w) ? `

${throughputTable2(w)}` : "");
  });
  const cells = result.workloads.reduce((n, w) => n + w.points.length, 0);
  parts.push(
    fold(
      `All ${cells} cells: each workload's table and chart${result.recommendation.throughput ? ", the throughput splits" : ""}`,
      sections.join("\n\n")
    )
  );
  parts.push(detailsBlock(result, comparison, ctx));
  parts.push(
    `<sub>threadgate ${escapeMarkdown(result.tool.version)}${comparison === null || comparison.kind === "no-baseline" ? "" : ctx.baselineKind === "same-job" ? " \xB7 baseline measured in the same job, interleaved" : ctx.baselineKind === "stored" ? " \xB7 stored baseline" : ""}${ctx.runUrl ? ` \xB7 [run](${ctx.runUrl})` : ""}</sub>`
  );
  return parts.join("\n\n") + "\n";
}
function sameJobDuets(comparison) {
  if (comparison.kind === "no-baseline") return "";
  const threads2 = comparison.cells.filter((c) => c.duet === true).map((c) => c.threads);
  return threads2.length === 0 ? "" : `; ${duetText(threads2)} (base and head at once, each on its own pinned CPUs, paired window by window)`;
}
var threadsText, ICON, BASELINE_COLOUR, CURRENT_COLOUR;
var init_markdown = __esm({
  "src/report/markdown.ts"() {
    "use strict";
    init_changes();
    init_normalize();
    init_same_job();
    init_text();
    init_stats();
    init_outcome();
    init_format();
    init_terminal();
    init_brief();
    threadsText = (n) => `${n} thread${n === 1 ? "" : "s"}`;
    ICON = { pass: "\u2705", regression: "\u274C", inconclusive: "\u26A0\uFE0F", "no-baseline": "\u2139\uFE0F" };
    BASELINE_COLOUR = "#9ec5e8";
    CURRENT_COLOUR = "#d62728";
  }
});

// src/cli/report.ts
var report_exports = {};
__export(report_exports, {
  REPORT_HELP: () => REPORT_HELP,
  REPORT_OPTIONS: () => REPORT_OPTIONS,
  reportCommand: () => reportCommand,
  reportSettingsFromFlags: () => reportSettingsFromFlags
});
function reportSettingsFromFlags(argv) {
  const v = parseFlags("report", argv, REPORT_OPTIONS);
  const optionalPath = (name, what) => v[name] === void 0 ? void 0 : requiredPath(v, name, what);
  const baselinePath = optionalPath("baseline", "a baseline history or a results file");
  const comparisonPath = optionalPath("comparison", "a threadgate compare --json file");
  if (baselinePath !== void 0 && comparisonPath !== void 0) {
    throw new InputError(
      "--baseline and --comparison: given together; expected one of them: --baseline FILE to compare here, or --comparison FILE to show a comparison made by threadgate compare --json"
    );
  }
  const title2 = stringFlag(v, "title");
  const runUrl = stringFlag(v, "run-url");
  return {
    currentPath: requiredPath(v, "current", "the results file of the run, threadgate sweep --json"),
    baselinePath,
    comparisonPath,
    outPath: v["out"] === "-" ? void 0 : optionalPath("out", "where to write the markdown"),
    title: title2 === void 0 ? void 0 : parseTitle(title2),
    runUrl: runUrl === void 0 ? void 0 : parseRunUrl(runUrl)
  };
}
function parseTitle(text2) {
  if (text2.trim() === "" || text2.length > 200) {
    throw invalid("--title", text2, "a non-empty title of at most 200 characters, e.g. linux-x64");
  }
  return text2;
}
function parseRunUrl(text2) {
  let url;
  try {
    url = new URL(text2);
  } catch {
    url = void 0;
  }
  if (url === void 0 || url.protocol !== "https:" && url.protocol !== "http:" || // eslint-disable-next-line no-control-regex
  /[\s()<>[\]`"'\u0000-\u001f\u007f]/.test(text2) || text2.length > 2e3) {
    throw invalid(
      "--run-url",
      text2,
      "an http or https URL without spaces, quotes, brackets or parentheses, e.g. $CI_JOB_URL"
    );
  }
  return text2;
}
async function comparisonFor(settings, current) {
  if (settings.baselinePath !== void 0) {
    const parsed = await readBaselineFile(settings.baselinePath, "--baseline");
    const comparison2 = compareResults(
      {
        document: parsed.document,
        source: `file ${settings.baselinePath}`,
        notes: parsed.from === "result" ? [`${settings.baselinePath} is a results file: used as a baseline history of one run`] : []
      },
      current
    );
    return { comparison: comparison2, history: parsed.document };
  }
  if (settings.comparisonPath === void 0) return { comparison: null, history: null };
  const comparison = await readComparisonFile(settings.comparisonPath, "--comparison");
  checkComparisonOf(
    comparison,
    current,
    (m) => new InputError(`--comparison ${settings.comparisonPath}: ${m}`),
    "the --current run"
  );
  return { comparison, history: null };
}
async function reportCommand(argv, io = stdoutIo2) {
  const settings = reportSettingsFromFlags(argv);
  await checkOutputPath(
    settings.outPath,
    "--out",
    [
      { flag: "--current", path: settings.currentPath },
      { flag: "--baseline", path: settings.baselinePath },
      { flag: "--comparison", path: settings.comparisonPath }
    ],
    { createParents: true }
  );
  const current = await readResultFile(settings.currentPath, "--current");
  const { comparison, history } = await comparisonFor(settings, current);
  const sameJob = comparison !== null && comparison.kind !== "no-baseline" && comparison.baseline.source.startsWith("same job:");
  const ctx = {
    ...settings.title === void 0 ? {} : { title: settings.title },
    ...settings.runUrl === void 0 ? {} : { runUrl: settings.runUrl },
    baselineKind: sameJob ? "same-job" : "stored",
    noBaselineHint: NO_BASELINE_HINT,
    resultsPath: settings.currentPath,
    ...history ? {
      trend: trendSeries(history, current, comparison, comparison?.changes ?? []),
      historyAdvice: historyRecommendation(history, current, current.settings.tolerance)
    } : {}
  };
  const markdown = renderMarkdown(current, comparison, ctx);
  if (settings.outPath === void 0) {
    io.out(markdown);
  } else {
    try {
      await writeTextAtomic(settings.outPath, markdown);
    } catch (e) {
      throw new InputError(
        `--out: could not write ${JSON.stringify(settings.outPath)}: ${fsWords(e)}`
      );
    }
    io.out(`Report written to ${settings.outPath} (${Buffer.byteLength(markdown)} bytes)
`);
  }
  return 0;
}
var REPORT_OPTIONS, REPORT_HELP, NO_BASELINE_HINT, stdoutIo2;
var init_report = __esm({
  "src/cli/report.ts"() {
    "use strict";
    init_compare();
    init_trend();
    init_documents();
    init_errors();
    init_markdown();
    init_io();
    init_args();
    REPORT_OPTIONS = {
      current: { type: "string", short: "c" },
      baseline: { type: "string", short: "b" },
      comparison: { type: "string" },
      out: { type: "string", short: "o" },
      title: { type: "string" },
      "run-url": { type: "string" }
    };
    REPORT_HELP = `threadgate report \u2014 the markdown report of the pull-request comment, for any CI

Usage:
  threadgate report -c|--current FILE [-b|--baseline FILE | --comparison FILE]
                    [-o|--out FILE] [--title TEXT] [--run-url URL]

  -c, --current FILE   the results JSON of the run (threadgate sweep --json)
  -b, --baseline FILE  compare with this baseline history (threadgate baseline add) or results
                       file, with the default stored-baseline gate of threadgate compare
  --comparison FILE    or show this comparison (threadgate compare --json, or the
                       --comparison-json of a same-job sweep); it must be the comparison of the
                       --current run. Validated as untrusted data.
  -o, --out FILE       write the markdown to FILE (atomically) instead of standard output
                       (- or no --out: standard output)
  --title TEXT         a title for the headline, e.g. the runner: "linux-x64"
  --run-url URL        a link to the CI job (http or https), e.g. "$CI_JOB_URL"
  -h, --help           this help (also: threadgate help report)

Without --baseline or --comparison the report shows the sweep and the recommendation only.
Paste it as a GitLab merge-request note, a Jenkins build description or a Buildkite annotation;
the README's "Other CI systems" section has a GitLab job.

Exit codes: 0 the report was written, whatever its verdict (threadgate compare is the gate and
exits 1 on a regression), 2 error (bad input, a file that cannot be read or written).`;
    NO_BASELINE_HINT = "To get a baseline, add each default-branch run to a history (`threadgate baseline add --history FILE --result FILE`) and compare with it (`threadgate report --baseline FILE`).";
    stdoutIo2 = { out: (text2) => void process.stdout.write(text2) };
  }
});

// src/cli/worker.ts
var worker_exports = {};
__export(worker_exports, {
  INIT_WORKER_HELP: () => INIT_WORKER_HELP,
  WORKER_PATH_HELP: () => WORKER_PATH_HELP,
  initWorkerCommand: () => initWorkerCommand,
  workerPathCommand: () => workerPathCommand
});
import { copyFile, lstat as lstat2 } from "node:fs/promises";
import path7 from "node:path";
async function workerPathCommand(argv) {
  const v = parseFlags("worker-path", argv, PATH_OPTIONS);
  const dir = helperDir();
  process.stdout.write(`${v.dir === true ? dir : path7.join(dir, "threadgate_worker.py")}
`);
  return 0;
}
async function initWorkerCommand(argv) {
  if (argv.length > 1 || argv.some((a) => a.startsWith("-"))) {
    throw invalid(
      "init-worker",
      argv.join(" "),
      "at most one folder, e.g. threadgate init-worker ."
    );
  }
  const target = argv[0] ?? ".";
  try {
    if (!(await lstat2(target)).isDirectory()) throw new Error("not a folder");
  } catch {
    throw invalid("init-worker", target, "an existing folder");
  }
  const from = helperDir();
  const files = [
    ["threadgate_worker.py", "threadgate_worker.py"],
    ["example_worker.py", "threadgate_example_worker.py"]
  ];
  for (const [source, name] of files) {
    const to = path7.join(target, name);
    try {
      await copyFile(path7.join(from, source), to, 1);
    } catch (e) {
      throw new InputError(`init-worker: cannot write ${to} (${fsWords(e)}); expected a new file`);
    }
    process.stdout.write(`wrote ${to}
`);
  }
  process.stdout.write(
    `next: threadgate sweep --worker "python3 ${path7.join(target, "threadgate_example_worker.py")}" --threads 1,2
`
  );
  return 0;
}
var WORKER_PATH_HELP, INIT_WORKER_HELP, PATH_OPTIONS;
var init_worker2 = __esm({
  "src/cli/worker.ts"() {
    "use strict";
    init_errors();
    init_io();
    init_worker();
    init_args();
    WORKER_PATH_HELP = `threadgate worker-path \u2014 print where the Python worker helper is

Usage:
  threadgate worker-path [--dir]

Prints the path of threadgate_worker.py (the worker protocol for Python: your setup and your
call, nothing else). threadgate puts its folder on PYTHONPATH for every --worker it starts, so
\`from threadgate_worker import serve\` works without copying it; with --dir, prints the folder.`;
    INIT_WORKER_HELP = `threadgate init-worker \u2014 copy the Python worker helper and an example into a folder

Usage:
  threadgate init-worker [DIR]

Writes DIR/threadgate_worker.py and DIR/threadgate_example_worker.py (default DIR: the current
folder); refuses to overwrite a file. Then:
  threadgate sweep --worker "python3 DIR/threadgate_example_worker.py" --threads 1,2`;
    PATH_OPTIONS = { dir: { type: "boolean" } };
  }
});

// src/cli/main.ts
init_errors();
init_args();
init_version();
var USAGE = `threadgate ${TOOL_VERSION} \u2014 how many threads should CPU inference use here, and did it get slower?

Usage:
  threadgate sweep    [--sizes LIST] [-t|--threads LIST|auto] [--max-time SECONDS]
                      [-j|--json FILE|-] [--model FILE --input-shape NAME=DIMS \u2026]
                      [--command "CMD"] [--worker "CMD"] [--engine onnxruntime|torch]
                      [-q|--quiet] \u2026
  threadgate compare  -b|--baseline FILE -c|--current FILE [--threshold PERCENT]
                      [-j|--json FILE|-] \u2026
  threadgate baseline add  --history FILE --result FILE [--keep N] [--ref R] [--sha S] [--force]
  threadgate baseline show --history FILE [-j|--json]
  threadgate baseline changes --history FILE [--json]
  threadgate report   -c|--current FILE [-b|--baseline FILE | --comparison FILE] [-o|--out FILE] \u2026
  threadgate worker-path [--dir]
  threadgate init-worker [DIR]
  threadgate help [COMMAND] | --help | --version

Commands:
  sweep      measure latency across thread counts, recommend OMP_NUM_THREADS
  compare    decide pass / regression / inconclusive / no-baseline against a baseline
  baseline   keep a baseline history in a file (CI systems other than GitHub Actions)
  report     the markdown report of the pull-request comment, for any CI
  worker-path   where the Python worker helper is (for --worker)
  init-worker   copy the Python worker helper and an example into a folder

threadgate COMMAND --help (or threadgate help COMMAND) shows all of a command's options.
A JSON flag given - (--json -) writes the JSON to standard output, and the tables go to
standard error. Colour on a terminal only; NO_COLOR=1 turns it off, FORCE_COLOR=1 forces it.

Exit codes: 0 pass / no baseline / inconclusive, 1 regression, 2 error.`;
var COMMANDS = ["sweep", "compare", "baseline", "report", "worker-path", "init-worker"];
async function loadCommand(name) {
  switch (name) {
    case "sweep": {
      const m = await Promise.resolve().then(() => (init_sweep2(), sweep_exports));
      return { run: m.sweepCommand, help: m.SWEEP_HELP };
    }
    case "compare": {
      const m = await Promise.resolve().then(() => (init_compare2(), compare_exports));
      return { run: m.compareCommand, help: m.COMPARE_HELP };
    }
    case "baseline": {
      const m = await Promise.resolve().then(() => (init_baseline2(), baseline_exports));
      return { run: m.baselineCommand, help: m.BASELINE_HELP };
    }
    case "report": {
      const m = await Promise.resolve().then(() => (init_report(), report_exports));
      return { run: m.reportCommand, help: m.REPORT_HELP };
    }
    case "worker-path": {
      const m = await Promise.resolve().then(() => (init_worker2(), worker_exports));
      return { run: m.workerPathCommand, help: m.WORKER_PATH_HELP };
    }
    case "init-worker": {
      const m = await Promise.resolve().then(() => (init_worker2(), worker_exports));
      return { run: m.initWorkerCommand, help: m.INIT_WORKER_HELP };
    }
    default:
      return void 0;
  }
}
function unknownCommand(name) {
  const guess = closest(name, [...COMMANDS, "help"]);
  return new InputError(
    `unknown command ${JSON.stringify(name)}; ` + (guess !== void 0 ? `did you mean "${guess}"? (see threadgate --help)` : `expected one of ${COMMANDS.join(", ")} (see threadgate --help)`)
  );
}
async function main(argv) {
  const [name, ...rest] = argv;
  if (name === void 0) {
    process.stderr.write(USAGE + "\n");
    return 2;
  }
  if (name === "--version" || name === "-v") {
    process.stdout.write(`${TOOL_VERSION}
`);
    return 0;
  }
  try {
    if (name === "--help" || name === "-h" || name === "help") {
      const topic = name === "help" ? rest[0] : void 0;
      const command2 = topic === void 0 || topic === "help" ? void 0 : await loadCommand(topic);
      if (topic !== void 0 && topic !== "help" && command2 === void 0) {
        throw unknownCommand(topic);
      }
      process.stdout.write((command2?.help ?? USAGE) + "\n");
      return 0;
    }
    const command = await loadCommand(name);
    if (!command) throw unknownCommand(name);
    if (rest.includes("--help") || rest.includes("-h")) {
      process.stdout.write(command.help + "\n");
      return 0;
    }
    return await command.run(rest);
  } catch (e) {
    if (isUserError(e)) {
      process.stderr.write(`threadgate: error: ${e.message}
`);
    } else {
      process.stderr.write(`threadgate: internal error (please report it): ${describeError(e)}
`);
      if (process.env["THREADGATE_DEBUG"] && e instanceof Error && e.stack)
        process.stderr.write(e.stack + "\n");
    }
    return 2;
  }
}

// src/cli.ts
process.exitCode = await main(process.argv.slice(2));
