import type { ArticleAnalysis, CancellationSignal, DateMention, EntityKind, EntityMention, FigureMention } from '../analysis/types';
import { correctEntities, NO_CORRECTIONS, type AppliedCorrections } from './applyCorrections';
import { ArticleStore } from './articleStore';
import { CoMentions } from './coMentions';
import { FigureWeeks } from './figureWeeks';
import { Identity } from './identity';
import { KeyIndex } from './keyIndex';
import { Ledger } from './ledger';
import { Occurrences } from './occurrences';
import { column, DATE_FIELDS, DATES, E_KEY, ENTITIES, F_MEASURE, FIGURES, indexAt, UNDEFINED, unpackList, unpackOne, type List } from './packed';
import { packArticle, type PackedArticle } from './packedArticle';
import { NO_CONTEXT, type FigureDisagreement, type ArticleInfo, type CorpusQueries, type EntityContext, type EntitySummary, type LedgerRow, type MeasureCount, type Occurrence, type ResolvedMention } from './queries';
import { Summaries } from './summaries';
import { ValueTable } from './valueTable';

const D_UNRESOLVED = DATE_FIELDS.indexOf('unresolved');

/**
 * The corpus index: a forward map (article → its mentions in columns) and a reverse map
 * (entity key → the articles that mention it), both replaced one article at a time.
 * Identities across articles are resolved on query from the key tables, so the result never
 * depends on the order articles were added: an incremental update equals a full rebuild.
 *
 * This class only routes: each piece of state has one owner, and dependencies run one way
 * (value table ← articles ← key index ← identity ← occurrences, summaries ← co-mentions;
 * articles ← ledger). Everything outside corpus/ reads it through CorpusQueries.
 */
export class Corpus implements CorpusQueries {
  /** The values this corpus's columns point to: articles are packed against it (pack). */
  readonly table = new ValueTable();
  private readonly store = new ArticleStore(this.table);
  private readonly keys = new KeyIndex();
  private readonly identity = new Identity(this.keys);
  private readonly occurrences = new Occurrences(this.store, this.keys, this.identity);
  private readonly summaries = new Summaries(this.keys, this.identity);
  private readonly coMentions = new CoMentions(this.store, this.keys, this.identity, this.summaries);
  private readonly ledger = new Ledger(this.store);
  private readonly figureWeeks = new FigureWeeks(this.store);
  private corrections: AppliedCorrections = NO_CORRECTIONS;
  private changes = 0;

  /** Packs an analysis of a text for this corpus (and its disk cache). */
  pack(text: string, analysis: ArticleAnalysis, hash?: string): PackedArticle {
    return packArticle(this.table, text, analysis, hash);
  }

  /** Adds or replaces one article. Throws when it was packed for another corpus. */
  setArticle(uri: string, article: PackedArticle): void {
    if (article.table !== this.table) throw new Error('the article was packed for another corpus');
    this.removeArticle(uri);
    const corrected = correctEntities(this.table, this.corrections, uri, article.packed, article.text);
    const record = this.store.set(uri, article, corrected);
    this.keys.add(record, this.store.entities(record), this.identity.touch);
    this.ledger.add(record);
    this.changes++;
    this.figureWeeks.add(record);
  }

  /** Removes one article; unknown articles are ignored. */
  removeArticle(uri: string): void {
    const record = this.store.delete(uri);
    if (!record) return;
    this.keys.remove(record, this.store.entities(record), this.identity.touch);
    this.ledger.remove(record);
    this.changes++;
    this.figureWeeks.remove(uri);
  }

  /**
   * Applies the reader's corrections to every article at once. No article is re-analysed:
   * the engine's mentions are kept and only re-keyed or filtered. Returns warnings about the
   * merges (overlapping groups joined, one entity given two names).
   */
  setCorrections(corrections: AppliedCorrections): string[] {
    this.corrections = corrections;
    const warnings = this.identity.setRules(corrections.merges, corrections.noJoin);
    for (const record of [...this.store.records()]) this.setArticle(record.uri, record.article);
    return warnings;
  }

  get size(): number {
    return this.store.size;
  }

  /** A number that changes whenever an article or a correction does (derived tables compare it). */
  get version(): number {
    return this.changes;
  }

  uris(): IterableIterator<string> {
    return this.store.uris();
  }

  article(uri: string): ArticleInfo | undefined {
    return this.store.get(uri);
  }

  resolve(key: string, token: CancellationSignal): string {
    return token.isCancellationRequested ? key : this.identity.resolve(key);
  }

  membersOf(id: string, token: CancellationSignal): string[] {
    return token.isCancellationRequested ? [] : this.identity.membersOf(id);
  }

  entityIds(token: CancellationSignal): string[] {
    return token.isCancellationRequested ? [] : this.identity.entityIds();
  }

  mentionsIn(uri: string, token: CancellationSignal): ResolvedMention[] {
    const record = this.store.get(uri);
    if (!record || token.isCancellationRequested) return [];
    // Mentions of one key share their entity: looked up once per key, not per mention.
    const entities = new Map<string, Omit<ResolvedMention, 'mention'>>();
    const out = unpackList<EntityMention>(this.table, record.corrected, ENTITIES, record.text).map((mention) => {
      let entity = entities.get(mention.key);
      if (!entity) entities.set(mention.key, (entity = this.entityOf(mention, token)));
      return { mention, ...entity };
    });
    return token.isCancellationRequested ? [] : out;
  }

