/**
 * One part of a run, made a name: a leading role is stripped (and recorded), a demonym or a
 * place run into a name is split off, a dateline is read as a place, and what is left is typed.
 */
import { COMMON_WORD_GIVEN_NAMES, COMPANY_FORMS, ROLE_PREFIX_WORDS } from '../wordLists';
import { DEMONYMS, PLACES } from '../../gazetteer/places';
import type { Draft } from '../assignKeys';
import { F } from '../lexicon';
import { isNameNotWord, type Evidence } from './evidence';
import { typeMulti, typeSingle } from './typing';
import { DATELINE_DATE, HYPHEN_LOWER_END, NAME_SHAPE, PARTICLE_WORD, draft, has, isLineStart, knownSpanLength, placeTyped, type Token } from './token';


/** Strips a leading role, then types what is left. */
export function processPart(text: string, part: Token[], evidence: Evidence, out: Draft[]): void {
  // "Chrysler LLC Jim Press": a company form ends the organization's name.
  for (let i = 0; i < part.length - 1; i++) {
    if (COMPANY_FORMS.has(part[i].lower) && i > 0) {
      processPart(text, part.slice(0, i + 1), evidence, out);
      processPart(text, part.slice(i + 1), evidence, out);
      return;
    }
  }
  const role = knownSpanLength(part, 0) === part.length ? undefined : findRole(text, part);
  if (role) return processRole(text, part, role, evidence, out);
  let tokens = part;
  // "Pan-democrat Lam Cheuk-ting": a leading compound with a lower-case tail is a description.
  while (tokens.length > 1 && HYPHEN_LOWER_END.test(tokens[0].text) && !has(tokens[0], F.PLACES)) tokens = tokens.slice(1);
  // Drop leading/trailing words that cannot be inside a name by themselves ("Officials").
  while (tokens.length && (has(tokens[0], F.TITLE_HEADS) && has(tokens[0], F.HONORIFICS))) tokens = tokens.slice(1);
  if (!tokens.length) return;
  // Table headers ("W D L G") and labels ("Scorers :") are not names.
  if (tokens.every((t) => t.text.length === 1)) return;
  if (tokens[0].ambiguous && tokens.length === 1 && !has(tokens[0], F.PLACES) && /^ ?:/.test(text.slice(tokens[0].end, tokens[0].end + 2))) return;
  typePart(text, tokens, evidence, out);
}

/** A part with a role at `[from, to]`: what comes before it, and the person who holds it. */
function processRole(text: string, part: Token[], [from, to]: [number, number], evidence: Evidence, out: Draft[]): void {
  // The organization or place before the role ("Chrysler Chief Executive", "U.S. President").
  if (from > 0) processPart(text, part.slice(0, from), evidence, out);
  const rest = part.slice(to + 1);
  if (!rest.length) return;
  // "the Vice Chairman of Chrysler": the words after "Title of" are the organization, not the holder.
  if (/^ of (?:the )?$/.test(text.slice(part[to].end, rest[0].start))) {
    processPart(text, rest, evidence, out);
    return;
  }
  const roleText = text.slice(part[0].start, part[to].end);
  // "President Putin of Russia": the holder's name ends at "of"; what follows is their country or organization.
  for (let i = 1; i < rest.length; i++) {
    if (!/^ of (?:the )?$/.test(text.slice(rest[i - 1].end, rest[i].start))) continue;
    out.push(draft(rest.slice(0, i), { kind: 'person', rule: `title:${roleHead(part, to)}` }, roleText));
    processPart(text, rest.slice(i), evidence, out);
    return;
  }
  out.push(draft(rest, { kind: 'person', rule: `title:${roleHead(part, to)}` }, roleText));
}

