/**
 * Sports teams named like their towns: in a match report "Leicestershire beat Somerset" names two
 * teams, not two places, and "Surrey captain Chris Lewis" a team's captain.
 */
import type { Draft } from '../assignKeys';
import { isSports, type Evidence } from './evidence';
import { DATELINE_DATE, wordBefore } from './token';

/** Place rules of towns, counties and states, which share their names with teams (not countries). */
const TOWN_RULES = new Set(['gazetteer:city', 'gazetteer:region', 'gazetteer:us-state', 'gazetteer:historical']);
/** Person rules that only guess from the word ("Derbyshire" is also a surname). */
const GUESSED_PERSON = new Set(['gazetteer:person-name', 'capitalised-run', 'context:verb', 'surname-in-article']);

/**
 * In a match report a city, region or state named alone is usually the team ("Leicestershire
 * beat Somerset"); countries stay places (national sides are named as countries), and so do
 * words after "in", "at" or "near" and datelines at the start of a line. A word the rules only
 * guessed at (a surname, a capitalised word) is a team when what follows belongs to a team
 * ("Derbyshire captain", "Torino fans"), not merely a result or a score, which a player has too
 * ("Sampras beat Courier", "b Chandana 56").
 */
export function retypeTeams(text: string, drafts: Draft[], evidence: Evidence): void {
  for (const d of drafts) {
    if (d.demonym || d.words.length > 2) continue;
    const town = d.kind === 'place' && TOWN_RULES.has(d.rule);
    // A word the rules only guessed at: a surname ("Derbyshire") or a capitalised word.
    const guessed = d.words.length === 1 && ((d.kind === 'person' && GUESSED_PERSON.has(d.rule)) || (d.kind === 'org' && d.rule === 'capitalised-run'));
    if (!town && !guessed) continue;
    const lineStart = d.start === 0 || text.charCodeAt(d.start - 1) === 10;
    // "LONDON 1996-08-30" and "BOGOTA, Colombia" are datelines.
    if (lineStart && DATELINE_DATE.test(text.slice(d.end, d.end + 12))) continue;
    const cue = town ? teamOwnCue(text, d) || resultCue(text, d) : teamOwnCue(text, d);
    // The local cue first: the article-wide sports test is needed only then.
    if (cue && isSports(evidence)) {
      d.kind = 'org';
      d.rule = 'context:sports-team';
      d.canonical = undefined;
      d.key = undefined;
    }
  }
}

/** What only a team has after its name, or through its possessive: "Surrey captain", "Newcastle team mate", "Cleveland 's lead". */
function teamOwnCue(text: string, d: Draft): boolean {
  const after = text.slice(d.end, d.end + 32).toLowerCase();
  const next = NEXT_WORD.exec(after);
  if (next && (TEAM_MEMBERS.has(next[2]) || (next[1] && TEAM_POSSESSIONS.has(next[2])))) return true;
  // "former Auxerre playmaker", "former Blackburn and Southampton skipper".
  const second = SECOND_WORD.exec(after);
  return !!second && TEAM_MEMBERS.has(second[1]) && wordBefore(text, d.start) === 'former';
}

/**
 * A result, a score or a player around the name: "Leicestershire beat", "beat Somerset", "Bradford
 * 42-36", "Birmingham 's Gary Breen". Not a schedule ("CLEVELAND AT TEXAS"), which news corpora
 * mark as places.
 */
function resultCue(text: string, d: Draft): boolean {
  const after = text.slice(d.end, d.end + 24);
  const next = TEAM_NEXT.exec(after.toLowerCase());
  const before = wordBefore(text, d.start) || shoutedWordBefore(text, d.start);
  // "in Salzburg 3-2", "at Leeds": where a match was played.
  if (PLACE_BEFORE.has(before)) return false;
  return (
    (!!next && (next[1] !== undefined || TEAM_VERBS.has(next[2]))) ||
    TEAM_BEFORE.has(before) ||
    (before === 'the' && BEAT.has(wordBefore(text, d.start - 4))) ||
    /^ ['’]s \p{Lu}\p{Ll}|^ ['’]S \p{Lu}{2}/u.test(after)
  );
}

/** The word before `start` when it is written in capitals ("BEAT" in "WIGAN BEAT BRADFORD"), lower-cased, or "". */
function shoutedWordBefore(text: string, start: number): string {
  const from = Math.max(0, start - 16);
  return wordBefore(text.slice(from, start).toLowerCase(), start - from);
}

const NEXT_WORD = /^ ?(['’]s )?([a-z-]+)/;
const SECOND_WORD = /^ ?(?:and [a-z]+ )?([a-z-]+)/;
const TEAM_NEXT = /^(?:['’]s)? ?(?:(\d{1,3}(?:-\d{1,3})?)(?![\d-])|([a-z]+))/;
/** Words for the people and parts of a team, written after its name: "Surrey captain", "Eagles owner". */
const TEAM_MEMBERS = new Set([
  'captain', 'skipper', 'playmaker', 'all-rounder', 'striker', 'midfielder', 'defender', 'goalkeeper', 'forward', 'winger', 'coach',
  'manager', 'owner', 'chairman', 'fans', 'supporters', 'squad', 'team-mate', 'teammate', 'franchise', 'organisation', 'organization',
  'batsman', 'bowler', 'opener', 'spinner', 'pitcher', 'quarterback', 'outfielder', 'infielder', 'shortstop', 'catcher', 'lock',
  'fly-half', 'scrum-half', 'prop', 'hooker', 'flanker', 'full-back', 'centre-back', 'sweeper', 'keeper', 'wicketkeeper',
]);
/** What a team has, through its possessive: "Cleveland 's lead", "Boston 's seventh loss". */
const TEAM_POSSESSIONS = new Set(['lead', 'victory', 'win', 'defeat', 'loss', 'innings', 'total', 'reply', 'goal', 'goals', 'bowlers', 'batsmen', 'pitchers', 'season', 'bullpen', 'rotation', 'lineup', 'attack', 'defence', 'defense', 'title', 'hopes', 'players', 'side', 'team']);
/** Words after a team's name in a report of its match ("Leicestershire beat", "Kent 108-3"); not "is", "has": a town does those too. */
const TEAM_VERBS = new Set([
  'beat', 'beats', 'drew', 'draw', 'won', 'win', 'wins', 'lost', 'lose', 'loses', 'led', 'lead', 'leads', 'trail', 'trailed', 'host',
  'hosts', 'hosted', 'face', 'faces', 'faced', 'play', 'plays', 'played', 'reached', 'scored', 'clinched', 'coach', 'manager',
  'striker', 'player', 'players', 'fans', 'captain', 'defender', 'goalkeeper', 'midfielder', 'v', 'vs', 'batted', 'bowled',
  'declared', 'collapsed', 'recovered', 'resumed', 'squad', 'supporters', 'defeated', 'blanked', 'edged', 'routed', 'thrashed',
  'rallied', 'homered',
]);
const PLACE_BEFORE = new Set(['in', 'at', 'near', 'outside']);
/** Verbs of a result, before "the" and a team: "beat the Angels". */
const BEAT = new Set(['beat', 'beating', 'defeated', 'blanked', 'edged', 'routed', 'thrashed', 'downed', 'swept', 'face', 'faces', 'faced']);
const TEAM_BEFORE = new Set([
  'v', 'vs', 'against', 'beat', 'beating', 'over', 'hosts', 'host', 'face', 'faces', 'play', 'plays', 'visit', 'visiting', 'champions',
  'with', 'for', 'joined', 'defeated', 'blanked', 'edged', 'routed', 'thrashed', 'downed', 'swept',
]);
