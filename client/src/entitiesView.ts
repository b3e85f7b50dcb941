import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ClientCommands, EntitiesRequest, TimelineRequest, type EntityKind as Kind, type EntityListItem, type ShowReferencesArgs, type TimelineEntry } from '../../server/src/protocol';

const GROUPS: { kind: Kind; label: string; icon: string }[] = [
  { kind: 'person', label: 'People', icon: 'person' },
  { kind: 'org', label: 'Organizations', icon: 'organization' },
  { kind: 'place', label: 'Places', icon: 'location' },
];

type Node = { type: 'group'; kind: Kind; label: string; icon: string } | { type: 'entity'; item: EntityListItem } | { type: 'article'; entry: TimelineEntry };

/** Most entities listed per group; the filter finds the rest. */
const GROUP_LIMIT = 300;

/**
 * The Corpus Entities view in the explorer: entities by type, most-reported first, with a
 * filter; expanding an entity shows its timeline (its articles by date, with mention counts).
 */
export class EntitiesView implements vscode.TreeDataProvider<Node> {
  private readonly changed = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private filter = '';

  constructor(private readonly client: () => LanguageClient | undefined) {}

  refresh(): void {
    this.changed.fire(undefined);
  }

  async setFilter(): Promise<void> {
    const value = await vscode.window.showInputBox({ prompt: 'Show entities whose name contains', value: this.filter, placeHolder: 'e.g. Farrance' });
    if (value === undefined) return;
    this.filter = value.trim();
    void vscode.commands.executeCommand('setContext', 'corpusLens.entitiesFiltered', this.filter.length > 0);
    this.refresh();
  }

  clearFilter(): void {
    this.filter = '';
    void vscode.commands.executeCommand('setContext', 'corpusLens.entitiesFiltered', false);
    this.refresh();
  }

  getTreeItem(node: Node): vscode.TreeItem {
    if (node.type === 'group') {
      const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.Expanded);
      item.iconPath = new vscode.ThemeIcon(node.icon);
      if (this.filter) item.description = `matching “${this.filter}”`;
      return item;
    }
    if (node.type === 'entity') {
      const item = new vscode.TreeItem(node.item.name, vscode.TreeItemCollapsibleState.Collapsed);
      item.description = node.item.detail;
      item.tooltip = `${node.item.name}: ${node.item.mentions} mentions in ${node.item.articles} articles. Expand for its timeline; click for its references.`;
      item.contextValue = 'corpusLens.entity';
      item.id = `entity:${node.item.id}`;
      if (node.item.definition) {
        const def = node.item.definition;
        item.command = { title: 'Show references', command: ClientCommands.showReferences, arguments: [def.uri, def.range.start] satisfies ShowReferencesArgs };
      }
      return item;
    }
    const e = node.entry;
    const item = new vscode.TreeItem(`${e.date || 'undated'}  ${e.headline}`, vscode.TreeItemCollapsibleState.None);
    item.description = `${e.mentions} × · ${e.file}`;
    item.iconPath = new vscode.ThemeIcon('calendar');
    if (e.location) {
      item.command = { title: 'Open article', command: 'vscode.open', arguments: [vscode.Uri.parse(e.location.uri), { selection: toRange(e.location.range) }] };
    }
    return item;
  }

  async getChildren(node?: Node): Promise<Node[]> {
    const client = this.client();
    if (!client) return [];
    if (!node) return GROUPS.map((g) => ({ type: 'group', ...g }));
    if (node.type === 'group') {
      const items = await client.sendRequest(EntitiesRequest, { kind: node.kind, filter: this.filter, limit: GROUP_LIMIT });
      return items.map((item) => ({ type: 'entity', item }));
    }
    if (node.type === 'entity') {
      const entries = await client.sendRequest(TimelineRequest, { id: node.item.id });
      return entries.map((entry) => ({ type: 'article', entry }));
    }
    return [];
  }
}

export function toRange(r: { start: { line: number; character: number }; end: { line: number; character: number } }): vscode.Range {
  return new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);
}
