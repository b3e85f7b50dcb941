import { describeDateValue } from '../analysis/dates/describe';
import type { ArticleDate, DateMention, FigureMention } from '../analysis/types';
import type { EntityContext, EntitySummary, LedgerRow } from '../corpus/queries';
import { ClientCommands, type ShowEntityArgs, type ShowLedgerArgs, type ShowReferencesArgs } from '../protocol';

const KIND_WORD = { person: 'person', org: 'organization', place: 'place' } as const;

/** "1 mention", "3 mentions". */
export function plural(n: number, word: string): string {
  return `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`;
}

/** Escapes text so it shows literally in Markdown. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, '\\$&');
}

/** A command link; the client runs it (hover markdown is trusted for our commands only). */
export function commandLink(label: string, command: string, args: unknown[]): string {
  return `[${label}](command:${command}?${encodeURIComponent(JSON.stringify(args))})`;
}

/**
 * The entity card shown on hover. `references` are the arguments of corpusLens.showReferences
 * (no link without them); `dashboard` links the dashboard's timeline and network.
 */
export function describeEntity(summary: EntitySummary, context?: EntityContext, references?: ShowReferencesArgs, dashboard = references !== undefined): string {
  const counts = `${plural(summary.mentionCount, 'mention')} in ${plural(summary.articleCount, 'article')}`;
  const lines = [
    `**${escapeMarkdown(summary.canonical)}** · ${KIND_WORD[summary.kind]}`,
    '',
    references ? commandLink(counts, ClientCommands.showReferences, references) : counts,
  ];
  // The dashboard, on this entity.
  if (dashboard) lines.push('', `${commandLink('Show on timeline', ClientCommands.showOnTimeline, [summary.id] satisfies ShowEntityArgs)} · ${commandLink('Show network', ClientCommands.showNetwork, [summary.id] satisfies ShowEntityArgs)}`);
  if (context?.firstDate) {
    lines.push('', context.firstDate === context.lastDate ? `Reported on ${context.firstDate}` : `Reported from ${context.firstDate} to ${context.lastDate}`);
  }
  const others = summary.spellings.filter((s) => s !== summary.canonical);
  if (others.length) lines.push('', `Also written: ${others.slice(0, 12).map(escapeMarkdown).join(', ')}${others.length > 12 ? ', …' : ''}`);
  if (summary.roles.length) lines.push('', `Role or title: ${summary.roles.slice(0, 5).map(escapeMarkdown).join(', ')}`);
  if (context?.coMentioned.length) {
    lines.push('', `Often with: ${context.coMentioned.map((c) => `${escapeMarkdown(c.canonical)} (${c.articles})`).join(', ')}`);
  }
  lines.push('', `Why an entity: ${summary.rules.slice(0, 6).join(', ')}`);
  return lines.join('\n');
}

const ANCHOR_WORD: Record<ArticleDate['source'], string> = {
  'date-line': 'the article’s date line',
  'published-line': 'the article’s “Published” line',
  'updated-line': 'the article’s “Updated” line',
  dateline: 'the article’s dateline',
  'front-matter': 'the article’s front matter',
  setting: 'the corpusLens.articleDates setting',
  none: 'none',
};

/** Where an article's date came from, in words: "2022-04-12 from the article’s date line". */
export function describeAnchor(anchor: ArticleDate): string {
  return anchor.source === 'none' ? 'none (this article has no date)' : `${anchor.value} from ${ANCHOR_WORD[anchor.source]}`;
}

/** The date card shown on hover. */
export function describeDate(date: DateMention, anchor: ArticleDate): string {
  const lines = [`**${escapeMarkdown(date.text)}** · ${date.type.toLowerCase()}${date.relative ? ' (relative)' : ''}`, ''];
  if (date.value) {
    const words = describeDateValue(date.value);
    lines.push(`Value: \`${date.value}\`${words !== date.value ? ` (${escapeMarkdown(words)})` : ''}`);
  }
  else lines.push(`Unresolved: ${escapeMarkdown(date.unresolved ?? 'no value could be read')}`);
  if (date.relative) {
    lines.push('', `Anchor: ${describeAnchor(anchor)}`);
  }
  if (date.reading) lines.push('', `Read as: ${escapeMarkdown(date.reading)}`);
  return lines.join('\n');
}

/** The last path segment of an article's uri, for compact listings. */
export function fileName(uri: string): string {
  return decodeURIComponent(uri.slice(uri.lastIndexOf('/') + 1));
}

/** The figure card shown on hover, with the other figures of its measure across the corpus. */
export function describeFigure(figure: FigureMention, uri: string, ledger?: { rows: LedgerRow[]; total: number }, shown = 8, ledgerLink = true): string {
  const lines = [`**${escapeMarkdown(figure.text)}** · ${figure.type.toLowerCase()}`, ''];
  const value = figure.value === null ? 'unreadable' : formatNumber(figure.value) + (figure.high !== undefined ? `–${formatNumber(figure.high)}` : '');
  const unit = figure.unit === '%' ? '%' : figure.unit ? ` ${figure.unit}` : '';
  lines.push(`Value: ${figure.approx ? `${figure.approx} ` : ''}${value}${unit}`);
  if (figure.counted) lines.push('', `Counts: ${escapeMarkdown(figure.counted)}`);
  if (ledger && ledger.total > 1) {
    lines.push('', `**${escapeMarkdown(figure.measure)}** across the corpus, oldest first:`, '');
    for (const row of ledger.rows.slice(0, shown)) {
      const self = row.uri === uri && row.figure.start === figure.start ? ' ← this one' : '';
      lines.push(`- ${escapeMarkdown(row.figure.text)}, ${row.date || 'undated'}, ${escapeMarkdown(fileName(row.uri))}${self}`);
    }
    const all = `Open the whole ledger (${plural(ledger.total, 'figure')})`;
    lines.push('', ledgerLink ? commandLink(all, ClientCommands.showLedger, [figure.measure] satisfies ShowLedgerArgs) : `${plural(ledger.total, 'figure')} in the ledger (corpusLens/ledger)`);
  }
  return lines.join('\n');
}

function formatNumber(n: number): string {
  return n.toLocaleString('en-US', { maximumFractionDigits: 6 });
}
