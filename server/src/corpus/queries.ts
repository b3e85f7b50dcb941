import type { CancellationSignal, DateMention, EntityKind, EntityMention, FigureMention } from '../analysis/types';
import type { Consensus } from './figureConsensus';
import type { ArticleMeta } from './packedArticle';

/**
 * What the rest of the server may ask a corpus: plain data out, UTF-16 offsets in and out.
 * The LSP handlers, the export and the CLI depend on this interface only, so another
 * implementation (an index shared through a database server, say) could stand behind it.
 *
 * Every query takes a cancellation signal and checks it before and during its work. A
 * cancelled query returns the empty answer its documentation names (never a partial list
 * presented as whole), and nothing computed for it is kept.
 */
export interface CorpusQueries {
  /** The number of articles. */
  readonly size: number;

  /** Every article's uri, in no particular order. */
  uris(): Iterable<string>;

  /** An article's text and what is known about it besides its mentions; undefined when absent. */
  article(uri: string): ArticleInfo | undefined;

  /** The entity id a mention key belongs to, across the corpus. Cancelled: the key itself. */
  resolve(key: string, token: CancellationSignal): string;

  /** The keys whose mentions make up an entity (an id or any key of it). Cancelled: []. */
  membersOf(id: string, token: CancellationSignal): string[];

  /** Every entity id in the corpus, in no particular order. Cancelled: []. */
  entityIds(token: CancellationSignal): string[];

  /**
   * The entity mentions of an article in text order, corrections applied, each with the
   * entity it belongs to and that entity's type and name: what colours, outlines and exports
   * show. Cancelled: [].
   */
  mentionsIn(uri: string, token: CancellationSignal): ResolvedMention[];

  /** The entity mention containing an offset (end inclusive). Cancelled: undefined. */
  entityAt(uri: string, offset: number, token: CancellationSignal): ResolvedMention | undefined;

  /** The time expressions of an article in text order. Cancelled: []. */
  datesIn(uri: string, token: CancellationSignal): DateMention[];

  /** The time expression containing an offset (end inclusive). Cancelled: undefined. */
  dateAt(uri: string, offset: number, token: CancellationSignal): DateMention | undefined;

  /** The figures of an article in text order. Cancelled: []. */
  figuresIn(uri: string, token: CancellationSignal): FigureMention[];

  /** The figure containing an offset (end inclusive). Cancelled: undefined. */
  figureAt(uri: string, offset: number, token: CancellationSignal): FigureMention | undefined;

  /** What the corpus knows about an entity (an id or any key of it). Cancelled: undefined. */
  summaryOf(id: string, token: CancellationSignal): EntitySummary | undefined;

  /** First and last article dates of an entity and the entities most often with it. Cancelled: NO_CONTEXT. */
  contextOf(id: string, token: CancellationSignal): EntityContext;

  /** The entity's first full-name mention (articles in uri order), else its first mention. Cancelled: undefined. */
  definitionOf(id: string, token: CancellationSignal): Occurrence | undefined;

  /**
   * The first `limit` mentions of an entity, articles in uri order, mentions in text order
   * (the same first mentions whatever the limit). Cancelled: [].
   */
  occurrencesOf(id: string, limit: number, token: CancellationSignal): Occurrence[];

  /** The mentions of an entity in one article, in text order. Cancelled: []. */
  occurrencesIn(uri: string, id: string, token: CancellationSignal): Occurrence[];

  /** The articles that mention an entity, in uri order. Cancelled: []. */
  articlesOf(id: string, token: CancellationSignal): string[];

  /**
   * Entities with a name or spelling containing the query (case-insensitive; '' matches all),
   * most articles first, then most mentions, then by name; at most `limit`. Cancelled: [].
   */
  searchEntities(query: string, limit: number, token: CancellationSignal): EntitySummary[];

