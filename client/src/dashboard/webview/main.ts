/**
 * The dashboard in the webview: four views over the corpus that filter each other (a period
 * brushed on the timeline or the overview filters the network, the figures and the overview's
 * counts; an entity clicked in the network is selected everywhere), the list behind every
 * click, and the reader's choices kept across reloads.
 */
import './dashboard.css';
// First: the reader's language is set before any view (or chart module) says a word.
import './locale';
import * as l10n from '@vscode/l10n';
import { describePeriod, LIGHT_THEME, DARK_THEME, themeFromVariables, type ChartTheme } from '../../../../charts';
import type { DashboardListParams } from '../../../../server/src/protocol';
import type { DashboardFocus, DashboardReport } from '../messages';
import type { Context } from './context';
import { button, el } from './dom';
import { FiguresView } from './figuresView';
import { ListPane } from './listPane';
import { NetworkView } from './networkView';
import { OverviewView } from './overviewView';
import { Rpc, Superseded } from './rpc';
import { Store, type Change } from './store';
import { TimelineView } from './timelineView';

const rpc = new Rpc();
const store = new Store(rpc.api.getState(), (choices) => rpc.api.setState(choices));
let theme = readTheme();
let firstPaintMs: number | undefined;
let lastUpdateMs: number | undefined;
const names = new Map<string, string>();

function readTheme(): ChartTheme {
  const classes = document.body.classList;
  const dark = classes.contains('vscode-dark') || classes.contains('vscode-high-contrast');
  const style = getComputedStyle(document.documentElement);
  return themeFromVariables((name) => style.getPropertyValue(name), classes.contains('vscode-high-contrast') || classes.contains('vscode-high-contrast-light'), dark ? DARK_THEME : LIGHT_THEME);
}

const app = document.getElementById('app')!;
const initialFocus = parseFocus(app.dataset.focus);
app.className = 'dashboard';
app.removeAttribute('aria-busy');
app.textContent = '';

const selection = el('ul', { class: 'selection', 'aria-label': l10n.t('Selected entities') });
const search = el('input', { type: 'search', list: 'entity-options', placeholder: l10n.t('Add an entity to the timeline…'), 'aria-label': l10n.t('Add an entity to the timeline') });
const options = el('datalist', { id: 'entity-options' });
const periodText = el('span', { class: 'period-text', 'aria-live': 'polite' });
const clearPeriod = button(l10n.t('Clear period'), () => store.set({ period: undefined }));
const top = el('header', { class: 'top' }, el('h1', { text: 'Corpus Lens' }), selection, search, options, el('div', { class: 'period' }, l10n.t('Period:') + ' ', periodText, clearPeriod));
const grid = el('main', { class: 'grid' });
app.append(top, el('div', { class: 'body' }, grid));

const ctx: Context = {
  rpc,
  store,
  theme: () => theme,
  open: (span) => rpc.post({ type: 'open', span }),
  showList: (params: DashboardListParams) => void list.show(params).catch(failed(list.element)),
  select(id, add) {
    const current = store.choices.selected;
    const selected = add ? (current.includes(id) ? current.filter((x) => x !== id) : [...current, id]) : [id];
    store.set({ selected });
    // Its articles, with the way to every mention.
    if (selected.includes(id)) ctx.showList({ list: 'articles', ids: [id], period: store.choices.period });
  },
  changed: () => report(),
};

const timeline = new TimelineView(ctx, grid);
const network = new NetworkView(ctx, grid);
const figures = new FiguresView(ctx, grid);
const overview = new OverviewView(ctx, grid);
const list = new ListPane(ctx, app.querySelector('.body')!);
const panels = [timeline.panel, network.panel, figures.panel, overview.panel];

function failed(where: HTMLElement): (error: unknown) => void {
  return (error) => {
    if (error instanceof Superseded) return;
    const message = error instanceof Error ? error.message : String(error);
    where.querySelector('.caption')!.textContent = l10n.t('Could not load: {0}', message);
  };
}

/** Reloads what a change affects; resolves once every affected view is drawn again. */
async function apply(changed: ReadonlySet<Change | 'all'>): Promise<void> {
  const all = changed.has('all');
  const work: Promise<void>[] = [];
  const run = (view: { load(): Promise<void>; panel: { section: HTMLElement } }) => work.push(view.load().catch(failed(view.panel.section)));
  const redraw = (view: { render(): Promise<void> }) => work.push(view.render());
  if (all || changed.has('selected')) run(timeline);
  else if (changed.has('mode') || changed.has('period')) redraw(timeline);
  if (all || changed.has('period') || changed.has('kinds') || changed.has('size')) run(network);
  else if (changed.has('selected')) redraw(network);
  if (all || changed.has('period') || changed.has('measure')) run(figures);
  if (all || changed.has('period')) run(overview);
  if (all || changed.has('tables')) panels.forEach((p) => p.showTable(store.choices.tables.includes(p.id)));
  showChoices();
  await Promise.all(work);
}

function showChoices(): void {
  const { selected, period } = store.choices;
  periodText.textContent = describePeriod(period);
  clearPeriod.disabled = !period;
  for (const s of timeline.data?.series ?? []) names.set(s.id, s.name);
  for (const node of network.data?.nodes ?? []) names.set(node.id, node.name);
  selection.replaceChildren(
    ...selected.map((id) => {
      const name = names.get(id) ?? id;
      return el('li', {}, button(`${name} ×`, () => store.set({ selected: selected.filter((x) => x !== id) }), { 'aria-label': l10n.t('Remove {0} from the selection', name) }));
    }),
  );
}

