import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type DocumentSymbol, DocumentSymbolRequest, type Hover, HoverRequest, type Location, ReferencesRequest, WorkspaceSymbolRequest } from 'vscode-languageserver/node';
import { EntitiesPageRequest, ExportRequest } from '../../server/src/protocol';
import { ROOT, startTestServer, uriOf } from './harness';

// Invented sample articles, written for these tests.
const ARTICLE = 'Ferry fares frozen\ndate 2024-03-12\n\nFinance Minister Tobias Lindqvist said on Tuesday that fares stay.\n';
const MARKDOWN = [
  '---',
  'title: "Bridge talks resume"',
  'date: 2024-03-14',
  'author: Quentin Authorname',
  '---',
  '',
  '# Bridge talks **resume**',
  '',
  '**Helena Marsh** met [Tobias Lindqvist](https://example.org/people/lindqvist) in *Lisbon* on Tuesday.',
  '',
].join('\n');

function hoverText(hover: Hover | null): string {
  return hover ? (hover.contents as { value: string }).value : '';
}

describe('opt-in: only folders with .corpuslens.json or corpusLens.enable are indexed', () => {
  it('leaves a folder alone without the marker and with enable off, open files included', async () => {
    const server = await startTestServer({ 'LICENSE.txt': 'MIT License\n\nCopyright Foo Bar.\n', 'requirements.txt': 'Foo VERSION\n' }, { enable: false });
    try {
      await server.waitForIndex();
      assert.equal(server.workspace.corpus.size, 0);
      assert.ok(server.logs.some((l) => l.includes(`${ROOT} is not a corpus`)), server.logs.join('\n'));
      await server.open('LICENSE.txt', 'MIT License\n\nCopyright Foo Bar.\n');
      assert.equal(server.workspace.corpus.size, 0, 'an open file in such a folder is not analysed either');
      const symbols = await server.client.sendRequest(WorkspaceSymbolRequest.type, { query: 'Foo' });
      assert.deepEqual(symbols, []);
    } finally {
      await server.dispose();
    }
  });

  it('indexes a folder with a .corpuslens.json, and one that gets it later', async () => {
    const marked = await startTestServer({ 'a.txt': ARTICLE, '.corpuslens.json': '{"version":1}' }, { enable: false });
    try {
      await marked.waitForIndex();
      assert.equal(marked.workspace.corpus.size, 1);
    } finally {
      await marked.dispose();
    }
    const later = await startTestServer({ 'a.txt': ARTICLE }, { enable: false });
    try {
      await later.waitForIndex();
      assert.equal(later.workspace.corpus.size, 0);
      later.source.files.set(`${ROOT}/.corpuslens.json`, '{"version":1}');
      await later.client.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf('.corpuslens.json'), type: 1 }] });
      await later.waitForIndex();
      // The re-index runs after the notification; wait for it to settle.
      for (let i = 0; i < 50 && later.workspace.corpus.size === 0; i++) await new Promise((r) => setTimeout(r, 20));
      await later.waitForIndex();
      assert.equal(later.workspace.corpus.size, 1, 'the new marker makes the folder a corpus');
    } finally {
      await later.dispose();
    }
  });
});

