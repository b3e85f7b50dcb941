import type {
  ArticleAnalysis,
  DateMention,
  EntityKind,
  EntityMention,
  FigureMention,
} from '../analysis/types';
import {
  type AnalysisMeta,
  cellOf,
  column,
  E_CANONICAL,
  E_DEMONYM,
  E_END,
  E_FULL_NAME,
  E_KEY,
  E_KIND,
  E_ROLE,
  E_RULE,
  E_START,
  E_SURNAME,
  F_MEASURE,
  pack,
  type PackedAnalysis,
  stringCell,
  unpack,
  unpackEntities,
  unpackOne,
  valueOf,
} from './packed';

/** One mention of an entity, located in an article. */
export interface Occurrence {
  uri: string;
  start: number;
  end: number;
  text: string;
  fullName: boolean;
  role?: string;
  demonym?: boolean;
}

/** What the whole corpus knows about one entity. */
export interface EntitySummary {
  id: string;
  kind: EntityKind;
  canonical: string;
  /** Distinct spellings seen, most frequent first. */
  spellings: string[];
  roles: string[];
  mentionCount: number;
  articleCount: number;
  /** Why it is an entity: the rules that produced its mentions. */
  rules: string[];
}

/** A mention found at a position, with the entity it belongs to. */
export interface EntityHit {
  id: string;
  mention: EntityMention;
}

/** An article's record in the index: its analysis plus what positions need. */
export interface ArticleRecord {
  readonly uri: string;
  /** Content hash or version the analysis was made from. */
  readonly version: string;
  /** The text the analysis was made from; positions are computed from it. */
  readonly text: string;
  /** The analysis in columns, as the engine made it: what the corpus keeps (and the cache stores). */
  readonly packed: PackedAnalysis;
  /** The article date, headline and problems, without making the mention objects. */
  readonly meta: AnalysisMeta;
  /** The analysis as objects, made on demand for the articles requests look at. */
  readonly analysis: ArticleAnalysis;
  /** The entity mentions after the reader's corrections (not-an-entity removed, splits keyed apart). */
  readonly entities: EntityMention[];
}

/**
 * A record keeps columns; its objects are made when asked for and kept for the most recently
 * used articles only, so 100,000 articles cost their columns, not their objects.
 */
class PackedRecord implements ArticleRecord {
  constructor(
    readonly uri: string,
    readonly version: string,
    readonly text: string,
    readonly packed: PackedAnalysis,
    /** Entity columns after corrections; `packed` itself when nothing was corrected. */
    readonly corrected: PackedAnalysis,
  ) {}

  get meta(): AnalysisMeta {
    return this.packed.meta;
  }

  get analysis(): ArticleAnalysis {
    return objectsOf(this).analysis;
  }

  get entities(): EntityMention[] {
    return objectsOf(this).entities;
  }
}

const RECENT_OBJECTS = 256;
const recentObjects = new Map<PackedRecord, { analysis: ArticleAnalysis; entities: EntityMention[] }>();

function objectsOf(record: PackedRecord): { analysis: ArticleAnalysis; entities: EntityMention[] } {
  let objects = recentObjects.get(record);
  if (objects) {
    recentObjects.delete(record);
    recentObjects.set(record, objects);
    return objects;
  }
  const analysis = unpack(record.packed, record.text);
  objects = { analysis, entities: record.corrected === record.packed ? analysis.entities : unpackEntities(record.corrected, record.text) };
  recentObjects.set(record, objects);
  if (recentObjects.size > RECENT_OBJECTS) recentObjects.delete(recentObjects.keys().next().value!);
  return objects;
}

/** One row of a figure ledger: a figure with where and when it was reported. */
export interface LedgerRow {
  uri: string;
  figure: FigureMention;
  /** The article's date (YYYY-MM-DD), or '' when it has none. */
  date: string;
}

/** Where and when an entity was reported. */
export interface EntityContext {
  /** Earliest and latest article dates among the articles that mention it ('' when undated). */
  firstDate: string;
  lastDate: string;
  /** Entities most often mentioned in the same articles, with the number of shared articles. */
  coMentioned: { id: string; canonical: string; kind: EntityKind; articles: number }[];
}

/** Corrections as the corpus applies them: ids and keys, with files already turned into uris. */
export interface AppliedCorrections {
  /** Groups of ids that are one entity, with an optional display name. */
  merges: { ids: string[]; name?: string }[];
  /** Keys that never join automatically (surname to full name). */
  noJoin: Set<string>;
  /** uri → keys whose mentions in that article are an entity of their own. */
  splitIn: Map<string, Set<string>>;
  /** Lower-cased spellings and keys that are not entities. */
  notEntity: Set<string>;
}

export const NO_CORRECTIONS: AppliedCorrections = { merges: [], noJoin: new Set(), splitIn: new Map(), notEntity: new Set() };

/** Limits for results that could grow with the corpus. */
export const MAX_SEARCH_RESULTS = 200;

/**
 * The corpus index. A forward map (article → its analysis and entity keys) and a reverse map
 * (entity key → articles that mention it), both replaced one article at a time. Identities
 * across articles are resolved on query from the key tables, so the result never depends on
 * the order articles were added: an incremental update equals a full rebuild.
 *
 * Keys come from analysis: "person:vladimir putin" (full name) or "person:~putin" (surname
 * only). A surname key resolves to the one full-name person with that surname in the
 * corpus; with none or several it stays its own entity.
 */