/** Types a part with no role: a demonym or place before a name is split off, a dateline is a place. */
function typePart(text: string, tokens: Token[], evidence: Evidence, out: Draft[]): void {
  // "Australian Tom Moody": the demonym is its own mention, the rest a name.
  if (tokens.length >= 2 && has(tokens[0], F.DEMONYMS)) {
    const last = tokens[tokens.length - 1];
    if (!has(last, F.ORG_SUFFIXES) && !has(last, F.EVENT_SUFFIXES) && !knownSpanLength(tokens, 0)) {
      out.push(draft([tokens[0]], { kind: 'place', rule: 'demonym', canonical: DEMONYMS.get(tokens[0].lower), demonym: true }));
      processPart(text, tokens.slice(1), evidence, out);
      return;
    }
  }
  // "TAVILDARA , Tajikistan 1996-08-30", "KYIV, Ukraine (AP)": a dateline names a place.
  if (tokens[0].allCaps && tokens.length <= 3 && isLineStart(text, tokens[0].start)) {
    const after = text.slice(tokens[tokens.length - 1].end, tokens[tokens.length - 1].end + 16);
    if (/^ ?, ?\p{Lu}/u.test(after) || DATELINE_DATE.test(after)) {
      const place = PLACES.get(tokens.map((t) => t.lower).join(' '));
      out.push(draft(tokens, place ? placeTyped(place) : { kind: 'place', rule: 'dateline' }));
      return;
    }
  }
  if (tokens.length === 1) return typeOneWord(text, tokens[0], evidence, out);
  if (splitPlaceRunIn(text, tokens, evidence, out)) return;
  const typed = typeMulti(tokens, text);
  if (typed === 'split') {
    for (const t of tokens) processPart(text, [t], evidence, out);
    return;
  }
  if (typed) out.push(draft(tokens, typed));
}

/** A name of one word: never a title or a lone common word the article does not capitalise. */
function typeOneWord(text: string, t: Token, evidence: Evidence, out: Draft[]): void {
  if (has(t, F.GENERIC_ALONE) || has(t, F.TITLE_HEADS) || (has(t, F.ROLE_MODIFIERS) && !has(t, F.PLACES) && !has(t, F.KNOWN_ACRONYMS))) return;
  if (t.text.length === 1) return;
  // A lone common word ("Practice", "Standings") is a name only when the article capitalises it often.
  const common = has(t, F.COMMON) && !t.allCaps && !has(t, F.PLACES | F.DEMONYMS | F.NEWS_OUTLETS | F.KNOWN_ACRONYMS) && t.info.mid < 2;
  if (common && !(/^[a-z]+$/.test(t.lower) && isNameNotWord(t, text))) return;
  const typed = typeSingle(t, evidence, text);
  // The article's topic ("Harvest" in its headline, never "harvest"): the article says so, not the word's shape.
  if (typed && common && typed.rule === 'capitalised-run') typed.rule = 'context:topic-name';
  if (typed) out.push(draft([t], typed));
}

/** A place run into a person's name or a listed company (a word lost to lower case): both are processed apart. */
function splitPlaceRunIn(text: string, tokens: Token[], evidence: Evidence, out: Draft[]): boolean {
  // "United States Hamdullah Mohib": a place run into a person's name (a role word was lost to lower case).
  const placeWords = has(tokens[0], F.PLACES) ? Math.max(1, knownSpanLength(tokens, 0)) : knownSpanLength(tokens, 0);
  if (placeWords > 0 && tokens.length - placeWords >= 2 && tokens.length - placeWords <= 3) {
    const rest = tokens.slice(placeWords);
    const lastRest = rest[rest.length - 1];
    if (rest.every((t) => NAME_SHAPE.test(t.text) && !has(t, F.COMMON | F.GENERIC_ALONE | F.PLACES)) && !has(lastRest, F.ORG_SUFFIXES | F.PLACE_SUFFIXES | F.EVENT_SUFFIXES)) {
      processPart(text, tokens.slice(0, placeWords), evidence, out);
      processPart(text, rest, evidence, out);
      return true;
    }
  }
  // "Dearborn, Michigan Ford's stock fell": a place run into a listed company (a lost full stop).
  if (placeWords > 0 && tokens.length === placeWords + 1 && has(tokens[placeWords], F.KNOWN_ORGS | F.NEWS_OUTLETS) && PLACES.has(tokens.slice(0, placeWords).map((t) => t.lower).join(' '))) {
    processPart(text, tokens.slice(0, placeWords), evidence, out);
    processPart(text, tokens.slice(placeWords), evidence, out);
    return true;
  }
  return false;
}

/**
 * Where a role sits in a part: `[from, to]` token indices of the role words ("Chief Executive",
 * "Secretary of State", "President"), or undefined. Words before `from` are an organization or
 * place that qualifies the role ("Chrysler", "CIA", "U.S."). The role must be followed by at
 * least one word shaped like a person's name, or end the part.
 */
