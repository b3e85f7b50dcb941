import type { CancellationSignal, EntityKind } from '../analysis/types';
import type { Identity } from './identity';
import type { KeyIndex } from './keyIndex';
import type { EntitySummary } from './queries';

/**
 * What the corpus knows about each entity (names, spellings, roles, counts, rules), read
 * from the per-key totals of the key index, and the directory searches run over. It owns
 * the summaries and the directory it caches.
 */
export class Summaries {
  private summaries = new Map<string, EntitySummary | undefined>();
  /** Type and name of entities whose full summary nobody asked for (colouring, outlines). */
  private heads = new Map<string, EntityHead | undefined>();
  /** Every entity's summary with its names lower-cased, built on the first search after a change. */
  private directory: { summary: EntitySummary; names: string }[] | undefined;

  constructor(
    private readonly keys: KeyIndex,
    private readonly identity: Identity,
  ) {
    identity.onForget((ids) => {
      this.directory = undefined;
      if (ids === 'all') {
        this.summaries = new Map();
        this.heads = new Map();
      } else {
        for (const id of ids) {
          this.summaries.delete(id);
          this.heads.delete(id);
        }
      }
    });
  }

  /** See CorpusQueries.summaryOf. */
  summaryOf(id: string, token: CancellationSignal): EntitySummary | undefined {
    if (token.isCancellationRequested) return undefined;
    id = this.identity.resolve(id);
    if (this.summaries.has(id)) return this.summaries.get(id);
    const summary = this.compute(id);
    this.summaries.set(id, summary);
    return summary;
  }

  /**
   * An entity's type and name, as its summary gives them, without the rest: an article of
   * 100,000 names asks this for every one of them, and a summary costs maps, sorts and sets.
   */
  headOf(id: string, token: CancellationSignal): EntityHead | undefined {
    if (token.isCancellationRequested) return undefined;
    id = this.identity.resolve(id);
    const summary = this.summaries.get(id);
    if (summary) return summary;
    if (this.heads.has(id)) return this.heads.get(id);
    const members = this.identity.membersOf(id);
    const head = members.length ? this.headFrom(id, members) : undefined;
    this.heads.set(id, head);
    return head;
  }

  /** See CorpusQueries.searchEntities. */
  searchEntities(query: string, limit: number, token: CancellationSignal): EntitySummary[] {
    const directory = this.directoryOf(token);
    if (!directory) return [];
    const needle = query.trim().toLowerCase();
    const hits: EntitySummary[] = [];
    for (const entry of directory) {
      if (hits.length >= limit) break;
      if (!needle || entry.names.includes(needle)) hits.push(entry.summary);
    }
    return hits;
  }

  /** The directory, built when stale; undefined when cancelled while building (nothing kept). */
  private directoryOf(token: CancellationSignal): { summary: EntitySummary; names: string }[] | undefined {
    this.identity.sync();
    if (this.directory) return this.directory;
    const directory: { summary: EntitySummary; names: string }[] = [];
    for (const id of this.identity.entityIds()) {
      const summary = this.summaryOf(id, token);
      if (token.isCancellationRequested) return undefined;
      if (summary) directory.push({ summary, names: [summary.canonical, ...summary.spellings].join('\n').toLowerCase() });
    }
    directory.sort((a, b) => b.summary.articleCount - a.summary.articleCount || b.summary.mentionCount - a.summary.mentionCount || a.summary.canonical.localeCompare(b.summary.canonical));
    this.directory = directory;
    return directory;
  }

  /**
   * The type and name of an entity from its members: the longest canonical name written (the
   * first of equal length; as the articles write it, not as a dateline shouts it), else the first spelling; the type of the entity's own key (a
   * guessed spelling joined to it does not decide), else of its last member.
   */
  private headFrom(id: string, members: readonly string[]): EntityHead {
    let kind: EntityKind = 'person';
    let firstSpelling: string | undefined;
    for (const key of members) {
      const info = this.keys.info(key);
      if (!info) continue;
      kind = info.kind;
      if (firstSpelling === undefined) for (const [t] of info.spellings) firstSpelling ??= t;
    }
    kind = this.keys.info(id)?.kind ?? kind;
    // Named by the members of its own type: a place is not named by an adjective of it that a
    // guess typed otherwise ("Merovian" joined to "Merovia").
    let own = '';
    let other = '';
    for (const key of members) {
      const info = this.keys.info(key);
      if (!info) continue;
      let longest = info.kind === kind ? own : other;
      for (const [c, n] of info.canonicals) if (n > 0 && c.length > longest.length) longest = c;
      if (info.kind === kind) own = longest;
      else other = longest;
    }
    const canonical = own || other;
    return { id, kind, canonical: this.identity.mergedName(id) ?? (this.writtenForm(canonical, members) || firstSpelling || id) };
  }

  /**
   * A name in capitals only ("BRANNOCK", from a dateline or a shouted headline) is shown as the
   * articles write it when they do ("Brannock"); an acronym nobody writes otherwise stays.
   */
  private writtenForm(canonical: string, members: readonly string[]): string {
    if (!canonical || canonical !== canonical.toUpperCase() || canonical === canonical.toLowerCase()) return canonical;
    let best: string | undefined;
    let bestCount = 0;
    for (const key of members) {
      const info = this.keys.info(key);
      if (!info) continue;
      for (const [spelling, n] of info.spellings) {
        if (n > bestCount && spelling.length === canonical.length && spelling !== canonical && spelling.toUpperCase() === canonical) {
          best = spelling;
          bestCount = n;
        }
      }
    }
    return best ?? canonical;
  }

  private compute(id: string): EntitySummary | undefined {
    const members = this.identity.membersOf(id);
    if (members.length === 0) return undefined;
    // Read from per-key totals kept up to date as articles come and go: a summary of
    // "United States" over 10,000 articles costs a few map merges, not a scan of the corpus.
    const spellings = new Map<string, number>();
    const roles = new Map<string, number>();
    const rules = new Set<string>();
    let mentionCount = 0;
    for (const key of members) {
      const info = this.keys.info(key);
      if (!info) continue;
      mentionCount += info.count;
      for (const [t, n] of info.spellings) spellings.set(t, (spellings.get(t) ?? 0) + n);
      for (const [r, n] of info.roles) roles.set(r, (roles.get(r) ?? 0) + n);
      for (const r of info.rules.keys()) rules.add(r);
    }
    return {
      ...this.headFrom(id, members),
      spellings: byCount(spellings),
      roles: byCount(roles),
      mentionCount,
      articleCount: this.keys.articlesWithAny(members).size,
      rules: [...rules].sort(),
    };
  }
}

/** What colouring and outlines need of an entity: its id, type and name. */
export interface EntityHead {
  id: string;
  kind: EntityKind;
  canonical: string;
}

function byCount(map: Map<string, number>): string[] {
  return [...map.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([k]) => k);
}
