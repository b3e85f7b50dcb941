import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { EntitiesPageRequest, TimelineRequest, type EntityKind, type EntityListItem, type TimelineEntry } from '../../server/src/protocol';

interface Group {
  kind: EntityKind;
  label: string;
  icon: string;
}

const GROUPS: Group[] = [
  { kind: 'person', label: vscode.l10n.t('People'), icon: 'person' },
  { kind: 'org', label: vscode.l10n.t('Organizations'), icon: 'organization' },
  { kind: 'place', label: vscode.l10n.t('Places'), icon: 'location' },
];

/** A node of the tree; entity nodes are also what the context menu commands receive. */
export type EntityNode =
  | ({ type: 'group' } & Group)
  | { type: 'entity'; item: EntityListItem }
  | { type: 'more'; kind: EntityKind; shown: number; total: number }
  | { type: 'article'; entry: TimelineEntry };

/** Entities fetched per page; "Show more" fetches the next page. */
export const PAGE_SIZE = 200;

const HIDDEN_KINDS_KEY = 'corpusLens.entities.hiddenKinds';

/**
 * The Corpus Entities view in the explorer: entities by type, most reported first, a page at a
 * time ("Show N more…" at the end of a group reaches every entity), with a name filter and a
 * type filter; expanding an entity shows its timeline (its articles by date, with mention
 * counts); right-click offers references, merge, not an entity, copy and export.
 */
export class EntitiesView implements vscode.TreeDataProvider<EntityNode> {
  private readonly changed = new vscode.EventEmitter<EntityNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private filter = '';
  /** Entities loaded so far per group: pages are appended, and kept across a collapse. */
  private readonly loaded = new Map<EntityKind, { items: EntityListItem[]; total: number }>();
  private hidden: Set<EntityKind>;

  constructor(
    private readonly client: () => LanguageClient | undefined,
    private readonly state: vscode.Memento,
  ) {
    this.hidden = new Set(state.get<EntityKind[]>(HIDDEN_KINDS_KEY, []));
    void this.updateContext();
  }

  /** The corpus changed: every group starts again from its first page. */
  refresh(): void {
    this.loaded.clear();
    this.changed.fire(undefined);
  }

  async setFilter(): Promise<void> {
    const value = await vscode.window.showInputBox({ prompt: vscode.l10n.t('Show entities whose name contains'), value: this.filter, placeHolder: vscode.l10n.t('e.g. Farrance') });
    if (value === undefined) return;
    this.filter = value.trim();
    await this.updateContext();
    this.refresh();
  }

  async clearFilter(): Promise<void> {
    this.filter = '';
    await this.updateContext();
    this.refresh();
  }

  /** Asks which types to show (People, Organizations, Places); remembered for the workspace. */
  async chooseTypes(): Promise<void> {
    const picks = await vscode.window.showQuickPick(
      GROUPS.map((g) => ({ label: g.label, entityKind: g.kind, picked: !this.hidden.has(g.kind) })),
      { canPickMany: true, placeHolder: vscode.l10n.t('Entity types to show') },
    );
    if (!picks) return;
    await this.setHiddenKinds(GROUPS.map((g) => g.kind).filter((k) => !picks.some((p) => p.entityKind === k)));
  }

  /** Hides the given types (an empty list shows them all). */
  async setHiddenKinds(kinds: EntityKind[]): Promise<void> {
    this.hidden = new Set(kinds);
    await this.state.update(HIDDEN_KINDS_KEY, [...this.hidden]);
    await this.updateContext();
    this.changed.fire(undefined);
  }

  private async updateContext(): Promise<void> {
    await vscode.commands.executeCommand('setContext', 'corpusLens.entitiesFiltered', this.filter.length > 0 || this.hidden.size > 0);
  }

  /** Loads the next page of a group and shows it under the entities already listed. */
  async showMore(kind: EntityKind): Promise<void> {
    // After a refresh the group starts again from its first page; "more" then means the second.
    if (!this.loaded.has(kind)) await this.fetchPage(kind, 0);
    await this.fetchPage(kind, this.loaded.get(kind)?.items.length ?? 0);
    this.changed.fire(undefined);
  }

