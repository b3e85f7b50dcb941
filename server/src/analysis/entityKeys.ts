import type { EntityKind } from './types';

/**
 * Entity keys, formed and read in one place. A key is a mention's identity inside its article
 * and the unit the corpus links across articles:
 *
 * - `person:vladimir putin`, `org:nato`, `place:united states`: a kind and a lower-cased name;
 * - `person:~putin`: a person seen only by surname, which the corpus may join to the one full
 *   name with that surname;
 * - `person:~brack@file:///corpus/b.txt`: a key the reader split off in one article (a
 *   correction), which stands alone.
 */

const PERSON_PREFIX = 'person:';
const SURNAME_PREFIX = 'person:~';
const SPLIT_MARK = '@';

/** The key of a named entity of a kind ("person", "vladimir putin" → "person:vladimir putin"). */
export function entityKey(kind: EntityKind, name: string): string {
  return `${kind}:${name}`;
}

/** The key of a person seen only by surname ("putin" → "person:~putin"). */
export function surnameKey(surname: string): string {
  return SURNAME_PREFIX + surname;
}

/** The key a correction gives a key's mentions in one article, so they stand alone. */
export function splitKey(key: string, uri: string): string {
  return `${key}${SPLIT_MARK}${uri}`;
}

/** True for a surname-only person key ("person:~putin"). */
export function isSurnameKey(key: string): boolean {
  return key.startsWith(SURNAME_PREFIX);
}

/** The surname of a surname-only key ("person:~putin" → "putin"), else undefined. */
export function surnameOfKey(key: string): string | undefined {
  return isSurnameKey(key) ? key.slice(SURNAME_PREFIX.length) : undefined;
}

/**
 * The name part of a key that names an entity in full ("place:halden point" → "halden point");
 * undefined for surname-only and split keys, which name no entity by themselves.
 */
export function nameOfKey(key: string): string | undefined {
  if (isSurnameKey(key) || key.includes(SPLIT_MARK)) return undefined;
  const colon = key.indexOf(':');
  return colon < 0 ? undefined : key.slice(colon + 1);
}

/** The last word of a full-name person key ("person:vladimir putin" → "putin"), else undefined. */
export function lastNameOfKey(key: string): string | undefined {
  if (!key.startsWith(PERSON_PREFIX) || isSurnameKey(key)) return undefined;
  return key.slice(key.lastIndexOf(' ') + 1 || PERSON_PREFIX.length);
}
