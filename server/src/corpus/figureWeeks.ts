import type { CancellationSignal, FigureMention } from '../analysis/types';
import type { ArticleStore, StoredArticle } from './articleStore';
import { consensusMembers, judgeFigures, weekOf, type FigureVerdict, type ReportedFigure } from './figureConsensus';
import type { FigureDisagreement } from './queries';
import { column, F_MEASURE, FIGURES, unpackOne } from './packed';

/** Figures of the consensus named with a disagreement: enough to check, few enough to read. */
export const RELATED_LIMIT = 8;

interface WeekPoint extends ReportedFigure {
  uri: string;
  /** The figure's index in its article's figure list. */
  index: number;
}

/** One measure's figures of one week and, once asked, the verdicts on them. */
interface Week {
  points: Map<string, WeekPoint>;
  judged?: { list: WeekPoint[]; verdicts: FigureVerdict[] };
}

/**
 * Each article's first figure of each measure, filed by measure and ISO week, with the
 * verdicts of the shared consensus rule (figureConsensus.ts) per week. An article reports a
 * measure with its first figure of it (later ones are often comparisons: "up from 4,000 last
 * year"), as the dashboard plots it. Built on the first question, then kept current one
 * article at a time: a change forgets only the verdicts of its own weeks.
 */
export class FigureWeeks {
  private built = false;
  /** measure → week → uri → point. */
  private readonly weeks = new Map<string, Map<number, Week>>();
  /** uri → the (measure, week) cells it is in, to remove it. */
  private readonly filed = new Map<string, [string, number][]>();

  constructor(private readonly store: ArticleStore) {}

  add(record: StoredArticle): void {
    if (this.built) this.file(record);
  }

  remove(uri: string): void {
    if (!this.built) return;
    for (const [measure, week] of this.filed.get(uri) ?? []) {
      const cell = this.weeks.get(measure)?.get(week);
      if (!cell) continue;
      cell.points.delete(uri);
      cell.judged = undefined;
    }
    this.filed.delete(uri);
  }

  /** The figures of an article that disagree with their week. Cancelled: []. */
  disagreementsIn(uri: string, token: CancellationSignal): FigureDisagreement[] {
    if (token.isCancellationRequested) return [];
    this.build();
    const out: FigureDisagreement[] = [];
    for (const [measure, week] of this.filed.get(uri) ?? []) {
      const found = this.judge(this.weeks.get(measure)!.get(week)!, uri);
      if (found) out.push(found);
    }
    return out.sort((a, b) => a.figure.start - b.figure.start);
  }

  /** The articles with a figure that disagrees with its week, in uri order. Cancelled: []. */
  articlesWithDisagreements(token: CancellationSignal): string[] {
    if (token.isCancellationRequested) return [];
    this.build();
    const out = new Set<string>();
    for (const weeks of this.weeks.values()) {
      for (const cell of weeks.values()) {
        if (token.isCancellationRequested) return [];
        const { list, verdicts } = this.verdicts(cell);
        verdicts.forEach((v, i) => v.disagrees && out.add(list[i].uri));
      }
    }
    return [...out].sort();
  }

  private build(): void {
    if (this.built) return;
    this.built = true;
    for (const record of this.store.records()) this.file(record);
  }

  /** Files an article's first figure of each measure under its week (dated articles only). */
  private file(record: StoredArticle): void {
    this.remove(record.uri);
    const week = weekOf(record.meta.articleDate.value);
    if (week === undefined) return;
    const { packed } = record.article;
    const { cells, at, n } = column(packed, FIGURES, F_MEASURE);
    const seen = new Set<number>();
    const cellsFiled: [string, number][] = [];
    for (let i = 0; i < n; i++) {
      if (seen.has(cells[at + i])) continue;
      const figure = unpackOne<FigureMention>(this.store.table, packed, FIGURES, i, record.text);
      // The first readable figure of each measure, as the dashboard's firstFigureIn reads it.
      if (figure.value === null || !Number.isFinite(figure.value)) continue;
      seen.add(cells[at + i]);
      let byWeek = this.weeks.get(figure.measure);
      if (!byWeek) this.weeks.set(figure.measure, (byWeek = new Map()));
      let cell = byWeek.get(week);
      if (!cell) byWeek.set(week, (cell = { points: new Map() }));
      cell.points.set(record.uri, { uri: record.uri, index: i, value: figure.value, high: figure.high, approx: figure.approx, date: record.meta.articleDate.value });
      cell.judged = undefined;
      cellsFiled.push([figure.measure, week]);
    }
    if (cellsFiled.length) this.filed.set(record.uri, cellsFiled);
  }

  private verdicts(cell: Week): { list: WeekPoint[]; verdicts: FigureVerdict[] } {
    if (!cell.judged) {
      // Oldest first, then by uri: the same order whatever order the articles were read in.
      const list = [...cell.points.values()].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0));
      cell.judged = { list, verdicts: judgeFigures(list) };
    }
    return cell.judged;
  }

  /** The disagreement of one article's figure in a week, if it disagrees. */
  private judge(cell: Week, uri: string): FigureDisagreement | undefined {
    const { list, verdicts } = this.verdicts(cell);
    const self = list.findIndex((p) => p.uri === uri);
    const verdict = verdicts[self];
    if (!verdict?.disagrees || !verdict.consensus) return undefined;
    const figureOf = (p: WeekPoint) => {
      const record = this.store.get(p.uri)!;
      return unpackOne<FigureMention>(this.store.table, record.article.packed, FIGURES, p.index, record.text);
    };
    const agreeing = consensusMembers(list, self, verdict.consensus, RELATED_LIMIT).map((i) => ({ uri: list[i].uri, figure: figureOf(list[i]), date: list[i].date }));
    return { uri, figure: figureOf(list[self]), date: list[self].date, consensus: verdict.consensus, agreeing };
  }
}
