/** The network panel: the most-reported entities and who shares articles with whom; click a node to select it everywhere. */
import * as l10n from '@vscode/l10n';
import { describeNetwork, kindLabel, kindWord, layoutNetwork, networkOption, type Point } from '../../../../charts';
import type { DashboardNetworkResult, EntityKind } from '../../../../server/src/protocol';
import type { Context } from './context';
import { el, n } from './dom';
import { Panel } from './panel';
import { Latest } from './rpc';
import { renderTable } from './table';

const KINDS: EntityKind[] = ['person', 'org', 'place'];

export class NetworkView {
  readonly panel: Panel;
  data: DashboardNetworkResult | undefined;
  positions: Point[] = [];
  private readonly latest: Latest<'network'>;
  private readonly placed = new Map<string, Point>();
  private cursor: number | undefined;

  constructor(private readonly ctx: Context, parent: HTMLElement) {
    this.latest = new Latest(ctx.rpc, 'network');
    this.panel = new Panel('network', l10n.t('Network'), parent, ctx, () => this.data && networkOption(this.data, ctx.theme(), { positions: this.positions, selected: new Set(ctx.store.choices.selected), period: ctx.store.choices.period, title: l10n.t('Entities mentioned together') }), l10n.t('Network'));
    const kinds = el('fieldset', { class: 'kinds' }, el('legend', { class: 'visually-hidden', text: l10n.t('Entity types') }));
    for (const kind of KINDS) {
      const box = el('input', { type: 'checkbox', value: kind, id: `kind-${kind}` });
      box.checked = ctx.store.choices.kinds.includes(kind);
      box.addEventListener('change', () => {
        const chosen = KINDS.filter((k) => (document.getElementById(`kind-${k}`) as HTMLInputElement).checked);
        ctx.store.set({ kinds: chosen.length ? chosen : KINDS });
      });
      kinds.append(el('label', { for: box.id }, box, el('span', { class: `swatch ${kind}`, 'aria-hidden': 'true' }), kindLabel(kind)));
    }
    const size = el('input', { type: 'range', min: '10', max: '300', step: '10', value: String(ctx.store.choices.size), 'aria-label': l10n.t('Number of entities in the network'), id: 'network-size' });
    const sizeText = el('output', { for: 'network-size', text: String(ctx.store.choices.size) });
    size.addEventListener('input', () => (sizeText.textContent = size.value));
    size.addEventListener('change', () => ctx.store.set({ size: Number(size.value) }));
    this.panel.controls.append(kinds, el('label', { class: 'size' }, l10n.t('Nodes') + ' ', size, sizeText));
    this.panel.host.chart.on('click', (params) => {
      const p = params as { dataType?: string; dataIndex: number; event?: { event?: MouseEvent } };
      const node = p.dataType === 'node' ? this.data?.nodes[p.dataIndex] : undefined;
      if (node) ctx.select(node.id, !!(p.event?.event?.ctrlKey || p.event?.event?.metaKey || p.event?.event?.shiftKey));
    });
    this.panel.chartBox.addEventListener('keydown', (event) => this.key(event));
  }

  async load(): Promise<void> {
    const { kinds, period, size } = this.ctx.store.choices;
    this.data = await this.latest.ask({ kinds, period, size });
    // Where nodes were: a filter change moves the picture a little, not all over.
    this.positions = layoutNetwork(this.data.nodes, this.data.edges, this.placed, this.aspect());
    this.data.nodes.forEach((node, i) => this.placed.set(node.id, this.positions[i]));
    this.cursor = undefined;
    await this.render();
  }

  async render(): Promise<void> {
    const data = this.data;
    if (!data) return;
    const view = { positions: this.positions, selected: new Set(this.ctx.store.choices.selected), cursor: this.cursor, period: this.ctx.store.choices.period };
    const painted = this.panel.host.draw(networkOption(data, this.ctx.theme(), view));
    this.panel.describe(describeNetwork(data, view));
    this.panel.setCaption(
      l10n.t(
        'The {0} most-reported of {1} entities in {2} articles; {3} strongest of {4} links. Node size: articles; link width: shared articles. Click a node to select it (Ctrl+click adds it).',
        n(data.nodes.length),
        n(data.totalEntities),
        n(data.articles),
        n(data.edges.length),
        n(data.totalEdges),
      ),
    );
    this.panel.setTable(() => this.table());
    await painted;
  }

  private aspect(): number {
    const box = this.panel.chartBox.getBoundingClientRect();
    return box.width > 0 && box.height > 0 ? box.width / box.height : 1.5;
  }

  private table(): void {
    const data = this.data!;
    const links = data.nodes.map(() => [] as { other: number; articles: number }[]);
    for (const e of data.edges) {
      links[e.source].push({ other: e.target, articles: e.articles });
      links[e.target].push({ other: e.source, articles: e.articles });
    }
    const rows = data.nodes.map((node, i) => ({
      cells: [
        node.name,
        kindWord(node.kind),
        node.articles,
        node.mentions,
        links[i]
          .sort((a, b) => b.articles - a.articles)
          .slice(0, 3)
          .map((l) => `${data.nodes[l.other].name} (${l.articles})`)
          .join(', '),
      ],
      action: { label: l10n.t('Select'), run: () => this.ctx.select(node.id, false) },
    }));
    const columns = [l10n.t('Entity'), l10n.t('Type'), l10n.t('Articles'), l10n.t('Mentions'), l10n.t('Most often with (shared articles)')];
    renderTable(this.panel.tableBox, l10n.t('Most-reported entities and their strongest links'), columns, rows);
  }

  /** Arrows go through the nodes, most reported first; Enter selects. */
  private key(event: KeyboardEvent): void {
    const data = this.data;
    if (!data || data.nodes.length === 0) return;
    const move = { ArrowLeft: -1, ArrowUp: -1, ArrowRight: 1, ArrowDown: 1, Home: -Infinity, End: Infinity }[event.key];
    if (move !== undefined) {
      event.preventDefault();
      const last = data.nodes.length - 1;
      this.cursor = Math.max(0, Math.min(last, (this.cursor ?? (move > 0 ? -1 : last + 1)) + move));
      void this.render().then(() => this.panel.host.chart.dispatchAction({ type: 'showTip', seriesIndex: 0, dataIndex: this.cursor }));
    } else if (event.key === 'Enter' && this.cursor !== undefined) {
      event.preventDefault();
      this.ctx.select(data.nodes[this.cursor].id, event.ctrlKey || event.metaKey || event.shiftKey);
    }
  }
}