export class Corpus {
  private readonly articles = new Map<string, PackedRecord>();
  private corrections: AppliedCorrections = NO_CORRECTIONS;
  /** merged id → the group's representative and display name. */
  private mergeOf = new Map<string, { rep: string; ids: string[]; name?: string }>();
  /**
   * entity key → uri → the number of mentions with that key in the article, times two, plus
   * one when one of them spells the full name (so go to definition reads no article it need not).
   */
  private readonly keyArticles = new Map<string, Map<string, number>>();
  /** entity key → its kind and, for a full-name person, the surname others may join on. */
  private readonly keyInfo = new Map<string, KeyInfo>();
  /** figure measure → articles reporting a figure of that measure. */
  private readonly measureArticles = new Map<string, MeasureArticles>();
  /** figure measure → its first ledger rows and total, until an article reporting it changes. */
  private readonly ledgers = new Map<string, { limit: number; rows: LedgerRow[]; total: number }>();
  /** A name ("halden point") → the keys of every kind spelt so, for joining a guessed type to a sure one. */
  private readonly nameKeys = new Map<string, Set<string>>();
  /** surname → full-name person keys carrying it (with article counts). */
  private readonly surnames = new Map<string, Map<string, number>>();
  /** Bumped on every change so cached derivations can tell they are stale. */
  private generation = 0;
  private resolvedCache = new Map<string, string>();
  private resolvedGeneration = -1;
  /** Keys whose articles changed since the caches were last brought up to date. */
  private dirtyKeys = new Set<string>();
  /** Surnames whose full-name candidates may have changed. */
  private dirtySurnames = new Set<string>();
  /** Set when everything must be recomputed (corrections changed, corpus cleared). */
  private everythingDirty = false;
  private membersCache = new Map<string, string[]>();
  private summaryCache = new Map<string, EntitySummary | undefined>();
  private definitionCache = new Map<string, Occurrence | undefined>();
  private contextCache = new Map<string, EntityContext>();
  /** Every entity's summary with its names lower-cased, built on the first search after a change. */
  private directory: { summary: EntitySummary; names: string }[] | undefined;

  /** Adds or replaces one article, from the engine's objects or from columns (the cache). */
  setArticle(uri: string, version: string, text: string, analysis: ArticleAnalysis | PackedAnalysis): void {
    this.removeArticle(uri);
    let packed: PackedAnalysis;
    if ('cells' in analysis) packed = analysis;
    else {
      // Lookups by offset use binary search, so mentions are kept in text order.
      for (const list of [analysis.entities, analysis.dates, analysis.figures] as { start: number }[][]) if (!isSorted(list)) list.sort((a, b) => a.start - b.start);
      packed = pack(analysis);
    }
    const corrected = this.correct(uri, packed, text);
    this.articles.set(uri, new PackedRecord(uri, version, text, packed, corrected));
    const mentions = new EntityColumns(corrected, text);
    for (const [keyCell, { count, first, surname: named, fullName }] of countByKey(mentions)) {
      const key = valueOf(keyCell) as string;
      this.markDirty(key);
      let byUri = this.keyArticles.get(key);
      if (!byUri) this.keyArticles.set(key, (byUri = new Map()));
      byUri.set(uri, count * 2 + (fullName ? 1 : 0));
      if (!this.keyInfo.has(key)) {
        this.keyInfo.set(key, infoOf(key, mentions.kind(first), named));
        const name = nameOfKey(key);
        if (name !== undefined) increment1Set(this.nameKeys, name, key);
      }
      const info = this.keyInfo.get(key)!;
      if (packed.meta.articleDate.value) bump(info.dates, packed.meta.articleDate.value, 1);
      const surname = info.fullNameSurname;
      if (surname) {
        increment(this.surnames, surname, key);
        this.markDirty(undefined, surname);
      }
    }
    for (let i = 0; i < mentions.n; i++) addMention(this.keyInfo.get(mentions.key(i))!, mentions, i, 1);
    const date = packed.meta.articleDate.value || UNDATED;
    for (const [measure, count] of measuresOf(packed)) {
      let entry = this.measureArticles.get(measure);
      if (!entry) this.measureArticles.set(measure, (entry = { articles: 0, figures: 0, byDate: new Map() }));
      let uris = entry.byDate.get(date);
      if (!uris) entry.byDate.set(date, (uris = new Map()));
      uris.set(uri, count);
      entry.articles++;
      entry.figures += count;
      this.ledgers.delete(measure);
    }
    this.generation++;
  }

