/**
 * Identity keys for the mentions of one article: every mention of one entity carries the
 * same key, which the corpus uses to link articles.
 *
 * - person with a full name: `person:` + lower-cased first and last names (middle initials
 *   and Jr/Sr/III dropped: "George W. Bush" → "person:george bush");
 * - surname only ("Putin", "Mr Putin"): the key of the article's full name with that surname;
 *   when two full names share it ("Joe Biden", "Hunter Biden") the bare surname joins the
 *   most recent full name written before it (the nearest antecedent, as a reader would), else
 *   the most frequent one; with no full name, `person:~` + surname;
 * - places: `place:` + the gazetteer's canonical name, so aliases fold ("U.S." → united states);
 * - organizations: `org:` + a normalised name ("Defence Ministry" = "Ministry of Defense",
 *   "Apple Inc." = "Apple"), acronyms joined to expansions written in the article ("...
 *   Organization (NATO)") or listed in KNOWN_ACRONYMS; "Apple Computer" joins "Apple" when the
 *   article also writes the short name alone.
 */
import type { EntityKind, EntityMention } from '../types';
import { CORPORATE_DESCRIPTORS, CORPORATE_FORMS, KNOWN_ACRONYMS } from './wordLists';

/** A mention before keys are assigned. */
export interface Draft {
  start: number;
  end: number;
  /** The words of the mention as written (possessive already cut). */
  words: string[];
  kind: EntityKind;
  rule: string;
  /** Lower-case canonical name from a gazetteer or list, when known. */
  canonical?: string;
  demonym?: boolean;
  role?: string;
  /** A precomputed place key; used only while the draft is still a place. */
  key?: string;
  /** The first word lower-cased (the token's own string, so lookups reuse its hash). */
  firstLower: string;
  /** The last of several words is a legal or corporate form ("Inc.", "Corporation", "Group"). */
  corporateTail?: boolean;
}

const NAME_SUFFIX = /^(?:jr|jr\.|sr|sr\.|ii|iii|iv)$/i;
const ACRONYM_DEFINITION = /^[ \u00a0]*\([ \u00a0]*(\p{Lu}[\p{Lu}\p{Ll}&.-]{1,11})[ \u00a0]*\)/u;
/** Rules weak enough that a person surname seen elsewhere in the article overrides them. */
const WEAK_RULES = new Set(['capitalised-run', 'context:preposition', 'gazetteer:person-name', 'gazetteer:city', 'context:verb', 'surname-in-article']);
/** Rules strong enough to type the article's other, weakly typed mentions of the same word. */
const VOTING_RULES = new Set(['context:place-noun', 'context:place-region']);
/** How many weakly typed mentions one mention typed by a voting rule outweighs. */
const CONTEXT_VOTE = 3;

/**
 * Turns drafts into entity mentions with keys, canonical spellings, surnames and fullName.
 * `text` is the article; drafts may come in any order.
 */
export function assignKeys(text: string, drafts: Draft[]): EntityMention[] {
  const kept = outermostDrafts(drafts);
  const people = collectPeople(kept);
  retypeSurnames(kept, people);
  voteWeakTypes(kept);
  retypeLikePlaces(kept);
  const mentions = keyMentions(text, kept, people);
  joinCompanyNames(kept, mentions);
  setCanonicalSpellings(mentions);
  return mentions;
}

/** Drafts in text order, without those nested in an earlier one (they cannot be scored twice and confuse keys). */
export function outermostDrafts(drafts: Draft[]): Draft[] {
  // Drafts come in text order but for the odd sub-mention; sort only when needed.
  for (let i = 1; i < drafts.length; i++) {
    if (drafts[i].start < drafts[i - 1].start) {
      drafts.sort((a, b) => a.start - b.start || b.end - a.end);
      break;
    }
  }
  const kept: Draft[] = [];
  let lastEnd = -1;
  for (const d of drafts) {
    if (d.start < lastEnd) continue;
    kept.push(d);
    lastEnd = d.end;
  }
  return kept;
}

