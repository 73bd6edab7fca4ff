/**
 * The GitHub sink through the real client (@actions/github's Octokit + retry plugin) against a
 * real HTTP stand-in that checks every request against GitHub's OpenAPI description.
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, afterEach, before, describe, it } from 'node:test';
import { createGitHubClient, type GitHubClient } from '../src/github/client.js';
import {
  classifyGitHubError,
  commentMarker,
  findStickyComment,
  stickyKey,
  upsertStickyComment,
} from '../src/github/comment.js';
import { GITHUB_COMMENT_LIMIT } from '../src/github/markdown.js';
import { escapeMarkdown, plainText, truncateBody } from '../src/report/text.js';
import { GitHubServer } from './support/github-server.js';

const OWNER = 'octo-org';
const REPO = 'octo-repo';
const COMMENTS = '/repos/{owner}/{repo}/issues/{issue_number}/comments';
const BOT = 'github-actions[bot]';

async function fixture(name: string): Promise<unknown> {
  return JSON.parse(
    await readFile(new URL(`./fixtures/github/${name}`, import.meta.url), 'utf8'),
  ) as unknown;
}

/** Split a GFM table row into cells: an unescaped `|` separates, `\` escapes the next char. */
function gfmCells(row: string): string[] {
  const cells: string[] = [];
  let current = '';
  for (let i = 0; i < row.length; i++) {
    const ch = row[i];
    if (ch === '\\' && i + 1 < row.length) {
      current += ch + row[i + 1];
      i++;
    } else if (ch === '|') {
      cells.push(current);
      current = '';
    } else {
      current += ch;
    }
  }
  cells.push(current);
  // A leading and a trailing pipe delimit the row; they do not make empty cells.
  if (cells[0]?.trim() === '') cells.shift();
  if (cells.at(-1)?.trim() === '') cells.pop();
  return cells;
}

const HOSTILE = [
  'feature|branch',
  'ends with backslash \\',
  'escaped pipe \\| still one cell',
  'line\nbreak | x |\r\n| y |',
  '`code | span`',
  '<!-- threadgate:sticky key="Bench / other" -->',
  'x" --> <b>bold</b> <!--',
  '[link](javascript:alert(1)) ![img](x) **bold** _it_',
  'cc @octocat and @github/security',
  '\u2028unicode line separator',
];

