/** Figures over time: one point per article (its first figure of the measure), by article date. */
import * as l10n from '@vscode/l10n';
import type { DashboardFiguresResult, FigurePoint, Period } from '../server/src/protocol';
import { axisStyle, baseOption, compactNumber, escapeHtml, type ChartOption } from './option';
import { describePeriod, periodLabel } from './periods';
import { tooltipStyle, type ChartTheme } from './theme';

export interface FiguresView {
  period?: Period;
  /** Index of the point under the keyboard cursor. */
  cursor?: number;
  title?: string;
}

/** How an approximator bounds its figure, and the mark drawn for it. */
export type Bound = 'exact' | 'at least' | 'at most' | 'about';

const AT_LEAST = new Set(['over', 'more than', 'at least', 'upwards of', 'in excess of', 'just over', 'as many as', 'as much as', 'above']);
const AT_MOST = new Set(['nearly', 'almost', 'up to', 'at most', 'less than', 'fewer than', 'no more than', 'just under', 'under', 'close to', 'as few as', 'as little as']);

export function boundOf(approx: string | undefined): Bound {
  if (!approx) return 'exact';
  if (AT_LEAST.has(approx)) return 'at least';
  if (AT_MOST.has(approx)) return 'at most';
  return 'about';
}

const MARK: Record<Bound, { symbol: string; rotate: number }> = {
  exact: { symbol: 'circle', rotate: 0 },
  'at least': { symbol: 'triangle', rotate: 0 },
  'at most': { symbol: 'triangle', rotate: 180 },
  about: { symbol: 'diamond', rotate: 0 },
};

/** "over 5,200", "$1.5bn" style value for tooltips and tables. */
export function formatValue(point: Pick<FigurePoint, 'value' | 'high' | 'approx'>, unit?: string): string {
  const n = (v: number) => v.toLocaleString('en-US', { maximumFractionDigits: 2 });
  const value = point.high !== undefined ? `${n(point.value)}–${n(point.high)}` : n(point.value);
  const suffix = unit === '%' ? '%' : unit ? ` ${unit}` : '';
  return `${point.approx ? `${point.approx} ` : ''}${value}${suffix}`;
}

export function describeFigures(data: DashboardFiguresResult, view: FiguresView): string {
  const disagreeing = data.points.filter((p) => p.disagrees).length;
  return l10n.t(
    'Figures of {0} by article date, {1}: {2} articles shown of {3}, {4} disagreeing with the other articles of their week.',
    data.measure || l10n.t('no measure'),
    describePeriod(view.period),
    data.points.length,
    data.total,
    disagreeing,
  );
}

// Translated when drawn, not when loaded: the webview sets its language before it draws.
const agrees = (): string => l10n.t('agrees with its week');
const disagrees = (): string => l10n.t('disagrees with its week');
const BOUNDS: Bound[] = ['exact', 'at least', 'at most', 'about'];