  entityAt(uri: string, offset: number, token: CancellationSignal): ResolvedMention | undefined {
    const record = this.store.get(uri);
    if (!record || token.isCancellationRequested) return undefined;
    const i = indexAt(record.corrected, ENTITIES, offset);
    if (i < 0) return undefined;
    const mention = unpackOne<EntityMention>(this.table, record.corrected, ENTITIES, i, record.text);
    const entity = this.entityOf(mention, token);
    return token.isCancellationRequested ? undefined : { mention, ...entity };
  }

  /** The entity of a mention: its id, the entity's type (a guess gives way) and its name. */
  private entityOf(mention: EntityMention, token: CancellationSignal): { id: string; kind: EntityKind; name: string } {
    const id = this.identity.resolve(mention.key);
    const head = this.summaries.headOf(id, token);
    return { id, kind: head?.kind ?? this.keys.info(mention.key)?.kind ?? mention.kind, name: head?.canonical ?? mention.canonical };
  }

  datesIn(uri: string, token: CancellationSignal): DateMention[] {
    return this.listIn<DateMention>(uri, DATES, token);
  }

  dateAt(uri: string, offset: number, token: CancellationSignal): DateMention | undefined {
    return this.mentionAt<DateMention>(uri, DATES, offset, token);
  }

  figuresIn(uri: string, token: CancellationSignal): FigureMention[] {
    return this.listIn<FigureMention>(uri, FIGURES, token);
  }

  figureAt(uri: string, offset: number, token: CancellationSignal): FigureMention | undefined {
    return this.mentionAt<FigureMention>(uri, FIGURES, offset, token);
  }

  private listIn<T>(uri: string, list: List, token: CancellationSignal): T[] {
    const record = this.store.get(uri);
    return record && !token.isCancellationRequested ? unpackList<T>(this.table, record.article.packed, list, record.text) : [];
  }

  private mentionAt<T>(uri: string, list: List, offset: number, token: CancellationSignal): T | undefined {
    const record = this.store.get(uri);
    if (!record || token.isCancellationRequested) return undefined;
    const i = indexAt(record.article.packed, list, offset);
    return i < 0 ? undefined : unpackOne<T>(this.table, record.article.packed, list, i, record.text);
  }

  summaryOf(id: string, token: CancellationSignal): EntitySummary | undefined {
    return this.summaries.summaryOf(id, token);
  }

  contextOf(id: string, token: CancellationSignal): EntityContext {
    return token.isCancellationRequested ? NO_CONTEXT : this.coMentions.contextOf(id, token);
  }

  definitionOf(id: string, token: CancellationSignal): Occurrence | undefined {
    return this.occurrences.definitionOf(id, token);
  }

  occurrencesOf(id: string, limit: number, token: CancellationSignal): Occurrence[] {
    return this.occurrences.occurrencesOf(id, limit, token);
  }

  occurrencesIn(uri: string, id: string, token: CancellationSignal): Occurrence[] {
    return this.occurrences.occurrencesIn(uri, id, token);
  }

  articlesOf(id: string, token: CancellationSignal): string[] {
    return this.occurrences.articlesOf(id, token);
  }

  searchEntities(query: string, limit: number, token: CancellationSignal): EntitySummary[] {
    return this.summaries.searchEntities(query, limit, token);
  }

  ledgerOf(measure: string, limit: number, token: CancellationSignal): { rows: LedgerRow[]; total: number } {
    return this.ledger.ledgerOf(measure, limit, token);
  }

  measures(token: CancellationSignal): MeasureCount[] {
    return this.ledger.measures(token);
  }

  /** Each entity key of an article (corrections applied) with its number of mentions. */
  keyCountsIn(uri: string): Map<string, number> | undefined {
    const record = this.store.get(uri);
    if (!record) return undefined;
    const { cells, at, n } = column(record.corrected, ENTITIES, E_KEY);
    const byCell = new Map<number, number>();
    for (let i = 0; i < n; i++) byCell.set(cells[at + i], (byCell.get(cells[at + i]) ?? 0) + 1);
    const out = new Map<string, number>();
    for (const [cell, count] of byCell) out.set(this.table.valueOf(cell) as string, count);
    return out;
  }

  /** The number of relative dates in an article that could not be resolved. */
  unresolvedIn(uri: string): number {
    const record = this.store.get(uri);
    if (!record) return 0;
    const { cells, at, n } = column(record.article.packed, DATES, D_UNRESOLVED);
    let count = 0;
    for (let i = 0; i < n; i++) if (cells[at + i] !== UNDEFINED) count++;
    return count;
  }

  /** An article's first figure of a measure with a readable value, and how many more of the measure it reports. */
  firstFigureIn(uri: string, measure: string): { figure: FigureMention; others: number } | undefined {
    const record = this.store.get(uri);
    const cell = this.table.stringCell(measure);
    if (!record || cell < 0) return undefined;
    const { cells, at, n } = column(record.article.packed, FIGURES, F_MEASURE);
    let figure: FigureMention | undefined;
    let others = 0;
    for (let i = 0; i < n; i++) {
      if (cells[at + i] !== cell) continue;
      if (figure) others++;
      else {
        const f = unpackOne<FigureMention>(this.table, record.article.packed, FIGURES, i, record.text);
        if (f.value !== null && Number.isFinite(f.value)) figure = f;
      }
    }
    return figure && { figure, others };
  }

  figureDisagreementsIn(uri: string, token: CancellationSignal): FigureDisagreement[] {
    return this.figureWeeks.disagreementsIn(uri, token);
  }

  articlesWithFigureDisagreements(token: CancellationSignal): string[] {
    return this.figureWeeks.articlesWithDisagreements(token);
  }
}
