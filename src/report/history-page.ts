/**
 * The data branch's page (index.html): every stored history drawn as charts — one per workload and
 * thread count, each run's median over the runs, change points marked, each run linked to its
 * commit. One self-contained file: inline SVG and CSS, no script, no external resource, so GitHub
 * Pages can serve it and it reads offline. Every string from a history (workload ids, refs, the
 * CPU model) is data a pull request may have shaped: escaped for HTML.
 */
import type { BaselineDocument } from '../contract/schema.js';
import { formatNs } from './format.js';

/** A change point to mark: the first run of a new level of a cell. */
export interface PageChange {
  readonly workload: string;
  readonly threads: number;
  readonly index: number;
  readonly ratio: number;
}

export interface HistoryPageOptions {
  /** e.g. "octo-org/octo-repo". */
  readonly repository?: string;
  /** e.g. "https://github.com": with repository, runs link to their commits. */
  readonly serverUrl?: string;
  /** The change points of each history (same order as the documents). */
  readonly changes?: readonly (readonly PageChange[])[];
  /** When the page was written (ISO); default now. */
  readonly generatedAt?: string;
}

const W = 640;
const H = 200;
const PAD = { left: 64, right: 16, top: 16, bottom: 28 };

export function renderHistoryPage(
  docs: readonly BaselineDocument[],
  opts: HistoryPageOptions = {},
): string {
  const title = `threadgate history${opts.repository ? ` — ${opts.repository}` : ''}`;
  const sections = docs.map((doc, i) => historySection(doc, opts.changes?.[i] ?? [], opts));
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
<style>
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; margin: 24px; color: #1f2328; max-width: 1400px; }
h1 { font-size: 22px; margin: 0 0 4px; } h2 { font-size: 17px; margin: 28px 0 4px; }
.meta { color: #59636e; margin: 0 0 12px; }
.grid { display: flex; flex-wrap: wrap; gap: 16px; }
figure { margin: 0; border: 1px solid #d1d9e0; border-radius: 6px; padding: 8px 8px 4px; background: #fff; }
figcaption { font-weight: 600; margin: 0 0 4px; }
svg text { font: 11px system-ui, sans-serif; fill: #59636e; }
.run { fill: #0969da; } .line { fill: none; stroke: #0969da; stroke-width: 1.5; }
.change { stroke: #cf222e; stroke-dasharray: 4 3; } .change-label { fill: #cf222e; }
.axis { stroke: #d1d9e0; }
</style></head><body>
<h1>${esc(title)}</h1>
<p class="meta">${docs.length} histor${docs.length === 1 ? 'y' : 'ies'} · written ${esc(opts.generatedAt ?? new Date().toISOString())} · each point is one run's median (lower is faster); red dashed lines mark change points.</p>
${sections.join('\n')}
</body></html>
`;
}

function historySection(
  doc: BaselineDocument,
  changes: readonly PageChange[],
  opts: HistoryPageOptions,
): string {
  const m = doc.machine;
  const cells = new Map<string, { workload: string; threads: number }>();
  for (const run of doc.runs) {
    for (const w of run.workloads) {
      for (const p of w.points)
        cells.set(`${w.id}\u0000${p.threads}`, { workload: w.id, threads: p.threads });
    }
  }
  const first = doc.runs[0]?.createdAt.slice(0, 10) ?? '';
  const last = doc.runs[doc.runs.length - 1]?.createdAt.slice(0, 10) ?? '';
  const figures = [...cells.values()]
    .sort((a, b) => a.workload.localeCompare(b.workload) || a.threads - b.threads)
    .map((c) =>
      cellChart(
        doc,
        c.workload,
        c.threads,
        changes.filter((x) => x.workload === c.workload && x.threads === c.threads),
        opts,
      ),
    );
  return `<section>
<h2>${esc(m.cpuModel)} · ${m.availableCpus} CPUs · ${esc(m.os)}/${esc(m.arch)}${m.engine ? ` · ${esc(m.engine)}` : ''}</h2>
<p class="meta">fingerprint <code>${esc(doc.fingerprint)}</code> · ${doc.runs.length} run${doc.runs.length === 1 ? '' : 's'}, ${esc(first)} to ${esc(last)}</p>
<div class="grid">
${figures.join('\n')}
</div>
</section>`;
}

function cellChart(
  doc: BaselineDocument,
  workload: string,
  threads: number,
  changes: readonly PageChange[],
  opts: HistoryPageOptions,
): string {
  const points = doc.runs.flatMap((run, index) => {
    const p = run.workloads
      .find((w) => w.id === workload)
      ?.points.find((x) => x.threads === threads);
    return p ? [{ index, run, ns: p.medianNs }] : [];
  });
  const lo = Math.min(...points.map((p) => p.ns)) * 0.95;
  const hi = Math.max(...points.map((p) => p.ns)) * 1.05;
  const n = doc.runs.length;
  const x = (i: number) => PAD.left + (n <= 1 ? 0 : (i / (n - 1)) * (W - PAD.left - PAD.right));
  const y = (ns: number) => PAD.top + (1 - (ns - lo) / (hi - lo || 1)) * (H - PAD.top - PAD.bottom);
  const path = points
    .map((p, k) => `${k === 0 ? 'M' : 'L'}${x(p.index).toFixed(1)},${y(p.ns).toFixed(1)}`)
    .join(' ');
  const link = (sha: string | undefined) =>
    sha && opts.repository && opts.serverUrl && /^[0-9a-f]{7,64}$/.test(sha)
      ? `${opts.serverUrl}/${opts.repository}/commit/${sha}`
      : null;
  const dots = points
    .map((p) => {
      const tip = `${p.run.createdAt.slice(0, 16).replace('T', ' ')}${p.run.sha ? ` ${p.run.sha.slice(0, 7)}` : ''}${p.run.ref ? ` (${p.run.ref})` : ''}: ${formatNs(p.ns)}`;
      const dot = `<circle class="run" cx="${x(p.index).toFixed(1)}" cy="${y(p.ns).toFixed(1)}" r="3"><title>${esc(tip)}</title></circle>`;
      const href = link(p.run.sha);
      return href ? `<a href="${esc(href)}">${dot}</a>` : dot;
    })
    .join('');
  const marks = changes
    .filter((c) => c.index > 0 && c.index < n)
    .map((c) => {
      const cx = x(c.index - 0.5).toFixed(1);
      const pct = `${c.ratio >= 1 ? '+' : ''}${((c.ratio - 1) * 100).toFixed(1)} %`;
      return `<line class="change" x1="${cx}" x2="${cx}" y1="${PAD.top}" y2="${H - PAD.bottom}"/><text class="change-label" x="${cx}" y="${PAD.top + 10}" dx="4">${esc(pct)}</text>`;
    })
    .join('');
  const axis = `<line class="axis" x1="${PAD.left}" x2="${W - PAD.right}" y1="${H - PAD.bottom}" y2="${H - PAD.bottom}"/><line class="axis" x1="${PAD.left}" x2="${PAD.left}" y1="${PAD.top}" y2="${H - PAD.bottom}"/>`;
  const labels = `<text x="${PAD.left - 6}" y="${y(hi) + 10}" text-anchor="end">${esc(formatNs(hi))}</text><text x="${PAD.left - 6}" y="${y(lo)}" text-anchor="end">${esc(formatNs(lo))}</text><text x="${PAD.left}" y="${H - 8}">run 1</text><text x="${W - PAD.right}" y="${H - 8}" text-anchor="end">run ${n}</text>`;
  const caption = `${workload} @ ${threads} thread${threads === 1 ? '' : 's'}`;
  return `<figure><figcaption>${esc(caption)}</figcaption><svg width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" role="img" aria-label="${esc(caption)}">${axis}${labels}${marks}<path class="line" d="${path}"/>${dots}</svg></figure>`;
}

/** Text for HTML (element content and attribute values). */
export function esc(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );
}
