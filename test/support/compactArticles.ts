import assert from 'node:assert/strict';
import type { ArticleAnalysis, EntityKind, EntityMention } from '../../server/src/analysis/types';
import { Corpus } from '../../server/src/corpus/corpus';
import { MAX_SEARCH_RESULTS, NOT_CANCELLED as T } from '../../server/src/corpus/queries';

/** A mention written compactly: [text, key, fullName?, kind?, rule?] placed at increasing offsets. */
export type M = [text: string, key: string, fullName?: boolean, kind?: EntityKind, rule?: string];

/** An analysis of made-up mentions, one after another. */
export function article(...mentions: M[]): ArticleAnalysis {
  let offset = 0;
  const entities: EntityMention[] = mentions.map(([text, key, fullName = false, kind = 'person', rule = 'test']) => {
    const m: EntityMention = { kind, key, text, canonical: fullName ? text : text.replace(/^(Mr|Ms) /, ''), start: offset, end: offset + text.length, fullName, rule, surname: kind === 'person' ? text.split(' ').pop()!.toLowerCase() : undefined };
    offset += text.length + 1;
    return m;
  });
  return { articleDate: { value: '', source: 'none' }, entities, dates: [], figures: [], problems: [] };
}

/** The text the mentions of `article` stand in. */
export function text(a: ArticleAnalysis): string {
  return a.entities.map((m) => m.text).join(' ');
}

export function add(corpus: Corpus, uri: string, a: ArticleAnalysis): void {
  corpus.setArticle(uri, corpus.pack(text(a), structuredClone(a)));
}

/** Everything observable about a corpus, for comparing two of them. */
export function snapshot(corpus: Corpus) {
  return corpus
    .entityIds(T)
    .sort()
    .map((id) => ({ summary: corpus.summaryOf(id, T), occurrences: corpus.occurrencesOf(id, Infinity, T), definition: corpus.definitionOf(id, T) }));
}

/** How a randomized run changes the corpus (deterministic for a seed, so a failure is reproducible). */
export interface RandomRun {
  seed: number;
  steps: number;
  uris: string[];
  /** Chance that a step removes an article instead of writing one. */
  removeRate: number;
  /** Most mentions in an article written by a step. */
  maxMentions: number;
  /** Every how many steps the caches are filled by a search. */
  queryEvery: number;
}

/**
 * Writes and removes random articles made from `pool`, and after every step checks that the
 * corpus kept up to date answers exactly as one rebuilt from the articles as they are.
 */
export function assertIncrementalEqualsRebuild(pool: M[], run: RandomRun): void {
  let seed = run.seed;
  const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const pick = <X>(xs: X[]) => xs[Math.floor(rnd() * xs.length)];
  const incremental = new Corpus();
  const latest = new Map<string, ArticleAnalysis>();
  for (let step = 0; step < run.steps; step++) {
    const uri = pick(run.uris);
    if (rnd() < run.removeRate) {
      incremental.removeArticle(uri);
      latest.delete(uri);
    } else {
      const a = article(...Array.from({ length: 1 + Math.floor(rnd() * run.maxMentions) }, () => pick(pool)));
      add(incremental, uri, a);
      latest.set(uri, a);
    }
    // Query between changes so stale cache entries would be noticed.
    if (step % run.queryEvery === 0) incremental.searchEntities('', MAX_SEARCH_RESULTS, T);
    const rebuilt = new Corpus();
    for (const [u, x] of latest) add(rebuilt, u, x);
    assert.deepEqual(snapshot(incremental), snapshot(rebuilt), `step ${step}`);
  }
}
