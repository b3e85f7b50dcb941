import type { EntityKind } from '../analysis/types';
import type { DashboardNetworkResult, NetworkEdge, Period } from '../protocol';
import { articlesBetween, type Snapshot } from './articleTable';
import { dayRange } from './days';
import type { Pacer } from './pacer';

export const NETWORK_SIZES = { min: 10, max: 300, default: 60 } as const;
/** Links drawn per node, on average: more turns the picture into a hairball. */
const EDGES_PER_NODE = 2.5;

/**
 * The most-reported entities of the period (by articles) and how often each pair shares an
 * article. Every node keeps its strongest link; the rest of the links are the strongest overall,
 * up to EDGES_PER_NODE per node.
 */
export async function networkOf(s: Snapshot, kinds: EntityKind[] | undefined, period: Period | undefined, size: number | undefined, pacer: Pacer): Promise<DashboardNetworkResult> {
  const limit = Math.round(Math.min(NETWORK_SIZES.max, Math.max(NETWORK_SIZES.min, Number.isFinite(size) ? size! : NETWORK_SIZES.default)));
  const wanted = new Set<EntityKind>(kinds?.length ? kinds : ['person', 'org', 'place']);
  const [first, last] = dayRange(period);
  const [start, end] = period?.from || period?.to ? articlesBetween(s, first, last) : [0, s.uris.length];
  const articles = new Int32Array(s.ids.length);
  const mentions = new Int32Array(s.ids.length);
  for (let a = start; a < end; a++) {
    await pacer.step();
    for (let i = s.articleStart[a]; i < s.articleStart[a + 1]; i++) {
      const e = s.entities[i];
      articles[e]++;
      mentions[e] += s.mentions[i];
    }
  }
  const candidates: number[] = [];
  for (let e = 0; e < s.ids.length; e++) if (articles[e] > 0 && wanted.has(s.kinds[e])) candidates.push(e);
  candidates.sort((x, y) => articles[y] - articles[x] || mentions[y] - mentions[x] || (s.names[x] < s.names[y] ? -1 : s.names[x] > s.names[y] ? 1 : 0));
  const chosen = candidates.slice(0, limit);
  const node = new Int32Array(s.ids.length).fill(-1);
  chosen.forEach((e, i) => (node[e] = i));

  // Pair counts in one n×n table (n ≤ 300: 90,000 cells).
  const n = chosen.length;
  const shared = new Int32Array(n * n);
  const present: number[] = [];
  for (let a = start; a < end; a++) {
    await pacer.step();
    present.length = 0;
    for (let i = s.articleStart[a]; i < s.articleStart[a + 1]; i++) if (node[s.entities[i]] >= 0) present.push(node[s.entities[i]]);
    for (let x = 0; x < present.length; x++) {
      for (let y = x + 1; y < present.length; y++) {
        const [p, q] = present[x] < present[y] ? [present[x], present[y]] : [present[y], present[x]];
        shared[p * n + q]++;
      }
    }
  }
  const all: NetworkEdge[] = [];
  for (let p = 0; p < n; p++) for (let q = p + 1; q < n; q++) if (shared[p * n + q] > 0) all.push({ source: p, target: q, articles: shared[p * n + q] });
  return {
    nodes: chosen.map((e) => ({ id: s.ids[e], name: s.names[e], kind: s.kinds[e], articles: articles[e], mentions: mentions[e] })),
    edges: strongest(all, n, Math.round(n * EDGES_PER_NODE)),
    totalEntities: candidates.length,
    totalEdges: all.length,
    articles: end - start,
  };
}

/** Each node's strongest edge, then the strongest others, up to `limit` (ties broken by node order). */
function strongest(edges: NetworkEdge[], nodes: number, limit: number): NetworkEdge[] {
  edges.sort((a, b) => b.articles - a.articles || a.source - b.source || a.target - b.target);
  const kept = new Set<NetworkEdge>();
  const linked = new Uint8Array(nodes);
  for (const e of edges) {
    if (linked[e.source] && linked[e.target]) continue;
    kept.add(e);
    linked[e.source] = linked[e.target] = 1;
  }
  for (const e of edges) {
    if (kept.size >= limit) break;
    kept.add(e);
  }
  return edges.filter((e) => kept.has(e));
}
