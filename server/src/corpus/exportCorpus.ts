import type { Corpus } from './corpus';

export type ExportFormat = 'csv' | 'jsonl';

const TYPE = { person: 'PERSON', org: 'ORG', place: 'LOC' } as const;

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

/**
 * The corpus as lines to write: entities (JSONL only) then every mention of every article,
 * with file, UTF-16 offsets, normalised values, and the reader's corrections applied.
 * A generator, so 100,000 articles stream without building one huge string.
 */
export function* exportCorpus(corpus: Corpus, format: ExportFormat, fileOf: (uri: string) => string): Generator<string> {
  if (format === 'csv') yield CSV_COLUMNS.join(',');
  else {
    for (const s of corpus.searchEntities('', Number.POSITIVE_INFINITY)) {
      yield JSON.stringify({ record: 'entity', entity: s.id, name: s.canonical, type: TYPE[s.kind], spellings: s.spellings, roles: s.roles, mentions: s.mentionCount, articles: s.articleCount });
    }
  }
  for (const uri of [...corpus.uris()].sort()) {
    const record = corpus.article(uri)!;
    const file = fileOf(uri);
    const articleDate = record.analysis.articleDate.value || null;
    const rows: ExportedMention[] = [];
    const base = { record: 'mention' as const, file, articleDate, unit: null, counted: null, approx: null, role: null };
    for (const m of record.entities) {
      if (m.demonym) continue;
      const id = corpus.resolve(m.key);
      rows.push({ ...base, start: m.start, end: m.end, text: m.text, type: TYPE[corpus.kindOf(m.key) ?? m.kind], entity: id, entityName: corpus.summaryOf(id)?.canonical ?? m.canonical, value: null, role: m.role ?? null });
    }
    for (const d of record.analysis.dates) rows.push({ ...base, start: d.start, end: d.end, text: d.text, type: d.type, entity: null, entityName: null, value: d.value });
    for (const f of record.analysis.figures) {
      rows.push({ ...base, start: f.start, end: f.end, text: f.text, type: f.type, entity: null, entityName: null, value: f.value, unit: f.unit ?? null, counted: f.counted ?? null, approx: f.approx ?? null });
    }
    rows.sort((a, b) => a.start - b.start || a.end - b.end);
    for (const row of rows) yield format === 'csv' ? CSV_COLUMNS.map((c) => csvCell(row[c])).join(',') : JSON.stringify(row);
  }
}
