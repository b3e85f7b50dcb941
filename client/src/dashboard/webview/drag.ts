/**
 * Brushing on a category axis: dragging across bars chooses the periods between, a click
 * (no drag) picks one. The band is a plain element over the chart, so dragging costs no redraw.
 */
import type { ChartHost } from './chartHost';

export function attachRangeDrag(host: ChartHost, onRange: (first: number, last: number) => void, onPick: (index: number) => void): void {
  const band = document.createElement('div');
  band.className = 'brush-band';
  band.hidden = true;
  host.container.append(band);
  const zr = host.chart.getZr();
  let start: { x: number; index: number } | undefined;
  const indexAt = (x: number, y: number, inside = true): number | undefined => {
    if (inside && !host.chart.containPixel({ gridIndex: 0 }, [x, y])) return undefined;
    const value = host.chart.convertFromPixel({ gridIndex: 0 }, [x, y]) as unknown as number | number[];
    const index = Math.round(Array.isArray(value) ? value[0] : value);
    return Number.isFinite(index) ? index : undefined;
  };
  zr.on('mousedown', (event) => {
    const index = indexAt(event.offsetX, event.offsetY);
    start = index === undefined ? undefined : { x: event.offsetX, index };
  });
  zr.on('mousemove', (event) => {
    if (!start) return;
    const left = Math.min(start.x, event.offsetX);
    band.hidden = Math.abs(event.offsetX - start.x) < 4;
    band.style.left = `${left}px`;
    band.style.width = `${Math.abs(event.offsetX - start.x)}px`;
  });
  zr.on('mouseup', (event) => {
    if (!start) return;
    const from = start;
    start = undefined;
    band.hidden = true;
    const index = indexAt(event.offsetX, event.offsetY, false) ?? from.index;
    if (Math.abs(event.offsetX - from.x) < 4) onPick(from.index);
    else onRange(Math.min(from.index, index), Math.max(from.index, index));
  });
  zr.on('globalout', () => {
    start = undefined;
    band.hidden = true;
  });
}
