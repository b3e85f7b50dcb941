import { nameOfKey, surnameKey, surnameOfKey } from '../analysis/entityKeys';
import { acronymOf, type KeyIndex, type KeyInfo } from './keyIndex';

/** A merge correction after overlapping ones are joined: the ids it names and its display name. */
interface MergeGroup {
  ids: string[];
  name?: string;
}

/** One entity made by merges: its id (the smallest of its ids), what it spans, and its name. */
interface Merged {
  rep: string;
  /** The ids the reader named and the entities they resolve to without merges. */
  ids: string[];
  name?: string;
}

/** Told which entity ids may have changed, or 'all'. */
export type ForgetListener = (ids: ReadonlySet<string> | 'all') => void;

/** Past this many stale keys (loading a corpus) it is cheaper to forget everything than to track each. */
const MAX_STALE = 5000;

/** Rules that only guess an entity's type: a capitalised run, a first word that is a given name. */
const GUESSING_RULES = new Set(['capitalised-run', 'gazetteer:given-name']);

/**
 * Which keys make one entity, over the key index: a surname joins the one full name that
 * carries it, a name typed only by a guess joins the one firmer reading of the same name,
 * and the reader's merges join ids. Resolved at query time from the key tables, so the
 * answer never depends on the order articles came in.
 *
 * It owns the resolved ids and member lists it caches. The key index tells it (touch) which
 * keys changed; on the next query it forgets what those keys may have changed and tells the
 * caches built on it (onForget) which ids to forget too.
 */
export class Identity {
  private groups: MergeGroup[] = [];
  /** Merged entities by every id in them; rebuilt when the keys they resolve through change. */
  private merged = new Map<string, Merged>();
  private mergedStale = true;
  private noJoin: ReadonlySet<string> = new Set();
  private resolved = new Map<string, string>();
  private members = new Map<string, string[]>();
  private readonly staleKeys = new Set<string>();
  private readonly staleSurnames = new Set<string>();
  private allStale = false;
  private readonly listeners: ForgetListener[] = [];

  constructor(private readonly keys: KeyIndex) {}

  /** Registers a cache built on identities, to be told which ids to forget. */
  onForget(listener: ForgetListener): void {
    this.listeners.push(listener);
  }

  /**
   * Sets the reader's merges and never-join keys; every identity is recomputed. Merges that
   * share an id are one entity (A+B, B+C and C+A make A+B+C); the warnings name them, and a
   * merged entity given two names.
   */
  setRules(merges: readonly { ids: string[]; name?: string }[], noJoin: ReadonlySet<string>): string[] {
    const { groups, warnings } = joinOverlapping(merges);
    this.groups = groups;
    this.noJoin = noJoin;
    this.allStale = true;
    return warnings;
  }

  /** Notes a key, or a surname, whose articles changed. */
  readonly touch = (key: string | undefined, surname?: string): void => {
    if (this.allStale) return;
    if (key !== undefined) this.staleKeys.add(key);
    if (surname !== undefined) this.staleSurnames.add(surname);
    if (this.staleKeys.size + this.staleSurnames.size > MAX_STALE) {
      this.allStale = true;
      this.staleKeys.clear();
      this.staleSurnames.clear();
    }
  };

  /**
   * The entity id a key belongs to: its own entity (a surname joined to its full name, a guess
   * to its firmer reading), then the merged entity that contains it. One lookup each, so
   * merges through surname keys that point back at each other cannot loop.
   */
  resolve(key: string): string {
    this.sync();
    const cached = this.resolved.get(key);
    if (cached !== undefined) return cached;
    const own = this.ownEntity(key);
    const id = this.mergedEntities().get(own)?.rep ?? this.mergedEntities().get(key)?.rep ?? own;
    this.resolved.set(key, id);
    return id;
  }

  /** The display name a merge gave an entity, if any. */
  mergedName(id: string): string | undefined {
    this.sync();
    return this.mergedEntities().get(id)?.name;
  }

