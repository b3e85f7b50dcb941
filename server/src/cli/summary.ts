import * as path from 'node:path';
import { URI } from 'vscode-uri';
import type { EntityKind } from '../analysis/types';
import { NOT_CANCELLED, type CorpusQueries } from '../corpus/queries';

export interface CorpusSummary {
  articles: number;
  entities: Record<EntityKind, { total: number; top: { name: string; mentions: number; articles: number; spellings: string[] }[] }>;
  dates: { total: number; resolved: number; unresolved: number; articlesWithoutDate: number; top: { value: string; count: number }[] };
  figures: { total: number; top: { measure: string; count: number; examples: { text: string; file: string }[] }[] };
}

/** What a corpus contains, for the CLI's scan. */
export function summarizeCorpus(corpus: CorpusQueries, options: { top: number; root: string }): CorpusSummary {
  const entities = {} as CorpusSummary['entities'];
  for (const kind of ['person', 'org', 'place'] as EntityKind[]) entities[kind] = { total: 0, top: [] };
  const all = corpus.searchEntities('', Number.POSITIVE_INFINITY, NOT_CANCELLED);
  for (const s of all) entities[s.kind].total++;
  for (const kind of Object.keys(entities) as EntityKind[]) {
    entities[kind].top = all
      .filter((s) => s.kind === kind)
      .slice(0, options.top)
      .map((s) => ({ name: s.canonical, mentions: s.mentionCount, articles: s.articleCount, spellings: s.spellings.filter((x) => x !== s.canonical).slice(0, 6) }));
  }
  const dateCounts = new Map<string, number>();
  let dates = 0;
  let resolved = 0;
  let articlesWithoutDate = 0;
  const measures = new Map<string, { count: number; examples: { text: string; file: string }[] }>();
  let figures = 0;
  for (const uri of [...corpus.uris()].sort()) {
    if (corpus.article(uri)!.meta.articleDate.source === 'none') articlesWithoutDate++;
    const file = path.relative(options.root, URI.parse(uri).fsPath);
    for (const d of corpus.datesIn(uri, NOT_CANCELLED)) {
      dates++;
      if (d.value) {
        resolved++;
        dateCounts.set(d.value, (dateCounts.get(d.value) ?? 0) + 1);
      }
    }
    for (const f of corpus.figuresIn(uri, NOT_CANCELLED)) {
      figures++;
      let m = measures.get(f.measure);
      if (!m) measures.set(f.measure, (m = { count: 0, examples: [] }));
      m.count++;
      if (m.examples.length < 3) m.examples.push({ text: f.text, file });
    }
  }
  return {
    articles: corpus.size,
    entities,
    dates: {
      total: dates,
      resolved,
      unresolved: dates - resolved,
      articlesWithoutDate,
      top: [...dateCounts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, options.top).map(([value, count]) => ({ value, count })),
    },
    figures: {
      total: figures,
      top: [...measures.entries()].sort((a, b) => b[1].count - a[1].count || a[0].localeCompare(b[0])).slice(0, options.top).map(([measure, m]) => ({ measure, ...m })),
    },
  };
}

const TITLES: Record<EntityKind, string> = { person: 'People', org: 'Organizations', place: 'Places' };

/** The summary as a plain-text report. */
export function formatSummary(s: CorpusSummary): string {
  const lines: string[] = [`Corpus: ${s.articles} articles`, ''];
  for (const kind of ['person', 'org', 'place'] as EntityKind[]) {
    const group = s.entities[kind];
    lines.push(`${TITLES[kind]} (${group.total})`);
    for (const e of group.top) {
      const also = e.spellings.length ? `  also: ${e.spellings.join(', ')}` : '';
      lines.push(`  ${e.name.padEnd(32)} ${String(e.mentions).padStart(5)} mentions ${String(e.articles).padStart(4)} articles${also}`);
    }
    lines.push('');
  }
  lines.push(`Dates (${s.dates.total}: ${s.dates.resolved} resolved, ${s.dates.unresolved} unresolved; ${s.dates.articlesWithoutDate} articles without a date)`);
  for (const d of s.dates.top) lines.push(`  ${d.value.padEnd(20)} ${String(d.count).padStart(5)}`);
  lines.push('', `Figures (${s.figures.total})`);
  for (const f of s.figures.top) lines.push(`  ${f.measure.padEnd(24)} ${String(f.count).padStart(5)}  e.g. ${f.examples.map((e) => `"${e.text}" (${e.file})`).join('; ')}`);
  return `${lines.join('\n')}\n`;
}