/** The people an article names: full names by surname, surnames a bare word may take, each person draft's name words. */
interface People {
  fullNames: Map<string, Array<{ key: string; start: number }>>;
  surnamesSeen: Set<string>;
  /** By draft index: the words of a person's name without initials and suffixes. */
  personWords: string[][];
}

function collectPeople(kept: Draft[]): People {
  const fullNames = new Map<string, Array<{ key: string; start: number }>>();
  const surnamesSeen = new Set<string>();
  const personWords: string[][] = new Array(kept.length);
  for (let i = 0; i < kept.length; i++) {
    const d = kept[i];
    if (d.kind !== 'person') continue;
    const w = nameWords(d.words);
    personWords[i] = w;
    if (!w.length) continue;
    const surname = w[w.length - 1].toLowerCase();
    // Only a person the article clearly names (full name or title) lends its surname to bare words.
    if (w.length >= 2 || !WEAK_RULES.has(d.rule)) surnamesSeen.add(surname);
    if (w.length >= 2) {
      const list = fullNames.get(surname) ?? [];
      list.push({ key: 'person:' + w.join(' ').toLowerCase(), start: d.start });
      fullNames.set(surname, list);
    }
  }
  return { fullNames, surnamesSeen, personWords };
}

/**
 * A single word typed by a weak rule is a person when the article names a person so, unless
 * the article also names an organization that starts with it ("Ford Motor Company" / "Ford").
 */
function retypeSurnames(kept: Draft[], { surnamesSeen, personWords }: People): void {
  if (!surnamesSeen.size) return;
  const orgHeads = new Set<string>();
  for (const d of kept) if (d.kind === 'org' && d.words.length > 1 && !WEAK_RULES.has(d.rule)) orgHeads.add(d.firstLower);
  for (let i = 0; i < kept.length; i++) {
    const d = kept[i];
    // A listed company ("Ford") is still a person in an article that names "Harrison Ford".
    if (d.kind === 'person' || d.words.length !== 1 || !(WEAK_RULES.has(d.rule) || d.rule === 'list:org') || d.demonym) continue;
    if (surnamesSeen.has(d.firstLower) && !orgHeads.has(d.firstLower)) {
      d.kind = 'person';
      d.rule = 'surname-in-article';
      personWords[i] = nameWords(d.words);
    }
  }
}

/**
 * Weakly typed single words ("Chrysler", "Chrysler's") take the kind most of their mentions
 * have; a mention that a place noun or bearing types ("east of Tavildara") votes too.
 */
function voteWeakTypes(kept: Draft[]): void {
  const votes = new Map<string, { person: number; org: number; place: number }>();
  for (const d of kept) {
    if (d.words.length !== 1 || !(WEAK_RULES.has(d.rule) || VOTING_RULES.has(d.rule)) || d.demonym) continue;
    const v = votes.get(d.firstLower) ?? { person: 0, org: 0, place: 0 };
    v[d.kind] += VOTING_RULES.has(d.rule) ? CONTEXT_VOTE : 1;
    votes.set(d.firstLower, v);
  }
  for (const d of kept) {
    if (d.words.length !== 1 || !WEAK_RULES.has(d.rule) || d.demonym) continue;
    const v = votes.get(d.firstLower);
    if (!v) continue;
    const best: EntityKind = v.person > v.org && v.person > v.place ? 'person' : v.place > v.org ? 'place' : 'org';
    if (best !== d.kind && v[best] > v[d.kind]) d.kind = best;
  }
}