  /** Removes one article; unknown articles are ignored. */
  removeArticle(uri: string): void {
    const record = this.articles.get(uri);
    if (!record) return;
    this.articles.delete(uri);
    const mentions = new EntityColumns(record.corrected, record.text);
    for (let i = 0; i < mentions.n; i++) {
      const info = this.keyInfo.get(mentions.key(i));
      if (info) addMention(info, mentions, i, -1);
    }
    const date = record.meta.articleDate.value;
    for (const keyCell of countByKey(mentions).keys()) {
      const key = valueOf(keyCell) as string;
      this.markDirty(key);
      const byUri = this.keyArticles.get(key);
      const info = this.keyInfo.get(key);
      if (info && date) bump(info.dates, date, -1);
      const surname = info?.fullNameSurname;
      if (surname) this.markDirty(undefined, surname);
      if (byUri) {
        byUri.delete(uri);
        if (byUri.size === 0) {
          this.keyArticles.delete(key);
          this.keyInfo.delete(key);
          const name = nameOfKey(key);
          if (name !== undefined) {
            const keys = this.nameKeys.get(name);
            keys?.delete(key);
            if (keys?.size === 0) this.nameKeys.delete(name);
          }
        }
      }
      if (surname) decrement(this.surnames, surname, key);
    }
    const articleDate = record.meta.articleDate.value || UNDATED;
    for (const [measure, count] of measuresOf(record.packed)) {
      const entry = this.measureArticles.get(measure);
      const uris = entry?.byDate.get(articleDate);
      if (entry && uris?.delete(uri)) {
        entry.articles--;
        entry.figures -= count;
        if (uris.size === 0) entry.byDate.delete(articleDate);
        if (entry.articles === 0) this.measureArticles.delete(measure);
      }
      this.ledgers.delete(measure);
    }
    this.generation++;
  }

  /**
   * Applies the reader's corrections to every article at once. No article is re-analysed:
   * the engine's mentions are kept and only re-keyed or filtered.
   */
  setCorrections(corrections: AppliedCorrections): void {
    this.corrections = corrections;
    this.mergeOf = new Map();
    for (const group of corrections.merges) {
      const ids = [...new Set(group.ids)].sort();
      const entry = { rep: ids[0], ids, name: group.name };
      for (const id of ids) this.mergeOf.set(id, entry);
    }
    for (const record of [...this.articles.values()]) this.setArticle(record.uri, record.version, record.text, record.packed);
    this.everythingDirty = true;
    this.generation++;
  }

  /**
   * Notes a key or surname whose cached derivations are stale. Past a few thousand (loading
   * a corpus) it is cheaper to forget every cache than to track each key.
   */
  private markDirty(key: string | undefined, surname?: string): void {
    if (this.everythingDirty) return;
    if (key !== undefined) this.dirtyKeys.add(key);
    if (surname !== undefined) this.dirtySurnames.add(surname);
    if (this.dirtyKeys.size + this.dirtySurnames.size > 5000) {
      this.everythingDirty = true;
      this.dirtyKeys.clear();
      this.dirtySurnames.clear();
    }
  }

  /** The entity columns of an article after corrections (the engine's own when none apply). */
  private correct(uri: string, packed: PackedAnalysis, text: string): PackedAnalysis {
    const { notEntity, splitIn } = this.corrections;
    const split = splitIn.get(uri);
    if (notEntity.size === 0 && !split) return packed;
    const mentions = unpackEntities(packed, text);
    const out: EntityMention[] = [];
    let changed = false;
    for (const m of mentions) {
      if (notEntity.has(m.text.toLowerCase()) || notEntity.has(m.canonical.toLowerCase()) || notEntity.has(m.key)) {
        changed = true;
        continue;
      }
      if (split?.has(m.key)) {
        changed = true;
        out.push({ ...m, key: `${m.key}@${uri}`, rule: `${m.rule}, split by correction` });
      } else out.push(m);
    }
    return changed ? pack({ ...packed.meta, entities: out, dates: [], figures: [] }) : packed;
  }

  /** Drops every article. */
  clear(): void {
    this.articles.clear();
    this.keyArticles.clear();
    this.keyInfo.clear();
    this.nameKeys.clear();
    this.surnames.clear();
    this.measureArticles.clear();
    this.ledgers.clear();
    this.everythingDirty = true;
    this.generation++;
  }

  get size(): number {
    return this.articles.size;
  }

  /** A number that changes whenever the corpus does. */
  get version(): number {
    return this.generation;
  }

  article(uri: string): ArticleRecord | undefined {
    return this.articles.get(uri);
  }

  uris(): IterableIterator<string> {
    return this.articles.keys();
  }

  /** The entity id a mention key belongs to, across the corpus. */
  resolve(key: string): string {
    this.refreshCaches();
    const cached = this.resolvedCache.get(key);
    if (cached !== undefined) return cached;
    let id = key;
    if (key.startsWith('person:~') && !this.corrections.noJoin.has(key)) {
      const candidates = [...(this.surnames.get(key.slice('person:~'.length))?.keys() ?? [])].filter((k) => !this.corrections.noJoin.has(k));
      if (candidates.length === 1) id = candidates[0];
    }
    id = this.retyped(id);
    id = this.mergeOf.get(id)?.rep ?? id;
    this.resolvedCache.set(key, id);
    return id;
  }

  /**
   * A name typed only by a guess ("Halden" is a given name, so "Halden Point" a person) joins
   * the one entity of another type that the same name has on firmer ground elsewhere (a
   * dateline, "the port of Halden Point"). Otherwise the key stands.
   */
  private retyped(key: string): string {
    const name = nameOfKey(key);
    const info = this.keyInfo.get(key);
    if (name === undefined || !info || !onlyGuessed(info)) return key;
    let target: string | undefined;
    for (const other of this.nameKeys.get(name) ?? []) {
      const otherInfo = this.keyInfo.get(other);
      if (other === key || !otherInfo || otherInfo.kind === info.kind || onlyGuessed(otherInfo)) continue;
      if (target !== undefined) return key; // Two firmer readings: no guess between them.
      target = other;
    }
    return target ?? key;
  }

