/** Progress of a long run, drawn on standard error when it is a terminal. */
export interface ProgressBar {
  /** `done` of `total` units (total 0 when unknown). */
  update(done: number, total: number): void;
  /** Clears the bar; what follows starts on a clean line. */
  finish(): void;
}

const SILENT: ProgressBar = { update: () => undefined, finish: () => undefined };

/** Redraws at most this often: a terminal repaint per article would cost more than the article. */
const REDRAW_MS = 100;

/**
 * A one-line bar ("Indexing [#####.....] 1,234/10,000 articles 12%") redrawn in place with a
 * carriage return. Silent when standard error is not a terminal, so logs and pipes stay clean.
 */
export function progressBar(options: { label: string; unit: string; isTTY: boolean | undefined; columns?: number; write(text: string): void; now?: () => number }): ProgressBar {
  if (!options.isTTY) return SILENT;
  const now = options.now ?? Date.now;
  let last = -Infinity;
  let drawn = false;
  return {
    update(done, total) {
      const t = now();
      if (t - last < REDRAW_MS && done !== total) return;
      last = t;
      drawn = true;
      options.write(`\r${formatProgress(options.label, options.unit, done, total, options.columns ?? 80)}\u001b[K`);
    },
    finish() {
      if (drawn) options.write('\r\u001b[K');
      drawn = false;
    },
  };
}

/** The bar's text, fitted to the terminal's width. */
export function formatProgress(label: string, unit: string, done: number, total: number, columns: number): string {
  const count = total > 0 ? `${done.toLocaleString('en-US')}/${total.toLocaleString('en-US')} ${unit}` : `${done.toLocaleString('en-US')} ${unit}`;
  if (total <= 0) return `${label} ${count}`.slice(0, columns - 1);
  const fraction = Math.min(1, done / total);
  const percent = `${Math.floor(fraction * 100)}%`;
  const room = columns - 1 - label.length - count.length - percent.length - 5;
  const width = Math.max(0, Math.min(30, room));
  const bar = width > 0 ? ` [${'#'.repeat(Math.round(fraction * width)).padEnd(width, '.')}]` : '';
  return `${label}${bar} ${count} ${percent}`.slice(0, columns - 1);
}
