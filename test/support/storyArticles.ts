import type { ArticleAnalysis, EntityKind, EntityMention } from '../../server/src/analysis/types';
import type { AppliedCorrections } from '../../server/src/corpus/applyCorrections';
import { NO_CORRECTIONS } from '../../server/src/corpus/applyCorrections';
import { Corpus } from '../../server/src/corpus/corpus';

/**
 * Invented sample articles written by hand for the corpus rules, with every field of a mention
 * the rules read under the test's control: its type, the rule that typed it, a role, a demonym
 * flag, the canonical name and the surname the article wrote. Plain strings are filler words.
 * Parts are joined by one space, so each offset is the sum of the lengths before it.
 */
export interface Said {
  text: string;
  key: string;
  kind?: EntityKind;
  /** Spells the full name (go to definition prefers it). Default: false. */
  full?: boolean;
  /** Default: 'test', a rule the identity rules treat as firm. */
  rule?: string;
  role?: string;
  demonym?: boolean;
  /** Default: the text without "Mr"/"Ms". */
  canonical?: string;
  /** The surname the article wrote; for a person by default its last word; false for none. */
  surname?: string | false;
}

export interface Story {
  text: string;
  analysis: ArticleAnalysis;
}

export function story(date: string, ...parts: (Said | string)[]): Story {
  const analysis: ArticleAnalysis = { articleDate: date ? { value: date, source: 'date-line' } : { value: '', source: 'none' }, entities: [], dates: [], figures: [], problems: [] };
  let text = '';
  for (const part of parts) {
    if (text) text += ' ';
    const start = text.length;
    const said = typeof part === 'string' ? undefined : part;
    text += said ? said.text : part;
    if (!said) continue;
    const kind = said.kind ?? 'person';
    const m: EntityMention = { kind, key: said.key, text: said.text, canonical: said.canonical ?? said.text.replace(/^(Mr|Ms) /, ''), start, end: text.length, fullName: said.full ?? false, rule: said.rule ?? 'test' };
    if (typeof said.surname === 'string') m.surname = said.surname;
    else if (kind === 'person' && said.surname !== false) m.surname = said.text.split(' ').pop()!.toLowerCase();
    if (said.role !== undefined) m.role = said.role;
    if (said.demonym !== undefined) m.demonym = said.demonym;
    analysis.entities.push(m);
  }
  return { text, analysis };
}

/** Writes (or replaces) an article. */
export function put(corpus: Corpus, uri: string, s: Story): void {
  corpus.setArticle(uri, corpus.pack(s.text, structuredClone(s.analysis)));
}

export function corpusWith(...articles: [string, Story][]): Corpus {
  const corpus = new Corpus();
  for (const [uri, s] of articles) put(corpus, uri, s);
  return corpus;
}

/** Corrections with only some fields given. */
export function corrections(c: Partial<AppliedCorrections>): AppliedCorrections {
  return { ...NO_CORRECTIONS, ...c };
}

/** A person written in full ("Ilse Marrow"), firm. */
export function person(text: string, more: Partial<Said> = {}): Said {
  return { text, key: `person:${text.toLowerCase()}`, full: true, ...more };
}

/** A person by surname only ("Ms Marrow"). */
export function surnameOnly(text: string, more: Partial<Said> = {}): Said {
  return { text, key: `person:~${text.split(' ').pop()!.toLowerCase()}`, ...more };
}

/** A named entity of a kind ("org", "Port Authority"), full name, firm unless a rule says otherwise. */
export function named(kind: EntityKind, text: string, more: Partial<Said> = {}): Said {
  return { text, key: `${kind}:${text.toLowerCase()}`, kind, full: true, ...more };
}
