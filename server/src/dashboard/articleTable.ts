/**
 * What the dashboard reads of every article, kept as small integer rows: the article's day,
 * its entities (as indices) with their mention counts, and its unresolved relative dates.
 * Rows are remade only for articles whose record changed since the last request, so an edit
 * costs one row; the per-entity postings the queries scan are rebuilt from the rows when the
 * corpus changed (some tens of milliseconds at 10,000 articles).
 */
import type { EntityKind } from '../analysis/types';
import type { CorpusQueries as Corpus } from '../corpus/queries';
import type { ArticleInfo } from '../corpus/queries';
import { dayOf, UNDATED_DAY } from './days';
import { Pacer } from './pacer';
import { lowerBound } from '../corpus/sorted';

/** One article as the dashboard sees it. */
interface Row {
  readonly record: ArticleInfo;
  readonly day: number;
  /** Key indices (into the table's key list) and their mention counts. */
  readonly keys: Int32Array;
  readonly counts: Int32Array;
  readonly unresolved: number;
}

/** The articles and entities at one corpus version, in arrays the queries scan. */
export interface Snapshot {
  readonly version: number;
  /** Articles sorted by day (undated last), then uri. */
  readonly uris: string[];
  readonly records: ArticleInfo[];
  readonly days: Int32Array;
  readonly unresolved: Int32Array;
  /** Number of dated articles: they are the first `dated` of the lists above. */
  readonly dated: number;
  /** Entity ids, names and kinds by entity index (most-reported first). */
  readonly ids: string[];
  readonly names: string[];
  readonly kinds: EntityKind[];
  readonly indexOfId: ReadonlyMap<string, number>;
  /** Article a's entities: entities[articleStart[a] .. articleStart[a + 1]), with their mentions. */
  readonly articleStart: Int32Array;
  readonly entities: Int32Array;
  readonly mentions: Int32Array;
  /** Entity e's articles (ascending article index): postings[entityStart[e] .. entityStart[e + 1]), with its mentions there. */
  readonly entityStart: Int32Array;
  readonly postings: Int32Array;
  readonly postingMentions: Int32Array;
}

export class ArticleTable {
  private readonly rows = new Map<string, Row>();
  private readonly keyIndex = new Map<string, number>();
  private readonly keyNames: string[] = [];
  private snapshot: Snapshot | undefined;

  constructor(private readonly corpus: Corpus) {}

  /** The build under way, shared by the requests that arrive while it runs. */
  private building: { version: number; done: Promise<Snapshot> } | undefined;

  /**
   * The snapshot of the corpus as it is now, rebuilt when it changed. The dashboard asks four
   * things at once when it opens: they share one build. The build itself runs to the end
   * whoever cancels (a waiting request stops as soon as it is told), so one cancelled request
   * never throws away the work the others wait for.
   */
  async current(pacer: Pacer): Promise<Snapshot> {
    const version = this.corpus.version;
    if (this.snapshot?.version === version) return this.snapshot;
    if (this.building?.version !== version) {
      const build = (async () => {
        const shared = new Pacer();
        await this.refreshRows(shared);
        return this.build(version, shared);
      })();
      this.building = { version, done: build };
      void build.then(
        (snapshot) => {
          if (this.building?.done === build) this.building = undefined;
          this.snapshot = snapshot;
        },
        () => {
          if (this.building?.done === build) this.building = undefined;
        },
      );
    }
    const snapshot = await this.building.done;
    pacer.check();
    return snapshot;
  }

  private async refreshRows(pacer: Pacer): Promise<void> {
    const seen = new Set<string>();
    for (const uri of [...this.corpus.uris()]) {
      await pacer.step();
      const record = this.corpus.article(uri);
      if (!record) continue;
      seen.add(uri);
      if (this.rows.get(uri)?.record !== record) this.rows.set(uri, this.rowOf(uri, record));
    }
    for (const uri of [...this.rows.keys()]) if (!seen.has(uri)) this.rows.delete(uri);
  }