  /**
   * The keys whose mentions make up the entity of an id or key: every key that resolves to it,
   * found among the ids it spans, their other types and their surname keys.
   */
  membersOf(id: string): string[] {
    this.sync();
    // A surname key that joined a full name stands for the full name's entity.
    const target = this.resolve(id);
    const cached = this.members.get(target);
    if (cached) return cached;
    const members = new Set<string>();
    const consider = (key: string) => {
      if (!members.has(key) && this.keys.has(key) && this.resolve(key) === target) members.add(key);
    };
    for (const base of this.mergedEntities().get(target)?.ids ?? [target]) {
      const name = nameOfKey(base);
      for (const key of name === undefined ? [base] : [base, ...this.keys.keysNamed(name)]) {
        consider(key);
        const info = this.keys.info(key);
        const surname = info?.fullNameSurname;
        if (surname) {
          consider(surnameKey(surname));
          // The surname alone, typed otherwise by a guess ("org:papermaster"), may have joined the person.
          for (const other of this.keys.keysNamed(surname)) consider(other);
        }
        // Its adjective, typed otherwise by a guess ("org:merovian"), may have joined a place.
        if (info?.kind === 'place' && name !== undefined) for (const form of demonymForms(name)) for (const other of this.keys.keysNamed(form)) consider(other);
        // Its acronym written bare in other articles ("org:bhb") may have joined it.
        for (const [spelling] of info?.spellings ?? []) {
          const acronym = acronymOf(spelling);
          if (acronym !== undefined) for (const other of this.keys.keysNamed(acronym)) consider(other);
        }
      }
    }
    const list = [...members];
    this.members.set(target, list);
    return list;
  }

  /**
   * The entity a key belongs to before merges: a surname joins its one full name, a surname only
   * guessed to be something else joins its person, a guess its firmer reading.
   */
  private ownEntity(key: string): string {
    let id = key;
    const surname = surnameOfKey(key);
    if (surname !== undefined && !this.noJoin.has(key)) {
      const candidates = [...this.keys.fullNamesWith(surname)].filter((k) => !this.noJoin.has(k));
      if (candidates.length === 1) id = candidates[0];
    } else if (surname === undefined) {
      id = this.personOfSurname(key) ?? this.expansionOf(key) ?? this.placeOfDemonym(key) ?? key;
    }
    return this.retyped(id);
  }

  /**
   * "Merovian", typed an organization or a person only by a guess, where the corpus names the
   * place "Merovia" on firm ground: the adjective of a country no list knows is a mention of its
   * place, as "Russian" is of Russia. Only one such place, and never against the reader's split.
   */
  private placeOfDemonym(key: string): string | undefined {
    const name = nameOfKey(key);
    const info = this.keys.info(key);
    if (name === undefined || !info || info.kind === 'place' || name.includes(' ') || this.noJoin.has(key) || !onlyWeaklyTyped(info)) return undefined;
    let target: string | undefined;
    for (const base of demonymBases(name)) {
      for (const place of this.keys.keysNamed(base)) {
        const placeInfo = this.keys.info(place);
        if (!placeInfo || placeInfo.kind !== 'place' || onlyGuessed(placeInfo) || this.noJoin.has(place)) continue;
        if (target !== undefined && target !== place) return undefined;
        target = place;
      }
    }
    return target;
  }

  /**
   * "BHB" written bare, where another article spelt it out ("the Brannock Harbour Board (BHB)"),
   * is that entity, when the corpus spelt it out as one entity only and nothing says otherwise.
   */
  private expansionOf(key: string): string | undefined {
    const name = nameOfKey(key);
    if (name === undefined || this.noJoin.has(key) || acronymOf(name.toUpperCase()) === undefined) return undefined;
    let target: string | undefined;
    for (const expansion of this.keys.expansionsOf(name)) {
      if (expansion === key || this.noJoin.has(expansion)) continue;
      if (target !== undefined) return undefined; // Spelt out two ways: no guess between them.
      target = expansion;
    }
    return target;
  }

  /**
   * "Papermaster" typed an organization in one article by a guess (the tagger's, a capitalised
   * word) and "Mark Papermaster" a person in others: the word joins the one person with that
   * surname when nothing firmer typed it and the person is written at least as often. The weight
   * of evidence decides: a firm named after its founder and written so more often ("Dell") stays.
   */
  private personOfSurname(key: string): string | undefined {
    const name = nameOfKey(key);
    const info = this.keys.info(key);
    if (name === undefined || !info || info.kind === 'person' || name.includes(' ') || this.noJoin.has(key) || !onlyWeaklyTyped(info)) return undefined;
    const candidates = [...this.keys.fullNamesWith(name)].filter((k) => !this.noJoin.has(k));
    if (candidates.length !== 1) return undefined;
    const personCount = (this.keys.info(candidates[0])?.count ?? 0) + (this.keys.info(surnameKey(name))?.count ?? 0);
    return personCount >= info.count ? candidates[0] : undefined;
  }

  /**
   * The merged entities, by each id they span. A merge names ids as the reader saw them (a
   * surname key, a full name); each stands for its own entity, and merges whose entities meet
   * are one. Cheap: as many steps as ids in the corrections.
   */
  private mergedEntities(): Map<string, Merged> {
    if (!this.mergedStale) return this.merged;
    this.mergedStale = false;
    const { groups } = joinOverlapping(this.groups.map((g) => ({ ids: [...g.ids, ...g.ids.map((id) => this.ownEntity(id))], name: g.name })));
    this.merged = new Map();
    for (const group of groups) {
      const entity: Merged = { rep: group.ids.map((id) => this.ownEntity(id)).sort()[0], ids: group.ids, name: group.name };
      for (const id of group.ids) this.merged.set(id, entity);
    }
    return this.merged;
  }

