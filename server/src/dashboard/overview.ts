import type { EntityKind } from '../analysis/types';
import type { DashboardOverviewResult, Period } from '../protocol';
import { articlesBetween, type Snapshot } from './articleTable';
import { dayRange, isoOf } from './days';
import type { Pacer } from './pacer';

/** At most this many days on the articles-per-day chart (the last ones, when a corpus spans longer). */
export const MAX_OVERVIEW_DAYS = 20 * 366;

/** Articles per day over the corpus's span, entities by type in the period, unresolved dates, skipped files. */
export async function overviewOf(s: Snapshot, period: Period | undefined, skipped: number, pacer: Pacer): Promise<DashboardOverviewResult> {
  const days: string[] = [];
  const perDay: number[] = [];
  if (s.dated > 0) {
    const last = s.days[s.dated - 1];
    const first = Math.max(s.days[0], last - MAX_OVERVIEW_DAYS + 1);
    for (let d = first; d <= last; d++) days.push(isoOf(d));
    perDay.length = days.length;
    perDay.fill(0);
    for (let a = 0; a < s.dated; a++) if (s.days[a] >= first) perDay[s.days[a] - first]++;
  }
  const [from, to] = dayRange(period);
  const [start, end] = period?.from || period?.to ? articlesBetween(s, from, to) : [0, s.uris.length];
  const seen = new Uint8Array(s.ids.length);
  const kinds: Record<EntityKind, { kind: EntityKind; entities: number; mentions: number }> = {
    person: { kind: 'person', entities: 0, mentions: 0 },
    org: { kind: 'org', entities: 0, mentions: 0 },
    place: { kind: 'place', entities: 0, mentions: 0 },
  };
  for (let a = start; a < end; a++) {
    await pacer.step();
    for (let i = s.articleStart[a]; i < s.articleStart[a + 1]; i++) {
      const e = s.entities[i];
      const tally = kinds[s.kinds[e]];
      if (!seen[e]) {
        seen[e] = 1;
        tally.entities++;
      }
      tally.mentions += s.mentions[i];
    }
  }
  let unresolvedDates = 0;
  let unresolvedArticles = 0;
  for (let a = 0; a < s.uris.length; a++) {
    if (s.unresolved[a] === 0) continue;
    unresolvedDates += s.unresolved[a];
    unresolvedArticles++;
  }
  return {
    articles: s.uris.length,
    undated: s.uris.length - s.dated,
    days,
    perDay,
    kinds: [kinds.person, kinds.org, kinds.place],
    unresolvedDates,
    unresolvedArticles,
    skipped,
  };
}
