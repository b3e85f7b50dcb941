/** What the reader chose: kept in the webview's state so a reload (or a restart) shows the same. */
import type { EntityKind, Period } from '../../../../server/src/protocol';

export interface Choices {
  /** Entities on the timeline, outlined in the network. */
  selected: string[];
  period?: Period;
  kinds: EntityKind[];
  size: number;
  measure?: string;
  mode: 'stacked' | 'overlaid';
  /** Views showing their table instead of the chart. */
  tables: string[];
}

export const DEFAULT_CHOICES: Choices = { selected: [], kinds: ['person', 'org', 'place'], size: 60, mode: 'stacked', tables: [] };

export type Change = keyof Choices;

export class Store {
  private value: Choices;
  private readonly listeners: ((changed: ReadonlySet<Change>) => void)[] = [];

  constructor(saved: unknown, private readonly persist: (choices: Choices) => void) {
    this.value = { ...DEFAULT_CHOICES, ...(isChoices(saved) ? saved : {}) };
  }

  get choices(): Readonly<Choices> {
    return this.value;
  }

  /** Changes choices; listeners hear of it unless `notify` is false (the first state, before anything is drawn). */
  set(patch: Partial<Choices>, notify = true): void {
    const changed = new Set<Change>();
    for (const key of Object.keys(patch) as Change[]) if (JSON.stringify(patch[key]) !== JSON.stringify(this.value[key])) changed.add(key);
    if (changed.size === 0) return;
    this.value = { ...this.value, ...patch };
    this.persist(this.value);
    if (notify) for (const listener of this.listeners) listener(changed);
  }

  subscribe(listener: (changed: ReadonlySet<Change>) => void): void {
    this.listeners.push(listener);
  }
}

function isChoices(value: unknown): value is Partial<Choices> {
  if (!value || typeof value !== 'object') return false;
  const v = value as Partial<Choices>;
  return (v.selected === undefined || Array.isArray(v.selected)) && (v.kinds === undefined || Array.isArray(v.kinds)) && (v.tables === undefined || Array.isArray(v.tables));
}
