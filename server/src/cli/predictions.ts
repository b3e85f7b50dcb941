import { ENTITY_TYPE } from '../corpus/exportCorpus';
import { NOT_CANCELLED, type CorpusQueries } from '../corpus/queries';

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

/** Turns an article's analysis into prediction spans; cluster is the corpus entity id. */
export function toPredictionSpans(corpus: CorpusQueries, uri: string): PredictionSpan[] {
  const spans: PredictionSpan[] = [];
  for (const { mention: m, id, kind } of corpus.mentionsIn(uri, NOT_CANCELLED)) {
    // A demonym ("Russian") is a mention of its place but not a name: it goes out as MISC (the
    // CoNLL class of nationality words), which name scores leave aside, with its place's entity id.
    const type = m.demonym ? 'MISC' : ENTITY_TYPE[kind];
    spans.push({ start: m.start, end: m.end, type, norm: null, cluster: id });
  }
  for (const d of corpus.datesIn(uri, NOT_CANCELLED)) spans.push({ start: d.start, end: d.end, type: d.type, norm: d.value, cluster: null });
  for (const f of corpus.figuresIn(uri, NOT_CANCELLED)) spans.push({ start: f.start, end: f.end, type: f.type, norm: null, cluster: null });
  return spans.sort((a, b) => a.start - b.start || a.end - b.end);
}
