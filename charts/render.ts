/**
 * The ECharts build the dashboard uses: only the series, components and renderers it draws
 * with, so the webview bundle stays small. Both the webview (canvas, and SVG for saving) and
 * the command line (SVG in Node, without a DOM) draw through here.
 */
import { BarChart, GraphChart, LineChart, ScatterChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, MarkAreaComponent, TitleComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer, SVGRenderer } from 'echarts/renderers';
import type { ChartOption } from './option';

echarts.use([BarChart, LineChart, ScatterChart, GraphChart, GridComponent, TooltipComponent, LegendComponent, MarkAreaComponent, TitleComponent, AriaComponent, CanvasRenderer, SVGRenderer]);

export { echarts };

/** Draws an option as a standalone SVG document (server-side rendering: no DOM needed). */
export function renderSvg(option: ChartOption, width: number, height: number): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption({ ...option, animation: false });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}
