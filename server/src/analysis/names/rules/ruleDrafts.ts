/**
 * The rule engine's names, before identity keys: capitalised words (ruleTokens.ts) grouped into
 * candidate runs (runs.ts), each part typed (parts.ts, typing.ts), then the article-wide
 * readings (teams in a match report, the agency after a dateline).
 */
import { tokenize as tokenizeArticle, type Tokens } from '../../tagger/tokenize';
import { outermostDrafts, type Draft } from '../assignKeys';
import { collectEvidence } from './evidence';
import { tokenize } from './ruleTokens';
import { buildRuns, processRun } from './runs';
import { readTableTeams } from './sportsTables';
import { retypeTeams } from './teams';

/** Options of the rule engine. */
export interface RuleOptions {
  /** Treat the first non-empty line as a headline (title case proves nothing there). Default true. */
  headline?: boolean;
}

/**
 * The rule engine's names before identity keys: in text order, none nested in another. `shared`
 * are the article's tokens when the caller has them (tagger/tokenize.ts).
 */
export function findRuleDrafts(text: string, options: RuleOptions = {}, shared?: Tokens): Draft[] {
  if (!text) return [];
  const words = shared ?? tokenizeArticle(text);
  const tokens = tokenize(text, options.headline !== false, words);
  if (tokens.length === 0) return [];
  const evidence = collectEvidence(text, words);
  const drafts: Draft[] = [];
  for (const run of buildRuns(text, tokens)) processRun(text, run, evidence, drafts);
  retypeTeams(text, drafts, evidence);
  readTableTeams(text, evidence, drafts);
  markDatelineAgencies(text, drafts);
  return outermostDrafts(drafts);
}

/** "KESTREL BAY, March 4 (Sample Wire) -": the name in brackets after a dateline is its news agency. */
const DATELINE_AGENCY = /^[ \t]*\p{Lu}[\p{Lu} .'-]*,[^\n()]{0,40}\($/u;

function markDatelineAgencies(text: string, drafts: Draft[]): void {
  for (const d of drafts) {
    if (d.kind === 'place' || text.charCodeAt(d.start - 1) !== 40 || text.charCodeAt(d.end) !== 41) continue;
    // The dateline opens its line within 80 characters: look no further back (a megabyte-long
    // line must not be scanned once per bracket).
    const before = text.slice(Math.max(0, d.start - 81), d.start);
    const newline = before.lastIndexOf('\n');
    if ((newline < 0 && d.start > 80) || !DATELINE_AGENCY.test(before.slice(newline + 1))) continue;
    d.kind = 'org';
    d.rule = 'context:dateline-agency';
    d.canonical = undefined;
    d.key = undefined;
  }
}
