import type { CancellationSignal, FigureMention } from '../analysis/types';
import type { ArticleStore, StoredArticle } from './articleStore';
import { column, F_MEASURE, FIGURES, unpackOne } from './packed';
import { UNDATED, type LedgerRow, type MeasureCount } from './queries';
import { KeysView, smallest } from './smallest';

/** A measure's articles by date, with its article and figure counts. */
interface MeasureArticles {
  articles: number;
  figures: number;
  /** Article date (UNDATED when none) → uri → figures of the measure in that article. */
  byDate: Map<string, Map<string, number>>;
}

/**
 * The figure ledgers: for each measure ("troops", "money:EUR") the articles reporting it by
 * date, kept current one article at a time, and the first rows of the ledgers asked for.
 * It owns both maps; a change to an article reporting a measure forgets that measure's rows.
 */
export class Ledger {
  private readonly measureArticles = new Map<string, MeasureArticles>();
  /** measure → its first ledger rows and total, until an article reporting it changes. */
  private readonly ledgers = new Map<string, { limit: number; rows: LedgerRow[]; total: number }>();

  constructor(private readonly store: ArticleStore) {}

  /** Adds an article's figures. */
  add(record: StoredArticle): void {
    const date = record.meta.articleDate.value || UNDATED;
    for (const [measure, count] of this.measuresIn(record)) {
      let entry = this.measureArticles.get(measure);
      if (!entry) this.measureArticles.set(measure, (entry = { articles: 0, figures: 0, byDate: new Map() }));
      let uris = entry.byDate.get(date);
      if (!uris) entry.byDate.set(date, (uris = new Map()));
      uris.set(record.uri, count);
      entry.articles++;
      entry.figures += count;
      this.ledgers.delete(measure);
    }
  }

  /** Removes what `add` added for the same record. */
  remove(record: StoredArticle): void {
    const date = record.meta.articleDate.value || UNDATED;
    for (const [measure, count] of this.measuresIn(record)) {
      const entry = this.measureArticles.get(measure);
      const uris = entry?.byDate.get(date);
      if (entry && uris?.delete(record.uri)) {
        entry.articles--;
        entry.figures -= count;
        if (uris.size === 0) entry.byDate.delete(date);
        if (entry.articles === 0) this.measureArticles.delete(measure);
      }
      this.ledgers.delete(measure);
    }
  }

  /** See CorpusQueries.ledgerOf. */
  ledgerOf(measure: string, limit: number, token: CancellationSignal): { rows: LedgerRow[]; total: number } {
    if (token.isCancellationRequested) return { rows: [], total: 0 };
    const cached = this.ledgers.get(measure);
    if (cached && cached.limit >= limit) return { rows: cached.rows.slice(0, limit), total: cached.total };
    // Articles are kept by date, so the first rows come from the earliest few dates: a figure
    // hover on "troops" reported in 100,000 articles sorts a few hundred dates, not the articles.
    const entry = this.measureArticles.get(measure);
    const total = entry?.figures ?? 0;
    const first: StoredArticle[] = [];
    for (const date of [...(entry?.byDate.keys() ?? [])].sort()) {
      if (first.length >= limit) break;
      const uris = entry!.byDate.get(date)!;
      for (const uri of smallest(new KeysView(uris), limit - first.length)) first.push(this.store.get(uri)!);
    }
    const measureCell = this.store.table.stringCell(measure);
    const rows: LedgerRow[] = [];
    for (const record of first) {
      if (token.isCancellationRequested) return { rows: [], total: 0 };
      const { packed } = record.article;
      const { cells, at, n } = column(packed, FIGURES, F_MEASURE);
      for (let i = 0; i < n && rows.length < limit; i++) {
        if (cells[at + i] === measureCell) rows.push({ uri: record.uri, figure: unpackOne<FigureMention>(this.store.table, packed, FIGURES, i, record.text), date: record.meta.articleDate.value });
      }
    }
    this.ledgers.set(measure, { limit, rows, total });
    return { rows, total };
  }

  /** See CorpusQueries.measures. */
  measures(token: CancellationSignal): MeasureCount[] {
    if (token.isCancellationRequested) return [];
    return [...this.measureArticles].map(([measure, entry]) => ({ measure, articles: entry.articles })).sort((a, b) => b.articles - a.articles || a.measure.localeCompare(b.measure));
  }

  /** The figure measures of an article, with how many figures each. */
  private measuresIn(record: StoredArticle): Map<string, number> {
    const { cells, at, n } = column(record.article.packed, FIGURES, F_MEASURE);
    const out = new Map<string, number>();
    for (let i = 0; i < n; i++) {
      const measure = this.store.table.valueOf(cells[at + i]) as string;
      out.set(measure, (out.get(measure) ?? 0) + 1);
    }
    return out;
  }
}
