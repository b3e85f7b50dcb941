/** The text alternative of a chart: a table, each row with the action its chart element has. */
import * as l10n from '@vscode/l10n';
import { button, el, n } from './dom';

export interface TableRow {
  cells: (string | number)[];
  action?: { label: string; run(): void };
}

/** At most this many rows are drawn; the caption says how many there are. */
export const TABLE_ROWS = 500;

export function renderTable(container: HTMLElement, caption: string, columns: string[], rows: TableRow[]): void {
  const shown = rows.slice(0, TABLE_ROWS);
  const table = el('table', {}, el('caption', { text: rows.length > shown.length ? l10n.t('{0} (first {1} of {2} rows)', caption, n(shown.length), n(rows.length)) : caption }));
  const head = el('tr');
  for (const column of columns) head.append(el('th', { scope: 'col', text: column }));
  if (rows.some((r) => r.action)) head.append(el('th', { scope: 'col', text: l10n.t('Action') }));
  table.append(el('thead', {}, head));
  const body = el('tbody');
  for (const row of shown) {
    const tr = el('tr');
    row.cells.forEach((cell, i) => tr.append(el(i === 0 ? 'th' : 'td', i === 0 ? { scope: 'row', text: String(cell) } : { text: typeof cell === 'number' ? n(cell) : cell })));
    if (row.action) tr.append(el('td', {}, button(row.action.label, row.action.run)));
    body.append(tr);
  }
  table.append(body);
  container.replaceChildren(table);
}
