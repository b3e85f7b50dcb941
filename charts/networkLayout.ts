/**
 * Positions for the network's nodes, by d3-force (Barnes–Hut repulsion, springs weighted by
 * shared articles). Deterministic: d3-force places nodes on a phyllotaxis spiral and jiggles
 * with a fixed-seed generator, so the same data draws the same picture in the webview, the
 * SVG export and the command line. Given the previous positions (a filter changed), known
 * nodes start where they were and the simulation runs a short, cool pass, so the picture
 * moves little and settles in a fraction of the time.
 */
import { forceCollide, forceLink, forceManyBody, forceSimulation, forceX, forceY, type SimulationLinkDatum, type SimulationNodeDatum } from 'd3-force';
import type { NetworkEdge, NetworkNode } from '../server/src/protocol';

export interface Point {
  x: number;
  y: number;
}

interface SimNode extends SimulationNodeDatum {
  index: number;
  radius: number;
}

/** The drawn size (diameter, px) of a node mentioned in `articles` articles, the largest being `max`. */
export function nodeSize(articles: number, max: number): number {
  return 8 + 34 * Math.sqrt(articles / Math.max(1, max));
}

/**
 * Lays the nodes out in a box of the given aspect (width / height): a wide chart gets a wide
 * picture, by pulling harder towards the middle vertically.
 */
export function layoutNetwork(nodes: NetworkNode[], edges: NetworkEdge[], previous?: ReadonlyMap<string, Point>, aspect = 1.5): Point[] {
  const max = nodes.reduce((m, n) => Math.max(m, n.articles), 1);
  const maxShared = edges.reduce((m, e) => Math.max(m, e.articles), 1);
  let known = 0;
  const sim: SimNode[] = nodes.map((n, index) => {
    const was = previous?.get(n.id);
    if (was) known++;
    return { index, radius: nodeSize(n.articles, max) / 2, x: was?.x, y: was?.y };
  });
  // A node new to the picture starts beside its strongest neighbour that was already placed.
  if (known > 0) {
    for (const e of edges) {
      for (const [a, b] of [[e.source, e.target], [e.target, e.source]]) {
        if (sim[a].x === undefined && sim[b].x !== undefined) {
          sim[a].x = sim[b].x! + 20 * Math.cos(a);
          sim[a].y = sim[b].y! + 20 * Math.sin(a);
        }
      }
    }
  }
  const links: (SimulationLinkDatum<SimNode> & { weight: number })[] = edges.map((e) => ({ source: e.source, target: e.target, weight: e.articles / maxShared }));
  const warm = known >= nodes.length / 2;
  const simulation = forceSimulation(sim)
    .force('charge', forceManyBody<SimNode>().strength((d) => -40 - d.radius * 4).distanceMax(400))
    .force('link', forceLink<SimNode, SimulationLinkDatum<SimNode> & { weight: number }>(links).distance((l) => 90 - 50 * l.weight).strength((l) => 0.05 + 0.5 * l.weight))
    .force('collide', forceCollide<SimNode>((d) => d.radius + 3).iterations(1))
    // Pull towards the middle so nodes without links stay in the picture.
    .force('x', forceX<SimNode>(0).strength(0.06 / Math.sqrt(aspect)))
    .force('y', forceY<SimNode>(0).strength(0.06 * Math.sqrt(aspect)))
    .alpha(warm ? 0.12 : 1)
    .alphaDecay(warm ? 0.08 : 0.035)
    .stop();
  const ticks = Math.ceil(Math.log(simulation.alphaMin() / simulation.alpha()) / Math.log(1 - simulation.alphaDecay()));
  simulation.tick(ticks);
  return sim.map((n) => ({ x: Math.round(n.x! * 10) / 10, y: Math.round(n.y! * 10) / 10 }));
}
