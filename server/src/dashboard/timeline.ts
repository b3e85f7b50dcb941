import type { Bucket, DashboardTimelineResult, TimelineSeries } from '../protocol';
import type { CorpusQueries as Corpus } from '../corpus/queries';
import type { Snapshot } from './articleTable';
import { bucketFor, isoOf, periodsOver } from './days';
import type { Pacer } from './pacer';

/** At most this many entities on one timeline. */
export const MAX_TIMELINE_SERIES = 12;

/**
 * Mentions per period of each entity asked for, over the span of their articles (the whole
 * corpus's span when none is asked for), with the corpus's articles per period beside them.
 */
export async function timelineOf(corpus: Corpus, s: Snapshot, ids: string[], bucket: Bucket | undefined, pacer: Pacer): Promise<DashboardTimelineResult> {
  const unknown: string[] = [];
  const chosen: number[] = [];
  for (const id of ids.slice(0, MAX_TIMELINE_SERIES)) {
    const e = typeof id === 'string' ? s.indexOfId.get(corpus.resolve(id, pacer.token)) : undefined;
    if (e === undefined) unknown.push(String(id));
    else if (!chosen.includes(e)) chosen.push(e);
  }
  // The span of the data: the dated articles of the chosen entities, or of the corpus.
  let first = Number.POSITIVE_INFINITY;
  let last = Number.NEGATIVE_INFINITY;
  if (chosen.length === 0 && s.dated > 0) {
    first = s.days[0];
    last = s.days[s.dated - 1];
  }
  for (const e of chosen) {
    for (let p = s.entityStart[e]; p < s.entityStart[e + 1]; p++) {
      const a = s.postings[p];
      if (a >= s.dated) break; // Postings ascend by article, and undated articles come last.
      first = Math.min(first, s.days[a]);
      last = Math.max(last, s.days[a]);
    }
  }
  const cut = bucket ?? (first <= last ? bucketFor(first, last) : 'day');
  const { starts, indexOf } = first <= last ? periodsOver(first, last, cut) : { starts: [], indexOf: () => -1 };
  const articles = new Array<number>(starts.length).fill(0);
  for (let a = 0; a < s.dated; a++) {
    await pacer.step();
    const day = s.days[a];
    if (day >= first && day <= last) articles[indexOf(day)]++;
  }
  const series: TimelineSeries[] = [];
  for (const e of chosen) {
    const one = emptySeries(s, e, starts.length);
    for (let p = s.entityStart[e]; p < s.entityStart[e + 1]; p++) {
      await pacer.step();
      const a = s.postings[p];
      if (a >= s.dated) {
        one.undated++;
        continue;
      }
      const i = indexOf(s.days[a]);
      one.mentions[i] += s.postingMentions[p];
      one.articles[i]++;
    }
    series.push(one);
  }
  return { bucket: cut, periods: starts.map(isoOf), articles, series, unknown };
}

function emptySeries(s: Snapshot, e: number, length: number): TimelineSeries {
  return { id: s.ids[e], name: s.names[e], kind: s.kinds[e], mentions: new Array<number>(length).fill(0), articles: new Array<number>(length).fill(0), undated: 0 };
}