function findRole(text: string, part: Token[]): [number, number] | undefined {
  // "Office of the Director of National Intelligence" is an organization, not a role.
  if (part.length > 1 && has(part[0], F.ORG_HEADS_OF) && /^ (?:of|for) /.test(text.slice(part[0].end, part[1].start))) return undefined;
  // The last title word that still leaves a name-shaped tail (or nothing) after it.
  for (let i = part.length - 1; i >= 0; i--) {
    if (!has(part[i], F.TITLE_HEADS)) continue;
    // "Hun Sen": a short honorific ("Sen", "Gen", "Rep") is a title only before a name.
    if (i === part.length - 1 && has(part[i], F.HONORIFICS)) continue;
    let to = i;
    const ofGap = i + 1 < part.length && /^ of (?:the )?$/.test(text.slice(part[i].end, part[i + 1].start));
    // "Chief Executive of General Motors", "Prime Minister of Canada": the words after "of" are
    // the whole organization or place, and nobody holds the role in this run.
    if (ofGap && namesBody(part, i + 1)) return [roleStart(part, i), i];
    // "Secretary of State Antony Blinken", "President of the United States Barack Obama": the
    // words after "of" belong to the role.
    if (ofGap) {
      let j = i + 1;
      while (j < part.length - 1) {
        const known = knownSpanLength(part, j);
        if (known > 1 && j + known < part.length) j += known;
        else if (has(part[j], F.ROLE_MODIFIERS) || (has(part[j], F.PLACES) && !has(part[j], F.PERSON_NAME_SET)) || part[j].allCaps) j++;
        else break;
      }
      to = j - 1;
    }
    const rest = part.slice(to + 1);
    if (rest.length > 4) return undefined;
    if (rest.length) {
      const last = rest[rest.length - 1];
      // "General Motors", "President Hotel", "Prince Edward Island": an org or place, not a role
      // (an earlier title may still head the run: "Chief Executive of General Motors").
      if (has(last, F.ORG_SUFFIXES) || has(last, F.PLACE_SUFFIXES) || has(last, F.NEWS_OUTLETS) || has(last, F.EVENT_SUFFIXES)) continue;
      if (!rest.every((t) => NAME_SHAPE.test(t.text) || PARTICLE_WORD.test(t.text))) return undefined;
      // "Director Bill Burns": a given name that is also a word still starts a name.
      if (!COMMON_WORD_GIVEN_NAMES.has(rest[0].lower) && rest.every((t) => has(t, F.ROLE_MODIFIERS) || has(t, F.COMMON) || has(t, F.GENERIC_ALONE))) return undefined;
      if (rest.length === 1 && (has(last, F.PLACES) || has(last, F.DEMONYMS))) return undefined;
    } else if (i === 0 && part.length === 1) {
      return undefined;
    }
    return [roleStart(part, i), to];
  }
  return undefined;
}

/** The first word of the role whose head word is part[i] ("Deputy Prime Minister"). */
function roleStart(part: Token[], i: number): number {
  let from = i;
  while (from > 0 && (has(part[from - 1], F.TITLE_HEADS) || ROLE_PREFIX_WORDS.has(part[from - 1].lower)) && !has(part[from - 1], F.PLACES) && !has(part[from - 1], F.KNOWN_ACRONYMS)) from--;
  return from;
}

/** Do the words from part[i] to the end name an organization or a place by their shape or a list? */
function namesBody(part: Token[], i: number): boolean {
  const last = part[part.length - 1];
  if (knownSpanLength(part, i) === part.length - i) return true;
  if (i === part.length - 1) return has(last, F.PLACES | F.KNOWN_ORGS | F.NEWS_OUTLETS) || (last.allCaps && has(last, F.KNOWN_ACRONYMS));
  return has(last, F.ORG_SUFFIXES) && !has(last, F.TITLE_HEADS);
}

function roleHead(part: Token[], roleEnd: number): string {
  for (let i = roleEnd; i >= 0; i--) if (has(part[i], F.TITLE_HEADS)) return part[i].text.replace(/\.$/, '');
  return part[roleEnd].text;
}
