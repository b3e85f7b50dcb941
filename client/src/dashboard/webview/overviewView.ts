/** The overview: articles per day, entities by type, and what did not go well; each opens the list behind it. */
import * as l10n from '@vscode/l10n';
import { describeOverview, overviewOption, periodLabel, periodOf } from '../../../../charts';
import type { DashboardOverviewResult, EntityKind } from '../../../../server/src/protocol';
import type { Context } from './context';
import { button, el, n } from './dom';
import { attachRangeDrag } from './drag';
import { Panel } from './panel';
import { Latest } from './rpc';
import { renderTable } from './table';

export class OverviewView {
  readonly panel: Panel;
  data: DashboardOverviewResult | undefined;
  private readonly latest: Latest<'overview'>;
  private readonly tiles: HTMLElement;
  private cursor: number | undefined;

  constructor(private readonly ctx: Context, parent: HTMLElement) {
    this.latest = new Latest(ctx.rpc, 'overview');
    this.panel = new Panel('overview', l10n.t('Overview'), parent, ctx, () => this.data && overviewOption(this.data, ctx.theme(), { period: ctx.store.choices.period, title: l10n.t('Corpus overview') }), l10n.t('Overview'));
    this.tiles = el('div', { class: 'tiles' });
    this.panel.section.insertBefore(this.tiles, this.panel.tableBox);
    attachRangeDrag(this.panel.host, (a, b) => this.data && ctx.store.set({ period: periodOf(this.data.days, 'day', a, b) }), (i) => this.listDay(i));
    this.panel.host.chart.on('click', (params) => {
      const p = params as { seriesIndex: number; dataIndex: number };
      const kind = p.seriesIndex === 1 ? this.data?.kinds[p.dataIndex]?.kind : undefined;
      if (kind) ctx.showList({ list: 'entities', kind, period: ctx.store.choices.period });
    });
    this.panel.chartBox.addEventListener('keydown', (event) => this.key(event));
  }

  async load(): Promise<void> {
    this.data = await this.latest.ask({ period: this.ctx.store.choices.period });
    await this.render();
  }

  async render(): Promise<void> {
    const data = this.data;
    if (!data) return;
    const view = { period: this.ctx.store.choices.period };
    const painted = this.panel.host.draw(overviewOption(data, this.ctx.theme(), view));
    this.panel.describe(describeOverview(data, view));
    this.tiles.replaceChildren(
      ...data.kinds.map((k) => button(countOf(k.entities, k.kind), () => this.ctx.showList({ list: 'entities', kind: k.kind, period: this.ctx.store.choices.period }), { class: `tile kind-${k.kind}` })),
      button(data.undated === 1 ? l10n.t('1 undated article') : l10n.t('{0} undated articles', n(data.undated)), () => this.ctx.showList({ list: 'articles', undated: true }), { class: 'tile' }),
      button(data.unresolvedDates === 1 ? l10n.t('1 unresolved relative date') : l10n.t('{0} unresolved relative dates', n(data.unresolvedDates)), () => this.ctx.showList({ list: 'unresolved' }), { class: 'tile' }),
      button(data.skipped === 1 ? l10n.t('1 skipped file') : l10n.t('{0} skipped files', n(data.skipped)), () => this.ctx.showList({ list: 'skipped' }), { class: 'tile' }),
    );
    const articles = articlesCount(data.articles);
    this.panel.setCaption(
      this.ctx.store.choices.period
        ? l10n.t('{0}; entities counted in the period. Click a day, a type or a count for the list behind it; drag across days to choose a period.', articles)
        : l10n.t('{0}; entities counted over all dates. Click a day, a type or a count for the list behind it; drag across days to choose a period.', articles),
    );
    this.panel.setTable(() => this.table());
    await painted;
  }

  private listDay(index: number): void {
    const data = this.data;
    if (!data || index < 0 || index >= data.days.length) return;
    this.ctx.showList({ list: 'articles', period: { from: data.days[index], to: data.days[index] } });
  }

  private table(): void {
    const data = this.data!;
    const rows = data.days.flatMap((day, i) => (data.perDay[i] > 0 ? [{ cells: [periodLabel(day, 'day'), data.perDay[i]], action: { label: l10n.t('List articles'), run: () => this.listDay(i) } }] : []));
    renderTable(this.panel.tableBox, l10n.t('Articles per day (days with articles; {0} undated)', n(data.undated)), [l10n.t('Day'), l10n.t('Articles')], rows);
  }

  /** Arrows go through the days, Enter lists the day's articles. */
  private key(event: KeyboardEvent): void {
    const data = this.data;
    if (!data || data.days.length === 0) return;
    const move = { ArrowLeft: -1, ArrowRight: 1, Home: -Infinity, End: Infinity }[event.key];
    if (move !== undefined) {
      event.preventDefault();
      const last = data.days.length - 1;
      this.cursor = Math.max(0, Math.min(last, (this.cursor ?? (move > 0 ? -1 : last + 1)) + move));
      this.panel.host.chart.dispatchAction({ type: 'showTip', seriesIndex: 0, dataIndex: this.cursor });
      this.panel.setCaption(l10n.t('{0}: {1}. Enter lists them.', periodLabel(data.days[this.cursor], 'day'), articlesCount(data.perDay[this.cursor])));
    } else if (event.key === 'Enter' && this.cursor !== undefined) {
      event.preventDefault();
      this.listDay(this.cursor);
    }
  }
}

/** "1 person", "12 people", "3 organizations". */
function countOf(count: number, kind: EntityKind): string {
  const one = count === 1;
  if (kind === 'person') return one ? l10n.t('1 person') : l10n.t('{0} people', n(count));
  if (kind === 'org') return one ? l10n.t('1 organization') : l10n.t('{0} organizations', n(count));
  return one ? l10n.t('1 place') : l10n.t('{0} places', n(count));
}

/** "1 article", "1,204 articles". */
function articlesCount(count: number): string {
  return count === 1 ? l10n.t('1 article') : l10n.t('{0} articles', n(count));
}