/** The mentions of the drafts with their keys; acronyms defined in the text ("... Organization (NATO)") share their expansion's key. */
function keyMentions(text: string, kept: Draft[], { fullNames, personWords }: People): EntityMention[] {
  const acronymKeys = new Map<string, { kind: EntityKind; key: string }>();
  /** Surname → key of the last full name with it before the current mention. */
  const latestFull = new Map<string, string>();
  const singles = new Map<string, string | null>();
  const mentions: EntityMention[] = [];
  for (let i = 0; i < kept.length; i++) {
    const d = kept[i];
    const surface = text.slice(d.start, d.end);
    let key: string;
    let surname: string | undefined;
    let fullName = false;
    const defined = acronymKeys.size ? acronymKeys.get(surface.toLowerCase()) : undefined;
    if (defined && d.kind !== 'person') {
      d.kind = defined.kind;
      key = defined.key;
    } else if (d.kind === 'person') {
      const w = personWords[i]?.length ? personWords[i] : d.words;
      surname = w[w.length - 1].toLowerCase();
      if (w.length >= 2) {
        fullName = true;
        key = 'person:' + w.join(' ').toLowerCase();
        latestFull.set(surname, key);
      } else {
        key = resolveSurname(surname, fullNames, latestFull, singles);
      }
    } else {
      key = placeOrOrgKey(d, surface);
    }
    if (d.kind !== 'person' && (text.charCodeAt(d.end + 1) === 40 || text.charCodeAt(d.end) === 40)) {
      const def = ACRONYM_DEFINITION.exec(text.slice(d.end, d.end + 20));
      if (def && initialsMatch(d.words, def[1])) acronymKeys.set(def[1].toLowerCase(), { kind: d.kind, key });
    }
    const m: EntityMention = { kind: d.kind, start: d.start, end: d.end, text: surface, key, canonical: surface, fullName, rule: d.rule };
    if (surname !== undefined) m.surname = surname;
    if (d.role) m.role = d.role;
    if (d.demonym) m.demonym = true;
    mentions.push(m);
  }
  // Acronyms used before their definition get the expansion's key too.
  for (const m of acronymKeys.size ? mentions : []) {
    if (m.kind === 'person') continue;
    const defined = acronymKeys.get(m.text.toLowerCase());
    if (defined) {
      m.key = defined.key;
      m.kind = defined.kind;
    }
  }
  return mentions;
}

/** The key of a place (the gazetteer's, or its spelling) or an organization (its normalised name). */
function placeOrOrgKey(d: Draft, surface: string): string {
  if (d.kind === 'place') return d.key && d.canonical !== undefined ? d.key : 'place:' + (d.canonical ?? normaliseSpaces(surface.toLowerCase()));
  const known = d.canonical === undefined && surface.length <= 6 ? KNOWN_ACRONYMS.get(surface.toLowerCase()) : undefined;
  const name = d.canonical ?? (known && known[0] === 'org' ? known[1] : normaliseOrg(surface));
  return 'org:' + (d.corporateTail || d.canonical !== undefined ? withoutCorporateForm(name) : name);
}

/** The canonical spelling: the longest non-demonym spelling of the entity in the article. */
function setCanonicalSpellings(mentions: EntityMention[]): void {
  const best = new Map<string, { text: string }>();
  const records: Array<{ text: string }> = new Array(mentions.length);
  for (let i = 0; i < mentions.length; i++) {
    const m = mentions[i];
    let rec = best.get(m.key);
    if (!rec) {
      rec = { text: m.demonym ? '' : m.text };
      best.set(m.key, rec);
    } else if (!m.demonym && m.text.length > rec.text.length) {
      rec.text = m.text;
    }
    records[i] = rec;
  }
  for (let i = 0; i < mentions.length; i++) mentions[i].canonical = records[i].text || mentions[i].text;
}

/** Rules that type a name of several words with no evidence from its context. */
const GUESSED_MULTI = new Set(['gazetteer:given-name', 'capitalised-run', 'gazetteer:person-name']);

/**
 * "HALDEN POINT, Merovia" (a dateline) or "the port of Halden Point" shows the name is a place:
 * the article's other mentions of it that were typed by a guess become places too.
 */
