/** A dashboard section: title, controls, the chart (or its table), a caption, and Save as SVG / PNG. */
import * as l10n from '@vscode/l10n';
import type { ChartOption } from '../../../../charts';
import { ChartHost } from './chartHost';
import { button, el } from './dom';
import type { Context } from './context';

export class Panel {
  readonly section: HTMLElement;
  readonly controls: HTMLElement;
  readonly host: ChartHost;
  readonly tableBox: HTMLElement;
  private readonly caption: HTMLElement;
  private readonly tableToggle: HTMLButtonElement;

  constructor(
    readonly id: string,
    readonly title: string,
    parent: HTMLElement,
    private readonly ctx: Context,
    /** The chart as drawn for a file: titled, in the current theme. */
    private readonly exportOption: () => ChartOption | undefined,
    chartLabel: string,
  ) {
    const heading = el('h2', { id: `${id}-title`, text: title });
    this.controls = el('div', { class: 'controls' });
    const what = title.toLowerCase();
    this.tableToggle = button(l10n.t('Table'), () => this.ctx.store.set({ tables: toggled(this.ctx.store.choices.tables, id) }), { 'aria-pressed': 'false', title: l10n.t('Show the {0} as a table', what) });
    const actions = el(
      'div',
      { class: 'actions' },
      this.tableToggle,
      button('SVG', () => this.save('svg'), { title: l10n.t('Save the {0} as SVG', what) }),
      button('PNG', () => this.save('png'), { title: l10n.t('Save the {0} as PNG', what) }),
    );
    const chartBox = el('div', { class: 'chart', id: `${id}-chart`, tabindex: '0', role: 'img', 'aria-label': chartLabel });
    this.tableBox = el('div', { class: 'table', id: `${id}-table`, hidden: '' });
    this.caption = el('p', { class: 'caption', 'aria-live': 'polite' });
    this.section = el('section', { class: `panel ${id}`, 'aria-labelledby': heading.id }, el('header', {}, heading, this.controls, actions), chartBox, this.tableBox, this.caption);
    parent.append(this.section);
    this.host = new ChartHost(chartBox);
  }

  get chartBox(): HTMLElement {
    return this.host.container;
  }

  private buildTable: (() => void) | undefined;

  /**
   * The table of what the chart shows, built when it is on screen: a table of 5,000 figures
   * nobody opened would cost more than the chart.
   */
  setTable(build: () => void): void {
    this.buildTable = build;
    if (!this.tableBox.hidden) build();
  }

  /** Shows the table or the chart, as the reader chose. */
  showTable(on: boolean): void {
    if (on && this.tableBox.hidden) this.buildTable?.();
    this.tableBox.hidden = !on;
    this.chartBox.hidden = on;
    this.tableToggle.setAttribute('aria-pressed', String(on));
    this.tableToggle.textContent = on ? l10n.t('Chart') : l10n.t('Table');
    if (!on) this.host.chart.resize();
  }

  setCaption(text: string): void {
    this.caption.textContent = text;
  }

  /** Keeps the chart's accessible name current (what it shows, in a sentence). */
  describe(text: string): void {
    this.chartBox.setAttribute('aria-label', l10n.t('{0}: {1} Press Tab to reach the table button; arrow keys move through the chart.', this.title, text));
  }

  private save(format: 'svg' | 'png'): void {
    const option = this.exportOption();
    if (!option) return;
    const name = `corpus-lens-${this.id}`;
    if (format === 'svg') this.ctx.rpc.post({ type: 'save', format, name, data: this.host.svg(option) });
    else this.ctx.rpc.post({ type: 'save', format, name, data: this.host.png(this.ctx.theme().background) });
  }
}

function toggled(list: readonly string[], id: string): string[] {
  return list.includes(id) ? list.filter((x) => x !== id) : [...list, id];
}