  /** The type of the entity a mention key belongs to (a guessed type gives way to the entity's). */
  kindOf(key: string): EntityKind | undefined {
    return this.summaryOf(this.resolve(key))?.kind ?? this.keyInfo.get(key)?.kind;
  }

  /** The keys whose mentions make up one entity. */
  membersOf(id: string): string[] {
    this.refreshCaches();
    const cached = this.membersCache.get(id);
    if (cached) return cached;
    // A surname key that joined a full name stands for the full name's entity.
    const target = this.resolve(id);
    if (target !== id) return this.membersOf(target);
    const members: string[] = [];
    for (const key of this.mergeOf.get(id)?.ids ?? [id]) {
      if (this.keyArticles.has(key) && !members.includes(key)) members.push(key);
      if (key.startsWith('person:') && !key.startsWith('person:~')) {
        const surname = this.keyInfo.get(key)?.fullNameSurname;
        const surnameKey = surname ? `person:~${surname}` : undefined;
        if (surnameKey && this.keyArticles.has(surnameKey) && this.resolve(surnameKey) === id && !members.includes(surnameKey)) members.push(surnameKey);
      }
      const name = nameOfKey(key);
      for (const other of name === undefined ? [] : (this.nameKeys.get(name) ?? [])) {
        if (other !== key && this.resolve(other) === id && !members.includes(other)) members.push(other);
      }
    }
    this.membersCache.set(id, members);
    return members;
  }

  /** The entity mention at an offset of an article, if any. */
  entityAt(uri: string, offset: number): EntityHit | undefined {
    const record = this.articles.get(uri);
    if (!record) return undefined;
    const mention = findAt(record.entities, offset);
    return mention && { id: this.resolve(mention.key), mention };
  }

  dateAt(uri: string, offset: number): DateMention | undefined {
    const record = this.articles.get(uri);
    return record && findAt(record.analysis.dates, offset);
  }

  figureAt(uri: string, offset: number): FigureMention | undefined {
    const record = this.articles.get(uri);
    return record && findAt(record.analysis.figures, offset);
  }

  /**
   * Every mention of an entity in every article, articles in sorted order, mentions in text
   * order. Stops after `limit` occurrences.
   */
  occurrencesOf(id: string, limit = Number.POSITIVE_INFINITY): Occurrence[] {
    const keys = this.membersOf(id);
    const cells = keyCells(keys);
    // Each article holds at least one mention, so the first `limit` articles in uri order are
    // all that can be needed: picked without sorting "United States"'s 100,000.
    const uris = smallest(this.articleSet(keys), limit);
    const out: Occurrence[] = [];
    for (const uri of uris) {
      const record = this.articles.get(uri)!;
      const { cells: c, at, n } = column(record.corrected, 0, E_KEY);
      for (let i = 0; i < n; i++) {
        if (!cells.has(c[at + i])) continue;
        out.push(occurrenceAt(record, i));
        if (out.length >= limit) return out;
      }
    }
    return out;
  }

  /** The mentions of an entity in one article. */
  occurrencesIn(uri: string, id: string): Occurrence[] {
    const record = this.articles.get(uri);
    if (!record) return [];
    const cells = keyCells(this.membersOf(id));
    const { cells: c, at, n } = column(record.corrected, 0, E_KEY);
    const out: Occurrence[] = [];
    for (let i = 0; i < n; i++) if (cells.has(c[at + i])) out.push(occurrenceAt(record, i));
    return out;
  }

  /** The first full-name mention of an entity (articles in sorted order), else its first mention. */
  definitionOf(id: string): Occurrence | undefined {
    id = this.resolve(id);
    if (this.definitionCache.has(id)) return this.definitionCache.get(id);
    const keys = this.membersOf(id);
    const cells = keyCells(keys);
    // The first article (in uri order) with a full-name mention, and the first with any:
    // found from the key tables, so "US" in 100,000 articles reads two articles, not all.
    let bestUri: string | undefined;
    let firstUri: string | undefined;
    for (const key of keys) {
      for (const [uri, tally] of this.keyArticles.get(key) ?? []) {
        if (firstUri === undefined || uri < firstUri) firstUri = uri;
        if ((tally & 1) === 1 && (bestUri === undefined || uri < bestUri)) bestUri = uri;
      }
    }
    const firstIn = (uri: string | undefined, fullNameOnly: boolean): Occurrence | undefined => {
      const record = uri === undefined ? undefined : this.articles.get(uri);
      if (!record) return undefined;
      const { cells: c, at, n } = column(record.corrected, 0, E_KEY);
      const full = column(record.corrected, 0, E_FULL_NAME);
      // Mentions are in text order, so the first match is the earliest.
      for (let i = 0; i < n; i++) if (cells.has(c[at + i]) && (!fullNameOnly || valueOf(full.cells[full.at + i]) === true)) return occurrenceAt(record, i);
      return undefined;
    };
    const best = firstIn(bestUri, true);
    const first = best ? undefined : firstIn(firstUri, false);
    const def = best ?? first;
    this.definitionCache.set(id, def);
    return def;
  }

