import { isSurnameKey, lastNameOfKey, nameOfKey } from '../analysis/entityKeys';
import type { EntityKind } from '../analysis/types';
import type { StoredArticle } from './articleStore';
import { E_KEY, type EntityColumns } from './packed';
import { KeysView } from './smallest';
import { Tally } from './tally';

/** What the corpus keeps about a key itself, whichever article it came from. */
export interface KeyInfo {
  kind: EntityKind;
  /** For a full-name person key: the surname that surname-only mentions elsewhere may join. */
  fullNameSurname?: string;
  /** Totals over every mention with this key in the corpus. */
  count: number;
  spellings: Tally;
  roles: Tally;
  rules: Tally;
  canonicals: Tally;
  /** Article date → the number of articles of that date with this key (first and last dates on the hover). */
  dates: Tally;
}

/** Told of every key, and every surname, whose articles or candidates changed. */
export type TouchKeys = (key: string | undefined, surname?: string) => void;

/**
 * The reverse map of the corpus: entity key → the articles that mention it, what is known
 * about each key, which keys spell the same name, and which full names carry a surname. It
 * is kept current one article at a time and knows nothing of identity rules or corrections.
 */
export class KeyIndex {
  /**
   * entity key → uri → the number of mentions with that key in the article, times two, plus
   * one when one of them spells the full name (so go to definition reads no article it need not).
   */
  private readonly keyArticles = new Map<string, Map<string, number>>();
  private readonly keyInfo = new Map<string, KeyInfo>();
  /** A name ("halden point") → the keys of every kind spelt so, for joining a guessed type to a sure one. */
  private readonly nameKeys = new Map<string, Set<string>>();
  /** surname → full-name person keys carrying it (with article counts). */
  private readonly surnames = new Map<string, Map<string, number>>();
  /**
   * An acronym an article spelt out ("bhb", from "the Brannock Harbour Board (BHB)") → the keys
   * it stood for there, with mention counts: a bare "BHB" elsewhere may join that entity.
   */
  private readonly acronyms = new Map<string, Map<string, number>>();
  private readonly spelt = new Map<string, boolean>();

  /** Adds an article's keys (its corrected entity columns). */
  add(record: StoredArticle, mentions: EntityColumns, touch: TouchKeys): void {
    const date = record.meta.articleDate.value;
    for (const { count, first, surname: named, fullName } of countByKey(mentions).values()) {
      const key = mentions.key(first);
      touch(key);
      let byUri = this.keyArticles.get(key);
      if (!byUri) this.keyArticles.set(key, (byUri = new Map()));
      byUri.set(record.uri, count * 2 + (fullName ? 1 : 0));
      let info = this.keyInfo.get(key);
      if (!info) {
        this.keyInfo.set(key, (info = infoOf(key, mentions.kind(first), named)));
        const name = nameOfKey(key);
        if (name !== undefined) addToSet(this.nameKeys, name, key);
      }
      if (date) info.dates.bump(date, 1);
      const surname = info.fullNameSurname;
      if (surname) {
        increment(this.surnames, surname, key);
        touch(undefined, surname);
      }
    }
    for (let i = 0; i < mentions.n; i++) {
      addMention(this.keyInfo.get(mentions.key(i))!, mentions, i, 1);
      this.countAcronym(mentions, i, 1, touch);
    }
  }

  /** Removes what `add` added for the same record. */
  remove(record: StoredArticle, mentions: EntityColumns, touch: TouchKeys): void {
    for (let i = 0; i < mentions.n; i++) {
      const info = this.keyInfo.get(mentions.key(i));
      if (info) addMention(info, mentions, i, -1);
      this.countAcronym(mentions, i, -1, touch);
    }
    const date = record.meta.articleDate.value;
    for (const { first } of countByKey(mentions).values()) {
      const key = mentions.key(first);
      touch(key);
      const byUri = this.keyArticles.get(key);
      const info = this.keyInfo.get(key);
      if (info && date) info.dates.bump(date, -1);
      const surname = info?.fullNameSurname;
      if (surname) touch(undefined, surname);
      if (byUri) {
        byUri.delete(record.uri);
        if (byUri.size === 0) this.forget(key);
      }
      if (surname) decrement(this.surnames, surname, key);
    }
  }