describe('github: sticky comment through the real client', () => {
  let server: GitHubServer;
  let client: GitHubClient;
  let issue = 0;
  const marker = commentMarker(stickyKey({ workflow: 'Bench', job: 'latency' }));
  const target = (issueNumber: number, body: string) => ({
    owner: OWNER,
    repo: REPO,
    issueNumber,
    marker,
    body,
  });

  before(async () => {
    server = await GitHubServer.start();
    client = createGitHubClient('ghs_threadgate_test', { baseUrl: server.url, retryDelayMs: 1 });
  });
  after(async () => {
    await server.stop();
  });
  afterEach(() => {
    // Every request the client made fits GitHub's OpenAPI description, and so does every answer.
    assert.deepEqual(server.violations, []);
    assert.equal(server.pendingFaults(), 0, 'every injected fault was used');
  });

  it('creates one comment, then edits it in place', async () => {
    issue++;
    const first = await upsertStickyComment(client, target(issue, '## Run 1'));
    assert.equal(first.action, 'created');
    let comments = server.listComments(OWNER, REPO, issue);
    assert.equal(comments.length, 1);
    assert.equal(comments[0]?.body, `${marker}\n## Run 1`);
    assert.equal(comments[0]?.login, BOT);
    assert.equal(first.id, comments[0]?.id);
    assert.equal(
      first.url,
      `https://github.com/${OWNER}/${REPO}/pull/${issue}#issuecomment-${first.id}`,
    );

    const second = await upsertStickyComment(client, target(issue, '## Run 2'));
    assert.deepEqual({ ...second, action: 'updated' }, { ...first, action: 'updated' });
    assert.equal(second.action, 'updated');
    comments = server.listComments(OWNER, REPO, issue);
    assert.equal(comments.length, 1);
    assert.equal(comments[0]?.body, `${marker}\n## Run 2`);

    const patches = server.requests.filter((r) => r.method === 'PATCH').length;
    const third = await upsertStickyComment(client, target(issue, '## Run 2'));
    assert.equal(third.action, 'unchanged');
    assert.equal(third.id, first.id);
    assert.equal(server.requests.filter((r) => r.method === 'PATCH').length, patches);
  });

  it('never takes over a comment by someone else that starts with the public marker', async () => {
    issue++;
    const patchesBefore = server.requests.filter((r) => r.method === 'PATCH').length;
    const forged = server.addComment({
      owner: OWNER,
      repo: REPO,
      issueNumber: issue,
      body: `${marker}\nI am not threadgate`,
      login: 'mallory',
    });
    const posted = await upsertStickyComment(client, target(issue, 'the real report'));
    assert.equal(posted.action, 'created');
    assert.notEqual(posted.id, forged);
    const comments = server.listComments(OWNER, REPO, issue);
    assert.equal(comments.find((c) => c.id === forged)?.body, `${marker}\nI am not threadgate`);
    assert.equal(server.requests.filter((r) => r.method === 'PATCH').length, patchesBefore);
    // The next run edits its own comment, still not the forged one.
    const again = await upsertStickyComment(client, target(issue, 'run 2'));
    assert.equal(again.action, 'updated');
    assert.equal(again.id, posted.id);
  });

  it("with a personal access token, edits only that user's comment", async () => {
    const pat = await GitHubServer.start({ tokens: { ghp_octocat: 'octocat' } });
    try {
      const userClient = createGitHubClient('ghp_octocat', { baseUrl: pat.url, retryDelayMs: 1 });
      pat.addComment({
        owner: OWNER,
        repo: REPO,
        issueNumber: 1,
        body: `${marker}\nbot`,
        login: BOT,
      });
      const first = await upsertStickyComment(userClient, target(1, 'by octocat'));
      assert.equal(first.action, 'created');
      const second = await upsertStickyComment(userClient, target(1, 'by octocat, again'));
      assert.equal(second.action, 'updated');
      assert.equal(second.id, first.id);
      assert.equal(pat.listComments(OWNER, REPO, 1).length, 2);
      assert.deepEqual(pat.violations, []);
    } finally {
      await pat.stop();
    }
  });

  it('finds its comment behind 150 others (pagination)', async () => {
    issue++;
    for (let i = 0; i < 150; i++) {
      server.addComment({ owner: OWNER, repo: REPO, issueNumber: issue, body: `comment ${i}` });
    }
    const created = await upsertStickyComment(client, target(issue, 'v1'));
    assert.equal(created.action, 'created');
    const before = server.requests.length;
    const updated = await upsertStickyComment(client, target(issue, 'v2'));
    assert.equal(updated.action, 'updated');
    assert.equal(updated.id, created.id);
    assert.equal(server.listComments(OWNER, REPO, issue).length, 151);
    // The second page was fetched by following the Link header.
    const listed = server.requests
      .slice(before)
      .filter((r) => r.operationId === 'issues/list-comments')
      .map((r) => r.query.page ?? '1');
    assert.deepEqual(listed, ['1', '2']);
  });

  it("leaves another job's marker, quotes and other people's comments alone", async () => {
    issue++;
    const otherJob = commentMarker(
      stickyKey({ workflow: 'Bench', job: 'latency', matrix: { os: 'macos' } }),
    );
    const others = [
      server.addComment({
        owner: OWNER,
        repo: REPO,
        issueNumber: issue,
        body: `${otherJob}\nother job`,
        login: BOT,
      }),
      server.addComment({
        owner: OWNER,
        repo: REPO,
        issueNumber: issue,
        body: `> quoting\n${marker}\nhi`,
      }),
    ];
    const snapshot = server.listComments(OWNER, REPO, issue);
    const result = await upsertStickyComment(client, target(issue, 'ours'));
    assert.equal(result.action, 'created');
    assert.ok(!others.includes(result.id));
    for (const before of snapshot) {
      const now = server.listComments(OWNER, REPO, issue).find((c) => c.id === before.id);
      assert.deepEqual(now, before);
    }
  });

  it("another app's token: the github-actions[bot] comment it cannot edit (403) is passed over, and its own is edited the next time", async () => {
    const appServer = await GitHubServer.start({ tokens: { ghs_other_app: 'other-app[bot]' } });
    try {
      const appClient = createGitHubClient('ghs_other_app', {
        baseUrl: appServer.url,
        retryDelayMs: 1,
      });
      const actions = appServer.addComment({
        owner: OWNER,
        repo: REPO,
        issueNumber: 1,
        body: `${marker}\nfrom GITHUB_TOKEN`,
        login: BOT,
      });
      const first = await upsertStickyComment(appClient, target(1, 'run 1'));
      assert.equal(first.action, 'created');
      const second = await upsertStickyComment(appClient, target(1, 'run 2'));
      assert.equal(second.action, 'updated');
      assert.equal(second.id, first.id);
      const comments = appServer.listComments(OWNER, REPO, 1);
      assert.deepEqual(
        comments.map((c) => [c.id, c.login, c.body]),
        [
          [actions, BOT, `${marker}\nfrom GITHUB_TOKEN`],
          [first.id, 'other-app[bot]', `${marker}\nrun 2`],
        ],
      );
      assert.deepEqual(appServer.violations, []);
    } finally {
      await appServer.stop();
    }
  });

  it("prefers the bot's own comment when several carry the marker", async () => {
    issue++;
    const human = server.addComment({
      owner: OWNER,
      repo: REPO,
      issueNumber: issue,
      body: `${marker}\nhand-made`,
      login: 'octocat',
    });
    const bot = server.addComment({
      owner: OWNER,
      repo: REPO,
      issueNumber: issue,
      body: `${marker}\nold`,
      login: BOT,
    });
    const result = await upsertStickyComment(client, target(issue, 'new'));
    assert.equal(result.action, 'updated');
    assert.equal(result.id, bot);
    const comments = server.listComments(OWNER, REPO, issue);
    assert.equal(comments.find((c) => c.id === human)?.body, `${marker}\nhand-made`);
  });

  it('classifies a 403 from a read-only token as forbidden, with the hint, and does not retry', async () => {
    issue++;
    server.failNext('POST', COMMENTS, 403, await fixture('forbidden-integration.json'));
    const before = server.requests.length;
    const error = await upsertStickyComment(client, target(issue, 'x')).then(
      () => assert.fail('expected a 403'),
      (e: unknown) => e,
    );
    const info = classifyGitHubError(error);
    assert.equal(info.kind, 'forbidden');
    assert.equal(info.status, 403);
    assert.equal(info.message, 'Resource not accessible by integration');
    assert.match(info.hint, /lacks `pull-requests: write` \(forks get a read-only token\)/);
    assert.match(info.hint, /`permissions: pull-requests: write`/);
    assert.match(info.hint, /`comment: never`/);
    assert.match(info.hint, /job summary has the full report/);
    const posts = server.requests.slice(before).filter((r) => r.method === 'POST');
    assert.equal(posts.length, 1);
    assert.equal(server.listComments(OWNER, REPO, issue).length, 0);
  });

  it('classifies 404 as forbidden only on a fork, and rate limits as transient', async () => {
    issue++;
    server.failNext('GET', COMMENTS, 404, {
      message: 'Not Found',
      documentation_url: 'https://docs.github.com/rest',
    });
    const notFound = await upsertStickyComment(client, target(issue, 'x')).catch((e: unknown) => e);
    assert.equal(classifyGitHubError(notFound, { fork: true }).kind, 'forbidden');
    assert.equal(classifyGitHubError(notFound).kind, 'other');

    server.failNext('GET', COMMENTS, 403, await fixture('secondary-rate-limit.json'), 1, {
      headers: { 'retry-after': '60' },
    });
    const limited = await upsertStickyComment(client, target(issue, 'x')).catch((e: unknown) => e);
    assert.equal(classifyGitHubError(limited).kind, 'transient');
  });

  it('retries a 502 on the listing and succeeds', async () => {
    issue++;
    server.failNext('GET', COMMENTS, 502, { message: 'Server Error' });
    const before = server.requests.length;
    const result = await upsertStickyComment(client, target(issue, 'after a 502'));
    assert.equal(result.action, 'created');
    const statuses = server.requests
      .slice(before)
      .filter((r) => r.operationId === 'issues/list-comments')
      .map((r) => [r.status, r.injected]);
    assert.deepEqual(statuses, [
      [502, true],
      [200, false],
    ]);
    assert.equal(server.listComments(OWNER, REPO, issue).length, 1);
  });

  it('does not duplicate the comment when a POST fails after GitHub created it', async () => {
    issue++;
    server.failNext('POST', COMMENTS, 502, { message: 'Server Error' }, 1, { afterHandler: true });
    const result = await upsertStickyComment(client, target(issue, 'once'));
    assert.equal(result.action, 'created');
    const comments = server.listComments(OWNER, REPO, issue);
    assert.equal(comments.length, 1);
    assert.equal(comments[0]?.id, result.id);
  });

  it('gives up after the retries on a persistent 5xx and calls it transient', async () => {
    issue++;
    const few = createGitHubClient('ghs_threadgate_test', {
      baseUrl: server.url,
      retries: 2,
      retryDelayMs: 1,
    });
    server.failNext('GET', COMMENTS, 503, { message: 'Service Unavailable' }, 3);
    const error = await upsertStickyComment(few, target(issue, 'x')).catch((e: unknown) => e);
    const info = classifyGitHubError(error);
    assert.equal(info.kind, 'transient');
    assert.equal(info.status, 503);
    assert.match(info.hint, /re-run the job/);
    const attempts = server.requests.filter((r) => r.status === 503).length;
    assert.equal(attempts, 3); // first try + 2 retries
  });

  it("reads the repository's default branch", async () => {
    const { data } = await client.rest.repos.get({ owner: OWNER, repo: REPO });
    assert.equal(data.default_branch, 'main');
    assert.equal(data.full_name, `${OWNER}/${REPO}`);
  });

  it('escaped text cannot forge a marker in a posted comment', async () => {
    issue++;
    const otherKey = stickyKey({ workflow: 'Bench', job: 'other' });
    const forged = commentMarker(otherKey);
    const table = `| branch | note |\n|---|---|\n| ${escapeMarkdown(forged)} | ${escapeMarkdown('x -->')} |`;
    await upsertStickyComment(client, target(issue, table));
    const result = await upsertStickyComment(client, {
      ...target(issue, 'other job'),
      marker: forged,
    });
    assert.equal(result.action, 'created');
    assert.equal(server.listComments(OWNER, REPO, issue).length, 2);
  });

  it('keeps a huge report within the limit GitHub enforces', async () => {
    issue++;
    const rows = Array.from({ length: 4000 }, (_, i) => `| row ${i} | ${'x'.repeat(20)} |`);
    const huge = ['| a | b |', '|---|---|', ...rows].join('\n');
    assert.ok(huge.length > GITHUB_COMMENT_LIMIT);
    const result = await upsertStickyComment(client, target(issue, huge));
    assert.equal(result.action, 'created');
    const [stored] = server.listComments(OWNER, REPO, issue);
    assert.ok(stored !== undefined);
    assert.ok(stored.body.length <= GITHUB_COMMENT_LIMIT);
    assert.ok(stored.body.startsWith(`${marker}\n| a | b |`));
    assert.match(stored.body, /\| row \d+ \| x+ \|\n\n---\n_This comment was truncated/);
  });
});

