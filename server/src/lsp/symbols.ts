import {
  SymbolKind,
  type CancellationToken,
  type Range,
  type DocumentSymbol,
  type DocumentSymbolParams,
  type SymbolInformation,
  type WorkspaceSymbolParams,
} from 'vscode-languageserver';
import type { EntityKind } from '../analysis/types';
import { MAX_SEARCH_RESULTS, type CorpusQueries, type ResolvedMention } from '../corpus/queries';
import { plural } from './describe';
import type { DocumentLookup } from './documents';

const GROUPS: { kind: EntityKind; name: string; symbol: SymbolKind }[] = [
  { kind: 'person', name: 'People', symbol: SymbolKind.Object },
  { kind: 'org', name: 'Organizations', symbol: SymbolKind.Class },
  { kind: 'place', name: 'Places', symbol: SymbolKind.Module },
];

/** Most entities, dates or figures listed under one outline group. */
export const MAX_GROUP_CHILDREN = 500;

/** The outline: the headline, then the article's people, organizations, places, dates and figures. */
export function provideDocumentSymbols(params: DocumentSymbolParams, corpus: CorpusQueries, docs: DocumentLookup, token: CancellationToken): DocumentSymbol[] {
  const uri = params.textDocument.uri;
  const record = corpus.article(uri);
  if (!record || !docs.get(uri)) return [];
  const range = (start: number, end: number) => docs.range(uri, start, end)!;
  const out: DocumentSymbol[] = [];
  const groups: DocumentSymbol[] = [];
  // Each entity's mentions, filed by the entity's type.
  const byKind = new Map<EntityKind, Map<string, ResolvedMention[]>>(GROUPS.map((g) => [g.kind, new Map()]));
  for (const resolved of corpus.mentionsIn(uri, token)) {
    const byEntity = byKind.get(resolved.kind)!;
    const list = byEntity.get(resolved.id);
    if (list) list.push(resolved);
    else byEntity.set(resolved.id, [resolved]);
  }
  for (const group of GROUPS) {
    const children: DocumentSymbol[] = [];
    for (const [id, resolved] of byKind.get(group.kind)!) {
      const summary = corpus.summaryOf(id, token);
      const mentions = resolved.map((r) => r.mention);
      const first = mentions[0];
      const last = mentions[mentions.length - 1];
      children.push({
        name: resolved[0].name,
        detail: `${plural(mentions.length, 'mention')} here` + (summary ? ` · ${plural(summary.articleCount, 'article')}` : ''),
        kind: group.symbol,
        range: range(first.start, last.end),
        selectionRange: range(first.start, first.end),
        children: mentions.map((m) => ({
          name: m.text,
          detail: m.role ?? '',
          kind: SymbolKind.EnumMember,
          range: range(m.start, m.end),
          selectionRange: range(m.start, m.end),
        })),
      });
    }
    pushGroup(groups, group.name, group.symbol, children);
  }
  pushGroup(
    groups,
    'Dates',
    SymbolKind.Event,
    corpus.datesIn(uri, token).map((d) => {
      const r = range(d.start, d.end);
      return { name: d.text, detail: d.value ?? 'unresolved', kind: SymbolKind.Event, range: r, selectionRange: r };
    }),
  );
  pushGroup(
    groups,
    'Figures',
    SymbolKind.Number,
    corpus.figuresIn(uri, token).map((f) => {
      const r = range(f.start, f.end);
      return { name: f.text, detail: f.counted ?? f.type.toLowerCase(), kind: SymbolKind.Number, range: r, selectionRange: r };
    }),
  );
  const { headline } = record.meta;
  orderGroups(groups, headline?.end ?? 0, record.text.length, (offset) => range(offset, offset).start);
  if (headline) {
    const r = range(headline.start, headline.end);
    out.push({ name: headline.text, detail: 'headline', kind: SymbolKind.String, range: r, selectionRange: r });
  }
  out.push(...groups);
  return out;
}

function pushGroup(out: DocumentSymbol[], name: string, kind: SymbolKind, children: DocumentSymbol[]): void {
  if (children.length === 0) return;
  children = children.slice(0, MAX_GROUP_CHILDREN);
  // The range is set for all groups at once in sharedGroupRange.
  out.push({ name, detail: `${children.length}`, kind, range: children[0].range, selectionRange: children[0].selectionRange, children });
}

/**
 * Editors sort outline entries by where their ranges start, and break ties by name. To keep
 * the groups in our order (People, Organizations, Places, Dates, Figures) after the headline,
 * group i starts i characters after the headline's end and every group ends at the end of
 * the article. A member inside the headline then lies before its group's start, which editors
 * accept; the order is what readers rely on.
 */
function orderGroups(groups: DocumentSymbol[], base: number, length: number, positionAt: (offset: number) => Range['start']): void {
  groups.forEach((g, i) => {
    const start = positionAt(Math.min(base + i, length));
    g.range = { start, end: positionAt(length) };
    // VS Code rejects a symbol whose selection range lies outside its range.
    g.selectionRange = { start, end: start };
  });
}

const SYMBOL_OF_KIND = { person: SymbolKind.Object, org: SymbolKind.Class, place: SymbolKind.Module } as const;

/** Workspace symbols: entities whose names contain the query, most-reported first. */
export function provideWorkspaceSymbols(params: WorkspaceSymbolParams, corpus: CorpusQueries, docs: DocumentLookup, token: CancellationToken): SymbolInformation[] {
  const out: SymbolInformation[] = [];
  for (const summary of corpus.searchEntities(params.query, MAX_SEARCH_RESULTS, token)) {
    const def = corpus.definitionOf(summary.id, token);
    const location = def && docs.location(def.uri, def.start, def.end);
    if (!location) continue;
    out.push({
      name: summary.canonical,
      kind: SYMBOL_OF_KIND[summary.kind],
      location,
      containerName: `${plural(summary.mentionCount, 'mention')} in ${plural(summary.articleCount, 'article')}`,
    });
  }
  return out;
}
