/**
 * Text threadgate does not control (workload names from files, branch names, command output,
 * notes built from a baseline a pull request can edit) on its way out: escaped for markdown,
 * stripped of control and direction-override characters for logs, and cut to a size limit.
 */

import { UNPRINTABLE_SOURCE } from '../contract/limits.js';

/** Control characters (C0, DEL, C1) and Unicode line/paragraph separators: become spaces. */
const CONTROLS = /\r\n|[\p{Cc}\p{Zl}\p{Zp}]/gu;
/**
 * Characters that reorder or hide text, dropped: every format character (Unicode category Cf —
 * bidi marks, embeddings, overrides and isolates (U+202E turns "gpj.exe" into "exe.jpg"), U+061C,
 * zero-width spaces and joiners, U+2060, the byte-order mark…) and unpaired surrogates. The same
 * set the contract refuses in manifest strings (contract/limits.ts UNPRINTABLE_SOURCE).
 */
const INVISIBLE = new RegExp(UNPRINTABLE_SOURCE, 'gu');

/**
 * One line of plain text for a log line or a message: control characters become spaces (a
 * newline followed by `::error::` would be a workflow command), direction overrides are dropped,
 * and the result is cut to `max` characters.
 */
export function plainText(text: string, max = 2000): string {
  const clean = text.replace(CONTROLS, ' ').replace(INVISIBLE, '');
  return clean.length <= max ? clean : `${clean.slice(0, max - 1)}…`;
}

const ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '\\': '\\\\',
  '|': '\\|',
  '`': '\\`',
  '*': '\\*',
  _: '\\_',
  '[': '\\[',
  ']': '\\]',
};

/**
 * Make untrusted text safe inside a GFM table cell or a line of prose: it renders as the same
 * characters and cannot end the cell, start a new line, open a link, code span or emphasis, or
 * write HTML. In particular `<!--` and `-->` come out as `&lt;!--` and `--&gt;`, so the text
 * cannot forge or close the hidden sticky-comment marker. `@name` gets a zero-width space after
 * the `@` so command output cannot notify people. Not for use inside code spans or blocks
 * (backslash escapes do not apply there).
 */
export function escapeMarkdown(text: string): string {
  return (
    text
      // Line breaks and other control characters would end the cell or the paragraph; direction
      // overrides would make it read as something else.
      .replace(CONTROLS, ' ')
      .replace(INVISIBLE, '')
      // The backslash goes first of the escapes (one pass): `\|` in the input must not
      // become `\\|`, an escaped backslash followed by a live cell separator.
      .replace(/[&<>\\|`*_[\]]/g, (c) => ESCAPES[c] ?? c)
      // GitHub turns these into links and notifications: @user, #123 and owner/repo#123,
      // GH-123, and bare URLs. A zero-width space keeps them text.
      .replace(/@(?=[A-Za-z0-9])/g, '@\u200b')
      .replace(/#(?=\d)/g, '#\u200b')
      .replace(/\b(GH)-(?=\d)/gi, '$1-\u200b')
      .replace(/\b([a-z][a-z0-9+.-]*):\/\//gi, '$1:\u200b//')
      .replace(/\bwww\./gi, 'www\u200b.')
  );
}

const TRUNCATION_NOTE =
  '\n\n---\n_This comment was truncated to fit GitHub’s size limit. The job summary has the full report._';

/** How a limit counts: UTF-16 code units (a comment body) or UTF-8 bytes (the job summary). */
export type SizeUnit = 'chars' | 'bytes';

/**
 * Shorten `body` to at most `limit` units — UTF-16 code units for a comment (as GitHub counts
 * characters), UTF-8 bytes for the job summary (GitHub's 1 MiB) — cutting at a line boundary and
 * appending a note. A leading HTML comment (the sticky marker) is always kept whole; the cut never
 * falls inside an HTML comment or a surrogate pair; an open code fence or `<details>` block is
 * closed before the note.
 * @throws RangeError when `limit` cannot hold the leading marker and the note.
 */
export function truncateBody(body: string, limit: number, unit: SizeUnit = 'chars'): string {
  if (unit === 'bytes') return truncateBytes(body, limit);
  if (body.length <= limit) return body;
  const keepAtLeast = leadingCommentEnd(body);
  let cut = limit - TRUNCATION_NOTE.length;
  for (;;) {
    if (cut < keepAtLeast) {
      throw new RangeError(`truncateBody: a limit of ${limit} cannot hold the marker and the note`);
    }
    const kept = body.slice(0, cutPoint(body, cut, keepAtLeast)).trimEnd();
    const result = kept + closers(kept) + TRUNCATION_NOTE;
    if (result.length <= limit) return result;
    cut -= result.length - limit; // the closers did not fit: cut that much earlier and retry
  }
}

/** End of an HTML comment that opens the body (after whitespace), or 0. */
function leadingCommentEnd(body: string): number {
  const start = body.length - body.trimStart().length;
  if (!body.startsWith('<!--', start)) return 0;
  const end = body.indexOf('-->', start + 4);
  return end === -1 ? 0 : end + 3;
}

/** Where to cut so that `body.slice(0, result)` has at most `max` code units. */
function cutPoint(body: string, max: number, keepAtLeast: number): number {
  let cut = body.lastIndexOf('\n', max);
  if (cut < keepAtLeast) cut = max; // one very long line: cut inside it
  // Not inside an HTML comment (it would swallow the rest of the page).
  const open = body.lastIndexOf('<!--', cut - 1);
  if (open >= keepAtLeast && body.lastIndexOf('-->', cut - 3) < open + 2) {
    const lineStart = body.lastIndexOf('\n', open);
    cut = lineStart >= keepAtLeast ? lineStart : open;
  }
  // Not between the halves of a surrogate pair.
  const previous = body.charCodeAt(cut - 1);
  if (cut > keepAtLeast && previous >= 0xd800 && previous <= 0xdbff) cut--;
  return Math.max(cut, keepAtLeast);
}

/** Closing text for a code fence or `<details>` blocks left open in `kept`. */
function closers(kept: string): string {
  let fence: string | undefined;
  for (const line of kept.split('\n')) {
    const m = /^ {0,3}(`{3,}|~{3,})/.exec(line);
    if (m === null) continue;
    const marker = m[1] ?? '';
    if (fence === undefined) fence = marker;
    else if (marker[0] === fence[0] && marker.length >= fence.length && line.trim() === marker) {
      fence = undefined; // a closing fence has no info string
    }
  }
  const openDetails =
    (kept.match(/<details[\s>]/gi)?.length ?? 0) - (kept.match(/<\/details>/gi)?.length ?? 0);
  return (
    (fence === undefined ? '' : `\n${fence}`) + '\n</details>'.repeat(Math.max(0, openDetails))
  );
}

/** truncateBody by UTF-8 bytes: cut by characters until the bytes fit (a few passes at most). */
function truncateBytes(body: string, limit: number): string {
  let chars = body.length;
  for (let pass = 0; pass < 8; pass++) {
    const text = truncateBody(body, chars);
    const bytes = Buffer.byteLength(text);
    if (bytes <= limit) return text;
    // Scale by the bytes per character of what was kept, then a little more.
    chars = Math.floor((text.length * limit) / bytes) - 64;
    if (chars <= 0) break;
  }
  throw new RangeError(
    `truncateBody: a limit of ${limit} bytes cannot hold the body's marker and note`,
  );
}
