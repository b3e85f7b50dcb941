/** The side pane with the list behind a click: articles (open one), entities (select one), dates, files. */
import * as l10n from '@vscode/l10n';
import type { DashboardListParams, DashboardListResult } from '../../../../server/src/protocol';
import type { Context } from './context';
import { button, el, n } from './dom';
import { Latest } from './rpc';

export class ListPane {
  readonly element: HTMLElement;
  result: DashboardListResult | undefined;
  private readonly latest: Latest<'list'>;
  private readonly title: HTMLElement;
  private readonly summary: HTMLElement;
  private readonly items: HTMLElement;
  private readonly references: HTMLButtonElement;

  constructor(private readonly ctx: Context, parent: HTMLElement) {
    this.latest = new Latest(ctx.rpc, 'list');
    this.title = el('h2', { id: 'list-title', text: l10n.t('List') });
    this.summary = el('p', { class: 'caption', 'aria-live': 'polite' });
    this.items = el('ul', { class: 'items', 'aria-labelledby': 'list-title' });
    this.references = button(l10n.t('Find all references'), () => this.showReferences(), { hidden: '', title: l10n.t('Every mention of the selected entity, in the editor') });
    const close = button(l10n.t('Close'), () => this.close(), { 'aria-label': l10n.t('Close the list') });
    this.element = el('aside', { class: 'list', hidden: '', 'aria-labelledby': 'list-title' }, el('header', {}, this.title, this.references, close), this.summary, this.items);
    parent.append(this.element);
  }

  async show(params: DashboardListParams): Promise<void> {
    this.element.hidden = false;
    this.summary.textContent = l10n.t('Loading…');
    const result = await this.latest.ask(params);
    this.result = result;
    this.title.textContent = result.title;
    this.summary.textContent = result.items.length < result.total ? l10n.t('The first {0} of {1}.', n(result.items.length), n(result.total)) : l10n.t('{0} in all.', n(result.total));
    // References are offered for the list of one entity's articles.
    this.references.hidden = !(params.list === 'articles' && params.ids?.length === 1 && result.items[0]?.open);
    this.items.replaceChildren(
      ...result.items.map((item) => {
        const label = el('span', { class: 'label', text: item.label });
        const detail = el('span', { class: 'detail', text: item.detail });
        if (!item.open && !item.entity) return el('li', {}, label, detail);
        const action = button('', () => (item.open ? this.ctx.open(item.open) : this.ctx.select(item.entity!, false)), { class: 'item' });
        action.replaceChildren(label, detail);
        return el('li', {}, action);
      }),
    );
    this.ctx.changed();
  }

  close(): void {
    this.element.hidden = true;
    this.result = undefined;
    this.ctx.changed();
  }

  private showReferences(): void {
    const first = this.result?.items[0]?.open;
    if (first) this.ctx.rpc.post({ type: 'references', span: first });
  }
}
