/**
 * Renders Mermaid source in real headless Chromium (Debian's `chromium`, /usr/bin/chromium) with
 * the mermaid browser bundle from node_modules: writes a page into a temp dir, runs Chromium as a
 * child process with `--dump-dom` (and optionally `--screenshot`), and reads back the SVG that
 * `mermaid.render` produced, or its error. No network: the page loads only local files, and the
 * background-networking flags keep Chromium from dialling out on a closed network.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

export const CHROMIUM = '/usr/bin/chromium';

/** Why Chromium tests cannot run here, or undefined when they can: for `it(…, { skip })`. */
export function chromiumSkipReason(): string | undefined {
  return existsSync(CHROMIUM)
    ? undefined
    : `${CHROMIUM} not found: install the Debian package \`chromium\` (CI's .ci/run does)`;
}

/**
 * The UMD bundle (sets `window.mermaid`): a classic script loads from a file:// page, whereas
 * the ESM builds (mermaid.esm.min.mjs, which imports ./chunks/…) are blocked by CORS there.
 */
export function mermaidBundlePath(): string {
  const require = createRequire(import.meta.url);
  return path.join(path.dirname(require.resolve('mermaid/package.json')), 'dist/mermaid.min.js');
}

/** The sources of the ```mermaid blocks of a markdown document, fences stripped. */
export function mermaidBlocks(markdown: string): string[] {
  return [...markdown.matchAll(/^```mermaid\n([\s\S]*?)^```$/gm)].map((m) => m[1]!);
}

export interface RenderOptions {
  /** Also write a PNG of the page here. */
  readonly screenshot?: string;
  /** Browser window (and screenshot) size in CSS pixels; default 760×540. */
  readonly width?: number;
  readonly height?: number;
  /** Device scale factor of the screenshot (2: a sharper picture); default 1. */
  readonly scale?: number;
  /** Kill Chromium after this long; default 30 s. */
  readonly timeoutMs?: number;
}

export interface Rendered {
  /** The SVG mermaid produced (as serialized by the DOM dump), or null if it failed. */
  readonly svg: string | null;
  /** mermaid's error message; null on success. */
  readonly error: string | null;
}

function page(bundleUrl: string, sources: readonly string[], width: number): string {
  // JSON with `<` escaped: no source can close the <script> element it sits in.
  const literal = JSON.stringify(sources).replace(/</g, '\\u003c');
  return `<!doctype html>
<html><head><meta charset="utf-8">
<style>body { margin: 0; background: white; } .case { width: ${width}px; } svg { display: block; }</style>
<script src="${bundleUrl}"></script>
</head><body data-status="pending"><main id="cases"></main>
<script>
(async () => {
  const cases = document.getElementById('cases');
  const sources = ${literal};
  const message = (e) => String((e && e.message) || e);
  try {
    if (typeof mermaid === 'undefined') throw new Error('the mermaid bundle did not load');
    mermaid.initialize({ startOnLoad: false, securityLevel: 'strict', theme: 'default' });
    for (const [i, source] of sources.entries()) {
      const div = document.createElement('div');
      div.className = 'case';
      cases.append(div);
      try {
        const { svg } = await mermaid.render('chart' + i, source);
        div.innerHTML = svg;
        div.dataset.status = 'ok';
      } catch (e) {
        const pre = document.createElement('pre');
        pre.textContent = message(e);
        div.append(pre);
        div.dataset.status = 'error';
      }
    }
    document.body.dataset.status = 'done';
  } catch (e) {
    const pre = document.createElement('pre');
    pre.id = 'fatal';
    pre.textContent = message(e);
    document.body.append(pre);
    document.body.dataset.status = 'error';
  }
})();
</script></body></html>
`;
}

interface Exit {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly timedOut: boolean;
}

function run(args: readonly string[], timeoutMs: number): Promise<Exit> {
  return new Promise((resolve, reject) => {
    // Its own process group, so a timeout kills the renderer and GPU children too.
    const child = spawn(CHROMIUM, args, { stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }, timeoutMs);
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({
        code,
        signal,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
        timedOut,
      });
    });
  });
}

