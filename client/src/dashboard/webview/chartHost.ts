/** One ECharts instance in the page: canvas drawing, resizing, PNG/SVG export, the pixel of an element. */
import { echarts, renderSvg, type ChartOption } from '../../../../charts';

export class ChartHost {
  readonly chart: ReturnType<typeof echarts.init>;
  private option: ChartOption | undefined;

  constructor(readonly container: HTMLElement) {
    this.chart = echarts.init(container, null, { renderer: 'canvas' });
    new ResizeObserver(() => this.chart.resize()).observe(container);
  }

  /** Resolves when the chart's last drawing has finished animating (clicks land where things are). */
  settled: Promise<void> = Promise.resolve();

  /**
   * Draws an option; resolves once the first frame is painted. When the series are the same
   * kinds as the last drawing's (a period or a theme changed, not what is drawn), the option is
   * merged into it, which updates the elements in place instead of making them all again.
   */
  draw(option: ChartOption): Promise<void> {
    const kinds = (o: ChartOption | undefined) => JSON.stringify(((o?.series ?? []) as { type?: string; name?: string }[]).map((x) => [x.type, x.name]));
    const merge = this.option !== undefined && kinds(this.option) === kinds(option);
    const once = (event: 'rendered' | 'finished') =>
      new Promise<void>((resolve) => {
        const done = () => {
          this.chart.off(event, done);
          resolve();
        };
        this.chart.on(event, done);
      });
    const painted = once('rendered');
    this.settled = once('finished');
    this.option = option;
    this.chart.setOption(option, { notMerge: !merge, lazyUpdate: false });
    return painted;
  }

  get drawn(): ChartOption | undefined {
    return this.option;
  }

  /** The chart as a PNG data URL, twice the screen resolution, on the theme's background. */
  png(background: string): string {
    return this.chart.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: background });
  }

  /** The same option drawn as SVG (server-side style rendering, no DOM), at the chart's size, titled. */
  svg(option: ChartOption): string {
    return renderSvg(option, Math.max(320, this.chart.getWidth()), Math.max(240, this.chart.getHeight()));
  }

  /** Page coordinates of a point given in the chart's own coordinates. */
  pagePoint(finder: Parameters<typeof this.chart.convertToPixel>[0], value: number[] | string[] | (string | number)[]): { x: number; y: number } | undefined {
    const pixel = this.chart.convertToPixel(finder, value as number[]) as unknown as number[] | undefined;
    if (!pixel || pixel.some((v) => !Number.isFinite(v))) return undefined;
    const box = this.container.getBoundingClientRect();
    return { x: box.left + pixel[0], y: box.top + pixel[1] };
  }
}
