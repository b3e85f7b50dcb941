/**
 * When does a figure disagree with the other reports of its week? One pure rule, used by the
 * diagnostics (a Problems-panel entry for "5,200 workers" where three other articles that week
 * say 4,000) and by the dashboard's figures view, so both always mark the same figures.
 *
 * The rule, in three steps:
 *
 * 1. Each figure stands for an interval, not a point. A number is as precise as it is written:
 *    half a unit of its last significant digit, but at least 5 % (two reports of one count
 *    rarely match to the unit: they are made hours apart, from different sources) and at most
 *    12.5 % (a round "4,000" stands for 3,500–4,500; no reader takes "10,000" to mean 5,000).
 *    A range ("4,000–5,000") spans both ends. Approximators stretch one side or both: "over",
 *    "more than", "at least" reach up to half as much again; "under", "up to", "as many as"
 *    reach down to two thirds; "nearly", "almost", "close to" reach down by a tenth; "about",
 *    "around", "some", "roughly" widen both sides by the most a round number allows.
 * 2. The consensus of a figure's week is the others' median figure (others: the other articles
 *    of the same ISO week, Monday to Sunday, one figure per article) together with every other
 *    figure whose interval overlaps it. It only counts as a consensus when it holds at least
 *    two figures and more than half of the week's figures, this one included: scattered
 *    numbers, or a week split two against two, have no consensus to disagree with.
 * 3. A figure disagrees when its interval does not overlap the median figure's interval.
 *
 * So "5,200" (4,940–5,460) disagrees with three "4,000" (3,500–4,500), while "over 4,000"
 * (3,500–6,000), "4,400" (4,180–4,620) and "nearly 5,000" (4,500–5,500) do not: figures a
 * careful writer could give for the same count are not flagged.
 */
import { lowerBound, upperBound } from './sorted';

/** A figure as the rule sees it. */
export interface ReportedFigure {
  value: number;
  /** The upper end of a range. */
  high?: number;
  /** The approximator written before it ("over", "nearly"), lower-case. */
  approx?: string;
  /** The article's date, YYYY-MM-DD; figures without a valid date are never judged. */
  date: string;
}

/** What the rule says of one figure. */
export interface FigureVerdict {
  /** The figure disagrees with the consensus of the other articles of its week. */
  disagrees: boolean;
  /** The consensus it was compared with, when its week had one. */
  consensus?: Consensus;
}

export interface Consensus {
  /** The others' median figure (an index into the input) and its interval. */
  median: number;
  low: number;
  high: number;
  /** How many of the others agree with the median figure (the median included). */
  size: number;
  /** How many others the week had. */
  others: number;
}

/** The least and the most relative imprecision a written number is given. */
export const MIN_TOLERANCE = 0.05;
export const MAX_TOLERANCE = 0.125;
/** "over 4,000" reaches up to 6,000; "up to 6,000" down to 4,000; "nearly 5,000" down to 4,500. */
const FLOOR_REACH = 1.5;
const CEILING_REACH = 2 / 3;
const NEAR_REACH = 0.9;

const FLOORS = new Set(['over', 'more than', 'at least', 'above', 'upwards of', 'in excess of', 'just over', 'no fewer than', 'no less than', 'more', 'plus']);
const CEILINGS = new Set(['under', 'less than', 'fewer than', 'up to', 'at most', 'no more than', 'as many as', 'as much as', 'below', 'a maximum of', 'just under']);
const NEAR = new Set(['nearly', 'almost', 'close to', 'approaching', 'just shy of']);
const ROUGH = new Set(['about', 'around', 'roughly', 'approximately', 'approx.', 'some', 'circa', 'c.', 'an estimated', 'estimated', 'or so', 'odd', 'as few as', 'as little as']);

/** How precisely a number is written: half a unit of its last significant digit, relative to it. */
export function writtenPrecision(value: number): number {
  const size = Math.abs(value);
  if (size === 0 || !Number.isFinite(size)) return MIN_TOLERANCE;
  let half: number;
  if (Number.isInteger(size)) {
    let unit = 1;
    while (size % (unit * 10) === 0 && unit < 1e15) unit *= 10;
    half = unit / 2;
  } else {
    const decimals = String(size).split('.')[1]?.length ?? 0;
    half = 0.5 * 10 ** -Math.min(decimals, 12);
  }
  return Math.min(MAX_TOLERANCE, Math.max(MIN_TOLERANCE, half / size));
}