describe('github: the stand-in rejects requests outside the OpenAPI description', () => {
  it('records a deliberately bad request as a violation and answers 422', async () => {
    const server = await GitHubServer.start();
    try {
      const client = createGitHubClient('ghs_threadgate_test', { baseUrl: server.url, retries: 0 });
      // A number where the description wants a string.
      const badBody = await client
        .request('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', {
          owner: OWNER,
          repo: REPO,
          issue_number: 1,
          body: 42 as unknown as string,
        })
        .catch((e: unknown) => e);
      assert.equal((badBody as { status?: number }).status, 422);
      // A query parameter the operation does not have.
      await client
        .request('GET /repos/{owner}/{repo}/issues/{issue_number}/comments', {
          owner: OWNER,
          repo: REPO,
          issue_number: 1,
          perpage: 100,
        })
        .catch(() => undefined);
      // No Authorization header; a path that is not in the description.
      await fetch(`${server.url}/repos/${OWNER}/${REPO}`);
      await fetch(`${server.url}/repos/${OWNER}/${REPO}/sticky-comments`, {
        headers: { authorization: 'token x' },
      });
      // A method the path does not have.
      await fetch(`${server.url}/repos/${OWNER}/${REPO}/issues/comments/1`, {
        method: 'POST',
        headers: { authorization: 'token x' },
      });

      const kinds = server.violations.map((v) => `${v.kind}: ${v.message}`);
      assert.deepEqual(kinds, [
        'body: body/body must be string',
        'parameters: query must NOT have additional properties (perpage)',
        'auth: no Authorization header (token, Bearer or Basic)',
        `route: no path template matches /repos/${OWNER}/${REPO}/sticky-comments`,
        'method: POST is not an operation of /repos/{owner}/{repo}/issues/comments/{comment_id} (has: get, patch, delete)',
      ]);
      assert.equal(server.listComments(OWNER, REPO, 1).length, 0);
    } finally {
      await server.stop();
    }
  });
});