function retypeLikePlaces(drafts: Draft[]): void {
  let places: Set<string> | undefined;
  for (const d of drafts) {
    if (d.kind === 'place' && d.words.length > 1 && (d.rule === 'dateline' || d.rule === 'context:place-noun')) (places ??= new Set()).add(d.words.join(' ').toLowerCase());
  }
  if (!places) return;
  for (const d of drafts) {
    if (d.kind !== 'place' && d.words.length > 1 && GUESSED_MULTI.has(d.rule) && places.has(d.words.join(' ').toLowerCase())) {
      d.kind = 'place';
      d.rule = 'context:place-in-article';
      d.canonical = undefined;
    }
  }
}

/** The words of a person's name without initials and Jr/Sr suffixes ("George W. Bush" → George Bush). */
function nameWords(words: string[]): string[] {
  if (words.length === 1) return words;
  const out: string[] = [];
  for (const w of words) {
    // A first initial stays out too, so "P. Simmons" is a surname mention that can join "Phil Simmons".
    if (w.length <= 2 && (w.length === 1 || w.charCodeAt(1) === 46)) continue;
    if (w.length <= 4 && NAME_SUFFIX.test(w)) continue;
    out.push(w);
  }
  return out;
}

/**
 * The key of a bare surname. `singles` caches, per surname, its full names' one key, or null when
 * people with different first names share it.
 */
function resolveSurname(surname: string, fullNames: Map<string, Array<{ key: string; start: number }>>, latestFull: Map<string, string>, singles: Map<string, string | null>): string {
  const list = fullNames.get(surname);
  if (!list?.length) return 'person:~' + surname;
  let single = singles.get(surname);
  if (single === undefined) {
    single = list.every((f) => f.key === list[0].key) ? list[0].key : null;
    singles.set(surname, single);
  }
  if (single) return single;
  // Several people share the surname: the nearest full name written before this mention wins,
  // else the most frequent one.
  const nearest = latestFull.get(surname);
  if (nearest) return nearest;
  const counts = new Map<string, number>();
  let best = list[0].key;
  for (const f of list) {
    const n = (counts.get(f.key) ?? 0) + 1;
    counts.set(f.key, n);
    if (n > (counts.get(best) ?? 0)) best = f.key;
  }
  return best;
}

function normaliseSpaces(s: string): string {
  return /\s\s|[\t\n\r\u00a0]/.test(s) ? s.replace(/\s+/g, ' ').trim() : s;
}

/**
 * Folds spelling variants of an organization name: "the", British/American spellings, and
 * "Defense Ministry" / "State Department" to "ministry of defense" / "department of state".
 */
export function normaliseOrg(name: string): string {
  let s = name.toLowerCase();
  if (s.indexOf(' ') < 0) return s;
  s = normaliseSpaces(s);
  if (s.startsWith('the ')) s = s.slice(4);
  // Most names need none of the folds below; the substring tests keep them cheap.
  if (s.includes('defence')) s = s.replace(/\bdefence\b/g, 'defense');
  if (s.includes('organisation')) s = s.replace(/\borganisation\b/g, 'organization');
  if (s.includes('centre')) s = s.replace(/\bcentre\b/g, 'center');
  if (s.includes('labour')) s = s.replace(/\blabour\b/g, 'labor');
  if (s.endsWith('ministry') || s.endsWith('department')) {
    // A country in front stays in front: "US State Department" is the "US Department of State".
    const country = COUNTRY_PREFIX.exec(s);
    const prefix = country ? `${country[1] === 'u.s.' || country[1] === 'united states' ? 'us' : country[1]} ` : '';
    const rest = country ? s.slice(country[0].length) : s;
    const m = /^([a-z]+(?: [a-z]+)?) (ministry|department)$/.exec(rest);
    if (m) s = `${prefix}${m[2]} of ${m[1]}`;
  } else if (s.startsWith('u.s. ') || s.startsWith('united states department ') || s.startsWith('united states ministry ')) {
    s = s.replace(/^(u\.s\.|united states) /, 'us ');
  }
  return s;
}

