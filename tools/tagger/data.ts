/**
 * Training data for the name tagger: the openly licensed sets of ../shared/train and the openly
 * licensed dev files of ../shared/eval/dev, read where they are (never copied into the
 * repository) and brought to one span convention, the one Corpus Lens shows: the name alone,
 * without a leading "the", a title or a possessive "'s" ("the United States" → "United
 * States", "President Donald Trump's" → "Donald Trump").
 *
 * CoNLL-2003 and TempEval-3 are never read here: their texts are not openly licensed, and
 * CoNLL-2003 testa is what the tagger is measured on.
 */
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';

/** A name in a training document, in the tagger's convention. */
export interface TrainSpan {
  start: number;
  end: number;
  type: 'PER' | 'ORG' | 'LOC' | 'MISC';
}

export interface TrainDoc {
  id: string;
  /** The set the document comes from (the unit of cross-validation). */
  dataset: string;
  text: string;
  spans: TrainSpan[];
}

interface RawSpan {
  start: number;
  end: number;
  type: string;
  mentionType?: string | null;
  fine?: string;
}

interface RawDoc {
  id: string;
  text: string;
  spans: RawSpan[];
}

/** The sets the tagger may learn from, with their licences (named again in the model card). */
export const SOURCES: ReadonlyArray<{ dataset: string; file: string; licence: string; what: string }> = [
  { dataset: 'uner_ewt', file: 'train/uner_en_ewt.jsonl', licence: 'CC BY-SA 4.0', what: 'Universal NER, English Web Treebank' },
  { dataset: 'uner_pud', file: 'train/uner_en_pud.jsonl', licence: 'CC BY-SA 3.0', what: 'Universal NER, English PUD' },
  { dataset: 'wikigold', file: 'train/wikigold.jsonl', licence: 'CC BY 4.0', what: 'Wikigold' },
  { dataset: 'gum_cc', file: 'train/gum_cc_train.jsonl', licence: 'CC BY / CC BY-SA (texts), CC BY 4.0 (annotations)', what: 'GUM train, CC genres' },
  { dataset: 'wnut17', file: 'train/wnut17.jsonl', licence: 'CC BY 4.0', what: 'WNUT-17' },
  { dataset: 'btc', file: 'train/btc.jsonl', licence: 'CC BY 4.0', what: 'Broad Twitter Corpus' },
  { dataset: 'meantime', file: 'eval/dev/meantime-apple.jsonl', licence: 'CC BY 4.0', what: 'MEANTIME (Apple)' },
  { dataset: 'meantime', file: 'eval/dev/meantime-gm.jsonl', licence: 'CC BY 4.0', what: 'MEANTIME (GM)' },
  { dataset: 'gum_news', file: 'eval/dev/gum-news-train.jsonl', licence: 'CC BY 2.5 (Wikinews)', what: 'GUM news, train split' },
  { dataset: 're3d', file: 'eval/dev/re3d-dev.jsonl', licence: 'Open Government Licence and open licences', what: 're3d dev' },
];

const TYPE: Record<string, TrainSpan['type'] | undefined> = {
  PERSON: 'PER', PER: 'PER', ORG: 'ORG', LOC: 'LOC', OTHER: 'MISC', MISC: 'MISC', PRODUCT: 'MISC', FINANCIAL: 'MISC',
};

/** Reads every source present under `shared`; `skip` names datasets to leave out. */
export function loadTrainingDocs(shared: string, skip: ReadonlySet<string> = new Set()): TrainDoc[] {
  const docs: TrainDoc[] = [];
  for (const source of SOURCES) {
    if (skip.has(source.dataset)) continue;
    const file = path.join(shared, source.file);
    if (!existsSync(file)) throw new Error(`missing training file ${file}`);
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const raw = JSON.parse(line) as RawDoc;
      // GUM's news documents are also the dev file gum-news-train: they go with it, so leaving
      // that set out of training leaves them all out.
      const dataset = source.dataset === 'gum_cc' && raw.id.includes('GUM_news_') ? 'gum_news' : source.dataset;
      if (skip.has(dataset)) continue;
      docs.push(convert(raw, dataset));
    }
  }
  return docs;
}

