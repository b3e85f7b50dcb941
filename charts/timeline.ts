/** The timeline: mentions per period of the selected entities, stacked or overlaid; the corpus's articles when none is selected. */
import * as l10n from '@vscode/l10n';
import type { DashboardTimelineResult, Period } from '../server/src/protocol';
import { axisStyle, baseOption, compactNumber, escapeHtml, type ChartOption } from './option';
import { bucketsOf, describePeriod, periodLabel } from './periods';
import { tooltipStyle, type ChartTheme } from './theme';

export interface TimelineView {
  mode: 'stacked' | 'overlaid';
  /** The brushed period, shaded. */
  period?: Period;
  /** A period under the keyboard cursor, outlined. */
  cursor?: number;
  title?: string;
}

/** The sentence a screen reader gets for the chart. */
export function describeTimeline(data: DashboardTimelineResult, view: TimelineView): string {
  const span = data.periods.length ? l10n.t('{0} to {1}', periodLabel(data.periods[0], data.bucket), periodLabel(data.periods[data.periods.length - 1], data.bucket)) : l10n.t('no dated articles');
  const names = data.series.map((s) => s.name).join(', ');
  // Whole sentences per bucket, so that a translation can inflect them.
  const what = data.series.length
    ? data.bucket === 'day' ? l10n.t('Mentions per day of {0}', names) : data.bucket === 'week' ? l10n.t('Mentions per week of {0}', names) : l10n.t('Mentions per month of {0}', names)
    : data.bucket === 'day' ? l10n.t('Articles per day in the corpus') : data.bucket === 'week' ? l10n.t('Articles per week in the corpus') : l10n.t('Articles per month in the corpus');
  return l10n.t('{0}, {1}. Period selected: {2}.', what, span, describePeriod(view.period));
}

export function timelineOption(data: DashboardTimelineResult, theme: ChartTheme, view: TimelineView): ChartOption {
  const labels = data.periods.map((p) => periodLabel(p, data.bucket, true));
  const stacked = view.mode === 'stacked';
  const series: ChartOption['series'] = data.series.length
    ? data.series.map((s, i) =>
        stacked
          ? { type: 'bar', name: s.name, id: s.id, stack: 'mentions', data: s.mentions, itemStyle: { color: theme.palette[i % theme.palette.length] }, large: data.periods.length > 200, largeThreshold: 200 }
          : { type: 'line', name: s.name, id: s.id, data: s.mentions, showSymbol: data.periods.length <= 120, symbolSize: 5, lineStyle: { width: theme.highContrast ? 3 : 2 }, itemStyle: { color: theme.palette[i % theme.palette.length] } },
      )
    : [{ type: 'bar', name: l10n.t('Articles'), id: '(articles)', data: data.articles, itemStyle: { color: theme.muted, opacity: theme.highContrast ? 1 : 0.7 }, large: data.periods.length > 200, largeThreshold: 200 }];
  const shaded = bucketsOf(data.periods, data.bucket, view.period);
  const first = series[0] as { markArea?: unknown };
  // Always present (empty without a period): a redraw merged into the last one then clears it.
  first.markArea = {
    silent: true,
    itemStyle: { color: theme.focus, opacity: theme.highContrast ? 0.35 : 0.15, borderColor: theme.focus, borderWidth: 1 },
    data: shaded ? [[{ xAxis: labels[shaded[0]] }, { xAxis: labels[shaded[1]] }]] : [],
  };
  const base = baseOption(theme, describeTimeline(data, view), view.title);
  const top = (view.title ? 36 : 8) + (data.series.length > 1 ? 26 : 0);
  return {
    ...base,
    legend: data.series.length > 1 ? { top: view.title ? 30 : 2, right: 8, itemGap: 20, textStyle: { color: theme.foreground }, inactiveColor: theme.muted, type: 'scroll', pageIconColor: theme.foreground, pageTextStyle: { color: theme.foreground } } : undefined,
    grid: { left: 44, right: 16, top: top + 6, bottom: 28 },
    tooltip: {
      ...tooltipStyle(theme),
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (params: unknown) => tooltipText(data, params as { dataIndex: number }[]),
    },
    xAxis: { type: 'category', data: labels, ...axisStyle(theme), splitLine: { show: false }, axisPointer: { value: view.cursor === undefined ? undefined : labels[view.cursor], status: view.cursor === undefined ? 'hide' : 'show' } },
    yAxis: { type: 'value', minInterval: 1, name: data.series.length ? l10n.t('mentions') : l10n.t('articles'), ...axisStyle(theme), axisLabel: { ...(axisStyle(theme).axisLabel as object), formatter: (v: number) => compactNumber(v) } },
    series,
  };
}

function tooltipText(data: DashboardTimelineResult, params: { dataIndex: number }[]): string {
  const i = params[0]?.dataIndex ?? 0;
  const lines = [`<b>${escapeHtml(periodLabel(data.periods[i], data.bucket))}</b>`, escapeHtml(l10n.t('{0} articles in the corpus', data.articles[i].toLocaleString('en-US')))];
  for (const s of data.series) lines.push(escapeHtml(l10n.t('{0}: {1} mentions in {2} articles', s.name, s.mentions[i].toLocaleString('en-US'), s.articles[i].toLocaleString('en-US'))));
  lines.push(`<i>${escapeHtml(l10n.t('Click to list the articles; drag to choose a period.'))}</i>`);
  return lines.join('<br>');
}
