import { nameOfKey, surnameKey, surnameOfKey } from '../analysis/entityKeys';
import type { KeyIndex, KeyInfo } from './keyIndex';

/** A merge correction: the ids it joins, the one that names the group, and its display name. */
interface MergeGroup {
  rep: string;
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
  private merges = new Map<string, MergeGroup>();
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

  /** Sets the reader's merges and never-join keys; every identity is recomputed. */
  setRules(merges: readonly { ids: string[]; name?: string }[], noJoin: ReadonlySet<string>): void {
    this.merges = new Map();
    for (const group of merges) {
      const ids = [...new Set(group.ids)].sort();
      const entry = { rep: ids[0], ids, name: group.name };
      for (const id of ids) this.merges.set(id, entry);
    }
    this.noJoin = noJoin;
    this.allStale = true;
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

  /** The entity id a key belongs to. */
  resolve(key: string): string {
    this.sync();
    const cached = this.resolved.get(key);
    if (cached !== undefined) return cached;
    let id = key;
    const surname = surnameOfKey(key);
    if (surname !== undefined && !this.noJoin.has(key)) {
      const candidates = [...this.keys.fullNamesWith(surname)].filter((k) => !this.noJoin.has(k));
      if (candidates.length === 1) id = candidates[0];
    }
    id = this.retyped(id);
    id = this.merges.get(id)?.rep ?? id;
    this.resolved.set(key, id);
    return id;
  }

  /** The display name a merge gave an entity, if any. */
  mergedName(id: string): string | undefined {
    return this.merges.get(id)?.name;
  }

  /** The keys whose mentions make up the entity of an id or key. */
  membersOf(id: string): string[] {
    this.sync();
    const cached = this.members.get(id);
    if (cached) return cached;
    // A surname key that joined a full name stands for the full name's entity.
    const target = this.resolve(id);
    if (target !== id) return this.membersOf(target);
    const members: string[] = [];
    const add = (key: string) => !members.includes(key) && members.push(key);
    for (const key of this.merges.get(id)?.ids ?? [id]) {
      if (this.keys.has(key)) add(key);
      const surname = this.keys.info(key)?.fullNameSurname;
      const surnameOnly = surname ? surnameKey(surname) : undefined;
      if (surnameOnly && this.keys.has(surnameOnly) && this.resolve(surnameOnly) === id) add(surnameOnly);
      const name = nameOfKey(key);
      for (const other of name === undefined ? [] : this.keys.keysNamed(name)) if (other !== key && this.resolve(other) === id) add(other);
    }
    this.members.set(id, members);
    return members;
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
    if (this.allStale) {
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
    for (const surname of this.staleSurnames) {
      keys.add(surnameKey(surname));
      for (const full of this.keys.fullNamesWith(surname)) keys.add(full);
    }
    for (const key of [...keys]) {
      const surname = surnameOfKey(key);
      if (surname !== undefined) for (const full of this.keys.fullNamesWith(surname)) keys.add(full);
    }
    // A change to one spelling of a name may retype the others.
    for (const key of [...keys]) {
      const name = nameOfKey(key);
      for (const other of name === undefined ? [] : this.keys.keysNamed(name)) keys.add(other);
    }
    const ids = new Set<string>();
    for (const key of keys) {
      ids.add(key);
      const was = this.resolved.get(key);
      if (was !== undefined) ids.add(was);
      const group = this.merges.get(key) ?? (was !== undefined ? this.merges.get(was) : undefined);
      if (group) for (const id of group.ids) ids.add(id);
    }
    return ids;
  }
}

/** True when every mention of a key was typed by a guess. */
function onlyGuessed(info: KeyInfo): boolean {
  for (const rule of info.rules.keys()) if (!GUESSING_RULES.has(rule)) return false;
  return info.rules.size > 0;
}
