import type { DashboardFiguresResult, FigurePoint, Period } from '../protocol';
import type { CorpusQueries as Corpus } from '../corpus/queries';
import type { Snapshot } from './articleTable';
import { judgeFigures } from '../corpus/figureConsensus';
import { lowerBound } from '../corpus/sorted';
import { dayRange } from './days';
import type { Pacer } from './pacer';

export const FIGURE_LIMITS = { max: 20_000, default: 1500 } as const;

/** Every dated article's point for one measure, judged against its week, at one corpus version. */
interface MeasurePoints {
  version: number;
  /** Oldest first, with the article's day of each. */
  points: FigurePoint[];
  days: Int32Array;
  undated: number;
  unit?: string;
}

/** Measures whose points are kept (the picker's recent choices). */
const KEPT_MEASURES = 8;

/**
 * One point per dated article reporting a measure: its first readable figure of that measure,
 * each judged against the other articles of the same ISO week by the rule the figure diagnostics
 * use (corpus/figureConsensus.ts). Computed once per measure and corpus version over the whole corpus, so a
 * period only slices it, and whether a value disagrees does not depend on the period brushed.
 * One instance per dashboard (DashboardQueries owns it).
 */
export class FigurePoints {
  private readonly byMeasure = new Map<string, MeasurePoints>();

  async query(corpus: Corpus, s: Snapshot, measure: string | undefined, period: Period | undefined, limit: number | undefined, pacer: Pacer): Promise<DashboardFiguresResult> {
    const measures = corpus.measures(pacer.token).slice(0, 100);
    pacer.check();
    // By default the most reported count or sum; percentages of unrelated things rarely compare.
    const chosen = typeof measure === 'string' && measure ? measure : (measures.find((m) => m.measure !== 'percent') ?? measures[0])?.measure ?? '';
    const cap = Math.round(Math.min(FIGURE_LIMITS.max, Math.max(1, Number.isFinite(limit) ? limit! : FIGURE_LIMITS.default)));
    if (!chosen) return { measure: '', measures, points: [], sampled: false, total: 0, undated: 0 };
    const all = await this.pointsOf(corpus, s, chosen, pacer);
    const [first, last] = dayRange(period);
    const from = lowerBound(all.days, first);
    const to = lowerBound(all.days, last + 1);
    const points = all.points.slice(from, to);
    // Past the limit, every disagreeing point stays and the others are sampled evenly over the period.
    const shown = points.length > cap ? sample(points, cap) : points;
    return { measure: chosen, unit: all.unit, measures, points: shown, sampled: shown.length < points.length, total: points.length, undated: period?.from || period?.to ? 0 : all.undated };
  }

  private async pointsOf(corpus: Corpus, s: Snapshot, measure: string, pacer: Pacer): Promise<MeasurePoints> {
    const kept = this.byMeasure.get(measure);
    if (kept?.version === s.version) {
      this.byMeasure.delete(measure);
      this.byMeasure.set(measure, kept);
      return kept;
    }
    const points: FigurePoint[] = [];
    const days: number[] = [];
    let unit: string | undefined;
    for (let a = 0; a < s.dated; a++) {
      await pacer.step();
      const point = firstFigure(corpus, s, a, measure);
      if (!point) continue;
      unit ??= point.unit;
      points.push(point.point);
      days.push(s.days[a]);
    }
    let undated = 0;
    for (let a = s.dated; a < s.uris.length; a++) if (corpus.firstFigureIn(s.uris[a], measure)) undated++;
    markDisagreements(points);
    const result = { version: s.version, points, days: Int32Array.from(days), undated, unit };
    this.byMeasure.set(measure, result);
    if (this.byMeasure.size > KEPT_MEASURES) this.byMeasure.delete(this.byMeasure.keys().next().value!);
    return result;
  }
}

/** The article's first readable figure of the measure, as a point, and its unit. */
function firstFigure(corpus: Corpus, s: Snapshot, a: number, measure: string): { point: FigurePoint; unit?: string } | undefined {
  const uri = s.uris[a];
  const found = corpus.firstFigureIn(uri, measure);
  if (!found) return undefined;
  const { figure, others } = found;
  const record = s.records[a];
  return {
    unit: figure.unit,
    point: {
      figure: { uri, start: figure.start, end: figure.end },
      file: decodeURIComponent(uri.slice(uri.lastIndexOf('/') + 1)),
      date: record.meta.articleDate.value,
      text: figure.text,
      value: figure.value!,
      high: figure.high,
      approx: figure.approx,
      others,
      disagrees: false,
    },
  };
}

/**
 * Marks each point that disagrees with the other articles of its week by the rule the
 * diagnostics use (corpus/figureConsensus.ts), and gives the consensus figure's value.
 */
function markDisagreements(points: FigurePoint[]): void {
  judgeFigures(points).forEach((verdict, i) => {
    points[i].disagrees = verdict.disagrees;
    if (verdict.consensus) points[i].weekMedian = points[verdict.consensus.median].value;
  });
}

/** At most `cap` points in date order: the disagreeing ones first (evenly thinned if they alone are too many), then an even sample of the rest. */
function sample(points: FigurePoint[], cap: number): FigurePoint[] {
  const thin = (list: FigurePoint[], n: number) => (list.length <= n ? list : Array.from({ length: n }, (_, i) => list[Math.floor((i * list.length) / n)]));
  const disagreeing = thin(points.filter((p) => p.disagrees), cap);
  const kept = new Set([...disagreeing, ...thin(points.filter((p) => !p.disagrees), cap - disagreeing.length)]);
  return points.filter((p) => kept.has(p));
}