  /** What the corpus knows about an entity. */
  summaryOf(id: string): EntitySummary | undefined {
    id = this.resolve(id);
    if (this.summaryCache.has(id)) return this.summaryCache.get(id);
    const summary = this.computeSummary(id);
    this.summaryCache.set(id, summary);
    return summary;
  }

  private computeSummary(id: string): EntitySummary | undefined {
    const keys = this.membersOf(id);
    if (keys.length === 0) return undefined;
    // Read from per-key totals kept up to date as articles come and go: a summary of
    // "United States" over 10,000 articles costs a few map merges, not a scan of the corpus.
    const spellings = new Map<string, number>();
    const roles = new Map<string, number>();
    const rules = new Set<string>();
    let mentionCount = 0;
    let kind: EntityKind = 'person';
    let canonical = '';
    for (const key of keys) {
      const info = this.keyInfo.get(key);
      if (!info) continue;
      kind = info.kind;
      mentionCount += info.count;
      for (const [c, n] of info.canonicals) if (n > 0 && c.length > canonical.length) canonical = c;
      for (const [t, n] of info.spellings) spellings.set(t, (spellings.get(t) ?? 0) + n);
      for (const [r, n] of info.roles) roles.set(r, (roles.get(r) ?? 0) + n);
      for (const r of info.rules.keys()) rules.add(r);
    }
    // The entity's own key decides its type: a guessed spelling joined to it does not.
    kind = this.keyInfo.get(id)?.kind ?? kind;
    const articleCount = keys.length === 1 ? (this.keyArticles.get(keys[0])?.size ?? 0) : this.articleSet(keys).size;
    return {
      id,
      kind,
      canonical: this.mergeOf.get(id)?.name ?? (canonical || [...spellings.keys()][0] || id),
      spellings: byCount(spellings),
      roles: byCount(roles),
      mentionCount,
      articleCount,
      rules: [...rules].sort(),
    };
  }

  /** Every entity id in the corpus (surname keys that joined a full name are folded in). */
  entityIds(): string[] {
    const ids = new Set<string>();
    for (const key of this.keyArticles.keys()) ids.add(this.resolve(key));
    return [...ids];
  }

  /** Entities whose spellings contain the query (case-insensitive), most-reported first. */
  searchEntities(query: string, limit = MAX_SEARCH_RESULTS): EntitySummary[] {
    this.refreshCaches();
    if (!this.directory) {
      this.directory = [];
      for (const id of this.entityIds()) {
        const summary = this.summaryOf(id);
        if (summary) this.directory.push({ summary, names: [summary.canonical, ...summary.spellings].join('\n').toLowerCase() });
      }
      this.directory.sort((a, b) => b.summary.articleCount - a.summary.articleCount || b.summary.mentionCount - a.summary.mentionCount || a.summary.canonical.localeCompare(b.summary.canonical));
    }
    const needle = query.trim().toLowerCase();
    const hits: EntitySummary[] = [];
    for (const entry of this.directory) {
      if (hits.length >= limit) break;
      if (!needle || entry.names.includes(needle)) hits.push(entry.summary);
    }
    return hits;
  }

  /**
   * Every figure of a measure across the corpus, oldest article first (undated articles
   * last), then by file and position. Returns the rows (at most `limit`) and the total.
   */
  ledgerOf(measure: string, limit = 1000): { rows: LedgerRow[]; total: number } {
    const cached = this.ledgers.get(measure);
    if (cached && cached.limit >= limit) return { rows: cached.rows.slice(0, limit), total: cached.total };
    // Articles are kept by date, so the first rows come from the earliest few dates: a figure
    // hover on "troops" reported in 100,000 articles sorts a few hundred dates, not the articles.
    const measureCell = stringCell(measure);
    const entry = this.measureArticles.get(measure);
    const total = entry?.figures ?? 0;
    const first: PackedRecord[] = [];
    for (const date of [...(entry?.byDate.keys() ?? [])].sort()) {
      if (first.length >= limit) break;
      for (const uri of smallest(new KeysView(entry!.byDate.get(date)!), limit - first.length)) first.push(this.articles.get(uri)!);
    }
    const rows: LedgerRow[] = [];
    for (const record of first) {
      const { cells, at, n } = column(record.packed, 2, F_MEASURE);
      for (let i = 0; i < n && rows.length < limit; i++) {
        if (cells[at + i] === measureCell) rows.push({ uri: record.uri, figure: unpackOne<FigureMention>(record.packed, 2, i, record.text, 'figure'), date: record.meta.articleDate.value });
      }
    }
    this.ledgers.set(measure, { limit, rows, total });
    return { rows, total };
  }

  /** Measures with their number of figures, most reported first. */
  measures(): { measure: string; articles: number }[] {
    return [...this.measureArticles].map(([measure, entry]) => ({ measure, articles: entry.articles })).sort((a, b) => b.articles - a.articles || a.measure.localeCompare(b.measure));
  }

  /** The articles that mention an entity, in sorted order. */
  articlesOf(id: string): string[] {
    return [...this.articleSet(this.membersOf(id))].sort();
  }