/** The interval a figure stands for (see the rule above), low ≤ high. */
export function figureInterval(figure: Pick<ReportedFigure, 'value' | 'high' | 'approx'>): [number, number] {
  const first = figure.value;
  const last = figure.high !== undefined && Number.isFinite(figure.high) ? figure.high : first;
  const approx = figure.approx?.toLowerCase();
  const rough = approx !== undefined && ROUGH.has(approx);
  const t = (v: number) => (rough ? MAX_TOLERANCE : writtenPrecision(v));
  let low = Math.min(first, last);
  let high = Math.max(first, last);
  low = low >= 0 ? low * (1 - t(low)) : low * (1 + t(low));
  high = high >= 0 ? high * (1 + t(high)) : high * (1 - t(high));
  if (approx !== undefined) {
    if (FLOORS.has(approx)) high = Math.max(high, Math.max(first, last) * FLOOR_REACH);
    else if (CEILINGS.has(approx)) low = Math.min(low, Math.min(first, last) * CEILING_REACH);
    else if (NEAR.has(approx)) low = Math.min(low, Math.min(first, last) * NEAR_REACH);
  }
  return [Math.min(low, high), Math.max(low, high)];
}

/** The ISO week (Monday to Sunday) of a YYYY-MM-DD date, as a number; undefined when it is not a date. */
export function weekOf(date: string): number | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return undefined;
  const day = Date.parse(`${date}T00:00:00Z`) / 86_400_000;
  // Day 0 (1970-01-01) was a Thursday: shifted by three, weeks start on Mondays.
  return Number.isFinite(day) ? Math.floor((day + 3) / 7) : undefined;
}

/**
 * Judges every figure against the others of its week (see the rule above). One figure per
 * article is expected (an article does not outvote itself). O(n log n) per week.
 */
export function judgeFigures(figures: readonly ReportedFigure[]): FigureVerdict[] {
  const verdicts: FigureVerdict[] = figures.map(() => ({ disagrees: false }));
  const weeks = new Map<number, number[]>();
  figures.forEach((f, i) => {
    const week = Number.isFinite(f.value) ? weekOf(f.date) : undefined;
    if (week === undefined) return;
    let list = weeks.get(week);
    if (!list) weeks.set(week, (list = []));
    list.push(i);
  });
  for (const members of weeks.values()) if (members.length >= 3) judgeWeek(figures, members, verdicts);
  return verdicts;
}

function judgeWeek(figures: readonly ReportedFigure[], members: number[], verdicts: FigureVerdict[]): void {
  const intervals = new Map(members.map((i) => [i, figureInterval(figures[i])]));
  const mid = (i: number) => (intervals.get(i)![0] + intervals.get(i)![1]) / 2;
  const order = [...members].sort((a, b) => mid(a) - mid(b) || a - b);
  const lows = members.map((i) => intervals.get(i)![0]).sort((a, b) => a - b);
  const highs = members.map((i) => intervals.get(i)![1]).sort((a, b) => a - b);
  const others = members.length - 1;
  const overlaps = (a: [number, number], b: [number, number]) => a[0] <= b[1] && b[0] <= a[1];
  order.forEach((self, rank) => {
    // The others' lower median: its rank among the others, then among all (skipping self).
    const medianAmongOthers = (others - 1) >> 1;
    const median = order[medianAmongOthers < rank ? medianAmongOthers : medianAmongOthers + 1];
    const [low, high] = intervals.get(median)!;
    // Figures whose interval overlaps the median's: low ≤ its high, minus those whose high < its low.
    let size = upperBound(lows, high) - lowerBound(highs, low);
    const own = intervals.get(self)!;
    if (overlaps(own, [low, high])) size--;
    if (size < 2 || size * 2 <= members.length) return;
    verdicts[self] = { disagrees: !overlaps(own, [low, high]), consensus: { median, low, high, size, others } };
  });
}

/** The figures (indexes) of the same week as `self` that agree with its consensus, at most `limit`. */
export function consensusMembers(figures: readonly ReportedFigure[], self: number, consensus: Consensus, limit: number): number[] {
  const week = weekOf(figures[self].date);
  const out: number[] = [];
  for (let i = 0; i < figures.length && out.length < limit; i++) {
    if (i === self || weekOf(figures[i].date) !== week || !Number.isFinite(figures[i].value)) continue;
    const [low, high] = figureInterval(figures[i]);
    if (low <= consensus.high && consensus.low <= high) out.push(i);
  }
  return out;
}
