/**
 * The names stage: people, organizations and places, found by rules and gazetteers and by a
 * learned tagger (tagger/), blended (names/blend.ts).
 *
 * The rules, in one pass over the capitalised words of the article:
 *  1. tokens: every word that starts with a capital letter, with possessives cut off and
 *     abbreviation periods kept ("U.S.", "Corp.");
 *  2. context: is the word at a sentence start, in the headline or in an all-caps line, where a
 *     capital proves nothing? Those words must earn their place (gazetteer, or seen capitalised
 *     mid-sentence elsewhere in the article, or not a common English word);
 *  3. runs: neighbouring capitalised words separated by one space (or "of" after an
 *     organization head, a name particle, "&") form one candidate name;
 *  4. each run loses leading titles (recorded as `role`), is split at words that are never
 *     names, and is typed by gazetteer, shape (suffixes, "X of Y"), given-name list, context;
 *  5. identity keys are assigned per article (surname → full name, aliases, acronyms).
 */
import { assignKeys, type Draft } from './names/assignKeys';
import { blendNames } from './names/blend';
import { harmoniseNames } from './names/consistency';
import { linkLeaders } from './names/governments';
import { isForeignScript, looksEnglish } from './names/language';
import { withoutRolesAlone } from './names/roles';
import { findRuleDrafts, type RuleOptions } from './names/rules/ruleDrafts';
import { shippedTagger, type Tagger } from './tagger/tagger';
import { tagArticle } from './tagger/tagNames';
import { tokenize as tokenizeArticle } from './tagger/tokenize';
import type { EntityMention } from './types';

export { findRuleDrafts };

/** Options for {@link findNames}. */
export interface FindNamesOptions extends RuleOptions {
  /** The learned tagger to blend with the rules; default the shipped one, null for the rules alone. */
  tagger?: Tagger | null;
  /** How far below its own best reading the tagger may score the rules' guesses and keep them. */
  trustGuesses?: number;
  /** One type per name per article (names/consistency.ts). Default true. */
  consistency?: boolean;
}

/**
 * Finds the people, organizations and places named in an article, with per-article identity
 * keys: the rules' candidates and the learned tagger's names, blended (names/blend.ts). Never
 * throws on odd input; offsets are UTF-16 indices into `text`.
 */
export function findNames(text: string, options: FindNamesOptions = {}): EntityMention[] {
  if (!text) return [];
  const tokens = tokenizeArticle(text);
  // Another language would only give invented names (names/language.ts).
  if (!looksEnglish(tokens)) return [];
  const drafts = findRuleDrafts(text, options, tokens);
  const tagger = options.tagger === undefined ? shippedTagger() : options.tagger;
  if (!tagger) return assignKeys(text, withoutRolesAlone(text, withoutForeignScript(text, drafts)));
  const tagged = tagArticle(tokens, tagger, drafts, options.trustGuesses ?? TRUST_GUESSES);
  tagged.names = linkLeaders(tagged.tokens, tagged.names, tagger);
  if (options.consistency !== false) tagged.names = harmoniseNames(tagged, tagger);
  return assignKeys(text, withoutRolesAlone(text, withoutForeignScript(text, blendNames(text, drafts, tagged))));
}

/** Names written in another script ("Путин" in an English article) cannot be typed reliably: left out. */
function withoutForeignScript(text: string, drafts: Draft[]): Draft[] {
  return drafts.filter((d) => !isForeignScript(text.slice(d.start, d.end)));
}

/** Default of FindNamesOptions.trustGuesses, chosen by cross-validation (tools/tagger/crossValidate.ts). */
const TRUST_GUESSES = 20;
