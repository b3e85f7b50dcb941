import type { DashboardListItem, DashboardListParams, DashboardListResult } from '../protocol';
import type { CorpusQueries as Corpus } from '../corpus/queries';
import { articlesBetween, type Snapshot } from './articleTable';
import { dayRange, isoOf } from './days';
import type { Pacer } from './pacer';

export const LIST_LIMITS = { max: 2000, default: 200 } as const;

const KIND_PLURAL = { person: 'People', org: 'Organizations', place: 'Places' } as const;

function fileOf(uri: string): string {
  return decodeURIComponent(uri.slice(uri.lastIndexOf('/') + 1));
}

/** The list behind a click on the dashboard: articles, entities, unresolved dates or skipped files. */
export async function listOf(corpus: Corpus, s: Snapshot, params: DashboardListParams, skipped: [string, string][], pacer: Pacer): Promise<DashboardListResult> {
  const limit = Math.round(Math.min(LIST_LIMITS.max, Math.max(1, Number.isFinite(params.limit) ? params.limit! : LIST_LIMITS.default)));
  switch (params.list) {
    case 'articles':
      return articleList(corpus, s, params, limit, pacer);
    case 'entities':
      return entityList(s, params, limit, pacer);
    case 'unresolved':
      return unresolvedList(corpus, s, limit, pacer);
    case 'skipped':
      return {
        title: 'Skipped files',
        total: skipped.length,
        items: skipped.slice(0, limit).map(([file, reason]) => ({ label: file, detail: reason })),
      };
    default:
      return { title: 'Nothing to list', total: 0, items: [] };
  }
}

async function articleList(corpus: Corpus, s: Snapshot, params: Extract<DashboardListParams, { list: 'articles' }>, limit: number, pacer: Pacer): Promise<DashboardListResult> {
  const [first, last] = dayRange(params.period);
  const [start, end] = params.undated ? [s.dated, s.uris.length] : params.period?.from || params.period?.to ? articlesBetween(s, first, last) : [0, s.uris.length];
  const ids = Array.isArray(params.ids) ? params.ids.filter((id): id is string => typeof id === 'string') : [];
  const chosen = ids.map((id) => s.indexOfId.get(corpus.resolve(id, pacer.token))).filter((e): e is number => e !== undefined);
  const names = chosen.map((e) => s.names[e]);
  const items: DashboardListItem[] = [];
  let total = 0;
  for (let a = start; a < end; a++) {
    await pacer.step();
    let mentions = 0;
    let entity: number | undefined;
    if (chosen.length) {
      for (let i = s.articleStart[a]; i < s.articleStart[a + 1]; i++) {
        if (!chosen.includes(s.entities[i])) continue;
        mentions += s.mentions[i];
        entity ??= s.entities[i];
      }
      if (mentions === 0) continue;
    }
    total++;
    if (items.length >= limit) continue;
    const uri = s.uris[a];
    const record = s.records[a];
    // Open at the entity's first mention, else at the headline.
    const first = entity === undefined ? undefined : corpus.occurrencesIn(uri, s.ids[entity], pacer.token)[0];
    const headline = record.meta.headline;
    items.push({
      label: `${a < s.dated ? isoOf(s.days[a]) : 'undated'}  ${headline?.text ?? fileOf(uri)}`,
      detail: `${fileOf(uri)}${mentions ? ` · ${mentions} mention${mentions === 1 ? '' : 's'}` : ''}`,
      open: first ? { uri, start: first.start, end: first.end } : { uri, start: headline?.start ?? 0, end: headline?.start ?? 0 },
    });
  }
  const what = names.length ? `Articles naming ${names.join(' or ')}` : params.undated ? 'Undated articles' : 'Articles';
  const when = params.period?.from || params.period?.to ? `, ${params.period.from ?? '…'} to ${params.period.to ?? '…'}` : '';
  return { title: `${what}${when}`, total, items };
}

async function entityList(s: Snapshot, params: Extract<DashboardListParams, { list: 'entities' }>, limit: number, pacer: Pacer): Promise<DashboardListResult> {
  const [first, last] = dayRange(params.period);
  const [start, end] = params.period?.from || params.period?.to ? articlesBetween(s, first, last) : [0, s.uris.length];
  const articles = new Int32Array(s.ids.length);
  const mentions = new Int32Array(s.ids.length);
  for (let a = start; a < end; a++) {
    await pacer.step();
    for (let i = s.articleStart[a]; i < s.articleStart[a + 1]; i++) {
      articles[s.entities[i]]++;
      mentions[s.entities[i]] += s.mentions[i];
    }
  }
  const found: number[] = [];
  for (let e = 0; e < s.ids.length; e++) if (articles[e] > 0 && s.kinds[e] === params.kind) found.push(e);
  found.sort((x, y) => articles[y] - articles[x] || mentions[y] - mentions[x] || (s.names[x] < s.names[y] ? -1 : 1));
  return {
    title: KIND_PLURAL[params.kind] ?? 'Entities',
    total: found.length,
    items: found.slice(0, limit).map((e) => ({ label: s.names[e], detail: `${articles[e]} article${articles[e] === 1 ? '' : 's'} · ${mentions[e]} mention${mentions[e] === 1 ? '' : 's'}`, entity: s.ids[e] })),
  };
}

async function unresolvedList(corpus: Corpus, s: Snapshot, limit: number, pacer: Pacer): Promise<DashboardListResult> {
  const items: DashboardListItem[] = [];
  let total = 0;
  for (let a = 0; a < s.uris.length; a++) {
    await pacer.step();
    if (s.unresolved[a] === 0) continue;
    total += s.unresolved[a];
    if (items.length >= limit) continue;
    const uri = s.uris[a];
    for (const date of corpus.datesIn(uri, pacer.token)) {
      if (date.unresolved === undefined || items.length >= limit) continue;
      items.push({ label: `“${date.text}”`, detail: `${fileOf(uri)} · ${date.unresolved}`, open: { uri, start: date.start, end: date.end } });
    }
  }
  return { title: 'Unresolved relative dates', total, items };
}
