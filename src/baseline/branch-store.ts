/**
 * `baseline: branch` — the baseline history kept as JSON files on an orphan branch of the same
 * repository (`history-branch`, default `threadgate-data`): durable, unlike the Actions cache,
 * whose entries go after 7 days unused.
 *
 * Layout: `histories/<fingerprint>/<scope>.json`, one file per history, named as the cache keys
 * are (fingerprint and baselineScope), so the same job and workloads on the same kind of machine
 * find the same file; optional page files (an HTML trend page) at the branch's root.
 *
 * Reading is a shallow fetch of that one branch (`git fetch --depth=1 origin refs/heads/<branch>`)
 * into the checkout's object store, then `git ls-tree` / `git cat-file` of the one file: no work
 * tree is touched, and a read-only token (a fork's pull request) is enough. The branch is written
 * by CI, but anyone with push access can put anything on it, so every file is read as untrusted
 * input: a blob only (a link, a folder, a submodule is refused), its size checked before a byte
 * is read, and its text through the contract (parseBaselineFile).
 *
 * Writing (the default branch's runs: see shouldSaveBaseline in src/action/run.ts) builds the next
 * commit with git's plumbing — a temporary index under RUNNER_TEMP (`GIT_INDEX_FILE`),
 * `hash-object`, `update-index`, `write-tree`, `commit-tree` — so nothing is checked out and the
 * checkout's index, work tree and worktree list stay as they were. The commit (a fixed bot
 * identity, never signed, no hooks run) is pushed with `git push origin <sha>:refs/heads/<branch>`.
 * A push rejected because another writer got there first (a matrix, two pushes in a row) is
 * retried a bounded number of times, each try re-fetching the branch and merging this run into
 * the file as it is now, so no run is lost; any other failure (no `contents: write`, a hook that
 * refuses, no network) is the SaveInfo's reason, never an exception.
 *
 * Bounded size: each history keeps its newest runs (mergeRun's maxRuns), and the branch's commits
 * are counted in a trailer of each commit message (`Threadgate-Generation: N`, since a shallow
 * fetch cannot count them); the save after the `maxCommits`-th pushes a fresh root commit of the
 * same tree with `--force-with-lease` against the commit it fetched, so the branch holds at most
 * `maxCommits` commits. A commit without the trailer (made by hand) counts as the first.
 */

import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseBaselineFile } from '../contract/documents.js';
import { LIMITS } from '../contract/limits.js';
import { BaselineError, describeError } from '../errors.js';
import { git, gitErrorLine, GIT_REMOTE_TIMEOUT_MS, type GitOptions } from '../io/git.js';
import { serializeBaseline } from './atomic-write.js';
import { sanitizeKeyPart } from './cache-store.js';
import type { BaselineDocument } from './history.js';
import type { BaselineStore, LoadedBaseline, MergeIntoStored, SaveInfo } from './store.js';

/** The folder of the history files on the branch. */
export const HISTORIES_DIR = 'histories';
/** Commits the branch holds at most before the next save squashes it into one. */
export const DEFAULT_MAX_COMMITS = 200;
/** Pushes tried when other writers keep getting there first. */
export const DEFAULT_PUSH_TRIES = 5;
/** The identity of the branch's commits (the one GitHub shows for the Actions bot). */
export const BOT_IDENTITY = {
  name: 'github-actions[bot]',
  email: '41898282+github-actions[bot]@users.noreply.github.com',
} as const;
const GENERATION_TRAILER = 'Threadgate-Generation';
/** History files read for the page hook at most (each at most LIMITS.fileBytes). */
const MAX_PAGE_HISTORIES = 500;
/** Bytes of all page files together. */
const MAX_PAGE_BYTES = 16 * 1024 * 1024;

/** Files for the branch's root made from every history on it (e.g. `index.html`). */
export type PageFiles = (docs: readonly BaselineDocument[]) => Record<string, string>;

