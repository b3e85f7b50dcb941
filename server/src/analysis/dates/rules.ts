/**
 * The grammar of time expressions: one rule per form, each a regex source with named groups
 * and a handler that turns the groups into a TIMEX3 reading. `dates.ts` joins every rule into
 * one alternation (names stripped) and tries it only where a trigger word may start a date;
 * the winning rule's own sticky regex then re-reads just the matched words for its groups.
 *
 * The rules live in rules/ by family: calendarDates (written dates and years), timesOfDay,
 * namedPeriods (quarters, months, seasons, holidays), relativeDates (counted from the article
 * date) and durationsAndSets; rules/rule.ts holds what they share. This file only orders them.
 *
 * Rule order matters: at one start position the first rule that matches wins, so longer and
 * more specific forms come first ("last year's quarter" before "last year"). The families
 * interleave in that order, which is why RULES lists every rule by name rather than family
 * by family.
 *
 * Conventions follow the TimeML/TIMEX3 annotation of TempEval-3 and MEANTIME news: a weekday
 * is the one in the article's week (backwards in a past-tense sentence, forwards in a future
 * one); a bare month or quarter is the nearer occurrence, leaning with the tense; "last week"
 * is an ISO week (2021-W44); "the quarter" in an earnings story is the last completed quarter;
 * "now" is PRESENT_REF; durations are P2D, PT3H, P2Q, PXY (vague); a decade is 199.
 *
 * Every pattern is a sequence of words with optional parts; no quantified group can match the
 * same text in two ways, so matching stays linear on adversarial input.
 */
import {
  centuryRule, dayMonthYearRule, decadeRule, isoRule, monthDayYearRule, monthYearRule, numericRule, spelledYearRule, yearRule,
} from './rules/calendarDates';
import { durationRule, setRule, vagueDurationRule, weekdaySetRule } from './rules/durationsAndSets';
import { holidayRule, monthRule, quarterRule, seasonRule } from './rules/namedPeriods';
import {
  agoRule, lastNextUnitRule, referenceRule, todayRule, weekdayRule, yearAgoRule, yearWordsRule,
} from './rules/relativeDates';
import type { Rule } from './rules/rule';
import { clock24Rule, clockRule, noonRule, thisMorningRule } from './rules/timesOfDay';

export type { Reading, Rule, RuleContext } from './rules/rule';

/** The rules, most specific first. */
export const RULES: Rule[] = [
  isoRule,
  numericRule,
  clockRule,
  clock24Rule,
  noonRule,
  monthDayYearRule,
  dayMonthYearRule,
  monthYearRule,
  quarterRule,
  agoRule,
  lastNextUnitRule,
  durationRule,
  decadeRule,
  centuryRule,
  monthRule,
  seasonRule,
  setRule,
  weekdaySetRule,
  weekdayRule,
  todayRule,
  thisMorningRule,
  yearAgoRule,
  yearWordsRule,
  referenceRule,
  holidayRule,
  yearRule,
  spelledYearRule,
  vagueDurationRule,
];