  /**
   * The figures of a measure, oldest article first (undated last), then by uri and position:
   * the first `limit` rows and the total. Cancelled: no rows, total 0.
   */
  ledgerOf(measure: string, limit: number, token: CancellationSignal): { rows: LedgerRow[]; total: number };

  /** Measures with the number of articles reporting each, most reported first. Cancelled: []. */
  measures(token: CancellationSignal): MeasureCount[];

  /** A number that changes whenever an article or a correction does (derived tables compare it). */
  readonly version: number;

  // Per-article reads straight from the columns, for corpus-wide tallies (the dashboard's) that
  // must not make mention objects for 10,000 articles. Undefined or 0 for an unknown article.

  /** Each entity key of an article (corrections applied) with its number of mentions. */
  keyCountsIn(uri: string): Map<string, number> | undefined;

  /** The number of relative dates in an article that could not be resolved. */
  unresolvedIn(uri: string): number;

  /** An article's first figure of a measure with a readable value, and how many more of the measure it reports. */
  firstFigureIn(uri: string, measure: string): { figure: FigureMention; others: number } | undefined;

  /**
   * The figures of an article that disagree with the consensus of the other articles of their
   * week (the rule of figureConsensus.ts: each article's first readable figure of a measure), in text
   * order, each with figures of the consensus. Cancelled: [].
   */
  figureDisagreementsIn(uri: string, token: CancellationSignal): FigureDisagreement[];

  /** The articles with such a figure, in uri order. Cancelled: []. */
  articlesWithFigureDisagreements(token: CancellationSignal): string[];
}

/** An article as the corpus holds it, without its mentions. */
export interface ArticleInfo {
  readonly uri: string;
  /** The text the analysis was made from; offsets are into it. */
  readonly text: string;
  /** The content fingerprint of the text. */
  readonly hash: string;
  /** The article date, headline and problems. */
  readonly meta: ArticleMeta;
}

/** An entity mention with the entity it belongs to across the corpus. */
export interface ResolvedMention {
  /** The mention as analysed (after corrections): offsets, text, its own key and guessed kind. */
  mention: EntityMention;
  /** The entity id. */
  id: string;
  /** The entity's type: a type the analysis only guessed gives way to the entity's. */
  kind: EntityKind;
  /** The entity's display name. */
  name: string;
}

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

/** Where and when an entity was reported. */
export interface EntityContext {
  /** Earliest and latest article dates among the articles that mention it ('' when undated). */
  firstDate: string;
  lastDate: string;
  /** Entities most often mentioned in the same articles, with the number of shared articles. */
  coMentioned: { id: string; canonical: string; kind: EntityKind; articles: number }[];
}

/** One row of a figure ledger: a figure with where and when it was reported. */
export interface LedgerRow {
  uri: string;
  figure: FigureMention;
  /** The article's date (YYYY-MM-DD), or '' when it has none. */
  date: string;
}

/** A measure with the number of articles reporting it. */
export interface MeasureCount {
  measure: string;
  articles: number;
}

/** A figure that disagrees with the other articles of its week (see figureConsensus.ts). */
export interface FigureDisagreement {
  uri: string;
  figure: FigureMention;
  /** The article's date (YYYY-MM-DD). */
  date: string;
  consensus: Consensus;
  /** Figures of other articles that week that make up the consensus (a few). */
  agreeing: { uri: string; figure: FigureMention; date: string }[];
}

/** A signal that is never raised, for callers with nothing to cancel (the CLI, tests). */
export const NOT_CANCELLED: CancellationSignal = Object.freeze({ isCancellationRequested: false });

/** The context a cancelled contextOf returns. */
export const NO_CONTEXT: EntityContext = Object.freeze({ firstDate: '', lastDate: '', coMentioned: Object.freeze([]) as unknown as EntityContext['coMentioned'] });

/** Where undated articles sort among dates (YYYY-MM-DD): after every one. */
export const UNDATED = '9999';

/** Most entities a search returns unless asked for more. */
export const MAX_SEARCH_RESULTS = 200;