describe('github: markdown safety', () => {
  it('keeps hostile text inside one table cell, on one line, without HTML', () => {
    for (const text of HOSTILE) {
      const escaped = escapeMarkdown(text);
      const row = `| ${escaped} | next |`;
      assert.equal(gfmCells(row).length, 2, `${JSON.stringify(text)} → ${row}`);
      assert.doesNotMatch(escaped, /[\n\r\u2028\u2029<>]/);
      assert.ok(!escaped.includes('<!--') && !escaped.includes('-->'));
      assert.doesNotMatch(escaped, /@[A-Za-z0-9]/, 'no live @mention');
    }
    assert.equal(escapeMarkdown('a|b'), 'a\\|b');
    assert.equal(escapeMarkdown('\\|'), '\\\\\\|');
    assert.equal(escapeMarkdown('<a & b>'), '&lt;a &amp; b&gt;');
    assert.equal(escapeMarkdown('*_[x]_*'), '\\*\\_\\[x\\]\\_\\*');
    assert.equal(escapeMarkdown('main'), 'main');
  });

  it('keeps cross-references, bare URLs and direction overrides from doing anything (issue 10)', () => {
    const zw = '\u200b';
    assert.equal(escapeMarkdown('fixes #123'), `fixes #${zw}123`);
    assert.equal(escapeMarkdown('octo/repo#7'), `octo/repo#${zw}7`);
    assert.equal(escapeMarkdown('GH-42'), `GH-${zw}42`);
    assert.equal(escapeMarkdown('see https://evil.example/x'), `see https:${zw}//evil.example/x`);
    assert.equal(escapeMarkdown('www.evil.example'), `www${zw}.evil.example`);
    assert.equal(escapeMarkdown('model\u202Egpj.exe'), 'modelgpj.exe');
    assert.equal(escapeMarkdown('a\u2066b\u2069c\ufeff'), 'abc');
    // Headings and plain numbers are untouched.
    assert.equal(escapeMarkdown('1 # 2'), '1 # 2');
  });

  it('plainText: one line without control or direction characters, cut to a length', () => {
    assert.equal(plainText('ok\n::error title=spoofed::x'), 'ok ::error title=spoofed::x');
    assert.equal(plainText('a\u001b[31mb\u202ec'), 'a [31mbc');
    assert.equal(plainText('x'.repeat(10), 5), 'xxxx…');
  });

  it('truncates the job summary by UTF-8 bytes, not UTF-16 units', () => {
    // Issue 10: a large sweep's summary was 1,090,427 bytes, over GitHub's 1 MiB, because the
    // limit was counted in UTF-16 code units (µ, ×, – take 2 bytes; emoji 4).
    const row = '| 1 | 1.23 µs | ±0.5 % – ✅ |\n';
    const body = `${commentMarker('k')}\n${row.repeat(60_000)}`;
    assert.ok(body.length < 2_000_000 && Buffer.byteLength(body) > 1024 * 1024);
    const limit = 1024 * 1024 - 1024;
    const out = truncateBody(body, limit, 'bytes');
    assert.ok(Buffer.byteLength(out) <= limit, `${Buffer.byteLength(out)} bytes`);
    assert.ok(Buffer.byteLength(out) > limit * 0.95, 'not cut much more than needed');
    assert.match(out, /truncated to fit/);
    const chars = truncateBody(body, limit);
    assert.ok(Buffer.byteLength(chars) > limit, 'the old way (characters) overshoots in bytes');
  });

  it('makes markers that no key can break out of or collide through', () => {
    const nasty = 'x" --> <!-- threadgate:sticky key="y';
    const m = commentMarker(nasty);
    assert.equal(m.split('<!--').length, 2);
    assert.equal(m.split('-->').length, 2);
    assert.ok(m.endsWith('" -->'));
    assert.ok(!m.includes(commentMarker('y')));
    assert.notEqual(commentMarker('a b'), commentMarker('a%20b'));
    assert.notEqual(commentMarker('a'), commentMarker('ab'));
    assert.ok(!commentMarker('ab').includes(commentMarker('a')));
    assert.equal(commentMarker('  Bench \n latency '), commentMarker('Bench latency'));
    assert.equal(
      commentMarker('Bench / latency'),
      '<!-- threadgate:sticky key="Bench%20/%20latency" -->',
    );
    assert.throws(() => commentMarker('   '), TypeError);
    const long = commentMarker('é'.repeat(500));
    assert.ok(long.length < 260);
    assert.notEqual(long, commentMarker(`${'é'.repeat(499)}e`));
  });

  it('builds the same key whatever the matrix order', () => {
    const a = stickyKey({ workflow: 'CI', job: 'bench', matrix: { os: 'ubuntu-24.04', node: 20 } });
    const b = stickyKey({
      workflow: 'CI',
      job: 'bench',
      matrix: '{"node":20,"os":"ubuntu-24.04"}',
    });
    assert.equal(a, 'CI / bench / node=20,os=ubuntu-24.04');
    assert.equal(a, b);
    assert.equal(stickyKey({ workflow: 'CI', job: 'bench', matrix: {} }), 'CI / bench');
  });

  it('selects only comments that start with the marker', () => {
    const m = commentMarker('k');
    const c = (id: number, body: string, login: string, type = 'User') => ({
      id,
      html_url: `u${id}`,
      body,
      user: { login, type },
    });
    const comments = [
      c(1, `quote ${m}`, BOT, 'Bot'),
      c(2, `${m}\nby human`, 'octocat'),
      c(3, `${m}\nbot`, BOT, 'Bot'),
      c(4, `${m}\nbot again`, BOT, 'Bot'),
    ];
    const app = { kind: 'app' } as const;
    assert.equal(findStickyComment(comments, m, app)?.id, 3);
    // The marker is public: a person's comment that starts with it is never ours (issue 10).
    assert.equal(findStickyComment(comments.slice(0, 2), m, app), undefined);
    assert.equal(findStickyComment(comments.slice(0, 1), m, app), undefined);
    // A user token owns its user's comments only.
    assert.equal(findStickyComment(comments, m, { kind: 'user', login: 'octocat' })?.id, 2);
    assert.equal(findStickyComment(comments, m, { kind: 'user', login: 'mallory' }), undefined);
    // Among bots, GITHUB_TOKEN's own account first.
    const other = c(0, `${m}\nother app`, 'other-app[bot]', 'Bot');
    assert.equal(findStickyComment([other, ...comments], m, app)?.id, 3);
    assert.equal(findStickyComment([other], m, app)?.id, 0);
  });

  it('truncates at a line boundary, never inside the marker, within the limit', () => {
    const marker = commentMarker('Bench / latency');
    const lines = Array.from({ length: 100 }, (_, i) => `line ${i} ${'y'.repeat(30)}`);
    const body = `${marker}\n${lines.join('\n')}`;
    for (const limit of [200, 333, 1000, 2500]) {
      const out = truncateBody(body, limit);
      assert.ok(out.length <= limit, `limit ${limit}: got ${out.length}`);
      assert.ok(out.startsWith(`${marker}\n`));
      const kept = out.slice(0, out.indexOf('\n\n---\n'));
      assert.ok(body.startsWith(kept), 'cut at a line boundary of the original');
      assert.ok(kept === marker || body[kept.length] === '\n');
    }
    assert.equal(truncateBody(body, body.length), body);
    assert.throws(() => truncateBody(body, marker.length + 10), RangeError);
  });

  it('closes an open code fence and does not split a surrogate pair', () => {
    const marker = commentMarker('k');
    const fenced = `${marker}\n\`\`\`text\n${'output line\n'.repeat(500)}\`\`\`\nafter`;
    const out = truncateBody(fenced, 1000);
    assert.ok(out.length <= 1000);
    assert.match(out, /output line\n```\n\n---\n/);

    const emoji = `${marker}\n${'😀'.repeat(2000)}`;
    const cut = truncateBody(emoji, 999);
    assert.ok(cut.length <= 999);
    assert.doesNotMatch(
      cut,
      /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/,
    );
  });

  it('does not cut inside an HTML comment of the report', () => {
    const marker = commentMarker('k');
    const body = `${marker}\nintro\n<!-- a long hidden note ${'z'.repeat(3000)} -->\nvisible`;
    const out = truncateBody(body, 1000);
    assert.equal(out.split('<!--').length, out.split('-->').length);
    assert.ok(out.startsWith(`${marker}\nintro`));
  });
});
