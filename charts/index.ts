/** The dashboard's charts, drawn the same in the webview and on the command line. */
export { figuresOption, describeFigures, formatValue, boundOf, boundKey, type FiguresView } from './figures';
export { layoutNetwork, nodeSize, type Point } from './networkLayout';
export { networkOption, describeNetwork, kindLabel, kindWord, type NetworkView } from './network';
export { overviewOption, describeOverview, type OverviewView } from './overview';
export { timelineOption, describeTimeline, type TimelineView } from './timeline';
export { periodLabel, periodEnd, periodOf, bucketsOf, describePeriod } from './periods';
export { LIGHT_THEME, DARK_THEME, themeFromVariables, type ChartTheme } from './theme';
export { renderSvg, echarts } from './render';
export type { ChartOption } from './option';
