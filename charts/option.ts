/** The ECharts option type the dashboard's charts use: only the series and components registered in render.ts. */
import type { BarSeriesOption, GraphSeriesOption, LineSeriesOption, ScatterSeriesOption } from 'echarts/charts';
import type {
  AriaComponentOption,
  GridComponentOption,
  LegendComponentOption,
  MarkAreaComponentOption,
  TitleComponentOption,
  TooltipComponentOption,
} from 'echarts/components';
import type { ComposeOption } from 'echarts/core';
import type { ChartTheme } from './theme';
import { textStyle } from './theme';

export type ChartOption = ComposeOption<
  | BarSeriesOption
  | LineSeriesOption
  | ScatterSeriesOption
  | GraphSeriesOption
  | GridComponentOption
  | TooltipComponentOption
  | LegendComponentOption
  | MarkAreaComponentOption
  | TitleComponentOption
  | AriaComponentOption
>;

/** What every chart shares: background, type, accessible description, and a title when drawn for a file. */
export function baseOption(theme: ChartTheme, description: string, title?: string): ChartOption {
  return {
    backgroundColor: theme.background,
    textStyle: textStyle(theme),
    color: theme.palette,
    // ECharts writes the description into the chart's aria-label; decals tell series apart without colour.
    aria: { enabled: true, label: { description }, decal: { show: theme.highContrast } },
    title: title ? { text: title, left: 8, top: 4, textStyle: { ...textStyle(theme), fontSize: theme.fontSize + 3, fontWeight: 'bold' } } : undefined,
    animationDuration: 250,
    animationDurationUpdate: 150,
    // Charts of many elements (a day per bar over years, thousands of points) redraw without animation.
    animationThreshold: 400,
  };
}

/** Axis colours from the theme. */
export function axisStyle(theme: ChartTheme): Record<string, unknown> {
  return {
    axisLine: { lineStyle: { color: theme.lines, width: theme.highContrast ? 2 : 1 } },
    axisTick: { lineStyle: { color: theme.lines } },
    axisLabel: { color: theme.muted, fontFamily: theme.fontFamily, fontSize: theme.fontSize - 1 },
    splitLine: { lineStyle: { color: theme.lines, opacity: theme.highContrast ? 1 : 0.6 } },
    nameTextStyle: { color: theme.muted, fontFamily: theme.fontFamily },
  };
}

/** 1,234 / 1.2k / 3.4M / 5.6bn, for axes; full numbers go in tooltips and tables. */
export function compactNumber(n: number): string {
  const abs = Math.abs(n);
  if (abs >= 1e9) return `${+(n / 1e9).toFixed(1)}bn`;
  if (abs >= 1e6) return `${+(n / 1e6).toFixed(1)}M`;
  if (abs >= 1e4) return `${+(n / 1e3).toFixed(1)}k`;
  return n.toLocaleString('en-US', { maximumFractionDigits: 2 });
}

/** Escapes text for tooltips (ECharts renders tooltip strings as HTML). */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