export interface BranchStoreOptions {
  /** The checkout: a git repository whose `remote` is the repository itself. */
  readonly workspace: string;
  /** The history branch's name, e.g. "threadgate-data". */
  readonly branch: string;
  readonly fingerprint: string;
  /** Which history this is (baselineScope), as in the cache's keys. */
  readonly scope: string;
  /** Where the temporary index and files go (under RUNNER_TEMP), never the checkout. */
  readonly tempDir: string;
  /** Default "origin". */
  readonly remote?: string;
  /** Default DEFAULT_MAX_COMMITS. */
  readonly maxCommits?: number;
  /** Default DEFAULT_PUSH_TRIES. */
  readonly pushTries?: number;
  /** The wait after a rejected push is about this × the try's number, jittered. Default 250 ms. */
  readonly retryWaitMs?: number;
  /** Written at the branch's root on each save, from every history on the branch. */
  readonly pageFiles?: PageFiles;
}

/** A path segment from a fingerprint or scope: only `A–Z a–z 0–9 . _`, never `.`-first. */
function pathSegment(name: string): string {
  const key = sanitizeKeyPart(name);
  if (/^[A-Za-z0-9_][A-Za-z0-9._]*$/.test(key)) return key;
  const hash = createHash('sha256').update(name).digest('hex').slice(0, 8);
  return `${key.replace(/[^A-Za-z0-9._]/g, '_').replace(/^\./, '_')}.h${hash}`;
}

/** The history file's path on the branch. */
export function historyPath(fingerprint: string, scope: string): string {
  return `${HISTORIES_DIR}/${pathSegment(fingerprint)}/${pathSegment(scope)}.json`;
}

/** `git ls-tree -l -z` entries. */
interface TreeEntry {
  readonly mode: string;
  readonly type: string;
  readonly oid: string;
  /** null for trees and submodules ("-"). */
  readonly size: number | null;
  readonly path: string;
}

function parseLsTree(out: string): TreeEntry[] {
  const entries: TreeEntry[] = [];
  for (const record of out.split('\0')) {
    if (record === '') continue;
    const m = /^(\d+) (\w+) ([0-9a-f]+) +(-|\d+)\t(.*)$/s.exec(record);
    if (!m) throw new BaselineError(`unexpected git ls-tree output: ${record.slice(0, 200)}`);
    entries.push({
      mode: m[1]!,
      type: m[2]!,
      oid: m[3]!,
      size: m[4] === '-' ? null : Number(m[4]),
      path: m[5]!,
    });
  }
  return entries;
}

/** What a tree entry is, when it is not a file. */
function notAFile(entry: TreeEntry): string | null {
  if (entry.mode === '120000') return 'a symbolic link';
  if (entry.type === 'tree') return 'a folder';
  if (entry.type === 'commit') return 'a submodule';
  if (entry.type !== 'blob') return `a ${entry.type}`;
  return null;
}

/** What a failed push means: another writer was first (try again), or it cannot be done. */
type PushOutcome =
  | { readonly kind: 'pushed' }
  | { readonly kind: 'conflict'; readonly why: string }
  | { readonly kind: 'refused'; readonly why: string };

const WRITE_HINT =
  'the workflow needs `permissions: contents: write` on the default branch to keep the history on a branch';

export class BranchBaselineStore implements BaselineStore {
  private readonly remote: string;
  private readonly file: string;
  /** What load() found missing, for missReason(). */
  private missing: 'branch' | 'file' | null = null;

  constructor(private readonly opts: BranchStoreOptions) {
    this.remote = opts.remote ?? 'origin';
    this.file = historyPath(opts.fingerprint, opts.scope);
  }

  async load(): Promise<LoadedBaseline | null> {
    const head = await this.fetchHead();
    if (head === null) {
      this.missing = 'branch';
      return null;
    }
    const parsed = await this.readHistory(head, this.file);
    if (parsed === null) {
      this.missing = 'file';
      return null;
    }
    return {
      document: parsed.document,
      source: `branch ${this.opts.branch} at ${head.slice(0, 7)} (${this.file})`,
      notes:
        parsed.from === 'result'
          ? [`${this.label(this.file)} is a plain results file: a baseline history of one run`]
          : [],
    };
  }

