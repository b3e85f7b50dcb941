import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { TextDocuments } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyzeArticle } from '../../server/src/analysis';
import { Corpus } from '../../server/src/corpus/corpus';
import { DocumentLookup } from '../../server/src/lsp/documents';
import { provideInlayHints } from '../../server/src/lsp/inlayHints';
import { provideHighlights } from '../../server/src/lsp/navigation';
import { provideSemanticTokens } from '../../server/src/lsp/semanticTokens';
import { MAX_GROUP_CHILDREN, provideDocumentSymbols } from '../../server/src/lsp/symbols';
import { SKIP_TIMING_UNDER_MUTATION } from '../support/mutation';

const TOKEN = { isCancellationRequested: false, onCancellationRequested: () => ({ dispose: () => undefined }) };
const SYLLABLES = ['ka', 'lo', 'mi', 'ren', 'dor', 'va', 'sel', 'tin', 'bra', 'mo', 'ne', 'quis', 'har', 'el', 'ost', 'ru'];

/**
 * A sample article of about `bytes`: invented people one per line, one recurring name every
 * 30 lines and a relative date every 20, so every feature has plenty to do.
 */
function namesBuffer(bytes: number): string {
  const parts = ['Names Sample\ndate 2024-05-02\n\n'];
  let size = parts[0].length;
  for (let i = 0; size < bytes; i++) {
    const s = (n: number) => SYLLABLES[n % SYLLABLES.length];
    const name = i % 30 === 0 ? 'Ilse Marrow' : `${s(i).toUpperCase()[0]}${s(i).slice(1)}${s(i >> 4)} ${s(i >> 8).toUpperCase()[0]}${s(i >> 8).slice(1)}${s(i >> 12)}${s(i >> 2)}`;
    const line = i % 20 === 0 ? `${name} spoke on Tuesday.\n` : `${name} spoke.\n`;
    parts.push(line);
    size += line.length;
  }
  return parts.join('');
}

/** CPU milliseconds of `times` calls (the best of three, so a garbage collection in one does not count). */
function cpuMs(run: () => void, times: number): number {
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < 3; i++) {
    const start = process.cpuUsage();
    for (let k = 0; k < times; k++) run();
    const used = process.cpuUsage(start);
    best = Math.min(best, (used.user + used.system) / 1000);
  }
  return best;
}

/** Every per-document feature on one open buffer, as the server runs them. */
function featuresOn(text: string) {
  const uri = 'file:///big.txt';
  const doc = TextDocument.create(uri, 'article', 1, text);
  const corpus = new Corpus();
  corpus.setArticle(uri, corpus.pack(text, analyzeArticle(text)));
  const docs = new DocumentLookup({ get: (u: string) => (u === uri ? doc : undefined) } as unknown as TextDocuments<TextDocument>, corpus, () => 1);
  const ilse = { textDocument: { uri }, position: doc.positionAt(text.indexOf('Ilse Marrow') + 1) };
  const whole = { start: { line: 0, character: 0 }, end: doc.positionAt(text.length) };
  return {
    outline: () => provideDocumentSymbols({ textDocument: { uri } }, corpus, docs, TOKEN),
    tokens: () => provideSemanticTokens({ textDocument: { uri } }, corpus, docs, TOKEN),
    highlights: () => provideHighlights(ilse, corpus, docs, TOKEN),
    hints: () => provideInlayHints({ textDocument: { uri }, range: whole }, corpus, docs, TOKEN),
  };
}

describe('Features on a huge open buffer', () => {
  it('cost time linear in its size (2.5 MB and 5 MB), with bounded outline groups', { skip: SKIP_TIMING_UNDER_MUTATION }, () => {
    const small = featuresOn(namesBuffer(2.5e6));
    const large = featuresOn(namesBuffer(5e6));
    const people = large.outline().find((s) => s.name === 'People')!;
    assert.equal(people.children!.length, MAX_GROUP_CHILDREN);
    assert.match(people.detail!, /^500 of \d{1,3}(,\d{3})+ people$/);
    assert.ok(large.highlights().length > 5000, 'every mention of the recurring name is highlighted');
    assert.ok(large.hints().length > 5000, 'every relative date has its hint');
    // The quick features run ten times over, so that quadratic work would show above the noise.
    for (const [feature, times] of [['outline', 1], ['tokens', 1], ['highlights', 10], ['hints', 10]] as const) {
      const tSmall = cpuMs(small[feature], times);
      const tLarge = cpuMs(large[feature], times);
      // Twice the text may cost about twice the time; quadratic work would cost four times.
      assert.ok(tLarge < tSmall * 3 + 50, `${feature}: 2.5 MB ${tSmall.toFixed(0)} ms, 5 MB ${tLarge.toFixed(0)} ms`);
    }
  });

  it('resolves the mentions of one version once for the outline and the colouring, and again after any change to the corpus', () => {
    const uri = 'file:///big.txt';
    const text = namesBuffer(20_000);
    const doc = TextDocument.create(uri, 'article', 1, text);
    const corpus = new Corpus();
    corpus.setArticle(uri, corpus.pack(text, analyzeArticle(text)));
    let reads = 0;
    const mentionsIn = corpus.mentionsIn.bind(corpus);
    corpus.mentionsIn = (u, token) => (reads++, mentionsIn(u, token));
    const docs = new DocumentLookup({ get: (u: string) => (u === uri ? doc : undefined) } as unknown as TextDocuments<TextDocument>, corpus, () => 1);
    const outline = provideDocumentSymbols({ textDocument: { uri } }, corpus, docs, TOKEN);
    const tokens = provideSemanticTokens({ textDocument: { uri } }, corpus, docs, TOKEN);
    assert.equal(reads, 1);
    // Another article naming the same people can change how they resolve: read again.
    corpus.setArticle('file:///other.txt', corpus.pack('Other Sample\n\nIlse Marrow spoke.\n', analyzeArticle('Other Sample\n\nIlse Marrow spoke.\n')));
    assert.deepEqual(provideSemanticTokens({ textDocument: { uri } }, corpus, docs, TOKEN).data, tokens.data);
    assert.equal(reads, 2);
    const cancelled = { ...TOKEN, isCancellationRequested: true };
    corpus.setArticle('file:///other.txt', corpus.pack('Other\n', analyzeArticle('Other\n')));
    assert.deepEqual(docs.mentionsIn(uri, cancelled), []);
    assert.deepEqual(provideDocumentSymbols({ textDocument: { uri } }, corpus, docs, TOKEN), outline, 'a cancelled read is not kept');
  });
});