/** The dev documents of one gum_news / meantime / re3d source are also the eval gold: same text. */
function convert(raw: RawDoc, dataset: string): TrainDoc {
  let text = raw.text;
  let spans = raw.spans.filter((s) => TYPE[s.type] !== undefined && isNamed(raw, s, dataset));
  if (dataset === 'meantime') {
    // MEANTIME marks names only in its first six lines (see ../shared/eval/score.mjs): the rest
    // of the text is left out so its names do not teach the tagger to skip names.
    const cut = regionEnd(text, raw.spans);
    text = text.slice(0, cut);
    spans = spans.filter((s) => s.end <= cut);
  }
  const trimmed: TrainSpan[] = [];
  for (const s of spans) {
    const type = TYPE[s.type]!;
    const [from, to] = trailingName(text, s.start, s.end, type === 'PER');
    const t = trimSpan(text, from, to, type);
    if (t) trimmed.push(t);
  }
  return { id: raw.id, dataset, text, spans: outermostNames(text, trimmed) };
}

/** Which gold spans are names, by each corpus's own marking. */
function isNamed(raw: RawDoc, s: RawSpan, dataset: string): boolean {
  if (dataset === 'gum_news') return s.mentionType === 'NAM';
  if (dataset === 'meantime') return s.mentionType === 'NAM' || s.mentionType === 'PRE.NAM';
  if (dataset === 're3d') return looksNamed(raw.text.slice(s.start, s.end));
  return true;
}

/** re3d marks every mention: a name is one whose content words are all capitalised. */
function looksNamed(surface: string): boolean {
  const words = surface.split(/\s+/).map((w) => w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '')).filter(Boolean);
  const content = words.filter((w) => !FUNCTION_WORDS.has(w.toLowerCase()) && /\p{L}/u.test(w));
  return content.length > 0 && content.every((w) => /\p{Lu}/u.test(w)) && !TITLE_WORDS.has(content[content.length - 1].toLowerCase());
}

const FUNCTION_WORDS = new Set('the a an of for and & in on at to by de del la le al el von van der du da di'.split(' '));
const TITLE_WORDS = new Set(
  ('mr mrs ms miss dr prof sir dame lord lady president minister secretary chancellor ambassador governor senator sen rep ' +
    'general gen commander director spokesman spokeswoman chairman chief envoy king queen prince princess pope mayor judge ' +
    'officer representative premier leader deputy colonel col captain capt lieutenant lt sergeant sgt admiral adm prosecutor ' +
    'attorney ceo major maj spc pfc sfc ssg cpl pvt brig cmdr private corporal specialist staff justice father rev reverend ' +
    'prime foreign defence defense interior vice acting former state first')
    .split(' '),
);

/** End of MEANTIME's annotated region: line 6, or the last line holding a document-level span. */
function regionEnd(text: string, spans: RawSpan[]): number {
  let lastLine = 5;
  const lineOf = (offset: number): number => {
    let line = 0;
    for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) line++;
    return line;
  };
  for (const s of spans) if (s.mentionType !== undefined && s.mentionType !== null) lastLine = Math.max(lastLine, lineOf(s.start));
  let end = -1;
  for (let line = 0; line <= lastLine; line++) {
    end = text.indexOf('\n', end + 1);
    if (end < 0) return text.length;
  }
  return end;
}

/**
 * The name inside a gold span: without a leading article, without a person's leading titles
 * ("Prime Minister", "Lt. Gen.", "Mr"), without a possessive ending.
 */