  /**
   * Fetch the branch, merge this run into its file, commit, push; on a push another writer beat,
   * all of it again (a bounded number of times). Never throws for a push that cannot be done.
   */
  async save(merge: MergeIntoStored): Promise<SaveInfo> {
    const location = this.location();
    const tries = this.opts.pushTries ?? DEFAULT_PUSH_TRIES;
    await mkdir(this.opts.tempDir, { recursive: true });
    const tmp = await mkdtemp(path.join(this.opts.tempDir, 'history-branch-'));
    try {
      const conflicts: string[] = [];
      for (let attempt = 1; attempt <= tries; attempt++) {
        let head: string | null;
        try {
          head = await this.fetchHead();
        } catch (e) {
          return { saved: false, location, detail: describeError(e) };
        }
        // A file that is not a history starts afresh (load() said so already); a git failure
        // is no reason to drop the history, and fails the save.
        const stored =
          head === null
            ? null
            : await this.readHistory(head, this.file).catch((e: unknown) => {
                if (e instanceof BaselineError) return null;
                throw e;
              });
        const { commit, squashed } = await this.commitOnto(
          head,
          merge(stored?.document ?? null),
          tmp,
        );
        const pushed = await this.push(commit, head, squashed);
        switch (pushed.kind) {
          case 'pushed':
            return {
              saved: true,
              location,
              detail:
                `commit ${commit.slice(0, 7)}` +
                (squashed ? ' (the branch squashed into one commit)' : '') +
                (attempt > 1 ? ` after ${attempt - 1} rejected push(es)` : ''),
            };
          case 'refused':
            return { saved: false, location, detail: `${pushed.why}; ${WRITE_HINT}` };
          case 'conflict':
            conflicts.push(pushed.why);
            if (attempt < tries) await sleep(this.retryWait(attempt));
            break;
          default: {
            const never: never = pushed;
            return never;
          }
        }
      }
      return {
        saved: false,
        location,
        detail:
          `the push was rejected ${tries} times (${conflicts.at(-1) ?? 'rejected'}): other runs ` +
          `kept writing to ${this.opts.branch}; this run is not in the history`,
      };
    } finally {
      await rm(tmp, { recursive: true, force: true });
    }
  }

  describe(): string {
    return `branch ${this.opts.branch} (${this.file})`;
  }

  missReason(): string {
    if (this.missing === 'branch') {
      return (
        `the branch ${this.opts.branch} does not exist on ${this.remote} yet (the first run on the ` +
        'default branch creates it; that run needs `permissions: contents: write`)'
      );
    }
    return (
      `the branch ${this.opts.branch} holds no ${this.file} yet (never saved for this job and ` +
      'these workloads on this kind of machine by a run on the default branch)'
    );
  }

  private location(): string {
    return `${this.opts.branch}:${this.file}`;
  }

  private label(file: string): string {
    return `${this.opts.branch}:${file}`;
  }

  private retryWait(attempt: number): number {
    return Math.round((this.opts.retryWaitMs ?? 250) * attempt * (0.5 + Math.random()));
  }

  /** git in the checkout, with messages in English (they are matched) and no auto gc. */
  private async git(args: readonly string[], opts: GitOptions = {}) {
    return git(['-c', 'gc.auto=0', '-c', 'maintenance.auto=false', ...args], this.opts.workspace, {
      ...opts,
      env: { LC_ALL: 'C', ...opts.env },
    });
  }