/**
 * Render each source with mermaid, in order, in one headless Chromium (one launch costs about a
 * second; each chart a few ms more). With `screenshot`, the page is also captured as a PNG (the
 * charts stack vertically, so screenshot a single source). Throws if Chromium or the page failed;
 * a source mermaid rejects comes back as `{ svg: null, error }`.
 */
export async function renderMermaidAll(
  sources: readonly string[],
  opts: RenderOptions = {},
): Promise<Rendered[]> {
  const width = opts.width ?? 760;
  const height = opts.height ?? 540;
  const timeoutMs = opts.timeoutMs ?? 30_000;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'threadgate-chromium-'));
  try {
    const html = path.join(dir, 'page.html');
    writeFileSync(html, page(pathToFileURL(mermaidBundlePath()).href, sources, width));
    const args = [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      `--user-data-dir=${path.join(dir, 'profile')}`,
      '--virtual-time-budget=10000',
      '--dump-dom',
    ];
    if (opts.screenshot !== undefined) {
      args.push(
        `--screenshot=${path.resolve(opts.screenshot)}`,
        `--window-size=${width},${height}`,
        '--hide-scrollbars',
        `--force-device-scale-factor=${opts.scale ?? 1}`,
      );
    }
    args.push(pathToFileURL(html).href);
    const exit = await run(args, timeoutMs);
    const dom = exit.stdout;
    const status = /<body[^>]*\bdata-status="(\w+)"/.exec(dom)?.[1];
    if (status !== 'done') {
      const fatal = /<pre id="fatal">([\s\S]*?)<\/pre>/.exec(dom)?.[1];
      throw new Error(
        fatal !== undefined
          ? `mermaid page failed: ${decodeHtml(fatal)}`
          : `chromium ${exit.timedOut ? `timed out after ${timeoutMs} ms` : `exited with ${exit.code ?? exit.signal}`} before mermaid finished (page status ${status ?? 'none'}); stderr:\n${exit.stderr.slice(-2000)}`,
      );
    }
    // Each case is a <div class="case" data-status=…> holding an <svg> or a <pre> with the error.
    const cases = dom.split('<div class="case" ').slice(1);
    if (cases.length !== sources.length) {
      throw new Error(`expected ${sources.length} rendered cases, found ${cases.length}`);
    }
    return cases.map((body) => {
      if (body.startsWith('data-status="ok"')) {
        const svg = /<svg[\s\S]*<\/svg>/.exec(body)?.[0] ?? null;
        return { svg, error: svg === null ? 'no <svg> in the output' : null };
      }
      const pre = /<pre>([\s\S]*?)<\/pre>/.exec(body)?.[1];
      return { svg: null, error: pre !== undefined ? decodeHtml(pre) : 'no output' };
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Render one source; see renderMermaidAll. */
export async function renderMermaid(source: string, opts: RenderOptions = {}): Promise<Rendered> {
  const [one] = await renderMermaidAll([source], opts);
  return one!;
}

/** Undo the escaping of text in serialized HTML. */
export function decodeHtml(s: string): string {
  return s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&nbsp;/g, '\u00a0')
    .replace(/&amp;/g, '&');
}

/**
 * Open a page (an HTML file) in headless Chromium and return the DOM after it settled; with
 * `screenshot`, also a PNG of it. No network: local files only.
 */
export async function renderHtmlFile(
  file: string,
  opts: { screenshot?: string; width?: number; height?: number; timeoutMs?: number } = {},
): Promise<string> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'threadgate-chromium-'));
  try {
    const args = [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      `--user-data-dir=${path.join(dir, 'profile')}`,
      '--virtual-time-budget=5000',
      '--dump-dom',
    ];
    if (opts.screenshot !== undefined) {
      args.push(
        `--screenshot=${path.resolve(opts.screenshot)}`,
        `--window-size=${opts.width ?? 1400},${opts.height ?? 900}`,
        '--hide-scrollbars',
      );
    }
    args.push(pathToFileURL(file).href);
    const exit = await run(args, opts.timeoutMs ?? 30_000);
    if (exit.timedOut || !exit.stdout.includes('</html>')) {
      throw new Error(`chromium did not render ${file}: ${exit.stderr.slice(-1000)}`);
    }
    return exit.stdout;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
