/**
 * Candidate runs: neighbouring capitalised words separated by one space (or "of" after an
 * organization head, a name particle, "&") form one candidate name; a run is then split at
 * words that are never names and at sentence-initial words that have not earned their place.
 */
import { COMMON_WORD_GIVEN_NAMES, NEWS_OUTLETS } from '../wordLists';
import type { Draft } from '../assignKeys';
import { F, wordFlags } from '../lexicon';
import { isNameNotWord, LOWER_WORD_BOUNDARY, type Evidence } from './evidence';
import { processPart } from './parts';
import { HYPHEN_LOWER_END, NAME_SHAPE, has, knownSpanLength, type Token } from './token';

/** The most words one candidate name may have. */
const MAX_RUN_WORDS = 8;
/** Gaps that always join two capitalised words into one name. */
const JOIN_GAP = /^(?:[ \u00a0]|[ \u00a0](?:de|du|da|das|dos|del|della|dello|delle|degli|dei|di|van|von|der|den|ter|la|le|bin|ibn|el|al|abu|y|bint)[ \u00a0]|[ \u00a0](?:al|el|ad|as|ash|ar|an|at|az|ud)-| ?& ?)$/;
/** Gaps that join only after an organization or place head ("Bank of England"). */
const OF_GAP = /^[ \u00a0](?:of|for|of the|for the|on|de la)[ \u00a0]$/;
/** Company-form suffixes written after a comma ("Apple, Inc."). */
const COMMA_SUFFIX = /^(?:inc\.?|ltd\.?|llc|plc|corp\.?|co\.?|l\.p\.|n\.v\.|s\.a\.|ag)$/;
/** Endings of English adjectives, adverbs and abstract nouns (not of names). */
const WORD_ENDING = /(?:ous|ive|ible|able|ful|less|ern|ness|ment|ism|ly|ent|ant|ing|ed|ary|ory|ical|ial|ized|ised|ize|ise)$/;

/** Groups tokens into runs of one candidate name each. */
export function buildRuns(text: string, tokens: Token[]): Token[][] {
  const runs: Token[][] = [];
  let run: Token[] = [tokens[0]];
  let hasHead = isHead(tokens[0]);
  for (let i = 1; i < tokens.length; i++) {
    const prev = tokens[i - 1];
    const cur = tokens[i];
    let join = false;
    // A cap on run length keeps every later step linear on adversarial input ("Aaa Bbb Aaa Bbb ..."
    // for megabytes); real names have far fewer words.
    if (!prev.possessive && cur.start - prev.end <= 12 && run.length < MAX_RUN_WORDS) {
      const gap = text.slice(prev.end, cur.start);
      if (JOIN_GAP.test(gap)) join = true;
      // "Wal - Mart" in tokenised text: a spaced hyphen between two title-case words (not headline dashes).
      else if (gap === ' - ' && run.length === 1 && !prev.allCaps && !cur.allCaps && !prev.ambiguous && !has(prev, F.PLACES | F.DEMONYMS)) join = true;
      else if (hasHead && OF_GAP.test(gap) && !has(cur, F.NEVER_NAMES)) join = true;
      else if ((gap === ' & ' || (gap === ' and ' && run.every((t) => has(t, F.COMMON)))) && run.length <= 2 && !hasHead && !run.some((t) => has(t, F.NEWS_OUTLETS | F.PLACES | F.KNOWN_ACRONYMS)) && endsInOrgSuffix(tokens, i)) join = true;
      else if ((gap === ', ' || gap === ' ,') && COMMA_SUFFIX.test(cur.lower)) join = true;
    }
    if (join) {
      run.push(cur);
      if (!hasHead) hasHead = isHead(cur);
    } else {
      runs.push(run);
      run = [cur];
      hasHead = isHead(cur);
    }
  }
  runs.push(run);
  return runs;
}

/** "Test and County Cricket Board": the words from `i` on (joined by single spaces) end in an organization suffix. */
function endsInOrgSuffix(tokens: Token[], i: number): boolean {
  for (let j = i; j < tokens.length && j < i + 4; j++) {
    if (has(tokens[j], F.PLACES | F.DEMONYMS)) return false;
    if (j > i && has(tokens[j], F.ORG_SUFFIXES)) return true;
    if (j + 1 >= tokens.length || tokens[j + 1].start - tokens[j].end !== 1) return false;
  }
  return false;
}

function isHead(t: Token): boolean {
  return has(t, F.ORG_HEADS_OF | F.TITLE_HEADS | F.ORG_SUFFIXES);
}

