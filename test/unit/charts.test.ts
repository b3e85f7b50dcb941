import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { boundOf, figuresOption, layoutNetwork, LIGHT_THEME, networkOption, periodEnd, periodOf, renderSvg, themeFromVariables, timelineOption, bucketsOf } from '../../charts';
import type { DashboardFiguresResult, DashboardNetworkResult, DashboardTimelineResult } from '../../server/src/protocol';

const TIMELINE: DashboardTimelineResult = {
  bucket: 'week',
  periods: ['2024-03-04', '2024-03-11', '2024-03-18'],
  articles: [4, 0, 2],
  series: [
    { id: 'person:ilse marrow', name: 'Ilse Marrow', kind: 'person', mentions: [3, 0, 1], articles: [2, 0, 1], undated: 0 },
    { id: 'place:lisbon', name: 'Lisbon', kind: 'place', mentions: [1, 0, 2], articles: [1, 0, 2], undated: 1 },
  ],
  unknown: [],
};

const NETWORK: DashboardNetworkResult = {
  nodes: [
    { id: 'a', name: 'Ilse Marrow', kind: 'person', articles: 9, mentions: 20 },
    { id: 'b', name: 'Lisbon', kind: 'place', articles: 6, mentions: 8 },
    { id: 'c', name: 'Keswin Dock Authority', kind: 'org', articles: 2, mentions: 2 },
  ],
  edges: [
    { source: 0, target: 1, articles: 5 },
    { source: 0, target: 2, articles: 1 },
  ],
  totalEntities: 3,
  totalEdges: 2,
  articles: 12,
};

describe('charts', () => {
  it('maps buckets to periods and back', () => {
    assert.equal(periodEnd('2024-02-01', 'month'), '2024-02-29');
    assert.equal(periodEnd('2024-03-04', 'week'), '2024-03-10');
    assert.deepEqual(periodOf(TIMELINE.periods, 'week', 2, 1), { from: '2024-03-11', to: '2024-03-24' });
    assert.deepEqual(bucketsOf(TIMELINE.periods, 'week', { from: '2024-03-09', to: '2024-03-12' }), [0, 1]);
    assert.equal(bucketsOf(TIMELINE.periods, 'week', { from: '2025-01-01' }), undefined);
  });

  it('stacks bars or overlays lines, and shades the chosen period', () => {
    const stacked = timelineOption(TIMELINE, LIGHT_THEME, { mode: 'stacked', period: { from: '2024-03-11', to: '2024-03-24' } });
    const series = stacked.series as { type: string; stack?: string; data: number[]; markArea?: { data: { xAxis: string }[][] } }[];
    assert.deepEqual(series.map((s) => [s.type, s.stack]), [['bar', 'mentions'], ['bar', 'mentions']]);
    assert.deepEqual(series[0].data, [3, 0, 1]);
    assert.deepEqual(series[0].markArea?.data[0].map((p) => p.xAxis), ['11 Mar', '18 Mar']);
    const overlaid = timelineOption(TIMELINE, LIGHT_THEME, { mode: 'overlaid' }).series as { type: string; stack?: string; markArea?: { data: unknown[] } }[];
    assert.deepEqual(overlaid.map((s) => [s.type, s.stack, s.markArea?.data]), [['line', undefined, []], ['line', undefined, undefined]]);
    const corpus = timelineOption({ ...TIMELINE, series: [] }, LIGHT_THEME, { mode: 'stacked' }).series as { name: string; data: number[] }[];
    assert.deepEqual(corpus.map((s) => [s.name, s.data]), [['Articles', [4, 0, 2]]]);
  });

  it('lays the network out the same way every time, and near where it was after a change', () => {
    const first = layoutNetwork(NETWORK.nodes, NETWORK.edges);
    assert.deepEqual(layoutNetwork(NETWORK.nodes, NETWORK.edges), first);
    const distance = (p: { x: number; y: number }, q: { x: number; y: number }) => Math.hypot(p.x - q.x, p.y - q.y);
    // The strongest link is the shortest.
    assert.ok(distance(first[0], first[1]) < distance(first[0], first[2]), JSON.stringify(first));
    const previous = new Map(NETWORK.nodes.map((n, i) => [n.id, first[i]]));
    const again = layoutNetwork(NETWORK.nodes, NETWORK.edges, previous);
    assert.ok(again.every((p, i) => distance(p, first[i]) < 40), `moved little: ${JSON.stringify([first, again])}`);
  });

  it('sizes nodes by articles, outlines the selection and draws as SVG', () => {
    const positions = layoutNetwork(NETWORK.nodes, NETWORK.edges);
    const option = networkOption(NETWORK, LIGHT_THEME, { positions, selected: new Set(['c']), title: 'Entities mentioned together' });
    const nodes = (option.series as { data: { symbolSize: number; itemStyle?: { borderColor?: string } }[] }[])[0].data;
    assert.ok(nodes[0].symbolSize > nodes[1].symbolSize && nodes[1].symbolSize > nodes[2].symbolSize);
    assert.equal(nodes[2].itemStyle?.borderColor, LIGHT_THEME.focus);
    assert.equal(nodes[0].itemStyle?.borderColor, undefined);
    const svg = renderSvg(option, 600, 400);
    assert.match(svg, /^<svg[^>]*width="600"[^>]*height="400"/);
    for (const text of ['Entities mentioned together', 'Ilse Marrow', 'Lisbon']) assert.ok(svg.includes(text), text);
  });

  it('marks approximators and disagreeing figures apart', () => {
    assert.deepEqual(['over', 'nearly', 'about', undefined, 'more than', 'up to'].map(boundOf), ['at least', 'at most', 'about', 'exact', 'at least', 'at most']);
    const point = (date: string, value: number, disagrees: boolean, approx?: string) => ({ figure: { uri: 'file:///a', start: 0, end: 1 }, file: 'a.txt', date, text: String(value), value, approx, others: 0, disagrees });
    const data: DashboardFiguresResult = { measure: 'workers', measures: [], points: [point('2024-03-04', 4000, false, 'nearly'), point('2024-03-05', 40000, true, 'over')], sampled: false, total: 2, undated: 0 };
    const series = figuresOption(data, LIGHT_THEME, {}).series as { name: string; data: unknown[][]; symbol: string; symbolRotate: number; itemStyle: { color: string } }[];
    assert.deepEqual(series.map((s) => [s.name, s.data, s.symbol, s.symbolRotate]), [
      ['agrees with its week', [['2024-03-04', 4000, 0]], 'triangle', 180],
      ['disagrees with its week', [['2024-03-05', 40000, 1]], 'triangle', 0],
    ]);
    assert.equal(series[1].itemStyle.color, LIGHT_THEME.alert);
  });

  it('takes its colours from the VS Code theme, with thicker lines in high contrast', () => {
    const vars: Record<string, string> = { '--vscode-editor-background': '#000000', '--vscode-editor-foreground': '#ffffff', '--vscode-contrastBorder': '#6fc3df', '--vscode-charts-blue': '#3794ff' };
    const theme = themeFromVariables((name) => vars[name] ?? '', true, LIGHT_THEME);
    assert.deepEqual([theme.background, theme.foreground, theme.lines, theme.kinds.person, theme.highContrast], ['#000000', '#ffffff', '#6fc3df', '#3794ff', true]);
    assert.equal(theme.palette[1], LIGHT_THEME.palette[1], 'a missing variable keeps the default');
  });
});
