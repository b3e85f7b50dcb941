/** Figures over time: a measure's values by article date, disagreeing ones marked; click a point to open it. */
import * as l10n from '@vscode/l10n';
import { boundKey, describeFigures, figuresOption, formatValue, periodLabel } from '../../../../charts';
import type { DashboardFiguresResult } from '../../../../server/src/protocol';
import type { Context } from './context';
import { el, n } from './dom';
import { Panel } from './panel';
import { Latest } from './rpc';
import { renderTable } from './table';

export class FiguresView {
  readonly panel: Panel;
  data: DashboardFiguresResult | undefined;
  private readonly latest: Latest<'figures'>;
  private readonly measure: HTMLSelectElement;
  private cursor: number | undefined;

  constructor(private readonly ctx: Context, parent: HTMLElement) {
    this.latest = new Latest(ctx.rpc, 'figures');
    this.panel = new Panel('figures', l10n.t('Figures over time'), parent, ctx, () => this.data && figuresOption(this.data, ctx.theme(), { period: ctx.store.choices.period, title: l10n.t('Figures over time: {0}', this.data.measure) }), l10n.t('Figures over time'));
    this.measure = el('select', { 'aria-label': l10n.t('Measure (what the figures count)') });
    this.measure.addEventListener('change', () => ctx.store.set({ measure: this.measure.value }));
    this.panel.controls.append(this.measure, el('span', { class: 'key', text: boundKey().join('  '), title: l10n.t('How the approximator before a figure bounds it') }));
    this.panel.host.chart.on('click', (params) => {
      const index = (params as { data?: unknown[] }).data?.[2] as number | undefined;
      const point = index === undefined ? undefined : this.data?.points[index];
      if (point) ctx.open(point.figure);
    });
    this.panel.chartBox.addEventListener('keydown', (event) => this.key(event));
  }

  async load(): Promise<void> {
    const { measure, period } = this.ctx.store.choices;
    this.data = await this.latest.ask({ measure, period });
    this.cursor = undefined;
    this.measure.replaceChildren(...this.data.measures.map((m) => el('option', { value: m.measure, text: l10n.t('{0} ({1} articles)', m.measure, n(m.articles)) })));
    this.measure.value = this.data.measure;
    await this.render();
  }

  async render(): Promise<void> {
    const data = this.data;
    if (!data) return;
    const view = { period: this.ctx.store.choices.period, cursor: this.cursor };
    const painted = this.panel.host.draw(figuresOption(data, this.ctx.theme(), view));
    this.panel.describe(describeFigures(data, view));
    const disagreeing = data.points.filter((p) => p.disagrees).length;
    const shown = data.sampled ? l10n.t('{0} of {1} articles (every disagreeing one, an even sample of the rest)', n(data.points.length), n(data.total)) : l10n.t('{0} articles', n(data.total));
    const undated = data.undated ? l10n.t(', {0} undated not drawn', n(data.undated)) : '';
    this.panel.setCaption(
      l10n.t(
        'One point per article (its first “{0}” figure): {1}{2}. {3} under half or over double the median of the other articles of their week. Click a point to open the article at the figure.',
        data.measure,
        shown,
        undated,
        n(disagreeing),
      ),
    );
    this.panel.setTable(() => this.table());
    await painted;
  }

  private table(): void {
    const data = this.data!;
    const rows = data.points.map((p) => ({
      cells: [periodLabel(p.date, 'day'), formatValue(p, data.unit), p.text, p.file, p.weekMedian === undefined ? '' : n(p.weekMedian), p.disagrees ? l10n.t('disagrees') : ''],
      action: { label: l10n.t('Open'), run: () => this.ctx.open(p.figure) },
    }));
    const columns = [l10n.t('Date'), l10n.t('Value'), l10n.t('As written'), l10n.t('Article'), l10n.t('Week median (others)'), l10n.t('Disagrees')];
    renderTable(this.panel.tableBox, l10n.t('Figures of {0} by article date', data.measure), columns, rows);
  }

  /** Arrows go through the points in date order; Enter opens the article at the figure. */
  private key(event: KeyboardEvent): void {
    const data = this.data;
    if (!data || data.points.length === 0) return;
    const move = { ArrowLeft: -1, ArrowRight: 1, Home: -Infinity, End: Infinity }[event.key];
    if (move !== undefined) {
      event.preventDefault();
      const last = data.points.length - 1;
      this.cursor = Math.max(0, Math.min(last, (this.cursor ?? (move > 0 ? -1 : last + 1)) + move));
      const point = data.points[this.cursor];
      void this.render();
      const where = [periodLabel(point.date, 'day'), formatValue(point, data.unit), point.text, point.file] as const;
      this.panel.setCaption(point.disagrees ? l10n.t('{0}: {1} (“{2}”) in {3}, disagrees with its week. Enter opens it.', ...where) : l10n.t('{0}: {1} (“{2}”) in {3}. Enter opens it.', ...where));
    } else if (event.key === 'Enter' && this.cursor !== undefined) {
      event.preventDefault();
      this.ctx.open(data.points[this.cursor].figure);
    }
  }
}