  /** The articles any of these keys appears in, unsorted (no copy for a single key). */
  private articleSet(keys: readonly string[]): Iterable<string> & { readonly size: number } {
    if (keys.length === 1) return new KeysView(this.keyArticles.get(keys[0]) ?? new Map());
    const uris = new Set<string>();
    for (const key of keys) for (const uri of this.keyArticles.get(key)?.keys() ?? []) uris.add(uri);
    return uris;
  }

  /**
   * Dates and company of an entity: first and last article date, and the entities most often
   * mentioned in the same articles (looking at the first `sample` articles, so "US" stays cheap).
   */
  contextOf(id: string, top = 5, sample = 200): EntityContext {
    id = this.resolve(id);
    const cached = this.contextCache.get(id);
    if (cached) return cached;
    const context = this.computeContext(id, top, sample);
    this.contextCache.set(id, context);
    return context;
  }

  private computeContext(id: string, top: number, sample: number): EntityContext {
    const keys = this.membersOf(id);
    // From the keys' date tallies: a few hundred distinct dates, not 100,000 articles.
    let firstDate = '';
    let lastDate = '';
    for (const key of keys) {
      for (const date of this.keyInfo.get(key)?.dates.keys() ?? []) {
        if (!firstDate || date < firstDate) firstDate = date;
        if (!lastDate || date > lastDate) lastDate = date;
      }
    }
    // Unsorted: sorting the 10,000 articles of "United States" would cost more than the rest.
    const uris = this.articleSet(keys);
    // Counted over small integers, not strings: each key cell is resolved to an entity once
    // per call (cellSeen/cellEntity, reused across calls), each entity gets an index, and an
    // article counts once per entity (articleStamp).
    const call = ++contextCalls;
    const entities: string[] = [];
    const entityIndex = new Map<string, number>();
    const articles: number[] = [];
    const articleStamp: number[] = [];
    let sampled = 0;
    for (const uri of uris) {
      if (sampled++ >= sample) break;
      const { counts, cells } = this.articles.get(uri)!.corrected;
      const n = counts[0];
      for (let i = 0; i < n; i++) {
        const keyCell = cells[E_KEY * n + i];
        if (cells[E_DEMONYM * n + i] === TRUE_CELL) continue;
        const at = (keyCell - 1) / 2;
        if (at >= cellSeen.length) growCellScratch(at + 1);
        let index: number;
        if (cellSeen[at] === call) index = cellEntity[at];
        else {
          const other = this.resolve(valueOf(keyCell) as string);
          index = entityIndex.get(other) ?? -1;
          if (index < 0) {
            index = entities.push(other) - 1;
            entityIndex.set(other, index);
            articles.push(0);
            articleStamp.push(0);
          }
          cellSeen[at] = call;
          cellEntity[at] = index;
        }
        if (articleStamp[index] === sampled) continue;
        articleStamp[index] = sampled;
        articles[index]++;
      }
    }
    const shared: [string, number][] = [];
    entities.forEach((other, index) => other !== id && shared.push([other, articles[index]]));
    // The top few by count (then name), picked without sorting the thousands seen once.
    const best: [string, number][] = [];
    const better = (a: [string, number], b: [string, number]) => (a[1] !== b[1] ? a[1] > b[1] : a[0].localeCompare(b[0]) < 0);
    for (const entry of shared) {
      if (best.length >= top && !better(entry, best[best.length - 1])) continue;
      let at = best.length;
      while (at > 0 && better(entry, best[at - 1])) at--;
      best.splice(at, 0, entry);
      if (best.length > top) best.pop();
    }
    const coMentioned = best.map(([other, articles]) => {
      const summary = this.summaryOf(other)!;
      return { id: other, canonical: summary.canonical, kind: summary.kind, articles };
    });
    return { firstDate, lastDate, coMentioned };
  }

  /**
   * Brings the derived caches up to date. An edit touches a few keys, so only the entities
   * those keys belong to (and, for people, the others sharing a surname) are forgotten; the
   * summary of "United States" over 10,000 articles is not recomputed because one article
   * about Lisbon changed.
   */
  private refreshCaches(): void {
    if (this.resolvedGeneration === this.generation) return;
    this.resolvedGeneration = this.generation;
    this.directory = undefined;
    if (this.everythingDirty) {
      this.resolvedCache = new Map();
      this.membersCache = new Map();
      this.summaryCache = new Map();
      this.definitionCache = new Map();
      this.contextCache = new Map();
      this.everythingDirty = false;
      this.dirtyKeys.clear();
      this.dirtySurnames.clear();
      return;
    }
    const keys = new Set(this.dirtyKeys);
    for (const surname of this.dirtySurnames) {
      keys.add(`person:~${surname}`);
      for (const full of this.surnames.get(surname)?.keys() ?? []) keys.add(full);
    }
    for (const key of [...keys]) if (key.startsWith('person:~')) for (const full of this.surnames.get(key.slice(8))?.keys() ?? []) keys.add(full);
    // A change to one spelling of a name may retype the others.
    for (const key of [...keys]) {
      const name = nameOfKey(key);
      for (const other of name === undefined ? [] : (this.nameKeys.get(name) ?? [])) keys.add(other);
    }
    const ids = new Set<string>();
    for (const key of keys) {
      ids.add(key);
      const was = this.resolvedCache.get(key);
      if (was !== undefined) ids.add(was);
      const group = this.mergeOf.get(key) ?? (was !== undefined ? this.mergeOf.get(was) : undefined);
      if (group) for (const id of group.ids) ids.add(id);
    }
    for (const id of ids) {
      this.resolvedCache.delete(id);
      // A cached members list names the keys it holds; each of those keys resolves to it.
      for (const member of this.membersCache.get(id) ?? []) this.resolvedCache.delete(member);
      this.membersCache.delete(id);
      this.summaryCache.delete(id);
      this.definitionCache.delete(id);
      // The entities mentioned with it may have changed too; their cards are rebuilt on demand.
      this.contextCache.delete(id);
    }
    this.dirtyKeys.clear();
    this.dirtySurnames.clear();
  }
}

