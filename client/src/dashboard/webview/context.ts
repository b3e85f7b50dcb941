/** What every view of the dashboard shares. */
import type { ChartTheme } from '../../../../charts';
import type { SpanRef } from '../../../../server/src/protocol';
import type { DashboardListParams } from '../../../../server/src/protocol';
import type { Rpc } from './rpc';
import type { Store } from './store';

export interface Context {
  rpc: Rpc;
  store: Store;
  theme(): ChartTheme;
  /** Opens an article in the editor at a span. */
  open(span: SpanRef): void;
  /** Shows the list behind a click in the side pane. */
  showList(params: DashboardListParams): void;
  /** Selects an entity everywhere (added to the selection when `add`). */
  select(id: string, add: boolean): void;
  /** Something the reader sees changed: tell the extension (tests and the benchmark read it). */
  changed(): void;
}
