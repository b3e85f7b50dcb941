import { SemanticTokensBuilder, type CancellationToken, type SemanticTokens, type SemanticTokensLegend, type SemanticTokensParams } from 'vscode-languageserver';
import type { CorpusQueries } from '../corpus/queries';
import type { DocumentLookup } from './documents';

/** Our own token types; package.json maps each to a TextMate scope every theme colours. */
export const TOKEN_TYPES = ['person', 'organization', 'place', 'date', 'figure'] as const;
export const TOKEN_MODIFIERS = ['fullName', 'relative', 'demonym'] as const;
export const SEMANTIC_LEGEND: SemanticTokensLegend = { tokenTypes: [...TOKEN_TYPES], tokenModifiers: [...TOKEN_MODIFIERS] };

const TYPE_OF_KIND = { person: 0, org: 1, place: 2 } as const;

/** Semantic tokens: people, organizations, places, dates and figures of one article. */
export function provideSemanticTokens(params: SemanticTokensParams, corpus: CorpusQueries, docs: DocumentLookup, token: CancellationToken): SemanticTokens {
  const uri = params.textDocument.uri;
  const record = corpus.article(uri);
  const doc = docs.get(uri);
  if (!record || !doc) return { data: [] };
  const spans: { start: number; end: number; type: number; modifiers: number }[] = [];
  for (const { mention: m, kind } of docs.mentionsIn(uri, token)) spans.push({ start: m.start, end: m.end, type: TYPE_OF_KIND[kind], modifiers: (m.fullName ? 1 : 0) | (m.demonym ? 4 : 0) });
  for (const d of corpus.datesIn(uri, token)) spans.push({ start: d.start, end: d.end, type: 3, modifiers: d.relative ? 2 : 0 });
  for (const f of corpus.figuresIn(uri, token)) spans.push({ start: f.start, end: f.end, type: 4, modifiers: 0 });
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  const builder = new SemanticTokensBuilder();
  let covered = 0;
  for (const span of spans) {
    // Tokens may not overlap: the earlier (or longer) span wins.
    if (span.start < covered || span.end <= span.start) continue;
    covered = span.end;
    const start = doc.positionAt(span.start);
    const end = doc.positionAt(span.end);
    // A token lives on one line; a span across a line break is coloured line by line.
    for (let line = start.line; line <= end.line; line++) {
      const lineStart = doc.offsetAt({ line, character: 0 });
      const lineEnd = line === end.line ? span.end : lineStart + lineLength(doc.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } }));
      const from = Math.max(span.start, lineStart);
      if (lineEnd > from) builder.push(line, from - lineStart, lineEnd - from, span.type, span.modifiers);
    }
  }
  return builder.build();
}

function lineLength(lineWithBreak: string): number {
  return lineWithBreak.replace(/\r?\n$|\r$/, '').length;
}
