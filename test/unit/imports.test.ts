import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';

// The layering of ../shared/STYLE.md, checked on the sources: data flows one way, and only
// the named layers may touch vscode, LSP or the file system.
const root = path.resolve(__dirname, '../../..');

function sources(dir: string): string[] {
  const full = path.join(root, dir);
  return readdirSync(full).flatMap((name) => {
    const p = path.join(full, name);
    if (statSync(p).isDirectory()) return sources(path.join(dir, name));
    return name.endsWith('.ts') ? [path.join(dir, name)] : [];
  });
}

function importsOf(file: string): string[] {
  const text = readFileSync(path.join(root, file), 'utf8');
  return [...text.matchAll(/(?:^|\n)\s*(?:import|export)\s[^;]*?from\s+['"]([^'"]+)['"]|require\(\s*['"]([^'"]+)['"]\s*\)|import\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => m[1] ?? m[2] ?? m[3]);
}

const LSP = /^vscode-languageserver/;
const FS = /^(node:)?(fs|fs\/promises)$/;

function check(dir: string, banned: { pattern: RegExp; why: string }[]) {
  const offenders: string[] = [];
  for (const file of sources(dir)) {
    for (const spec of importsOf(file)) for (const rule of banned) if (rule.pattern.test(spec)) offenders.push(`${file} imports ${spec}: ${rule.why}`);
  }
  assert.deepEqual(offenders, []);
}

/** The one module that names the custom requests, notifications and commands. */
const PROTOCOL = 'server/src/protocol.ts';

describe('layering', () => {
  it('keeps analysis pure', () =>
    check('server/src/analysis', [
      { pattern: /^vscode$/, why: 'no editor API in analysis' },
      { pattern: LSP, why: 'no LSP in analysis' },
      { pattern: FS, why: 'no file system in analysis' },
      { pattern: /\.\.\/(corpus|lsp|host|cli)/, why: 'analysis is upstream of everything' },
    ]));
  it('keeps the corpus free of LSP, files and everything downstream', () =>
    check('server/src/corpus', [
      { pattern: /^vscode$/, why: 'no editor API in the corpus' },
      { pattern: LSP, why: 'no LSP in the corpus' },
      { pattern: FS, why: 'no file system in the corpus' },
      { pattern: /\.\.\/(lsp|host|cli|workspace|protocol|server)/, why: 'the corpus is upstream of lsp, host, cli and the workspace' },
    ]));
  it('keeps the corpus modules in one direction of dependency', () => {
    // Each module may import only modules earlier in this order: the owners of state below it.
    const order = ['valueTable', 'sorted', 'packed', 'packedArticle', 'figureConsensus', 'queries', 'smallest', 'applyCorrections', 'corrections', 'articleStore', 'tally', 'keyIndex', 'identity', 'occurrences', 'summaries', 'coMentions', 'ledger', 'figureWeeks', 'corpus', 'exportCorpus'];
    const listed = sources('server/src/corpus').map((f) => path.basename(f, '.ts'));
    assert.deepEqual(listed.filter((m) => !order.includes(m)), [], 'every corpus module has its place in the order');
    const offenders: string[] = [];
    for (const module of listed) {
      for (const spec of importsOf(`server/src/corpus/${module}.ts`)) {
        const target = /^\.\/(\w+)$/.exec(spec)?.[1];
        if (target && order.indexOf(target) >= order.indexOf(module)) offenders.push(`${module} imports ${target}`);
      }
    }
    assert.deepEqual(offenders, []);
  });
  it('lets the handlers and the CLI read a corpus only through its query interface', () => {
    // The workspace (and the CLI's extract) own a Corpus and feed it; everything else asks CorpusQueries.
    const allowed = { 'server/src/lsp': /\/corpus\/(queries|exportCorpus|corrections)$/, 'server/src/cli': /\/corpus\/(queries|exportCorpus|corrections|corpus)$/ };
    const offenders = Object.entries(allowed).flatMap(([dir, ok]) =>
      sources(dir).flatMap((file) => importsOf(file).filter((spec) => spec.includes('/corpus/') && !ok.test(spec)).map((spec) => `${file} imports ${spec}`)),
    );
    assert.deepEqual(offenders, []);
  });
  it('keeps the dashboard queries free of LSP and files, reading the corpus through its query interface', () =>
    check('server/src/dashboard', [
      { pattern: /^vscode$/, why: 'no editor API in the dashboard queries' },
      { pattern: LSP, why: 'the dashboard queries are transport-agnostic (lsp/dashboard.ts answers the requests)' },
      { pattern: FS, why: 'no file system in the dashboard queries' },
      // figureConsensus is a pure rule (no corpus state) the diagnostics share.
      { pattern: /\.\.\/(lsp|host|cli|workspace|server)|\/corpus\/(?!queries$|figureConsensus$|sorted$)/, why: 'the dashboard reads the corpus through CorpusQueries and is upstream of lsp and the CLI' },
    ]));
  it('keeps the workspace free of LSP and direct file access', () =>
    check('server/src/workspace', [
      { pattern: /^vscode$/, why: 'no editor API in the workspace' },
      { pattern: LSP, why: 'the workspace is transport-agnostic' },
      { pattern: FS, why: 'files only through the ArticleSource' },
      { pattern: /\.\.\/(lsp|cli|server)/, why: 'the workspace is upstream of lsp and the CLI' },
    ]));
  it('lets only the client import vscode', () => {
    for (const dir of ['server/src']) check(dir, [{ pattern: /^vscode$/, why: 'only client/ may import vscode' }]);
  });
  it('keeps LSP imports in lsp/, server.ts, main.ts and the protocol module', () => {
    const allowed = new Set(['server/src/server.ts', 'server/src/main.ts', PROTOCOL]);
    const offenders = sources('server/src')
      .filter((f) => !f.startsWith(path.join('server/src/lsp')) && !allowed.has(f))
      .filter((f) => importsOf(f).some((s) => LSP.test(s)));
    assert.deepEqual(offenders, []);
  });
  it('keeps file access in host/, the CLI and the process entry point', () => {
    const offenders = sources('server/src')
      .filter((f) => !f.startsWith('server/src/host') && !f.startsWith('server/src/cli') && f !== 'server/src/main.ts')
      .filter((f) => importsOf(f).some((s) => FS.test(s)));
    assert.deepEqual(offenders, []);
  });
  it('lets the protocol module import only the protocol library and types', () => {
    // The client bundles it: anything more than types would pull the engine into the client.
    const statements = readFileSync(path.join(root, PROTOCOL), 'utf8').match(/^(?:import|export)\s[^;]*?from\s+'[^']+'/gm) ?? [];
    const offenders = statements.filter((line) => !line.endsWith("from 'vscode-languageserver-protocol'") && !/^(?:import|export) type\s/.test(line));
    assert.ok(statements.length > 0);
    assert.deepEqual(offenders, []);
  });
  it('lets the client import from the server only the protocol module', () => {
    const offenders = sources('client/src').flatMap((file) =>
      importsOf(file)
        .filter((spec) => spec.includes('server/'))
        .filter((spec) => path.join(path.dirname(file), spec) !== PROTOCOL.replace(/\.ts$/, ''))
        .map((spec) => `${file} imports ${spec}`),
    );
    assert.deepEqual(offenders, []);
  });
  it('spells each custom method and server command only in the protocol module', () => {
    const offenders = ['server/src', 'client/src', 'test', 'bench'].flatMap((dir) =>
      sources(dir)
        .filter((file) => file !== PROTOCOL && !file.startsWith('test/fixtures'))
        .filter((file) => /['"`]corpusLens\/|['"`]corpusLens\.server\./.test(readFileSync(path.join(root, file), 'utf8'))),
    );
    assert.deepEqual(offenders, []);
  });
  it('keeps the charts pure: ECharts, d3-force, @vscode/l10n, each other and the protocol types', () => {
    // The webview and the command line both draw through charts/: no editor, no files, no server code.
    // @vscode/l10n has no editor in it: English on the command line, the reader's language in the webview.
    const offenders = sources('charts').flatMap((file) => {
      const text = readFileSync(path.join(root, file), 'utf8');
      return importsOf(file)
        .filter((spec) => !/^(echarts\/(core|charts|components|renderers)|d3-force|@vscode\/l10n)$/.test(spec) && !spec.startsWith('./'))
        .filter((spec) => !(spec === '../server/src/protocol' && new RegExp(`import type [^;]*from '${spec.replace(/[./]/g, '\\$&')}'`).test(text)))
        .map((spec) => `${file} imports ${spec}`);
    });
    assert.deepEqual(offenders, []);
  });
});