  /**
   * Counts a mention that spells an entity by its acronym ("BHB" with the key of the Brannock
   * Harbour Board), and tells identity about the bare acronym's keys, which may join or leave it.
   */
  private countAcronym(mentions: EntityColumns, i: number, delta: 1 | -1, touch: TouchKeys): void {
    const acronym = acronymOf(mentions.spelling(i));
    if (acronym === undefined) return;
    const key = mentions.key(i);
    const name = nameOfKey(key);
    if (name === undefined || name === acronym || !this.spells(acronym, name)) return;
    if (delta > 0) increment(this.acronyms, acronym, key);
    else decrement(this.acronyms, acronym, key);
    for (const bare of this.keysNamed(acronym)) touch(bare);
  }

  /** initialsSpell, remembered: "US" for the United States comes 50,000 times in a large corpus. */
  private spells(acronym: string, name: string): boolean {
    const pair = `${acronym}\u0000${name}`;
    let yes = this.spelt.get(pair);
    if (yes === undefined) {
      if (this.spelt.size > 10_000) this.spelt.clear();
      this.spelt.set(pair, (yes = initialsSpell(acronym, name)));
    }
    return yes;
  }

  /** The keys an acronym ("bhb") was spelt out as somewhere in the corpus. */
  expansionsOf(acronym: string): Iterable<string> {
    return this.acronyms.get(acronym)?.keys() ?? [];
  }

  /** Drops a key no article mentions any more. */
  private forget(key: string): void {
    this.keyArticles.delete(key);
    this.keyInfo.delete(key);
    const name = nameOfKey(key);
    if (name === undefined) return;
    const keys = this.nameKeys.get(name);
    keys?.delete(key);
    if (keys?.size === 0) this.nameKeys.delete(name);
  }

  /** True when some article mentions the key. */
  has(key: string): boolean {
    return this.keyArticles.has(key);
  }

  /** Every key some article mentions. */
  keys(): IterableIterator<string> {
    return this.keyArticles.keys();
  }

  /** What is known about a key; undefined when no article mentions it. */
  info(key: string): Readonly<KeyInfo> | undefined {
    return this.keyInfo.get(key);
  }

  /** The articles mentioning a key, each with its tally (mentions × 2, + 1 with a full-name mention). */
  tallies(key: string): ReadonlyMap<string, number> {
    return this.keyArticles.get(key) ?? EMPTY;
  }

  /** The keys of every kind spelt with a name ("halden point"). */
  keysNamed(name: string): Iterable<string> {
    return this.nameKeys.get(name) ?? [];
  }

  /** The full-name person keys with a surname. */
  fullNamesWith(surname: string): Iterable<string> {
    return this.surnames.get(surname)?.keys() ?? [];
  }

  /** The articles any of these keys appears in, unsorted (no copy for a single key). */
  articlesWithAny(keys: readonly string[]): Iterable<string> & { readonly size: number } {
    if (keys.length === 1) return new KeysView(this.tallies(keys[0]));
    const uris = new Set<string>();
    for (const key of keys) for (const uri of this.tallies(key).keys()) uris.add(uri);
    return uris;
  }
}

const EMPTY: ReadonlyMap<string, number> = new Map();

/**
 * The acronym a spelling is, lower-cased like a key's name ("BHB" → "bhb", "U.N." → no: it is
 * spelt with stops), or undefined: two to eight capitals and digits, starting with a capital.
 */
export function acronymOf(spelling: string): string | undefined {
  // Every mention of the corpus passes here: most are ruled out by their length or second letter.
  const n = spelling.length;
  if (n < 2 || n > 8) return undefined;
  const second = spelling.charCodeAt(1);
  if (second >= 97 && second <= 122) return undefined;
  return ACRONYM.test(spelling) ? spelling.toLowerCase() : undefined;
}

