/**
 * Plain data produced by the analysis layer. Offsets are UTF-16 code-unit indices into the
 * article text (JavaScript string indices), end exclusive. Nothing here knows about LSP,
 * files or the corpus.
 */

/** The three kinds of named entity we link across articles. */
export type EntityKind = 'person' | 'org' | 'place';

/** Every kind of mention an article can carry. */
export type MentionKind = EntityKind | 'date' | 'figure';

/** A cooperative cancellation signal; analysis checks it between units of work. */
export interface CancellationSignal {
  readonly isCancellationRequested: boolean;
}

/** A span of the article text. */
export interface Span {
  start: number;
  end: number;
  text: string;
}

/**
 * One mention of a person, organization or place.
 *
 * `key` is the mention's identity inside the article: every mention of one entity in one
 * article carries the same key ("person:vladimir putin", "place:united states"). A person
 * seen only by surname in this article gets a surname key ("person:~putin") that the corpus
 * may join to a full name seen in other articles.
 */
export interface EntityMention extends Span {
  kind: EntityKind;
  key: string;
  /** The best spelling of the entity in this article ("Vladimir Putin"). */
  canonical: string;
  /** Lower-cased surname of a person, for linking surname-only mentions across articles. */
  surname?: string;
  /** True when this mention spells the full name (used for go to definition). */
  fullName: boolean;
  /** A title or role written with this mention ("President", "Secretary of State"). */
  role?: string;
  /** Why this is an entity: the rule, list or alias that produced it. */
  rule: string;
  /** A demonym ("Russian") linked to its place: part of the place's mentions, not a name. */
  demonym?: boolean;
}

/** TIMEX3 types of a time expression. */
export type DateType = 'DATE' | 'TIME' | 'DURATION' | 'SET';

/** Where the article date came from. */
export type AnchorSource = 'date-line' | 'published-line' | 'updated-line' | 'dateline' | 'front-matter' | 'setting' | 'none';

/** The date an article is written on, which relative dates resolve against. */
export interface ArticleDate {
  /** ISO calendar date YYYY-MM-DD. */
  value: string;
  source: AnchorSource;
  /** The text the date was read from, when it came from the article itself. */
  span?: Span;
}

/** One time expression ("March 13, 2021", "last week", "two days ago"). */
export interface DateMention extends Span {
  kind: 'date';
  type: DateType;
  /** TIMEX3 value (2021-11-10, 2021-W45, 2022-02, P1W, PRESENT_REF), or null when unresolved. */
  value: string | null;
  /** True when the value depends on the article date ("last week", "Wednesday"). */
  relative: boolean;
  /** For a relative date: why it could not be resolved (no article date), else undefined. */
  unresolved?: string;
  /** How the expression was read, for the hover ("weekday in a past-tense sentence: the previous Wednesday"). */
  reading: string;
}

/** The kind of a figure. */
export type FigureType = 'MONEY' | 'PERCENT' | 'QUANTITY';

/** One figure: a number with what it counts ("over 127,000 troops", "$5bn", "40%"). */
export interface FigureMention extends Span {
  kind: 'figure';
  type: FigureType;
  /** The numeric value (5e9 for "$5bn"), or null when it cannot be read. */
  value: number | null;
  /** Upper bound of a range ("15-20" → value 15, high 20). */
  high?: number;
  /** Currency code or symbol for money ("USD", "EUR"), "%" for percentages. */
  unit?: string;
  /** What is counted ("troops", "diplomats"), lower-case, when the text says. */
  counted?: string;
  /** An approximator written before the number ("over", "nearly", "about", "at least"). */
  approx?: string;
  /** A key grouping figures of the same measure across the corpus ("troops", "money:USD", "percent"). */
  measure: string;
}

export type Mention = EntityMention | DateMention | FigureMention;

/** Options for one analysis run. */
export interface AnalyzeOptions {
  /** An article date set by the user (per-file setting), YYYY-MM-DD; wins over the text. */
  articleDate?: string;
  /**
   * The text is Markdown: front matter and syntax are blanked before analysis (offsets are
   * unchanged), the front matter's title is the headline and its date the article date.
   */
  markdown?: boolean;
}

/** Everything the analysis knows about one article. */
export interface ArticleAnalysis {
  /** The first non-empty line. */
  headline?: Span;
  /** The date relative expressions resolve against; source 'none' when unknown. */
  articleDate: ArticleDate;
  entities: EntityMention[];
  dates: DateMention[];
  figures: FigureMention[];
  /** Problems met on odd input; analysis returns partial results instead of throwing. */
  problems: string[];
}