  private async fetchPage(kind: EntityKind, offset: number): Promise<void> {
    const client = this.client();
    if (!client) return;
    const page = await client.sendRequest(EntitiesPageRequest, { kind, filter: this.filter, offset, limit: PAGE_SIZE });
    const group = this.loaded.get(kind) ?? { items: [], total: 0 };
    // A page that comes back for an older offset (two quick clicks) is not appended twice.
    if (page.offset === group.items.length) group.items.push(...page.items);
    group.total = page.total;
    this.loaded.set(kind, group);
  }

  getTreeItem(node: EntityNode): vscode.TreeItem {
    if (node.type === 'group') {
      const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.Expanded);
      item.iconPath = new vscode.ThemeIcon(node.icon);
      item.id = `group:${node.kind}`;
      const total = this.loaded.get(node.kind)?.total;
      const count = total === undefined ? '' : total.toLocaleString();
      item.description = this.filter ? vscode.l10n.t('{0} matching “{1}”', count, this.filter) : count;
      return item;
    }
    if (node.type === 'more') {
      const next = Math.min(PAGE_SIZE, node.total - node.shown);
      const item = new vscode.TreeItem(vscode.l10n.t('Show {0} more…', next.toLocaleString()), vscode.TreeItemCollapsibleState.None);
      item.description = vscode.l10n.t('showing {0} of {1}', node.shown.toLocaleString(), node.total.toLocaleString());
      item.iconPath = new vscode.ThemeIcon('ellipsis');
      item.command = { title: vscode.l10n.t('Show more'), command: 'corpusLens.showMoreEntities', arguments: [node.kind] };
      return item;
    }
    if (node.type === 'entity') return entityItem(node.item);
    return timelineItem(node.entry);
  }

  async getChildren(node?: EntityNode): Promise<EntityNode[]> {
    const client = this.client();
    if (!client) return [];
    if (!node) {
      const shown = GROUPS.filter((g) => !this.hidden.has(g.kind));
      // First pages before the groups are drawn, so each group's row shows its total at once.
      await Promise.all(shown.filter((g) => !this.loaded.has(g.kind)).map((g) => this.fetchPage(g.kind, 0)));
      return shown.map((g) => ({ type: 'group', ...g }));
    }
    if (node.type === 'group') {
      if (!this.loaded.has(node.kind)) await this.fetchPage(node.kind, 0);
      const group = this.loaded.get(node.kind) ?? { items: [], total: 0 };
      const children: EntityNode[] = group.items.map((item) => ({ type: 'entity', item }));
      if (group.items.length < group.total) children.push({ type: 'more', kind: node.kind, shown: group.items.length, total: group.total });
      return children;
    }
    if (node.type === 'entity') {
      const entries = await client.sendRequest(TimelineRequest, { id: node.item.id });
      return entries.map((entry) => ({ type: 'article', entry }));
    }
    return [];
  }
}

function entityItem(entity: EntityListItem): vscode.TreeItem {
  const item = new vscode.TreeItem(entity.name, vscode.TreeItemCollapsibleState.Collapsed);
  item.description = entity.detail;
  item.tooltip = vscode.l10n.t('{0}: {1} mentions in {2} articles. Expand for its timeline; click for its references; right-click for more.', entity.name, entity.mentions, entity.articles);
  // The context menu's commands are contributed for this value (package.json, view/item/context).
  item.contextValue = 'corpusLens.entity';
  item.id = `entity:${entity.id}`;
  if (entity.definition) {
    const def = entity.definition;
    item.command = { title: vscode.l10n.t('Show References'), command: 'corpusLens.showReferences', arguments: [def.uri, def.range.start] };
  }
  return item;
}

function timelineItem(e: TimelineEntry): vscode.TreeItem {
  const item = new vscode.TreeItem(`${e.date || vscode.l10n.t('undated')}  ${e.headline}`, vscode.TreeItemCollapsibleState.None);
  item.description = `${e.mentions} × · ${e.file}`;
  item.iconPath = new vscode.ThemeIcon('calendar');
  if (e.location) {
    item.command = { title: vscode.l10n.t('Open article'), command: 'vscode.open', arguments: [vscode.Uri.parse(e.location.uri), { selection: toRange(e.location.range) }] };
  }
  return item;
}

export function toRange(r: { start: { line: number; character: number }; end: { line: number; character: number } }): vscode.Range {
  return new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);
}