  /** Every entity id (keys that joined another entity are folded in). */
  entityIds(): string[] {
    const ids = new Set<string>();
    for (const key of this.keys.keys()) ids.add(this.resolve(key));
    return [...ids];
  }

  /**
   * A name typed only by a guess ("Halden" is a given name, so "Halden Point" a person) joins
   * the one entity of another type that the same name has on firmer ground elsewhere (a
   * dateline, "the port of Halden Point"). Otherwise the key stands.
   */
  private retyped(key: string): string {
    const name = nameOfKey(key);
    const info = this.keys.info(key);
    if (name === undefined || !info || !onlyGuessed(info)) return key;
    let target: string | undefined;
    for (const other of this.keys.keysNamed(name)) {
      const otherInfo = this.keys.info(other);
      if (other === key || !otherInfo || otherInfo.kind === info.kind || onlyGuessed(otherInfo)) continue;
      if (target !== undefined) return key; // Two firmer readings: no guess between them.
      target = other;
    }
    return target ?? key;
  }

  /**
   * Forgets what changed keys may have changed. An edit touches a few keys, so only the
   * entities those keys belong to (and, for people, the others sharing a surname, and for a
   * name, its other types) are forgotten: the summary of "United States" over 10,000 articles
   * is not recomputed because one article about Lisbon changed.
   */
  sync(): void {
    // Merges resolve through surname joins and retyping, which any key change may move.
    if (this.groups.length > 0 && (this.allStale || this.staleKeys.size > 0 || this.staleSurnames.size > 0)) {
      const before = this.merged;
      this.mergedStale = true;
      if (!this.allStale && !sameMerges(before, this.mergedEntities())) this.allStale = true;
    }
    if (this.allStale) {
      this.mergedStale = true;
      this.allStale = false;
      this.staleKeys.clear();
      this.staleSurnames.clear();
      this.resolved = new Map();
      this.members = new Map();
      for (const listener of this.listeners) listener('all');
      return;
    }
    if (this.staleKeys.size === 0 && this.staleSurnames.size === 0) return;
    const ids = this.staleIds();
    this.staleKeys.clear();
    this.staleSurnames.clear();
    for (const id of ids) {
      this.resolved.delete(id);
      // A cached members list names the keys it holds; each of those keys resolves to it.
      for (const member of this.members.get(id) ?? []) this.resolved.delete(member);
      this.members.delete(id);
    }
    for (const listener of this.listeners) listener(ids);
  }

  /** The keys and ids the stale keys and surnames may have moved. */
  private staleIds(): Set<string> {
    const keys = new Set(this.staleKeys);
    // A surname's people, its surname-only key and the other types spelt as it, which may join them.
    const addSurname = (surname: string): void => {
      keys.add(surnameKey(surname));
      for (const full of this.keys.fullNamesWith(surname)) keys.add(full);
      for (const other of this.keys.keysNamed(surname)) keys.add(other);
    };
    for (const surname of this.staleSurnames) addSurname(surname);
    // A one-word name of another type ("org:marrow") may join, or leave, the person of that surname.
    for (const key of [...keys]) {
      const name = nameOfKey(key);
      const surname = surnameOfKey(key) ?? (name !== undefined && !name.includes(' ') ? name : undefined);
      if (surname !== undefined) addSurname(surname);
    }
    // A change to one spelling of a name may retype the others.
    for (const key of [...keys]) {
      const name = nameOfKey(key);
      for (const other of name === undefined ? [] : this.keys.keysNamed(name)) keys.add(other);
    }
    // An adjective joins, or leaves, its place ("merovian" and "merovia"), whichever of them changed.
    // Followed to the end: a place that changed moves its adjective, which may join another place.
    const pending = [...keys];
    for (let key = pending.pop(); key !== undefined; key = pending.pop()) {
      const name = nameOfKey(key);
      if (name === undefined || name.includes(' ')) continue;
      for (const form of [...demonymForms(name), ...demonymBases(name)]) {
        for (const other of this.keys.keysNamed(form)) {
          if (keys.has(other)) continue;
          keys.add(other);
          pending.push(other);
        }
      }
    }
    // A bare acronym joins, or leaves, the entities it was spelt out as.
    for (const key of [...keys]) {
      const name = nameOfKey(key);
      if (name !== undefined && acronymOf(name.toUpperCase()) !== undefined) for (const expansion of this.keys.expansionsOf(name)) keys.add(expansion);
    }
    const ids = new Set<string>();
    for (const key of keys) {
      ids.add(key);
      const was = this.resolved.get(key);
      if (was !== undefined) ids.add(was);
      const group = this.merged.get(key) ?? (was !== undefined ? this.merged.get(was) : undefined);
      if (group) for (const id of [group.rep, ...group.ids]) ids.add(id);
    }
    return ids;
  }
}