/** Marks the page busy while views reload and animate (tests and screen readers wait for it). */
let pending = 0;
function busy<T>(work: Promise<T>): Promise<T> {
  pending++;
  document.body.dataset.busy = 'true';
  grid.setAttribute('aria-busy', 'true');
  return work.finally(async () => {
    await Promise.all(panels.map((p) => p.host.settled));
    if (--pending > 0) return;
    delete document.body.dataset.busy;
    grid.removeAttribute('aria-busy');
  });
}

store.subscribe((changed) => {
  const started = performance.now();
  void busy(
    apply(changed).then(() => {
      lastUpdateMs = performance.now() - started;
      showChoices();
      report();
    }),
  );
});

// Entity search: names offered as the reader types, picked by name.
let offered: { id: string; name: string }[] = [];
search.addEventListener('input', () => {
  const filter = search.value.trim();
  if (filter.length < 2) return;
  void rpc.request('search', { filter, limit: 20 }).result.then((found) => {
    offered = found;
    options.replaceChildren(...found.map((f) => el('option', { value: f.name, text: `${f.name} · ${f.detail}` })));
  }, () => undefined);
});
search.addEventListener('change', () => {
  const hit = offered.find((o) => o.name.toLowerCase() === search.value.trim().toLowerCase());
  if (!hit) return;
  names.set(hit.id, hit.name);
  search.value = '';
  ctx.select(hit.id, true);
});

/** Shows an entity the reader asked for from the editor (hover link, Corpus Entities view). */
function focusOn(focus: DashboardFocus): void {
  if (focus.ids.length) store.set({ selected: focus.ids });
  const panel = focus.view === 'network' ? network.panel : timeline.panel;
  panel.section.scrollIntoView({ block: 'nearest' });
  panel.chartBox.focus();
  if (focus.ids.length === 1) ctx.showList({ list: 'articles', ids: focus.ids, period: store.choices.period });
}

rpc.onMessage((message) => {
  if (message.type === 'focus') focusOn(message.focus);
  else if (message.type === 'refresh') void apply(new Set(['all'])).then(report);
});

// Theme changes (light, dark, high contrast) redraw with the new colours, without asking again.
new MutationObserver(() => {
  theme = readTheme();
  void Promise.all([timeline.render(), network.render(), figures.render(), overview.render()]);
}).observe(document.body, { attributes: true, attributeFilter: ['class'] });

function report(): void {
  const r: DashboardReport = {
    selected: [...store.choices.selected],
    period: store.choices.period,
    firstPaintMs,
    lastUpdateMs,
    listTitle: list.element.hidden ? undefined : list.result?.title,
    networkNodes: network.data?.nodes.length ?? 0,
    figurePoints: figures.data?.points.length ?? 0,
    timelineSeries: timeline.data?.series.map((s) => s.name) ?? [],
  };
  rpc.post({ type: 'report', report: r });
}

/**
 * For automation (the end-to-end tests and the benchmark): where on the page a period, a node
 * or a figure is drawn, so that a test can drag and click the way a reader does.
 */
(window as unknown as { corpusLensDashboard: unknown }).corpusLensDashboard = {
  pointOf(view: 'timeline' | 'network' | 'figures' | 'overview', index: number): { x: number; y: number } | undefined {
    // Scrolled into view first (a narrow dashboard shows one view under the other).
    ({ timeline, network, figures, overview })[view].panel.chartBox.scrollIntoView({ block: 'nearest' });
    if (view === 'timeline') return timeline.panel.host.pagePoint({ xAxisIndex: 0, yAxisIndex: 0 }, [index, 0]);
    if (view === 'overview') return overview.panel.host.pagePoint({ xAxisIndex: 0, yAxisIndex: 0 }, [index, 0]);
    if (view === 'network') return network.panel.host.pagePoint({ seriesIndex: 0 }, [network.positions[index]?.x, network.positions[index]?.y]);
    const p = figures.data?.points[index];
    return p && figures.panel.host.pagePoint({ xAxisIndex: 0, yAxisIndex: 0 }, [p.date, p.value]);
  },
  data: () => ({ timeline: timeline.data, network: network.data, figures: figures.data, overview: overview.data, list: list.element.hidden ? undefined : list.result }),
};

function parseFocus(text: string | undefined): DashboardFocus | undefined {
  try {
    const focus = JSON.parse(text ?? 'null') as DashboardFocus | null;
    return focus && Array.isArray(focus.ids) ? focus : undefined;
  } catch {
    return undefined;
  }
}

rpc.post({ type: 'ready' });
if (initialFocus?.ids.length) store.set({ selected: initialFocus.ids }, false);
void busy(
  apply(new Set(['all'])).then(() => {
    firstPaintMs = performance.now();
    document.body.dataset.ready = 'true';
    showChoices();
    if (initialFocus) focusOn({ ids: [], view: initialFocus.view });
    if (initialFocus?.ids.length === 1) ctx.showList({ list: 'articles', ids: initialFocus.ids, period: store.choices.period });
    report();
  }),
);
