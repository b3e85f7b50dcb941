import type { ArticleAnalysis, EntityKind, EntityMention } from '../../server/src/analysis/types';
import type { Corpus } from '../../server/src/corpus/corpus';
import { NOT_CANCELLED as T } from '../../server/src/corpus/queries';

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
