import type { ArticleRecord, Corpus } from '../corpus/corpus';

/**
 * A span in the evaluation format of ../shared/eval: names (PERSON/ORG/LOC), demonyms (MISC),
 * time expressions (TIMEX3 types) and figures.
 */
export interface PredictionSpan {
  start: number;
  end: number;
  type: string;
  norm: string | null;
  cluster: string | null;
}

const ENTITY_TYPE = { person: 'PERSON', org: 'ORG', place: 'LOC' } as const;

/** Turns an article's analysis into prediction spans; cluster is the corpus entity id. */
export function toPredictionSpans(corpus: Corpus, record: ArticleRecord): PredictionSpan[] {
  const { analysis } = record;
  const spans: PredictionSpan[] = [];
  for (const m of record.entities) {
    // A demonym ("Russian") is a mention of its place but not a name: it goes out as MISC (the
    // CoNLL class of nationality words), which name scores leave aside, with its place's entity id.
    const type = m.demonym ? 'MISC' : ENTITY_TYPE[corpus.kindOf(m.key) ?? m.kind];
    spans.push({ start: m.start, end: m.end, type, norm: null, cluster: corpus.resolve(m.key) });
  }
  for (const d of analysis.dates) spans.push({ start: d.start, end: d.end, type: d.type, norm: d.value, cluster: null });
  for (const f of analysis.figures) spans.push({ start: f.start, end: f.end, type: f.type, norm: null, cluster: null });
  return spans.sort((a, b) => a.start - b.start || a.end - b.end);
}