  /** The branch's head commit, fetched (depth 1) into the checkout; null when there is none. */
  private async fetchHead(): Promise<string | null> {
    try {
      await this.git(
        [
          'fetch',
          '--quiet',
          '--no-tags',
          '--no-recurse-submodules',
          '--depth=1',
          this.remote,
          `refs/heads/${this.opts.branch}`,
        ],
        { timeoutMs: GIT_REMOTE_TIMEOUT_MS },
      );
    } catch (e) {
      const why = gitErrorLine(e);
      if (/couldn't find remote ref/i.test(why)) return null;
      throw new BaselineError(
        `cannot fetch the branch ${this.opts.branch} from ${this.remote}: ${why}`,
      );
    }
    const { stdout } = await this.git(['rev-parse', '--verify', 'FETCH_HEAD^{commit}']);
    return stdout.toString().trim();
  }

  /** The history file at `file` in commit `head`, checked; null when it is not there. */
  private async readHistory(head: string, file: string) {
    const { stdout } = await this.git(['ls-tree', '-l', '-z', head, '--', file]);
    const entry = parseLsTree(stdout.toString()).find((e) => e.path === file);
    if (entry === undefined) return null;
    return this.readEntry(entry);
  }

  private async readEntry(entry: TreeEntry) {
    const name = this.label(entry.path);
    const what = notAFile(entry);
    if (what !== null) {
      throw new BaselineError(`history ${name}: is ${what}; expected a JSON file`);
    }
    if (entry.size === null || entry.size > LIMITS.fileBytes) {
      throw new BaselineError(
        `history ${name}: is ${entry.size ?? '?'} bytes; expected at most ${LIMITS.fileBytes}`,
      );
    }
    const { stdout } = await this.git(['cat-file', 'blob', entry.oid], {
      encoding: 'buffer',
      maxBuffer: LIMITS.fileBytes + 1,
    });
    const text = (stdout as Buffer).toString('utf8').replace(/^\uFEFF/, '');
    return parseBaselineFile(text, name, 'history');
  }

  /** Commits on the branch up to `head`, from its trailer (1 without one). */
  private async generation(head: string): Promise<number> {
    const { stdout } = await this.git(['cat-file', 'commit', head]);
    const m = new RegExp(`^${GENERATION_TRAILER}: (\\d+)$`, 'm').exec(stdout.toString());
    const n = m ? Number(m[1]) : 1;
    return Number.isSafeInteger(n) && n >= 1 ? n : 1;
  }

  /** The next commit of the branch: `head`'s tree with `doc` (and the page files) written in. */
  private async commitOnto(
    head: string | null,
    doc: BaselineDocument,
    tmp: string,
  ): Promise<{ commit: string; squashed: boolean }> {
    const index = path.join(tmp, 'index');
    await rm(index, { force: true });
    const env = { GIT_INDEX_FILE: index };
    await this.git(head === null ? ['read-tree', '--empty'] : ['read-tree', head], { env });
    const text = serializeBaseline(doc, this.label(this.file));
    const files: Record<string, string> = { [this.file]: text };
    if (this.opts.pageFiles) {
      const docs = await this.allHistories(head, doc);
      Object.assign(files, checkPageFiles(this.opts.pageFiles(docs)));
    }
    let n = 0;
    for (const [file, content] of Object.entries(files)) {
      const blobFile = path.join(tmp, `blob-${n++}`);
      await writeFile(blobFile, content);
      const blob = (await this.git(['hash-object', '-w', '--no-filters', blobFile])).stdout
        .toString()
        .trim();
      await this.git(
        ['update-index', '--add', '--replace', '--cacheinfo', `100644,${blob},${file}`],
        {
          env,
        },
      );
    }
    const tree = (await this.git(['write-tree'], { env })).stdout.toString().trim();
    const generation = head === null ? 0 : await this.generation(head);
    const maxCommits = this.opts.maxCommits ?? DEFAULT_MAX_COMMITS;
    const squashed = head !== null && generation >= maxCommits;
    const next = squashed ? 1 : generation + 1;
    const runs = doc.runs.length;
    const message =
      `threadgate: history ${this.file} (${runs} run${runs === 1 ? '' : 's'})` +
      (squashed ? `\n\nThe branch's ${generation} commits squashed into this one.` : '') +
      `\n\n${GENERATION_TRAILER}: ${next}\n`;
    const parents = head !== null && !squashed ? ['-p', head] : [];
    const identity = {
      GIT_AUTHOR_NAME: BOT_IDENTITY.name,
      GIT_AUTHOR_EMAIL: BOT_IDENTITY.email,
      GIT_COMMITTER_NAME: BOT_IDENTITY.name,
      GIT_COMMITTER_EMAIL: BOT_IDENTITY.email,
    };
    const commit = (
      await this.git(['commit-tree', '--no-gpg-sign', tree, ...parents, '-m', message], {
        env: identity,
      })
    ).stdout
      .toString()
      .trim();
    return { commit, squashed };
  }

  /** Every readable history on the branch, this run's merged one in place of its stored one. */
  private async allHistories(
    head: string | null,
    doc: BaselineDocument,
  ): Promise<BaselineDocument[]> {
    const docs: BaselineDocument[] = [];
    if (head !== null) {
      const { stdout } = await this.git(
        ['ls-tree', '-r', '-l', '-z', head, '--', `${HISTORIES_DIR}/`],
        {
          maxBuffer: 16 * 1024 * 1024,
        },
      );
      const entries = parseLsTree(stdout.toString())
        .filter((e) => e.path.endsWith('.json') && e.path !== this.file)
        .slice(0, MAX_PAGE_HISTORIES);
      for (const entry of entries) {
        // A file that is not a history is left out of the page, not a failed save.
        const parsed = await this.readEntry(entry).catch(() => null);
        if (parsed !== null) docs.push(parsed.document);
      }
    }
    docs.push(doc);
    return docs;
  }

  private async push(commit: string, head: string | null, squash: boolean): Promise<PushOutcome> {
    const dest = `refs/heads/${this.opts.branch}`;
    const lease = squash && head !== null ? [`--force-with-lease=${dest}:${head}`] : [];
    try {
      await this.git(
        ['push', '--porcelain', '--no-verify', ...lease, this.remote, `${commit}:${dest}`],
        { timeoutMs: GIT_REMOTE_TIMEOUT_MS },
      );
      return { kind: 'pushed' };
    } catch (e) {
      const out = (e as { stdout?: unknown }).stdout;
      const porcelain = typeof out === 'string' ? out : Buffer.isBuffer(out) ? out.toString() : '';
      // `!<TAB>src:dst<TAB>[rejected] (fetch first | non-fast-forward | stale info)`: another
      // writer was first, as the remote's refs showed before the push.
      const line = porcelain
        .split('\n')
        .find((l) => l.startsWith('!\t') && l.includes('\t[rejected]'));
      if (line !== undefined) {
        return { kind: 'conflict', why: line.split('\t').slice(2).join(' ').trim() };
      }
      const why = `git push to ${this.remote} failed: ${remoteLines(e) || gitErrorLine(e)}`;
      // Any other failure: another writer may still have been first, between the remote's
      // advertisement and its ref update ("[remote rejected] (failed to update ref)", "cannot lock
      // ref"), which no message says portably. The branch moved since it was fetched: that. It
      // did not: the push cannot be done (no permission, a hook, a protected branch, no network).
      const now = await this.fetchHead().catch(() => undefined);
      if (now !== undefined && now !== head) return { kind: 'conflict', why };
      return { kind: 'refused', why };
    }
  }
}

/** What the remote said (`remote: …` lines) and the rejection, in one line. */
function remoteLines(e: unknown): string {
  const err = e as { stderr?: unknown; stdout?: unknown; killed?: unknown };
  if (err.killed === true) return 'git timed out';
  const text = (x: unknown) => (typeof x === 'string' ? x : Buffer.isBuffer(x) ? x.toString() : '');
  const lines = [
    ...text(err.stderr)
      .split('\n')
      .filter((l) => /^remote: \S/.test(l) || /^(fatal|error):/.test(l)),
    ...text(err.stdout)
      .split('\n')
      .filter((l) => l.startsWith('!\t'))
      .map((l) => l.split('\t').slice(2).join(' ')),
  ];
  return lines.join(' ').replace(/\s+/g, ' ').trim().slice(0, 400);
}

/** The page hook's files: plain names at the root, text, bounded in all. */
function checkPageFiles(files: Record<string, string>): Record<string, string> {
  let bytes = 0;
  for (const [name, content] of Object.entries(files)) {
    if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/.test(name) || name === HISTORIES_DIR) {
      throw new BaselineError(
        `page file "${name}": expected a plain file name at the branch's root (not ${HISTORIES_DIR})`,
      );
    }
    if (typeof content !== 'string') {
      throw new BaselineError(`page file ${name}: expected text`);
    }
    bytes += Buffer.byteLength(content);
  }
  if (bytes > MAX_PAGE_BYTES) {
    throw new BaselineError(`page files: ${bytes} bytes; expected at most ${MAX_PAGE_BYTES}`);
  }
  return files;
}
