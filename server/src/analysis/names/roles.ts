/**
 * A title or role with no holder named ("the Press Secretary said", "the Pentagon Press
 * Secretary", "Foreign Minister", "Secretary of State") is not a name: the tagger and the rules'
 * capitalised runs sometimes take it for a person or an organization. The role stays attached to
 * a person when a name follows it ("Press Secretary Jen Alder"); only a name made of nothing but
 * role words is left out.
 */
import type { Draft } from './assignKeys';
import { ROLE_MODIFIERS, ROLE_PREFIX_WORDS, TITLE_HEADS } from './wordLists';

/**
 * Role heads that are never a name alone. Title words that also name parties, teams, papers or
 * people ("Labour", "Conservative", "Star", "General", "Crown", "Dean") are not here, and a name of
 * one word is dropped only when it is one of these.
 */
const SOLO_ROLES = new Set([
  'secretary', 'undersecretary', 'spokesman', 'spokeswoman', 'spokesperson', 'minister', 'director', 'chief',
  'president', 'vice-president', 'chairman', 'chairwoman', 'chairperson', 'premier', 'governor', 'senator',
  'ambassador', 'envoy', 'commissioner', 'prosecutor', 'mayor', 'deputy', 'president-elect', 'lawmaker', 'attorney',
]);

/** Words that join a role's parts ("Secretary of State", "Minister for Trade and Industry"). */
const ROLE_JOINERS = new Set(['of', 'for', 'the', 'and', '&']);

/**
 * Whether every word of the name is a role word, its head (the last word, or the word before
 * "of") is a title and one of its words is a role that never names anyone alone ("Press
 * Secretary", "Chief Executive", "Secretary of State"; not "Labour Leader").
 */
export function isRoleOnly(words: readonly string[]): boolean {
  const lower: string[] = [];
  for (const w of words) for (const part of w.toLowerCase().split(/\s+/)) if (part) lower.push(part);
  if (lower.length === 0) return false;
  if (lower.length === 1) return SOLO_ROLES.has(lower[0]);
  const of = lower.indexOf('of');
  const head = of > 0 ? lower[of - 1] : lower[lower.length - 1];
  if (!TITLE_HEADS.has(head) || !lower.some((w) => SOLO_ROLES.has(w))) return false;
  return lower.every((w) => TITLE_HEADS.has(w) || ROLE_PREFIX_WORDS.has(w) || ROLE_MODIFIERS.has(w) || ROLE_JOINERS.has(w));
}

/**
 * The names that are not a role alone, whatever type they were given ("Secretary of State" reads
 * as a place by its last word). A name from a list stands.
 */
export function withoutRolesAlone(text: string, drafts: Draft[]): Draft[] {
  // The text, not the draft's words: those leave out the "of" that finds the head.
  return drafts.filter((d) => d.rule.includes('list:') || !isRoleOnly(text.slice(d.start, d.end).split(/\s+/)));
}