export function trimSpan(text: string, start: number, end: number, type: TrainSpan['type']): TrainSpan | undefined {
  let s = start;
  let e = end;
  const surface = (): string => text.slice(s, e);
  for (let guard = 0; guard < 8; guard++) {
    const m = /^(the|The|THE)\s+/.exec(surface());
    // "The Hague", "The Oval", "The New York Times" keep a capitalised "The" mid-sentence.
    if (m && (m[1] === 'the' || atSentenceStart(text, s))) {
      s += m[0].length;
      continue;
    }
    if (type === 'PER') {
      const w = /^([\p{L}.'-]+)\s+/u.exec(surface());
      if (w && TITLE_WORDS.has(w[1].replace(/\.$/, '').toLowerCase()) && /\s\p{Lu}/u.test(surface())) {
        s += w[0].length;
        continue;
      }
      // "Minister for the Middle East Tobias Ellwood", "Secretary of State Antony Blinken".
      const of = /^(?:of|for)\s+(?:the\s+)?(?:\p{Lu}[\p{L}.]*\s+){1,3}(?=\p{Lu})/u.exec(surface());
      if (of && s > start) {
        s += of[0].length;
        continue;
      }
    }
    break;
  }
  const poss = /(?:['’]s|['’])$/.exec(surface());
  if (poss && e - poss[0].length > s) e -= poss[0].length;
  while (e > s && /[\s,.;:]/.test(text[e - 1]) && !/\p{Lu}\.$|\.\p{Lu}\.$/u.test(text.slice(Math.max(s, e - 3), e))) e--;
  while (s < e && /\s/.test(text[s])) s++;
  if (e <= s || !/\p{L}/u.test(text.slice(s, e))) return undefined;
  // "Prime Minister" alone is a title, not a name.
  if (type === 'PER' && text.slice(s, e).split(/\s+/).every((w) => TITLE_WORDS.has(w.replace(/\.$/, '').toLowerCase()))) return undefined;
  return { start: s, end: e, type };
}

/**
 * A name inside a longer description ("DAB's Ben Chan", "American academic and professor Marc
 * Lamont Hill", "Mecca's Grand Mosque"): the capitalised words at its end; for a person written
 * "X of the Y", X.
 */
function trailingName(text: string, start: number, end: number, person: boolean): [number, number] {
  const surface = text.slice(start, end);
  if (!/\s\p{Ll}|['’]s\s/u.test(surface.replace(/\s(?:de|da|van|von|der|al|bin|la|le|du|del)\s/g, ' X '))) return [start, end];
  // "Lee Cheuk-yan of the Labour Party": the person is the head, before "of".
  const head = /^((?:\p{Lu}[\p{L}.'’-]*\s+)*\p{Lu}[\p{L}.'’-]*)\s+(?:of|from|at)\s/u.exec(surface);
  if (person && head && !/['’]s$/.test(head[1])) return [start, start + head[1].length];
  if (!person && head) return [start, end];
  const m = /(?:\p{Lu}(?:[\p{L}.-]|['’]\p{Lu})*\s+)*\p{Lu}(?:[\p{L}.-]|['’]\p{Lu})*$/u.exec(surface.replace(/['’]s$/, ''));
  return m ? [start + m.index, start + m.index + m[0].length] : [start, end];
}

function atSentenceStart(text: string, offset: number): boolean {
  return offset === 0 || /(?:^|[.!?:]["'”’)]*\s+|\n\s*|["“‘(]\s*)$/.test(text.slice(Math.max(0, offset - 4), offset));
}

/**
 * One layer of names: nested gold spans ("the Jordan Armed Forces – Arab Army" over "Jordan
 * Armed Forces" and "Arab Army") keep the outer span when it reads as one name (every content
 * word capitalised, no comma) and the inner ones otherwise.
 */
function outermostNames(text: string, spans: TrainSpan[]): TrainSpan[] {
  const clean = (s: TrainSpan): boolean => !/[,–—(]|\s-\s/.test(text.slice(s.start, s.end)) && looksNamedLoose(text.slice(s.start, s.end));
  const sorted = [...spans].sort((a, b) => Number(clean(b)) - Number(clean(a)) || b.end - b.start - (a.end - a.start) || a.start - b.start);
  const kept: TrainSpan[] = [];
  for (const s of sorted) if (!kept.some((k) => k.start < s.end && s.start < k.end)) kept.push(s);
  return kept.sort((a, b) => a.start - b.start);
}

function looksNamedLoose(surface: string): boolean {
  return surface.split(/\s+/).every((w) => FUNCTION_WORDS.has(w.toLowerCase()) || /\p{Lu}|\p{N}/u.test(w) || w === '&' || w === '-');
}

/**
 * Headline variants for the tagger to learn what a capital means in a headline: a copy of some
 * documents with the first line in capitals (wire style, "SOCCER - SHEARER NAMED AS ENGLAND
 * CAPTAIN") and a copy with it in title case ("Biden Administration To Exert Pressure..."),
 * where only the body says which words are names. The texts keep their length, so the spans do
 * not move. `share` of the eligible documents (news and encyclopaedia, not tweets) get each.
 */
export function headlineVariants(docs: TrainDoc[], share: number): TrainDoc[] {
  const out: TrainDoc[] = [];
  docs.forEach((doc, i) => {
    if (doc.dataset === 'btc' || doc.dataset === 'wnut17') return;
    const lineEnd = doc.text.indexOf('\n');
    if (lineEnd < 20) return;
    const pick = ((Math.imul(i + 1, 2654435761) >>> 0) % 1000) / 1000;
    if (pick >= 2 * share) return;
    const head = doc.text.slice(0, lineEnd);
    const variant = pick < share ? upper(head) : titleCase(head);
    if (variant === head) return;
    out.push({ ...doc, id: `${doc.id}#${pick < share ? 'upper' : 'title'}`, text: variant + doc.text.slice(lineEnd) });
  });
  return out;
}

function upper(s: string): string {
  let out = '';
  for (const c of s) {
    const u = c.toUpperCase();
    out += u.length === c.length ? u : c;
  }
  return out;
}

const SMALL_WORDS = new Set('a an the of in on at to for and or but by as is'.split(' '));

function titleCase(s: string): string {
  return s.replace(/\p{Ll}[\p{L}'’]*/gu, (w, offset: number) => (offset > 0 && SMALL_WORDS.has(w) ? w : w[0].toUpperCase() + w.slice(1)));
}

/**
 * Known-name variants: copies of some documents where each organization name is replaced by a
 * name of the knowledge list (a company, index, agency or outlet) and each person by a listed
 * leader, so the tagger learns what a listed name means even when its words read otherwise
 * ("Northrop Grumman", "Hang Seng"). Deterministic for the same inputs.
 */
export function knownNameVariants(docs: TrainDoc[], names: { org: string[]; person: string[] }, share: number): TrainDoc[] {
  const out: TrainDoc[] = [];
  let pick = 0;
  docs.forEach((doc, i) => {
    if (doc.dataset === 'btc' || doc.dataset === 'wnut17') return;
    const draw = ((Math.imul(i + 7, 2246822519) >>> 0) % 1000) / 1000;
    if (draw >= share || !doc.spans.some((s) => s.type === 'ORG' || s.type === 'PER')) return;
    let text = '';
    let last = 0;
    const spans: TrainSpan[] = [];
    for (const s of doc.spans) {
      const pool = s.type === 'ORG' ? names.org : s.type === 'PER' ? names.person : undefined;
      text += doc.text.slice(last, s.start);
      const start = text.length;
      text += pool ? pool[pick++ % pool.length] : doc.text.slice(s.start, s.end);
      spans.push({ start, end: text.length, type: s.type });
      last = s.end;
    }
    text += doc.text.slice(last);
    out.push({ id: `${doc.id}#known`, dataset: doc.dataset, text, spans });
  });
  return out;
}
