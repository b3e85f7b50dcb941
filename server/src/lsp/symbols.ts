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
import { MAX_SEARCH_RESULTS, type CorpusQueries, type EntitySummary, type ResolvedMention } from '../corpus/queries';
import { plural } from './describe';
import type { DocumentLookup } from './documents';

const GROUPS: { kind: EntityKind; name: string; symbol: SymbolKind }[] = [
  { kind: 'person', name: 'People', symbol: SymbolKind.Object },
  { kind: 'org', name: 'Organizations', symbol: SymbolKind.Class },
  { kind: 'place', name: 'Places', symbol: SymbolKind.Module },
];

/** Most entities, dates or figures listed under one outline group. */
export const MAX_GROUP_CHILDREN = 500;
/** Most mentions listed under one entity (its detail counts them all). */
export const MAX_ENTITY_MENTIONS = 500;

/**
 * The outline: the headline, then the article's people, organizations, places, dates and
 * figures. Each group lists its first 500 members and says how many there are ("500 of
 * 96,425 people"); the members not listed cost one map entry each, nothing more, so a buffer
 * of a million names is outlined in time linear in its size.
 */
export function provideDocumentSymbols(params: DocumentSymbolParams, corpus: CorpusQueries, docs: DocumentLookup, token: CancellationToken): DocumentSymbol[] {
  const uri = params.textDocument.uri;
  const record = corpus.article(uri);
  if (!record || !docs.get(uri)) return [];
  const range = (start: number, end: number) => docs.range(uri, start, end)!;
  const out: DocumentSymbol[] = [];
  const groups: DocumentSymbol[] = [];
  // Each entity's mentions (the first few hundred) and count, filed by the entity's type.
  const byKind = new Map<EntityKind, Map<string, EntityMentions>>(GROUPS.map((g) => [g.kind, new Map()]));
  for (const resolved of docs.mentionsIn(uri, token)) {
    const byEntity = byKind.get(resolved.kind)!;
    const entry = byEntity.get(resolved.id);
    if (!entry) byEntity.set(resolved.id, { listed: [resolved], count: 1, last: resolved });
    else {
      if (entry.count++ < MAX_ENTITY_MENTIONS) entry.listed.push(resolved);
      entry.last = resolved;
    }
  }
  for (const group of GROUPS) {
    const entities = byKind.get(group.kind)!;
    const children: DocumentSymbol[] = [];
    for (const [id, entry] of entities) {
      if (children.length === MAX_GROUP_CHILDREN) break;
      children.push(entitySymbol(corpus.summaryOf(id, token), entry, group.symbol, range));
    }
    pushGroup(groups, group.name, group.symbol, children, entities.size, group.name.toLowerCase());
  }
  const dates = corpus.datesIn(uri, token);
  pushGroup(
    groups,
    'Dates',
    SymbolKind.Event,
    dates.slice(0, MAX_GROUP_CHILDREN).map((d) => {
      const r = range(d.start, d.end);
      return { name: d.text, detail: d.value ?? 'unresolved', kind: SymbolKind.Event, range: r, selectionRange: r };
    }),
    dates.length,
    'dates',
  );
  const figures = corpus.figuresIn(uri, token);
  pushGroup(
    groups,
    'Figures',
    SymbolKind.Number,
    figures.slice(0, MAX_GROUP_CHILDREN).map((f) => {
      const r = range(f.start, f.end);
      return { name: f.text, detail: f.counted ?? f.type.toLowerCase(), kind: SymbolKind.Number, range: r, selectionRange: r };
    }),
    figures.length,
    'figures',
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

/** An entity's mentions in one article: the first MAX_ENTITY_MENTIONS, the last, and how many. */
interface EntityMentions {
  listed: ResolvedMention[];
  last: ResolvedMention;
  count: number;
}

/** One entity of the outline: its mentions here (the first 500 listed, all counted). */
function entitySymbol(summary: EntitySummary | undefined, { listed, last, count }: EntityMentions, kind: SymbolKind, range: (start: number, end: number) => Range): DocumentSymbol {
  const first = listed[0].mention;
  return {
    name: listed[0].name,
    detail: `${plural(count, 'mention')} here` + (count > listed.length ? ` (first ${listed.length} listed)` : '') + (summary ? ` · ${plural(summary.articleCount, 'article')}` : ''),
    kind,
    range: range(first.start, last.mention.end),
    selectionRange: range(first.start, first.end),
    children: listed.map(({ mention: m }) => ({
      name: m.text,
      detail: m.role ?? '',
      kind: SymbolKind.EnumMember,
      range: range(m.start, m.end),
      selectionRange: range(m.start, m.end),
    })),
  };
}

/** A group with its members listed (at most MAX_GROUP_CHILDREN) and the honest total: "500 of 96,425 people". */
function pushGroup(out: DocumentSymbol[], name: string, kind: SymbolKind, children: DocumentSymbol[], total: number, noun: string): void {
  if (children.length === 0) return;
  const detail = total > children.length ? `${children.length} of ${total.toLocaleString('en-US')} ${noun}` : `${total}`;
  // The range is set for all groups at once in orderGroups.
  out.push({ name, detail, kind, range: children[0].range, selectionRange: children[0].selectionRange, children });
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