/** Countries that head a government body's name in news ("Russian Defence Ministry", "US State Department"). */
const COUNTRY_PREFIX =
  /^(us|u\.s\.|united states|uk|british|american|russian|ukrainian|chinese|french|german|israeli|iranian|indian|japanese|turkish|polish|italian|spanish|canadian|australian|pakistani|afghan|iraqi|syrian|egyptian|saudi|south korean|north korean|belarusian|brazilian|mexican) (?=[a-z]+(?: [a-z]+)? (?:ministry|department)$)/;

/**
 * "general motors corporation" → "general motors", "apple, inc." → "apple": legal and corporate
 * forms at the end of a name, when a name is left.
 */
export function withoutCorporateForm(name: string): string {
  let end = name.length;
  for (;;) {
    const space = name.lastIndexOf(' ', end - 1);
    if (space <= 0 || !CORPORATE_FORMS.has(name.slice(space + 1, end))) break;
    end = space;
  }
  if (end === name.length) return name;
  return name.charCodeAt(end - 1) === 44 ? name.slice(0, end - 1) : name.slice(0, end);
}

/**
 * "Apple Computer" in an article that also writes "Apple" alone is Apple: a longer company name
 * made of the short name and words that say what it makes takes the short name's key. Only when
 * one such longer name starts with the short one ("Apple Corps" and "Apple Computer" in one
 * article leave both alone).
 */
function joinCompanyNames(drafts: Draft[], mentions: EntityMention[]): void {
  // mentions[i] was made from drafts[i].
  let shortKeys: Map<string, string> | undefined;
  let longNames = false;
  for (let i = 0; i < drafts.length; i++) {
    if (mentions[i].kind !== 'org') continue;
    if (drafts[i].words.length === 1) (shortKeys ??= new Map()).set(drafts[i].firstLower, mentions[i].key);
    else longNames = true;
  }
  if (!shortKeys || !longNames) return;
  const longKeys = new Map<string, string | null>();
  const joins: Array<{ m: EntityMention; head: string }> = [];
  for (let i = 0; i < drafts.length; i++) {
    const d = drafts[i];
    const m = mentions[i];
    if (m.kind !== 'org' || d.words.length < 2) continue;
    const from = d.firstLower === 'the' ? 1 : 0;
    if (from === 1 && d.words.length < 3) continue;
    const head = from === 0 ? d.firstLower : d.words[1].toLowerCase();
    const shortKey = shortKeys.get(head);
    if (shortKey === undefined || shortKey === m.key) continue;
    const prev = longKeys.get(head);
    longKeys.set(head, prev === undefined || prev === m.key ? m.key : null);
    let descriptive = true;
    for (let j = from + 1; j < d.words.length && descriptive; j++) {
      const w = d.words[j].toLowerCase();
      descriptive = CORPORATE_DESCRIPTORS.has(w) || CORPORATE_FORMS.has(w);
    }
    if (descriptive) joins.push({ m, head });
  }
  for (const { m, head } of joins) if (longKeys.get(head)) m.key = shortKeys.get(head)!;
}

/** True when the acronym's letters are the initials of the name's capitalised words. */
function initialsMatch(words: string[], acronym: string): boolean {
  const letters = acronym.replace(/[^\p{Lu}]/gu, '');
  if (letters.length < 2) return false;
  const initials = words.map((w) => w[0]).join('');
  if (initials === letters) return true;
  // Allow skipped words ("Organization of the Petroleum Exporting Countries" → OPEC).
  let j = 0;
  for (const c of initials) if (c === letters[j]) j++;
  return j === letters.length && letters[0] === initials[0];
}
