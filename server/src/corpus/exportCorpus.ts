import type { CancellationSignal, EntityKind } from '../analysis/types';
import type { CorpusQueries } from './queries';

export type ExportFormat = 'csv' | 'jsonl';

/** The type names of exported and predicted entities (CoNLL's classes). */
export const ENTITY_TYPE: Readonly<Record<EntityKind, string>> = { person: 'PERSON', org: 'ORG', place: 'LOC' };

/** One exported mention. */
export interface ExportedMention {
  record: 'mention';
  file: string;
  start: number;
  end: number;
  text: string;
  type: string;
  entity: string | null;
  entityName: string | null;
  value: string | number | null;
  unit: string | null;
  counted: string | null;
  approx: string | null;
  role: string | null;
  articleDate: string | null;
}

const CSV_COLUMNS: (keyof ExportedMention)[] = ['file', 'start', 'end', 'text', 'type', 'entity', 'entityName', 'value', 'unit', 'counted', 'approx', 'role', 'articleDate'];

function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  const s = String(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Thrown by exportCorpus when its token is cancelled, so a writer drops the partial file. */
export class ExportCancelled extends Error {
  constructor() {
    super('export cancelled');
  }
}

/**
 * The corpus as lines to write: entities (JSONL only) then every mention of every article,
 * with file, UTF-16 offsets, normalised values, and the reader's corrections applied.
 * A generator, so 100,000 articles stream without building one huge string. Throws
 * ExportCancelled between articles once the token is cancelled.
 */
export function* exportCorpus(corpus: CorpusQueries, format: ExportFormat, fileOf: (uri: string) => string, token: CancellationSignal, only?: { entity: string }): Generator<string> {
  // One entity only: its record, and its mentions in the articles that name it.
  const entity = only && corpus.resolve(only.entity, token);
  if (format === 'csv') yield CSV_COLUMNS.join(',');
  else {
    for (const s of corpus.searchEntities('', Number.POSITIVE_INFINITY, token)) {
      if (entity && s.id !== entity) continue;
      yield JSON.stringify({ record: 'entity', entity: s.id, name: s.canonical, type: ENTITY_TYPE[s.kind], spellings: s.spellings, roles: s.roles, mentions: s.mentionCount, articles: s.articleCount });
    }
    if (token.isCancellationRequested) throw new ExportCancelled();
  }
  for (const uri of [...(entity ? corpus.articlesOf(entity, token) : corpus.uris())].sort()) {
    if (token.isCancellationRequested) throw new ExportCancelled();
    const file = fileOf(uri);
    const articleDate = corpus.article(uri)!.meta.articleDate.value || null;
    const rows: ExportedMention[] = [];
    const base = { record: 'mention' as const, file, articleDate, unit: null, counted: null, approx: null, role: null };
    for (const { mention: m, id, kind, name } of corpus.mentionsIn(uri, token)) {
      if (m.demonym || (entity && id !== entity)) continue;
      rows.push({ ...base, start: m.start, end: m.end, text: m.text, type: ENTITY_TYPE[kind], entity: id, entityName: name, value: null, role: m.role ?? null });
    }
    if (!entity) for (const d of corpus.datesIn(uri, token)) rows.push({ ...base, start: d.start, end: d.end, text: d.text, type: d.type, entity: null, entityName: null, value: d.value });
    for (const f of entity ? [] : corpus.figuresIn(uri, token)) {
      rows.push({ ...base, start: f.start, end: f.end, text: f.text, type: f.type, entity: null, entityName: null, value: f.value, unit: f.unit ?? null, counted: f.counted ?? null, approx: f.approx ?? null });
    }
    if (token.isCancellationRequested) throw new ExportCancelled();
    rows.sort((a, b) => a.start - b.start || a.end - b.end);
    for (const row of rows) yield format === 'csv' ? CSV_COLUMNS.map((c) => csvCell(row[c])).join(',') : JSON.stringify(row);
  }
}