describe('Markdown articles over JSON-RPC', () => {
  it('hovers, outlines and finds references in a .md article, front matter and syntax left out', async () => {
    const server = await startTestServer({ 'fares.txt': ARTICLE, 'notes/talks.md': MARKDOWN, 'README.md': '# Tobias Lindqvist fan page\n' }, { articles: ['**/*.txt', 'notes/**/*.md'] });
    try {
      await server.waitForIndex();
      assert.equal(server.workspace.corpus.size, 2, 'README.md is not matched by the globs');
      await server.open('notes/talks.md', MARKDOWN);
      const at = (needle: string, shift = 1) => server.position('notes/talks.md', MARKDOWN, MARKDOWN.indexOf(needle) + shift);
      const card = hoverText((await server.client.sendRequest(HoverRequest.type, { textDocument: { uri: uriOf('notes/talks.md') }, position: at('Tobias Lindqvist]') })) as Hover | null);
      assert.match(card, /\*\*Tobias Lindqvist\*\*/);
      assert.match(card, /2 mentions in 2 articles/, card);
      const date = hoverText((await server.client.sendRequest(HoverRequest.type, { textDocument: { uri: uriOf('notes/talks.md') }, position: at('Tuesday') })) as Hover | null);
      assert.match(date, /2024-03-12/, 'Tuesday before Thursday 14 March');
      assert.match(date, /front matter/, date);
      assert.equal(hoverText((await server.client.sendRequest(HoverRequest.type, { textDocument: { uri: uriOf('notes/talks.md') }, position: at('Authorname') })) as Hover | null), '', 'front matter is not text');

      const refs = (await server.client.sendRequest(ReferencesRequest.type, { textDocument: { uri: uriOf('notes/talks.md') }, position: at('Tobias'), context: { includeDeclaration: true } })) as Location[];
      const inMarkdown = refs.find((r) => r.uri === uriOf('notes/talks.md'));
      const start = at('Tobias Lindqvist]', 0);
      assert.deepEqual(inMarkdown?.range, { start, end: { line: start.line, character: start.character + 'Tobias Lindqvist'.length } }, 'the range covers the link text only');
      assert.ok(refs.some((r) => r.uri === uriOf('fares.txt')));

      const symbols = (await server.client.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: uriOf('notes/talks.md') } })) as DocumentSymbol[];
      assert.equal(symbols[0].name, 'Bridge talks resume', 'the front matter title is the headline');
      const people = symbols.find((s) => s.name === 'People');
      assert.deepEqual(people?.children?.map((c) => c.name).sort(), ['Helena Marsh', 'Tobias Lindqvist']);
    } finally {
      await server.dispose();
    }
  });
});

describe('entity pages and one entity\'s export', () => {
  it('pages through every entity with the total, and exports one entity\'s mentions', async () => {
    // 25 invented people, each named in one article.
    const names = Array.from({ length: 25 }, (_, i) => `Ms Anna Testperson${String.fromCharCode(97 + i)}`);
    const files: Record<string, string> = {};
    names.forEach((name, i) => (files[`a${i}.txt`] = `Article ${i}\n\n${name} said the talks went well.\n`));
    files['b.txt'] = 'Ferry fares\n\nMs Anna Testpersona spoke again.\n';
    const server = await startTestServer(files);
    try {
      await server.waitForIndex();
      const first = await server.client.sendRequest(EntitiesPageRequest, { kind: 'person', offset: 0, limit: 10 });
      assert.equal(first.total, 25);
      assert.equal(first.items.length, 10);
      assert.equal(first.items[0].name, 'Anna Testpersona', 'most reported first');
      const seen = new Set<string>();
      for (let offset = 0; offset < first.total; offset += 10) {
        const page = await server.client.sendRequest(EntitiesPageRequest, { kind: 'person', offset, limit: 10 });
        assert.equal(page.offset, offset);
        for (const item of page.items) seen.add(item.id);
      }
      assert.equal(seen.size, 25, 'every entity is reachable');
      const beyond = await server.client.sendRequest(EntitiesPageRequest, { kind: 'person', offset: 100, limit: 10 });
      assert.deepEqual([beyond.items.length, beyond.total], [0, 25]);
      const bad = await server.client.sendRequest(EntitiesPageRequest, { kind: 'person', offset: -5, limit: 1e9, filter: 'testpersonb' } as never);
      assert.deepEqual([bad.offset, bad.items.map((i) => i.name)], [0, ['Anna Testpersonb']]);
    } finally {
      await server.dispose();
    }
    // The export with an entity: only its mentions.
    const exporting = await startTestServer(files);
    try {
      await exporting.waitForIndex();
      const id = (await exporting.client.sendRequest(EntitiesPageRequest, { kind: 'person', limit: 1 })).items[0].id;
      const { exportCorpus } = await import('../../server/src/corpus/exportCorpus');
      const written = [...exportCorpus(exporting.workspace.corpus, 'jsonl', (uri) => uri.slice(uri.lastIndexOf('/') + 1), { isCancellationRequested: false }, { entity: id })];
      const rows = written.map((l) => JSON.parse(l));
      assert.deepEqual(rows.filter((r) => r.record === 'entity').map((r) => r.name), ['Anna Testpersona']);
      const mentions = rows.filter((r) => r.record === 'mention');
      assert.deepEqual(mentions.map((m) => `${m.file}:${m.text}`).sort(), ['a0.txt:Anna Testpersona', 'b.txt:Anna Testpersona']);
      assert.ok(mentions.every((m) => m.entity === id));
      // Without a writer the request fails cleanly rather than crashing the server.
      await assert.rejects(exporting.client.sendRequest(ExportRequest, { format: 'csv', path: '/tmp/never.csv', entity: id }), /cannot write files/);
    } finally {
      await exporting.dispose();
    }
  });
});
