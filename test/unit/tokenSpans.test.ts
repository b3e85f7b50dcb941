import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { CancellationTokenSource, type TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ArticleAnalysis, DateMention, EntityMention, FigureMention } from '../../server/src/analysis/types';
import { Corpus } from '../../server/src/corpus/corpus';
import { DocumentLookup } from '../../server/src/lsp/documents';
import { provideInlayHints, shortDateLabel } from '../../server/src/lsp/inlayHints';
import { provideHighlights } from '../../server/src/lsp/navigation';
import { provideSemanticTokens, SEMANTIC_LEGEND } from '../../server/src/lsp/semanticTokens';

// Colouring, hints and highlights on hand-built analyses, where spans touch, overlap, cross line
// breaks and empty lines: exactly which characters each token covers.

const token = new CancellationTokenSource().token;
const URI = 'file:///sample.txt';
const NO_EDITOR = { get: () => undefined } as unknown as TextDocuments<TextDocument>;

const entity = (text: string, start: number, kind: EntityMention['kind'] = 'org'): EntityMention => ({ kind, key: `${kind}:${text.toLowerCase()}`, text, canonical: text, start, end: start + text.length, fullName: true, rule: 'test' });
const date = (text: string, start: number, value: string, relative = false): DateMention => ({ kind: 'date', type: 'DATE', start, end: start + text.length, text, value, relative, reading: 'test' });
const figure = (text: string, start: number): FigureMention => ({ kind: 'figure', type: 'QUANTITY', start, end: start + text.length, text, value: Number(text), counted: 'ships', measure: 'ships' });

/** One invented sample article with the given mentions, its corpus and its documents. */
function sample(text: string, mentions: { entities?: EntityMention[]; dates?: DateMention[]; figures?: FigureMention[] }, articleDate = '2024-03-05') {
  const analysis: ArticleAnalysis = { articleDate: { value: articleDate, source: 'date-line' }, entities: mentions.entities ?? [], dates: mentions.dates ?? [], figures: mentions.figures ?? [], problems: [] };
  const corpus = new Corpus();
  corpus.setArticle(URI, corpus.pack(text, analysis));
  return { corpus, docs: new DocumentLookup(NO_EDITOR, corpus) };
}

/** Semantic tokens as [line, character, length, type name, modifier bits]. */
function tokensOf(text: string, mentions: Parameters<typeof sample>[1]): [number, number, number, string, number][] {
  const { corpus, docs } = sample(text, mentions);
  const data = provideSemanticTokens({ textDocument: { uri: URI } }, corpus, docs, token).data;
  const out: [number, number, number, string, number][] = [];
  let line = 0;
  let character = 0;
  for (let i = 0; i < data.length; i += 5) {
    line += data[i];
    character = data[i] === 0 ? character + data[i + 1] : data[i + 1];
    out.push([line, character, data[i + 2], SEMANTIC_LEGEND.tokenTypes[data[i + 3]], data[i + 4]]);
  }
  return out;
}