  private rowOf(uri: string, record: ArticleInfo): Row {
    const counts = this.corpus.keyCountsIn(uri) ?? new Map<string, number>();
    const keys = new Int32Array(counts.size);
    const mentions = new Int32Array(counts.size);
    let i = 0;
    for (const [key, count] of counts) {
      let index = this.keyIndex.get(key);
      if (index === undefined) {
        index = this.keyNames.push(key) - 1;
        this.keyIndex.set(key, index);
      }
      keys[i] = index;
      mentions[i++] = count;
    }
    return { record, day: dayOf(record.meta.articleDate.value), keys, counts: mentions, unresolved: this.corpus.unresolvedIn(uri) };
  }

  private async build(version: number, pacer: Pacer): Promise<Snapshot> {
    // Entities from the corpus's directory: most-reported first, every key folded into its entity.
    const directory = this.corpus.searchEntities('', Number.POSITIVE_INFINITY, pacer.token);
    const ids = directory.map((s) => s.id);
    const indexOfId = new Map(ids.map((id, i) => [id, i]));
    const entityOfKey = new Int32Array(this.keyNames.length).fill(-1);
    for (let k = 0; k < this.keyNames.length; k++) entityOfKey[k] = indexOfId.get(this.corpus.resolve(this.keyNames[k], pacer.token)) ?? -1;

    const rows = [...this.rows.entries()].sort((a, b) => a[1].day - b[1].day || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    const n = rows.length;
    const days = new Int32Array(n);
    const unresolved = new Int32Array(n);
    const articleStart = new Int32Array(n + 1);
    const perEntity = new Int32Array(ids.length);
    let total = 0;
    let dated = 0;
    for (let a = 0; a < n; a++) {
      const row = rows[a][1];
      days[a] = row.day;
      if (row.day !== UNDATED_DAY) dated++;
      unresolved[a] = row.unresolved;
      total += row.keys.length;
    }
    // Several keys of one article may be one entity (a surname and the full name): summed.
    const entities = new Int32Array(total);
    const mentions = new Int32Array(total);
    const slot = new Int32Array(ids.length).fill(-1);
    let at = 0;
    for (let a = 0; a < n; a++) {
      await pacer.step();
      articleStart[a] = at;
      const row = rows[a][1];
      for (let i = 0; i < row.keys.length; i++) {
        const e = entityOfKey[row.keys[i]];
        if (e < 0) continue;
        if (slot[e] >= articleStart[a]) mentions[slot[e]] += row.counts[i];
        else {
          slot[e] = at;
          entities[at] = e;
          mentions[at++] = row.counts[i];
          perEntity[e]++;
        }
      }
    }
    articleStart[n] = at;
    const entityStart = new Int32Array(ids.length + 1);
    for (let e = 0; e < ids.length; e++) entityStart[e + 1] = entityStart[e] + perEntity[e];
    const fill = entityStart.slice(0, ids.length);
    const postings = new Int32Array(at);
    const postingMentions = new Int32Array(at);
    for (let a = 0; a < n; a++) {
      for (let i = articleStart[a]; i < articleStart[a + 1]; i++) {
        const e = entities[i];
        postings[fill[e]] = a;
        postingMentions[fill[e]++] = mentions[i];
      }
    }
    return {
      version,
      uris: rows.map((r) => r[0]),
      records: rows.map((r) => r[1].record),
      days,
      unresolved,
      dated,
      ids,
      names: directory.map((s) => s.canonical),
      kinds: directory.map((s) => s.kind),
      indexOfId,
      articleStart,
      entities: entities.subarray(0, at),
      mentions: mentions.subarray(0, at),
      entityStart,
      postings,
      postingMentions,
    };
  }
}

/** The articles of a snapshot whose day lies in [first, last]: a range of article indices. */
export function articlesBetween(s: Snapshot, first: number, last: number): [number, number] {
  const start = first === Number.NEGATIVE_INFINITY ? 0 : lowerBound(s.days, first, 0, s.dated);
  const end = last === Number.POSITIVE_INFINITY ? s.dated : lowerBound(s.days, last + 1, start, s.dated);
  return [start, end];
}