/** What the corpus keeps about a key itself, whichever article it came from. */
interface KeyInfo {
  kind: EntityKind;
  /** For a full-name person key: the surname that surname-only mentions elsewhere may join. */
  fullNameSurname?: string;
  /** Totals over every mention with this key in the corpus. */
  count: number;
  spellings: Map<string, number>;
  roles: Map<string, number>;
  rules: Map<string, number>;
  canonicals: Map<string, number>;
  /** Article date → the number of articles of that date with this key (first and last dates on the hover). */
  dates: Map<string, number>;
}

/** Adds (+1) or removes (-1) one mention from its key's totals. */
function addMention(info: KeyInfo, mentions: EntityColumns, i: number, delta: 1 | -1): void {
  info.count += delta;
  bump(info.spellings, mentions.spelling(i), delta);
  const role = mentions.role(i);
  if (role) bump(info.roles, role, delta);
  bump(info.rules, mentions.rule(i), delta);
  if (!mentions.demonym(i)) bump(info.canonicals, mentions.canonical(i), delta);
}

function bump(map: Map<string, number>, key: string, delta: number): void {
  const n = (map.get(key) ?? 0) + delta;
  if (n > 0) map.set(key, n);
  else map.delete(key);
}

/** The cell of the value true. */
const TRUE_CELL = cellOf(true);

/** Scratch for co-mention counts, indexed by value-table index: which call saw the cell, and its entity. */
let contextCalls = 0;
let cellSeen = new Int32Array(1024);
let cellEntity = new Int32Array(1024);
function growCellScratch(size: number): void {
  const seen = new Int32Array(Math.max(size, cellSeen.length * 2));
  const entity = new Int32Array(seen.length);
  seen.set(cellSeen);
  entity.set(cellEntity);
  cellSeen = seen;
  cellEntity = entity;
}

/** Reads the fields of entity mentions straight from their columns, without an object per mention. */
class EntityColumns {
  readonly n: number;
  private readonly cells: Int32Array;

  constructor(
    packed: PackedAnalysis,
    readonly source: string,
  ) {
    this.n = packed.counts[0];
    this.cells = packed.cells;
  }

  cell(field: number, i: number): number {
    return this.cells[field * this.n + i];
  }

  private value(field: number, i: number): unknown {
    return valueOf(this.cells[field * this.n + i]);
  }

  key(i: number): string {
    return this.value(E_KEY, i) as string;
  }

  kind(i: number): EntityKind {
    return this.value(E_KIND, i) as EntityKind;
  }

  text(i: number): string {
    return this.source.slice(this.cell(E_START, i) / 2, this.cell(E_END, i) / 2);
  }

  /** The text of a mention, as the shared copy of its canonical name when it is spelt so. */
  spelling(i: number): string {
    const start = this.cell(E_START, i) / 2;
    const end = this.cell(E_END, i) / 2;
    const canonical = this.canonical(i);
    return canonical.length === end - start && this.source.startsWith(canonical, start) ? canonical : this.source.slice(start, end);
  }

  canonical(i: number): string {
    return this.value(E_CANONICAL, i) as string;
  }

  surname(i: number): string | undefined {
    return this.value(E_SURNAME, i) as string | undefined;
  }

  role(i: number): string | undefined {
    return this.value(E_ROLE, i) as string | undefined;
  }

  rule(i: number): string {
    return this.value(E_RULE, i) as string;
  }

  demonym(i: number): boolean {
    return this.value(E_DEMONYM, i) === true;
  }

  fullName(i: number): boolean {
    return this.value(E_FULL_NAME, i) === true;
  }
}

/** Per key cell in one article: its mention count, first mention, first surname written and whether a mention spells the full name. */
function countByKey(mentions: EntityColumns): Map<number, { count: number; first: number; surname?: string; fullName: boolean }> {
  const out = new Map<number, { count: number; first: number; surname?: string; fullName: boolean }>();
  for (let i = 0; i < mentions.n; i++) {
    const keyCell = mentions.cell(E_KEY, i);
    const fullName = mentions.fullName(i);
    const seen = out.get(keyCell);
    if (seen) {
      seen.count++;
      seen.surname ??= mentions.surname(i);
      seen.fullName ||= fullName;
    } else out.set(keyCell, { count: 1, first: i, surname: mentions.surname(i), fullName });
  }
  return out;
}

/** The figure measures of an article, with how many figures each. */
function measuresOf(packed: PackedAnalysis): Map<string, number> {
  const { cells, at, n } = column(packed, 2, F_MEASURE);
  const out = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const measure = valueOf(cells[at + i]) as string;
    out.set(measure, (out.get(measure) ?? 0) + 1);
  }
  return out;
}