const ACRONYM = /^[A-Z][A-Z0-9&]{1,7}$/;

/** Small words an acronym may leave out ("Bureau of Investigation" → "BI"). */
const SKIPPABLE = new Set(['of', 'the', 'and', 'for', 'in', 'on', 'to', 'de', 'du', 'des', 'la', 'le', 'et', 'at', '&']);

/**
 * True when the initials of a name's words spell the acronym, small words optional
 * ("brannock harbour board" → "bhb", "organisation for economic co-operation and development" →
 * "oecd"): only such a spelling is an acronym spelt out, not a shouted surname or headline word.
 */
export function initialsSpell(acronym: string, name: string): boolean {
  // Each word gives its initial (a small word may give none); the later parts of a hyphenated
  // word may give theirs too ("co-operation" is C or CO).
  const parts = name.split(/\s+/).flatMap((word) => word.split('-').filter((p) => p.length > 0).map((part, i) => ({ part, optional: i > 0 || SKIPPABLE.has(word) })));
  // reachable[j]: the first j letters of the acronym are spelt by the parts read so far.
  let reachable = new Uint8Array(acronym.length + 1);
  reachable[0] = 1;
  for (const { part, optional } of parts) {
    const next = new Uint8Array(acronym.length + 1);
    for (let j = 0; j <= acronym.length; j++) {
      if (!reachable[j]) continue;
      if (optional) next[j] = 1;
      if (j < acronym.length && part[0] === acronym[j]) next[j + 1] = 1;
    }
    reachable = next;
  }
  return reachable[acronym.length] === 1;
}

/** Adds (+1) or removes (-1) one mention from its key's totals. */
function addMention(info: KeyInfo, mentions: EntityColumns, i: number, delta: 1 | -1): void {
  info.count += delta;
  info.spellings.bump(mentions.spelling(i), delta);
  const role = mentions.role(i);
  if (role) info.roles.bump(role, delta);
  info.rules.bump(mentions.rule(i), delta);
  if (!mentions.demonym(i)) info.canonicals.bump(mentions.canonical(i), delta);
}

function infoOf(key: string, kind: EntityKind, surname: string | undefined): KeyInfo {
  const fullNameSurname = kind === 'person' && !isSurnameKey(key) ? (surname ?? lastNameOfKey(key)) : undefined;
  return { kind, fullNameSurname, count: 0, spellings: new Tally(), roles: new Tally(), rules: new Tally(), canonicals: new Tally(), dates: new Tally() };
}

/** Per key cell in one article: its mention count, first mention, first surname written and whether a mention spells the full name. */
function countByKey(mentions: EntityColumns): Map<number, { count: number; first: number; surname?: string; fullName: boolean }> {
  const out = new Map<number, { count: number; first: number; surname?: string; fullName: boolean }>();
  for (let i = 0; i < mentions.n; i++) {
    const keyCell = mentions.cell(E_KEY, i);
    const fullName = mentions.fullName(i);
    const seen = out.get(keyCell);
    if (seen) {
      seen.count++;
      seen.surname ??= mentions.surname(i);
      seen.fullName ||= fullName;
    } else out.set(keyCell, { count: 1, first: i, surname: mentions.surname(i), fullName });
  }
  return out;
}

function increment(map: Map<string, Map<string, number>>, outer: string, inner: string): void {
  let m = map.get(outer);
  if (!m) map.set(outer, (m = new Map()));
  m.set(inner, (m.get(inner) ?? 0) + 1);
}

function decrement(map: Map<string, Map<string, number>>, outer: string, inner: string): void {
  const m = map.get(outer);
  if (!m) return;
  const n = (m.get(inner) ?? 0) - 1;
  if (n > 0) m.set(inner, n);
  else m.delete(inner);
  if (m.size === 0) map.delete(outer);
}

function addToSet(map: Map<string, Set<string>>, outer: string, inner: string): void {
  let set = map.get(outer);
  if (!set) map.set(outer, (set = new Set()));
  set.add(inner);
}