/**
 * The adjectives news forms from a one-word place ("merovia" → "merovian", "brazil" →
 * "brazilian", "taiwan" → "taiwanese", "iraq" → "iraqi", "cuba" → "cuban", "china" → "chinese").
 */
export function demonymForms(place: string): string[] {
  if (place.length < 4 || !/^\p{Ll}+$/u.test(place)) return [];
  const stem = /[aeo]$/.test(place) ? place.slice(0, -1) : place;
  const forms = new Set([`${place}n`, `${place}an`, `${place}ian`, `${place}ese`, `${place}i`, `${stem}an`, `${stem}ian`, `${stem}ese`]);
  forms.delete(place);
  return [...forms];
}

/** The places an adjective may come from: the inverse of demonymForms. */
export function demonymBases(adjective: string): string[] {
  if (adjective.length < 5 || !/^\p{Ll}+$/u.test(adjective)) return [];
  const bases = new Set<string>();
  for (const suffix of ['n', 'an', 'ian', 'ese', 'i']) {
    if (!adjective.endsWith(suffix)) continue;
    const stem = adjective.slice(0, -suffix.length);
    for (const base of [stem, `${stem}a`, `${stem}o`, `${stem}e`]) if (base.length >= 4 && demonymForms(base).includes(adjective)) bases.add(base);
  }
  return [...bases];
}

/** Rules that type a word by its shape or a list of names, not by what the article says around it. */
const WEAK_TYPING = new Set([...GUESSING_RULES, 'tagger', 'gazetteer:person-name', 'context:verb', 'surname-in-article']);

/** True when every mention of a key was typed by a guess of the rules or of the tagger ("tagger", "tagger+capitalised-run"). */
function onlyWeaklyTyped(info: KeyInfo): boolean {
  for (const rule of info.rules.keys()) if (!WEAK_TYPING.has(rule.startsWith('tagger+') ? rule.slice(7) : rule)) return false;
  return info.rules.size > 0;
}

/** True when every mention of a key was typed by a guess. */
function onlyGuessed(info: KeyInfo): boolean {
  for (const rule of info.rules.keys()) if (!GUESSING_RULES.has(rule)) return false;
  return info.rules.size > 0;
}

/** Two builds of the merged entities put the same ids in the same entities. */
function sameMerges(a: Map<string, Merged>, b: Map<string, Merged>): boolean {
  if (a.size !== b.size) return false;
  for (const [id, entity] of a) if (b.get(id)?.rep !== entity.rep) return false;
  return true;
}

/**
 * Joins merge groups that share an id (union-find over the ids), keeping the first name given
 * in file order. Warns, naming the entries, where groups overlap or names disagree.
 */
export function joinOverlapping(merges: readonly { ids: readonly string[]; name?: string }[]): { groups: MergeGroup[]; warnings: string[] } {
  const parent = new Map<string, string>();
  const find = (id: string): string => {
    let root = id;
    while (parent.get(root) !== root) root = parent.get(root)!;
    // Path compression keeps later finds short.
    for (let at = id; at !== root; ) {
      const next = parent.get(at)!;
      parent.set(at, root);
      at = next;
    }
    return root;
  };
  const groupsOf = new Map<string, number[]>();
  merges.forEach((merge) => {
    const ids = [...new Set(merge.ids)];
    for (const id of ids) if (!parent.has(id)) parent.set(id, id);
    for (const id of ids.slice(1)) {
      const a = find(ids[0]);
      const b = find(id);
      if (a !== b) parent.set(a < b ? b : a, a < b ? a : b);
    }
  });
  merges.forEach((merge, i) => {
    if (merge.ids.length === 0) return;
    const root = find(merge.ids[0]);
    groupsOf.set(root, [...(groupsOf.get(root) ?? []), i]);
  });
  const groups: MergeGroup[] = [];
  const warnings: string[] = [];
  for (const [root, members] of groupsOf) {
    const ids = [...parent.keys()].filter((id) => find(id) === root).sort();
    const names = [...new Set(members.map((i) => merges[i].name).filter((n): n is string => !!n))];
    groups.push({ ids, ...(names.length ? { name: names[0] } : {}) });
    if (members.length > 1) warnings.push(`merges ${members.map((i) => i + 1).join(', ')} share entities and are joined as one: ${ids.join(', ')}`);
    if (names.length > 1) warnings.push(`the merged entity ${ids.join(', ')} is named ${names.map((n) => JSON.stringify(n)).join(' and ')}; it shows as ${JSON.stringify(names[0])}`);
  }
  return { groups, warnings };
}