/** The cells of keys (keys never seen have no cell and match nothing). */
function keyCells(keys: Iterable<string>): Set<number> {
  const out = new Set<number>();
  for (const key of keys) {
    const cell = stringCell(key);
    if (cell >= 0) out.add(cell);
  }
  return out;
}

function infoOf(key: string, kind: EntityKind, surname: string | undefined): KeyInfo {
  const fullNameSurname = kind === 'person' && !key.startsWith('person:~') ? (surname ?? key.slice('person:'.length).split(' ').pop()) : undefined;
  return { kind, fullNameSurname, count: 0, spellings: new Map(), roles: new Map(), rules: new Map(), canonicals: new Map(), dates: new Map() };
}

function isSorted(list: { start: number }[]): boolean {
  for (let i = 1; i < list.length; i++) if (list[i - 1].start > list[i].start) return false;
  return true;
}

function occurrenceAt(record: PackedRecord, i: number): Occurrence {
  const mentions = new EntityColumns(record.corrected, record.text);
  // The same shape as before columns: role and demonym present, possibly undefined.
  const demonym = valueOf(mentions.cell(E_DEMONYM, i)) as boolean | undefined;
  return { uri: record.uri, start: mentions.cell(E_START, i) / 2, end: mentions.cell(E_END, i) / 2, text: mentions.text(i), fullName: valueOf(mentions.cell(E_FULL_NAME, i)) as boolean, role: mentions.role(i), demonym };
}

/** Binary search over mentions sorted by start; the mention containing offset (end inclusive). */
function findAt<T extends { start: number; end: number }>(mentions: T[], offset: number): T | undefined {
  let lo = 0;
  let hi = mentions.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const m = mentions[mid];
    if (offset < m.start) hi = mid - 1;
    else if (offset > m.end) lo = mid + 1;
    else return m;
  }
  return undefined;
}

function increment(map: Map<string, Map<string, number>>, outer: string, inner: string): void {
  let m = map.get(outer);
  if (!m) map.set(outer, (m = new Map()));
  m.set(inner, (m.get(inner) ?? 0) + 1);
}

function decrement(map: Map<string, Map<string, number>>, outer: string, inner: string): void {
  const m = map.get(outer);
  if (!m) return;
  const n = (m.get(inner) ?? 0) - 1;
  if (n > 0) m.set(inner, n);
  else m.delete(inner);
  if (m.size === 0) map.delete(outer);
}


/** A map's keys as a sized iterable, without copying them into a set. */
class KeysView implements Iterable<string> {
  constructor(private readonly map: Map<string, unknown>) {}

  get size(): number {
    return this.map.size;
  }

  [Symbol.iterator](): Iterator<string> {
    return this.map.keys();
  }
}

/** The `limit` smallest strings in code-unit order, sorted; a bounded max-heap when that is fewer than all. */
function smallest(items: Iterable<string> & { readonly size: number }, limit: number): string[] {
  if (items.size <= limit) return [...items].sort();
  const heap: string[] = [];
  const down = (at: number) => {
    for (;;) {
      const l = 2 * at + 1;
      const r = l + 1;
      let top = at;
      if (l < heap.length && heap[l] > heap[top]) top = l;
      if (r < heap.length && heap[r] > heap[top]) top = r;
      if (top === at) return;
      [heap[at], heap[top]] = [heap[top], heap[at]];
      at = top;
    }
  };
  for (const item of items) {
    if (heap.length < limit) {
      heap.push(item);
      for (let at = heap.length - 1; at > 0; ) {
        const parent = (at - 1) >> 1;
        if (heap[parent] >= heap[at]) break;
        [heap[parent], heap[at]] = [heap[at], heap[parent]];
        at = parent;
      }
    } else if (item < heap[0]) {
      heap[0] = item;
      down(0);
    }
  }
  return heap.sort();
}

/** Rules that only guess an entity's type: a capitalised run, a first word that is a given name. */
const GUESSING_RULES = new Set(['capitalised-run', 'gazetteer:given-name']);

/** True when every mention of a key was typed by a guess. */
function onlyGuessed(info: KeyInfo): boolean {
  for (const rule of info.rules.keys()) if (!GUESSING_RULES.has(rule)) return false;
  return info.rules.size > 0;
}

/** The name part of a key ("place:halden point" → "halden point"); none for surname and split keys. */
function nameOfKey(key: string): string | undefined {
  if (key.startsWith('person:~') || key.includes('@')) return undefined;
  const colon = key.indexOf(':');
  return colon < 0 ? undefined : key.slice(colon + 1);
}

function increment1Set(map: Map<string, Set<string>>, outer: string, inner: string): void {
  let set = map.get(outer);
  if (!set) map.set(outer, (set = new Set()));
  set.add(inner);
}

/** Where undated articles file in a ledger: after every date. */
const UNDATED = '9999';

/** A measure's articles by date, with its article and figure counts. */
interface MeasureArticles {
  articles: number;
  figures: number;
  /** Article date (UNDATED when none) → uri → figures of the measure in that article. */
  byDate: Map<string, Map<string, number>>;
}


function byCount(map: Map<string, number>): string[] {
  return [...map.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([k]) => k);
}
