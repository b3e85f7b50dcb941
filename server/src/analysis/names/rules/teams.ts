/**
 * Sports teams named like their towns: in a match report "Leicestershire beat Somerset" names two
 * teams, not two places.
 */
import type { Draft } from '../assignKeys';
import { isSports, type Evidence } from './evidence';
import { DATELINE_DATE, wordBefore } from './token';

/**
 * In a match report a city, region or state named alone is usually the team ("Leicestershire
 * beat Somerset"); countries stay places (national sides are named as countries), and so do
 * words after "in", "at" or "near" and datelines at the start of a line.
 */
export function retypeTeams(text: string, drafts: Draft[], evidence: Evidence): void {
  for (const d of drafts) {
    if (d.kind !== 'place' || d.demonym || d.words.length > 2) continue;
    if (!(d.rule === 'gazetteer:city' || d.rule === 'gazetteer:region' || d.rule === 'gazetteer:us-state' || d.rule === 'gazetteer:historical')) continue;
    const lineStart = d.start === 0 || text.charCodeAt(d.start - 1) === 10;
    // "LONDON 1996-08-30" and "BOGOTA, Colombia" are datelines.
    if (lineStart && DATELINE_DATE.test(text.slice(d.end, d.end + 12))) continue;
    const after = text.slice(d.end, d.end + 24);
    const next = TEAM_NEXT.exec(after);
    const before = wordBefore(text, d.start);
    // A team is followed by its score, a result verb or its player ("Birmingham 's Gary Breen"),
    // follows "v", "against", "beat", "for", or stands in a schedule line ("CLEVELAND AT TEXAS").
    const cue =
      (next && (next[1] !== undefined || TEAM_VERBS.has(next[2]))) ||
      TEAM_BEFORE.has(before) ||
      /^ (?:['’]s )?AT \p{Lu}|^ ['’]s \p{Lu}\p{Ll}/u.test(after) ||
      / AT $/.test(text.slice(Math.max(0, d.start - 4), d.start));
    // The local cue first: the article-wide sports test scans the text and is needed only then.
    if (cue && isSports(evidence)) {
      d.kind = 'org';
      d.rule = 'context:sports-team';
      d.canonical = undefined;
    }
  }
}

const TEAM_NEXT = /^(?:['’]s)? ?(?:(\d{1,3})(?![\d-])|([a-z]+))/;
const TEAM_VERBS = new Set([
  'beat', 'beats', 'drew', 'draw', 'won', 'win', 'wins', 'lost', 'lose', 'loses', 'led', 'lead', 'leads', 'trail', 'trailed', 'host',
  'hosts', 'hosted', 'face', 'faces', 'faced', 'play', 'plays', 'played', 'reached', 'scored', 'clinched', 'moved', 'held',
  'team', 'side', 'club', 'coach', 'manager', 'striker', 'player', 'players', 'fans', 'captain', 'defender', 'goalkeeper',
  'midfielder', 'v', 'vs', 'and', 'were', 'are', 'have', 'had', 'went', 'needed', 'batted', 'bowled', 'declared',
  'is', 'was', 'has', 'will', 'would', 'could', 'can', 'must', 'did', 'took', 'stepped', 'claimed', 'collapsed',
  'recovered', 'finished', 'ended', 'made', 'resumed', 'slipped', 'remained', 'need', 'needs', 'squad', 'supporters',
]);
const TEAM_BEFORE = new Set(['v', 'vs', 'against', 'beat', 'beating', 'over', 'hosts', 'host', 'face', 'faces', 'play', 'plays', 'visit', 'visiting', 'champions', 'with', 'for', 'joined']);