/** Should an ambiguous capitalised word count as part of a name? */
function earnsPlace(t: Token, evidence: Evidence): boolean {
  if (has(t, F.PLACES | F.DEMONYMS | F.NEWS_OUTLETS | F.KNOWN_ORGS)) return true;
  if (t.allCaps && has(t, F.KNOWN_ACRONYMS)) return true;
  if (has(t, F.NEVER_NAMES)) return false;
  // "Industry-wide", "Long-term" at a sentence start: a compound with a lower-case tail is a word.
  if (HYPHEN_LOWER_END.test(t.text)) return false;
  const common = has(t, F.COMMON) || has(t, F.GENERIC_ALONE) || has(t, F.TITLE_HEADS);
  // An all-caps word in a shouted line is a name only if the body spells it as one.
  if (t.allCaps) return !common && (t.info.mid > 0 || (!t.shouting && !t.headline));
  // A common word ("Apple", "Police") needs to be seen capitalised mid-sentence more than once.
  if (common) return t.info.mid >= 1 || (/^[a-z]+$/.test(t.lower) && isNameNotWord(t, evidence.text));
  // In title-case headlines every word is capitalised: unknown words need evidence.
  if (t.shouting || t.headline) return t.info.mid > 0 || has(t, F.PERSON_NAME_SET);
  // "Potent", "Moribund", "Northeastern" opening a sentence: rarer words the lexicon lacks, shaped
  // like adjectives or abstract nouns, and never seen mid-sentence or known as a name.
  if (t.info.mid === 0 && !has(t, F.PERSON_NAME_SET) && WORD_ENDING.test(t.lower)) return false;
  // "Dockers walked out", "Cranes stood still": the plural of a common word, or a word the
  // article also writes in lower case, opening a sentence and never capitalised mid-sentence.
  if (t.info.mid === 0 && !has(t, F.PERSON_NAME_SET) && /^[a-z]+$/.test(t.lower)) {
    const singular = t.lower.endsWith('es') && wordFlags(t.lower.slice(0, -2)) & F.COMMON ? t.lower.slice(0, -2) : t.lower.endsWith('s') ? t.lower.slice(0, -1) : '';
    if (singular && wordFlags(singular) & F.COMMON) return false;
    // One scan of the article per distinct word: kept to article-sized texts, so it stays cheap.
    if (evidence.text.length <= 20_000) {
      t.info.lowerSeen ??= LOWER_WORD_BOUNDARY(t.lower).test(evidence.text);
      if (t.info.lowerSeen) return false;
    }
  }
  return true;
}

/**
 * "Automaker GM to cut jobs" in an article that also writes "the automaker": a word the lexicon
 * lacks but the article uses in lower case is that word, not the start of a name.
 */
function isWordOfArticle(t: Token, evidence: Evidence): boolean {
  if (t.info.mid > 0 || has(t, F.COMMON | F.PERSON_NAME_SET | F.PLACES | F.DEMONYMS | F.KNOWN_ORGS | F.NEWS_OUTLETS) || evidence.text.length > 20_000 || !/^[a-z]+$/.test(t.lower)) return false;
  t.info.lowerSeen ??= LOWER_WORD_BOUNDARY(t.lower).test(evidence.text);
  return t.info.lowerSeen;
}

/** Splits a run into the parts that are names, strips roles, types each part. */
export function processRun(text: string, run: Token[], evidence: Evidence, out: Draft[]): void {
  // Words that are never names split the run ("The", months, pronouns) unless they start an
  // outlet's name ("The Hill").
  let part: Token[] = [];
  const flush = (): void => {
    if (part.length) processPart(text, part, evidence, out);
    part = [];
  };
  for (let i = 0; i < run.length; i++) {
    const t = run[i];
    // A multi-word place or outlet ("NEW YORK", "Panama City") keeps all its words.
    const known = knownSpanLength(run, i);
    if (known > 1) {
      for (let j = i; j < i + known; j++) part.push(run[j]);
      i += known - 1;
      continue;
    }
    if (t.lower === 'the' && i + 1 < run.length) {
      const two = 'the ' + run[i + 1].lower;
      const three = i + 2 < run.length ? two + ' ' + run[i + 2].lower : '';
      if (NEWS_OUTLETS.has(three) || NEWS_OUTLETS.has(two)) {
        flush();
        part.push(t);
        continue;
      }
    }
    const never = has(t, F.NEVER_NAMES) && !(t.allCaps && has(t, F.KNOWN_ACRONYMS));
    // "Mark Philippoussis won": a given name that is also a word, followed by an uncommon name.
    if (t.ambiguous && !never && COMMON_WORD_GIVEN_NAMES.has(t.lower) && i + 1 < run.length && !t.allCaps) {
      const next = run[i + 1];
      if (next.start - t.end === 1 && !has(next, F.COMMON | F.GENERIC_ALONE | F.TITLE_HEADS | F.ROLE_MODIFIERS) && NAME_SHAPE.test(next.text)) {
        part.push(t);
        continue;
      }
    }
    // "Apple Computer today announced": a sentence-initial word that starts a longer name stays.
    const startsName = t.ambiguous && !t.headline && !t.shouting && !never && i + 1 < run.length && run[i + 1].start - t.end === 1 && !has(run[i + 1], F.NEVER_NAMES) && !isWordOfArticle(t, evidence);
    if (never || (t.ambiguous && !startsName && !earnsPlace(t, evidence) && !isRolePart(run, i))) {
      flush();
      continue;
    }
    part.push(t);
  }
  flush();
}

/** A capitalised role word at a sentence start ("Prime Minister X said") stays for role stripping. */
function isRolePart(run: Token[], i: number): boolean {
  const t = run[i];
  if (!(has(t, F.TITLE_HEADS) || has(t, F.ROLE_MODIFIERS))) return false;
  for (let j = i + 1; j < run.length; j++) {
    if (!(has(run[j], F.TITLE_HEADS) || has(run[j], F.ROLE_MODIFIERS))) return true;
  }
  return false;
}
