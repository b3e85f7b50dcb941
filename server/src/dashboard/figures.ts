import type { DashboardFiguresResult, FigurePoint, Period } from '../protocol';
import type { CorpusQueries as Corpus } from '../corpus/queries';
import { articlesBetween, type Snapshot } from './articleTable';
import { bucketStart, dayRange } from './days';
import type { Pacer } from './pacer';

export const FIGURE_LIMITS = { max: 20_000, default: 1500 } as const;
/** A value disagrees with its week when it is under 1/RATIO or over RATIO times the others' median. */
export const DISAGREEMENT_RATIO = 2;

/**
 * One point per dated article reporting the measure in the period: its first readable figure
 * of that measure, oldest first, each compared with the median of the other articles of the
 * same ISO week (when there are at least two others). Past the limit, every disagreeing point
 * stays and the others are sampled evenly over the period, so the picture still spans it.
 */
export async function figuresOf(corpus: Corpus, s: Snapshot, measure: string | undefined, period: Period | undefined, limit: number | undefined, pacer: Pacer): Promise<DashboardFiguresResult> {
  const measures = corpus.measures(pacer.token).slice(0, 100);
  // By default the most reported count or sum; percentages of unrelated things rarely compare.
  const chosen = typeof measure === 'string' && measure ? measure : (measures.find((m) => m.measure !== 'percent') ?? measures[0])?.measure ?? '';
  const cap = Math.round(Math.min(FIGURE_LIMITS.max, Math.max(1, Number.isFinite(limit) ? limit! : FIGURE_LIMITS.default)));
  const points: FigurePoint[] = [];
  let undated = 0;
  let unit: string | undefined;
  if (chosen) {
    const [first, last] = dayRange(period);
    const [start, end] = period?.from || period?.to ? articlesBetween(s, first, last) : [0, s.dated];
    for (let a = start; a < end; a++) {
      await pacer.step();
      const point = firstFigure(corpus, s, a, chosen);
      if (!point) continue;
      unit ??= point.unit;
      points.push(point.point);
    }
    // Articles without a date are not on the axis; they are counted.
    for (let a = s.dated; a < s.uris.length && !(period?.from || period?.to); a++) if (corpus.firstFigureIn(s.uris[a], chosen)) undated++;
  }
  // Weeks are judged on every point, before any sampling.
  markDisagreements(points);
  const total = points.length;
  const shown = points.length > cap ? sample(points, cap) : points;
  return { measure: chosen, unit, measures, points: shown, sampled: shown.length < total, total, undated };
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

/** Marks each point that is under half or over double the median of its week's other points. */
function markDisagreements(points: FigurePoint[]): void {
  const weeks = new Map<number, FigurePoint[]>();
  for (const p of points) {
    const week = bucketStart(Date.parse(`${p.date}T00:00:00Z`) / 86_400_000, 'week');
    let list = weeks.get(week);
    if (!list) weeks.set(week, (list = []));
    list.push(p);
  }
  for (const list of weeks.values()) {
    if (list.length < 3) continue;
    const sorted = list.map((p) => p.value).sort((x, y) => x - y);
    for (const p of list) {
      // The median of the others: the k-th of the others is the k-th of all, skipping one copy of this value.
      const self = lowerBound(sorted, p.value);
      const kth = (k: number) => (k < self ? sorted[k] : sorted[k + 1]);
      const m = sorted.length - 1;
      const median = m % 2 ? kth(m >> 1) : (kth(m / 2 - 1) + kth(m / 2)) / 2;
      p.weekMedian = median;
      p.disagrees = median > 0 ? p.value > median * DISAGREEMENT_RATIO || p.value * DISAGREEMENT_RATIO < median : p.value !== median;
    }
  }
}

/** At most `cap` points in date order: the disagreeing ones first (evenly thinned if they alone are too many), then an even sample of the rest. */
function sample(points: FigurePoint[], cap: number): FigurePoint[] {
  const thin = (list: FigurePoint[], n: number) => (list.length <= n ? list : Array.from({ length: n }, (_, i) => list[Math.floor((i * list.length) / n)]));
  const disagreeing = thin(points.filter((p) => p.disagrees), cap);
  const kept = new Set([...disagreeing, ...thin(points.filter((p) => !p.disagrees), cap - disagreeing.length)]);
  return points.filter((p) => kept.has(p));
}

function lowerBound(sorted: number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
