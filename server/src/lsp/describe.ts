import type { ArticleDate, DateMention, FigureMention } from '../analysis/types';
import type { EntitySummary } from '../corpus/corpus';

const KIND_WORD = { person: 'person', org: 'organization', place: 'place' } as const;

/** "1 mention", "3 mentions". */
export function plural(n: number, word: string): string {
  return `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`;
}

/** Escapes text so it shows literally in Markdown. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, '\\$&');
}

/** The entity card shown on hover. */
export function describeEntity(summary: EntitySummary): string {
  const lines = [
    `**${escapeMarkdown(summary.canonical)}** · ${KIND_WORD[summary.kind]}`,
    '',
    `${plural(summary.mentionCount, 'mention')} in ${plural(summary.articleCount, 'article')}`,
  ];
  const others = summary.spellings.filter((s) => s !== summary.canonical);
  if (others.length) lines.push('', `Also written: ${others.slice(0, 12).map(escapeMarkdown).join(', ')}${others.length > 12 ? ', …' : ''}`);
  if (summary.roles.length) lines.push('', `Role or title: ${summary.roles.slice(0, 5).map(escapeMarkdown).join(', ')}`);
  lines.push('', `Why an entity: ${summary.rules.slice(0, 6).join(', ')}`);
  return lines.join('\n');
}

const ANCHOR_WORD = {
  'date-line': 'the article’s date line',
  dateline: 'the article’s dateline',
  setting: 'the corpusLens.articleDates setting',
  none: 'none',
} as const;

/** The date card shown on hover. */
export function describeDate(date: DateMention, anchor: ArticleDate): string {
  const lines = [`**${escapeMarkdown(date.text)}** · ${date.type.toLowerCase()}${date.relative ? ' (relative)' : ''}`, ''];
  if (date.value) lines.push(`Value: \`${date.value}\``);
  else lines.push(`Unresolved: ${escapeMarkdown(date.unresolved ?? 'no value could be read')}`);
  if (date.relative) {
    lines.push('', anchor.source === 'none' ? 'Anchor: none (this article has no date)' : `Anchor: ${anchor.value} from ${ANCHOR_WORD[anchor.source]}`);
  }
  if (date.reading) lines.push('', `Read as: ${escapeMarkdown(date.reading)}`);
  return lines.join('\n');
}

/** The figure card shown on hover. */
export function describeFigure(figure: FigureMention): string {
  const lines = [`**${escapeMarkdown(figure.text)}** · ${figure.type.toLowerCase()}`, ''];
  const value = figure.value === null ? 'unreadable' : formatNumber(figure.value) + (figure.high !== undefined ? `–${formatNumber(figure.high)}` : '');
  const unit = figure.unit === '%' ? '%' : figure.unit ? ` ${figure.unit}` : '';
  lines.push(`Value: ${figure.approx ? `${figure.approx} ` : ''}${value}${unit}`);
  if (figure.counted) lines.push('', `Counts: ${escapeMarkdown(figure.counted)}`);
  return lines.join('\n');
}

function formatNumber(n: number): string {
  return n.toLocaleString('en-US', { maximumFractionDigits: 6 });
}
