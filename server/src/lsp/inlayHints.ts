import { InlayHintKind, type CancellationToken, type InlayHint, type InlayHintParams } from 'vscode-languageserver';
import { describeDateValue } from '../analysis/dates/describe';
import type { CorpusQueries } from '../corpus/queries';
import { describeAnchor } from './describe';
import type { DocumentLookup } from './documents';

/** The short calendar reading of a TIMEX3 value for an inlay hint, or undefined when there is none. */
export function shortDateLabel(value: string): string | undefined {
  if (/_REF$/.test(value) || value.startsWith('P')) return undefined;
  const described = describeDateValue(value);
  if (described === value) return undefined;
  // "week 45 of 2021 (8–14 Nov 2021)" reads best as its range alone.
  const range = /\(([^()]+)\)$/.exec(described);
  return range && /\d/.test(range[1]) ? range[1] : described;
}

/** Inlay hints: after each relative date, the calendar date it resolves to. */
export function provideInlayHints(params: InlayHintParams, corpus: CorpusQueries, docs: DocumentLookup, token: CancellationToken): InlayHint[] {
  const uri = params.textDocument.uri;
  const record = corpus.article(uri);
  const doc = docs.get(uri);
  if (!record || !doc) return [];
  const from = doc.offsetAt(params.range.start);
  const to = doc.offsetAt(params.range.end);
  const hints: InlayHint[] = [];
  for (const d of corpus.datesIn(uri, token)) {
    if (!d.relative || d.end < from || d.start > to) continue;
    const label = d.value ? shortDateLabel(d.value) : 'unresolved: no article date';
    if (!label) continue;
    hints.push({
      position: doc.positionAt(d.end),
      label: `→ ${label}`,
      kind: InlayHintKind.Type,
      paddingLeft: true,
      tooltip: d.value ? `${d.text} = ${d.value}, resolved against the article date ${describeAnchor(record.meta.articleDate)}` : d.unresolved,
    });
  }
  return hints;
}