describe('semantic tokens', () => {
  it('declare the token types and modifiers that package.json maps to theme scopes, in order', () => {
    const manifest = JSON.parse(readFileSync(path.resolve(__dirname, '../../../package.json'), 'utf8')) as { contributes: { semanticTokenTypes: { id: string }[]; semanticTokenModifiers: { id: string }[] } };
    assert.deepEqual(SEMANTIC_LEGEND, {
      tokenTypes: manifest.contributes.semanticTokenTypes.map((t) => t.id),
      tokenModifiers: manifest.contributes.semanticTokenModifiers.map((m) => m.id),
    });
    assert.deepEqual(SEMANTIC_LEGEND.tokenTypes, ['person', 'organization', 'place', 'date', 'figure']);
  });

  it('give the longer of two spans that start together the whole of it', () => {
    // "Spring Day" read as an organization and "Spring Day 2024" as a date: one token, the date.
    const text = 'Spring Day 2024 began.';
    assert.deepEqual(tokensOf(text, { entities: [entity('Spring Day', 0)], dates: [date('Spring Day 2024', 0, '2024')] }), [[0, 0, 15, 'date', 0]]);
  });

  it('colour both of two spans that touch', () => {
    const text = 'Port2024 opened.';
    assert.deepEqual(tokensOf(text, { entities: [entity('Port', 0)], figures: [figure('2024', 4)] }), [
      [0, 0, 4, 'organization', 1],
      [0, 4, 4, 'figure', 0],
    ]);
  });

  it('colour a span across a line break line by line, without the break, on any line', () => {
    const text = 'Headline\nSpring\nDay came.\n';
    assert.deepEqual(tokensOf(text, { dates: [date('Spring\nDay', 9, '2024-03-20')] }), [
      [1, 0, 6, 'date', 0],
      [2, 0, 3, 'date', 0],
    ]);
    const crlf = 'Headline\r\nSpring\r\nDay came.\r\n';
    assert.deepEqual(tokensOf(crlf, { dates: [date('Spring\r\nDay', 10, '2024-03-20')] }), [
      [1, 0, 6, 'date', 0],
      [2, 0, 3, 'date', 0],
    ]);
  });

  it('leave out the empty lines a span crosses and a span that ends where a line starts', () => {
    const text = 'May\n\nDay\nnext';
    assert.deepEqual(tokensOf(text, { dates: [date('May\n\nDay', 0, '2024-05-01')] }), [
      [0, 0, 3, 'date', 0],
      [2, 0, 3, 'date', 0],
    ]);
    assert.deepEqual(tokensOf(text, { dates: [date('Day\n', 5, '2024-05-01')] }), [[2, 0, 3, 'date', 0]]);
  });

  it('answer an article the corpus does not hold with no tokens', () => {
    const { corpus, docs } = sample('Port opened.', { entities: [entity('Port', 0)] });
    assert.deepEqual(provideSemanticTokens({ textDocument: { uri: 'file:///other.txt' } }, corpus, docs, token), { data: [] });
  });
});

describe('inlay hints', () => {
  const whole = { start: { line: 0, character: 0 }, end: { line: 5, character: 0 } };

  it('read a date with a time of day by its whole description, and a week by its days', () => {
    assert.equal(shortDateLabel('2024-03-05TMO'), 'Tue 5 Mar 2024 (morning)');
    assert.equal(shortDateLabel('2024-W05'), '29 Jan – 4 Feb 2024');
    assert.equal(shortDateLabel('PRESENT_REF'), undefined);
    assert.equal(shortDateLabel('P3D'), undefined);
  });

  it('give no hint for a relative date that has no calendar reading (now, durations)', () => {
    const text = 'Now, and for three days, and tomorrow.';
    const { corpus, docs } = sample(text, { dates: [date('Now', 0, 'PRESENT_REF', true), date('three days', 13, 'P3D', true), date('tomorrow', 29, '2024-03-06', true)] });
    const hints = provideInlayHints({ textDocument: { uri: URI }, range: whole }, corpus, docs, token);
    assert.deepEqual(
      hints.map((h) => [h.position, h.label]),
      [[{ line: 0, character: 37 }, '→ Wed 6 Mar 2024']],
    );
  });

  it('answer an article the corpus does not hold with no hints', () => {
    const { corpus, docs } = sample('Tomorrow.', { dates: [date('Tomorrow', 0, '2024-03-06', true)] });
    assert.deepEqual(provideInlayHints({ textDocument: { uri: 'file:///other.txt' }, range: whole }, corpus, docs, token), []);
  });
});

describe('highlights', () => {
  it('are none where no entity is under the cursor', () => {
    const { corpus, docs } = sample('Port opened. Port closed.', { entities: [entity('Port', 0), entity('Port', 13)] });
    assert.deepEqual(provideHighlights({ textDocument: { uri: URI }, position: { line: 0, character: 7 } }, corpus, docs, token), []);
    assert.deepEqual(
      provideHighlights({ textDocument: { uri: URI }, position: { line: 0, character: 14 } }, corpus, docs, token).map((h) => h.range),
      [
        { start: { line: 0, character: 0 }, end: { line: 0, character: 4 } },
        { start: { line: 0, character: 13 }, end: { line: 0, character: 17 } },
      ],
    );
  });
});