export function figuresOption(data: DashboardFiguresResult, theme: ChartTheme, view: FiguresView): ChartOption {
  let min = Number.POSITIVE_INFINITY;
  let max = 0;
  for (const p of data.points) if (p.value > 0) (min = Math.min(min, p.value)), (max = Math.max(max, p.value));
  // Figures of one measure can span orders of magnitude ($2m next to $3bn): then a log axis.
  const log = max > 0 && max / min >= 1000;
  // One series per mark and verdict, each point [date, value, index]: plain arrays draw fast
  // (ECharts' large mode past 300), where an object per point would not.
  const series: ChartOption['series'] & unknown[] = [];
  const agreesWord = agrees();
  const disagreesWord = disagrees();
  for (const disagrees of [false, true]) {
    for (const bound of BOUNDS) {
      const rows: [string, number, number][] = [];
      data.points.forEach((p, i) => p.disagrees === disagrees && boundOf(p.approx) === bound && rows.push([p.date, p.value, i]));
      if (rows.length === 0) continue;
      const mark = MARK[bound];
      series.push({
        type: 'scatter',
        name: disagrees ? disagreesWord : agreesWord,
        data: rows,
        symbol: mark.symbol,
        symbolRotate: mark.rotate,
        symbolSize: disagrees ? 13 : 9,
        itemStyle: disagrees ? { color: theme.alert, borderColor: theme.foreground, borderWidth: 1 } : { color: theme.palette[0], opacity: theme.highContrast ? 1 : 0.8 },
        large: rows.length > 300,
        largeThreshold: 300,
        emphasis: { scale: 1.6 },
        z: disagrees ? 3 : 2,
      });
    }
  }
  const focused = view.cursor === undefined ? undefined : data.points[view.cursor];
  if (focused) series.push({ type: 'scatter', name: 'focus', data: [[focused.date, focused.value, view.cursor!]], symbolSize: 18, itemStyle: { color: 'transparent', borderColor: theme.focus, borderWidth: 3 }, silent: true, z: 4 });
  const base = baseOption(theme, describeFigures(data, view), view.title);
  return {
    ...base,
    legend: { top: view.title ? 30 : 2, right: 8, itemGap: 24, textStyle: { color: theme.foreground }, data: [agreesWord, disagreesWord], selectedMode: false },
    grid: { left: 56, right: 20, top: view.title ? 64 : 36, bottom: 28 },
    tooltip: { ...tooltipStyle(theme), trigger: 'item', formatter: (params: unknown) => figureTooltip(data, params as { data: number[] }) },
    xAxis: {
      type: 'time',
      ...axisStyle(theme),
      axisLabel: { ...(axisStyle(theme).axisLabel as object), hideOverlap: true, formatter: { year: '{yyyy}', month: '{MMM} {yyyy}', day: '{d} {MMM}' } },
      splitLine: { show: false },
      min: view.period?.from,
      max: view.period?.to,
    },
    yAxis: {
      type: log ? 'log' : 'value',
      name: log ? l10n.t('{0} (log scale)', data.measure) : data.measure,
      nameTextStyle: { color: theme.muted, align: 'left' },
      scale: !log,
      // A margin above and below, so the highest and lowest points are not cut by the frame,
      // and counts that reach down near zero start at zero (never below).
      boundaryGap: log ? undefined : ['8%', '8%'],
      min: !log && min >= 0 && min < max * 0.2 ? 0 : undefined,
      ...axisStyle(theme),
      axisLabel: { ...(axisStyle(theme).axisLabel as object), formatter: (v: number) => compactNumber(v) },
    },
    series,
  };
}

/** The approximator marks, for the chart's key (drawn in HTML next to it). */
export function boundKey(): string[] {
  return [l10n.t('▲ at least (over, more than)'), l10n.t('▼ at most (nearly, up to)'), l10n.t('◆ about (around, some)')];
}

function figureTooltip(data: DashboardFiguresResult, params: { data: number[] }): string {
  const p = data.points[params.data?.[2]];
  if (!p) return '';
  const lines = [
    `<b>${escapeHtml(formatValue(p, data.unit))}</b> ${escapeHtml(data.measure)}`,
    `${escapeHtml(periodLabel(p.date, 'day'))} · ${escapeHtml(p.file)}`,
    p.others ? escapeHtml(l10n.t('“{0}” (and {1} more in the article)', p.text, p.others)) : escapeHtml(`“${p.text}”`),
  ];
  if (p.weekMedian !== undefined) {
    const median = p.weekMedian.toLocaleString('en-US');
    lines.push(p.disagrees ? `<b>${escapeHtml(l10n.t("Disagrees with the week's other articles (median {0})", median))}</b>` : escapeHtml(l10n.t("Agrees with the week's other articles (median {0})", median)));
  }
  lines.push(`<i>${escapeHtml(l10n.t('Click to open the article at the figure.'))}</i>`);
  return lines.join('<br>');
}
