import type { CancellationToken } from 'vscode-languageserver';
import type { CorpusQueries } from '../corpus/queries';
import type { EntitiesPage, EntitiesPageParams, EntityListItem } from '../protocol';
import { plural } from './describe';
import type { DocumentLookup } from './documents';

const MAX_PAGE = 2000;

/**
 * One page of the entity list, most reported first, with the list's total: the view pages
 * through a thousand organizations instead of stopping at the first few hundred. Only the
 * page's entities get a location.
 */
export function provideEntitiesPage(params: EntitiesPageParams, corpus: CorpusQueries, docs: DocumentLookup, token: CancellationToken): EntitiesPage {
  const offset = Number.isSafeInteger(params.offset) && params.offset! > 0 ? params.offset! : 0;
  const limit = Number.isSafeInteger(params.limit) ? Math.min(Math.max(params.limit!, 1), MAX_PAGE) : 200;
  const filter = typeof params.filter === 'string' ? params.filter : '';
  const items: EntityListItem[] = [];
  let total = 0;
  for (const s of corpus.searchEntities(filter, Number.POSITIVE_INFINITY, token)) {
    if (params.kind && s.kind !== params.kind) continue;
    if (total >= offset && items.length < limit) {
      const def = corpus.definitionOf(s.id, token);
      items.push({
        id: s.id,
        kind: s.kind,
        name: s.canonical,
        mentions: s.mentionCount,
        articles: s.articleCount,
        detail: `${plural(s.articleCount, 'article')} · ${plural(s.mentionCount, 'mention')}`,
        definition: def && docs.location(def.uri, def.start, def.end),
      });
    }
    total++;
  }
  return { items, offset, total };
}
