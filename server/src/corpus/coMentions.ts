import type { CancellationSignal } from '../analysis/types';
import type { ArticleStore } from './articleStore';
import type { Identity } from './identity';
import type { KeyIndex } from './keyIndex';
import { E_DEMONYM, E_KEY, ENTITIES } from './packed';
import { NO_CONTEXT, type EntityContext } from './queries';
import type { Summaries } from './summaries';
import { TRUE_CELL } from './valueTable';

/** Entities listed as "often with". */
const TOP = 5;
/** Articles looked at for them, so "US" in 100,000 articles stays cheap. */
const SAMPLE = 200;

/**
 * Dates and company of an entity: its first and last article date, and the entities most
 * often mentioned in the same articles. It owns the contexts it caches and its scratch arrays.
 */
export class CoMentions {
  private contexts = new Map<string, EntityContext>();
  /**
   * Scratch for co-mention counts, indexed by value-table index: which call last saw a key
   * cell, and the entity it resolved to in that call.
   */
  private calls = 0;
  private cellSeen = new Int32Array(1024);
  private cellEntity = new Int32Array(1024);

  constructor(
    private readonly store: ArticleStore,
    private readonly keys: KeyIndex,
    private readonly identity: Identity,
    private readonly summaries: Summaries,
  ) {
    identity.onForget((ids) => {
      // The entities mentioned with it may have changed too; their cards are rebuilt on demand.
      if (ids === 'all') this.contexts = new Map();
      else for (const id of ids) this.contexts.delete(id);
    });
  }

  /** See CorpusQueries.contextOf. */
  contextOf(id: string, token: CancellationSignal): EntityContext {
    if (token.isCancellationRequested) return NO_CONTEXT;
    id = this.identity.resolve(id);
    const cached = this.contexts.get(id);
    if (cached) return cached;
    const members = this.identity.membersOf(id);
    const [firstDate, lastDate] = this.dateRange(members);
    const shared = this.sharedArticles(id, members, token);
    if (!shared) return NO_CONTEXT;
    const coMentioned: EntityContext['coMentioned'] = [];
    for (const [other, articles] of top(shared, TOP)) {
      const summary = this.summaries.summaryOf(other, token);
      // No summary only when cancelled: every entity seen in an article has one.
      if (!summary) return NO_CONTEXT;
      coMentioned.push({ id: other, canonical: summary.canonical, kind: summary.kind, articles });
    }
    const context = { firstDate, lastDate, coMentioned };
    this.contexts.set(id, context);
    return context;
  }

  /** From the keys' date tallies: a few hundred distinct dates, not 100,000 articles. */
  private dateRange(members: readonly string[]): [string, string] {
    let first = '';
    let last = '';
    for (const key of members) {
      for (const date of this.keys.info(key)?.dates.keys() ?? []) {
        if (!first || date < first) first = date;
        if (!last || date > last) last = date;
      }
    }
    return [first, last];
  }

  /**
   * Each other entity with the number of sampled articles it shares with the entity's keys;
   * undefined when cancelled. Counted over small integers, not strings: each key cell is
   * resolved to an entity once per call, each entity gets an index, and an article counts
   * once per entity.
   */
  private sharedArticles(id: string, members: readonly string[], token: CancellationSignal): [string, number][] | undefined {
    const call = ++this.calls;
    const entities: string[] = [];
    const entityIndex = new Map<string, number>();
    const articles: number[] = [];
    const articleStamp: number[] = [];
    let sampled = 0;
    // Unsorted: sorting the 10,000 articles of "United States" would cost more than the rest.
    for (const uri of this.keys.articlesWithAny(members)) {
      if (sampled++ >= SAMPLE) break;
      if (token.isCancellationRequested) return undefined;
      const { counts, cells } = this.store.get(uri)!.corrected;
      const n = counts[ENTITIES];
      for (let i = 0; i < n; i++) {
        if (cells[E_DEMONYM * n + i] === TRUE_CELL) continue;
        const at = (cells[E_KEY * n + i] - 1) / 2;
        if (at >= this.cellSeen.length) this.growScratch(at + 1);
        let index: number;
        if (this.cellSeen[at] === call) index = this.cellEntity[at];
        else {
          const other = this.identity.resolve(this.store.table.valueAt(at) as string);
          index = entityIndex.get(other) ?? -1;
          if (index < 0) {
            index = entities.push(other) - 1;
            entityIndex.set(other, index);
            articles.push(0);
            articleStamp.push(0);
          }
          this.cellSeen[at] = call;
          this.cellEntity[at] = index;
        }
        if (articleStamp[index] === sampled) continue;
        articleStamp[index] = sampled;
        articles[index]++;
      }
    }
    const shared: [string, number][] = [];
    entities.forEach((other, index) => other !== id && shared.push([other, articles[index]]));
    return shared;
  }

  private growScratch(size: number): void {
    const seen = new Int32Array(Math.max(size, this.cellSeen.length * 2));
    const entity = new Int32Array(seen.length);
    seen.set(this.cellSeen);
    entity.set(this.cellEntity);
    this.cellSeen = seen;
    this.cellEntity = entity;
  }
}

/** The `count` best by shared articles (then id), picked without sorting the thousands seen once. */
function top(shared: [string, number][], count: number): [string, number][] {
  const best: [string, number][] = [];
  const better = (a: [string, number], b: [string, number]) => (a[1] !== b[1] ? a[1] > b[1] : a[0].localeCompare(b[0]) < 0);
  for (const entry of shared) {
    if (best.length >= count && !better(entry, best[best.length - 1])) continue;
    let at = best.length;
    while (at > 0 && better(entry, best[at - 1])) at--;
    best.splice(at, 0, entry);
    if (best.length > count) best.pop();
  }
  return best;
}
