import type { CancellationToken } from 'vscode-languageserver';
import { UNDATED, type CorpusQueries } from '../corpus/queries';
import type { EntitiesParams, EntityListItem, LedgerParams, LedgerResult, TimelineEntry, TimelineParams } from '../protocol';
import { fileName, plural } from './describe';
import type { DocumentLookup } from './documents';

/** The whole ledger of a measure (bounded), oldest first. */
export function provideLedger(params: LedgerParams, corpus: CorpusQueries, docs: DocumentLookup, token: CancellationToken, limit = 5000): LedgerResult {
  const { rows, total } = corpus.ledgerOf(params.measure, limit, token);
  return {
    measure: params.measure,
    total,
    rows: rows.flatMap((r) => {
      const location = docs.location(r.uri, r.figure.start, r.figure.end);
      if (!location) return [];
      const f = r.figure;
      return [{ text: f.text, value: f.value, unit: f.unit, approx: f.approx, counted: f.counted, date: r.date, file: fileName(r.uri), location }];
    }),
  };
}

/** Entities sorted by article count, optionally of one kind and matching a filter. */
export function provideEntities(params: EntitiesParams, corpus: CorpusQueries, docs: DocumentLookup, token: CancellationToken): EntityListItem[] {
  const limit = Math.min(Math.max(params.limit ?? 200, 1), 2000);
  const out: EntityListItem[] = [];
  for (const s of corpus.searchEntities(params.filter ?? '', Number.POSITIVE_INFINITY, token)) {
    if (params.kind && s.kind !== params.kind) continue;
    const def = corpus.definitionOf(s.id, token);
    out.push({
      id: s.id,
      kind: s.kind,
      name: s.canonical,
      mentions: s.mentionCount,
      articles: s.articleCount,
      detail: `${plural(s.articleCount, 'article')} · ${plural(s.mentionCount, 'mention')}`,
      definition: def && docs.location(def.uri, def.start, def.end),
    });
    if (out.length >= limit) break;
  }
  return out;
}

/** The articles of an entity by date (undated last), with its mentions in each. */
export function provideTimeline(params: TimelineParams, corpus: CorpusQueries, docs: DocumentLookup, token: CancellationToken, limit = 2000): TimelineEntry[] {
  const id = corpus.resolve(params.id, token);
  const entries: TimelineEntry[] = [];
  for (const uri of corpus.articlesOf(id, token)) {
    const { meta } = corpus.article(uri)!;
    const mentions = corpus.occurrencesIn(uri, id, token);
    const first = mentions[0];
    entries.push({
      date: meta.articleDate.value,
      file: fileName(uri),
      headline: meta.headline?.text ?? fileName(uri),
      mentions: mentions.length,
      location: first && docs.location(uri, first.start, first.end),
    });
  }
  entries.sort((a, b) => (a.date || UNDATED).localeCompare(b.date || UNDATED) || a.file.localeCompare(b.file));
  return entries.slice(0, limit);
}
