/** The timeline panel: mentions per period of the selected entities; drag to choose a period, click to list its articles. */
import * as l10n from '@vscode/l10n';
import { describeTimeline, periodLabel, periodOf, timelineOption, type TimelineView as Options } from '../../../../charts';
import type { Bucket, DashboardTimelineResult } from '../../../../server/src/protocol';
import type { Context } from './context';
import { el } from './dom';
import { attachRangeDrag } from './drag';
import { Panel } from './panel';
import { Latest } from './rpc';
import { renderTable } from './table';

export class TimelineView {
  readonly panel: Panel;
  data: DashboardTimelineResult | undefined;
  private readonly latest: Latest<'timeline'>;
  private cursor: number | undefined;
  private anchor: number | undefined;

  constructor(private readonly ctx: Context, parent: HTMLElement) {
    this.latest = new Latest(ctx.rpc, 'timeline');
    this.panel = new Panel('timeline', l10n.t('Timeline'), parent, ctx, () => this.data && timelineOption(this.data, ctx.theme(), { ...this.options(), cursor: undefined, title: this.title() }), l10n.t('Timeline'));
    const mode = el('select', { 'aria-label': l10n.t('Stacked or overlaid') });
    mode.append(el('option', { value: 'stacked', text: l10n.t('Stacked') }), el('option', { value: 'overlaid', text: l10n.t('Overlaid') }));
    mode.value = ctx.store.choices.mode;
    mode.addEventListener('change', () => ctx.store.set({ mode: mode.value === 'overlaid' ? 'overlaid' : 'stacked' }));
    this.panel.controls.append(mode);
    attachRangeDrag(this.panel.host, (a, b) => this.choose(a, b), (i) => this.listPeriod(i));
    this.panel.chartBox.addEventListener('keydown', (event) => this.key(event));
  }

  async load(): Promise<void> {
    this.data = await this.latest.ask({ ids: this.ctx.store.choices.selected });
    this.cursor = undefined;
    await this.render();
  }

  async render(): Promise<void> {
    const data = this.data;
    if (!data) return;
    const options = this.options();
    const painted = this.panel.host.draw(timelineOption(data, this.ctx.theme(), options));
    this.panel.describe(describeTimeline(data, options));
    const undated = data.series.filter((s) => s.undated > 0).map((s) => l10n.t('{0}: {1} undated', s.name, s.undated));
    const what = perBucket(data.bucket, data.series.length > 0);
    const caption = [
      undated.length ? l10n.t('{0} ({1}, not drawn).', what, undated.join('; ')) : `${what}.`,
      l10n.t('Drag across periods to filter the other views; click a period to list its articles.'),
      ...(data.unknown.length ? [l10n.t('Not in the corpus: {0}.', data.unknown.join(', '))] : []),
    ];
    this.panel.setCaption(caption.join(' '));
    this.panel.setTable(() => this.table());
    await painted;
  }

  private options(): Options {
    return { mode: this.ctx.store.choices.mode, period: this.ctx.store.choices.period, cursor: this.cursor };
  }

  private title(): string {
    const data = this.data!;
    const what = perBucket(data.bucket, data.series.length > 0);
    return data.series.length ? `${what}: ${data.series.map((s) => s.name).join(', ')}` : what;
  }

  private table(): void {
    const data = this.data!;
    const columns = [l10n.t('Period'), l10n.t('Articles in the corpus'), ...data.series.map((s) => l10n.t('{0} (mentions / articles)', s.name))];
    const rows = data.periods.map((p, i) => ({
      cells: [periodLabel(p, data.bucket), data.articles[i], ...data.series.map((s) => `${s.mentions[i]} / ${s.articles[i]}`)],
      action: { label: l10n.t('List articles'), run: () => this.listPeriod(i) },
    }));
    renderTable(this.panel.tableBox, this.title(), columns, rows);
  }

  private choose(first: number, last: number): void {
    const data = this.data;
    if (!data || data.periods.length === 0) return;
    this.ctx.store.set({ period: periodOf(data.periods, data.bucket, first, last) });
  }

  private listPeriod(index: number): void {
    const data = this.data;
    if (!data || index < 0 || index >= data.periods.length) return;
    this.ctx.showList({ list: 'articles', ids: data.series.map((s) => s.id), period: periodOf(data.periods, data.bucket, index, index) });
  }

  /** Arrows move through the periods, Shift+arrows stretch a period, Enter lists or chooses, Escape clears. */
  private key(event: KeyboardEvent): void {
    const data = this.data;
    if (!data || data.periods.length === 0) return;
    const last = data.periods.length - 1;
    const move = { ArrowLeft: -1, ArrowRight: 1, Home: -Infinity, End: Infinity }[event.key];
    if (move !== undefined) {
      event.preventDefault();
      if (event.shiftKey && this.anchor === undefined) this.anchor = this.cursor ?? 0;
      if (!event.shiftKey) this.anchor = undefined;
      this.cursor = Math.max(0, Math.min(last, (this.cursor ?? (move > 0 ? -1 : last + 1)) + move));
      void this.render();
      this.panel.host.chart.dispatchAction({ type: 'showTip', seriesIndex: 0, dataIndex: this.cursor });
    } else if (event.key === 'Enter' && this.cursor !== undefined) {
      event.preventDefault();
      if (this.anchor !== undefined) this.choose(this.anchor, this.cursor);
      else this.listPeriod(this.cursor);
      this.anchor = undefined;
    } else if (event.key === 'Escape') {
      this.anchor = undefined;
      this.ctx.store.set({ period: undefined });
    }
  }
}

/** "Mentions per week", "Articles per day": whole phrases, so that a translation can inflect them. */
function perBucket(bucket: Bucket, mentions: boolean): string {
  if (mentions) return bucket === 'day' ? l10n.t('Mentions per day') : bucket === 'week' ? l10n.t('Mentions per week') : l10n.t('Mentions per month');
  return bucket === 'day' ? l10n.t('Articles per day') : bucket === 'week' ? l10n.t('Articles per week') : l10n.t('Articles per month');
}
