/**
 * Draws the many-core simulation's curves (bench/manycore-model.ts): latency against threads for
 * each curve at each machine size, one panel per machine, log–log, the grid's counts as dots
 * (filled: within 5 % of the curve's optimum), the optimum as a star. Writes an SVG and renders
 * it to PNG with headless Chromium (Debian's `chromium`).
 *
 *   node --import tsx bench/manycore-chart.ts [docs/img/manycore-curves]   # → .svg and .png
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { CHROMIUM } from '../test/support/chromium.js';
import { CURVES, MACHINES, latencyNs, optimum } from './manycore-model.js';
import { simPlan } from './manycore.js';
import { ROOT } from './util.js';

const base = path.resolve(process.argv[2] ?? path.join(ROOT, 'docs/img/manycore-curves'));
const PANEL_W = 470;
const PANEL_H = 330;
const MARGIN = { left: 64, right: 16, top: 34, bottom: 44 };
const COLS = 2;
const LEGEND_H = 52;
const WIDTH = PANEL_W * COLS;
const HEIGHT = LEGEND_H + PANEL_H * Math.ceil(MACHINES.length / COLS);
const COLORS = ['#1f77b4', '#d62728', '#2ca02c'];

const esc = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function fmt(ns: number): string {
  if (ns >= 1e6) return `${+(ns / 1e6).toPrecision(3)} ms`;
  if (ns >= 1e3) return `${+(ns / 1e3).toPrecision(3)} µs`;
  return `${Math.round(ns)} ns`;
}

function star(x: number, y: number, r: number, color: string): string {
  const pts: string[] = [];
  for (let i = 0; i < 10; i++) {
    const a = -Math.PI / 2 + (i * Math.PI) / 5;
    const rr = i % 2 === 0 ? r : r * 0.45;
    pts.push(`${(x + rr * Math.cos(a)).toFixed(1)},${(y + rr * Math.sin(a)).toFixed(1)}`);
  }
  return `<polygon points="${pts.join(' ')}" fill="${color}" stroke="#000" stroke-width="0.6"/>`;
}

function panel(mi: number): string {
  const m = MACHINES[mi]!;
  const plan = simPlan(m);
  const x0 = (mi % COLS) * PANEL_W;
  const y0 = LEGEND_H + Math.floor(mi / COLS) * PANEL_H;
  const pw = PANEL_W - MARGIN.left - MARGIN.right;
  const ph = PANEL_H - MARGIN.top - MARGIN.bottom;
  const ns = (c: (typeof CURVES)[number], n: number) => latencyNs(c, m, n);
  let lo = Infinity;
  let hi = 0;
  for (const c of CURVES) {
    for (let n = 1; n <= m.logical; n++) {
      lo = Math.min(lo, ns(c, n));
      hi = Math.max(hi, ns(c, n));
    }
  }
  const ylo = 10 ** Math.floor(Math.log10(lo));
  const yhi = 10 ** Math.ceil(Math.log10(hi));
  const X = (n: number) => x0 + MARGIN.left + (Math.log2(n) / Math.log2(m.logical)) * pw;
  const Y = (v: number) =>
    y0 + MARGIN.top + ph - ((Math.log10(v) - Math.log10(ylo)) / Math.log10(yhi / ylo)) * ph;
  const parts: string[] = [];
  parts.push(
    `<text x="${x0 + MARGIN.left}" y="${y0 + 20}" font-size="13" font-weight="bold">${esc(`${m.logical} CPUs: ${m.physical} cores${m.physical < m.logical ? ' × 2 SMT' : ''}, ${m.nodes} NUMA node${m.nodes > 1 ? 's' : ''} (${m.kind === 'x86' ? 'x86' : 'Graviton4-like'})`)}</text>`,
  );
  // Axes and grid lines.
  for (let d = ylo; d <= yhi * 1.001; d *= 10) {
    for (const k of [1, 2, 5]) {
      const v = d * k;
      if (v > yhi * 1.001) break;
      const y = Y(v);
      parts.push(
        `<line x1="${X(1)}" x2="${X(m.logical)}" y1="${y}" y2="${y}" stroke="${k === 1 ? '#ccc' : '#eee'}"/>`,
      );
      parts.push(
        `<text x="${X(1) - 6}" y="${y + 4}" font-size="10" text-anchor="end" fill="#444">${esc(fmt(v))}</text>`,
      );
    }
  }
  const ticks = [...new Set([...plan.threads, m.logical])];
  for (const t of ticks) {
    parts.push(
      `<line x1="${X(t)}" x2="${X(t)}" y1="${Y(ylo)}" y2="${Y(yhi)}" stroke="#eee"/>` +
        `<text x="${X(t)}" y="${Y(ylo) + 14}" font-size="10" text-anchor="middle" fill="#444">${t}</text>`,
    );
  }
  parts.push(
    `<rect x="${X(1)}" y="${Y(yhi)}" width="${pw}" height="${ph}" fill="none" stroke="#888"/>`,
    `<text x="${X(1) + pw / 2}" y="${y0 + PANEL_H - 8}" font-size="11" text-anchor="middle">threads (log scale; ticks: the auto grid)</text>`,
  );
  CURVES.forEach((c, ci) => {
    const color = COLORS[ci]!;
    const pts: string[] = [];
    for (let n = 1; n <= m.logical; n++) pts.push(`${X(n).toFixed(1)},${Y(ns(c, n)).toFixed(1)}`);
    parts.push(
      `<polyline points="${pts.join(' ')}" fill="none" stroke="${color}" stroke-width="1.8"/>`,
    );
    const o = optimum(c, m);
    for (const t of plan.threads) {
      const v = ns(c, t);
      const ok = v <= o.ns * 1.05;
      parts.push(
        `<circle cx="${X(t).toFixed(1)}" cy="${Y(v).toFixed(1)}" r="3.6" fill="${ok ? color : '#fff'}" stroke="${color}" stroke-width="1.4"/>`,
      );
    }
    parts.push(star(X(o.threads), Y(o.ns), 7, color));
    parts.push(
      `<text x="${X(m.logical) - 4}" y="${y0 + MARGIN.top + 14 + ci * 14}" font-size="10.5" text-anchor="end" fill="${color}">${esc(`${c.id}: ★ ${o.threads} threads, ${fmt(o.ns)}`)}</text>`,
    );
  });
  return parts.join('\n');
}

const SHORT: Record<string, string> = {
  seed256: 'seed256: MatMul 256³ (the seed article’s)',
  mm1024: 'mm1024: MatMul 1024³ (compute-bound)',
  mv4096: 'mv4096: 1×4096 · 4096×4096 (memory-bound)',
};
const LEGEND_X = [16, 306, 606];
const legend =
  CURVES.map(
    (c, i) =>
      `<line x1="${LEGEND_X[i]}" x2="${LEGEND_X[i]! + 22}" y1="18" y2="18" stroke="${COLORS[i]}" stroke-width="2.5"/>` +
      `<text x="${LEGEND_X[i]! + 28}" y="22" font-size="11.5">${esc(SHORT[c.id] ?? c.label)}</text>`,
  ).join('\n') +
  `<text x="16" y="40" font-size="11" fill="#444">${esc('Model latency per MatMul (log scale). Dots: the auto grid’s counts — filled within 5 % of the curve’s optimum, hollow beyond. Star: the optimum over every count.')}</text>`;
const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" font-family="DejaVu Sans, Arial, sans-serif">
<rect width="100%" height="100%" fill="#fff"/>
${legend}
${MACHINES.map((_, i) => panel(i)).join('\n')}
</svg>
`;

mkdirSync(path.dirname(base), { recursive: true });
writeFileSync(`${base}.svg`, svg);
const dir = mkdtempSync(path.join(os.tmpdir(), 'threadgate-chart-'));
try {
  const html = path.join(dir, 'page.html');
  writeFileSync(
    html,
    `<!doctype html><html><head><meta charset="utf-8"><style>body{margin:0;background:#fff}</style></head><body>${svg}</body></html>`,
  );
  execFileSync(
    CHROMIUM,
    [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      `--user-data-dir=${path.join(dir, 'profile')}`,
      '--hide-scrollbars',
      `--window-size=${WIDTH},${HEIGHT}`,
      '--force-device-scale-factor=2',
      `--screenshot=${base}.png`,
      pathToFileURL(html).href,
    ],
    { stdio: ['ignore', 'ignore', 'pipe'], timeout: 60_000 },
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
process.stdout.write(`${base}.svg\n${base}.png\n`);
