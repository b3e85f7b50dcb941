/** The network: most-reported entities as nodes sized by articles, links weighted by shared articles. */
import * as l10n from '@vscode/l10n';
import type { DashboardNetworkResult, EntityKind, Period } from '../server/src/protocol';
import { nodeSize, type Point } from './networkLayout';
import { baseOption, escapeHtml, type ChartOption } from './option';
import { describePeriod } from './periods';
import { textStyle, tooltipStyle, type ChartTheme } from './theme';

/** "People", "Organizations", "Places", in the reader's language (asked when drawn, after the webview set it). */
export function kindLabel(kind: EntityKind): string {
  return kind === 'person' ? l10n.t('People') : kind === 'org' ? l10n.t('Organizations') : l10n.t('Places');
}

/** "person", "organization", "place". */
export function kindWord(kind: EntityKind): string {
  return kind === 'person' ? l10n.t('person') : kind === 'org' ? l10n.t('organization') : l10n.t('place');
}
const KINDS: EntityKind[] = ['person', 'org', 'place'];

export interface NetworkView {
  positions: Point[];
  /** Ids of selected entities, outlined. */
  selected?: ReadonlySet<string>;
  /** Index of the node under the keyboard cursor. */
  cursor?: number;
  period?: Period;
  /** Labels on the most-reported nodes (the rest on hover). */
  labels?: number;
  title?: string;
}

export function describeNetwork(data: DashboardNetworkResult, view: NetworkView): string {
  const top = data.nodes.slice(0, 5).map((n) => `${n.name} (${n.articles})`).join(', ');
  return l10n.t(
    'Network of the {0} most-reported of {1} entities in {2} articles, {3}, with {4} links of {5}. Most reported: {6}.',
    data.nodes.length,
    data.totalEntities,
    data.articles,
    describePeriod(view.period),
    data.edges.length,
    data.totalEdges,
    top || l10n.t('none'),
  );
}

export function networkOption(data: DashboardNetworkResult, theme: ChartTheme, view: NetworkView): ChartOption {
  const max = data.nodes.reduce((m, n) => Math.max(m, n.articles), 1);
  const maxShared = data.edges.reduce((m, e) => Math.max(m, e.articles), 1);
  const labelled = view.labels ?? 25;
  const nodes = data.nodes.map((n, i) => {
    const selected = view.selected?.has(n.id) || view.cursor === i;
    return {
      id: String(i),
      name: n.name,
      value: n.articles,
      category: KINDS.indexOf(n.kind),
      x: view.positions[i]?.x ?? 0,
      y: view.positions[i]?.y ?? 0,
      symbolSize: nodeSize(n.articles, max),
      label: { show: i < labelled || selected },
      itemStyle: selected ? { borderColor: theme.focus, borderWidth: 4 } : theme.highContrast ? { borderColor: theme.foreground, borderWidth: 1 } : undefined,
    };
  });
  const links = data.edges.map((e) => ({
    source: String(e.source),
    target: String(e.target),
    value: e.articles,
    lineStyle: { width: 0.6 + 4 * (e.articles / maxShared), opacity: theme.highContrast ? 0.9 : 0.15 + 0.5 * (e.articles / maxShared) },
  }));
  const base = baseOption(theme, describeNetwork(data, view), view.title);
  return {
    ...base,
    // The key of colours: in the picture when it is drawn for a file; the webview's type checkboxes carry it.
    legend: view.title ? { data: KINDS.map(kindLabel), top: 30, left: 8, itemGap: 20, textStyle: { color: theme.foreground }, selectedMode: false } : undefined,
    tooltip: {
      ...tooltipStyle(theme),
      trigger: 'item',
      formatter: (params: unknown) => networkTooltip(data, params as { dataType: string; dataIndex: number }),
    },
    series: [
      {
        type: 'graph',
        layout: 'none',
        roam: true,
        top: view.title ? 60 : 8,
        bottom: 12,
        left: 24,
        right: 90,
        // Round nodes: the picture is scaled the same both ways (layoutNetwork shapes it to the box).
        preserveAspect: true,
        categories: KINDS.map((k) => ({ name: kindLabel(k), itemStyle: { color: theme.kinds[k] } })),
        data: nodes,
        links,
        label: { position: 'right', ...textStyle(theme), fontSize: theme.fontSize - 1, textBorderColor: theme.background, textBorderWidth: 2 },
        labelLayout: { hideOverlap: true },
        lineStyle: { color: theme.highContrast ? theme.foreground : theme.muted, curveness: 0 },
        emphasis: { focus: 'adjacency', label: { show: true }, lineStyle: { opacity: 0.9 } },
        scaleLimit: { min: 0.3, max: 6 },
      },
    ],
  };
}

function networkTooltip(data: DashboardNetworkResult, params: { dataType: string; dataIndex: number }): string {
  if (params.dataType === 'edge') {
    const e = data.edges[params.dataIndex];
    if (!e) return '';
    return `<b>${escapeHtml(l10n.t('{0} and {1}', data.nodes[e.source].name, data.nodes[e.target].name))}</b><br>${escapeHtml(l10n.t('{0} articles mention both', e.articles.toLocaleString('en-US')))}`;
  }
  const n = data.nodes[params.dataIndex];
  if (!n) return '';
  const counts = l10n.t('{0} articles, {1} mentions', n.articles.toLocaleString('en-US'), n.mentions.toLocaleString('en-US'));
  return `<b>${escapeHtml(n.name)}</b> · ${escapeHtml(kindWord(n.kind))}<br>${escapeHtml(counts)}<br><i>${escapeHtml(l10n.t('Click to select it everywhere.'))}</i>`;
}
