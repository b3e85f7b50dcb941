import type { CancellationSignal } from '../analysis/types';
import type { ArticleStore, StoredArticle } from './articleStore';
import type { Identity } from './identity';
import type { KeyIndex } from './keyIndex';
import { column, E_FULL_NAME, E_KEY, ENTITIES } from './packed';
import type { Occurrence } from './queries';
import { smallest } from './smallest';
import { TRUE_CELL } from './valueTable';

/**
 * Where entities are mentioned: every mention, the mentions in one article, the articles,
 * and the definition (first full-name mention), read from the key index and the articles'
 * key columns. It owns the definitions it caches.
 */
export class Occurrences {
  private definitions = new Map<string, Occurrence | undefined>();

  constructor(
    private readonly store: ArticleStore,
    private readonly keys: KeyIndex,
    private readonly identity: Identity,
  ) {
    identity.onForget((ids) => {
      if (ids === 'all') this.definitions = new Map();
      else for (const id of ids) this.definitions.delete(id);
    });
  }

  /** See CorpusQueries.occurrencesOf. */
  occurrencesOf(id: string, limit: number, token: CancellationSignal): Occurrence[] {
    if (token.isCancellationRequested) return [];
    const members = this.identity.membersOf(id);
    const cells = this.store.keyCells(members);
    // Each article holds at least one mention, so the first `limit` articles in uri order are
    // all that can be needed: picked without sorting "United States"'s 100,000.
    const uris = smallest(this.keys.articlesWithAny(members), limit);
    const out: Occurrence[] = [];
    for (const uri of uris) {
      if (token.isCancellationRequested) return [];
      const record = this.store.get(uri)!;
      const { cells: c, at, n } = column(record.corrected, ENTITIES, E_KEY);
      for (let i = 0; i < n; i++) {
        if (!cells.has(c[at + i])) continue;
        out.push(this.store.occurrence(record, i));
        if (out.length >= limit) return out;
      }
    }
    return out;
  }

  /** See CorpusQueries.occurrencesIn. */
  occurrencesIn(uri: string, id: string, token: CancellationSignal): Occurrence[] {
    const record = this.store.get(uri);
    if (!record || token.isCancellationRequested) return [];
    const cells = this.cellsOf(this.identity.membersOf(id));
    const { cells: c, at, n } = column(record.corrected, ENTITIES, E_KEY);
    const out: Occurrence[] = [];
    for (let i = 0; i < n; i++) if (cells.has(c[at + i])) out.push(this.store.occurrence(record, i));
    return out;
  }

  /**
   * The value cells of an entity's keys. References ask this for each of an entity's articles in
   * turn; identity hands out the same members list until the entity may have changed, so the
   * cells of the last list asked about are kept.
   */
  private cellsOf(members: readonly string[]): Set<number> {
    if (members !== this.lastMembers) {
      this.lastMembers = members;
      this.lastCells = this.store.keyCells(members);
    }
    return this.lastCells;
  }

  private lastMembers: readonly string[] | undefined;
  private lastCells = new Set<number>();

  /** See CorpusQueries.articlesOf. */
  articlesOf(id: string, token: CancellationSignal): string[] {
    if (token.isCancellationRequested) return [];
    return [...this.keys.articlesWithAny(this.identity.membersOf(id))].sort();
  }

  /** See CorpusQueries.definitionOf. */
  definitionOf(id: string, token: CancellationSignal): Occurrence | undefined {
    if (token.isCancellationRequested) return undefined;
    id = this.identity.resolve(id);
    if (this.definitions.has(id)) return this.definitions.get(id);
    const members = this.identity.membersOf(id);
    const cells = this.store.keyCells(members);
    // The first article (in uri order) with a full-name mention, and the first with any:
    // found from the key tallies, so "US" in 100,000 articles reads two articles, not all.
    let bestUri: string | undefined;
    let firstUri: string | undefined;
    for (const key of members) {
      for (const [uri, tally] of this.keys.tallies(key)) {
        if (firstUri === undefined || uri < firstUri) firstUri = uri;
        if ((tally & 1) === 1 && (bestUri === undefined || uri < bestUri)) bestUri = uri;
      }
    }
    const best = this.firstIn(bestUri, cells, true);
    const definition = best ?? this.firstIn(firstUri, cells, false);
    this.definitions.set(id, definition);
    return definition;
  }

  /** The first mention (a full-name one, when asked) with one of the key cells in an article. */
  private firstIn(uri: string | undefined, cells: ReadonlySet<number>, fullNameOnly: boolean): Occurrence | undefined {
    const record: StoredArticle | undefined = uri === undefined ? undefined : this.store.get(uri);
    if (!record) return undefined;
    const keys = column(record.corrected, ENTITIES, E_KEY);
    const full = column(record.corrected, ENTITIES, E_FULL_NAME);
    // Mentions are in text order, so the first match is the earliest.
    for (let i = 0; i < keys.n; i++) {
      if (cells.has(keys.cells[keys.at + i]) && (!fullNameOnly || full.cells[full.at + i] === TRUE_CELL)) return this.store.occurrence(record, i);
    }
    return undefined;
  }
}
