import type { EntityMention } from './types';

const CAPITALISED_RUN = /\b[A-Z][a-z]+(?:\s+[A-Z][a-z]+)*\b/g;

/** First version: runs of capitalised words after Mr/Mrs/Ms are people. */
export function findNames(text: string): EntityMention[] {
  const out: EntityMention[] = [];
  for (const m of text.matchAll(CAPITALISED_RUN)) {
    const before = text.slice(Math.max(0, m.index! - 5), m.index!);
    if (!/\bMrs?\.?\s$|\bMs\.?\s$/.test(before)) continue;
    const surname = m[0].split(/\s+/).pop()!.toLowerCase();
    out.push({ kind: 'person', start: m.index!, end: m.index! + m[0].length, text: m[0], key: `person:~${surname}`, canonical: m[0], surname, fullName: m[0].includes(' '), rule: 'title:Mr', role: 'Mr' });
  }
  return out;
}
