/** The overview: articles per day, and entities by type. */
import * as l10n from '@vscode/l10n';
import type { DashboardOverviewResult, EntityKind, Period } from '../server/src/protocol';
import { kindLabel } from './network';
import { axisStyle, baseOption, compactNumber, escapeHtml, type ChartOption } from './option';
import { bucketsOf, describePeriod, periodLabel } from './periods';
import { tooltipStyle, type ChartTheme } from './theme';

/** Short names: the chart beside the days is narrow (the tooltip and the table say them in full). */
function shortKind(kind: EntityKind): string {
  return kind === 'person' ? l10n.t('People') : kind === 'org' ? l10n.t('Orgs') : l10n.t('Places');
}

export interface OverviewView {
  period?: Period;
  title?: string;
}

export function describeOverview(data: DashboardOverviewResult, view: OverviewView): string {
  const kinds = data.kinds.map((k) => `${k.entities} ${kindLabel(k.kind).toLowerCase()}`).join(', ');
  return l10n.t(
    '{0} articles ({1} undated) over {2} days; entities {3}: {4}; {5} unresolved relative dates; {6} skipped files.',
    data.articles,
    data.undated,
    data.days.length,
    describePeriod(view.period),
    kinds,
    data.unresolvedDates,
    data.skipped,
  );
}

/** Two charts side by side: articles per day (left), entities per type (right). */
export function overviewOption(data: DashboardOverviewResult, theme: ChartTheme, view: OverviewView): ChartOption {
  // Over more than a year, each day says its year.
  const labels = data.days.map((d) => periodLabel(d, 'day', data.days.length <= 366));
  const shaded = bucketsOf(data.days, 'day', view.period);
  const kinds = data.kinds.map((k) => shortKind(k.kind));
  const axis = axisStyle(theme);
  const top = view.title ? 40 : 12;
  return {
    ...baseOption(theme, describeOverview(data, view), view.title),
    grid: [
      { left: 40, right: '42%', top, bottom: 24 },
      { left: '72%', right: 36, top, bottom: 24 },
    ],
    tooltip: { ...tooltipStyle(theme), trigger: 'item', formatter: (params: unknown) => overviewTooltip(data, params as { seriesIndex: number; dataIndex: number }) },
    xAxis: [
      { type: 'category', gridIndex: 0, data: labels, ...axis, splitLine: { show: false } },
      { type: 'value', gridIndex: 1, minInterval: 1, ...axis, axisLabel: { ...(axis.axisLabel as object), formatter: (v: number) => compactNumber(v) } },
    ],
    yAxis: [
      { type: 'value', gridIndex: 0, minInterval: 1, name: l10n.t('articles'), ...axis },
      { type: 'category', gridIndex: 1, data: kinds, inverse: true, ...axis, splitLine: { show: false } },
    ],
    series: [
      {
        type: 'bar',
        name: l10n.t('Articles per day'),
        xAxisIndex: 0,
        yAxisIndex: 0,
        data: data.perDay,
        itemStyle: { color: theme.palette[0] },
        // One path for the bars of years of days, not thousands of shapes.
        large: data.days.length > 200,
        largeThreshold: 200,
        // Always present (empty without a period): a redraw merged into the last one then clears it.
        markArea: { silent: true, itemStyle: { color: theme.focus, opacity: theme.highContrast ? 0.35 : 0.15 }, data: shaded ? [[{ xAxis: labels[shaded[0]] }, { xAxis: labels[shaded[1]] }]] : [] },
      },
      {
        type: 'bar',
        name: l10n.t('Entities by type'),
        xAxisIndex: 1,
        yAxisIndex: 1,
        data: data.kinds.map((k) => ({ value: k.entities, itemStyle: { color: theme.kinds[k.kind as EntityKind] } })),
        label: { show: true, position: 'right', color: theme.foreground, formatter: (p: { value: unknown }) => compactNumber(Number(p.value)) },
      },
    ],
  };
}

function overviewTooltip(data: DashboardOverviewResult, params: { seriesIndex: number; dataIndex: number }): string {
  if (params.seriesIndex === 0) {
    const n = data.perDay[params.dataIndex];
    return `<b>${escapeHtml(periodLabel(data.days[params.dataIndex], 'day'))}</b><br>${escapeHtml(l10n.t('{0} articles', n.toLocaleString('en-US')))}<br><i>${escapeHtml(l10n.t('Click to list them.'))}</i>`;
  }
  const k = data.kinds[params.dataIndex];
  const counts = l10n.t('{0} entities, {1} mentions', k.entities.toLocaleString('en-US'), k.mentions.toLocaleString('en-US'));
  return `<b>${escapeHtml(kindLabel(k.kind))}</b><br>${escapeHtml(counts)}<br><i>${escapeHtml(l10n.t('Click to list them.'))}</i>`;
}
